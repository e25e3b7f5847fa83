"""Bulk history for a learner, for query-count tests and benchmarks."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from fsrs import Card, Rating, Scheduler

from quizapp.models import (
    AttemptQuestion,
    CardState,
    Flashcard,
    Question,
    QuizAttempt,
    Response,
    ReviewLog,
)

SLOTS_PER_ATTEMPT = 100
HISTORY = timedelta(days=365)


def bulk_history(session, user_id: int, responses: int, reviews: int, seed: int = 1) -> None:
    """``responses`` answers (in submitted practice attempts) and ``reviews`` card ratings,
    spread over the last year, inserted in bulk."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(tzinfo=None)
    question_ids = session.scalars(sa.select(Question.id).where(~Question.retired)).all()
    remaining = responses
    while remaining > 0:
        count = min(SLOTS_PER_ATTEMPT, remaining, len(question_ids))
        started = now - timedelta(days=rng.randint(1, 365))
        attempt = QuizAttempt(
            user_id=user_id,
            kind="practice",
            title="Bulk",
            started_at=started,
            submitted_at=started,
            score=0,
            max_score=count,
        )
        session.add(attempt)
        session.flush()
        chosen = rng.sample(question_ids, count)
        session.execute(
            sa.insert(AttemptQuestion),
            [
                {
                    "attempt_id": attempt.id,
                    "question_id": q,
                    "position": i + 1,
                    "choice_order": [],
                    "max_mark": 1.0,
                }
                for i, q in enumerate(chosen)
            ],
        )
        slots = session.execute(
            sa.select(AttemptQuestion.id, AttemptQuestion.question_id).filter_by(
                attempt_id=attempt.id
            )
        ).all()
        session.execute(
            sa.insert(Response),
            [
                {
                    "slot_id": sid,
                    "user_id": user_id,
                    "question_id": qid,
                    "answer": None,
                    "score": float(ok := rng.random() < 0.7),
                    "correct": ok,
                    "checked": True,
                    "answered_at": started + timedelta(seconds=i),
                }
                for i, (sid, qid) in enumerate(slots)
            ],
        )
        remaining -= count
    cards = session.scalars(sa.select(Flashcard.id).where(~Flashcard.retired)).all()
    scheduler = Scheduler(enable_fuzzing=False)
    per_card = max(reviews // max(len(cards), 1), 1)
    logs, states = [], []
    start = datetime.now(UTC) - HISTORY
    for card_id in cards:
        card, moment = Card(card_id=card_id), start
        # A card's reviews are spread over the year up to now (none in the future), with some
        # same-day repeats, like a learner who keeps studying.
        spacing = HISTORY / (per_card + 1)
        for _ in range(per_card):
            if len(logs) >= reviews:
                break
            rating = Rating.Again if rng.random() < 0.1 else Rating.Good
            if rng.random() < 0.2:
                moment = moment + timedelta(minutes=10)
            else:
                moment = moment + spacing * rng.uniform(0.5, 1.5)
            moment = min(moment, datetime.now(UTC) - timedelta(minutes=1))
            before = card.to_dict()
            card, _ = scheduler.review_card(card, rating, moment)
            logs.append(
                {
                    "user_id": user_id,
                    "flashcard_id": card_id,
                    "rating": int(rating),
                    "reviewed_at": moment.replace(tzinfo=None),
                    "duration_ms": 4000,
                    "state_before": before,
                    "state_after": card.to_dict(),
                }
            )
        states.append(
            {
                "user_id": user_id,
                "flashcard_id": card_id,
                "fsrs": card.to_dict(),
                "due": card.due.replace(tzinfo=None),
                "state": int(card.state),
                "stability": card.stability,
                "introduced_at": start.replace(tzinfo=None),
                "last_review": card.last_review.replace(tzinfo=None) if card.last_review else None,
            }
        )
    for i in range(0, len(logs), 5000):
        session.execute(sa.insert(ReviewLog), logs[i : i + 5000])
    session.execute(sa.insert(CardState), states)
    session.commit()


def add_review(session, user_id: int, moment: datetime) -> None:
    """One committed rating of the first card by ``user_id`` at ``moment`` (naive UTC)."""
    card_id = session.scalar(sa.select(Flashcard.id).limit(1))
    session.add(
        ReviewLog(
            user_id=user_id, flashcard_id=card_id, rating=3, reviewed_at=moment, state_after={}
        )
    )
    session.commit()
