"""Live class games: the host's projector screen, the players' phones, and the push channel."""

from __future__ import annotations

from flask import Flask

from quizapp.live.broker import make_broker
from quizapp.live.sockets import sock, socket_path


def init_app(app: Flask) -> None:
    """Register the blueprint and its WebSocket route, and choose how events fan out:
    through Redis when ``REDIS_URL`` is set, inside this process otherwise."""
    from quizapp.live import host_views, player_views  # noqa: F401  (routes register on import)
    from quizapp.live.blueprint import bp

    app.extensions["live_broker"] = make_broker(
        app.config["REDIS_URL"],
        app.config["LIVE_REDIS_PREFIX"],
        timeout_seconds=app.config["REDIS_TIMEOUT_SECONDS"],
    )
    app.register_blueprint(bp)
    sock.init_app(app)
    app.add_template_global(socket_path)
