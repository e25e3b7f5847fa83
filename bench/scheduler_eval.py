"""How well do SM-2, FSRS-6 (default) and FSRS-6 (fitted per learner) predict recall?

Run from the repository root:  python -m bench.scheduler_eval [path/to/review-logs.csv]

Method (that of the open-spaced-repetition benchmark and fsrs-rs's
``evaluate_with_time_series_splits``):

* Days are UTC calendar dates; delta_t = days since the card's previous review.
* Prediction targets are reviews made a day or more after the card's previous review
  (``build_training_items``), sorted by time. Same-day repeats are history, not targets.
* Time-series split: the targets are cut into 6 equal consecutive segments
  (``n_splits = 5``, segment = n // 6). Fold k trains on every review up to the end of
  segments 0..k and predicts segment k+1 (the last fold takes the remainder). Segment 0
  is never predicted. Each fold's training set is the raw review log up to the cut,
  fitted with ``quizapp.core.fsrs_fitting.fit_parameters``; nothing from a test segment
  is seen in training. All rows are scored on the same pooled test reviews.
* The last row is what the app does (``propose_parameters``): within each fold's
  training log, fit on its earlier 80% and keep those parameters only if they beat the
  defaults on its last 20%; otherwise predict with the defaults.
* Metrics: log loss (label: rating > 1) and RMSE(bins) with the benchmark's
  (delta_t, review count, lapse count) bins, see ``fsrs_fitting.rmse_bin``.
* SM-2 as in the benchmark: run SM-2 over the card's history (same-day repeats
  dropped, as the benchmark does for models without a short-term component) to get
  the current interval I, and predict recall = 0.9 ** (delta_t / I).

The second block reproduces the reference figures of the data folder's README, which
were computed under three different protocols and so are not comparable row to row.
"""

from __future__ import annotations

import argparse
import csv
import time
from datetime import datetime
from pathlib import Path

import fsrs_rs_python as fsrs_rs

from quizapp.core.fsrs_fitting import (
    DEFAULT_PARAMETERS,
    ReviewRecord,
    TrainingItem,
    build_training_items,
    compute_metrics,
    fit_parameters,
    predict_recall,
    propose_parameters,
)

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "review-logs" / "py-fsrs-test-review-logs.csv"
N_SPLITS = 5


def load_reviews(path: Path) -> list[ReviewRecord]:
    """Read the CSV (card_id, review_rating, review_time ISO UTC, review_duration ms)."""
    with path.open(newline="") as handle:
        return [
            ReviewRecord(
                card_id=int(row["card_id"]),
                rating=int(row["review_rating"]),
                reviewed_at=datetime.fromisoformat(row["review_time"]),
                duration_ms=int(row["review_duration"]) if row["review_duration"] else None,
            )
            for row in csv.DictReader(handle)
        ]


def sm2_interval(history: tuple[tuple[int, int], ...]) -> float:
    """The SM-2 interval (days) after a card's history of (rating, delta_t) pairs."""
    interval, ease, reps = 0.0, 2.5, 0
    for i, (rating, delta_t) in enumerate(history):
        if i > 0 and delta_t == 0:
            continue  # SM-2 has no notion of same-day repeats
        quality = rating + 1  # Again..Easy -> SM-2 quality 2..5
        if quality > 2:
            interval = 1 if reps == 0 else 6 if reps == 1 else interval * ease
            reps += 1
        else:
            interval, reps = 1, 0
        ease = max(1.3, ease + (0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02)))
        interval = min(max(1, round(interval + 0.01)), 36500)
    return interval


def predict_sm2(items: list[TrainingItem]) -> list[float]:
    return [0.9 ** (item.delta_t / sm2_interval(item.reviews[:-1])) for item in items]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    args = parser.parse_args(argv)
    started = time.perf_counter()

    reviews = load_reviews(args.csv)
    items = build_training_items(reviews)
    segment = len(items) // (N_SPLITS + 1)
    tested: list[TrainingItem] = []
    predictions: dict[str, list[float]] = {"sm2": [], "default": [], "fitted": [], "app": []}
    for fold in range(N_SPLITS):
        n_train = (fold + 1) * segment
        end = len(items) if fold == N_SPLITS - 1 else n_train + segment
        cut = items[n_train - 1].reviewed_at
        train_reviews = [r for r in reviews if r.reviewed_at <= cut]
        fit = fit_parameters(train_reviews)
        if not fit.ok or fit.parameters is None:
            print(f"fold {fold}: fit refused ({fit.reason}); using defaults")
        elif fit.n_items != n_train:
            raise SystemExit(f"fold {fold}: trained on {fit.n_items} items, expected {n_train}")
        fold_items = items[n_train:end]
        tested += fold_items
        predictions["sm2"] += predict_sm2(fold_items)
        predictions["default"] += predict_recall(DEFAULT_PARAMETERS, fold_items)
        predictions["fitted"] += predict_recall(fit.parameters or DEFAULT_PARAMETERS, fold_items)
        predictions["app"] += predict_recall(
            propose_parameters(None, train_reviews).parameters, fold_items
        )

    print(f"Review log: {args.csv.name}")
    print(
        f"{len(reviews):,} reviews of {len({r.card_id for r in reviews}):,} cards; "
        f"{len(items):,} next-day-or-later reviews; {N_SPLITS} time-series folds "
        f"predict the last {len(tested):,}"
    )
    print()
    print(f"{'model':<40}{'log loss':>10}{'RMSE(bins)':>12}")
    for key, label in (
        ("sm2", "SM-2"),
        ("default", "FSRS-6 default parameters"),
        ("fitted", "FSRS-6 fitted on each fold's past"),
        ("app", "FSRS-6 keep-only-if-better (app)"),
    ):
        metrics = compute_metrics(predictions[key], tested)
        print(f"{label:<40}{metrics.log_loss:>10.4f}{metrics.rmse_bins:>12.4f}")

    # The README's reference figures, reproduced under the protocols that produced them.
    everything = compute_metrics(predict_sm2(items), items)
    fsrs_items = [item.to_fsrs_item() for item in items]
    default_all = fsrs_rs.FSRS(list(DEFAULT_PARAMETERS)).evaluate(fsrs_items)
    tss = fsrs_rs.evaluate_with_time_series_splits(fsrs_items)
    print()
    print("README reference figures, reproduced; each used its own protocol:")
    rows = (
        (f"SM-2, all {len(items):,} targets", everything.log_loss, None),
        ("FSRS-6 default, all targets (1)", default_all.log_loss, None),
        ("FSRS-6 fitted, fsrs-rs 5-fold split (2)", tss.log_loss, tss.rmse_bins),
    )
    for label, loss, rmse in rows:
        figures = f"{loss:>10.3f}" + ("" if rmse is None else f"{rmse:>12.3f}")
        print(f"{label:<40}{figures}")
    print("(1) fsrs-rs FSRS.evaluate(), which weights recent reviews more")
    print("(2) evaluate_with_time_series_splits: the table's protocol and fits")

    decision = propose_parameters(None, reviews)
    print()
    print(f"Keep-only-if-better on the whole log: keep_new={decision.keep_new}")
    print(f"  {decision.reason}")
    print(f"\nDone in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
