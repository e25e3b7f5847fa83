"""The account page (name, email, time zone, password) and password reset by email."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user

from quizapp.auth.forms import NewPasswordForm, ProfileForm, ResetRequestForm
from quizapp.auth.sessions import forget_remember_cookie
from quizapp.auth.throttling import throttled
from quizapp.core.time_zones import known_zones
from quizapp.extensions import db
from quizapp.mail import send_mail
from quizapp.models import User
from quizapp.services import accounts
from quizapp.services.errors import AccountError
from quizapp.web_forms import form_status, submit_form

bp = Blueprint("account", __name__, url_prefix="/account")

# The same answer whether or not the email has an account.
RESET_SENT = (
    "If an account uses this email, a link to choose a new password is on its way. "
    "It works once, for one hour."
)
RESET_BAD_LINK = "This link has expired or was used already. Ask for a new one."


def _zone_choices() -> list[tuple[str, str]]:
    return [(zone, zone.replace("_", " ")) for zone in sorted(known_zones())]


def _change(profile: ProfileForm) -> accounts.ProfileChange:
    return accounts.ProfileChange(
        profile.display_name.data, profile.email.data, profile.time_zone.data
    )


@bp.route("/", methods=["GET", "POST"])
@login_required
def settings():
    profile = ProfileForm(obj=None if request.method == "POST" else current_user)
    profile.time_zone.choices = _zone_choices()
    password = NewPasswordForm(prefix="pw")
    if request.method == "POST" and request.form.get("form") == "profile":
        saving = submit_form(
            profile,
            lambda: accounts.update_profile(db.session, current_user, _change(profile)),
            refusals=AccountError,
        )
        if saving.saved:
            flash("Your account is saved.", "success")
            return redirect(url_for("account.settings"))
    elif request.method == "POST" and password.validate_on_submit():
        if not current_user.check_password(password.current_password.data or ""):
            password.current_password.errors.append("This is not your current password.")
        else:
            user = current_user._get_current_object()
            accounts.set_new_password(db.session, user, password.password.data)
            db.session.commit()
            login_user(user)  # this session carries on (new generation); every other one ends
            flash("Password changed. You were logged out everywhere else.", "success")
            response = redirect(url_for("account.settings"))
            forget_remember_cookie(response)
            return response
    status = 400 if request.method == "POST" else 200
    return render_template("auth/account.html", profile=profile, password=password), status


@bp.route("/reset", methods=["GET", "POST"])
@throttled("RESET")
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is not None:
            token = accounts.reset_token(current_app.config["SECRET_KEY"], user)
            link = url_for("account.reset_password", token=token, _external=True)
            send_mail(
                user.email,
                "Choose a new quizapp password",
                f"Hello {user.display_name},\n\nTo choose a new password, open this link "
                f"within one hour:\n\n{link}\n\nIf you did not ask for it, ignore this "
                f"mail; your password stays as it is.\n",
            )
        flash(RESET_SENT, "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form), form_status(form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    config = current_app.config
    user = accounts.user_for_reset_token(
        db.session, config["SECRET_KEY"], token[:500], config["PASSWORD_RESET_SECONDS"]
    )
    if user is None:
        flash(RESET_BAD_LINK, "error")
        return redirect(url_for("account.reset_request"))
    form = NewPasswordForm()
    if form.validate_on_submit():
        accounts.set_new_password(db.session, user, form.password.data)
        db.session.commit()
        flash("Your password is changed. Log in with it.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form), form_status(form)
