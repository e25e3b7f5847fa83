"""Per-learner FSRS-6 parameters: review log -> training data -> fit -> measured choice.

Plain Python (no web framework, no ORM). The optimizer is fsrs-rs (``fsrs_rs_python``);
predictions use the same fsrs-rs model so that training and evaluation agree on what
``delta_t`` means.

Day convention (used everywhere in this module): a review's *day* is the calendar date
of ``reviewed_at + day_offset`` in UTC, and ``delta_t`` is the number of such days
between a review and the previous review of the same card. ``day_offset`` defaults to 0
(days roll over at UTC midnight); a learner in UTC+2 whose day starts at 04:00 would use
``timedelta(hours=2 - 4)``. This is how Anki and fsrs-rs count days (calendar dates, not
24-hour periods), so a review at 23:50 and another at 00:10 are one day apart.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import fsrs_rs_python as fsrs_rs
from fsrs import Scheduler

from quizapp.core.errors import ContractError

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(fsrs_rs.DEFAULT_PARAMETERS)

# Why 400: fsrs-rs silently returns the default parameters when fewer than 8 training
# items survive its outlier filter, and fits only the 4 initial stabilities when fewer
# than 64 survive, so a "fit" on a small log is not a fit at all. A review log yields
# roughly one next-day-or-later item per 2 reviews (6,032 items from 12,580 reviews in
# our reference log), so 400 reviews give ~200 items, comfortably past both thresholds;
# it is also the order of magnitude (a few hundred reviews) Anki users are told to
# collect before optimizing. Whether a fit is *better* is decided separately, by
# choose_parameters on held-out reviews.
MIN_REVIEWS_TO_FIT = 400
# The optimizer's own threshold for training all 21 parameters (see above).
MIN_LONG_TERM_ITEMS_TO_FIT = 64

_EPS = 1e-7  # keeps log loss finite if a model ever predicts exactly 0 or 1


@dataclass(frozen=True)
class ReviewRecord:
    """One answered review: rating 1 Again, 2 Hard, 3 Good, 4 Easy; time tz-aware."""

    card_id: str | int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None = None

    def __post_init__(self) -> None:
        if self.rating not in (1, 2, 3, 4):
            raise ContractError(f"rating must be 1..4, got {self.rating!r}")
        if self.reviewed_at.tzinfo is None or self.reviewed_at.utcoffset() is None:
            raise ContractError("reviewed_at must be timezone-aware")
        # Normalise to UTC so that equality and ordering never depend on the tz used.
        object.__setattr__(self, "reviewed_at", self.reviewed_at.astimezone(UTC))


@dataclass(frozen=True)
class TrainingItem:
    """One prediction target: a card's review plus every earlier review of that card.

    ``reviews`` holds ``(rating, delta_t)`` pairs from the card's first review up to and
    including the target review (the last pair). The first pair always has delta_t 0.
    """

    card_id: str | int
    reviewed_at: datetime
    reviews: tuple[tuple[int, int], ...]

    @property
    def delta_t(self) -> int:
        """Days between the target review and the card's previous review."""
        return self.reviews[-1][1]

    @property
    def label(self) -> int:
        """1 if the target review was recalled (Hard/Good/Easy), 0 for Again."""
        return int(self.reviews[-1][0] > 1)

    def to_fsrs_item(self) -> fsrs_rs.FSRSItem:
        """The fsrs-rs training item (history and target)."""
        return fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, t) for r, t in self.reviews])

    def history_item(self) -> fsrs_rs.FSRSItem:
        """The fsrs-rs item for the history only (what the model knows before the target)."""
        return fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, t) for r, t in self.reviews[:-1]])


def day_index(moment: datetime, day_offset: timedelta = timedelta(0)) -> int:
    """The learner's day number of ``moment`` (see the module docstring)."""
    return (moment.astimezone(UTC) + day_offset).date().toordinal()


