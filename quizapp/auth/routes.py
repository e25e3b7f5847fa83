"""Register, log in, log out."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from functools import cache

import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.auth.forms import LoginForm, RegisterForm
from quizapp.auth.join_links import class_for_next
from quizapp.auth.next_page import safe_next_path
from quizapp.auth.sessions import forget_remember_cookie, set_remember_cookie
from quizapp.auth.throttling import failed, succeeded, throttled, throttled_join_lookup
from quizapp.core.time_zones import zone_or_default
from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.mail import send_mail
from quizapp.models import Role, SchoolClass, TeacherStatus, User
from quizapp.models.base import utcnow
from quizapp.services import classes
from quizapp.services.accounts import email_taken, new_account
from quizapp.services.errors import AccountError
from quizapp.services.sessions import end_all_sessions, issue_remember_token
from quizapp.web_forms import form_status, submit_form

bp = Blueprint("auth", __name__, url_prefix="/auth")

# One message for a wrong email or a wrong password: the form never tells which accounts exist.
# (N_: shown through gettext, in the page's language.)
BAD_LOGIN = N_("Wrong email or password.")
# The same answer whether or not the email had an account, so sign-up tells nothing either.
REGISTERED = N_("Your account is ready: log in with your email and password.")
WRONG_TEACHER_CODE = N_("The teacher invitation code is not right; ask your school's admin for it.")


@cache
def _dummy_hash() -> str:
    return generate_password_hash("not a real password", method="scrypt")


def _next_or_landing(user) -> str:
    """The request's ``next`` page when it is ours (never another site), else the landing."""
    return safe_next_path(request.args.get("next")) or landing_page(user)


def _login_url() -> str:
    """The login page, keeping a safe ``next`` (a join link) for after the login."""
    return url_for("auth.login", next=safe_next_path(request.args.get("next")))


def landing_page(user) -> str:
    """Where an account lands after signing up or in: a teacher's Teach page, a student's
    dashboard (the marketing page is for visitors)."""
    return url_for("teach.home") if user.is_teacher else url_for("study.dashboard")


def _teacher_role(form: RegisterForm) -> tuple[str, str | None] | None:
    """The role and teacher status the sign-up policy gives; None when the code is wrong."""
    if form.role.data != Role.TEACHER:
        return Role.STUDENT, None
    policy = current_app.config["TEACHER_SIGNUP"]
    if policy == "code":
        expected = current_app.config["TEACHER_INVITE_CODE"]
        given = (form.teacher_code.data or "").strip()
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            return None
    if policy == "approval":
        return Role.STUDENT, TeacherStatus.PENDING
    return Role.TEACHER, None


@dataclass(frozen=True)
class SignUp:
    """What a sign-up did: the new account (None when the email had one), its teacher status,
    and the class it joined (a student signing up from a join link)."""

    user: User | None
    teacher_status: str | None
    joined: SchoolClass | None = None


def _sign_up(form: RegisterForm, join: SchoolClass | None) -> SignUp:
    """Add the account the form asks for (unless its email has one: then its owner is told by
    mail, and the page says nothing different), enrolled in ``join`` when it is a student's.
    AccountError for a wrong teacher code."""
    role = _teacher_role(form)
    if role is None:
        raise AccountError(WRONG_TEACHER_CODE)
    email = form.email.data.strip().lower()
    # Hashed either way (new_account hashes): the same time whether the email is taken.
    user = new_account(
        email,
        form.display_name.data,
        form.password.data,
        role[0],
        teacher_status=role[1],
        time_zone=zone_or_default(form.time_zone.data),
    )
    if email_taken(db.session, email):
        # Say nothing different on the page; the owner of the address is told by mail.
        send_mail(
            email,
            _("Someone tried to sign up with your email"),
            _(
                "Someone tried to create a quizapp account with this email, which already has "
                "one. Nothing was changed. If it was you, log in; if you forgot the password, use "
                '"Forgot your password?" on the login page.'
            )
            + "\n",
        )
        return SignUp(None, role[1])
    db.session.add(user)
    if join is None or user.role != Role.STUDENT:
        return SignUp(user, role[1])
    db.session.flush()  # the enrolment names the new account's id
    classes.join_class(db.session, join, user)
    return SignUp(user, role[1], join)


@bp.route("/register", methods=["GET", "POST"])
@throttled("SIGNUP", account_counts=succeeded)
@throttled_join_lookup
def register():
    if current_user.is_authenticated:
        return redirect(_next_or_landing(current_user))
    form = RegisterForm()
    join = class_for_next(request.args.get("next"))
    outcome = submit_form(
        form, lambda: _sign_up(form, join), field=form.teacher_code, refusals=AccountError
    )
    if outcome.saved:
        return _signed_up(outcome.value, join)
    page = render_template(
        "auth/register.html",
        form=form,
        teacher_policy=current_app.config["TEACHER_SIGNUP"],
        join_class=join,
        login_url=_login_url(),
    )
    return page, outcome.status


def _signed_up(done: SignUp, join: SchoolClass | None):
    """Where a sign-up lands. From a join link, a new account is logged in: a student straight
    into the class, a teacher back on the link to decide. Otherwise, as before, the login page
    (with the same words whether or not the email had an account).

    Logging in here tells the visitor no more than the plain sign-up does: whoever signs up
    with an email and password learns whether the account is new by logging in with them.
    """
    if done.teacher_status == TeacherStatus.PENDING:
        flash(_("An admin will approve your teacher account; until then you can study."), "info")
    if join is None or done.user is None:
        flash(_(REGISTERED), "success")
        return redirect(_login_url())
    login_user(done.user)
    if done.joined is not None:
        flash(
            _("Welcome! Your account is ready and you joined %(name)s.", name=done.joined.name),
            "success",
        )
        return redirect(url_for("classroom.assignments"))
    flash(_("Your account is ready."), "success")
    return redirect(url_for("classroom.join_link", code=join.join_code))


@bp.route("/login", methods=["GET", "POST"])
@throttled("LOGIN", account_counts=failed)
@throttled_join_lookup
def login():
    if current_user.is_authenticated:
        return redirect(_next_or_landing(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            # Hash anyway, so an unknown email takes as long as a wrong password.
            check_password_hash(_dummy_hash(), form.password.data)
        elif user.check_password(form.password.data):
            login_user(user)
            token = None
            if form.remember.data:
                token = issue_remember_token(
                    db.session, user, utcnow(), current_app.config["REMEMBER_DAYS"]
                )
                db.session.commit()
            response = redirect(_next_or_landing(user))
            if token:
                set_remember_cookie(response, token)
            return response
        flash(_(BAD_LOGIN), "error")
    next_path = safe_next_path(request.args.get("next"))
    page = render_template(
        "auth/login.html",
        form=form,
        join_class=class_for_next(next_path),
        register_url=url_for("auth.register", next=next_path),
    )
    return page, form_status(form)


@bp.post("/logout")
@login_required
def logout():
    # The session cookie and every remember token stop working on the server, not just here:
    # a copied cookie opens nothing after logout.
    end_all_sessions(db.session, current_user)
    db.session.commit()
    logout_user()
    flash(_("You are logged out."), "info")
    response = redirect(url_for("main.home"))
    forget_remember_cookie(response)
    return response
