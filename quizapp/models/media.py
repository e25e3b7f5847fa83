"""Pictures and sound: one row per distinct file (by content hash), and its bytes when the
deployment keeps them in the database."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.core.clock import utcnow
from quizapp.extensions import db


class MediaFile(db.Model):
    """A stored file, once per content: the same picture uploaded twice is one row.

    Rows are never deleted (items, exports and old results may name them), so an item's
    reference by id stays good for as long as the item.
    """

    __tablename__ = "media_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)
    mime_type: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    width: Mapped[int | None]
    height: Mapped[int | None]
    original_name: Mapped[str] = mapped_column(sa.String(255))
    uploader_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MediaBlob(db.Model):
    """A file's bytes, for ``MEDIA_STORE=database``: every app server reads the same database,
    so a file uploaded through one is served by all without a shared disk or a new service."""

    __tablename__ = "media_blob"
    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
