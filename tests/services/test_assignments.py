"""Assignments and their attempts through the services: deadlines, random draws, shuffling,
rescheduling, and what the students' assignment list costs in queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.models import QuizSetItem, Topic
from quizapp.models.base import utcnow
from quizapp.services.assignments import student_assignment_rows
from tests.builders import (
    attempts_of,
    class_with_history,
    class_with_set,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


def test_without_late_work_the_due_date_ends_the_attempt(db, make_teacher, make_student):
    _teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, time_limit_minutes=60
    )
    now = utcnow()
    assignment = make_assignment(db, quiz_set, [school_class], due_at=now + timedelta(minutes=10))
    attempt = take(db, assignment, student, submit=False, now=now)
    assert attempt.deadline == assignment.due_at  # 10 minutes left, not the full hour
    late_ok = make_assignment(
        db, quiz_set, [school_class], due_at=now + timedelta(minutes=10), accept_late=True
    )
    attempt = take(db, late_ok, student, submit=False, now=now)
    assert attempt.deadline == now + timedelta(minutes=60)


def test_random_draws_give_each_attempt_its_own_questions(db, make_teacher, make_student):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    students = [make_student() for _ in range(4)]
    enrol(db, school_class, *students)
    topic = db.session.scalar(
        sa.select(Topic).where(Topic.title == "Strengthening Sino-Russian Relations")
    )
    scope = {topic.id} | set(db.session.scalars(sa.select(Topic.id).filter_by(parent_id=topic.id)))
    chosen = seeded_questions(db, 1, "true_false", topic="Overview")
    quiz_set = make_set(db, teacher, chosen)
    quiz_set.items.append(QuizSetItem(position=2, topic_id=topic.id, draw_count=5))
    db.session.commit()
    assignment = make_assignment(db, quiz_set, [school_class])
    drawn = []
    for seed, student in enumerate(students):
        attempt = take(db, assignment, student, seed=seed)
        ids = [slot.question_id for slot in attempt.questions]
        assert len(ids) == 6 and ids[0] == chosen[0].id
        assert all(slot.question.claim.topic_id in scope for slot in attempt.questions[1:])
        claims = [slot.question.claim_id for slot in attempt.questions]
        assert len(set(claims)) == len(claims)  # never two questions on one sentence
        drawn.append(tuple(sorted(ids[1:])))
    assert len(set(drawn)) > 1


def test_shuffled_questions_differ_between_students(db, make_teacher, make_student):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    students = [make_student() for _ in range(3)]
    enrol(db, school_class, *students)
    questions = seeded_questions(db, 8)
    quiz_set = make_set(db, teacher, questions, shuffle_questions=True)
    assignment = make_assignment(db, quiz_set, [school_class])
    orders = {
        tuple(s.question_id for s in take(db, assignment, st, seed=i).questions)
        for i, st in enumerate(students)
    }
    assert len(orders) > 1 and all(sorted(o) == sorted(q.id for q in questions) for o in orders)


def test_a_shorter_due_date_or_late_work_recomputes_open_deadlines(db, make_teacher, make_student):
    from quizapp.services.assignments import Schedule, update_assignment

    _teacher, student, school_class, quiz_set = class_with_set(
        db, make_teacher, make_student, time_limit_minutes=60
    )
    now = utcnow()
    assignment = make_assignment(db, quiz_set, [school_class], due_at=now + timedelta(days=1))
    attempt = take(db, assignment, student, submit=False, now=now)
    assert attempt.deadline == now + timedelta(minutes=60)
    sooner = now + timedelta(minutes=10)
    update_assignment(db.session, assignment, [school_class.id], Schedule("HW", sooner))
    db.session.commit()
    attempt = attempts_of(db, student)[0]
    assert attempt.deadline == sooner and attempt.late_after == sooner
    # Accepting late work lifts the due date's cut: the time limit alone ends the attempt.
    update_assignment(
        db.session, assignment, [school_class.id], Schedule("HW", sooner, accept_late=True)
    )
    db.session.commit()
    assert attempts_of(db, student)[0].deadline == now + timedelta(minutes=60)


@pytest.mark.parametrize("classes", [1, 4])
def test_the_students_assignment_list_costs_two_queries(
    db, make_teacher, make_student, count_queries, classes
):
    student = make_student()
    for _ in range(classes):
        school_class, _members, made = class_with_history(db, make_teacher(), make_student, 2, 2)
        enrol(db, school_class, student)
        for assignment in made:
            take(db, assignment, student)
    student_id = student.id
    db.session.remove()
    with count_queries() as queries:
        rows = student_assignment_rows(db.session, student_id, utcnow())
    assert len(rows) == 2 * classes and len(queries) == 2
