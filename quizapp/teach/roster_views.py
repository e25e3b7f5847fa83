"""Teachers: import a class's roster from a CSV file, previewed before anything is written."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from quizapp.core.errors import InputError
from quizapp.core.roster_csv import MAX_ROSTER_ROWS, RosterLine, decode_roster, read_roster
from quizapp.extensions import db
from quizapp.i18n import refusal_text
from quizapp.mail import send_mail
from quizapp.models import SchoolClass, User
from quizapp.public_urls import public_url
from quizapp.services import accounts, classes
from quizapp.services.errors import NotNow, TeachingError
from quizapp.services.roster_import import ROSTER_CHANGED, Outcome, apply_roster, plan_roster
from quizapp.teach.blueprint import bp
from quizapp.teach.class_views import class_page_response
from quizapp.teach.roster_forms import ROSTER_FORM_PREFIX, RosterConfirmForm, RosterUploadForm


@bp.post("/classes/<id:class_id>/roster/preview")
def preview_roster(class_id: int):
    """What importing the chosen file would do to each line; nothing is written yet. A file
    that cannot be read is a 400 on the class page, with the reason beside the file field."""
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    form = RosterUploadForm(prefix=ROSTER_FORM_PREFIX)
    if not form.validate_on_submit():
        return class_page_response(school_class, form, 400)
    try:
        text = decode_roster(form.file.data.read())
        lines = read_roster(text)
    except InputError as error:
        form.file.errors.append(refusal_text(error))  # the core marks its sentences with N_
        return class_page_response(school_class, form, 400)
    return _preview_page(school_class, text, lines)


def _preview_page(school_class: SchoolClass, text: str, lines: list[RosterLine], status: int = 200):
    """What importing ``lines`` would do now, and the form that confirms exactly that."""
    plan = plan_roster(db.session, school_class, lines)
    confirm = RosterConfirmForm(formdata=None, text=text, fingerprint=plan.fingerprint)
    return render_template(
        "teach/roster_preview.html",
        school_class=school_class,
        plan=plan,
        confirm=confirm,
        Outcome=Outcome,
        max_rows=MAX_ROSTER_ROWS,
    ), status


@bp.post("/classes/<id:class_id>/roster/import")
def import_roster(class_id: int):
    """Apply the previewed roster in one transaction, then mail the new accounts' invitations."""
    school_class = classes.owned_class(db.session, class_id, current_user.id)
    form = RosterConfirmForm()
    if not form.validate_on_submit():
        raise TeachingError(
            _("The roster to import was missing or too long; choose the file again.")
        )
    lines = read_roster(form.text.data)  # an InputError is a 400 (quizapp.errors)
    try:
        plan, invited = apply_roster(db.session, school_class, lines, form.fingerprint.data)
        db.session.commit()
    except (NotNow, IntegrityError):
        # Changed since the preview, or raced by a sign-up with one of the emails: nothing is
        # kept, and the teacher sees the roster as it would go in now.
        db.session.rollback()
        flash(_(ROSTER_CHANGED), "error")
        return _preview_page(school_class, form.text.data, lines, 409)
    for student in invited:
        _mail_invitation(student, school_class)
    enrolled = plan.count(Outcome.ENROL) + plan.count(Outcome.INVITE)
    flash(
        ngettext(
            "%(num)d student added to %(group)s; %(invited)s invited by email to choose a "
            "password.",
            "%(num)d students added to %(group)s; %(invited)s invited by email to choose a "
            "password.",
            enrolled,
            group=school_class.name,
            invited=ngettext("%(num)d new account", "%(num)d new accounts", len(invited)),
        ),
        "success",
    )
    return redirect(url_for("teach.class_page", class_id=class_id))


def _mail_invitation(student: User, school_class: SchoolClass) -> None:
    token = accounts.reset_token(
        current_app.config["SECRET_KEY"], student, salt=accounts.INVITATION_SALT
    )
    days = current_app.config["INVITATION_SECONDS"] // (24 * 3600)
    link = public_url("account.welcome", token=token)
    # In the teacher's language: the new account has chosen none yet, and the class is taught
    # in the teacher's.
    send_mail(
        student.email,
        _("Your quizapp account for %(group)s", group=school_class.name),
        ngettext(
            "Hello %(student)s,\n\n%(teacher)s added you to the class %(group)s on quizapp, with "
            "an account for this email. To choose your password, open this link within %(num)d "
            "day:\n\n%(link)s\n\nAfterwards, log in with this email. If the link has expired, "
            "use “Forgot your password?” on the login page.\n",
            "Hello %(student)s,\n\n%(teacher)s added you to the class %(group)s on quizapp, with "
            "an account for this email. To choose your password, open this link within %(num)d "
            "days:\n\n%(link)s\n\nAfterwards, log in with this email. If the link has expired, "
            "use “Forgot your password?” on the login page.\n",
            days,
            student=student.display_name,
            teacher=school_class.teacher.display_name,
            group=school_class.name,
            link=link,
        ),
    )
