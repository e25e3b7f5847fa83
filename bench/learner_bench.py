"""How fast are a learner's pages and actions with a long history, on a real server?

Run from the repository root:  .venv/bin/python -m bench.learner_bench [--requests 200]

Builds a scratch SQLite database (migrations + seed), gives one learner 10,000 quiz answers
and 20,000 flashcard reviews, starts gunicorn (1 worker, like `make run` on one machine) on a
free port, logs in through the real form, then measures with keep-alive HTTP on loopback:

* answering a question (POST /quiz/<id>/<n> with an answer, JSON autosave) and
* rating a card (POST /cards/rate, JSON),
* the dashboard, progress, review and quiz pages (GET).

Times are round trips on loopback, an upper bound on server time. The query counts are
asserted in tests/web/test_learner_query_counts.py, not here.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.client import Client, csrf
from bench.scratch import seeded_app
from bench.server import start_gunicorn, stop_gunicorn
from quizapp.extensions import db
from quizapp.models import Flashcard
from tests.builders import bulk_history, make_user

PASSWORD = "bench password"


def build_database(path: Path) -> list[int]:
    """The scratch database; returns the flashcard ids to rate."""
    app = seeded_app(f"sqlite:///{path}")
    with app.app_context():
        user = make_user(db.session, "student", "bench@example.org", "Bench", PASSWORD)
        user.new_cards_per_day = 10_000
        db.session.commit()
        bulk_history(db.session, user.id, responses=10_000, reviews=20_000)
        return list(db.session.scalars(db.select(Flashcard.id)))


def measure(label: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    return f"| {label} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    database = workdir / "bench.sqlite"
    started = time.perf_counter()
    card_ids = build_database(database)
    print(f"Built {database} in {time.perf_counter() - started:.1f} s")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "bench"}
    server, port = start_gunicorn(env)  # one worker, like `make run` on one machine
    try:
        client = Client(port)
        _, _, page, _ = client.request("GET", "/auth/login")
        form = {"csrf_token": csrf(page), "email": "bench@example.org", "password": PASSWORD}
        status, _, _, _ = client.request("POST", "/auth/login", form)
        assert status == 302, "login failed"
        rows = []
        for path in ("/study", "/progress", "/review", "/quiz/new", "/cards"):
            times = [client.request("GET", path)[3] for _ in range(20)]
            rows.append(measure(f"GET {path}", times))
        _, _, page, _ = client.request("GET", "/quiz/new")
        token = csrf(page)
        status, location, _, _ = client.request(
            "POST", "/quiz/new", {"csrf_token": token, "length": "20"}
        )
        _, _, page, _ = client.request("GET", location)
        choice = re.search(r'name="answer" value="([^"]+)"', page)
        rows.append(
            measure("GET quiz question", [client.request("GET", location)[3] for _ in range(20)])
        )
        answer_times = []
        for i in range(args.requests):
            # Alternate between two answers so every request really writes.
            value = choice.group(1) if choice and i % 2 else ("" if choice else f"answer {i}")
            form = {"csrf_token": token, "action": "save", "answer": value}
            status, _, body, elapsed = client.request("POST", location, form, json=True)
            assert status == 200, body
            answer_times.append(elapsed)
        rows.append(measure("POST answer (save)", answer_times))
        rate_times = []
        for i in range(args.requests):
            card = card_ids[i % len(card_ids)]
            form = {"csrf_token": token, "flashcard_id": card, "rating": str(1 + i % 4)}
            status, _, body, elapsed = client.request("POST", "/cards/rate", form, json=True)
            assert status == 200, body
            rate_times.append(elapsed)
        rows.append(measure("POST card rating", rate_times))
    finally:
        stop_gunicorn(server)
    print("| request | n | median ms | p95 ms |")
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
