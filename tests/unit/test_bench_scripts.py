"""Every benchmark script in bench/ still imports: they run by hand, so nothing else would
notice a name one of them takes from another going away."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from quizapp import ROOT

SCRIPTS = sorted(p.stem for p in (ROOT / "bench").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("name", SCRIPTS)
def test_bench_script_imports(name):
    module = importlib.import_module(f"bench.{name}")
    assert Path(module.__file__).parent == ROOT / "bench"


# The open-loop driver's arithmetic (bench/open_loop.py): latencies run from each request's
# due moment, so a stall counts for every request that fell due during it.


def test_quantiles_are_nearest_rank():
    from bench.open_loop import quantile

    values = [float(v) for v in range(1, 1001)]
    assert quantile(values, 0.99) == 990.0
    assert quantile(values, 0.50) == 500.0
    assert quantile(values, 1.0) == 1000.0
    assert quantile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.0
    assert quantile([7.0], 0.99) == 7.0


def test_latency_is_taken_from_the_due_moment_not_the_sending():
    from bench.open_loop import Outcome, summarize

    # 1,000 requests due every 10 ms, each answered 2 ms after it was due, except that the
    # server stalls for 0.5 s at 5 s: the 50 requests due meanwhile are sent only when it
    # answers again (a closed loop would not have sent them at all) and answered 2 ms later.
    outcomes = []
    for i in range(1000):
        due = i * 0.010
        sent = 5.5 if 5.0 <= due < 5.5 else due
        outcomes.append(Outcome(due=due, sent=sent, done=sent + 0.002, status=200))
    summary = summarize(outcomes)
    assert summary.count == 1000 and summary.errors == 0
    assert summary.p50 == pytest.approx(2.0)
    assert summary.p90 == pytest.approx(2.0)
    # The 50 waited 502, 492, ... 12 ms; the p99 (990th of 1,000) is the 11th slowest, 402 ms,
    # where timing from the sending would have given 2 ms.
    assert summary.p99 == pytest.approx(502.0 - 10 * 10.0)
    assert summary.max == pytest.approx(502.0)
    assert summary.lag_max == pytest.approx(500.0)
    assert summary.rate == pytest.approx(100.0, rel=0.01)


def test_errors_are_failed_answers_and_no_answer():
    from bench.open_loop import Outcome, summarize

    statuses = [200, 302, 404, 409, 500, 0]
    outcomes = [Outcome(due=i, sent=i, done=i + 0.001, status=s) for i, s in enumerate(statuses)]
    assert summarize(outcomes).errors == 4


def test_arrivals_are_a_poisson_process_at_the_rate():
    import random

    from bench.open_loop import poisson_schedule

    moments = poisson_schedule(150.0, 60.0, random.Random(7))
    assert moments == sorted(moments) and 0 < moments[0] and moments[-1] < 60.0
    assert len(moments) == pytest.approx(9000, rel=0.05)
    gaps = [b - a for a, b in zip(moments, moments[1:], strict=False)]
    mean = sum(gaps) / len(gaps)
    spread = (sum((g - mean) ** 2 for g in gaps) / len(gaps)) ** 0.5
    assert mean == pytest.approx(1 / 150, rel=0.05)
    assert spread / mean == pytest.approx(1.0, abs=0.05)  # exponential gaps, not a metronome


def test_rows_alternate_answers_and_cycle_learners_then_cards():
    from bench.open_loop import from_wrk_shape

    save = from_wrk_shape(
        {"path": "/quiz/1/1", "method": "POST", "answers": "a\nb", "body": "answer={answer}"},
        "session=me",
    )
    assert [save(n).body for n in range(3)] == ["answer=a", "answer=b", "answer=a"]
    spread = from_wrk_shape(
        {"path": "/quiz/1/1", "method": "POST", "savers": "c1|t1|/quiz/1/1|a|b\nc2|t2|/q/2/1|x|y"},
        "session=me",
    )
    assert [(r.headers["Cookie"], r.path, r.body) for r in map(spread, range(4))] == [
        ("c1", "/quiz/1/1", "csrf_token=t1&action=save&answer=a"),
        ("c2", "/q/2/1", "csrf_token=t2&action=save&answer=x"),
        ("c1", "/quiz/1/1", "csrf_token=t1&action=save&answer=b"),
        ("c2", "/q/2/1", "csrf_token=t2&action=save&answer=y"),
    ]
    rate = from_wrk_shape(
        {
            "path": "/cards/rate",
            "method": "POST",
            "cards": "11,12",
            "raters": "c1|t1\nc2|t2",
            "body": "csrf_token={token}&flashcard_id={card}&rating={rating}",
        },
        "session=me",
    )
    sent = [(rate(n).headers["Cookie"], rate(n).body) for n in range(5)]
    assert sent == [
        ("c1", "csrf_token=t1&flashcard_id=11&rating=1"),
        ("c2", "csrf_token=t2&flashcard_id=11&rating=2"),
        ("c1", "csrf_token=t1&flashcard_id=12&rating=3"),
        ("c2", "csrf_token=t2&flashcard_id=12&rating=4"),
        ("c1", "csrf_token=t1&flashcard_id=11&rating=1"),
    ]


def test_the_driver_keeps_its_rate_against_a_server():
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bench.open_loop import Request, run_open_loop

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/" else 500)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]

        def drive(path: str, rate: float, seconds: float):
            # In a thread of its own, as in the bench's own process: in the whole suite the
            # browser tests' Playwright keeps an event loop running in this thread, where
            # asyncio.run refuses to start another.
            with ThreadPoolExecutor(1) as pool:
                build = lambda n: Request("GET", path, {})  # noqa: E731
                return pool.submit(run_open_loop, port, build, rate, seconds, seed=3).result()

        got = drive("/", 200.0, 1.0)
        assert got.errors == 0 and got.count == pytest.approx(200, rel=0.2)
        assert got.p50 < 100  # answered, timed from due moments in milliseconds
        failing = drive("/x", 50.0, 0.5)
        assert failing.errors == failing.count > 0
    finally:
        server.shutdown()
        server.server_close()
