"""Unit tests for quizapp.core.item_statistics, against values worked out by hand.

Notation in the comments: dx = x - mean(x), dR = R - mean(R), Sxx = sum(dx^2), SRR = sum(dR^2),
SxR = sum(dx*dR). The n - 1 divisors cancel, so DI = 100*SxR/sqrt(Sxx*SRR) and
DE = 100*SxR/SxR_max, where SxR_max pairs x and R each sorted ascending.
"""

from __future__ import annotations

import math
import random
import statistics
from datetime import datetime

import pytest

from quizapp.core.item_statistics import (
    FLAG_LOW_DISCRIMINATION,
    FLAG_LOW_DISCRIMINATIVE_EFFICIENCY,
    FLAG_NEGATIVE_DISCRIMINATION,
    FLAG_VERY_EASY,
    FLAG_VERY_HARD,
    LOW_DISCRIMINATION,
    AttemptResponses,
    AttemptWithMeta,
    ChoicePick,
    ItemStatistics,
    QuestionInfo,
    choice_counts,
    item_statistics,
    select_attempts,
)


def _by_id(stats: list[ItemStatistics]) -> dict[object, ItemStatistics]:
    return {s.question_id: s for s in stats}


# --- item_statistics: the worked 4-attempt x 3-question example ----------------------------------

# q1 and q2 are worth 1 mark, q3 is worth 2.
#
#   attempt   q1  q2  q3  total
#   a1         1   1   2    4
#   a2         1   0   1    2     (q2 missing from marks -> 0)
#   a3         0   1   2    3
#   a4         0   0   0    0     (nothing answered; a non-quiz key is ignored)
QUESTIONS = [QuestionInfo("q1"), QuestionInfo("q2"), QuestionInfo("q3", max_mark=2.0)]
ATTEMPTS = [
    AttemptResponses("a1", {"q1": 1, "q2": 1, "q3": 2}),
    AttemptResponses("a2", {"q1": 1, "q3": 1}),
    AttemptResponses("a3", {"q1": 0, "q2": 1, "q3": 2}),
    AttemptResponses("a4", {"retired-question": 5}),
]


def test_worked_example_q1_low_discrimination() -> None:
    # x = [1, 1, 0, 0]; R = total - x = [3, 1, 3, 0].
    # mean x = 0.5 -> F = 0.5 / 1 = 0.5 (50 %). mean R = 7/4 = 1.75.
    # dx = [.5, .5, -.5, -.5]          Sxx = 4 * .25 = 1 -> sd = sqrt(1/3) = 0.57735
    # dR = [1.25, -.75, 1.25, -1.75]   SRR = 1.5625 + .5625 + 1.5625 + 3.0625 = 6.75
    # SxR = .625 - .375 - .625 + .875 = 0.5
    # DI = 100 * 0.5 / sqrt(1 * 6.75) = 50 / 2.598076 = 19.245009 (= 100 / sqrt(27))
    # Sorted: x -> [0, 0, 1, 1], R -> [0, 1, 3, 3]; dR_sorted = [-1.75, -.75, 1.25, 1.25]
    # SxR_max = .875 + .375 + .625 + .625 = 2.5 -> DE = 100 * 0.5 / 2.5 = 20
    # DI 19.2 < 30 -> "low discrimination"; DE 20 >= 15 -> no DE flag.
    q1 = _by_id(item_statistics(QUESTIONS, ATTEMPTS))["q1"]
    assert q1.n == 4
    assert q1.facility == pytest.approx(0.5)
    assert q1.facility_percent == pytest.approx(50.0)
    assert q1.sd == pytest.approx(math.sqrt(1 / 3))
    assert q1.discrimination_index == pytest.approx(19.245009, abs=1e-6)
    assert q1.discrimination_index == pytest.approx(100 / math.sqrt(27))
    assert q1.discriminative_efficiency == pytest.approx(20.0)
    assert q1.flags == (FLAG_LOW_DISCRIMINATION,)


