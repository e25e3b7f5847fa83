"""A learner's Anki review history brought in: each card's ratings replayed through FSRS with
the learner's own scheduler, stored as the card's state and review log as if rated here.

Idempotent: a review already in the learner's log for that card at the same time (Anki's
review id is its time in milliseconds) is not replayed again; one older than the card's last
review here cannot be placed in its history any more and is listed instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from fsrs import Card
from sqlalchemy.orm import Session

from quizapp.core.interchange.anki_import import AnkiCard, AnkiDeck
from quizapp.core.interchange.records import Changed
from quizapp.core.review_replay import PastRating, ReplayedRating, moment, replay
from quizapp.models import CardState, FsrsParameters, ReviewLog, User
from quizapp.services.flashcards import kept_parameters, scheduler_for
from quizapp.services.rating_writes import state_columns

_IN_CHUNK = 5000
HISTORY = "review history"


@dataclass
class ProgressOutcome:
    reviews: int = 0  # replayed by this import
    cards: int = 0  # cards whose memory this import changed
    already: int = 0  # reviews an earlier import brought in
    notes: list[Changed] = field(default_factory=list)


def _chunks(ids: list[int]):
    for start in range(0, len(ids), _IN_CHUNK):
        yield ids[start : start + _IN_CHUNK]


def _known(session: Session, user_id: int, ids: list[int]):
    """The learner's states of these cards, and the times of their logged reviews."""
    states: dict[int, CardState] = {}
    logged: dict[int, set[datetime]] = {}
    for chunk in _chunks(ids):
        states.update(
            (s.flashcard_id, s)
            for s in session.scalars(
                sa.select(CardState).where(
                    CardState.user_id == user_id, CardState.flashcard_id.in_(chunk)
                )
            )
        )
        rows = session.execute(
            sa.select(ReviewLog.flashcard_id, ReviewLog.reviewed_at).where(
                ReviewLog.user_id == user_id, ReviewLog.flashcard_id.in_(chunk)
            )
        )
        for flashcard_id, reviewed_at in rows:
            logged.setdefault(flashcard_id, set()).add(reviewed_at)
    return states, logged


@dataclass
class _Writes:
    """Rows gathered over the whole deck and written in one statement each: a deck of
    thousands of reviewed cards made thousands of statements, most of the import's time."""

    logs: list[dict] = field(default_factory=list)
    new_states: list[dict] = field(default_factory=list)

    def add(self, user_id: int, flashcard_id: int, state, done: list[ReplayedRating]) -> None:
        self.logs.extend(
            {
                "user_id": user_id,
                "flashcard_id": flashcard_id,
                "rating": r.rating,
                "reviewed_at": r.reviewed_at,
                "duration_ms": r.duration_ms,
                "state_before": r.state_before,
                "state_after": r.card.to_dict(),
            }
            for r in done
        )
        columns = state_columns(done[-1].card)
        if state is None:
            self.new_states.append(
                {"user_id": user_id, "flashcard_id": flashcard_id, **columns}
                | {"introduced_at": done[0].reviewed_at}
            )
        else:  # a later import with reviews made in Anki since: the known state moves on
            for name, value in columns.items():
                setattr(state, name, value)

    def write(self, session: Session) -> None:
        if self.new_states:
            session.execute(sa.insert(CardState), self.new_states)
        if self.logs:
            session.execute(sa.insert(ReviewLog), self.logs)


def _new_ratings(
    deck: AnkiDeck, card: AnkiCard, logged: set[datetime], outcome: ProgressOutcome
) -> list[PastRating]:
    """The card's Anki ratings not logged here yet, those older than its last review here
    left out and listed."""
    reviews = deck.reviews.get(card.anki_id, [])
    fresh = [r for r in reviews if moment(r.revlog_id).replace(tzinfo=None) not in logged]
    outcome.already += len(reviews) - len(fresh)
    latest = max(logged) if logged else None
    placed = [
        r for r in fresh if latest is None or moment(r.revlog_id).replace(tzinfo=None) > latest
    ]
    if len(placed) < len(fresh):
        outcome.notes.append(
            Changed(
                card.name,
                f"{len(fresh) - len(placed)} Anki reviews older than its last review here are "
                f"not replayed",
            )
        )
    return [PastRating(r.revlog_id, r.ease, r.duration_ms) for r in placed]


def import_progress(
    session: Session, deck: AnkiDeck, ids: dict[str, int], learner: User | None
) -> ProgressOutcome:
    """Replay the deck's review history for ``learner`` onto the cards ``ids`` (by key,
    ``anki_key``); without a learner, only say what history was left behind."""
    outcome = ProgressOutcome()
    total = sum(len(r) for r in deck.reviews.values())
    if learner is None:
        if total:
            outcome.notes.append(
                Changed(
                    HISTORY,
                    f"{total} Anki reviews of {len(deck.reviews)} cards were not imported: "
                    f"import “with my progress” to continue them here",
                )
            )
        return outcome
    flashcard_ids = {c.anki_id: ids[c.key] for c in deck.cards}
    states, logged = _known(session, learner.id, list(flashcard_ids.values()))
    parameters = session.scalar(kept_parameters(learner.id, FsrsParameters.parameters))
    scheduler = scheduler_for(learner, parameters)
    writes = _Writes()
    for card in deck.cards:
        flashcard_id = flashcard_ids[card.anki_id]
        if card.scheduled and card.anki_id not in deck.reviews:
            outcome.notes.append(
                Changed(
                    card.name,
                    "Anki has it scheduled but the package holds no review "
                    "history for it: it starts as new here",
                )
            )
        ratings = _new_ratings(deck, card, logged.get(flashcard_id, set()), outcome)
        if not ratings:
            continue
        state = states.get(flashcard_id)
        start = Card.from_dict(state.fsrs) if state else Card(card_id=flashcard_id)
        done = replay(scheduler, start, state is None, ratings)
        writes.add(learner.id, flashcard_id, state, done)
        outcome.reviews += len(done)
        outcome.cards += 1
    writes.write(session)
    if deck.unrated:
        outcome.notes.append(
            Changed(
                HISTORY,
                f"{sum(deck.unrated.values())} manual reschedules in Anki (no rating) are not "
                f"replayed: FSRS follows ratings",
            )
        )
    return outcome
