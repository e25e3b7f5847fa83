"""Writes sent with an ``Idempotency-Key``: the first is done and its answer kept; the same
key again (a retry after a lost answer) gets that answer back and does nothing. Never commits:
:func:`claim` takes the key before the write, :func:`settle` keeps the answer after it, and
the caller commits them together, so either both are kept or neither is; the unique
(user, key) constraint refuses a twin that raced it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import IdempotencyKey
from quizapp.services.errors import DomainError

MAX_KEY_LENGTH = 255


class KeyReused(DomainError):
    status = 422


def request_hash(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def replay(session: Session, user_id: int, key: str, digest: str) -> IdempotencyKey | None:
    """The answer kept for this user's key, or None if the key is new. The key with another
    request is :class:`KeyReused` (422): doing it would count the first write twice."""
    stored = session.scalar(
        sa.select(IdempotencyKey).where(
            IdempotencyKey.user_id == user_id, IdempotencyKey.key == key
        )
    )
    if stored is not None and stored.request_hash != digest:
        raise KeyReused("This Idempotency-Key was used for another request; use a new key.")
    return stored


def claim(session: Session, user_id: int, key: str, digest: str) -> IdempotencyKey:
    """Take the key for this request before its write, flushed: a twin that raced past
    :func:`replay` fails here on the unique constraint (``IntegrityError``) and writes nothing.
    The write that follows shares the claim's transaction, so a refusal undoes both (on
    PostgreSQL a card rating alone would commit by itself, ``rating_writes``)."""
    row = IdempotencyKey(user_id=user_id, key=key, request_hash=digest, status=0, body={})
    session.add(row)
    session.flush()
    return row


def settle(row: IdempotencyKey, status: int, body: dict[str, Any]) -> None:
    """Keep the answer the claimed request got, for its retries."""
    row.status, row.body = status, body
