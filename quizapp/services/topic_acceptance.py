"""Accepting every draft of one topic at once, in an article's review.

Only drafts that pass the checks a teacher's edit passes are accepted (``authoring.draft_problem``);
the others stay drafts, each with the reason, for the teacher to edit. Nothing is committed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import Claim, Flashcard, ItemStatus, Question, Topic
from quizapp.services.authoring import draft_problem
from quizapp.services.errors import TeachingError

SHOWN_TEXT = 80  # characters of a held draft's prompt or front, to say which one it is


@dataclass(frozen=True)
class HeldDraft:
    """A draft that stays one, and why."""

    kind: str  # "questions" or "flashcards", as in the review's URLs
    item_id: int
    text: str
    reason: TeachingError  # the refusal its edit would get: the page words it


@dataclass
class TopicAcceptance:
    """What accepting a topic's drafts does (or did): how many pass, which stay drafts."""

    topic: Topic
    passing: list[Question | Flashcard] = field(default_factory=list)
    held: list[HeldDraft] = field(default_factory=list)


def _topic_drafts(session: Session, topic: Topic, model):
    """The topic's own drafts (a sub-topic is a topic of its own in the review), as the review
    lists them: not retired, and none a teacher wrote in the bank."""
    return session.scalars(
        sa.select(model)
        .join(Claim, model.claim_id == Claim.id)
        .where(
            Claim.topic_id == topic.id,
            model.status == ItemStatus.DRAFT,
            ~model.retired,
            model.origin != ItemOrigin.TEACHER,
        )
        .order_by(Claim.start_offset, model.id)
    ).all()


def check_topic_drafts(session: Session, topic: Topic, teacher_id: int) -> TopicAcceptance:
    """Sort the topic's drafts into those that pass the checks and those held back."""
    result = TopicAcceptance(topic)
    for kind, model, text in (
        ("flashcards", Flashcard, lambda card: card.front),
        ("questions", Question, lambda question: question.prompt),
    ):
        for item in _topic_drafts(session, topic, model):
            reason = draft_problem(session, item, teacher_id)
            if reason is None:
                result.passing.append(item)
            else:
                shown = text(item)
                if len(shown) > SHOWN_TEXT:
                    shown = shown[: SHOWN_TEXT - 1] + "…"
                result.held.append(HeldDraft(kind, item.id, shown, reason))
    return result


def accept_topic(session: Session, topic: Topic, teacher_id: int) -> TopicAcceptance:
    """Publish the topic's drafts that pass the checks; the others stay drafts."""
    result = check_topic_drafts(session, topic, teacher_id)
    for item in result.passing:
        item.status = ItemStatus.PUBLISHED
    return result
