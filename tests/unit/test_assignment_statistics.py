"""Item statistics when attempts hold different questions (random draws), worked by hand.

Each question is analysed over the attempts that contained it; R is the attempt's marks on its
other questions. Notation as in test_item_statistics: dx = x - mean(x), dR = R - mean(R).
"""

from __future__ import annotations

import math
import random

import pytest

from quizapp.core.assignment_statistics import SatAttempt, item_statistics_by_presence
from quizapp.core.item_statistics import (
    FLAG_LOW_DISCRIMINATION,
    FLAG_LOW_DISCRIMINATIVE_EFFICIENCY,
    FLAG_NEGATIVE_DISCRIMINATION,
    AttemptResponses,
    QuestionInfo,
    item_statistics,
)

#   attempt   q1  q2  q3   total
#   a1         1   1   .     2
#   a2         0   .   1     1
#   a3         1   0   1     2
#   a4         .   1   0     1
#   a5         0   0   0     0      ("." = the attempt did not contain the question)
QUESTIONS = [QuestionInfo("q1"), QuestionInfo("q2"), QuestionInfo("q3")]
ATTEMPTS = [
    SatAttempt("a1", {"q1": 1, "q2": 1}),
    SatAttempt("a2", {"q1": 0, "q3": 1}),
    SatAttempt("a3", {"q1": 1, "q2": 0, "q3": 1}),
    SatAttempt("a4", {"q2": 1, "q3": 0}),
    SatAttempt("a5", {"q1": 0, "q2": 0, "q3": 0}),
]


def _stats():
    return {s.question_id: s for s in item_statistics_by_presence(QUESTIONS, ATTEMPTS)}


def test_q1_over_the_four_attempts_that_had_it():
    # a1, a2, a3, a5: x = [1, 0, 1, 0], R = [1, 1, 1, 0]. mean x = .5, mean R = .75.
    # dx = [.5, -.5, .5, -.5] Sxx = 1; dR = [.25, .25, .25, -.75] SRR = .75; SxR = .5
    # DI = 100 * .5 / sqrt(.75) = 57.735 (= 100 / sqrt 3)
    # sorted x [0, 0, 1, 1], sorted R [0, 1, 1, 1]: SxR_max = .375 - .125 + .125 + .125 = .5
    # DE = 100 * .5 / .5 = 100
    q1 = _stats()["q1"]
    assert q1.n == 4
    assert q1.facility == pytest.approx(0.5)
    assert q1.sd == pytest.approx(math.sqrt(1 / 3))
    assert q1.discrimination_index == pytest.approx(100 / math.sqrt(3))
    assert q1.discriminative_efficiency == pytest.approx(100.0)
    assert q1.flags == ()


def test_counting_a_missing_question_as_zero_would_distort_it():
    # The plain core counts a4's missing q1 as a wrong answer: 5 attempts, facility 2/5.
    plain = item_statistics(QUESTIONS, [AttemptResponses(a.attempt_id, a.marks) for a in ATTEMPTS])
    assert plain[0].n == 5 and plain[0].facility == pytest.approx(0.4)
    assert _stats()["q1"].facility == pytest.approx(0.5)


def test_q2_discriminates_negatively():
    # a1, a3, a4, a5: x = [1, 0, 1, 0], R = [1, 2, 0, 0]. mean R = .75.
    # dR = [.25, 1.25, -.75, -.75] SRR = 2.75; SxR = .125 - .625 - .375 + .375 = -.5
    # DI = -50 / sqrt(2.75) = -30.151; sorted R [0, 0, 1, 2]: SxR_max = 1.5 -> DE = -33.333
    q2 = _stats()["q2"]
    assert q2.n == 4
    assert q2.discrimination_index == pytest.approx(-50 / math.sqrt(2.75))
    assert q2.discrimination_index == pytest.approx(-30.151134, abs=1e-6)
    assert q2.discriminative_efficiency == pytest.approx(-100 / 3)
    assert q2.flags == (FLAG_NEGATIVE_DISCRIMINATION,)


def test_q3_does_not_discriminate_at_all():
    # a2, a3, a4, a5: x = [1, 1, 0, 0], R = [0, 1, 1, 0]; dx = [.5, .5, -.5, -.5],
    # dR = [-.5, .5, .5, -.5]: SxR = 0 -> DI = 0 and DE = 0 (SxR_max = 1).
    q3 = _stats()["q3"]
    assert q3.discrimination_index == 0.0
    assert q3.discriminative_efficiency == 0.0
    assert q3.flags == (FLAG_LOW_DISCRIMINATION, FLAG_LOW_DISCRIMINATIVE_EFFICIENCY)


def test_same_as_the_core_when_every_attempt_has_every_question():
    rng = random.Random(11)
    questions = [QuestionInfo(f"q{i}", max_mark=1.0 + i % 2) for i in range(6)]
    attempts = [
        {q.question_id: rng.choice([0, 0.5, 1]) * q.max_mark for q in questions} for _ in range(30)
    ]
    ours = item_statistics_by_presence(
        questions, [SatAttempt(i, marks) for i, marks in enumerate(attempts)]
    )
    core = item_statistics(questions, [AttemptResponses(i, m) for i, m in enumerate(attempts)])
    for a, b in zip(ours, core, strict=True):
        assert a.n == b.n and a.facility == pytest.approx(b.facility)
        assert a.discrimination_index == pytest.approx(b.discrimination_index)
        assert a.discriminative_efficiency == pytest.approx(b.discriminative_efficiency)
        assert a.flags == b.flags


def test_a_question_nobody_sat_has_no_statistics():
    stats = item_statistics_by_presence([QuestionInfo("q9")], ATTEMPTS)
    assert stats[0].n == 0 and stats[0].facility is None
