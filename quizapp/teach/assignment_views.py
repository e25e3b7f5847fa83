"""Teachers: assign a set to classes, change the schedule, and the item analysis."""

from __future__ import annotations

from datetime import timedelta

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from quizapp.core.item_statistics import (
    LOW_DISCRIMINATION,
    LOW_DISCRIMINATIVE_EFFICIENCY,
    MIN_RESPONSES_FOR_FLAGS,
)
from quizapp.core.time_zones import to_local
from quizapp.extensions import db
from quizapp.models.base import utcnow
from quizapp.services import assignments as assigning
from quizapp.services import classes, csv_export, quiz_sets
from quizapp.services.item_analysis import analyse_assignment
from quizapp.teach.blueprint import bp
from quizapp.teach.forms import AssignForm
from quizapp.teach.labels import ANSWER_WORDS
from quizapp.web_forms import submit_form


def _class_choices() -> list[SelectChoice]:
    return [
        SelectChoice(str(s.school_class.id), s.school_class.name)
        for s in classes.teacher_classes(db.session, current_user.id)
    ]


@bp.route("/sets/<id:set_id>/assign", methods=["GET", "POST"])
def assign(set_id: int):
    quiz_set = quiz_sets.owned_set(db.session, set_id, current_user.id)
    form = AssignForm()
    form.classes.choices = _class_choices()
    if request.method == "GET":
        form.title.data = quiz_set.title
        # A week from now at the top of the hour (the teacher's): a sensible default to adjust.
        in_a_week = to_local(utcnow() + timedelta(days=7), current_user.time_zone)
        form.due_at.data = in_a_week.replace(minute=0, second=0, microsecond=0, tzinfo=None)
        if len(form.classes.choices) == 1:  # a teacher with one class means that one
            form.classes.data = [int(form.classes.choices[0].value)]
    outcome = submit_form(
        form,
        lambda: assigning.create_assignment(
            db.session, quiz_set, form.classes.data, form.schedule(current_user.time_zone)
        ),
    )
    if outcome.saved:
        created = outcome.value
        names = ", ".join(c.name for c in created.classes)
        flash(_("Assigned to %(classes)s.", classes=names), "success")
        # The gradebook shows the new assignment beside the class's others; its item analysis
        # would be empty until students answer.
        first_class = min(created.classes, key=lambda c: c.id)
        return redirect(url_for("teach.class_gradebook", class_id=first_class.id))
    return render_template(
        "teach/assign.html", form=form, quiz_set=quiz_set, assignment=None
    ), outcome.status


@bp.route("/assignments/<id:assignment_id>/edit", methods=["GET", "POST"])
def edit_assignment(assignment_id: int):
    assignment = assigning.owned_assignment(db.session, assignment_id, current_user.id)
    form = AssignForm(obj=None if request.method == "POST" else assignment)
    form.classes.choices = _class_choices()
    if request.method == "GET":
        form.classes.data = [c.id for c in assignment.classes]
        # Stored in UTC, typed and shown in the teacher's zone.
        zone = current_user.time_zone
        form.due_at.data = to_local(assignment.due_at, zone).replace(tzinfo=None)
        if assignment.open_at:
            form.open_at.data = to_local(assignment.open_at, zone).replace(tzinfo=None)
    form.submit.label.text = _("Save")

    outcome = submit_form(
        form,
        lambda: assigning.update_assignment(
            db.session, assignment, form.classes.data, form.schedule(current_user.time_zone)
        ),
    )
    if outcome.saved:
        flash(_("Assignment updated. Attempts already started follow the new due date."), "success")
        return redirect(url_for("teach.analysis", assignment_id=assignment_id))
    return render_template(
        "teach/assign.html", form=form, quiz_set=assignment.quiz_set, assignment=assignment
    ), outcome.status


def _mode() -> str:
    return "all" if request.args.get("attempts") == "all" else "first"


@bp.get("/assignments/<id:assignment_id>/analysis")
def analysis(assignment_id: int):
    assignment = assigning.owned_assignment(db.session, assignment_id, current_user.id)
    if assigning.finalise_overdue_attempts(db.session, utcnow(), [assignment.id]):
        db.session.commit()
        assignment = assigning.owned_assignment(db.session, assignment_id, current_user.id)
    report = analyse_assignment(db.session, assignment, _mode())
    return render_template(
        "teach/analysis.html",
        assignment=assignment,
        report=report,
        low_di=LOW_DISCRIMINATION,
        low_de=LOW_DISCRIMINATIVE_EFFICIENCY,
        min_responses=MIN_RESPONSES_FOR_FLAGS,
        answer_words=ANSWER_WORDS,
    )


@bp.get("/assignments/<id:assignment_id>/responses.csv")
def assignment_responses_csv(assignment_id: int):
    assignment = assigning.owned_assignment(db.session, assignment_id, current_user.id)
    if assigning.finalise_overdue_attempts(db.session, utcnow(), [assignment.id]):
        db.session.commit()
    students = assigning.enrolled_student_ids(db.session, assignment)
    body = csv_export.responses_csv(
        db.session, [assignment_id], list(students), current_user.time_zone, translate=_
    )
    return csv_response(body, f"assignment-{assignment_id}-responses.csv")


def csv_response(body: str, filename: str) -> Response:
    # A byte-order mark so that Excel reads the UTF-8 names correctly.
    return Response(
        "\ufeff" + body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
