"""Item analysis of an assignment, first attempts against all attempts, worked by hand.

first attempts     q1 (single choice)   q2 (t/f)   q3 (t/f)   total
s1                 1 (correct choice)    1          1          3
s2                 1 (correct choice)    0          1          2
s3                 0 (a distractor)      1          0          1
s4                 0 (blank)             0          0          0
s4, 2nd attempt    1                     1          1          3
"""

from __future__ import annotations

import dataclasses
import math

import pytest

from quizapp.core.item_statistics import MIN_RESPONSES_FOR_FLAGS, ItemStatistics
from quizapp.services.item_analysis import QuestionAnalysis, analyse_assignment


def _by_question(report):
    return {row.question.id: row for row in report.questions}


def test_first_attempts(db, analysed):
    _teacher, assignment, (q1, q2, q3) = analysed
    report = analyse_assignment(db.session, assignment, "first")
    assert (report.attempts, report.students) == (4, 4)
    assert report.mean_percent == pytest.approx(100 * 6 / 12)
    rows = _by_question(report)
    assert [r.question.id for r in report.questions] == [q1.id, q2.id, q3.id]
    # q1: x = [1, 1, 0, 0], R = [2, 1, 1, 0]: Sxx = 1, SRR = 2, SxR = 1
    # DI = 100 / sqrt 2 = 70.71; sorted pairing gives SxR_max = 1, DE = 100.
    one = rows[q1.id].stats
    assert one.n == 4 and one.facility_percent == pytest.approx(50)
    assert one.discrimination_index == pytest.approx(100 / math.sqrt(2))
    assert one.discriminative_efficiency == pytest.approx(100)
    assert not rows[q1.id].flagged
    # q2: x = [1, 0, 1, 0], R = [2, 2, 0, 0]: SxR = 0, DI = DE = 0, flagged.
    two = rows[q2.id]
    assert two.stats.discrimination_index == 0 and two.stats.discriminative_efficiency == 0
    # The figures say "low discrimination", but four responses are too few to flag a question.
    assert "low discrimination" in two.stats.flags
    assert not two.judged and not two.flagged and two.flags == ()
    assert report.flagged == 0


def test_distractor_counts(db, analysed):
    _teacher, assignment, (q1, q2, _q3) = analysed
    rows = _by_question(analyse_assignment(db.session, assignment, "first"))
    correct = next(c["text"] for c in q1.choices if c["correct"])
    picked_wrong = next(c["text"] for c in q1.choices if not c["correct"])  # what s3 picked
    counts = {c.text: c.count for c in rows[q1.id].choices}
    assert counts[correct] == 2 and counts[picked_wrong] == 1 and counts["(no answer)"] == 1
    assert sum(counts.values()) == 4
    seen = (correct, picked_wrong, "(no answer)")
    unpicked = [c for c in rows[q1.id].choices if c.text not in seen]
    assert unpicked and all(c.count == 0 for c in unpicked)  # non-functioning distractors show
    assert [c.correct for c in rows[q1.id].choices if c.text == correct] == [True]
    tf = {c.text: c.count for c in rows[q2.id].choices}
    right = "True" if q2.answer_bool else "False"
    wrong = "False" if q2.answer_bool else "True"
    assert tf[right] == 2 and tf[wrong] == 2


def test_all_attempts(db, analysed):
    _teacher, assignment, (q1, _q2, _q3) = analysed
    report = analyse_assignment(db.session, assignment, "all")
    assert (report.attempts, report.students) == (5, 4)
    one = _by_question(report)[q1.id].stats
    # x = [1, 1, 0, 0, 1], R = [2, 1, 1, 0, 2]: Sxx = 1.2, SRR = 2.8, SxR = 1.4
    # DI = 140 / sqrt(3.36) = 76.376; SxR_max = 1.4 -> DE = 100; facility 3/5.
    assert one.n == 5 and one.facility_percent == pytest.approx(60)
    assert one.discrimination_index == pytest.approx(140 / math.sqrt(3.36))
    assert one.discriminative_efficiency == pytest.approx(100)


def test_flags_show_from_the_stated_minimum_of_responses():
    stats = ItemStatistics(
        question_id=1,
        n=MIN_RESPONSES_FOR_FLAGS - 1,
        facility=0.0,
        facility_percent=0.0,
        sd=0.0,
        discrimination_index=-20.0,
        discriminative_efficiency=-20.0,
        flags=("negative discrimination", "very hard"),
    )
    few = QuestionAnalysis(question=None, topic="", stats=stats)
    assert not few.judged and not few.flagged
    enough = QuestionAnalysis(
        question=None, topic="", stats=dataclasses.replace(stats, n=MIN_RESPONSES_FOR_FLAGS)
    )
    assert enough.judged and enough.flagged and enough.flags == stats.flags
