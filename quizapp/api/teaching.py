"""Classes, quiz sets, assignments, attempts and grades: a teacher's own, by the rules of the
``/teach`` pages (``services.classes``, ``quiz_sets``, ``assignments``, ``gradebook``): a
student gets 403, another teacher's object is a 404."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from quizapp.api.auth import authenticate, require_teacher
from quizapp.api.blueprint import ApiBlueprint
from quizapp.api.paging import PageArgs, page_of, paginate, paginate_list
from quizapp.api.schemas import (
    AssignmentSchema,
    AttemptSchema,
    ClassSchema,
    GradebookSchema,
    QuizSetSchema,
)
from quizapp.core.clock import utcnow
from quizapp.core.vocabulary import AttemptKind
from quizapp.extensions import db
from quizapp.models import Assignment, QuizAttempt
from quizapp.services import assignments, classes, gradebook, quiz_sets
from quizapp.services.classes import ClassSummary
from quizapp.services.quiz_sets import SetSummary

blp = ApiBlueprint(
    "api_teaching",
    __name__,
    url_prefix="/api/v1",
    description="A teacher's classes, quiz sets, assignments, attempts and grades.",
)
blp.before_request(authenticate)


def _finalise(assignment_ids) -> None:
    """Submit the attempts whose time ran out, as the gradebook page does, so a grade read
    here is the one the page shows."""
    if assignments.finalise_overdue_attempts(db.session, utcnow(), assignment_ids):
        db.session.commit()


def _load_classes(assignment_list: list[Assignment]) -> None:
    """Load each assignment's classes (its ``class_ids``) in one query, not one per assignment."""
    if assignment_list:
        db.session.scalars(
            sa.select(Assignment)
            .where(Assignment.id.in_([a.id for a in assignment_list]))
            .options(selectinload(Assignment.classes))
        ).all()


@blp.get("/classes")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(ClassSchema))
def class_list(args):
    """Your classes by name, with their number of students."""
    teacher = require_teacher()
    return paginate_list(classes.teacher_classes(db.session, teacher.id), args)


@blp.get("/classes/<id:class_id>")
@blp.response(200, ClassSchema)
def class_detail(class_id: int):
    """One of your classes."""
    teacher = require_teacher()
    school_class = classes.owned_class(db.session, class_id, teacher.id)
    return ClassSummary(school_class, len(classes.class_students(db.session, class_id)))


@blp.get("/classes/<id:class_id>/grades")
@blp.response(200, GradebookSchema)
def class_grades(class_id: int):
    """The class's gradebook: each student on each assignment, graded by the set's method."""
    teacher = require_teacher()
    classes.owned_class(db.session, class_id, teacher.id)
    _finalise(assignments.class_assignment_ids(class_id))
    school_class = classes.owned_class(db.session, class_id, teacher.id)
    book = gradebook.class_gradebook(db.session, school_class, utcnow())
    _load_classes(book.assignments)
    cells = [
        {
            "student_id": student.id,
            "assignment_id": assignment.id,
            "status": cell.status,
            "attempts": cell.attempts,
            "percent": cell.grade.percent if cell.grade else None,
            "late": bool(cell.grade and cell.grade.late),
        }
        for student in book.students
        for assignment in book.assignments
        for cell in [book.cell(student.id, assignment.id)]
    ]
    return {
        "class_id": class_id,
        "students": book.students,
        "assignments": book.assignments,
        "cells": cells,
    }


@blp.get("/quiz-sets")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(QuizSetSchema))
def set_list(args):
    """Your quiz sets, last changed first."""
    teacher = require_teacher()
    return paginate_list(quiz_sets.teacher_sets(db.session, teacher.id), args)


@blp.get("/quiz-sets/<id:set_id>")
@blp.response(200, QuizSetSchema)
def set_detail(set_id: int):
    """One of your quiz sets."""
    teacher = require_teacher()
    quiz_set = quiz_sets.owned_set(db.session, set_id, teacher.id, with_items=True)
    used = db.session.scalar(
        sa.select(sa.func.count(Assignment.id)).where(Assignment.quiz_set_id == set_id)
    )
    return SetSummary(quiz_set, quiz_sets.set_question_count(quiz_set.items), used or 0)


@blp.get("/assignments")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(AssignmentSchema))
def assignment_list(args):
    """Your assignments, latest due first."""
    teacher = require_teacher()
    return paginate_list(assignments.teacher_assignments(db.session, teacher.id), args)


@blp.get("/assignments/<id:assignment_id>")
@blp.response(200, AssignmentSchema)
def assignment_detail(assignment_id: int):
    """One of your assignments."""
    teacher = require_teacher()
    return assignments.owned_assignment(db.session, assignment_id, teacher.id)


@blp.get("/assignments/<id:assignment_id>/attempts")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(AttemptSchema))
def assignment_attempts(args, assignment_id: int):
    """The attempts at one of your assignments by the students now in its classes."""
    teacher = require_teacher()
    assignment = assignments.owned_assignment(db.session, assignment_id, teacher.id)
    _finalise([assignment_id])
    students = assignments.enrolled_student_ids(db.session, assignment)
    stmt = sa.select(QuizAttempt).where(
        QuizAttempt.assignment_id == assignment_id,
        QuizAttempt.kind == AttemptKind.ASSIGNMENT,
        QuizAttempt.user_id.in_(students or {0}),
    )
    return paginate(stmt.order_by(QuizAttempt.started_at, QuizAttempt.id), args)
