"""How a request finds its user: the session (checked against the account's session
generation) or, failing that, a "remember me" cookie; and how those cookies are set."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_login import login_user

from quizapp.extensions import db, login_manager
from quizapp.models import User
from quizapp.models.base import utcnow
from quizapp.services.sessions import user_for_remember_token
from quizapp.web_ids import parse_id


def load_user(session_id: str) -> User | None:
    """The user of a session, only while the session's generation is the account's."""
    user_part, _, generation_part = session_id.partition(":")
    user_key, generation = parse_id(user_part), parse_id(generation_part)
    if user_key is None or generation is None:
        return None  # a session (or an old Flask-Login cookie) from before generations
    user = db.session.get(User, user_key)
    if user is None or user.session_generation != generation:
        return None
    return user


def load_user_from_remember_cookie(_request) -> User | None:
    """No user in the session: a valid remember cookie starts a new session."""
    cookie = request.cookies.get(current_app.config["REMEMBER_COOKIE"])
    if not cookie:
        return None
    user = user_for_remember_token(db.session, cookie, utcnow())
    if user is not None:
        login_user(user, fresh=False)
    return user


def set_remember_cookie(response: Response, value: str) -> None:
    config = current_app.config
    response.set_cookie(
        config["REMEMBER_COOKIE"],
        value,
        max_age=config["REMEMBER_DAYS"] * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=config["SESSION_COOKIE_SECURE"],
    )


def forget_remember_cookie(response: Response) -> None:
    response.delete_cookie(
        current_app.config["REMEMBER_COOKIE"],
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.request_loader(load_user_from_remember_cookie)