def test_worked_example_q2_perfect_efficiency() -> None:
    # x = [1, 0, 1, 0]; R = [3, 2, 2, 0]. mean x = 0.5 -> F = 0.5; mean R = 1.75.
    # dx = [.5, -.5, .5, -.5]          Sxx = 1
    # dR = [1.25, .25, .25, -1.75]     SRR = 1.5625 + .0625 + .0625 + 3.0625 = 4.75
    # SxR = .625 - .125 + .125 + .875 = 1.5
    # DI = 100 * 1.5 / sqrt(4.75) = 150 / 2.179449 = 68.824720
    # Sorted: x -> [0, 0, 1, 1], R -> [0, 2, 2, 3]; dR_sorted = [-1.75, .25, .25, 1.25]
    # SxR_max = .875 - .125 + .125 + .625 = 1.5 -> DE = 100 * 1.5 / 1.5 = 100
    # (the best any item with these x and R could do, although DI is only 69).
    q2 = _by_id(item_statistics(QUESTIONS, ATTEMPTS))["q2"]
    assert q2.facility == pytest.approx(0.5)
    assert q2.discrimination_index == pytest.approx(68.824720, abs=1e-6)
    assert q2.discriminative_efficiency == pytest.approx(100.0)
    assert q2.flags == ()


def test_worked_example_q3_uses_max_mark() -> None:
    # x = [2, 1, 2, 0] out of 2; R = [2, 1, 1, 0].
    # mean x = 5/4 = 1.25 -> F = 1.25 / 2 = 0.625 (62.5 %); mean R = 1.
    # dx = [.75, -.25, .75, -1.25]     Sxx = .5625 + .0625 + .5625 + 1.5625 = 2.75
    #                                  sd = sqrt(2.75 / 3) = 0.957427
    # dR = [1, 0, 0, -1]               SRR = 2
    # SxR = .75 + 0 + 0 + 1.25 = 2
    # DI = 100 * 2 / sqrt(2.75 * 2) = 200 / 2.345208 = 85.280287
    # Sorted: x -> [0, 1, 2, 2], dx = [-1.25, -.25, .75, .75]
    #         R -> [0, 1, 1, 2], dR = [-1, 0, 0, 1]
    # SxR_max = 1.25 + 0 + 0 + .75 = 2 -> DE = 100
    q3 = _by_id(item_statistics(QUESTIONS, ATTEMPTS))["q3"]
    assert q3.facility == pytest.approx(0.625)
    assert q3.facility_percent == pytest.approx(62.5)
    assert q3.sd == pytest.approx(0.957427, abs=1e-6)
    assert q3.discrimination_index == pytest.approx(85.280287, abs=1e-6)
    assert q3.discriminative_efficiency == pytest.approx(100.0)
    assert q3.flags == ()


def test_results_follow_question_order() -> None:
    stats = item_statistics(list(reversed(QUESTIONS)), ATTEMPTS)
    assert [s.question_id for s in stats] == ["q3", "q2", "q1"]


# --- item_statistics: special cases -------------------------------------------------------------


def test_perfectly_discriminating_item() -> None:
    # Two identical items, x = [1, 1, 0, 0] each, so for either one R = the other = x.
    # Cov(x, x) = Var(x) -> DI = 100 * Var / sqrt(Var * Var) = 100.
    # x and R are already in the same rank order, so SxR_max = SxR -> DE = 100.
    questions = [QuestionInfo("a"), QuestionInfo("b")]
    attempts = [
        AttemptResponses(1, {"a": 1, "b": 1}),
        AttemptResponses(2, {"a": 1, "b": 1}),
        AttemptResponses(3, {"a": 0, "b": 0}),
        AttemptResponses(4, {"a": 0, "b": 0}),
    ]
    for stat in item_statistics(questions, attempts):
        assert stat.discrimination_index == pytest.approx(100.0)
        assert stat.discriminative_efficiency == pytest.approx(100.0)
        assert stat.flags == ()


