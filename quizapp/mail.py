"""Sending mail through the SMTP server the environment names; with none, the message goes to
the server log, so a fresh install (and `make run`) still shows a reset link."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger("quizapp.mail")


def send_mail(to: str, subject: str, body: str) -> None:
    """Send a plain-text message to ``to``; an unreachable server is logged, not raised, so a
    page never tells whether a mail was sent (or to whom)."""
    config = current_app.config
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config["MAIL_SENDER"], to, subject
    message.set_content(body)
    if not config["MAIL_SERVER"]:
        log.warning("No MAIL_SERVER set; the mail to %s would say:\n%s", to, body)
        return
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("Could not send the mail to %s through %s", to, config["MAIL_SERVER"])
