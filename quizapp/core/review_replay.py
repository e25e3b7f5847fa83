"""Ratings made elsewhere (Anki's review log) replayed through FSRS, in time order, as the app
would have applied them had the learner rated here: the card's memory continues from them.

Anki's ease 1-4 is the same four buttons as the app's ratings (Again, Hard, Good, Easy), so
each review is one ``Scheduler.review_card`` at the moment it was made; what Anki's own
scheduler computed (interval, ease factor) is not needed, FSRS recomputes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_DURATION_MS = 60 * 60 * 1000  # as for a rating here: over an hour, the card was left open


@dataclass(frozen=True)
class PastRating:
    at_ms: int  # epoch milliseconds
    rating: int  # 1-4
    duration_ms: int | None


@dataclass(frozen=True)
class ReplayedRating:
    rating: int
    reviewed_at: datetime  # naive UTC, as the review log keeps it
    duration_ms: int | None
    state_before: dict[str, Any] | None  # None: the card was new
    card: Card  # its state after the rating


def moment(at_ms: int) -> datetime:
    """An epoch-milliseconds time as an aware UTC datetime, exactly (no float on the way, so
    the same review always gives the same time: a second import recognises it)."""
    return _EPOCH + timedelta(milliseconds=at_ms)


def replay(scheduler: Scheduler, card: Card, new: bool, ratings: Iterable[PastRating]):
    """Each rating applied in time order from ``card`` (a new card when ``new``)."""
    replayed: list[ReplayedRating] = []
    before = None if new else card.to_dict()
    for past in sorted(ratings, key=lambda r: r.at_ms):
        at = moment(past.at_ms)
        card, _log = scheduler.review_card(card, Rating(past.rating), at)
        duration = past.duration_ms
        if duration is not None and not 0 <= duration <= MAX_DURATION_MS:
            duration = None
        replayed.append(
            ReplayedRating(past.rating, at.replace(tzinfo=None), duration, before, card)
        )
        before = card.to_dict()
    return replayed
