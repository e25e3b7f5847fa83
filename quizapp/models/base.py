"""Shared column helpers."""

from __future__ import annotations

from datetime import UTC, datetime

# Ids are 32-bit integer columns (PostgreSQL's integer); a larger number names nothing, and
# SQLite's driver would overflow on it.
MAX_ID = 2**31 - 1


def utcnow() -> datetime:
    """Timezone-aware now; stored as naive UTC by SQLite, as timestamptz-free UTC on PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)
