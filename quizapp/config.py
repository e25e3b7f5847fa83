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

    # No pre-ping: a SQLite file cannot drop a connection, and PostgreSQL connections are
    # checked without a round trip (quizapp/postgres_connections.py).
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    WTF_CSRF_TIME_LIMIT = None  # a study session may run long; the token is tied to the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # Question banks and decks a teacher imports may be larger than any other form; the import
    # routes raise the request's limit to this, and the command line refuses larger files too.
    MAX_IMPORT_BYTES = 20 * 1024 * 1024
    SQLITE_BUSY_TIMEOUT_MS = 5000

    # Behind a TLS-terminating proxy set PREFERRED_URL_SCHEME=https: cookies become Secure and
    # responses carry HSTS. TRUSTED_PROXIES: how many proxies set X-Forwarded-For/-Proto.
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0") or 0)
    HSTS_SECONDS = 365 * 24 * 3600

    # Mail (password reset). Without MAIL_SERVER the message goes to the server log.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25") or 25)
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "quizapp <no-reply@localhost>")
    PASSWORD_RESET_SECONDS = 3600

    # Sessions: "remember me" is opt-in, new at each login, and expires.
    REMEMBER_DAYS = 30
    REMEMBER_COOKIE = "quizapp_remember"

    # Who may sign up as a teacher: "anyone" (so a newcomer can try the app), "code" (with
    # TEACHER_INVITE_CODE) or "approval" (an admin approves: `flask users approve EMAIL`).
    TEACHER_SIGNUP = os.environ.get("TEACHER_SIGNUP", "anyone")
    TEACHER_INVITE_CODE = os.environ.get("TEACHER_INVITE_CODE", "")

    # Rate limits (Flask-Limiter). Counters in Redis when REDIS_URL is set, else in memory
    # (one process only). Per address limits are generous: a class signs in behind one NAT.
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL") or "memory://"
    RATELIMIT_KEY_PREFIX = "quizapp"
    RATELIMIT_HEADERS_ENABLED = True
    RATE_LIMIT_LOGIN_PER_ADDRESS = "60 per minute"
    RATE_LIMIT_LOGIN_PER_ACCOUNT = "5 per minute; 20 per hour"
    RATE_LIMIT_SIGNUP_PER_ADDRESS = "10 per minute; 60 per hour"
    RATE_LIMIT_SIGNUP_PER_ACCOUNT = "3 per hour"
    RATE_LIMIT_RESET_PER_ADDRESS = "10 per minute; 30 per hour"
    RATE_LIMIT_RESET_PER_ACCOUNT = "3 per hour"
    RATE_LIMIT_JOIN_PER_ADDRESS = "60 per minute"
    RATE_LIMIT_JOIN_PER_ACCOUNT = "10 per minute"

    @staticmethod
    def database_url(instance_path: str) -> str:
        url = os.environ.get("DATABASE_URL")
        if url:
            return normalise_database_url(url)
        return f"sqlite:///{Path(instance_path) / 'quizapp.sqlite'}"
