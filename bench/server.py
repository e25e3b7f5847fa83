"""gunicorn for the benchmarks: started on a free loopback port, waited for, stopped."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
APP = "quizapp:create_app()"
CONFIG = "python:quizapp.gunicorn_config"
START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(
    env: dict,
    *,
    app: str = APP,
    workers: int = 1,
    threads: int = 0,
    options: list[str] | None = None,
    new_session: bool = False,
    quiet: bool = False,
) -> tuple[subprocess.Popen, int]:
    """gunicorn serving ``app`` from the repository root, answering HTTP when this returns.

    ``threads``: gthread workers with that many threads each (0: sync workers).
    ``options``: gunicorn's worker settings as given (instead of ``workers`` and ``threads``).
    ``new_session``: in its own process group, so a drill can kill master and workers at once.
    ``quiet``: its output is dropped (where a benchmark prints a table of its own).
    """
    port = free_port()
    command = [str(GUNICORN), "--workers", str(workers)]
    if threads:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    if options is not None:
        command = [str(GUNICORN), *options]
    # The deployment's settings (workers exit when their master dies), as the README runs it.
    command += ["--config", CONFIG, "--bind", f"127.0.0.1:{port}", "--log-level", "warning", app]
    output = subprocess.DEVNULL if quiet else None
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
        start_new_session=new_session,
    )
    wait_until_answering(server, port)
    return server, port


def wait_until_answering(server: subprocess.Popen, port: int) -> None:
    """Returns once a worker answers a request (the master binds before workers boot)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn on port {port} exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.1)
    stop_gunicorn(server)
    raise SystemExit(f"gunicorn on port {port} did not answer within {START_SECONDS} s")


def stop_gunicorn(*servers: subprocess.Popen) -> None:
    """Asks every server to stop, then waits for each; a server started in a session of its
    own is stopped with its whole process group."""
    for server in servers:
        if server.poll() is not None:
            continue
        try:
            if os.getpgid(server.pid) == server.pid:
                os.killpg(server.pid, signal.SIGTERM)
            else:
                server.terminate()
        except ProcessLookupError:
            pass
    for server in servers:
        server.wait(timeout=30)
