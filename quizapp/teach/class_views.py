"""Teachers: the overview page, classes, their join codes and rosters."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.core.roster_csv import MAX_ROSTER_ROWS
from quizapp.extensions import db
from quizapp.models import SchoolClass
from quizapp.public_urls import public_url
from quizapp.services import classes
from quizapp.services.assignments import class_assignments, teacher_assignments
from quizapp.services.lti_roster import has_lms_roster
from quizapp.services.quiz_sets import teacher_sets
from quizapp.teach.blueprint import bp
from quizapp.teach.forms import ClassForm
from quizapp.teach.roster_forms import ROSTER_FORM_PREFIX, RosterUploadForm
from quizapp.web_forms import submit_form


@bp.get("/")
def home():
    return render_template(
        "teach/home.html",
        classes=classes.teacher_classes(db.session, current_user.id),
        sets=teacher_sets(db.session, current_user.id),
        assignments=teacher_assignments(db.session, current_user.id),
        form=ClassForm(),
    )


@bp.route("/classes/new", methods=["GET", "POST"])
def new_class():
    form = ClassForm()
    outcome = submit_form(
        form,
        lambda: classes.create_class(db.session, current_user.id, form.name.data),
        field=form.name,
    )
    if outcome.saved:
        school_class = outcome.value
        flash(
            _(
                "Class “%(name)s” created. Share its join code with your students.",
                name=school_class.name,
            ),
            "success",
        )
        return redirect(url_for("teach.class_page", class_id=school_class.id))
    return render_template("teach/class_new.html", form=form), outcome.status


@bp.get("/classes/<id:class_id>")
def class_page(class_id: int):
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    return class_page_response(school_class)


def class_page_response(
    school_class: SchoolClass, roster_form: RosterUploadForm | None = None, status: int = 200
):
    """The class page: join code and link, results, roster (with its CSV import), assignments;
    ``roster_form`` an import sent back with its mistakes."""
    join_link = public_url("classroom.join_link", code=school_class.join_code)
    return render_template(
        "teach/class.html",
        school_class=school_class,
        roster=classes.roster(db.session, school_class.id),
        assignments=class_assignments(db.session, school_class.id),
        join_link=join_link,
        roster_form=roster_form or RosterUploadForm(prefix=ROSTER_FORM_PREFIX),
        max_rows=MAX_ROSTER_ROWS,
        lms_roster=has_lms_roster(db.session, school_class.id),
    ), status


@bp.post("/classes/<id:class_id>/code")
def new_code(class_id: int):
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    code = classes.new_code_for(db.session, school_class)
    db.session.commit()
    flash(_("New join code: %(code)s. The old code and link no longer work.", code=code), "success")
    return redirect(url_for("teach.class_page", class_id=class_id))


@bp.post("/classes/<id:class_id>/students/<id:student_id>/remove")
def remove_student(class_id: int, student_id: int):
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    student = classes.remove_student(db.session, school_class, student_id)
    db.session.commit()
    flash(
        _(
            "%(student)s was removed from %(group)s.",
            student=student.display_name,
            group=school_class.name,
        ),
        "success",
    )
    return redirect(url_for("teach.class_page", class_id=class_id))
