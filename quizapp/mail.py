"""Sending mail through the SMTP server the environment names; with none, the message goes to
the server log, so a fresh install (and `make run`) still shows a reset link.

Mail leaves from a background thread, never inside the request: a slow relay would otherwise
make a reset (or a sign-up) for an existing account answer later than one for an unknown
email, and the timing would tell which accounts exist.
"""

from __future__ import annotations

import logging
import os
import smtplib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from email.message import EmailMessage
from typing import Any

from flask import current_app
from flask_babel import force_locale

log = logging.getLogger("quizapp.mail")
SMTP_TIMEOUT_SECONDS = 10

_outbox: ThreadPoolExecutor | None = None
_outbox_pid = 0
_outbox_lock = threading.Lock()


def _sender() -> ThreadPoolExecutor:
    """One mail thread per process, made on first use (a thread does not survive a fork, so
    each gunicorn worker starts its own)."""
    global _outbox, _outbox_pid
    with _outbox_lock:
        if _outbox is None or _outbox_pid != os.getpid():
            _outbox = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quizapp-mail")
            _outbox_pid = os.getpid()
        return _outbox


def send_mail(to: str, subject: str, body: str) -> Future:
    """Queue a plain-text message to ``to`` and return at once; an unreachable server is
    logged, not raised, so a page never tells whether a mail was sent (or to whom)."""
    config = current_app.config
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config["MAIL_SENDER"], to, subject
    message.set_content(body)
    settings = {name: config[name] for name in config if name.startswith("MAIL_")}
    return _sender().submit(_deliver, settings, message)


def in_language_of(language: str | None) -> AbstractContextManager:
    """Where a mail to an account is written: in the language the account chose, else in the
    page's (the request's) language. ``with in_language_of(user.language): send_mail(...)``"""
    return force_locale(language) if language else nullcontext()


def flush(timeout: float = 30.0) -> None:
    """Wait until every mail queued so far in this process has been handed over (or failed):
    for tests and for commands that exit right after sending."""
    _sender().submit(lambda: None).result(timeout=timeout)


def _deliver(config: dict[str, Any], message: EmailMessage) -> None:
    to = message["To"]
    if not config["MAIL_SERVER"]:
        log.warning("No MAIL_SERVER set; the mail to %s would say:\n%s", to, message.get_content())
        return
    try:
        with smtplib.SMTP(
            config["MAIL_SERVER"], config["MAIL_PORT"], timeout=SMTP_TIMEOUT_SECONDS
        ) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("Could not send the mail to %s through %s", to, config["MAIL_SERVER"])
