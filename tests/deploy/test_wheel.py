"""The wheel deploys: built from the checkout, installed in a new virtualenv elsewhere, it
migrates, seeds and serves pages and static files under gunicorn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.deploy


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def test_wheel_installs_migrates_seeds_and_serves(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "DATABASE_URL", "REDIS_URL")
    }
    dist, venv, site = tmp_path / "dist", tmp_path / "venv", tmp_path / "site"
    site.mkdir()
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(dist),
            str(CHECKOUT),
        ],
        cwd=tmp_path,
        env=env,
    )
    wheels = list(dist.glob("quizapp-*.whl"))
    assert len(wheels) == 1
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, env=env)
    _run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheels[0])], cwd=tmp_path, env=env)

    env |= {
        "FLASK_APP": "quizapp",
        "SECRET_KEY": "wheel-test",
        "DATABASE_URL": f"sqlite:///{site / 'quizapp.sqlite'}",
    }
    where = _run(
        [str(venv / "bin" / "python"), "-c", "import quizapp; print(quizapp.ROOT)"],
        cwd=site,
        env=env,
    ).strip()
    assert Path(where).is_relative_to(venv), "the app must read its folders from the wheel"
    _run([str(venv / "bin" / "flask"), "db", "upgrade"], cwd=site, env=env)
    assert "total" in _run([str(venv / "bin" / "flask"), "seed"], cwd=site, env=env)

    port = _free_port()
    server = subprocess.Popen(
        [
            str(venv / "bin" / "gunicorn"),
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "quizapp:create_app()",
        ],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, _type, body = _get(base + "/")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(
                "gunicorn did not answer: "
                + (server.stderr.read() if server.poll() is not None else "")
            )
        assert status == 200 and b"Russia" in body  # the seeded topics are listed
        status, content_type, css = _get(base + "/static/css/app.css")
        assert status == 200 and content_type.startswith("text/css") and css
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a loaded machine can outlast the graceful stop
            server.kill()
            server.wait(timeout=20)
