"""The gradebook as the service computes it (the class heatmap: test_class_mastery.py)."""

from __future__ import annotations

import pytest

from quizapp.models.base import utcnow
from quizapp.services.gradebook import class_gradebook


@pytest.mark.parametrize(
    ("method", "percent"),
    [("highest", 200 / 3), ("last", 200 / 3), ("first", 0.0), ("average", 100 / 3)],
)
def test_grading_methods_in_the_gradebook(db, school, method, percent):
    _teacher, school_class, (student_a, _b, _v), (hw1, _hw2) = school
    hw1.quiz_set.grading_method = method
    db.session.commit()
    book = class_gradebook(db.session, school_class, utcnow())
    assert book.cell(student_a.id, hw1.id).grade.percent == pytest.approx(percent)
