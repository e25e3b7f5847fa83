"""Personal access tokens for the JSON API: made, listed, revoked, and checked on each call.

A token is ``qz_`` and 43 URL-safe characters (32 random bytes); the database keeps its sha256
and its first characters (the prefix the account page shows). Never commits.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.clock import utcnow
from quizapp.core.translatable import N_
from quizapp.models import ApiToken, TokenScope, User
from quizapp.services.errors import AccountError, NotFound

TOKEN_MARK = "qz_"
PREFIX_LENGTH = len(TOKEN_MARK) + 6
MAX_TOKENS = 20  # live tokens per account: enough for every script, not a store of secrets
# last_used_at is written at most this often, so a busy script does not write on every read.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(session: Session, user: User, name: str, scope: str) -> NewToken:
    """A new token for ``user``; the secret is in the result only."""
    name = " ".join((name or "").split())
    if not name or len(name) > 80:
        raise AccountError(N_("Give the token a name of 1 to 80 characters."))
    if scope not in set(TokenScope):
        raise AccountError(N_("Choose the scope read or write."))
    live = session.scalar(
        sa.select(sa.func.count(ApiToken.id)).where(
            ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)
        )
    )
    if (live or 0) >= MAX_TOKENS:
        raise AccountError(f"You have {MAX_TOKENS} tokens; revoke one before making another.")
    secret = TOKEN_MARK + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        secret_hash=secret_hash(secret),
        scope=scope,
    )
    session.add(token)
    session.flush()
    return NewToken(token, secret)


def user_tokens(session: Session, user_id: int) -> list[ApiToken]:
    """The user's tokens, newest first, revoked ones included (marked)."""
    return list(
        session.scalars(
            sa.select(ApiToken)
            .where(ApiToken.user_id == user_id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(session: Session, user_id: int, token_id: int) -> ApiToken:
    """Revoke one of the user's tokens (another user's is :class:`NotFound`); idempotent."""
    token = session.scalar(
        sa.select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id)
    )
    if token is None:
        raise NotFound(N_("There is no such token."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    return token


def revoke_all_tokens(session: Session, user: User) -> int:
    """Revoke every live token of ``user`` (a new password: whoever had the old one may have
    made tokens); how many were live."""
    result = session.execute(
        sa.update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return result.rowcount or 0


def token_for_secret(session: Session, secret: str, now: datetime) -> ApiToken | None:
    """The live token whose secret this is (its owner loaded), or None; notes the use."""
    if not secret.startswith(TOKEN_MARK) or len(secret) > 100:
        return None
    token = session.scalar(
        sa.select(ApiToken).where(
            ApiToken.secret_hash == secret_hash(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        token.last_used_at = now
    return token