def test_negatively_discriminating_item_is_flagged() -> None:
    #   attempt  g1  g2  bad  total   R(bad)
    #   1         1   1   0     2       2
    #   2         1   1   0     2       2
    #   3         0   1   1     2       1
    #   4         0   0   1     1       0
    # bad: x = [0, 0, 1, 1], mean .5, dx = [-.5, -.5, .5, .5], Sxx = 1
    #      R = [2, 2, 1, 0], mean 1.25, dR = [.75, .75, -.25, -1.25], SRR = .5625*2 + .0625 + 1.5625
    #      = 2.75
    #      SxR = -.375 - .375 - .125 - .625 = -1.5
    #      DI = 100 * -1.5 / sqrt(2.75) = -150 / 1.658312 = -90.453403
    #      Sorted R -> [0, 1, 2, 2], dR_sorted = [-1.25, -.25, .75, .75];
    #      SxR_max = .625 + .125 + .375 + .375 = 1.5 -> DE = -100
    questions = [QuestionInfo("g1"), QuestionInfo("g2"), QuestionInfo("bad")]
    attempts = [
        AttemptResponses(1, {"g1": 1, "g2": 1, "bad": 0}),
        AttemptResponses(2, {"g1": 1, "g2": 1, "bad": 0}),
        AttemptResponses(3, {"g1": 0, "g2": 1, "bad": 1}),
        AttemptResponses(4, {"g1": 0, "g2": 0, "bad": 1}),
    ]
    bad = _by_id(item_statistics(questions, attempts))["bad"]
    assert bad.discrimination_index == pytest.approx(-90.453403, abs=1e-6)
    assert bad.discriminative_efficiency == pytest.approx(-100.0)
    # Negative is reported on its own, not also as "low".
    assert bad.flags == (FLAG_NEGATIVE_DISCRIMINATION,)


def test_zero_discrimination_is_low_not_negative() -> None:
    # a: x = [1, 1, 0, 0]; R = b = [1, 0, 1, 0].
    # dx = [.5, .5, -.5, -.5], dR = [.5, -.5, .5, -.5] -> SxR = .25 - .25 - .25 + .25 = 0
    # DI = 0, and SxR_max (both sorted [0, 0, 1, 1]) = 1 > 0 -> DE = 0.
    # 0 < 30 and 0 < 15 -> both "low" flags; 0 is not negative.
    questions = [QuestionInfo("a"), QuestionInfo("b")]
    attempts = [
        AttemptResponses(1, {"a": 1, "b": 1}),
        AttemptResponses(2, {"a": 1, "b": 0}),
        AttemptResponses(3, {"a": 0, "b": 1}),
        AttemptResponses(4, {"a": 0, "b": 0}),
    ]
    a = _by_id(item_statistics(questions, attempts))["a"]
    assert a.discrimination_index == 0.0
    assert a.discriminative_efficiency == 0.0
    assert a.flags == (FLAG_LOW_DISCRIMINATION, FLAG_LOW_DISCRIMINATIVE_EFFICIENCY)


def test_all_same_marks_gives_undefined_discrimination() -> None:
    # easy: everyone scores 1 -> Var(x) = 0 -> DI and DE undefined; F = 1 -> "very easy".
    # hard: everyone scores 0 -> likewise, F = 0 -> "very hard".
    # mid: x = [1, 0, 1] varies, but R = easy + hard = [1, 1, 1] is constant -> Var(R) = 0.
    questions = [QuestionInfo("easy"), QuestionInfo("hard"), QuestionInfo("mid")]
    attempts = [
        AttemptResponses(1, {"easy": 1, "hard": 0, "mid": 1}),
        AttemptResponses(2, {"easy": 1, "hard": 0, "mid": 0}),
        AttemptResponses(3, {"easy": 1, "hard": 0, "mid": 1}),
    ]
    stats = _by_id(item_statistics(questions, attempts))

    assert stats["easy"].facility == 1.0
    assert stats["easy"].facility_percent == 100.0
    assert stats["easy"].sd == 0.0
    assert stats["easy"].discrimination_index is None
    assert stats["easy"].discriminative_efficiency is None
    assert stats["easy"].flags == (FLAG_VERY_EASY,)

    assert stats["hard"].facility == 0.0
    assert stats["hard"].discrimination_index is None
    assert stats["hard"].flags == (FLAG_VERY_HARD,)

    # mid: mean 2/3, dx = [1/3, -2/3, 1/3], Sxx = 6/9 -> sd = sqrt((2/3) / 2) = sqrt(1/3)
    assert stats["mid"].sd == pytest.approx(math.sqrt(1 / 3))
    assert stats["mid"].discrimination_index is None
    assert stats["mid"].discriminative_efficiency is None
    assert stats["mid"].flags == ()


