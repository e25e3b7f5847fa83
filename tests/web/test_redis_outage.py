"""With REDIS_URL set and Redis down (a closed port) or hung (a port that never answers),
logins and live games go on: the limiter counts in memory, and an event Redis did not take
never turns a saved answer, command or join into an error."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from quizapp.extensions import limiter
from quizapp.live.broker import make_broker
from quizapp.models.live_games import LiveAnswer, LiveGame
from tests.builders import PASSWORD
from tests.web.live_support import choice_set, correct_choice

# A request may cost at most this much more than with Redis up (the timeouts are 0.25 s).
SLOW_SECONDS = 2.0


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word (a hung Redis)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield server.getsockname()[1]


@pytest.fixture(params=["closed", "silent"])
def redis_down(request, app, monkeypatch) -> Iterator[str]:
    """This app's rate-limit counters and live-game events pointed at a dead Redis, as with
    REDIS_URL set (one Flask-Limiter serves every app of the test process, so the app the
    other tests use is pointed there for this test, and back)."""
    port = request.getfixturevalue(f"{request.param}_port")
    url = f"redis://127.0.0.1:{port}/0"
    storage = storage_from_string(url, **app.config.get("RATELIMIT_STORAGE_OPTIONS", {}))
    monkeypatch.setattr(limiter, "_storage", storage)
    monkeypatch.setattr(limiter, "_limiter", FixedWindowRateLimiter(storage))
    monkeypatch.setattr(limiter, "_storage_dead", False)
    timeout = app.config.get("REDIS_TIMEOUT_SECONDS", 1.0)
    monkeypatch.setitem(app.extensions, "live_broker", make_broker(url, "outage", timeout))
    fallback = getattr(limiter, "_fallback_storage", None)
    if fallback is not None:
        fallback.reset()  # the counters kept in memory by the previous outage
    yield url


def _timed(request):
    """The response of ``request()`` and its seconds; a request still hanging after 10 s
    fails the test instead of hanging it."""
    outcome: dict = {}

    def run() -> None:
        started = time.monotonic()
        outcome["response"] = request()
        outcome["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert "response" in outcome, "the request hung on Redis"
    return outcome["response"], outcome["seconds"]


def test_logins_go_on_and_are_still_throttled_without_redis(
    app, db, make_student, redis_down, caplog
):
    email = make_student().email  # read here: the request runs in a thread of its own
    client = app.test_client()
    with caplog.at_level(logging.WARNING):
        login, seconds = _timed(
            lambda: client.post("/auth/login", data={"email": email, "password": PASSWORD})
        )
    assert login.status_code == 302 and seconds < SLOW_SECONDS
    assert "falling back to in-memory storage" in caplog.text
    guesser = app.test_client()
    statuses = [
        guesser.post("/auth/login", data={"email": email, "password": "x"}).status_code
        for _ in range(6)
    ]
    assert statuses == [400] * 5 + [429]  # counted in this process's memory meanwhile


def test_a_live_game_is_played_and_saved_without_redis(app, db, make_teacher, redis_down, caplog):
    teacher = make_teacher()
    quiz_set = choice_set(db, teacher)
    host = app.test_client()
    host.post("/auth/login", data={"email": teacher.email, "password": PASSWORD})
    host.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20, "allow_guests": "y"})
    game = db.session.scalar(sa.select(LiveGame).where(LiveGame.quiz_set_id == quiz_set.id))
    phone = app.test_client()
    pin, game_id = game.pin, game.id
    with caplog.at_level(logging.WARNING, logger="quizapp.live.broker"):
        joined, join_seconds = _timed(
            lambda: phone.post("/live/join", data={"pin": pin, "nickname": "Ann"})
        )
        started, start_seconds = _timed(
            lambda: host.post(f"/live/host/{game_id}/command", json={"command": "start"})
        )
        db.session.expire_all()
        game = db.session.get(LiveGame, game.id)
        choice = correct_choice(_question(db, game))
        player_id = _player_id(db, game)
        answered, answer_seconds = _timed(
            lambda: phone.post(
                f"/live/play/{game_id}/answer",
                json={"player": player_id, "index": 0, "answer": choice},
            )
        )
    assert (joined.status_code, started.status_code, answered.status_code) == (302, 200, 200)
    assert max(join_seconds, start_seconds, answer_seconds) < SLOW_SECONDS
    assert db.session.scalar(sa.select(sa.func.count(LiveAnswer.id))) == 1
    assert "Redis did not take the event" in caplog.text


def _question(db, game):
    from quizapp.models import Question

    return db.session.get(Question, game.question_ids[0])


def _player_id(db, game) -> int:
    from quizapp.models.live_games import LivePlayer

    return db.session.scalar(sa.select(LivePlayer.id).where(LivePlayer.game_id == game.id))
