"""What an operator watches: ``/healthz`` and one log line per request.

A live game's WebSocket is one request that lasts as long as the socket: its line is written
when it closes, with status 101 (the upgrade it was answered with) and how long it was open.
"""

from __future__ import annotations

import logging
import secrets
import time

import sqlalchemy as sa
from flask import Blueprint, Flask, Response, g, jsonify, request

from quizapp.extensions import db

bp = Blueprint("operations", __name__)
request_log = logging.getLogger("quizapp.requests")


@bp.get("/healthz")
def healthz():
    """200 when the database answers, 503 when it does not (for a load balancer's probe)."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


def _start_clock() -> None:
    # A proxy's request id (X-Request-ID) is kept so both logs can be joined; else a new one.
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming[:64] if incoming.isascii() and incoming else secrets.token_hex(8)
    g.request_started = time.perf_counter()


def _logged_status(response: Response) -> int:
    # flask-sock answers a WebSocket's upgrade itself and hands the server a 200 once the
    # socket has closed; an error inside it still logs its own status.
    rule = request.url_rule
    if rule is not None and rule.websocket and response.status_code == 200:
        return 101
    return response.status_code


def _log_request(response: Response) -> Response:
    started = g.get("request_started")
    if started is None:
        return response
    elapsed_ms = (time.perf_counter() - started) * 1000
    response.headers["X-Request-ID"] = g.request_id
    request_log.info(
        "request_id=%s method=%s path=%s status=%s time_ms=%.1f",
        g.request_id,
        request.method,
        request.path[:200],
        _logged_status(response),
        elapsed_ms,
    )
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.before_request(_start_clock)
    app.after_request(_log_request)
    if not request_log.handlers and not app.testing:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        request_log.addHandler(handler)
        request_log.setLevel(logging.INFO)
        request_log.propagate = False
