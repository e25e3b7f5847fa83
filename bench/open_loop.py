"""An open-loop load driver: requests arrive at random at a fixed rate, each timed from when it
was due.

A closed loop (wrk: each connection sends its next request when the last one is answered)
measures a server at saturation, and its latencies leave out the time a stalled server keeps
the next requests from being sent (coordinated omission). Here arrivals are a Poisson process
at ``rate`` a second, drawn before the run: each request is due at its moment whatever the
server is doing, and its latency runs from that moment to the end of its answer, so a stall
counts for every request that fell due during it, as it would for learners.

The driver is asyncio in one process, a new connection for each request (gunicorn's sync
workers close theirs after each answer, as they do for wrk). Its own delay, from a request's
due moment to the moment the driver starts connecting, is reported as ``lag``; a row against
the bare Flask "hello" shows what the driver, the server and the machine add to any page.
"""

from __future__ import annotations

import asyncio
import http.client
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A request the server has not answered within this is an error (and ends the wait for it).
TIMEOUT_SECONDS = 10.0
# The first request is due this long after the schedule starts, so that arming the loop is
# not counted as lag.
START_DELAY_SECONDS = 0.05


@dataclass(frozen=True)
class Request:
    """One HTTP request, ready to send."""

    method: str
    path: str
    headers: dict[str, str]
    body: str = ""

    def encode(self) -> bytes:
        body = self.body.encode()
        lines = [f"{self.method} {self.path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        if body:
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass(frozen=True)
class Outcome:
    """When a request was due, when the driver started sending it and when its answer ended
    (seconds on one monotonic clock), and its status (0: no answer)."""

    due: float
    sent: float
    done: float
    status: int


@dataclass(frozen=True)
class Summary:
    count: int
    errors: int
    seconds: float  # from the first due moment to the last
    p50: float  # latencies from each request's due moment, milliseconds
    p90: float
    p99: float
    max: float
    lag_p99: float  # the driver's own delay, due moment to sending, milliseconds
    lag_max: float

    @property
    def rate(self) -> float:
        return (self.count - 1) / self.seconds if self.seconds > 0 else 0.0


def poisson_schedule(rate: float, seconds: float, rng: random.Random) -> list[float]:
    """Due moments (seconds from the start) of a Poisson process of ``rate`` a second over
    ``seconds``: exponential gaps of mean 1 / rate."""
    moments = []
    moment = rng.expovariate(rate)
    while moment < seconds:
        moments.append(moment)
        moment += rng.expovariate(rate)
    return moments


def quantile(ordered: Sequence[float], q: float) -> float:
    """The nearest-rank quantile of sorted values: the smallest value that at least ``q`` of
    them do not exceed (p99 of 1,000 values is the 990th)."""
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(q * len(ordered) - 1e-9))
    return ordered[rank - 1]


def is_error(status: int) -> bool:
    """As wrk counts them: no answer, or an answer outside 2xx and 3xx."""
    return not 200 <= status < 400


def summarize(outcomes: Sequence[Outcome]) -> Summary:
    """Quantiles of the latencies taken from each request's due moment, not from its sending."""
    latencies = sorted((o.done - o.due) * 1000 for o in outcomes)
    lags = sorted((o.sent - o.due) * 1000 for o in outcomes)
    dues = [o.due for o in outcomes]
    return Summary(
        count=len(outcomes),
        errors=sum(is_error(o.status) for o in outcomes),
        seconds=max(dues) - min(dues) if dues else 0.0,
        p50=quantile(latencies, 0.50),
        p90=quantile(latencies, 0.90),
        p99=quantile(latencies, 0.99),
        max=latencies[-1] if latencies else math.nan,
        lag_p99=quantile(lags, 0.99),
        lag_max=lags[-1] if lags else math.nan,
    )


