"""The JSON API's own records: personal access tokens and the idempotency keys of writes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.core.clock import utcnow
from quizapp.extensions import db
from quizapp.models.accounts import User


class TokenScope(StrEnum):
    READ = "read"  # GET only
    WRITE = "write"  # GET and the writes (a review's rating)


class ApiToken(db.Model):
    """A personal access token: its owner acts through the API with their own permissions.

    Only the sha256 of the secret is stored (the secret is 32 random bytes, so a fast hash is
    enough: there is nothing to guess); ``prefix``, the secret's first characters, is what the
    account page shows to tell tokens apart. A revoked token stays listed, never works again.
    """

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    prefix: Mapped[str] = mapped_column(sa.String(16))
    secret_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    scope: Mapped[str] = mapped_column(sa.String(8), default=TokenScope.READ)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE


class IdempotencyKey(db.Model):
    """A write sent with an ``Idempotency-Key`` header, and the answer it got: the same key
    sent again by the same user gets that answer back and writes nothing (a retried post
    counts once). The unique constraint settles two copies that arrive at once."""

    __tablename__ = "idempotency_key"
    __table_args__ = (sa.UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(255))
    request_hash: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[int]
    body: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
