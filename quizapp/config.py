"""Configuration read from the environment, with defaults that work on a fresh machine."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from limits import parse_many

from quizapp.core.media_files import ALLOWED_TYPES as ALLOWED_MEDIA_TYPES

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


class InvalidSetting(RuntimeError):
    """A setting of the environment the app cannot run with; the message names the variable
    and what it accepts, so the operator sees why the server refused to start."""


TEACHER_SIGNUP_POLICIES = ("anyone", "code", "approval")
URL_SCHEMES = ("http", "https")
REDIS_SCHEMES = ("redis", "rediss", "unix")
# Where uploaded pictures and sound are kept: "folder" (MEDIA_FOLDER, one server or a shared
# disk) or "database" (every app server reads the same database: no shared disk, no new service).
MEDIA_STORES = ("folder", "database")
TRUE_WORDS, FALSE_WORDS = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")
# What `make run` serves; every absolute link (reset mail, QR code, class join link) is built
# from BASE_URL, never from the request's Host, so set it to the public address in production.
LOCAL_BASE_URL = "http://127.0.0.1:5000"


def _text(environ: Mapping[str, str], name: str, default: str) -> str:
    return environ.get(name, default).strip()


def _choice(environ: Mapping[str, str], name: str, allowed: tuple[str, ...], default: str) -> str:
    value = _text(environ, name, default) or default
    if value not in allowed:
        raise InvalidSetting(f"{name}={value!r} is not one of: {', '.join(allowed)}.")
    return value


def _number(environ: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = _text(environ, name, str(default)) or str(default)
    # isdecimal and ASCII: "²" passes isdigit, and int() would refuse it with a traceback.
    if not (raw.isascii() and raw.isdecimal()) or not low <= int(raw) <= high:
        raise InvalidSetting(f"{name}={raw!r} is not a whole number from {low} to {high}.")
    return int(raw)


def _flag(environ: Mapping[str, str], name: str) -> bool:
    raw = _text(environ, name, "").lower()
    if raw not in TRUE_WORDS + FALSE_WORDS:
        allowed = ", ".join(w for w in TRUE_WORDS + FALSE_WORDS if w)
        raise InvalidSetting(f"{name}={raw!r} is not one of: {allowed} (or empty).")
    return raw in TRUE_WORDS


def _base_url(environ: Mapping[str, str], scheme: str, proxies: int) -> str:
    """BASE_URL, or `make run`'s address when the environment does not look like a deployment.

    Behind a proxy or on https the default would put 127.0.0.1 into every reset mail, class
    link and QR code: such a deployment must say its public address.
    """
    base_url = _text(environ, "BASE_URL", "")
    if base_url:
        return base_url
    deployed = [f"PREFERRED_URL_SCHEME={scheme}"] if scheme == "https" else []
    deployed += [f"TRUSTED_PROXIES={proxies}"] if proxies else []
    if deployed:
        raise InvalidSetting(
            f"BASE_URL is not set, but {' and '.join(deployed)} say the app is deployed: set "
            "BASE_URL to its public address (https://quiz.example.org), which every reset mail, "
            f"class link and QR code uses; without it they would point at {LOCAL_BASE_URL}."
        )
    return LOCAL_BASE_URL


def settings_from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings the environment gives, each checked; :class:`InvalidSetting` names the
    first variable with a value the app does not know (a typo must not pick a default)."""
    # Behind a TLS-terminating proxy set PREFERRED_URL_SCHEME=https: cookies become Secure and
    # responses carry HSTS. TRUSTED_PROXIES: how many proxies set X-Forwarded-For/-Proto.
    scheme = _choice(environ, "PREFERRED_URL_SCHEME", URL_SCHEMES, "http")
    proxies = _number(environ, "TRUSTED_PROXIES", 0, 0, 10)
    return {
        "PREFERRED_URL_SCHEME": scheme,
        "TRUSTED_PROXIES": proxies,
        "BASE_URL": _base_url(environ, scheme, proxies),
        # Mail (password reset). Without MAIL_SERVER the message goes to the server log.
        "MAIL_SERVER": _text(environ, "MAIL_SERVER", ""),
        "MAIL_PORT": _number(environ, "MAIL_PORT", 25, 1, 65535),
        "MAIL_USE_TLS": _flag(environ, "MAIL_USE_TLS"),
        "MAIL_USERNAME": _text(environ, "MAIL_USERNAME", ""),
        "MAIL_PASSWORD": environ.get("MAIL_PASSWORD", ""),
        "MAIL_SENDER": _text(environ, "MAIL_SENDER", "quizapp <no-reply@localhost>"),
        # Who may sign up as a teacher: "anyone" (so a newcomer can try the app), "code" (with
        # TEACHER_INVITE_CODE) or "approval" (an admin approves: `flask users approve EMAIL`).
        "TEACHER_SIGNUP": _choice(environ, "TEACHER_SIGNUP", TEACHER_SIGNUP_POLICIES, "anyone"),
        "TEACHER_INVITE_CODE": _text(environ, "TEACHER_INVITE_CODE", ""),
        # Rate-limit counters and live-game events go through Redis when it is set.
        "REDIS_URL": _text(environ, "REDIS_URL", "") or None,
        "RATELIMIT_STORAGE_URI": _text(environ, "REDIS_URL", "") or "memory://",
        "LIVE_REDIS_PREFIX": _text(environ, "LIVE_REDIS_PREFIX", "quizapp") or "quizapp",
        # LMS launches (LTI 1.3) open quizapp in the LMS's iframe: the session cookie must then be
        # SameSite=None, which browsers take only with Secure, so this needs https.
        "LTI_IFRAME_COOKIES": _flag(environ, "LTI_IFRAME_COOKIES"),
        "MEDIA_STORE": _choice(environ, "MEDIA_STORE", MEDIA_STORES, "folder"),
        # Empty: instance/media (the factory fills it in, knowing the instance folder).
        "MEDIA_FOLDER": _text(environ, "MEDIA_FOLDER", ""),
    }


