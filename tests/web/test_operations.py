"""What an operator relies on: /healthz and one log line per request."""

from __future__ import annotations

import logging

import sqlalchemy as sa


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