def card_histories(
    reviews: Sequence[ReviewRecord], day_offset: timedelta = timedelta(0)
) -> dict[str | int, list[tuple[ReviewRecord, int]]]:
    """Reviews grouped by card, sorted by time, each with its delta_t (first review: 0)."""
    by_card: dict[str | int, list[ReviewRecord]] = defaultdict(list)
    for review in reviews:
        by_card[review.card_id].append(review)
    histories: dict[str | int, list[tuple[ReviewRecord, int]]] = {}
    for card_id, card_reviews in by_card.items():
        card_reviews.sort(key=lambda r: r.reviewed_at)
        days = [day_index(r.reviewed_at, day_offset) for r in card_reviews]
        histories[card_id] = [
            (r, 0 if i == 0 else days[i] - days[i - 1]) for i, r in enumerate(card_reviews)
        ]
    return histories


def build_training_items(
    reviews: Sequence[ReviewRecord], day_offset: timedelta = timedelta(0)
) -> list[TrainingItem]:
    """Convert a review log into fsrs-rs training items, oldest target first.

    Rules (those of fsrs-rs's Anki converter and the open-spaced-repetition benchmark):

    * reviews are grouped by card and sorted by time; ``delta_t`` is the number of
      calendar days since the card's previous review (0 for the first review);
    * every review after a card's first one is a candidate target, with the card's
      full history up to and including it;
    * only targets with ``delta_t >= 1`` become items. Same-day repeats (learning or
      relearning steps, ``delta_t == 0``) stay in later items' histories, where FSRS-6's
      short-term formula uses them, but are never targets: the forgetting curve says
      nothing about recall minutes later, and fsrs-rs panics on items with no
      ``delta_t > 0`` review;
    * a lapse (Again) is just rating 1 in the history; the item after it measures
      recall after the lapse, and the lapse itself is a target with label 0.

    Items are sorted by the target's time, the order a time-series split needs.
    """
    items = [
        TrainingItem(
            card_id=card_id,
            reviewed_at=record.reviewed_at,
            reviews=tuple((r.rating, dt) for r, dt in history[: i + 1]),
        )
        for card_id, history in card_histories(reviews, day_offset).items()
        for i, (record, delta_t) in enumerate(history)
        if i > 0 and delta_t > 0
    ]
    items.sort(key=lambda item: item.reviewed_at)
    return items


@dataclass(frozen=True)
class FitResult:
    """Outcome of :func:`fit_parameters`. ``ok`` False means ``parameters`` is None and
    ``code``/``reason`` say why (codes: too_few_reviews, no_long_term_reviews,
    too_few_long_term_reviews, optimizer_error, optimizer_returned_defaults,
    invalid_parameters)."""

    ok: bool
    parameters: tuple[float, ...] | None
    n_reviews: int
    n_items: int
    code: str | None = None
    reason: str | None = None


def _refuse(code: str, reason: str, n_reviews: int, n_items: int) -> FitResult:
    return FitResult(False, None, n_reviews, n_items, code, reason)


def fit_parameters(
    reviews: Sequence[ReviewRecord], day_offset: timedelta = timedelta(0)
) -> FitResult:
    """Fit FSRS-6 parameters to one learner's review log with the fsrs-rs optimizer.

    Never raises for bad data: returns ``ok=False`` with a reason when the log is too
    small, has no next-day-or-later reviews, the optimizer fails, or the optimizer
    hands back parameters it did not actually fit. ``ok=True`` parameters are
    accepted by ``fsrs.Scheduler``. Deterministic (fsrs-rs trains with a fixed seed).
    """
    n_reviews = len(reviews)
    if n_reviews < MIN_REVIEWS_TO_FIT:
        return _refuse(
            "too_few_reviews",
            f"{n_reviews} reviews; at least {MIN_REVIEWS_TO_FIT} are needed to fit",
            n_reviews,
            0,
        )
    items = build_training_items(reviews, day_offset)
    if not items:
        return _refuse(
            "no_long_term_reviews",
            "no review came a day or more after the card's previous review "
            "(all reviews are same-day repeats or first reviews)",
            n_reviews,
            0,
        )
    if len(items) < MIN_LONG_TERM_ITEMS_TO_FIT:
        return _refuse(
            "too_few_long_term_reviews",
            f"{len(items)} next-day-or-later reviews; at least "
            f"{MIN_LONG_TERM_ITEMS_TO_FIT} are needed",
            n_reviews,
            len(items),
        )
    try:
        fitted = fsrs_rs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(
            [item.to_fsrs_item() for item in items]
        )
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: B036 - Rust panics arrive as BaseException
        return _refuse("optimizer_error", f"optimizer failed: {exc}", n_reviews, len(items))
    parameters = tuple(float(w) for w in fitted)
    if _same(parameters, DEFAULT_PARAMETERS):
        return _refuse(
            "optimizer_returned_defaults",
            "the optimizer kept the default parameters (too little usable data "
            "after its outlier filter)",
            n_reviews,
            len(items),
        )
    try:
        Scheduler(parameters=parameters, enable_fuzzing=False)
    except ValueError as exc:
        return _refuse("invalid_parameters", str(exc), n_reviews, len(items))
    return FitResult(True, parameters, n_reviews, len(items))


