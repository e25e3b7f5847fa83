"""The ``live`` blueprint, and what its host and player views share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, current_app

from quizapp.extensions import db
from quizapp.live.broker import LocalBroker
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveGame
from quizapp.services.live_state import game_event

bp = Blueprint("live", __name__, url_prefix="/live")


def broker() -> LocalBroker:
    return current_app.extensions["live_broker"]


def now() -> datetime:
    return utcnow()


def publish_state(game: LiveGame) -> dict[str, Any]:
    """Push the game's state to every screen (call after the commit, so all can read it)."""
    event = game_event(db.session, game, now())
    broker().publish(game.id, event)
    return event
