"""Login sessions: "remember me" tokens and ending every session of an account.

A remember token is new at each login, expires, and stops working when the account's session
generation moves on (logout, password change). Only a hash of its secret half is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import RememberToken, User


def _digest(validator: str) -> str:
    return hashlib.sha256(validator.encode()).hexdigest()


def issue_remember_token(session: Session, user: User, now: datetime, days: int) -> str:
    """A new token for ``user``, valid ``days``; returns the cookie value ``selector:validator``."""
    selector, validator = secrets.token_urlsafe(12), secrets.token_urlsafe(32)
    # Expired tokens of the account go as a new one comes, so the table does not grow forever.
    session.execute(
        sa.delete(RememberToken).where(
            RememberToken.user_id == user.id, RememberToken.expires_at <= now
        )
    )
    session.add(
        RememberToken(
            user_id=user.id,
            selector=selector,
            validator_hash=_digest(validator),
            session_generation=user.session_generation,
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
    )
    return f"{selector}:{validator}"


def user_for_remember_token(session: Session, cookie: str, now: datetime) -> User | None:
    """The account a remember cookie stands for, or None when it is unknown, forged, expired,
    or from an earlier session generation."""
    selector, _, validator = cookie.partition(":")
    if not selector or not validator or len(selector) > 32:
        return None
    token = session.scalar(sa.select(RememberToken).where(RememberToken.selector == selector))
    if token is None or not hmac.compare_digest(token.validator_hash, _digest(validator)):
        return None
    user = session.get(User, token.user_id)
    if token.expires_at <= now or user is None:
        return None
    if token.session_generation != user.session_generation:
        return None
    return user


def end_all_sessions(session: Session, user: User) -> None:
    """Every session and remember token of ``user`` stops working (on every device)."""
    user.end_all_sessions()
    session.execute(sa.delete(RememberToken).where(RememberToken.user_id == user.id))
