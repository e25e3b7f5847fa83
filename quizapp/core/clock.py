"""Moments in time as the app stores and computes them.

The database keeps naive UTC datetimes (SQLite has no time zones, and PostgreSQL columns are
``timestamp without time zone``); fsrs and the retention figures want aware ones. These are the
only conversions between the two.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, as stored: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def aware(moment: datetime) -> datetime:
    """A stored (naive UTC) datetime as an aware one; an aware one is returned as it is."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def naive(moment: datetime) -> datetime:
    """An aware datetime as stored: converted to UTC, the zone dropped."""
    return moment.astimezone(UTC).replace(tzinfo=None)