async def _send(port: int, request: Request, due: float) -> Outcome:
    loop = asyncio.get_running_loop()
    sent = loop.time()
    status = 0
    try:
        async with asyncio.timeout(TIMEOUT_SECONDS):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                writer.write(request.encode())
                await writer.drain()
                answer = await reader.read()  # to the end: the server closes after answering
            finally:
                writer.close()
        status_line = answer.split(b"\r\n", 1)[0].split()
        if len(status_line) >= 2 and status_line[1].isdigit():
            status = int(status_line[1])
    except (OSError, TimeoutError):
        pass  # status 0: an error
    return Outcome(due=due, sent=sent, done=loop.time(), status=status)


async def _drive(port: int, requests: Sequence[Request], schedule: Sequence[float]):
    loop = asyncio.get_running_loop()
    start = loop.time() + START_DELAY_SECONDS
    pending = []
    for request, offset in zip(requests, schedule, strict=True):
        due = start + offset
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        pending.append(asyncio.ensure_future(_send(port, request, due)))
    return await asyncio.gather(*pending)


def run_open_loop(
    port: int, build: Callable[[int], Request], rate: float, seconds: float, seed: int = 0
) -> Summary:
    """Sends ``build(n)`` for the n-th arrival of a Poisson process of ``rate`` a second over
    ``seconds`` to 127.0.0.1:``port``, and summarizes the latencies from the due moments."""
    schedule = poisson_schedule(rate, seconds, random.Random(seed))
    requests = [build(n) for n in range(len(schedule))]  # built before the clock starts
    return summarize(asyncio.run(_drive(port, requests, schedule)))


def from_wrk_shape(shape: dict[str, str], cookie: str) -> Callable[[int], Request]:
    """The n-th request of a row as bench/wrk_request.lua makes it from the same settings: an
    answer save alternates its answers; a card rating goes through every (learner, card) pair,
    every learner first, then the next card, so one learner rates one card again only after all
    the other pairs."""
    headers = {"Cookie": cookie}
    if "accept" in shape:
        headers["Accept"] = shape["accept"]
    body = shape.get("body", "")
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    method, path = shape.get("method", "GET"), shape["path"]
    cards = shape.get("cards", "").split(",") if shape.get("cards") else []
    raters = [line.rsplit("|", 1) for line in shape.get("raters", "").splitlines() if line]
    answers = shape.get("answers", "").splitlines()
    savers = [line.split("|") for line in shape.get("savers", "").splitlines() if line]

    def build(n: int) -> Request:
        if savers:
            # Each learner's own question in turn, its two answers alternating: every save is
            # a write, and one row is not written 150 times a second (wrk's row does that: on
            # PostgreSQL each save then waits for the previous one's commit to reach the disk).
            saver_cookie, token, saver_path, *two = savers[n % len(savers)]
            answer = two[(n // len(savers)) % len(two)]
            filled = f"csrf_token={token}&action=save&answer={answer}"
            return Request(method, saver_path, headers | {"Cookie": saver_cookie}, filled)
        if answers:  # one answer, then the other: each save changes the stored answer
            return Request(method, path, headers, body.format(answer=answers[n % len(answers)]))
        if not (body and cards and raters):
            return Request(method, path, headers, body)
        pair = n % (len(raters) * len(cards))
        rater_cookie, token = raters[pair % len(raters)]
        filled = body.format(card=cards[pair // len(raters)], rating=n % 4 + 1, token=token)
        return Request(method, path, headers | {"Cookie": rater_cookie}, filled)

    return build


def wait_until_idle(port: int, path: str, quick_ms: float = 50.0, limit_seconds: float = 60.0):
    """Returns once three requests in a row are answered within ``quick_ms``: a server that
    fell behind in the previous row is still answering requests its driver gave up on (they
    wait in the listen queue), and the next row must not pay for them. False after
    ``limit_seconds``."""
    deadline = time.monotonic() + limit_seconds
    quick = 0
    while time.monotonic() < deadline and quick < 3:
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=limit_seconds)
            conn.request("GET", path)
            conn.getresponse().read()
            conn.close()
        except OSError:
            quick = 0
            continue
        quick = quick + 1 if (time.perf_counter() - started) * 1000 < quick_ms else 0
    return quick >= 3
