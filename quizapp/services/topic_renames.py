"""A topic's new name carried into the items that quote it: card fronts, heading questions.

Item ids, keys and statuses stay as they are, so learners' progress and history stay with
their items; only the text naming the topic changes. See ``core.topic_names``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.item_headings import HEADING_KEY_PREFIX, MATCHING_KEY_PREFIX
from quizapp.core.topic_names import (
    renamed_choices,
    renamed_front,
    renamed_pairs,
    renamed_quote,
)
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import Claim, Flashcard, Question, Topic

# A teacher's own items say what the teacher wrote; only generated ones quote topic names.
RENAMED_ORIGINS = (ItemOrigin.GENERATED,)


def retitle_cards(session: Session, topic_id: int, old: str, new: str) -> int:
    """Rewrite the "Old: …" prefix of the generated cards of the topic's claims; how many."""
    cards = session.scalars(
        sa.select(Flashcard)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(Claim.topic_id == topic_id, Flashcard.origin.in_(RENAMED_ORIGINS))
    )
    changed = 0
    for card in cards:
        front = renamed_front(card.front, old, new)
        if front != card.front:
            card.front = front
            changed += 1
    return changed


def retitle_questions(session: Session, article_id: int, old: str, new: str) -> int:
    """Rewrite ``old`` where the article's heading questions name it as a heading: options,
    matching pairs, and quoted in prompts and explanations; how many questions changed.

    Only the questions about headings: another generated question whose option or quote happens
    to read like the old title (a word the article defines, say) is about something else.
    When two topics merge, a "which heading" question may list the new name twice: the option
    that is not the answer goes (ids stay, as when the generator drops one). A matching
    question pairing one heading twice no longer asks anything and is retired.
    """
    questions = session.scalars(
        sa.select(Question).where(
            Question.article_id == article_id,
            Question.origin.in_(RENAMED_ORIGINS),
            sa.or_(
                Question.key.startswith(HEADING_KEY_PREFIX, autoescape=True),
                Question.key.startswith(MATCHING_KEY_PREFIX, autoescape=True),
            ),
        )
    )
    changed = 0
    for question in questions:
        values = {
            "choices": _one_option_per_heading(renamed_choices(question.choices or [], old, new)),
            "pairs": renamed_pairs(question.pairs or [], old, new),
            "prompt": renamed_quote(question.prompt, old, new),
            "explanation": renamed_quote(question.explanation, old, new),
        }
        updates = {k: v for k, v in values.items() if v != (getattr(question, k) or [])}
        if updates:
            for name, value in updates.items():
                setattr(question, name, value)  # new lists: JSON columns see a new value
            if _pairs_a_heading_twice(question):
                question.retired = True
            changed += 1
    return changed


def _one_option_per_heading(choices: list[dict]) -> list[dict]:
    """The options with each heading once: where one is listed twice, the answer is kept."""
    answers = {c.get("text") for c in choices if c.get("correct")}
    kept, seen = [], set()
    for choice in choices:
        text = choice.get("text")
        twice = [c for c in choices if c.get("text") == text]
        if text in seen or (len(twice) > 1 and text in answers and not choice.get("correct")):
            continue
        seen.add(text)
        kept.append(choice)
    return kept


def _pairs_a_heading_twice(question: Question) -> bool:
    headings = [pair[0] for pair in question.pairs or [] if pair]
    return len(headings) != len(set(headings))


def retitle_topic(session: Session, topic: Topic, old: str) -> None:
    """Carry ``topic``'s new title (it was ``old``) into every generated item quoting it."""
    if old == topic.title:
        return
    retitle_cards(session, topic.id, old, topic.title)
    retitle_questions(session, topic.article_id, old, topic.title)
