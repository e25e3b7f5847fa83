"""A rating's two writes, the card's new state and its review log row, stored as one step.

On PostgreSQL they go as one statement: a data-modifying CTE writes the state, and the log row
is inserted from what it returned. One statement is atomic with its triggers on its own, so on
the app's autocommit connections (``quizapp.postgres_connections``) it needs no ``BEGIN`` and
no ``COMMIT``: one round trip where the ORM's flush made four. Measured under load, that was
most of what a rating cost beyond a page view (docs/benchmarks.md). SQLite has no writes inside
``WITH`` and no round trips to save, so it runs the same two statements one after the other in
the session's transaction.

Both guard against rating a card twice from one view (a double key press, a second tab): the
state is written only while its last review is still the one the rating was computed from
(for a new card, while it has no state), otherwise nothing is written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from fsrs import Card
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quizapp.core.clock import naive
from quizapp.core.translatable import N_
from quizapp.models import CardState, ReviewLog
from quizapp.postgres_connections import SINGLE_STATEMENT
from quizapp.services.errors import AlreadyRated

CARD_STATE = CardState.__table__
REVIEW_LOG = ReviewLog.__table__
RATED_MEANWHILE = N_("This card was rated already; here is the next one.")


@dataclass(frozen=True)
class RatingWrite:
    """A rating computed and not yet stored (times naive UTC)."""

    user_id: int
    flashcard_id: int
    state_id: int | None  # None: the learner's first rating of this card
    last_review_read: datetime | None  # the state's last review the rating was computed from
    rating: int
    reviewed_at: datetime
    duration_ms: int | None
    state_before: dict[str, Any] | None  # ``fsrs.Card.to_dict()``
    card: Card  # the card's state after the rating


STATE_COLUMNS = ("fsrs", "due", "state", "stability", "last_review")


def state_columns(card: Card) -> dict[str, Any]:
    """A ``card_state`` row's values for an FSRS card."""
    return {
        "fsrs": card.to_dict(),
        "due": naive(card.due),
        "state": int(card.state),
        "stability": card.stability,
        "last_review": naive(card.last_review) if card.last_review else None,
    }


def store_rating(session: Session, write: RatingWrite) -> dict[str, Any]:
    """Write the new state and the log row and return the new state (``fsrs`` of it), or
    write nothing and raise ``AlreadyRated``.

    On PostgreSQL, unless an earlier write opened a transaction, this commits by itself: a
    rating is its request's only write, and what follows it cannot take it back."""
    state = state_columns(write.card)
    params = {f"new_{name}": value for name, value in state.items()} | {
        "state_id": write.state_id,
        "last_review_read": write.last_review_read,
        "user_id": write.user_id,
        "flashcard_id": write.flashcard_id,
        "rating": write.rating,
        "reviewed_at": write.reviewed_at,
        "duration_ms": write.duration_ms,
        "state_before": write.state_before,  # None for a first rating: JSON null, as before
    }
    # Bound as r_*: a parameter named like a column would be added to an UPDATE's SET.
    params = {f"r_{name}": value for name, value in params.items()}
    dialect = session.get_bind().dialect.name
    first = write.state_id is None
    if dialect == "postgresql":
        stored = session.execute(
            _one_statement(first), params, execution_options=SINGLE_STATEMENT
        ).first()
        if stored is None:
            raise AlreadyRated(RATED_MEANWHILE)
    else:
        if session.execute(_state_write(dialect, first), params).rowcount != 1:
            raise AlreadyRated(RATED_MEANWHILE)
        session.execute(_log_insert(), params)
    return state["fsrs"]


# The statements are built once: a rating binds only its values (building and keying a
# statement is Python work on every card's path).


@functools.cache
def _state_write(dialect: str, first: bool) -> Any:
    """The state's write: an update guarded by the last review read, or for a first rating an
    insert that does nothing if another request introduced the card meanwhile."""
    values = {name: _param(f"new_{name}", CARD_STATE.c[name]) for name in STATE_COLUMNS}
    if not first:
        return (
            sa.update(CARD_STATE)
            .where(
                CARD_STATE.c.id == sa.bindparam("r_state_id"),
                CARD_STATE.c.last_review.is_not_distinct_from(
                    _param("last_review_read", CARD_STATE.c.last_review)
                ),
            )
            .values(values)
        )
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(CARD_STATE)
        .values(
            user_id=_param("user_id", CARD_STATE.c.user_id),
            flashcard_id=_param("flashcard_id", CARD_STATE.c.flashcard_id),
            introduced_at=_param("reviewed_at", CARD_STATE.c.introduced_at),
            **values,
        )
        .on_conflict_do_nothing(index_elements=["user_id", "flashcard_id"])
    )


def _log_values() -> dict[str, Any]:
    return {
        name: _param(name, REVIEW_LOG.c[name])
        for name in ("user_id", "flashcard_id", "rating", "reviewed_at", "duration_ms")
    } | {
        "state_before": _param("state_before", REVIEW_LOG.c.state_before),
        "state_after": _param("new_fsrs", REVIEW_LOG.c.state_after),
    }


@functools.cache
def _log_insert() -> Any:
    return sa.insert(REVIEW_LOG).values(_log_values())


@functools.cache
def _one_statement(first: bool) -> Any:
    """PostgreSQL: the state's write in a CTE, and the log row inserted only if it wrote."""
    written = _state_write("postgresql", first).returning(CARD_STATE.c.id).cte("written")
    log = _log_values()
    return (
        sa.insert(REVIEW_LOG)
        .from_select(list(log), sa.select(*log.values()).select_from(written))
        .returning(REVIEW_LOG.c.id)
    )


def _param(name: str, column: sa.Column) -> sa.BindParameter:
    return sa.bindparam(f"r_{name}", type_=column.type)
