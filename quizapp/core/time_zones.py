"""IANA time zones (standard library ``zoneinfo`` with the ``tzdata`` package): times are stored
as naive UTC and shown, or typed, in the user's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from quizapp.core.clock import naive

DEFAULT_ZONE = "UTC"


@cache
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones()) | {DEFAULT_ZONE}


def zone_or_default(name: str | None) -> str:
    """``name`` when it is an IANA zone, else UTC (a browser may send anything)."""
    return name if name and name in known_zones() else DEFAULT_ZONE


def to_local(moment: datetime, zone: str) -> datetime:
    """A stored (naive UTC) time as wall-clock time in ``zone`` (aware)."""
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone_or_default(zone)))


def to_utc(wall_clock: datetime, zone: str) -> datetime:
    """A time typed in ``zone`` (naive) as the naive UTC the database stores."""
    return naive(wall_clock.replace(tzinfo=ZoneInfo(zone_or_default(zone))))
