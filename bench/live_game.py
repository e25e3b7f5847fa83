"""A live game with a full room: 300 players on two server processes sharing Redis.

Run from the repository root (PostgreSQL and Redis on this machine):

    .venv/bin/python -m bench.live_game --players 300 --questions 10

Builds a scratch PostgreSQL database (migrations + seed), starts two gunicorn processes
(gthread workers, one each) on two ports with the same ``DATABASE_URL``, ``SECRET_KEY`` and
``REDIS_URL``, and plays a game: the host (logged in as a teacher) opens it on server A, the
players join half on A and half on B (guests with nicknames, each with its own cookie), each
holds a WebSocket, and every question each player taps a random tile at a uniformly random
moment between ``--answer-from`` and ``--answer-to`` seconds (0.3 and 3 by default: the whole
room within 3 s, a harsh burst) after it arrives. Everything runs on loopback; the clients
are asyncio coroutines in this one process, so all times come from one clock. It prints:

* host "next" -> question on a player's screen: from the moment the host's POST is sent to
  each player's WebSocket message (p50, p95, max), and per question the time until the LAST
  player had it;
* player answer -> host's count: from a player's POST being sent to the host's WebSocket
  showing a count that includes it (the POST answers with the count its commit made);
* lost answers: answers accepted (200) minus rows in ``live_answer``, and refused ones.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa
import websockets

from bench.load import GUNICORN_SETTINGS, fresh_postgres
from bench.scratch import seeded_app
from bench.server import start_gunicorn, stop_gunicorn
from quizapp.extensions import db
from quizapp.models import Claim, Question, QuizSet, QuizSetItem
from tests.builders import make_user

PASSWORD = "bench password"
IDLE_CLOSE_SECONDS = 1.5
PG = "postgresql+psycopg://postgres@127.0.0.1:5432"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|data-csrf="([^"]+)"')


def build_database(url: str, questions: int) -> int:
    """A fresh database with the seed, a teacher and a set of ``questions`` choice items."""
    fresh_postgres(url)
    app = seeded_app(url)
    with app.app_context():
        teacher = make_user(db.session, "teacher", "host@example.org", "Host", PASSWORD)
        ids = db.session.scalars(
            sa.select(Question.id)
            .join(Claim)
            .where(Question.type == "single_choice", ~Question.retired)
            .order_by(Question.id)
            .limit(questions)
        )
        quiz_set = QuizSet(teacher_id=teacher.id, title="Bench game")
        quiz_set.items = [QuizSetItem(position=i, question_id=q) for i, q in enumerate(ids, 1)]
        db.session.add(quiz_set)
        db.session.commit()
        set_id = quiz_set.id
        db.engine.dispose()
    return set_id


class Http:
    """A tiny keep-alive HTTP/1.1 client on asyncio streams, with its own cookies."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, {}
        self.reader = self.writer = None
        self.location = ""
        self.used = 0.0

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict | None = None
    ) -> tuple[int, str]:
        if self.writer is not None and time.perf_counter() - self.used > IDLE_CLOSE_SECONDS:
            self.writer.close()  # gunicorn closes idle keep-alive connections after 2 s
            self.writer = None
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            f"Content-Length: {len(body)}",
            "Connection: keep-alive",
        ]
        if self.cookies:
            lines.append("Cookie: " + self.cookie_header())
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        length, close = 0, False
        while line := (await self.reader.readline()).decode("latin-1").strip():
            key, _, value = line.partition(":")
            key = key.lower()
            if key == "content-length":
                length = int(value)
            elif key == "set-cookie":
                name, _, rest = value.strip().partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            elif key == "location":
                self.location = value.strip()
            elif key == "connection" and value.strip().lower() == "close":
                close = True
        text = (await self.reader.readexactly(length)).decode() if length else ""
        if close:
            self.writer.close()
            self.writer = None
        self.used = time.perf_counter()
        return status, text

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    async def form(self, path: str, data: dict) -> tuple[int, str]:
        return await self.request(
            "POST",
            path,
            urlencode(data).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    async def post_json(self, path: str, payload: dict, csrf: str) -> tuple[int, str]:
        return await self.request(
            "POST",
            path,
            json.dumps(payload).encode(),
            {"Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json"},
        )


def token(page: str) -> str:
    match = CSRF.search(page)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


class Room:
    """Shared bookkeeping: when each question was sent for, who saw it, answer timings."""

    def __init__(self, players: int) -> None:
        self.players = players
        self.next_sent: dict[int, float] = {}
        self.seen: dict[int, list[float]] = {}
        self.everyone: dict[int, asyncio.Event] = {}
        self.host_counts: dict[int, list[tuple[float, int]]] = {}
        self.count_waiters: list[tuple[int, int, float, asyncio.Future]] = []
        self.answer_latency: list[float] = []
        self.accepted = self.refused = 0
        self.answer_rtt: list[float] = []
        self.timer_reveals: set[int] = set()
        self.revealed: dict[int, asyncio.Event] = {}

    def event(self, table: dict, index: int) -> asyncio.Event:
        return table.setdefault(index, asyncio.Event())


async def play_as(room: Room, port: int, ws_port: int, nickname: str, rng: random.Random) -> None:
    http = Http(port)
    _s, page = await http.request("GET", "/live/join")
    status, _ = await http.form(
        "/live/join", {"csrf_token": token(page), "pin": room.pin, "nickname": nickname}
    )
    assert status == 302, f"join refused: {status}"
    status, play = await http.request("GET", f"/live/play/{room.game_id}")
    player_id = int(re.search(r'data-player="(\d+)"', play).group(1))
    csrf = token(play)
    url = f"ws://127.0.0.1:{ws_port}/live/ws/{room.game_id}"
    async with websockets.connect(
        url, additional_headers={"Cookie": http.cookie_header()}, max_size=None
    ) as ws:
        room.joined += 1
        async for raw in ws:
            data = json.loads(raw)
            if data.get("type") != "state":
                continue
            if data["status"] == "finished":
                return
            if data["status"] != "question" or data.get("me", {}).get("answered"):
                continue
            index = data["index"]
            if index in room.seen_by.setdefault(nickname, set()):
                continue
            room.seen_by[nickname].add(index)
            received = time.perf_counter()
            seen = room.seen.setdefault(index, [])
            seen.append(received - room.next_sent[index])
            if len(seen) == room.players:
                room.event(room.everyone, index).set()
            task = asyncio.get_running_loop().create_task(
                answer(room, http, index, player_id, csrf, data["question"]["choices"], rng)
            )
            task.add_done_callback(report_failure)


def report_failure(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        room_error = task.exception()
        print(f"  an answer failed: {room_error!r}")


async def answer(
    room: Room, http: Http, index: int, player_id: int, csrf: str, choices, rng: random.Random
) -> None:
    await asyncio.sleep(rng.uniform(*room.answer_window))
    sent = time.perf_counter()
    status, text = await http.post_json(
        f"/live/play/{room.game_id}/answer",
        {"player": player_id, "index": index, "answer": rng.choice(choices)["id"]},
        csrf,
    )
    if status != 200:
        room.refused += 1
        print(f"  refused ({status}): {text[:120]}")
        return
    room.accepted += 1
    room.answer_rtt.append(time.perf_counter() - sent)
    count = json.loads(text)["answered"]
    seen = [t for t, n in room.host_counts.get(index, []) if n >= count]
    if seen:
        room.answer_latency.append(min(seen) - sent)
        return
    future = asyncio.get_running_loop().create_future()
    room.count_waiters.append((index, count, sent, future))
    await future


async def host_screen(room: Room, http: Http, port: int) -> None:
    url = f"ws://127.0.0.1:{port}/live/ws/{room.game_id}?role=host"
    async with websockets.connect(
        url, additional_headers={"Cookie": http.cookie_header()}, max_size=None
    ) as ws:
        room.host_ready.set()
        async for raw in ws:
            data = json.loads(raw)
            now = time.perf_counter()
            if data.get("type") == "answered" or data.get("status") in ("question", "reveal"):
                index = data["index"]
                count = data.get("answered", data.get("reveal", {}).get("answered", 0))
                room.host_counts.setdefault(index, []).append((now, count))
                for waiter in list(room.count_waiters):
                    w_index, w_count, sent, future = waiter
                    if w_index == index and count >= w_count:
                        room.answer_latency.append(now - sent)
                        room.count_waiters.remove(waiter)
                        future.set_result(None)
            if data.get("status") == "reveal":
                room.event(room.revealed, data["index"]).set()
            if data.get("status") == "finished":
                return


def cpu_seconds(master_pids: list[int]) -> float:
    """User + system CPU of the gunicorn masters and their workers so far (Linux /proc)."""
    total = 0.0
    pids = list(master_pids)
    for pid in master_pids:
        children = Path(f"/proc/{pid}/task/{pid}/children")
        if children.exists():
            pids += [int(c) for c in children.read_text().split()]
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


async def run(args, ports: list[int], ws_ports: list[int]) -> Room:
    """``ports[i]`` serves the pages of the players whose WebSockets go to ``ws_ports[i]``."""
    room = Room(args.players)
    room.answer_window = (args.answer_from, args.answer_to)
    room.seen_by, room.joined, room.host_ready = {}, 0, asyncio.Event()
    host = Http(ports[0])
    _s, page = await host.request("GET", "/auth/login")
    await host.form(
        "/auth/login",
        {"csrf_token": token(page), "email": "host@example.org", "password": PASSWORD},
    )
    _s, page = await host.request("GET", f"/live/host/new/{args.set_id}")
    status, _ = await host.form(
        f"/live/host/new/{args.set_id}",
        {"csrf_token": token(page), "seconds": 20, "allow_guests": "y"},
    )
    assert status == 302, f"could not open the game: {status}"
    room.game_id = int(host.location.rstrip("/").rsplit("/", 1)[1])
    _s, host_page = await host.request("GET", f"/live/host/{room.game_id}")
    room.pin = re.search(r'aria-label="Game PIN">(\d{3}) (\d{3})<', host_page).expand(r"\1\2")
    host_csrf = token(host_page)
    host_task = asyncio.create_task(host_screen(room, host, ws_ports[0]))
    await room.host_ready.wait()
    rng = random.Random(7)
    players = []
    for i in range(args.players):
        players.append(
            asyncio.create_task(
                play_as(
                    room,
                    ports[i % len(ports)],
                    ws_ports[i % len(ports)],
                    f"player{i:03d}",
                    random.Random(rng.random()),
                )
            )
        )
        if i % 25 == 24:
            await asyncio.sleep(0.2)  # a class does not join in the same millisecond
    while room.joined < args.players:
        await asyncio.sleep(0.1)
    print(f"{room.joined} players joined and connected; playing {args.questions} questions")
    commander = Http(ports[0])
    commander.cookies = host.cookies
    for index in range(args.questions):
        await asyncio.sleep(1.0)
        room.next_sent[index] = time.perf_counter()
        status, text = await commander.post_json(
            f"/live/host/{room.game_id}/command", {"command": "next"}, host_csrf
        )
        assert status == 200, text
        await asyncio.wait_for(room.event(room.everyone, index).wait(), 30)
        # As the host page does: when the countdown ends, ask for the reveal until it comes.
        deadline = room.next_sent[index] + 20
        while not room.event(room.revealed, index).is_set():
            if time.perf_counter() >= deadline:
                room.timer_reveals.add(index)
                await commander.post_json(
                    f"/live/host/{room.game_id}/command", {"command": "close"}, host_csrf
                )
            try:
                await asyncio.wait_for(room.event(room.revealed, index).wait(), 0.5)
            except TimeoutError:
                pass
    await asyncio.sleep(0.5)
    await commander.post_json(f"/live/host/{room.game_id}/command", {"command": "next"}, host_csrf)
    await asyncio.wait_for(asyncio.gather(host_task, *players), 60)
    return room


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--players", type=int, default=300)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--database", default="quizapp_i13_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/2")
    parser.add_argument("--threads", type=int, default=256)
    parser.add_argument(
        "--answer-from",
        type=float,
        default=0.3,
        help="earliest a player answers, seconds after the question arrives",
    )
    parser.add_argument("--answer-to", type=float, default=3.0, help="latest, likewise")
    parser.add_argument(
        "--split",
        action="store_true",
        help="pages on a sync-worker server, WebSockets on a gthread one (the README's layout)",
    )
    args = parser.parse_args()
    url = f"{PG}/{args.database}"
    args.set_id = build_database(url, args.questions)
    env = dict(
        os.environ,
        DATABASE_URL=url,
        SECRET_KEY="bench-secret",
        REDIS_URL=args.redis,
        LIVE_REDIS_PREFIX="quizapp-bench",
    )
    if args.split:
        # The README's deployment: pages on sync workers, the WebSockets on a gthread server
        # (the proxy sends /live/ws/ there); events go from one to the other through Redis.
        pages = start_gunicorn(env, options=GUNICORN_SETTINGS)  # as bench/load.py measures
        sockets = start_gunicorn(env, workers=2, threads=args.threads)
        launched = [pages, sockets]
        ports, ws_ports = [pages[1]], [sockets[1]]
        shape = f"pages on 2 sync workers, WebSockets on 2 gthread workers ({args.threads} threads)"
    else:
        # Two processes with one gthread worker each, like two app servers behind a balancer.
        launched = [start_gunicorn(env, threads=args.threads) for _ in range(2)]
        ports = ws_ports = [port for _, port in launched]
        shape = f"2 gunicorn processes (gthread, {args.threads} threads)"
    servers = [server for server, _ in launched]
    try:
        started, cpu_before = time.perf_counter(), cpu_seconds([s.pid for s in servers])
        room = asyncio.run(run(args, ports, ws_ports))
        elapsed = time.perf_counter() - started
        server_cpu = cpu_seconds([s.pid for s in servers]) - cpu_before
    finally:
        stop_gunicorn(*servers)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT count(*) FROM live_answer")).scalar()
    engine.dispose()
    delivery = [t for times in room.seen.values() for t in times]
    last = [max(times) for _i, times in sorted(room.seen.items())]
    ms = 1000
    print(
        f"game of {args.questions} questions, {args.players} players, {shape} "
        f"sharing Redis; {elapsed:.1f} s; answers "
        f"{args.answer_from}-{args.answer_to} s after each question; load average "
        f"{os.getloadavg()[0]:.1f} at the end"
    )
    print(
        f"host next -> player has the question: p50 {pct(delivery, 50) * ms:.0f} ms, "
        f"p95 {pct(delivery, 95) * ms:.0f} ms, max {max(delivery) * ms:.0f} ms "
        f"({len(delivery)} deliveries)"
    )
    print(
        "  until the last player had it, per question (ms): "
        + ", ".join(f"{t * ms:.0f}" for t in last)
    )
    print(
        f"player answer -> host count: p50 {pct(room.answer_latency, 50) * ms:.0f} ms, "
        f"p95 {pct(room.answer_latency, 95) * ms:.0f} ms, "
        f"max {max(room.answer_latency) * ms:.0f} ms ({len(room.answer_latency)} answers)"
    )
    print(
        f"  of which the answer POST's own round trip: p50 {pct(room.answer_rtt, 50) * ms:.0f} "
        f"ms, p95 {pct(room.answer_rtt, 95) * ms:.0f} ms"
    )
    early = args.questions - len(room.timer_reveals)
    print(f"questions revealed as soon as everyone had answered: {early} of {args.questions}")
    lost = room.accepted - stored
    print(
        f"server processes' CPU during the game: {server_cpu:.1f} s "
        f"({server_cpu / room.accepted * 1000:.1f} ms per answer, all work included)"
    )
    print(f"answers accepted {room.accepted}, refused {room.refused}, stored {stored}, lost {lost}")


if __name__ == "__main__":
    main()