def check_settings(config: Mapping[str, Any]) -> None:
    """Refuse settings that would run the app differently from what the operator meant,
    whether they came from the environment or from the factory's ``test_config``."""
    for name, allowed in (
        ("TEACHER_SIGNUP", TEACHER_SIGNUP_POLICIES),
        ("PREFERRED_URL_SCHEME", URL_SCHEMES),
        ("MEDIA_STORE", MEDIA_STORES),
    ):
        if config[name] not in allowed:
            raise InvalidSetting(f"{name}={config[name]!r} is not one of: {', '.join(allowed)}.")
    if config.get("LTI_IFRAME_COOKIES") and config["PREFERRED_URL_SCHEME"] != "https":
        raise InvalidSetting(
            "LTI_IFRAME_COOKIES needs PREFERRED_URL_SCHEME=https: browsers refuse SameSite=None "
            "cookies that are not Secure."
        )
    if config["TEACHER_SIGNUP"] == "code" and not config["TEACHER_INVITE_CODE"]:
        raise InvalidSetting("TEACHER_SIGNUP='code' needs TEACHER_INVITE_CODE set.")
    for name in ("TRUSTED_PROXIES", "MAIL_PORT"):
        if isinstance(config[name], bool) or not isinstance(config[name], int):
            raise InvalidSetting(f"{name}={config[name]!r} is not a whole number.")
    _check_addresses(config)
    _check_rate_limits(config)
    unknown = set(config.get("MEDIA_TYPES", ())) - set(ALLOWED_MEDIA_TYPES)
    if unknown:
        # The checks read only these types from a file's content; SVG would carry script.
        raise InvalidSetting(
            f"MEDIA_TYPES has {', '.join(sorted(unknown))}: only "
            f"{', '.join(ALLOWED_MEDIA_TYPES)} can be checked and served."
        )


def _check_addresses(config: Mapping[str, Any]) -> None:
    base = urlsplit(config["BASE_URL"])
    if base.scheme not in URL_SCHEMES or not base.hostname or base.query or base.fragment:
        raise InvalidSetting(
            f"BASE_URL={config['BASE_URL']!r} is not an http:// or https:// address such as "
            "https://quiz.example.org (no query or fragment)."
        )
    if config["PREFERRED_URL_SCHEME"] == "https" and base.scheme != "https":
        raise InvalidSetting(
            f"BASE_URL={config['BASE_URL']!r} is http:// but PREFERRED_URL_SCHEME='https': links "
            "in mail and QR codes would leave https; give BASE_URL as https://…"
        )
    redis_url = config.get("REDIS_URL")
    if redis_url and urlsplit(redis_url).scheme not in REDIS_SCHEMES:
        raise InvalidSetting(
            f"REDIS_URL={redis_url!r} does not start with one of: "
            + ", ".join(f"{scheme}://" for scheme in REDIS_SCHEMES)
        )


