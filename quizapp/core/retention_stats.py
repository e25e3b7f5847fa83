"""Retention figures for a learner: measured true retention, workload forecast and a
suggested desired retention. Plain Python; simulation by fsrs-rs (``fsrs_rs_python``).

Days are counted as in :mod:`quizapp.core.fsrs_fitting` (calendar dates of
``reviewed_at + day_offset`` in UTC).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import fsrs_rs_python as fsrs_rs

from quizapp.core.errors import ContractError
from quizapp.core.fsrs_fitting import ReviewRecord, card_histories, day_index

WINDOWS: dict[str, timedelta] = {
    "day": timedelta(days=1),
    "week": timedelta(days=7),
    "month": timedelta(days=30),
}
# The progress page's workload chart: fsrs-rs simulates this many days of reviews.
WORKLOAD_FORECAST_DAYS = 30


@dataclass(frozen=True)
class RetentionFigure:
    """Counted reviews in a window; ``ratio`` is recalled / (recalled + lapsed), or
    None when no review counted."""

    recalled: int
    lapsed: int
    ratio: float | None


def true_retention(
    reviews: Sequence[ReviewRecord],
    now: datetime,
    window: timedelta,
    day_offset: timedelta = timedelta(0),
) -> RetentionFigure:
    """Anki-style true retention over reviews made in ``(now - window, now]``.

    A review counts only if its card is out of learning, defined here as: it is not
    the card's first review, and the card's previous review was on an earlier day
    (delta_t >= 1). Same-day repeats are learning/relearning steps and are left out,
    as Anki leaves out learning-state reviews. Again counts as lapsed; Hard, Good and
    Easy as recalled. Pass the learner's whole log (not just the window): whether a
    review counts depends on the card's review before it, which may be older.
    """
    start = now - window
    recalled = lapsed = 0
    for history in card_histories(reviews, day_offset).values():
        for i, (record, delta_t) in enumerate(history):
            if i == 0 or delta_t < 1 or not start < record.reviewed_at <= now:
                continue
            if record.rating == 1:
                lapsed += 1
            else:
                recalled += 1
    total = recalled + lapsed
    return RetentionFigure(recalled, lapsed, recalled / total if total else None)


@dataclass(frozen=True)
class ReviewWithPrevious:
    """A review with its card's previous review time (None for the card's first review)."""

    rating: int
    reviewed_at: datetime
    previous_at: datetime | None


def true_retention_from_pairs(
    reviews: Iterable[ReviewWithPrevious], now: datetime
) -> dict[str, RetentionFigure]:
    """:func:`true_retention` for each of ``WINDOWS``, from reviews that already carry
    their predecessor (a database computes it with ``LAG``), so only the last month is read.

    Same rule: a review counts when its card was last reviewed on an earlier calendar day.
    """
    counts = {name: [0, 0] for name in WINDOWS}
    for review in reviews:
        if review.previous_at is None:
            continue
        if day_index(review.previous_at) >= day_index(review.reviewed_at):
            continue
        for name, window in WINDOWS.items():
            if now - window < review.reviewed_at <= now:
                counts[name][review.rating == 1] += 1
    return {
        name: RetentionFigure(
            recalled, lapsed, recalled / (recalled + lapsed) if recalled + lapsed else None
        )
        for name, (recalled, lapsed) in counts.items()
    }


@dataclass(frozen=True)
class WorkloadForecast:
    """Simulated daily workload; one entry per day, day 0 first."""

    desired_retention: float
    reviews_per_day: tuple[int, ...]
    new_cards_per_day: tuple[int, ...]
    minutes_per_day: tuple[float, ...]
    memorized_at_end: float


def _config(deck_size: int, days: int, new_cards_per_day: int) -> fsrs_rs.SimulatorConfig:
    config = fsrs_rs.default_simulator_config()
    config.deck_size = deck_size
    config.learn_span = days
    config.learn_limit = new_cards_per_day
    return config


def workload_forecast(
    parameters: Sequence[float],
    desired_retention: float,
    new_cards: int,
    new_cards_per_day: int = 20,
    days: int = WORKLOAD_FORECAST_DAYS,
    seed: int = 42,
) -> WorkloadForecast:
    """Expected reviews and study time per day when ``new_cards`` unseen cards are
    introduced ``new_cards_per_day`` at a time and scheduled at ``desired_retention``.

    Uses fsrs-rs's simulator (``simulate``), which models the learner with
    ``parameters`` and Anki-population defaults for answer-button choices and seconds
    per answer. Deterministic for a given seed. Limitation: the 0.9.3 binding of
    ``simulate`` takes no existing cards, so cards already in review are not part of
    the forecast; it answers "what will this many new cards cost", not "what is due".
    """
    if not 0.0 < desired_retention < 1.0:
        raise ContractError("desired_retention must be between 0 and 1")
    config = _config(new_cards, days, new_cards_per_day)
    result = fsrs_rs.simulate(list(parameters), desired_retention, config, seed)
    return WorkloadForecast(
        desired_retention=desired_retention,
        reviews_per_day=tuple(result.review_cnt_per_day),
        new_cards_per_day=tuple(result.learn_cnt_per_day),
        minutes_per_day=tuple(seconds / 60.0 for seconds in result.cost_per_day),
        memorized_at_end=float(result.memorized_cnt_per_day[-1]),
    )


def suggest_retention(
    parameters: Sequence[float],
    deck_size: int = 1000,
    new_cards_per_day: int = 20,
    days: int = 365,
) -> float:
    """The desired retention that minimises study time per memorised card for this
    learner (fsrs-rs ``optimal_retention`` over a simulated year; Anki calls it the
    minimum recommended retention). Often lands on the library's floor of 0.70: treat
    it as a lower bound to show the learner, not a setting to apply silently.
    """
    config = _config(deck_size, days, new_cards_per_day)
    return float(fsrs_rs.optimal_retention(config, list(parameters)))
