"""Students: join a class with a code or a link, list assignments, start or resume one.

Served at the top level (``/join``, ``/assignments``), for any logged-in user: the teachers'
``/teach`` guard does not apply here.
"""

from __future__ import annotations

import random

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from quizapp.auth.throttling import throttled_per_user
from quizapp.extensions import db
from quizapp.models.base import utcnow
from quizapp.services import classes
from quizapp.services.assignments import (
    assignment_for_student,
    start_assignment_attempt,
    student_assignment_rows,
)
from quizapp.services.errors import NotFound, TeachingError
from quizapp.services.quizzes import first_unanswered
from quizapp.teach.forms import ConfirmJoinForm, JoinForm
from quizapp.web_forms import submit_form

bp = Blueprint("classroom", __name__)


def _join(school_class):
    try:
        joined = classes.join_class(db.session, school_class, current_user)
        db.session.commit()
    except IntegrityError:
        # A double submit raced us to the unique (class, student) row: already a member.
        db.session.rollback()
        joined = False
    if joined:
        flash(_("You joined %(group)s.", group=school_class.name), "success")
    else:
        flash(_("You are already in %(group)s.", group=school_class.name), "info")
    return redirect(url_for("classroom.assignments"))


@bp.route("/join", methods=["GET", "POST"])
@login_required
@throttled_per_user("JOIN")
def join():
    form = JoinForm()
    outcome = submit_form(form, lambda: _class_for_code(form.code.data), field=form.code)
    if outcome.saved:
        return _join(outcome.value)
    return render_template("classroom/join.html", form=form), outcome.status


def _class_for_code(code: str):
    try:
        return classes.class_by_code(db.session, code)
    except NotFound as error:
        # A mistyped code is a mistake in the form (400, said beside the field), not a
        # missing page as an unknown join link is.
        raise TeachingError(error.template, **error.params) from error


@bp.route("/join/<code>", methods=["GET", "POST"])
@throttled_per_user("JOIN", methods=("GET", "POST"))  # a GET shows whether a code exists
def join_link(code: str):
    """A join link shows the class and asks to confirm: a GET never enrols anyone. A signed-out
    visitor sees the class too, with sign-up and log-in links that bring them back here."""
    if not current_user.is_authenticated and request.method == "POST":
        return current_app.login_manager.unauthorized()
    school_class = classes.class_by_code(db.session, code)
    if not current_user.is_authenticated:
        here = url_for("classroom.join_link", code=school_class.join_code)
        return render_template(
            "classroom/join_link_visitor.html",
            school_class=school_class,
            register_url=url_for("auth.register", next=here),
            login_url=url_for("auth.login", next=here),
        )
    form = ConfirmJoinForm()
    if form.validate_on_submit():
        return _join(school_class)
    member = classes.is_member(db.session, school_class.id, current_user.id)
    return render_template(
        "classroom/join_link.html", school_class=school_class, form=form, member=member
    )


@bp.get("/assignments")
@login_required
def assignments():
    rows = student_assignment_rows(db.session, current_user.id, utcnow())
    return render_template(
        "classroom/assignments.html",
        student_assignments=rows,
        my_classes=classes.student_classes(db.session, current_user.id),
    )


@bp.post("/assignments/<id:assignment_id>/start")
@login_required
def start(assignment_id: int):
    """Start a new attempt, or resume the unfinished one, then go to its first open question."""
    assignment = assignment_for_student(db.session, assignment_id, current_user.id)
    try:
        attempt = start_assignment_attempt(
            db.session, assignment, current_user.id, utcnow(), random.Random()
        )
        db.session.commit()
    except IntegrityError:
        # A second click raced the first and lost: continue the attempt the first one opened.
        db.session.rollback()
        assignment = assignment_for_student(db.session, assignment_id, current_user.id)
        attempt = start_assignment_attempt(db.session, assignment, current_user.id, utcnow())
        db.session.commit()
    if attempt.submitted_at is not None:
        return redirect(url_for("quiz.results", attempt_id=attempt.id))
    position = first_unanswered(attempt)
    return redirect(url_for("quiz.question", attempt_id=attempt.id, position=position))
