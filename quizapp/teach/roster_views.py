"""Teachers: import a class's roster from a CSV file, previewed before anything is written."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from quizapp.core.errors import InputError
from quizapp.core.roster_csv import MAX_ROSTER_ROWS, RosterLine, decode_roster, read_roster
from quizapp.extensions import db
from quizapp.mail import send_mail
from quizapp.models import SchoolClass, User
from quizapp.public_urls import public_url
from quizapp.services import accounts, classes
from quizapp.services.errors import NotNow, TeachingError
from quizapp.services.roster_import import ROSTER_CHANGED, Outcome, apply_roster, plan_roster
from quizapp.teach.blueprint import bp
from quizapp.teach.class_views import class_page_response
from quizapp.teach.roster_forms import ROSTER_FORM_PREFIX, RosterConfirmForm, RosterUploadForm
from quizapp.template_helpers import counted


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
        form.file.errors.append(str(error))
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
        raise TeachingError("The roster to import was missing or too long; choose the file again.")
    lines = read_roster(form.text.data)  # an InputError is a 400 (quizapp.errors)
    try:
        plan, invited = apply_roster(db.session, school_class, lines, form.fingerprint.data)
        db.session.commit()
    except (NotNow, IntegrityError):
        # Changed since the preview, or raced by a sign-up with one of the emails: nothing is
        # kept, and the teacher sees the roster as it would go in now.
        db.session.rollback()
        flash(ROSTER_CHANGED, "error")
        return _preview_page(school_class, form.text.data, lines, 409)
    for student in invited:
        _mail_invitation(student, school_class)
    enrolled = counted(plan.count(Outcome.ENROL) + plan.count(Outcome.INVITE), "student")
    flash(
        f"{enrolled} added to {school_class.name}; {counted(len(invited), 'new account')} "
        f"invited by email to choose a password.",
        "success",
    )
    return redirect(url_for("teach.class_page", class_id=class_id))


def _mail_invitation(student: User, school_class: SchoolClass) -> None:
    token = accounts.reset_token(
        current_app.config["SECRET_KEY"], student, salt=accounts.INVITATION_SALT
    )
    days = current_app.config["INVITATION_SECONDS"] // (24 * 3600)
    link = public_url("account.welcome", token=token)
    send_mail(
        student.email,
        f"Your quizapp account for {school_class.name}",
        f"Hello {student.display_name},\n\n{school_class.teacher.display_name} added you to the "
        f"class {school_class.name} on quizapp, with an account for this email. To choose "
        f"your password, open this link within {days} days:\n\n{link}\n\nAfterwards, log in "
        f"with this email. If the link has expired, use “Forgot your password?” on the login "
        f"page.\n",
    )
