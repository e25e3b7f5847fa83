"""Teachers' LMS pages: the page a teacher lands on from an LMS activity not yet tied to an
assignment (they pick one of the class's assignments, whose grades then go back to the
activity's grade column), and the class page's roster sync button."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.lti.blueprint import bp
from quizapp.lti.forms import LinkAssignmentForm
from quizapp.lti.roster_sync import sync_roster
from quizapp.models import SchoolClass
from quizapp.services.assignments import class_assignments
from quizapp.services.lti_links import link_assignment, owned_resource_link
from quizapp.services.lti_roster import RosterReport, roster_link


def _teachers_only():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403, N_("This page is for teachers."))
    return None


@bp.route("/links/<id:link_id>", methods=["GET", "POST"])
def link_page(link_id: int):
    refused = _teachers_only()
    if refused:
        return refused
    link = owned_resource_link(db.session, link_id, current_user.id)
    school_class = db.session.get(SchoolClass, link.class_id)
    form = LinkAssignmentForm()
    form.assignment.choices = [
        (a.id, a.title) for a in class_assignments(db.session, link.class_id)
    ]
    status = 200
    if form.is_submitted():
        if form.validate():
            link_assignment(db.session, link, form.assignment.data)
            db.session.commit()
            flash(_("The LMS activity opens this assignment; its grades go to the LMS."), "success")
            return redirect(url_for("teach.class_page", class_id=link.class_id))
        status = 400
    return render_template(
        "lti/link.html", activity=link, school_class=school_class, form=form
    ), status


def _roster_sentence(report: RosterReport) -> str:
    """What a roster sync did, in the page's language (``RosterReport.sentence`` in English)."""
    enrolled = ngettext("%(num)d learner enrolled", "%(num)d learners enrolled", report.enrolled)
    already = ngettext(
        "%(num)d already in the class", "%(num)d already in the class", report.already
    )
    skipped = ngettext(
        "%(num)d member skipped (instructors, inactive or without an id)",
        "%(num)d members skipped (instructors, inactive or without an id)",
        report.skipped,
    )
    return _(
        "%(enrolled)s, %(already)s, %(skipped)s.",
        enrolled=enrolled,
        already=already,
        skipped=skipped,
    )


@bp.post("/classes/<id:class_id>/roster")
def sync_class_roster(class_id: int):
    """The class page's button: the LMS course's learners enrolled now."""
    refused = _teachers_only()
    if refused:
        return refused
    link = roster_link(db.session, class_id, current_user.id)
    report = sync_roster(db.session, link)
    db.session.commit()
    flash(_roster_sentence(report), "success")
    return redirect(url_for("teach.class_page", class_id=class_id))
