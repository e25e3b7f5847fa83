"""A rating's two writes, the card's state and its log row, are one step: both or neither,
never over a rating made meanwhile, and on PostgreSQL one statement that commits by itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from fsrs import Card

from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import CardState, Flashcard, ReviewLog, User
from quizapp.models.base import MAX_ID
from quizapp.services.errors import AlreadyRated
from quizapp.services.flashcards import rate_card
from quizapp.services.rating_writes import RatingWrite, store_rating


def _seeded_card(db) -> int:
    return db.session.scalar(
        sa.select(Flashcard.id).where(Flashcard.origin != ItemOrigin.TEACHER).limit(1)
    )


def _rated(db, learner: User) -> tuple[list[ReviewLog], CardState | None]:
    db.session.expire_all()
    logs = db.session.scalars(
        sa.select(ReviewLog).filter_by(user_id=learner.id).order_by(ReviewLog.id)
    ).all()
    state = db.session.scalar(sa.select(CardState).filter_by(user_id=learner.id))
    return list(logs), state


def _write_from(state: CardState, **changes) -> RatingWrite:
    """A second rating computed from ``state`` as it was read."""
    fields = {
        "user_id": state.user_id,
        "flashcard_id": state.flashcard_id,
        "state_id": state.id,
        "last_review_read": state.last_review,
        "rating": 3,
        "reviewed_at": state.last_review + timedelta(days=1),
        "duration_ms": None,
        "state_before": state.fsrs,
        "card": Card.from_dict(state.fsrs),
    }
    return RatingWrite(**(fields | changes))


def test_a_rating_stores_the_state_and_its_log_row_together(db, make_student):
    learner = make_student()
    card_id = _seeded_card(db)
    first = rate_card(db.session, learner, card_id, 3, 4_000)
    db.session.commit()
    second = rate_card(db.session, learner, card_id, 1, None)
    db.session.commit()
    logs, state = _rated(db, learner)
    assert [log.rating for log in logs] == [3, 1]
    assert logs[0].state_before is None and logs[0].duration_ms == 4_000
    assert logs[0].state_after == first == logs[1].state_before
    assert logs[1].state_after == second == state.fsrs
    assert state.last_review.isoformat() + "+00:00" == second["last_review"]
    assert state.due.isoformat() + "+00:00" == second["due"]


def test_a_state_changed_since_it_was_read_is_left_alone(db, make_student):
    learner = make_student()
    rate_card(db.session, learner, _seeded_card(db), 3, None)
    db.session.commit()
    _logs, state = _rated(db, learner)
    kept = dict(state.fsrs)
    # Computed from a view older than the stored state: another tab rated the card meanwhile.
    stale = _write_from(state, last_review_read=state.last_review - timedelta(minutes=5))
    with pytest.raises(AlreadyRated):
        store_rating(db.session, stale)
    db.session.rollback()
    logs, state = _rated(db, learner)
    assert len(logs) == 1 and state.fsrs == kept


def test_a_first_rating_made_meanwhile_is_not_made_twice(db, make_student):
    learner = make_student()
    card_id = _seeded_card(db)
    rate_card(db.session, learner, card_id, 3, None)
    db.session.commit()
    _logs, state = _rated(db, learner)
    # Read before the first rating was stored: no state yet.
    late = _write_from(state, state_id=None, last_review_read=None, state_before=None)
    with pytest.raises(AlreadyRated):
        store_rating(db.session, late)
    db.session.rollback()
    logs, _state = _rated(db, learner)
    assert len(logs) == 1
    assert (
        db.session.scalar(sa.select(sa.func.count(CardState.id)).filter_by(user_id=learner.id)) == 1
    )


def test_a_log_row_that_cannot_be_stored_takes_the_state_back_with_it(db, make_student):
    learner = make_student()
    rate_card(db.session, learner, _seeded_card(db), 3, None)
    db.session.commit()
    _logs, state = _rated(db, learner)
    kept = (dict(state.fsrs), state.due)
    # The state's row exists; the log row names a card that does not (a foreign key).
    with pytest.raises(sa.exc.IntegrityError):
        store_rating(db.session, _write_from(state, flashcard_id=MAX_ID))
    db.session.rollback()
    logs, state = _rated(db, learner)
    assert len(logs) == 1
    assert (state.fsrs, state.due) == kept


def test_on_postgresql_a_rating_is_one_statement_that_commits_alone(db, make_student):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (TEST_DATABASE_URL)")
    learner = make_student()
    card_id = _seeded_card(db)
    rate_card(db.session, learner, card_id, 3, None)
    db.session.commit()
    db.session.refresh(learner)  # the commit expired it: its reload is not the rating's
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        rate_card(db.session, learner, card_id, 4, None)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    # The read, then the write; no BEGIN was sent, and nothing is left to commit.
    assert len(statements) == 2 and statements[1].lstrip().startswith("WITH")
    info = db.session.connection().connection.dbapi_connection.info
    assert info.transaction_status.name == "IDLE"
    with db.engine.connect() as other:  # another connection already sees both rows
        count = sa.select(sa.func.count(ReviewLog.id)).where(ReviewLog.user_id == learner.id)
        assert other.scalar(count) == 2
    db.session.rollback()
