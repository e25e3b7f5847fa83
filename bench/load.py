"""Throughput under load: each page as a share of a bare Flask "hello" served the same way.

Run from the repository root (wrk from Debian: `apt-get install wrk`):

    .venv/bin/python -m bench.load [--database sqlite|postgresql|both] [--seconds 5]

For each database it builds a scratch database (migrations, seed, one learner with a history of
1,000 answers and 2,000 card reviews; on PostgreSQL then ``VACUUM ANALYZE``, as autovacuum
would have run after such a load), starts gunicorn (2 sync workers) on it and, in the same
run, gunicorn (the same settings) on bench/hello_app.py, the ceiling. wrk (2 threads, 32
connections) then drives, logged in, each right after a run on the ceiling (so a page is
compared with the ceiling under the same machine load) and a 1 s unmeasured warm-up of the
page: the home page, the dashboard, a quiz question, an answer save (JSON autosave) and a
card rating (JSON; the first learner and three others, see ``RATERS``). First comes the app's
cheapest logged-in request, the health check with the learner's cookie (the user's load, one
``SELECT 1``, a JSON answer): what no page can beat on this machine, the yardstick for the p99
target (at 32 connections a page's mean latency is 32 / its requests a second, so 50 ms needs
at least 640 a second). It prints requests per second, the share of the ceiling measured just
before, p50 and p99 latency and errors (non-2xx/3xx responses and socket errors).

PostgreSQL: the database is `$BENCH_PG_URL` (default
postgresql://postgres@127.0.0.1:5432/quizapp_i10_bench), dropped and created by this script.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from bench.client import Client, csrf
from bench.open_loop import from_wrk_shape, run_open_loop, wait_until_idle
from bench.server import start_gunicorn, stop_gunicorn
from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Flashcard, User
from quizapp.services.seeding import seed_article
from tests.builders import bulk_history

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench password for load"
# The app and its ceiling run with the same gunicorn settings (a fair comparison): two sync
# workers, one per core. Measured on this machine (docs/benchmarks.md): four sync workers, or
# gthread with keep-alive, raise the ceiling far more than the app (the app's requests are CPU
# in Python, so threads only contend for the GIL and lengthen the tail). The README's deployment
# serves pages the same way, and live games' WebSockets from a threaded server of their own.
GUNICORN_SETTINGS = ["--workers", "2", "--worker-class", "sync"]
WARM_UP_SECONDS = 1
# The card rating row rates as these learners, two to each wrk thread: with the seed's 23
# cards a thread's 16 connections cycle through 46 (learner, card) pairs, so a learner rating
# one card from two connections at once (refused with a 409, an error to wrk) would need one
# rating to outlast the 45 after it. With one learner it happened once in 3,700 ratings.
RATERS = ("load@example.org", "rater2@example.org", "rater3@example.org", "rater4@example.org")
# The open loop's answer saves come from these learners and the four above, each answering its
# own quiz: 150 saves a second from a class of 40 is nearly 4 a second each, still far above a
# learner's pace. From four learners alone, two workers often saved one learner's answers at
# the same moment, and on PostgreSQL the second waited on the first's row locks (the answer
# and the learner's progress counter) and its commit's disk flush: a queue no class makes.
SAVERS = tuple(f"saver{n}@example.org" for n in range(1, 37))
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/quizapp_i10_bench"
PG_URL = os.environ.get("BENCH_PG_URL", DEFAULT_PG)


def fresh_postgres(url: str) -> None:
    import sqlalchemy as sa

    name = url.rsplit("/", 1)[1]
    admin = sa.create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def build_database(url: str) -> list[int]:
    from flask_migrate import upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        seed_article(
            db.session,
            ROOT / "seed/article-russia-pivot-east.txt",
            ROOT / "seed/question_bank.yaml",
        )
        user = User(email="load@example.org", display_name="Load", role="student")
        user.set_password(PASSWORD)
        user.new_cards_per_day = 10_000
        db.session.add(user)
        # The card rating row's other learners (see wrk_request.lua), and the open loop's savers.
        for email in RATERS[1:] + SAVERS:
            rater = User(email=email, display_name="Rater", role="student")
            rater.set_password(PASSWORD)
            rater.new_cards_per_day = 10_000  # every card may be rated from the start
            db.session.add(rater)
        db.session.commit()
        bulk_history(db.session, user.id, responses=1_000, reviews=2_000)
        ids = list(db.session.scalars(db.select(Flashcard.id)))
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # What autovacuum would have done by now on a live database after a bulk load:
            # planner statistics, and the visibility map index-only scans rely on.
            with db.engine.connect() as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        db.session.remove()
        db.engine.dispose()
        return ids


WRK_THREADS = 2
PAGES = ("health check", "home page", "dashboard", "quiz question", "answer save", "card rating")


def wrk(port: int, seconds: int, **shape: str) -> dict:
    env = {**os.environ, **{f"WRK_{k.upper()}": v for k, v in shape.items()}}
    env["WRK_THREADS"] = str(WRK_THREADS)
    out = subprocess.run(
        [
            "wrk",
            f"-t{WRK_THREADS}",
            "-c32",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(ROOT / "bench/wrk_request.lua"),
            f"http://127.0.0.1:{port}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def millis(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), "
        r"timeout (\d+)",
        out,
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": millis("50%"),
        "p99": millis("99%"),
        "errors": errors,
    }


def log_in(port: int, email: str = RATERS[0]) -> tuple[str, str, str, tuple[str, str]]:
    """A logged-in session: its cookie header, a CSRF token, a quiz question's address and two
    different answers it accepts (saving one answer again writes nothing, so the answer save
    row alternates them: every save is a write, with its commit)."""
    client = Client(port)
    _, _, page, _ = client.request("GET", "/auth/login")
    form = {"csrf_token": csrf(page), "email": email, "password": PASSWORD}
    status, _, _, _ = client.request("POST", "/auth/login", form)
    assert status == 302, "login failed"
    _, _, page, _ = client.request("GET", "/quiz/new")
    token = csrf(page)
    status, location, _, _ = client.request(
        "POST", "/quiz/new", {"csrf_token": token, "length": "20"}
    )
    assert status == 302, "no quiz"
    _, _, page, _ = client.request("GET", location)
    choices = re.findall(r'name="answer" value="([^"]+)"', page)
    # Two of the question's choices, or two typed answers.
    answers = (choices[0], choices[1]) if len(choices) > 1 else ("Siberia", "Vladivostok")
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    return cookie, token, location, answers


def ceiling_row(label: str, ceilings: list[dict]) -> str:
    """The ceilings measured before each row: their median, and their range."""
    rates = sorted(c["rps"] for c in ceilings)
    median = rates[len(rates) // 2]
    p50 = sorted(c["p50"] for c in ceilings)[len(ceilings) // 2]
    p99 = sorted(c["p99"] for c in ceilings)[len(ceilings) // 2]
    errors = sum(c["errors"] for c in ceilings)
    return (
        f"| {label} | ceiling: Flask hello (median; {rates[0]:.0f}-{rates[-1]:.0f}) | "
        f"{median:.0f} | 100 % | {p50:.1f} | {p99:.1f} | {errors} |"
    )


def machine_speed() -> str:
    """How fast this machine runs Python, idle, before the run: the p99 target is in
    milliseconds, so it moves with the machine, and these two figures tell machines apart.

    - A bare Flask hello through Flask's test client in this process (no server, no socket):
      code shaped like the app's, as much of it as a request runs. 0.10 ms on 2026-11-25.
    - 20 million additions in a loop: the processor alone. A machine can be as fast as another
      on this one and several times slower on the first (caches shared with other machines).
    """
    from bench.hello_app import app as hello

    client = hello.test_client()
    for _ in range(500):
        client.get("/")
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(2_000):
            client.get("/")
        rounds.append((time.perf_counter() - started) / 2_000 * 1000)
    loops = []
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(20_000_000):
            total += i
        loops.append(time.perf_counter() - started)
    return (
        f"machine: a Flask hello in-process {min(rounds):.3f} ms a request (best of 5 x 2,000); "
        f"20 million additions {min(loops):.2f} s (best of 3)"
    )


def request_shapes(app_port: int, card_ids: list[int]) -> tuple[str, dict[str, dict]]:
    """The learner's cookie and each row's request, as bench/wrk_request.lua reads them."""
    cookie, token, question, answers = log_in(app_port)
    others = [log_in(app_port, email) for email in RATERS[1:]]
    raters = [(cookie, token)] + [session[:2] for session in others]
    # The open loop's saves go to forty learners' questions in turn (see SAVERS, open_loop).
    savers = [(cookie, token, question, answers), *others]
    savers += [log_in(app_port, email) for email in SAVERS]
    shapes = {
        "health check": {"path": "/healthz"},
        "home page": {"path": "/"},
        "dashboard": {"path": "/study"},
        "quiz question": {"path": question},
        "answer save": {
            "path": question,
            "method": "POST",
            "accept": "application/json",
            "answers": "\n".join(quote(answer) for answer in answers),
            "body": f"csrf_token={token}&action=save&answer={{answer}}",
            "savers": "\n".join(
                "|".join([c, t, q, *(quote(a) for a in two)]) for c, t, q, two in savers
            ),
        },
        "card rating": {
            "path": "/cards/rate",
            "method": "POST",
            "cards": ",".join(map(str, card_ids)),
            "raters": "\n".join(f"{c}|{t}" for c, t in raters),
            "accept": "application/json",
            "body": "csrf_token={token}&flashcard_id={card}&rating={rating}",
        },
    }
    assert tuple(shapes) == PAGES
    return cookie, shapes


def closed_rows(label, app_port, hello_port, cookie, shapes, seconds) -> list[str]:
    """wrk's closed loop: each row's requests a second as a share of the ceiling measured
    just before it, and its latencies at 32 connections."""
    rows = []
    ceilings = []
    wrk(hello_port, WARM_UP_SECONDS, path="/")
    for name, shape in shapes.items():
        # The ceiling right before each row: on a shared machine the load moves within a
        # run, and a share is only fair against a ceiling measured under the same load.
        ceilings.append(wrk(hello_port, seconds, path="/"))
        # Unmeasured first: each worker's first requests of a page compile its templates
        # and statements, which a server that has been up for a minute has long done.
        wrk(app_port, WARM_UP_SECONDS, cookie=cookie, **shape)
        result = wrk(app_port, seconds, cookie=cookie, **shape)
        share = 100 * result["rps"] / ceilings[-1]["rps"]
        rows.append(
            f"| {label} | {name} | {result['rps']:.0f} | {share:.1f} % "
            f"(of {ceilings[-1]['rps']:.0f}) | "
            f"{result['p50']:.1f} | {result['p99']:.1f} | {result['errors']} |"
        )
    rows.insert(0, ceiling_row(label, ceilings))
    return rows


def open_rows(label, app_port, hello_port, cookie, shapes, rate, seconds) -> list[str]:
    """The open loop: Poisson arrivals at ``rate`` a second, latencies from each request's
    due moment. The bare hello comes first: what the driver and the machine add to any row."""
    rows = []
    targets = [("driver floor: Flask hello", hello_port, {"path": "/"})]
    targets += [(name, app_port, shape) for name, shape in shapes.items()]
    for seed, (name, port, shape) in enumerate(targets):
        if not wait_until_idle(port, "/" if port == hello_port else "/healthz"):
            print(f"{label}, {name}: the server was still busy after 60 s")
        build = from_wrk_shape(shape, cookie)
        run_open_loop(port, build, rate, WARM_UP_SECONDS, seed=1000 + seed)  # unmeasured
        got = run_open_loop(port, build, rate, seconds, seed=seed)
        rows.append(
            f"| {label} | {name} | {got.count} | {got.rate:.0f} | {got.p50:.1f} | "
            f"{got.p90:.1f} | {got.p99:.1f} | {got.max:.1f} | {got.errors} | "
            f"{got.lag_p99:.1f} |"
        )
    return rows


def run(label: str, url: str, args: argparse.Namespace, pages: list[str]) -> dict[str, list]:
    card_ids = build_database(url)
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench"}
    env.pop("REDIS_URL", None)
    app, app_port = start_gunicorn(env, options=GUNICORN_SETTINGS, quiet=True)
    hello, hello_port = start_gunicorn(
        env, app="bench.hello_app:app", options=GUNICORN_SETTINGS, quiet=True
    )
    rows: dict[str, list] = {"closed": [], "open": []}
    loads = [os.getloadavg()[0]]  # the machine is shared: say how busy it was
    try:
        cookie, shapes = request_shapes(app_port, card_ids)
        if pages:
            shapes = {name: shapes[name] for name in pages}
        if args.loop in ("closed", "both"):
            rows["closed"] = closed_rows(label, app_port, hello_port, cookie, shapes, args.seconds)
        if args.loop in ("open", "both"):
            rows["open"] = open_rows(
                label, app_port, hello_port, cookie, shapes, args.rate, args.open_seconds
            )
        loads.append(os.getloadavg()[0])
        print(f"{label}: load average {loads[0]:.2f} at the start, {loads[1]:.2f} at the end")
    finally:
        stop_gunicorn(app, hello)
    return rows


def main() -> None:
    global GUNICORN_SETTINGS
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--gunicorn",
        default="",
        help='other settings for both servers, e.g. "--workers 4" or "-k gthread --threads 4"',
    )
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--loop", choices=("closed", "open", "both"), default="both", help="wrk, Poisson, both"
    )
    parser.add_argument("--seconds", type=int, default=5, help="each closed-loop row")
    parser.add_argument("--rate", type=float, default=150.0, help="open loop: arrivals a second")
    parser.add_argument("--open-seconds", type=float, default=20.0, help="each open-loop row")
    parser.add_argument(
        "--rounds", type=int, default=1, help="with both databases: SQLite, PostgreSQL, repeated"
    )
    parser.add_argument(
        "--pages", default="", help='some rows only, e.g. "card rating,answer save"'
    )
    args = parser.parse_args()
    if args.gunicorn:
        GUNICORN_SETTINGS = args.gunicorn.split()
    pages = [name.strip() for name in args.pages.split(",") if name.strip()]
    unknown = sorted(set(pages) - set(PAGES))
    if unknown:
        parser.error(f"--pages: no row named {', '.join(unknown)}; the rows: {', '.join(PAGES)}")
    speed = machine_speed()
    rows: dict[str, list] = {"closed": [], "open": []}
    for _ in range(args.rounds):
        for label in ("SQLite", "PostgreSQL"):
            if args.database not in (label.lower(), "both"):
                continue
            if label == "SQLite":
                path = Path(tempfile.mkdtemp(prefix="quizapp-load-")) / "load.sqlite"
                url = f"sqlite:///{path}"
            else:
                fresh_postgres(PG_URL)
                url = PG_URL
            for loop, got in run(label, url, args, pages).items():
                rows[loop] += got
    print(f"gunicorn {' '.join(GUNICORN_SETTINGS)}")
    print(speed)
    if rows["closed"]:
        print(f"\nClosed loop: wrk -t{WRK_THREADS} -c32 -d{args.seconds}s")
        print("| database | request | req/s | share of ceiling | p50 ms | p99 ms | errors |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(rows["closed"]))
    if rows["open"]:
        print(
            f"\nOpen loop: Poisson arrivals at {args.rate:g} a second, {args.open_seconds:g} s "
            "a row; latency from each request's due moment"
        )
        print(
            "| database | request | requests | req/s | p50 ms | p90 ms | p99 ms | max ms "
            "| errors | driver lag p99 ms |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        print("\n".join(rows["open"]))


if __name__ == "__main__":
    main()