def _same(a: Sequence[float], b: Sequence[float]) -> bool:
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=1e-6) for x, y in zip(a, b, strict=True)
    )


def predict_recall(parameters: Sequence[float], items: Sequence[TrainingItem]) -> list[float]:
    """FSRS-6 probability of recall for each item's target review.

    The memory state (stability) comes from fsrs-rs replaying the item's history with
    ``parameters``; recall is the FSRS-6 forgetting curve
    ``R = (1 + factor * delta_t / S) ** -decay`` with ``decay = parameters[20]`` and
    ``factor = 0.9 ** (-1 / decay) - 1`` (so R = 0.9 when delta_t = S).
    """
    if not items:
        return []
    model = fsrs_rs.FSRS(list(parameters))
    states = model.memory_state_batch([item.history_item() for item in items])
    decay = float(parameters[20])
    factor = 0.9 ** (-1.0 / decay) - 1.0
    return [
        (1.0 + factor * item.delta_t / state.stability) ** -decay
        for item, state in zip(items, states, strict=True)
    ]


@dataclass(frozen=True)
class Metrics:
    """Log loss (lower is better), RMSE(bins) and the number of reviews measured."""

    log_loss: float
    rmse_bins: float
    n: int


def rmse_bin(item: TrainingItem) -> tuple[int, int, int]:
    """The open-spaced-repetition benchmark / fsrs-rs RMSE bin of an item.

    Bins are (delta_t, review count, lapse count), each on a log scale:
    delta_t -> 2.48 * 3.62**floor(log_3.62 delta_t); count = next-day reviews incl.
    the target, plus one -> 1.99 * 1.89**floor(log_1.89 count); lapses = Again ratings
    with delta_t > 0 before the target -> 0, or 1.65 * 1.73**floor(log_1.73 lapses).
    """
    dt_bin = round(2.48 * 3.62 ** math.floor(math.log(item.delta_t) / math.log(3.62)) * 100)
    length = sum(1 for _, dt in item.reviews if dt > 0) + 1
    length_bin = round(1.99 * 1.89 ** math.floor(math.log(length) / math.log(1.89)))
    lapses = sum(1 for r, dt in item.reviews[:-1] if r == 1 and dt > 0)
    lapse_bin = 0
    if lapses:
        lapse_bin = round(1.65 * 1.73 ** math.floor(math.log(lapses) / math.log(1.73)))
    return dt_bin, length_bin, lapse_bin


