"""Live class games: the host's projector screen, the players' phones, and the push channel."""

from __future__ import annotations

import os

from flask import Flask

from quizapp.live.broker import make_broker
from quizapp.live.sockets import sock


def init_app(app: Flask) -> None:
    """Register the blueprint and its WebSocket route, and choose how events fan out:
    through Redis when ``REDIS_URL`` is set, inside this process otherwise."""
    from quizapp.live import host_views, player_views  # noqa: F401  (routes register on import)
    from quizapp.live.blueprint import bp

    app.config.setdefault("REDIS_URL", os.environ.get("REDIS_URL") or None)
    app.config.setdefault("LIVE_REDIS_PREFIX", os.environ.get("LIVE_REDIS_PREFIX", "quizapp"))
    app.extensions["live_broker"] = make_broker(
        app.config["REDIS_URL"], app.config["LIVE_REDIS_PREFIX"]
    )
    app.register_blueprint(bp)
    sock.init_app(app)
