"""Where one request's time goes: cProfile of each page that bench/load.py drives.

Run from the repository root:

    .venv/bin/python -m bench.profile_pages [--database URL] [--requests 50] [--top 25]

Builds the same scratch database as bench/load.py (SQLite in a temporary folder unless
``--database`` names one), makes the app with production settings (no debug, no template
reload, the request log on), logs the learner in through the real form with Flask's test
client, then for each request kind: the mean wall time, the SQL statements per request, and
cProfile's top functions by cumulative and by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from bench.load import PASSWORD, build_database
from quizapp import create_app
from quizapp.extensions import db


def logged_in_client(app):
    """A test client logged in as the load learner, a CSRF token, a quiz question's address
    and two different answers it accepts (saved in turn: saving one answer again writes
    nothing)."""
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    form = {"csrf_token": token, "email": "load@example.org", "password": PASSWORD}
    assert client.post("/auth/login", data=form).status_code == 302, "login failed"
    page = client.get("/quiz/new").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    response = client.post("/quiz/new", data={"csrf_token": token, "length": "20"})
    question = response.headers["Location"]
    page = client.get(question).get_data(as_text=True)
    choices = re.findall(r'name="answer" value="([^"]+)"', page)
    answers = (choices[0], choices[1]) if len(choices) > 1 else ("Siberia", "Vladivostok")
    return client, token, question, answers


def request_kinds(app, card_ids: list[int]) -> dict[str, Callable[[int], object]]:
    client, token, question, answers = logged_in_client(app)
    json = {"Accept": "application/json"}

    def rate(i: int):
        form = {"csrf_token": token, "flashcard_id": card_ids[i % len(card_ids)]}
        return client.post("/cards/rate", data={**form, "rating": i % 4 + 1}, headers=json)

    return {
        "home page": lambda _i: client.get("/"),
        "dashboard": lambda _i: client.get("/study"),
        "quiz question": lambda _i: client.get(question),
        "answer save": lambda i: client.post(
            question,
            data={"csrf_token": token, "action": "save", "answer": answers[i % 2]},
            headers=json,
        ),
        "card rating": rate,
    }


def count_statements(engine, slow: list[tuple[float, str]]) -> list[int]:
    """Counts statements; appends each one's time and text to ``slow`` while it is a list
    someone reads (``--statements``)."""
    counter = [0]

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _count(_conn, _cursor, _statement, _params, context, _many) -> None:
        counter[0] += 1
        context._started = time.perf_counter()

    @sa.event.listens_for(engine, "after_cursor_execute")
    def _time(_conn, _cursor, statement, _params, context, _many) -> None:
        slow.append(((time.perf_counter() - context._started) * 1000, statement))

    return counter


def mean_by_statement(timings: list[tuple[float, str]], requests: int):
    total: dict[str, float] = {}
    for millis, statement in timings:
        total[statement] = total.get(statement, 0.0) + millis
    return sorted(((t / requests, s) for s, t in total.items()), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", default="", help="one request kind, e.g. dashboard")
    parser.add_argument("--statements", action="store_true", help="each SQL statement's time")
    args = parser.parse_args()
    url = args.database or (
        f"sqlite:///{Path(tempfile.mkdtemp(prefix='quizapp-prof-')) / 'prof.sqlite'}"
    )
    if args.database.startswith("postgresql"):
        from bench.load import fresh_postgres

        fresh_postgres(url)
    card_ids = build_database(url)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        timings: list[tuple[float, str]] = []
        counter = count_statements(db.engine, timings)
    for name, send in request_kinds(app, card_ids).items():
        if args.only and args.only != name:
            continue
        for i in range(5):  # warm caches (templates, statements) first
            assert send(i).status_code < 400, name
        counter[0] = 0
        timings.clear()
        for i in range(args.requests):
            send(i)
        if args.statements:
            print(f"\n--- {name}: mean time of each SQL statement, slowest first")
            for millis, statement in mean_by_statement(timings, args.requests):
                print(f"{millis:7.3f} ms  {' '.join(statement.split())[:300]}")
        counter[0] = 0
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for i in range(args.requests):
            send(i)
        profile.disable()
        elapsed = (time.perf_counter() - started) / args.requests * 1000
        # Unprofiled timing: cProfile slows Python-heavy code several times over.
        started = time.perf_counter()
        for i in range(args.requests):
            send(i)
        plain = (time.perf_counter() - started) / args.requests * 1000
        print(f"\n=== {name}: {plain:.2f} ms per request unprofiled ({elapsed:.2f} profiled), ")
        print(f"    {counter[0] / (2 * args.requests):.1f} SQL statements per request")
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
            text = out.getvalue()
            print(text[text.find("   ncalls") :])


if __name__ == "__main__":
    main()