def test_rest_constant_up_to_float_noise_is_treated_as_constant() -> None:
    # For q1, R = q2 + q3 = 0.2 in both attempts, but total - x is not bit-identical:
    # fsum([.1, .1, .1]) - .1 = 0.20000000000000004 while fsum([.2, .1, .1]) - .2 = 0.2.
    # Taken at face value that noise would give DI = +-100; it must be None.
    assert math.fsum([0.1, 0.1, 0.1]) - 0.1 != math.fsum([0.2, 0.1, 0.1]) - 0.2
    questions = [QuestionInfo("q1"), QuestionInfo("q2"), QuestionInfo("q3")]
    attempts = [
        AttemptResponses(1, {"q1": 0.1, "q2": 0.1, "q3": 0.1}),
        AttemptResponses(2, {"q1": 0.2, "q2": 0.1, "q3": 0.1}),
    ]
    q1 = _by_id(item_statistics(questions, attempts))["q1"]
    assert q1.discrimination_index is None
    assert q1.discriminative_efficiency is None


def test_single_attempt_has_no_spread_statistics() -> None:
    stats = item_statistics([QuestionInfo("q", max_mark=4)], [AttemptResponses(1, {"q": 3})])
    assert stats[0].n == 1
    assert stats[0].facility == pytest.approx(0.75)
    assert stats[0].sd is None
    assert stats[0].discrimination_index is None
    assert stats[0].discriminative_efficiency is None


def test_no_attempts() -> None:
    stats = item_statistics([QuestionInfo("q")], [])
    assert stats == [ItemStatistics("q", 0, None, None, None, None, None, ())]


def test_no_questions() -> None:
    assert item_statistics([], [AttemptResponses(1, {"q": 1})]) == []


def test_rejects_duplicate_questions_and_bad_max_mark() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        item_statistics([QuestionInfo("q"), QuestionInfo("q")], [])
    with pytest.raises(ValueError, match="max_mark"):
        QuestionInfo("q", max_mark=0)


def test_low_discrimination_threshold_matches_moodle() -> None:
    # qbank_statistics\helper::NEED_FOR_REVISION_LOWER_THRESHOLD
    assert LOW_DISCRIMINATION == 30


def test_agrees_with_statistics_module_on_random_data() -> None:
    # Independent oracle: DI is the Pearson correlation of x and R; DE uses sample covariances.
    rng = random.Random(20240601)
    questions = [QuestionInfo(i, max_mark=rng.choice([1.0, 2.0, 5.0])) for i in range(12)]
    attempts = [
        AttemptResponses(
            a, {q.question_id: round(rng.uniform(0, q.max_mark), 2) for q in questions}
        )
        for a in range(40)
    ]
    totals = [sum(a.marks.values()) for a in attempts]
    for q, stat in zip(questions, item_statistics(questions, attempts), strict=True):
        x = [a.marks[q.question_id] for a in attempts]
        rest = [t - xi for t, xi in zip(totals, x, strict=True)]
        assert stat.facility == pytest.approx(statistics.fmean(x) / q.max_mark)
        assert stat.sd == pytest.approx(statistics.stdev(x))
        assert stat.discrimination_index == pytest.approx(100 * statistics.correlation(x, rest))
        cov_max = statistics.covariance(sorted(x), sorted(rest))
        assert stat.discriminative_efficiency == pytest.approx(
            100 * statistics.covariance(x, rest) / cov_max
        )


