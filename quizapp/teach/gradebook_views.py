"""Teachers: a class's gradebook, a student's drill-down, the mastery heatmap, CSV exports."""

from __future__ import annotations

import sqlalchemy as sa
from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.core import mastery as mastery_rule
from quizapp.core.question_kinds import describe_answer, describe_key
from quizapp.extensions import db
from quizapp.models import Enrollment
from quizapp.models.base import utcnow
from quizapp.quiz.answers import shown_text
from quizapp.services import attempt_review, classes, csv_export, gradebook
from quizapp.services import class_mastery as heatmap
from quizapp.services.assignments import (
    class_assignment_ids,
    class_assignments,
    finalise_overdue_attempts,
)
from quizapp.teach.assignment_views import csv_response
from quizapp.teach.blueprint import bp


def _class_with_fresh_attempts(class_id: int):
    """The teacher's class, after submitting its attempts whose time ran out."""
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    if finalise_overdue_attempts(db.session, utcnow(), class_assignment_ids(class_id)):
        db.session.commit()
        school_class = classes.owned_class(db.session, class_id, current_user.id)
    return school_class


@bp.get("/classes/<id:class_id>/gradebook")
def class_gradebook(class_id: int):
    school_class = _class_with_fresh_attempts(class_id)
    book = gradebook.class_gradebook(db.session, school_class, utcnow())
    return render_template("teach/gradebook.html", book=book, school_class=school_class)


@bp.get("/classes/<id:class_id>/students/<id:student_id>")
def student_page(class_id: int, student_id: int):
    school_class = _class_with_fresh_attempts(class_id)
    student = gradebook.class_student(db.session, school_class, student_id)
    assignments = class_assignments(db.session, class_id)
    ids = [a.id for a in assignments]
    return render_template(
        "teach/student.html",
        school_class=school_class,
        student=student,
        assignments={a.id: a for a in assignments},
        topics=gradebook.student_topic_results(db.session, student.id, ids),
        attempts=gradebook.student_attempts(db.session, student.id, ids),
    )


@bp.get("/classes/<id:class_id>/mastery")
def class_mastery(class_id: int):
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    return render_template(
        "teach/mastery.html",
        school_class=school_class,
        mastery=heatmap.class_mastery(db.session, school_class, utcnow()),
        band=heatmap.mastery_band,
        average_band=heatmap.average_band,
        bands=heatmap.MASTERY_BANDS,
        rule=mastery_rule,
    )


@bp.get("/classes/<id:class_id>/gradebook.csv")
def gradebook_csv(class_id: int):
    school_class = _class_with_fresh_attempts(class_id)
    book = gradebook.class_gradebook(db.session, school_class, utcnow())
    body = csv_export.gradebook_csv(book, translate=_)  # headers in the teacher's language
    return csv_response(body, f"gradebook-class-{class_id}.csv")


@bp.get("/classes/<id:class_id>/responses.csv")
def class_responses_csv(class_id: int):
    school_class = _class_with_fresh_attempts(class_id)
    ids = [a.id for a in class_assignments(db.session, class_id)]
    members = sa.select(Enrollment.student_id).where(Enrollment.class_id == school_class.id)
    body = csv_export.responses_csv(db.session, ids, members, current_user.time_zone, translate=_)
    return csv_response(body, f"responses-class-{class_id}.csv")


@bp.get("/classes/<id:class_id>/students/<id:student_id>/attempts/<id:attempt_id>")
def student_attempt(class_id: int, student_id: int, attempt_id: int):
    """One attempt question by question: the student's answer, the key, the mark."""
    school_class = _class_with_fresh_attempts(class_id)
    student = gradebook.class_student(db.session, school_class, student_id)
    attempt = attempt_review.class_student_attempt(db.session, school_class, student.id, attempt_id)
    rows = [
        (
            slot,
            slot.response,
            shown_text(
                describe_answer(slot.question, slot.response.answer if slot.response else None)
            ),
            shown_text(describe_key(slot.question)),
        )
        for slot in attempt.questions
    ]
    return render_template(
        "teach/attempt.html", school_class=school_class, student=student, attempt=attempt, rows=rows
    )
