"""The push channel: one WebSocket per screen, fed from the broker.

flask-sock runs each socket in its own thread: ``flask run`` (threaded) and gunicorn's
``gthread`` workers both serve it, so a room of 300 phones needs about 300 threads across the
workers (see README). The socket only pushes; answers and commands are ordinary POSTs, so they
pass CSRF checks and the test client can refuse them.
"""

from __future__ import annotations

import json
import queue
from urllib.parse import urlsplit

from flask import request
from flask_babel import get_locale
from flask_login import current_user
from flask_sock import Sock

from quizapp.extensions import db
from quizapp.live.blueprint import bp, broker, now
from quizapp.live.broker import Subscription
from quizapp.live.wording import worded
from quizapp.models.live_games import LiveGame
from quizapp.public_urls import public_url
from quizapp.services.live_state import game_event, view_for

sock = Sock()
KEEPALIVE_SECONDS = 15  # a quiet socket is pinged so proxies keep it and dead ones are noticed


def socket_path(game_id: int, **args: str) -> str:
    """The socket's path for a page (its script connects to its own host): a WebSocket
    route's ``url_for`` is an absolute ws:// address built from the request's Host."""
    parts = urlsplit(public_url("live.game_socket", game_id=game_id, **args))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _coalesced(first: dict, subscription: Subscription) -> list[dict]:
    """``first`` and whatever else is queued, keeping of each run of answer counts only the
    newest: a host screen that fell behind shows the current count, not every step to it."""
    events = [first]
    while True:
        try:
            events.append(subscription.events.get_nowait())
        except queue.Empty:
            break
    kept = []
    for event in events:
        if kept and event.get("audience") == "host" and kept[-1].get("audience") == "host":
            kept[-1] = event
        else:
            kept.append(event)
    return kept


@sock.route("/ws/<id:game_id>", bp=bp)
def game_socket(ws, game_id: int) -> None:
    from quizapp.live.player_views import session_player

    game = db.session.get(LiveGame, game_id)
    if game is None:
        ws.close(reason=1008, message="No such game.")
        return
    if request.args.get("role") == "host":
        if not current_user.is_authenticated or current_user.id != game.host_id:
            ws.close(reason=1008, message="Only the host.")
            return
        role, player_id = "host", None
    else:
        player = session_player(game)
        if player is None:
            ws.close(reason=1008, message="Join the game first.")
            return
        role, player_id = "player", player.id
    subscription = Subscription(game_id, role, player_id)
    broker().subscribe(subscription)
    try:
        # Subscribed first, then the snapshot: a change in between arrives as an event.
        snapshot = view_for(game_event(db.session, game, now()), role, player_id)
        # The screen's language, chosen while the account is still loaded.
        get_locale()
        db.session.close()  # no database connection is held while the socket waits
        ws.send(json.dumps(worded(snapshot)))
        while ws.connected:
            try:
                event = subscription.events.get(timeout=KEEPALIVE_SECONDS)
            except queue.Empty:
                ws.send('{"type": "ping"}')
                continue
            for pending in _coalesced(event, subscription):
                view = view_for(pending, role, player_id)
                if view is not None:
                    ws.send(json.dumps(worded(view)))
    finally:
        broker().unsubscribe(subscription)
