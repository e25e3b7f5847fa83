"""Offline study in tests: what the server keeps of a learner's study, to compare two learners,
and the same events replayed as an online session would have made them."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from quizapp.core.question_kinds import kind_of
from quizapp.models import CardState, QuizAttempt, Response, ReviewLog
from quizapp.services.flashcards import rate_card
from quizapp.services.quizzes import create_attempt, save_answer, submit_attempt


def at_ms(moment: datetime) -> int:
    """A naive UTC time as a queued event's ``at``."""
    return int(moment.replace(tzinfo=UTC).timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _strip(state):
    # FSRS's card dicts carry the card's id; two learners' states otherwise match exactly.
    return state and {k: v for k, v in state.items() if k != "card_id"}


def flashcard_history(session, user_id: int) -> tuple[list, list]:
    """The learner's review log and FSRS states, in a stable order, comparable across learners."""
    logs = session.execute(
        sa.select(
            ReviewLog.flashcard_id,
            ReviewLog.rating,
            ReviewLog.reviewed_at,
            ReviewLog.duration_ms,
            ReviewLog.state_before,
            ReviewLog.state_after,
        )
        .where(ReviewLog.user_id == user_id)
        .order_by(ReviewLog.reviewed_at, ReviewLog.id)
    ).all()
    states = session.execute(
        sa.select(CardState.flashcard_id, CardState.fsrs, CardState.due, CardState.introduced_at)
        .where(CardState.user_id == user_id)
        .order_by(CardState.flashcard_id)
    ).all()
    return (
        [(c, r, at, d, _strip(b), _strip(a)) for c, r, at, d, b, a in logs],
        [(c, _strip(f), due, intro) for c, f, due, intro in states],
    )


def graded_answers(session, user_id: int) -> list[tuple]:
    return [
        tuple(row)
        for row in session.execute(
            sa.select(
                Response.question_id,
                Response.answer,
                Response.score,
                Response.correct,
                Response.answered_at,
            )
            .where(Response.user_id == user_id)
            .order_by(Response.question_id)
        )
    ]


def replay_online(session, learner, events: list[dict], attempt: QuizAttempt | None) -> QuizAttempt:
    """The queued events done online by ``learner``: each rating through the flashcard page's
    service at its time, the answers in a twin of ``attempt`` (same questions, same choice
    order), submitted at the quiz's end. Returns the twin attempt (None without ``attempt``)."""
    twin = None
    if attempt is not None:
        twin = create_attempt(session, learner.id, [s.question for s in attempt.questions])
        for slot, twin_slot in zip(attempt.questions, twin.questions, strict=True):
            twin_slot.choice_order = slot.choice_order
        session.flush()
    slots = {s.position: s for s in twin.questions} if twin else {}
    for event in sorted(events, key=lambda e: (e["at"], e["kind"] == "finish")):
        moment = from_ms(event["at"])
        if event["kind"] == "rating":
            rate_card(
                session,
                learner,
                event["card"],
                event["rating"],
                event.get("duration_ms"),
                now=moment,
            )
        elif event["kind"] == "answer":
            slot = slots[event["position"]]
            answer = kind_of(slot.question.type).answer_from_form(
                slot.question, MultiDict([tuple(pair) for pair in event["fields"]])
            )
            save_answer(session, twin, slot, answer, now=moment.replace(tzinfo=None))
        else:
            submit_attempt(session, twin, now=moment.replace(tzinfo=None))
    session.commit()
    return twin
