"""Configuration read from the environment, with defaults that work on a fresh machine."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"


def load_secret_key(instance_path: str) -> str:
    """``SECRET_KEY`` from the environment, else one generated once into ``instance/``.

    Generating it once (not per process) keeps sessions valid across restarts and across
    gunicorn workers on one machine; several machines must share it through the environment.
    """
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    path = Path(instance_path) / SECRET_KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs given in the common ``postgres://`` forms."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Config:
    """Settings; each limit is named once here."""

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    WTF_CSRF_TIME_LIMIT = None  # a study session may run long; the token is tied to the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # Question banks and decks a teacher imports may be larger than any other form; the import
    # routes raise the request's limit to this, and the command line refuses larger files too.
    MAX_IMPORT_BYTES = 20 * 1024 * 1024
    SQLITE_BUSY_TIMEOUT_MS = 5000

    @staticmethod
    def database_url(instance_path: str) -> str:
        url = os.environ.get("DATABASE_URL")
        if url:
            return normalise_database_url(url)
        return f"sqlite:///{Path(instance_path) / 'quizapp.sqlite'}"
