"""Shared column helpers."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Timezone-aware now; stored as naive UTC by SQLite, as timestamptz-free UTC on PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)
