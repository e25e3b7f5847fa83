"""How fast are a learner's pages and actions with a long history, on a real server?

Run from the repository root:  .venv/bin/python bench/learner_bench.py [--requests 200]

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
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Flashcard, User  # noqa: E402
from quizapp.services.seeding import seed_article  # noqa: E402
from tests.factories import bulk_history  # noqa: E402

PASSWORD = "bench password"


def build_database(path: Path) -> list[int]:
    """The scratch database; returns the flashcard ids to rate."""
    from flask_migrate import upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        seed_article(
            db.session,
            ROOT / "seed/article-russia-pivot-east.txt",
            ROOT / "seed/question_bank.yaml",
        )
        user = User(email="bench@example.org", display_name="Bench", role="student")
        user.set_password(PASSWORD)
        user.new_cards_per_day = 10_000
        db.session.add(user)
        db.session.commit()
        bulk_history(db.session, user.id, responses=10_000, reviews=20_000)
        return list(db.session.scalars(db.select(Flashcard.id)))


class Client:
    """A keep-alive HTTP client with a cookie and the page's CSRF token."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, json: bool = False):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if json:
            headers["Accept"] = "application/json"
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read().decode()
        elapsed = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, response.getheader("Location"), data, elapsed


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "bench"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "quizapp:create_app()",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        client = Client(port)
        for _ in range(100):
            try:
                status, *_ = client.request("GET", "/auth/login")
                break
            except OSError:
                time.sleep(0.1)
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
        server.terminate()
        server.wait()
    print("| request | n | median ms | p95 ms |")
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
