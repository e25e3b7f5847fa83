"""The one place where a claim that leans on the sentence before gets that sentence.

Every generated card and question of such a claim, whatever its form, shows the context line
(``references.standalone_claims``) before its front or prompt: a card after its topic's label
("The First Voyage: Cook joined the navy in 1755. _____ years later, …"), a question as
"(Context: …)". A question whose answer the context line holds is dropped: it would give the
answer away.
"""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims import TopicDraft
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft
from quizapp.core.item_headings import HEADING_KEY_PREFIX

MIN_ANSWER_CHARS = 2
WHICH_STATEMENT_PREFIX = "gen-said-"
CONTEXT_LINE = re.compile(r"^\(Context: .*?[.!?]\) ")
# "In which year did It take …": a form's question keeps a pronoun's capital mid-sentence.
CAPITAL_PRONOUN = re.compile(r"(?<=[a-z,] )(It|Its|He|His|She|Her|They|Their)\b")


def _card_in_context(
    card: FlashcardDraft, context: str, topic: TopicDraft | None
) -> FlashcardDraft:
    if context in card.front:
        return card
    label = f"{topic.title}: " if topic else ""
    if label and card.front.startswith(label):
        return replace(card, front=f"{label}{context} {card.front[len(label) :]}")
    return replace(card, front=f"{context} {card.front}")


def _answers(question: QuestionDraft) -> list[str]:
    chosen = [c["text"] for c in question.choices if c.get("correct")]
    return [*question.accepted, *chosen]


def holds_answer(context: str, answer: str) -> bool:
    answer = answer.strip().removesuffix(".")
    if len(answer) <= MIN_ANSWER_CHARS:
        return False
    return (
        re.search(rf"(?<!\w){re.escape(answer.casefold())}(?!\w)", context.casefold()) is not None
    )


def with_context(
    cards: list[FlashcardDraft],
    questions: list[QuestionDraft],
    contexts: dict[str, str],
    topic_of: dict[str, TopicDraft],
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """The drafts, each of a claim in ``contexts`` shown with its context line."""
    shown_cards = [
        _card_in_context(c, contexts[c.claim_key], topic_of.get(c.claim_key))
        if c.claim_key in contexts
        else c
        for c in cards
    ]
    shown_questions = []
    for question in questions:
        context = contexts.get(question.claim_key)
        if context is None or question.pairs:
            shown_questions.append(question)
        elif question.key.startswith(HEADING_KEY_PREFIX):
            continue  # the context line, from the text before, would say where it stands
        elif not any(holds_answer(context, answer) for answer in _answers(question)):
            prompt = CAPITAL_PRONOUN.sub(lambda m: m.group(1).lower(), question.prompt)
            shown_questions.append(replace(question, prompt=f"(Context: {context}) {prompt}"))
    return shown_cards, _without_trivial_which_statements(shown_questions, contexts)


def _without_trivial_which_statements(
    questions: list[QuestionDraft], contexts: dict[str, str]
) -> list[QuestionDraft]:
    """A which-statement question of a claim shown with a context line is dropped when the
    claim has another question: reviewers mostly marked it trivial (the context line and the
    one option that fits it give the answer away)."""
    asked_otherwise = {
        q.claim_key for q in questions if not q.key.startswith(WHICH_STATEMENT_PREFIX)
    }
    return [
        q
        for q in questions
        if not (
            q.key.startswith(WHICH_STATEMENT_PREFIX)
            and q.claim_key in contexts
            and q.claim_key in asked_otherwise
        )
    ]


def without_context(prompt: str) -> str:
    """The prompt without its context line, as the question's own form wrote it."""
    return CONTEXT_LINE.sub("", prompt, count=1)
