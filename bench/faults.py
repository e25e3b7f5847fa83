"""Fault drills on loopback, each printing what it found:

    .venv/bin/python -m bench.faults kill9        # kill -9 gunicorn under 8 writing clients
    .venv/bin/python -m bench.faults pg-terminate # PostgreSQL ends every app connection mid-load
    .venv/bin/python -m bench.faults two-servers  # two app servers on one PostgreSQL and Redis

kill9 (SQLite): 8 clients rate cards as fast as they can; after 3 s the server's whole process
group is killed with SIGKILL, then every rating a client saw acknowledged (HTTP 200) must be in
the review log. pg-terminate: 8 clients load the dashboard and rate cards; midway every
connection of the app's database is terminated (pg_terminate_backend); only requests in flight
may fail. two-servers: a login on server A is used on server B (session), a form from A posted
to B (CSRF), and wrong passwords split across A and B hit one rate limit (Redis db 1).
"""

from __future__ import annotations

import argparse
import os
import signal
import tempfile
import threading
import time
from pathlib import Path

from bench.client import Client, csrf
from bench.load import GUNICORN_SETTINGS, PASSWORD, PG_URL, build_database, fresh_postgres
from bench.server import start_gunicorn, stop_gunicorn

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")


def logged_in(port: int) -> tuple[Client, str]:
    client = Client(port)
    _, _, page, _ = client.request("GET", "/auth/login")
    token = csrf(page)
    status, *_ = client.request(
        "POST",
        "/auth/login",
        {"csrf_token": token, "email": "load@example.org", "password": PASSWORD},
    )
    assert status == 302, status
    _, _, page, _ = client.request("GET", "/study")
    return client, csrf(page)


def writers(port: int, cards: list[int], count: int, stop: threading.Event, tally: dict):
    """``count`` threads rating cards until ``stop``; tally: acknowledged, failed."""

    def work(n: int) -> None:
        client, token = logged_in(port)
        i = 0
        while not stop.is_set():
            card = cards[(n * 7 + i) % len(cards)]
            i += 1
            try:
                status, _, _, _ = client.request(
                    "POST",
                    "/cards/rate",
                    {"csrf_token": token, "flashcard_id": card, "rating": "3"},
                    json=True,
                )
            except OSError:
                tally["failed"] += 1
                time.sleep(0.05)
                try:
                    client = Client(port)
                    client.cookies = dict(cookies)
                except OSError:
                    pass
                continue
            if status == 200:
                tally["acknowledged"] += 1
            else:
                tally["failed"] += 1

    cookies = logged_in(port)[0].cookies
    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(count)]
    for thread in threads:
        thread.start()
    return threads


def review_count(url: str) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        total = conn.execute(sa.text("SELECT count(*) FROM review_log")).scalar_one()
    engine.dispose()
    return total


def kill9() -> None:
    path = Path(tempfile.mkdtemp(prefix="quizapp-kill9-")) / "kill9.sqlite"
    url = f"sqlite:///{path}"
    cards = build_database(url)
    before = review_count(url)
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench"}
    env.pop("REDIS_URL", None)
    server, port = start_gunicorn(env, options=GUNICORN_SETTINGS, new_session=True, quiet=True)
    stop, tally = threading.Event(), {"acknowledged": 0, "failed": 0}
    threads = writers(port, cards, 8, stop, tally)
    time.sleep(3)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait()
    acknowledged = tally["acknowledged"]
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    stored = review_count(url) - before
    print(
        f"kill -9 after 3 s under 8 writers: {acknowledged} ratings acknowledged, "
        f"{stored} in the review log, {max(0, acknowledged - stored)} lost"
    )


def pg_terminate() -> None:
    import sqlalchemy as sa

    fresh_postgres(PG_URL)
    cards = build_database(PG_URL)
    env = {**os.environ, "DATABASE_URL": PG_URL, "SECRET_KEY": "bench"}
    env.pop("REDIS_URL", None)
    server, port = start_gunicorn(env, options=GUNICORN_SETTINGS, quiet=True)
    stop, tally = threading.Event(), {"acknowledged": 0, "failed": 0}
    try:
        threads = writers(port, cards, 8, stop, tally)
        time.sleep(3)
        before = dict(tally)
        name = PG_URL.rsplit("/", 1)[1]
        admin = sa.create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres")
        with admin.connect() as conn:
            ended = conn.execute(
                sa.text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).scalar_one()
        admin.dispose()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    finally:
        stop_gunicorn(server)
    print(
        f"terminated {ended} PostgreSQL connections mid-load: {tally['acknowledged']} "
        f"ratings acknowledged, {tally['failed']} failed ({before['failed']} before the "
        f"cut), {tally['acknowledged'] - before['acknowledged']} acknowledged after it"
    )


def two_servers() -> None:
    import redis

    fresh_postgres(PG_URL)
    build_database(PG_URL)
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {**os.environ, "DATABASE_URL": PG_URL, "SECRET_KEY": "bench", "REDIS_URL": REDIS_URL}
    a, port_a = start_gunicorn(env, options=GUNICORN_SETTINGS, quiet=True)
    b, port_b = start_gunicorn(env, options=GUNICORN_SETTINGS, quiet=True)
    try:
        client, token = logged_in(port_a)
        on_b = Client(port_b)
        on_b.cookies = dict(client.cookies)
        session_holds = on_b.request("GET", "/study")[0] == 200
        status, *_ = on_b.request(
            "POST",
            "/account/",
            {
                "csrf_token": token,
                "form": "profile",
                "display_name": "Load",
                "email": "load@example.org",
                "time_zone": "Europe/Paris",
            },
        )
        csrf_holds = status == 302
        statuses = []
        for i in range(6):
            port = (port_a, port_b)[i % 2]
            guest = Client(port)
            _, _, page, _ = guest.request("GET", "/auth/login")
            statuses.append(
                guest.request(
                    "POST",
                    "/auth/login",
                    {"csrf_token": csrf(page), "email": "load@example.org", "password": "wrong"},
                )[0]
            )
    finally:
        stop_gunicorn(a, b)
        redis.Redis.from_url(REDIS_URL).flushdb()
    print(
        f"session from A works on B: {session_holds}; CSRF token from A accepted by B: "
        f"{csrf_holds}; wrong passwords alternating A/B: {statuses} (limit 5 per minute)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("drill", choices=("kill9", "pg-terminate", "two-servers"))
    drill = parser.parse_args().drill
    {"kill9": kill9, "pg-terminate": pg_terminate, "two-servers": two_servers}[drill]()


if __name__ == "__main__":
    main()
