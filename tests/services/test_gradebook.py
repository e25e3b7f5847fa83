"""The gradebook and class mastery as the services compute them."""

from __future__ import annotations

import pytest

from quizapp.models.base import utcnow
from quizapp.services.gradebook import class_gradebook
from tests.builders import (
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


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


def test_mastery_counts_practice_and_this_class_submitted_work_only(db, make_teacher, make_student):
    from quizapp.services.gradebook import class_mastery
    from quizapp.services.quizzes import create_attempt, save_answer
    from tests.builders import correct_answer

    mine, theirs = make_teacher(), make_teacher()
    student = make_student()
    my_class, their_class = make_class(db, mine, "Mine"), make_class(db, theirs, "Theirs")
    enrol(db, my_class, student)
    enrol(db, their_class, student)
    questions = seeded_questions(db, 4, "true_false")
    their_set = make_set(db, theirs, questions[:2], feedback="never")
    their_hw = make_assignment(db, their_set, [their_class])
    take(db, their_hw, student, [False, False], submit=False)  # unfinished, another class
    take(db, make_assignment(db, their_set, [their_class]), student, [False, False])
    my_hw = make_assignment(db, make_set(db, mine, questions[2:3]), [my_class])
    take(db, my_hw, student, [True], submit=False)  # unfinished: not counted yet
    assert class_mastery(db.session, my_class).cells == {}
    practice = create_attempt(db.session, student.id, questions[3:])
    db.session.flush()
    save_answer(db.session, practice, practice.questions[0], correct_answer(questions[3]))
    db.session.commit()
    assert list(class_mastery(db.session, my_class).cells.values()) == [1.0]
