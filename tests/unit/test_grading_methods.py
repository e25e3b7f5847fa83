"""Grade over several attempts: highest, last, first and average, with late marks."""

from __future__ import annotations

import pytest

from quizapp.core.grading_methods import GRADING_METHODS, SubmittedAttempt, overall_grade

# Started at t=1, 2, 3: 6/10 on time, 9/10 late, 3/10 on time.
ATTEMPTS = [
    SubmittedAttempt(2, 9.0, 10.0, late=True),
    SubmittedAttempt(1, 6.0, 10.0),
    SubmittedAttempt(3, 3.0, 10.0),
]


@pytest.mark.parametrize(
    ("method", "fraction", "late"),
    [
        ("highest", 0.9, True),  # the best attempt (the late one)
        ("first", 0.6, False),  # started first, whatever the order given
        ("last", 0.3, False),  # started last
        ("average", 0.6, True),  # (0.6 + 0.9 + 0.3) / 3; late because one counted attempt was
    ],
)
def test_each_method(method, fraction, late):
    grade = overall_grade(method, ATTEMPTS)
    assert grade.fraction == pytest.approx(fraction)
    assert grade.percent == pytest.approx(100 * fraction)
    assert grade.late is late
    assert grade.attempts == 3


def test_no_attempts_no_grade():
    assert all(overall_grade(method, []) is None for method in GRADING_METHODS)


def test_attempts_with_different_maxima_compare_as_fractions():
    # 4/5 (80 %) beats 7/10 (70 %) although 7 > 4 marks.
    grade = overall_grade("highest", [SubmittedAttempt(1, 7, 10), SubmittedAttempt(2, 4, 5)])
    assert grade.fraction == pytest.approx(0.8)
    average = overall_grade("average", [SubmittedAttempt(1, 7, 10), SubmittedAttempt(2, 4, 5)])
    assert average.fraction == pytest.approx(0.75)


def test_a_late_retry_does_not_mark_an_on_time_best_late():
    grade = overall_grade("highest", [SubmittedAttempt(1, 8, 10), SubmittedAttempt(2, 5, 10, True)])
    assert grade.fraction == pytest.approx(0.8) and grade.late is False


def test_ties_go_to_the_earliest_attempt():
    grade = overall_grade("highest", [SubmittedAttempt(2, 5, 10, True), SubmittedAttempt(1, 5, 10)])
    assert grade.late is False  # the attempt started at 1 reached the best grade first
    first = overall_grade("first", [SubmittedAttempt(1, 2, 10), SubmittedAttempt(1, 9, 10)])
    assert first.fraction == pytest.approx(0.2)  # same start: the one listed first


def test_an_empty_attempt_scores_zero_not_a_division_error():
    assert overall_grade("average", [SubmittedAttempt(1, 0, 0)]).fraction == 0.0


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown grading method"):
        overall_grade("median", ATTEMPTS)
