"""Register, log in, log out."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.auth.forms import LoginForm, RegisterForm
from quizapp.extensions import db
from quizapp.models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")

# One message for a wrong email or a wrong password: the form never tells which accounts exist.
BAD_LOGIN = "Wrong email or password."


@cache
def _dummy_hash() -> str:
    return generate_password_hash("not a real password", method="scrypt")


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so a crafted link cannot bounce a user to another site."""
    if target and urlsplit(target).netloc == "" and target.startswith("/"):
        return target
    return landing_page(current_user)


def landing_page(user) -> str:
    """Where an account lands after signing up or in: a teacher's Teach page, a student's
    dashboard (the marketing page is for visitors)."""
    return url_for("teach.home") if user.is_teacher else url_for("study.dashboard")


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(landing_page(current_user))
    form = RegisterForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if db.session.scalar(sa.select(User.id).where(User.email == email)):
            form.email.errors.append("An account with this email exists; log in instead.")
        else:
            user = User(email=email, display_name=form.display_name.data.strip(),
                        role=form.role.data)  # fmt: skip
            user.set_password(form.password.data)
            db.session.add(user)
            db.session.commit()
            login_user(user)
            flash(f"Welcome, {user.display_name}. Your account is ready.", "success")
            return redirect(landing_page(user))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(landing_page(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            # Hash anyway, so an unknown email takes as long as a wrong password.
            check_password_hash(_dummy_hash(), form.password.data)
        elif user.check_password(form.password.data):
            login_user(user, remember=True)
            return redirect(_safe_next(request.args.get("next")))
        flash(BAD_LOGIN, "error")
    status = 400 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("main.home"))
