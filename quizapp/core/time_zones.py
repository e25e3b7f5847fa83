"""IANA time zones (standard library ``zoneinfo`` with the ``tzdata`` package): times are stored
as naive UTC and shown, or typed, in the user's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, available_timezones

from quizapp.core.clock import naive
from quizapp.core.zone_table import zone_links, zone_tab_names

DEFAULT_ZONE = "UTC"
# Zones a person may choose: one or more per country (tzdata's ``zone.tab``), and UTC. Not the
# 599 names ``available_timezones`` knows, most of which are old aliases (W-SU, Zulu, US/Pacific)
# or technical ones (Etc/GMT+5, localtime) that no one looks for.
ZONE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
# The zones that keep UTC's clock all year, whatever their name.
_UTC_ZONES = frozenset({"Etc/UTC", "Etc/GMT"})


@cache
def known_zones() -> frozenset[str]:
    """Every zone the clock can convert to (aliases included): what a stored zone may be."""
    return frozenset(available_timezones()) | {DEFAULT_ZONE}


@cache
def choosable_zones() -> frozenset[str]:
    """The canonical zones a person picks from, each ``Area/Location`` of a known area, and UTC."""
    names = {name for name in zone_tab_names() if name.split("/", 1)[0] in ZONE_AREAS}
    return frozenset(names & known_zones()) | {DEFAULT_ZONE}


def canonical_zone(name: str) -> str | None:
    """``name`` as a choosable zone: itself, or the zone an old alias now points to
    (``US/Eastern`` → ``America/New_York``, ``Zulu`` → ``UTC``); None when it has no such zone
    (``Etc/GMT+5``)."""
    if name in choosable_zones():
        return name
    target = zone_links().get(name, name)
    if target in _UTC_ZONES:
        return DEFAULT_ZONE
    return target if target in choosable_zones() else None


def zone_groups() -> dict[str, list[str]]:
    """The choosable zones by area, each area's zones sorted: ``{"Africa": [...], ...}``."""
    groups: dict[str, list[str]] = {DEFAULT_ZONE: [DEFAULT_ZONE]}
    for name in sorted(choosable_zones() - {DEFAULT_ZONE}):
        groups.setdefault(name.split("/", 1)[0], []).append(name)
    return groups


def zone_label(name: str) -> str:
    """What a person reads for a zone: the place first, so typing a city's first letters in the
    list finds it, then the area, which a closed list shows nowhere else:
    ``Argentina / Buenos Aires (America)``."""
    if "/" not in name:
        return name
    area, place = name.split("/", 1)
    return f"{place.replace('_', ' ').replace('/', ' / ')} ({area})"


def zone_or_default(name: str | None) -> str:
    """``name`` when it is an IANA zone, else UTC (a browser may send anything)."""
    return name if name and name in known_zones() else DEFAULT_ZONE


def to_local(moment: datetime, zone: str) -> datetime:
    """A stored (naive UTC) time as wall-clock time in ``zone`` (aware)."""
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone_or_default(zone)))


def to_utc(wall_clock: datetime, zone: str) -> datetime:
    """A time typed in ``zone`` (naive) as the naive UTC the database stores."""
    return naive(wall_clock.replace(tzinfo=ZoneInfo(zone_or_default(zone))))


def _offset_minutes(moment: datetime, zone: ZoneInfo) -> int:
    return int(moment.replace(tzinfo=UTC).astimezone(zone).utcoffset().total_seconds() // 60)


@lru_cache(maxsize=1024)  # keyed by day: a bounded cache, not one that grows for good
def offset_spans(zone: str, start: datetime, end: datetime) -> tuple[tuple[datetime, int], ...]:
    """``zone``'s UTC offset in minutes from ``start`` to ``end`` (naive UTC) as (from, offset)
    pairs: the first from ``start``, each holding until the next pair's moment (a daylight
    saving change, found to the second).

    So a database can put stored times on the learner's calendar with a few ``CASE`` branches
    instead of a row per stretch of time for Python to convert. Looked for day by day: a zone
    that changed its offset and back within one day would be missed (none does). Callers pass
    whole days, so each (zone, day) is worked out once per process.
    """
    tz = ZoneInfo(zone_or_default(zone))
    spans = [(start, _offset_minutes(start, tz))]
    day = start
    while day < end:
        following = min(day + timedelta(days=1), end)
        if _offset_minutes(following, tz) != spans[-1][1]:
            before, after = 0, int((following - day).total_seconds())
            while after - before > 1:  # the first second of the new offset
                middle = (before + after) // 2
                if _offset_minutes(day + timedelta(seconds=middle), tz) == spans[-1][1]:
                    before = middle
                else:
                    after = middle
            moment = day + timedelta(seconds=after)
            spans.append((moment, _offset_minutes(moment, tz)))
        day = following
    return tuple(spans)
