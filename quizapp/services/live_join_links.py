"""The link a game's QR code carries: a signed token naming the game, not its PIN.

The PIN is what a room types; it never goes into an address (server logs, browser history
and referrers keep addresses). The token is unguessable, so knowing it says nothing about
other games, and it lives as long as the PIN does.
"""

from __future__ import annotations

from datetime import datetime

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from quizapp.core.translatable import N_
from quizapp.models.live_games import LiveGame
from quizapp.services.errors import GameNotFound
from quizapp.services.live_games import PIN_LIFETIME, check_joinable

JOIN_SALT = "live-join"
UNUSABLE_LINK = N_("This join link does not work any more: type the PIN from the screen.")


def join_token(secret_key: str, game: LiveGame) -> str:
    return URLSafeTimedSerializer(secret_key, salt=JOIN_SALT).dumps(game.id)


def game_by_join_token(session: Session, secret_key: str, token: str, now: datetime) -> LiveGame:
    """The joinable game a QR code's token names; refused as a wrong PIN is when it is forged
    or old, or the game finished or expired."""
    serializer = URLSafeTimedSerializer(secret_key, salt=JOIN_SALT)
    try:
        game_id = serializer.loads(token, max_age=int(PIN_LIFETIME.total_seconds()))
    except (SignatureExpired, BadSignature):
        raise GameNotFound(UNUSABLE_LINK) from None
    game = session.get(LiveGame, game_id) if isinstance(game_id, int) else None
    if game is None:
        raise GameNotFound(UNUSABLE_LINK)
    check_joinable(game, now)
    return game
