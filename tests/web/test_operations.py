"""What an operator relies on: /healthz and one log line per request."""

from __future__ import annotations

import logging
import threading
import time

import sqlalchemy as sa
from websockets.exceptions import ConnectionClosed


def test_healthz_says_whether_the_database_answers(client, app, monkeypatch):
    assert client.get("/healthz").get_json() == {"status": "ok", "database": "ok"}

    def broken(*args, **kwargs):
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr("quizapp.operations.db.session.execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.get_json()["database"] == "unreachable"


def test_one_log_line_per_request_with_id_status_and_time(client, caplog):
    with caplog.at_level(logging.INFO, logger="quizapp.requests"):
        response = client.get("/healthz", headers={"X-Request-ID": "abc123"})
        client.get("/no-such-page")
    lines = [r.getMessage() for r in caplog.records if r.name == "quizapp.requests"]
    assert len(lines) == 2
    assert "request_id=abc123" in lines[0] and "status=200" in lines[0] and "time_ms=" in lines[0]
    assert "status=404" in lines[1]
    assert response.headers["X-Request-ID"] == "abc123"


def test_a_websocket_is_logged_as_an_upgrade_when_it_closes(app, caplog):
    """Its line says 101 (what the client was answered), not the 200 flask-sock hands to the
    server once the socket has closed."""
    from websockets.sync.client import connect
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="quizapp.requests"):
            url = f"ws://127.0.0.1:{server.server_port}/live/ws/999999"
            # The development server closes its end right after the close frame, and on a busy
            # machine the frame is sometimes lost with it (three tries in a row lost it once in
            # CI). The line under test is written when the server's handler ends, whatever the
            # client saw, so a lost frame is tolerated; a frame that arrives must give the reason.
            with connect(url, close_timeout=1) as socket:
                try:
                    socket.recv(timeout=5)
                except ConnectionClosed as closed:
                    if closed.rcvd is not None:
                        assert closed.rcvd.reason == "No such game."
                except TimeoutError:
                    pass
            deadline = time.monotonic() + 5
            while not _request_lines(caplog) and time.monotonic() < deadline:
                time.sleep(0.01)  # the server thread logs just after the close
    finally:
        server.shutdown()
    lines = _request_lines(caplog)
    assert lines and all("path=/live/ws/999999" in x and "status=101" in x for x in lines)


def _request_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "quizapp.requests"]
