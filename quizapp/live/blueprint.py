"""The ``live`` blueprint: refusals answer JSON to scripts and an error page to browsers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, current_app, jsonify, render_template, request

from quizapp.extensions import db
from quizapp.live.broker import LocalBroker
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveGame
from quizapp.services.live_state import game_event
from quizapp.services.quizzes import QuizError

bp = Blueprint("live", __name__, url_prefix="/live")


@bp.errorhandler(QuizError)
def refused(error: QuizError):
    db.session.rollback()
    if request.is_json or request.accept_mimetypes.best == "application/json":
        return jsonify(error=error.message), error.status
    return render_template(
        "error.html", code=error.status, title="Not possible", message=error.message
    ), error.status


def broker() -> LocalBroker:
    return current_app.extensions["live_broker"]


def now() -> datetime:
    return utcnow()


def publish_state(game: LiveGame) -> dict[str, Any]:
    """Push the game's state to every screen (call after the commit, so all can read it)."""
    event = game_event(db.session, game, now())
    broker().publish(game.id, event)
    return event
