"""The reveal's chart of typed answers: grouped as the grader compares them, the tail summed."""

from __future__ import annotations

from quizapp.services.live_questions import TYPED_ANSWERS_CHARTED, typed_chart


def test_typed_answers_group_as_the_grader_compares_them():
    rows = typed_chart([("Moscow", True), (" moscow.", True), ("Kiev", False), ("MOSCOW", True)])
    assert [(r.text, r.count, r.correct) for r in rows] == [("Moscow", 3, True), ("Kiev", 1, False)]


def test_a_long_tail_of_typed_answers_is_summed_into_one_bar():
    answers = [(f"guess {n}", False) for n in range(TYPED_ANSWERS_CHARTED + 3)] + [("Right", True)]
    rows = typed_chart(answers)
    assert len(rows) == TYPED_ANSWERS_CHARTED + 1
    assert rows[0].text == "Right" and rows[0].correct  # equal counts: the right one first
    assert (rows[-1].text, rows[-1].count, rows[-1].correct) == ("Other answers", 4, False)
