"""The ``live`` blueprint, and what its host and player views share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, current_app
from flask_babel import gettext

from quizapp.errors import refused
from quizapp.extensions import db
from quizapp.live.broker import LocalBroker
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveGame
from quizapp.services.errors import DomainError
from quizapp.services.live_state import game_event

bp = Blueprint("live", __name__, url_prefix="/live")


@bp.errorhandler(DomainError)
def refused_in_reader_language(error: DomainError):
    """A service's refusal, answered as everywhere else (``quizapp.errors``), in the reader's
    language where the service marked its message (``N_``): the phones and the projector show
    it as it comes."""
    error.message = gettext(error.message)
    return refused(error)


def broker() -> LocalBroker:
    return current_app.extensions["live_broker"]


def now() -> datetime:
    return utcnow()


def publish_state(game: LiveGame) -> dict[str, Any]:
    """Push the game's state to every screen (call after the commit, so all can read it)."""
    event = game_event(db.session, game, now())
    broker().publish(game.id, event)
    return event