def _check_rate_limits(config: Mapping[str, Any]) -> None:
    for name, value in config.items():
        if name.startswith("RATE_LIMIT_"):
            try:
                parse_many(value)
            except ValueError as error:
                raise InvalidSetting(f"{name}={value!r} is not a rate limit: {error}") from None


class Config:
    """Settings that do not come from the environment; each limit is named once here."""

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
    # Pictures and sound on items (core/media_files.py): what is accepted, named once. SVG is
    # not among the types: it can carry script. Pixels are checked before an image is decoded.
    MEDIA_TYPES = ALLOWED_MEDIA_TYPES
    MEDIA_MAX_BYTES = 5 * 1024 * 1024
    MEDIA_MAX_PIXELS = 25_000_000
    SQLITE_BUSY_TIMEOUT_MS = 5000
    HSTS_SECONDS = 365 * 24 * 3600
    PASSWORD_RESET_SECONDS = 3600
    # A roster's set-your-password mail may sit unread over a holiday.
    INVITATION_SECONDS = 14 * 24 * 3600
    # An email change waits for a click on the link mailed to the new address, this long.
    EMAIL_CHANGE_SECONDS = 24 * 3600

    # Sessions: "remember me" is opt-in, new at each login, and expires.
    REMEMBER_DAYS = 30
    REMEMBER_COOKIE = "quizapp_remember"

    # A dead Redis must cost a request milliseconds: connecting and each reply are bounded,
    # for the rate-limit counters and for live-game events alike.
    REDIS_TIMEOUT_SECONDS = 0.25

    # Rate limits (Flask-Limiter). Counters in Redis when REDIS_URL is set, else in memory
    # (one process only). Per address limits are generous: a class signs in behind one NAT.
    # Without Redis (an outage) the limiter counts in this process's memory and logs a
    # warning, rather than refusing every login: it fails open, never with a 500.
    RATELIMIT_KEY_PREFIX = "quizapp"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_STORAGE_OPTIONS = {
        "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
        "socket_timeout": REDIS_TIMEOUT_SECONDS,
    }
    RATE_LIMIT_LOGIN_PER_ADDRESS = "60 per minute"
    RATE_LIMIT_LOGIN_PER_ACCOUNT = "5 per minute; 20 per hour"
    RATE_LIMIT_SIGNUP_PER_ADDRESS = "10 per minute; 60 per hour"
    RATE_LIMIT_SIGNUP_PER_ACCOUNT = "3 per hour"
    RATE_LIMIT_RESET_PER_ADDRESS = "10 per minute; 30 per hour"
    RATE_LIMIT_RESET_PER_ACCOUNT = "3 per hour"
    RATE_LIMIT_JOIN_PER_ADDRESS = "60 per minute"
    RATE_LIMIT_JOIN_PER_ACCOUNT = "10 per minute"
    # Mails a signed-in user sends to an address they type (an email change's confirmation, or a
    # note to that address's owner): without a limit the account page mails anyone at will.
    RATE_LIMIT_EMAIL_CHANGE_PER_ADDRESS = "20 per hour"
    RATE_LIMIT_EMAIL_CHANGE_PER_ACCOUNT = "3 per hour; 10 per day"
    # Live games, per address only (guests have no account): only refused joins (a wrong or
    # expired PIN, a refused nickname) count, so a room of 300 behind one school address all
    # get in, while guessing PINs stops after a few dozen tries.
    RATE_LIMIT_LIVE_JOIN_PER_ADDRESS = "20 per minute; 100 per hour"
    # The JSON API, per token (calls without a token share their address's counter): a
    # script syncing a class reads a few pages a second; more is a loop gone wrong.
    RATE_LIMIT_API_PER_TOKEN = "300 per minute; 10000 per hour"

    @staticmethod
    def database_url(instance_path: str) -> str:
        url = os.environ.get("DATABASE_URL")
        if url:
            return normalise_database_url(url)
        return f"sqlite:///{Path(instance_path) / 'quizapp.sqlite'}"
