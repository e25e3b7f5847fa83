"""Read the content catalogue: topics with counts, a topic's items, the article for the reader."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.anki_export import CardSchedule, ExportCard
from quizapp.models import (
    CardState,
    Claim,
    Flashcard,
    Question,
    ReviewLog,
    Topic,
)
from quizapp.services.media import CARD_PLACES, MediaStore, export_files
from quizapp.services.tag_filter import holds_tag
from quizapp.services.visibility import open_to_learners


class TopicHeading(NamedTuple):
    """What a topic list shows of a topic (not the entity: building 20 entities a request was a
    good part of the home page)."""

    id: int
    article_id: int
    parent_id: int | None
    title: str


@dataclass(frozen=True)
class TopicSummary:
    topic: TopicHeading
    claims: int
    flashcards: int
    questions: int


def _counts_by_topic(article_ids, model=None) -> sa.Subquery:
    """Claims (or ``model``'s live, non-teacher items) per topic of ``article_ids``, as a derived
    table: one grouped pass over the table."""
    if model is None:
        stmt = sa.select(Claim.topic_id, sa.func.count(Claim.id).label("n"))
    else:
        stmt = (
            sa.select(Claim.topic_id, sa.func.count(model.id).label("n"))
            .select_from(model)
            .join(Claim, model.claim_id == Claim.id)
            .where(open_to_learners(model))
        )
    return stmt.where(Claim.article_id.in_(article_ids)).group_by(Claim.topic_id).subquery()


def _topic_summaries_statement() -> sa.Select:
    article_ids = sa.bindparam("article_ids", expanding=True)
    counts = [_counts_by_topic(article_ids, model) for model in (None, Flashcard, Question)]
    heading = (Topic.id, Topic.article_id, Topic.parent_id, Topic.title)
    stmt = sa.select(*heading, *(sa.func.coalesce(c.c.n, 0) for c in counts))
    for c in counts:
        stmt = stmt.outerjoin(c, c.c.topic_id == Topic.id)
    return stmt.where(Topic.article_id.in_(article_ids)).order_by(Topic.article_id, Topic.position)


# Each count is one grouped pass over the articles' claims, cards or questions, joined to the
# topics: on PostgreSQL about half the time of a subquery per topic and count (0.25 ms against
# 0.45 a statement for the seeded article; on SQLite 0.11 against 0.08). Built once: building
# it cost more than running it, and a statement object also keeps the cache key SQLAlchemy
# computes for it.
_TOPIC_SUMMARIES = _topic_summaries_statement()


def topic_summaries(session: Session, article_ids: list[int]) -> list[TopicSummary]:
    """Every topic of ``article_ids`` in reading order with its counts, in one statement
    whatever the size."""
    rows = session.execute(_TOPIC_SUMMARIES, {"article_ids": article_ids})
    return [TopicSummary(TopicHeading(*row[:4]), *row[4:]) for row in rows]


def items_by_claim(session: Session, claim_ids: list[int]):
    """Live flashcards and questions of the given claims, grouped by claim id."""
    cards: dict[int, list[Flashcard]] = defaultdict(list)
    questions: dict[int, list[Question]] = defaultdict(list)
    for card in session.scalars(
        sa.select(Flashcard).where(Flashcard.claim_id.in_(claim_ids), open_to_learners(Flashcard))
    ):
        cards[card.claim_id].append(card)
    for question in session.scalars(
        sa.select(Question)
        # Teachers' own items belong to their quiz sets, not to the public pages.
        .where(Question.claim_id.in_(claim_ids), open_to_learners(Question))
        .order_by(Question.difficulty, Question.id)
    ):
        questions[question.claim_id].append(question)
    return cards, questions


def export_cards(
    session: Session,
    topic_ids: list[int],
    store: MediaStore | None = None,
    tags: tuple[str, ...] | None = None,
) -> list[ExportCard]:
    """The shared deck's live flashcards (of the given topics, or all) with their sources, and
    their pictures and sound from ``store``; with ``tags`` (a tag's stored spellings,
    ``tag_filter.TagChoice.only``), only the cards holding one of them."""
    stmt = (
        sa.select(
            Flashcard.key,
            Flashcard.front,
            Flashcard.back,
            Claim.quote,
            Topic.title,
            Flashcard.kind,
            Flashcard.media,
            Flashcard.tags,
        )
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(open_to_learners(Flashcard))
        .order_by(Topic.article_id, Claim.start_offset, Flashcard.id)
    )
    if topic_ids:
        stmt = stmt.where(Claim.topic_id.in_(topic_ids))
    if tags is not None:
        stmt = stmt.where(holds_tag(Flashcard, tags))
    return [
        ExportCard(*row[:6], export_files(store, row[6], CARD_PLACES), tuple(row[7] or ()))
        for row in session.execute(stmt)
    ]


def learner_schedules(session: Session, user_id: int, keys: list[str]) -> dict[str, CardSchedule]:
    """The learner's memory of the cards with these keys, for an Anki export with progress:
    cards they have reviewed, with their due time, interval, FSRS state, reviews and lapses."""
    reviews = (
        sa.select(
            ReviewLog.flashcard_id,
            sa.func.count().label("reps"),
            sa.func.sum(sa.case((ReviewLog.rating == 1, 1), else_=0)).label("lapses"),
        )
        .where(ReviewLog.user_id == user_id)
        .group_by(ReviewLog.flashcard_id)
        .subquery()
    )
    rows = session.execute(
        sa.select(
            Flashcard.key,
            CardState.due,
            CardState.last_review,
            CardState.fsrs,
            reviews.c.reps,
            reviews.c.lapses,
        )
        .join(CardState, CardState.flashcard_id == Flashcard.id)
        .outerjoin(reviews, reviews.c.flashcard_id == Flashcard.id)
        .where(
            CardState.user_id == user_id,
            Flashcard.key.in_(keys),
            CardState.last_review.is_not(None),
        )
    )
    schedules = {}
    for key, due, last_review, memory, reps, lapses in rows:
        schedules[key] = CardSchedule(
            due=due,
            interval_days=max(1, (due - last_review).days),
            stability=memory.get("stability"),
            difficulty=memory.get("difficulty"),
            reps=int(reps or 0),
            lapses=int(lapses or 0),
        )
    return schedules