def compute_metrics(predictions: Sequence[float], items: Sequence[TrainingItem]) -> Metrics:
    """Log loss and RMSE(bins) of predictions against the items' labels.

    RMSE(bins) as in the benchmark: group reviews by :func:`rmse_bin`, compare mean
    prediction with actual recall rate in each bin, weight the squared gaps by bin size,
    take the square root of the weighted mean.
    """
    if len(predictions) != len(items):
        raise ContractError("one prediction per item is required")
    if not items:
        return Metrics(float("nan"), float("nan"), 0)
    loss = 0.0
    bins: dict[tuple[int, int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for p, item in zip(predictions, items, strict=True):
        p = min(max(p, _EPS), 1.0 - _EPS)
        y = item.label
        loss -= y * math.log(p) + (1 - y) * math.log(1.0 - p)
        acc = bins[rmse_bin(item)]
        acc[0] += p
        acc[1] += y
        acc[2] += 1
    squared = sum((s_p / n - s_y / n) ** 2 * n for s_p, s_y, n in bins.values())
    return Metrics(loss / len(items), math.sqrt(squared / len(items)), len(items))


def holdout_items(
    train_reviews: Sequence[ReviewRecord],
    test_reviews: Sequence[ReviewRecord],
    day_offset: timedelta = timedelta(0),
) -> list[TrainingItem]:
    """Items whose target is a next-day-or-later review in ``test_reviews``; their
    histories include ``train_reviews`` (what the scheduler knew at that time)."""
    targets = {(r.card_id, r.reviewed_at) for r in test_reviews}
    items = build_training_items([*train_reviews, *test_reviews], day_offset)
    return [item for item in items if (item.card_id, item.reviewed_at) in targets]


def split_by_time(
    reviews: Sequence[ReviewRecord],
    holdout_fraction: float = 0.2,
    day_offset: timedelta = timedelta(0),
) -> tuple[list[ReviewRecord], list[ReviewRecord]]:
    """Split a log at a moment in time: the later part holds the last
    ``holdout_fraction`` of next-day-or-later reviews (and all reviews after the cut).
    Returns (earlier, later); later is empty if there is nothing to hold out."""
    items = build_training_items(reviews, day_offset)
    n_test = int(len(items) * holdout_fraction)
    if n_test == 0:
        return list(reviews), []
    cut = items[len(items) - n_test].reviewed_at
    ordered = sorted(reviews, key=lambda r: r.reviewed_at)
    return [r for r in ordered if r.reviewed_at < cut], [r for r in ordered if r.reviewed_at >= cut]


@dataclass(frozen=True)
class Decision:
    """Outcome of the keep-only-if-better check; ``parameters`` are the ones to use."""

    keep_new: bool
    current_loss: float | None
    candidate_loss: float | None
    reason: str
    parameters: tuple[float, ...] = field(default=DEFAULT_PARAMETERS)
    n: int = 0


def choose_parameters(
    current_params: Sequence[float] | None,
    candidate_params: Sequence[float],
    history: Sequence[ReviewRecord],
    holdout_fraction: float = 0.2,
    day_offset: timedelta = timedelta(0),
) -> Decision:
    """Keep the candidate only if its log loss on the later part of ``history`` is
    strictly lower than the current parameters' (None means FSRS-6 defaults).

    The later part is :func:`split_by_time`'s holdout. For an honest comparison the
    candidate must have been fitted on the earlier part only (:func:`propose_parameters`
    does this); parameters fitted on the whole history would be graded on reviews they
    were trained on.
    """
    current = tuple(current_params) if current_params is not None else DEFAULT_PARAMETERS
    candidate = tuple(candidate_params)
    earlier, later = split_by_time(history, holdout_fraction, day_offset)
    items = holdout_items(earlier, later, day_offset)
    if not items:
        return Decision(False, None, None, "no next-day-or-later reviews to compare on", current)
    current_loss = compute_metrics(predict_recall(current, items), items).log_loss
    candidate_loss = compute_metrics(predict_recall(candidate, items), items).log_loss
    n = len(items)
    if candidate_loss < current_loss:
        return Decision(
            True,
            current_loss,
            candidate_loss,
            f"candidate log loss {candidate_loss:.4f} < current {current_loss:.4f} on {n} reviews",
            candidate,
            n,
        )
    return Decision(
        False,
        current_loss,
        candidate_loss,
        f"candidate log loss {candidate_loss:.4f} is not below current {current_loss:.4f} "
        f"on {n} reviews; keeping current parameters",
        current,
        n,
    )


def propose_parameters(
    current_params: Sequence[float] | None,
    history: Sequence[ReviewRecord],
    holdout_fraction: float = 0.2,
    day_offset: timedelta = timedelta(0),
) -> Decision:
    """Fit on the earlier part of ``history`` and adopt the result only if it beats
    the current parameters on the later part. The one call the app needs."""
    current = tuple(current_params) if current_params is not None else DEFAULT_PARAMETERS
    earlier, _ = split_by_time(history, holdout_fraction, day_offset)
    fit = fit_parameters(earlier, day_offset)
    if not fit.ok or fit.parameters is None:
        return Decision(False, None, None, f"no candidate: {fit.reason}", current)
    return choose_parameters(current, fit.parameters, history, holdout_fraction, day_offset)
