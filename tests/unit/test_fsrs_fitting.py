"""Per-learner FSRS parameters: log conversion, fitting guards, keep-only-if-better,
prediction and true retention."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta, timezone

import fsrs_rs_python as fsrs_rs
import pytest
from fsrs import Card, Rating, Scheduler

from quizapp.core import fsrs_fitting
from quizapp.core.fsrs_fitting import (
    DEFAULT_PARAMETERS,
    MIN_REVIEWS_TO_FIT,
    ReviewRecord,
    TrainingItem,
    build_training_items,
    choose_parameters,
    compute_metrics,
    fit_parameters,
    predict_recall,
    propose_parameters,
    rmse_bin,
)
from quizapp.core.retention_stats import (
    suggest_retention,
    true_retention,
    workload_forecast,
)

START = datetime(2024, 5, 1, tzinfo=UTC)


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return START + timedelta(days=day, hours=hour - START.hour, minutes=minute)


def rev(card: str | int, rating: int, day: int, hour: int = 12, minute: int = 0) -> ReviewRecord:
    return ReviewRecord(card, rating, at(day, hour, minute))


# A learner who forgets much faster than the default parameters assume.
FAST_FORGETTER = (0.05, 0.2, 0.4, 1.5, *DEFAULT_PARAMETERS[4:20], 0.4)


def simulated_log(parameters, n_cards: int, seed: int) -> list[ReviewRecord]:
    """Reviews whose outcomes are drawn from FSRS-6 with ``parameters``."""
    rng = random.Random(seed)
    model = fsrs_rs.FSRS(list(parameters))
    decay = parameters[20]
    factor = 0.9 ** (-1 / decay) - 1
    reviews = []
    for card in range(n_cards):
        day = rng.randrange(90)
        history = [(3, 0)]
        reviews.append(rev(card, 3, day))
        for _ in range(6):
            gap = rng.choice([1, 2, 3, 5, 8, 13, 21])
            state = model.memory_state(
                fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, t) for r, t in history])
            )
            recall = (1 + factor * gap / state.stability) ** -decay
            rating = 3 if rng.random() < recall else 1
            day += gap
            history.append((rating, gap))
            reviews.append(rev(card, rating, day))
    return reviews


@pytest.fixture(scope="module")
def fast_forgetter_log() -> list[ReviewRecord]:
    return simulated_log(FAST_FORGETTER, n_cards=300, seed=7)


# --- review log -> training items -------------------------------------------------


def test_items_skip_first_and_same_day_reviews_and_keep_them_in_history():
    log = [
        rev("a", 1, 0, 10, 0),  # first review: never a target
        rev("a", 3, 0, 10, 10),  # learning step, same day: history only
        rev("a", 3, 1),  # next day: target
        rev("a", 1, 4),  # lapse: target with label 0
        rev("a", 3, 4, 12, 10),  # relearning step, same day: history only
        rev("a", 3, 6),  # target after the lapse
    ]
    items = build_training_items(list(reversed(log)))  # input order must not matter

    assert [item.reviews for item in items] == [
        ((1, 0), (3, 0), (3, 1)),
        ((1, 0), (3, 0), (3, 1), (1, 3)),
        ((1, 0), (3, 0), (3, 1), (1, 3), (3, 0), (3, 2)),
    ]
    assert [item.label for item in items] == [1, 0, 1]
    assert [item.delta_t for item in items] == [1, 3, 2]
    assert [item.reviewed_at for item in items] == [at(1), at(4), at(6)]


def test_items_count_calendar_days_not_24_hour_periods():
    log = [
        rev("late", 3, 0, 23, 50),
        rev("late", 3, 1, 0, 10),  # 20 minutes later but the next day: delta_t 1
        rev("early", 3, 0, 0, 10),
        rev("early", 3, 0, 23, 50),  # 23 h 40 later, same day: not a target
        rev("early", 3, 2, 0, 5),  # two days after 00:10 on day 0
    ]
    items = build_training_items(log)
    assert [(item.card_id, item.reviews) for item in items] == [
        ("late", ((3, 0), (3, 1))),
        ("early", ((3, 0), (3, 0), (3, 2))),
    ]
    # A learner whose day rolls over at 01:00 UTC sees 23:50 and 00:10 as the same day.
    rollover_at_1am = timedelta(hours=-1)
    assert build_training_items(log[:2], day_offset=rollover_at_1am) == []
    # ... and 00:30 and 01:30 as two days.
    [item] = build_training_items([rev("x", 3, 1, 0, 30), rev("x", 3, 1, 1, 30)], rollover_at_1am)
    assert item.reviews == ((3, 0), (3, 1))


def test_items_group_by_card_and_sort_by_target_time():
    log = [rev(1, 3, 0), rev(2, 3, 1), rev(2, 1, 3), rev(1, 3, 5), rev(2, 3, 4)]
    items = build_training_items(log)
    assert [(item.card_id, item.reviewed_at) for item in items] == [
        (2, at(3)),
        (2, at(4)),
        (1, at(5)),
    ]
    assert items[1].reviews == ((3, 0), (1, 2), (3, 1))


def test_item_converts_to_fsrs_rs_item():
    item = TrainingItem("a", at(3), ((1, 0), (3, 0), (3, 3)))
    assert repr(item.to_fsrs_item()) == repr(
        fsrs_rs.FSRSItem(
            [fsrs_rs.FSRSReview(1, 0), fsrs_rs.FSRSReview(3, 0), fsrs_rs.FSRSReview(3, 3)]
        )
    )
    assert item.to_fsrs_item().long_term_review_cnt() == 1


def test_review_record_rejects_bad_input_and_normalises_to_utc():
    with pytest.raises(ValueError):
        ReviewRecord("a", 5, at(0))
    with pytest.raises(ValueError):
        ReviewRecord("a", 3, datetime(2024, 5, 1, 12))
    paris = timezone(timedelta(hours=2))
    assert ReviewRecord("a", 3, datetime(2024, 5, 1, 14, tzinfo=paris)).reviewed_at == at(0)


# --- fitting ---------------------------------------------------------------------------


def test_fit_refused_for_too_few_reviews():
    result = fit_parameters([rev(i, 3, i % 5) for i in range(MIN_REVIEWS_TO_FIT - 1)])
    assert not result.ok
    assert result.parameters is None
    assert result.code == "too_few_reviews"
    assert str(MIN_REVIEWS_TO_FIT) in result.reason


def test_fit_refused_when_every_review_is_same_day():
    log = [
        rev(card, rating, 0, 9, minute)
        for card in range(250)
        for minute, rating in ((0, 1), (5, 3))
    ]
    assert len(log) >= MIN_REVIEWS_TO_FIT
    result = fit_parameters(log)
    assert not result.ok
    assert result.code == "no_long_term_reviews"


@pytest.mark.parametrize(
    ("outcome", "code"),
    [
        (RuntimeError("boom"), "optimizer_error"),
        # fsrs-rs hands back the defaults, unfitted, when too little data survives.
        (list(DEFAULT_PARAMETERS), "optimizer_returned_defaults"),
        ([*FAST_FORGETTER[:20], 5.0], "invalid_parameters"),  # decay out of bounds
    ],
)
def test_fit_refused_when_optimizer_fails_or_does_not_fit(
    monkeypatch, fast_forgetter_log, outcome, code
):
    class StubOptimizer:
        def __init__(self, parameters):
            pass

        def compute_parameters(self, items):
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

    monkeypatch.setattr(fsrs_fitting.fsrs_rs, "FSRS", StubOptimizer)
    result = fit_parameters(fast_forgetter_log)
    assert (result.ok, result.parameters, result.code) == (False, None, code)
    assert result.reason


def test_fit_on_enough_reviews_gives_usable_parameters(fast_forgetter_log):
    result = fit_parameters(fast_forgetter_log)
    assert result.ok, result.reason
    assert len(result.parameters) == 21
    assert result.n_items == 300 * 6
    Scheduler(parameters=result.parameters)  # the app's scheduler accepts them
    # Fitted to a fast forgetter, they must predict it better than the defaults do.
    items = build_training_items(fast_forgetter_log)
    fitted = compute_metrics(predict_recall(result.parameters, items), items)
    default = compute_metrics(predict_recall(DEFAULT_PARAMETERS, items), items)
    assert fitted.log_loss < default.log_loss


# --- keep only if better -----------------------------------------------------------------


def test_better_candidate_is_kept(fast_forgetter_log):
    decision = choose_parameters(DEFAULT_PARAMETERS, FAST_FORGETTER, fast_forgetter_log)
    assert decision.keep_new
    assert decision.candidate_loss < decision.current_loss
    assert decision.parameters == FAST_FORGETTER
    # The last 20% of 1,800 targets, plus those tied with the first held-out one.
    assert 360 <= decision.n < 450


def test_worse_candidate_is_refused(fast_forgetter_log):
    decision = choose_parameters(FAST_FORGETTER, DEFAULT_PARAMETERS, fast_forgetter_log)
    assert not decision.keep_new
    assert decision.candidate_loss > decision.current_loss
    assert decision.parameters == FAST_FORGETTER
    assert "keeping current" in decision.reason


def test_equal_candidate_is_refused_because_better_means_strictly_lower(fast_forgetter_log):
    decision = choose_parameters(FAST_FORGETTER, list(FAST_FORGETTER), fast_forgetter_log)
    assert decision.candidate_loss == decision.current_loss
    assert not decision.keep_new


def test_propose_fits_on_the_past_and_keeps_a_better_fit(fast_forgetter_log):
    decision = propose_parameters(None, fast_forgetter_log)
    assert decision.keep_new, decision.reason
    assert decision.parameters != DEFAULT_PARAMETERS


def test_propose_keeps_current_when_no_fit_is_possible():
    decision = propose_parameters(FAST_FORGETTER, [rev("a", 3, 0), rev("a", 3, 2)])
    assert not decision.keep_new
    assert decision.parameters == FAST_FORGETTER
    assert decision.reason.startswith("no candidate")


# --- prediction and metrics ------------------------------------------------------------


def test_prediction_matches_py_fsrs_scheduler_replay():
    # py-fsrs counts whole 24-hour periods, fsrs-rs calendar days: clock times are
    # chosen so that both give the same delta_t.
    history = [(3, 0, 0), (3, 3, 0), (1, 10, 0), (3, 10, 10), (3, 12, 10)]
    scheduler = Scheduler(parameters=FAST_FORGETTER, enable_fuzzing=False)
    card = Card()
    for rating, day, minute in history:
        card, _ = scheduler.review_card(card, Rating(rating), at(day, 12, minute))
    expected = scheduler.get_card_retrievability(card, at(20, 12, 10))

    reviews = ((3, 0), (3, 3), (1, 7), (3, 0), (3, 2), (3, 8))
    [predicted] = predict_recall(FAST_FORGETTER, [TrainingItem("a", at(20, 12, 10), reviews)])
    assert predicted == pytest.approx(expected, abs=1e-4)


def test_metrics_by_hand():
    recalled = TrainingItem("a", at(1), ((3, 0), (3, 1)))
    lapsed = TrainingItem("b", at(1), ((3, 0), (1, 1)))
    assert rmse_bin(recalled) == rmse_bin(lapsed) == (248, 4, 0)
    metrics = compute_metrics([0.9, 0.5], [recalled, lapsed])
    assert metrics.n == 2
    assert metrics.log_loss == pytest.approx(-(math.log(0.9) + math.log(0.5)) / 2)
    # One bin: mean prediction 0.7 against a recall rate of 0.5.
    assert metrics.rmse_bins == pytest.approx(0.2)


# --- true retention ----------------------------------------------------------------------

RETENTION_LOG = [
    rev("a", 3, 0, 9),  # first review: not counted
    rev("a", 3, 0, 9, 10),  # same day: learning step, not counted
    rev("a", 1, 2),  # lapse
    rev("a", 3, 2, 12, 10),  # same day: relearning step, not counted
    rev("a", 3, 5),  # recalled; its previous review is outside the 1-day window
    rev("b", 3, 1),  # first review: not counted
    rev("b", 2, 3),  # Hard counts as recalled
    rev("b", 4, 4),  # recalled
    rev("c", 1, 4),  # first review, even though it is Again: not counted
]
NOW = at(5, 23)


@pytest.mark.parametrize(
    ("window", "recalled", "lapsed", "ratio"),
    [
        (timedelta(days=1), 1, 0, 1.0),  # only a's day-5 review
        (timedelta(days=2), 2, 0, 1.0),  # plus b's day-4 Easy
        (timedelta(days=7), 3, 1, 0.75),
        (timedelta(days=30), 3, 1, 0.75),
    ],
)
def test_true_retention_hand_counted(window, recalled, lapsed, ratio):
    figure = true_retention(RETENTION_LOG, NOW, window)
    assert (figure.recalled, figure.lapsed, figure.ratio) == (recalled, lapsed, ratio)


def test_true_retention_window_excludes_its_start_and_includes_now():
    # Window (day 2 12:00, day 5 12:00]: a's day-2 lapse is out, a's day-5 review is in.
    figure = true_retention(RETENTION_LOG, at(5), timedelta(days=3))
    assert (figure.recalled, figure.lapsed) == (3, 0)


def test_true_retention_without_counted_reviews_has_no_ratio():
    figure = true_retention(RETENTION_LOG, at(40), timedelta(days=1))
    assert (figure.recalled, figure.lapsed, figure.ratio) == (0, 0, None)


# --- workload and retention suggestion -------------------------------------------------


def test_workload_forecast_shape_and_retention_effect():
    low = workload_forecast(DEFAULT_PARAMETERS, 0.8, new_cards=200, new_cards_per_day=10)
    high = workload_forecast(DEFAULT_PARAMETERS, 0.95, new_cards=200, new_cards_per_day=10)
    assert len(high.reviews_per_day) == len(high.minutes_per_day) == 30
    assert sum(high.new_cards_per_day) == 200
    assert sum(high.reviews_per_day) > sum(low.reviews_per_day)
    with pytest.raises(ValueError):
        workload_forecast(DEFAULT_PARAMETERS, 1.2, new_cards=10)


def test_suggest_retention_is_a_plausible_retention():
    assert 0.69 <= suggest_retention(DEFAULT_PARAMETERS, deck_size=200, days=120) <= 0.99


def test_true_retention_from_pairs_matches_the_full_log_count() -> None:
    """The month-only path (reviews carrying their predecessor) counts exactly as the
    whole-log function does, on a random log with same-day steps and lapses."""
    import random
    from datetime import UTC, datetime, timedelta

    from quizapp.core.retention_stats import WINDOWS, ReviewWithPrevious, true_retention_from_pairs

    rng = random.Random(3)
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    reviews = []
    for card in range(30):
        moment = now - timedelta(days=40)
        for _ in range(15):
            moment += timedelta(minutes=rng.choice((10, 300, 1440, 4000, 9000)))
            if moment > now:
                break
            reviews.append(ReviewRecord(card, rng.choice((1, 2, 3, 3, 4)), moment))
    pairs = []
    by_card: dict[int, list[ReviewRecord]] = {}
    for review in sorted(reviews, key=lambda r: r.reviewed_at):
        history = by_card.setdefault(review.card_id, [])
        previous = history[-1].reviewed_at if history else None
        pairs.append(ReviewWithPrevious(review.rating, review.reviewed_at, previous))
        history.append(review)
    whole_log = {name: true_retention(reviews, now, window) for name, window in WINDOWS.items()}
    assert true_retention_from_pairs(pairs, now) == whole_log
    assert list(whole_log) == ["day", "week", "month"]
    assert whole_log["month"].ratio is not None