def test_a_whole_class_gives_one_row_per_question() -> None:
    # 40 students x 5 attempts x 30 questions. Speed is measured in bench/, not asserted here.
    rng = random.Random(7)
    questions = [QuestionInfo(i) for i in range(30)]
    attempts = [
        AttemptResponses(a, {i: float(rng.random() < 0.6) for i in range(30)}) for a in range(200)
    ]
    stats = item_statistics(questions, attempts)
    assert [s.question_id for s in stats] == list(range(30))
    assert all(s.n == 200 and s.discrimination_index is not None for s in stats)


# --- choice_counts --------------------------------------------------------------------------------


def test_choice_counts_with_blanks_duplicates_and_multiple_response() -> None:
    picks = [
        ChoicePick(1, "q1", "A"),
        ChoicePick(2, "q1", "B"),
        ChoicePick(3, "q1", "A"),
        ChoicePick(4, "q1", None),  # left blank
        ChoicePick(5, "q1", "A"),
        ChoicePick(1, "q1", "A"),  # same fact repeated -> counted once
        ChoicePick(1, "q2", "X"),  # multiple response: one attempt, two choices
        ChoicePick(1, "q2", "Y"),
    ]
    assert choice_counts(picks) == {
        "q1": {"A": 3, "B": 1, None: 1},
        "q2": {"X": 1, "Y": 1},
    }


def test_choice_counts_zero_fills_known_choices() -> None:
    picks = [ChoicePick(1, "q1", "A"), ChoicePick(2, "q1", None)]
    counts = choice_counts(picks, known_choices={"q1": ["A", "B", "C"], "q9": ["P", "Q"]})
    # B and C are distractors nobody chose; q9 had no picks at all.
    assert counts == {
        "q1": {"A": 1, "B": 0, "C": 0, None: 1},
        "q9": {"P": 0, "Q": 0, None: 0},
    }


def test_choice_counts_empty() -> None:
    assert choice_counts([]) == {}


# --- select_attempts ------------------------------------------------------------------------------


def _attempt(attempt_id: str) -> AttemptResponses:
    return AttemptResponses(attempt_id, {})


META = [
    ("u1", datetime(2024, 5, 3), _attempt("u1-second")),
    ("u2", datetime(2024, 5, 2), _attempt("u2-only")),
    ("u1", datetime(2024, 5, 1), _attempt("u1-first")),
    ("u3", datetime(2024, 5, 5), _attempt("u3-listed-first")),
    ("u3", datetime(2024, 5, 5), _attempt("u3-same-start")),
]


def test_select_first_attempt_per_user_keeps_input_order() -> None:
    chosen = select_attempts(META, "first")
    # u1's earliest is listed third, so it comes after u2's; u3's tie goes to the earlier row.
    assert [a.attempt_id for a in chosen] == ["u2-only", "u1-first", "u3-listed-first"]


def test_select_all_attempts() -> None:
    chosen = select_attempts(META, "all")
    assert [a.attempt_id for a in chosen] == [
        "u1-second",
        "u2-only",
        "u1-first",
        "u3-listed-first",
        "u3-same-start",
    ]


def test_select_defaults_to_first_and_accepts_named_tuples_and_attempt_numbers() -> None:
    items = [
        AttemptWithMeta(user_id=7, started_at=2, attempt=_attempt("b")),
        AttemptWithMeta(user_id=7, started_at=1, attempt=_attempt("a")),
    ]
    assert [a.attempt_id for a in select_attempts(items)] == ["a"]


def test_select_rejects_unknown_mode() -> None:
    with pytest.raises(ValueError, match="mode"):
        select_attempts(META, "last")  # type: ignore[arg-type]
