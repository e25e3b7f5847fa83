"""Read the content catalogue: topics with counts, a topic's items, the article for the reader."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.anki_export import CardSchedule, ExportCard
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import (
    CardState,
    Claim,
    Flashcard,
    Question,
    ReviewLog,
    Topic,
    live,
)


@dataclass(frozen=True)
class TopicSummary:
    topic: Topic
    claims: int
    flashcards: int
    questions: int


def _counts_by_topic(count_of, *joins_and_filters, scope) -> sa.Subquery:
    """``count_of`` per topic (of the articles ``scope`` keeps), as a derived table."""
    stmt = sa.select(Claim.topic_id, sa.func.count(count_of).label("n"))
    for step in joins_and_filters:
        stmt = step(stmt)
    return stmt.where(scope(Claim.article_id)).group_by(Claim.topic_id).subquery()


def _topic_summaries_statement(scope) -> sa.Select:
    def items(model):
        return _counts_by_topic(
            model.id,
            lambda s: s.select_from(model).join(Claim, model.claim_id == Claim.id),
            lambda s: s.where(live(model), model.origin != ItemOrigin.TEACHER),
            scope=scope,
        )

    claims = _counts_by_topic(Claim.id, scope=scope)
    cards, questions = items(Flashcard), items(Question)
    return (
        sa.select(
            Topic,
            *(sa.func.coalesce(counts.c.n, 0) for counts in (claims, cards, questions)),
        )
        .outerjoin(claims, claims.c.topic_id == Topic.id)
        .outerjoin(cards, cards.c.topic_id == Topic.id)
        .outerjoin(questions, questions.c.topic_id == Topic.id)
        .where(scope(Topic.article_id))
        .order_by(Topic.article_id, Topic.position)
    )


# Each count is one grouped pass over the articles' claims, cards or questions, joined to the
# topics: on PostgreSQL about half the time of a subquery per topic and count (0.25 ms against
# 0.45 a statement for the seeded article; on SQLite 0.11 against 0.08). Built once: building
# it cost more than running it, and a statement object also keeps the cache key SQLAlchemy
# computes for it.
_ALL_TOPIC_SUMMARIES = _topic_summaries_statement(lambda _column: sa.true())
_TOPIC_SUMMARIES_OF = _topic_summaries_statement(
    lambda column: column.in_(sa.bindparam("article_ids", expanding=True))
)


def topic_summaries(session: Session, article_ids: list[int] | None = None) -> list[TopicSummary]:
    """Every topic (of ``article_ids``) in reading order with its counts, in one statement
    whatever the size."""
    if article_ids is None:
        rows = session.execute(_ALL_TOPIC_SUMMARIES)
    else:
        rows = session.execute(_TOPIC_SUMMARIES_OF, {"article_ids": article_ids})
    return [TopicSummary(*row) for row in rows]


def items_by_claim(session: Session, claim_ids: list[int]):
    """Live flashcards and questions of the given claims, grouped by claim id."""
    cards: dict[int, list[Flashcard]] = defaultdict(list)
    questions: dict[int, list[Question]] = defaultdict(list)
    for card in session.scalars(
        sa.select(Flashcard).where(
            Flashcard.claim_id.in_(claim_ids),
            live(Flashcard),
            Flashcard.origin != ItemOrigin.TEACHER,
        )
    ):
        cards[card.claim_id].append(card)
    for question in session.scalars(
        sa.select(Question)
        # Teachers' own items belong to their quiz sets, not to the public pages.
        .where(
            Question.claim_id.in_(claim_ids), live(Question), Question.origin != ItemOrigin.TEACHER
        )
        .order_by(Question.difficulty, Question.id)
    ):
        questions[question.claim_id].append(question)
    return cards, questions


def export_cards(session: Session, topic_ids: list[int]) -> list[ExportCard]:
    """The shared deck's live flashcards (of the given topics, or all) with their sources."""
    stmt = (
        sa.select(
            Flashcard.key, Flashcard.front, Flashcard.back, Claim.quote, Topic.title, Flashcard.kind
        )
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(live(Flashcard), Flashcard.origin != ItemOrigin.TEACHER)
        .order_by(Topic.article_id, Claim.start_offset, Flashcard.id)
    )
    if topic_ids:
        stmt = stmt.where(Claim.topic_id.in_(topic_ids))
    return [ExportCard(*row) for row in session.execute(stmt)]


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
