"""The tables the tz database ships beside its zones: which zones each country uses
(``zone.tab``) and which names are only links to another zone (``tzdata.zi``'s ``L`` lines).

Read from the ``tzdata`` package, else from the system's zoneinfo directories; with neither, the
tables are empty and callers fall back to the names ``zoneinfo`` knows.
"""

from __future__ import annotations

import importlib.resources
import zoneinfo
from functools import cache
from pathlib import Path


def _table_text(name: str) -> str:
    try:
        return importlib.resources.files("tzdata.zoneinfo").joinpath(name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / name
        if path.is_file():
            return path.read_text("utf-8")
    return ""


@cache
def zone_tab_names() -> frozenset[str]:
    """The zone names of ``zone.tab`` (country code, coordinates, zone, comment per line)."""
    rows = (line.split("\t") for line in _table_text("zone.tab").splitlines())
    return frozenset(row[2] for row in rows if len(row) >= 3 and not row[0].startswith("#"))


@cache
def zone_links() -> dict[str, str]:
    """Each link name and the zone it points to (``W-SU`` → ``Europe/Moscow``)."""
    links = {}
    for line in _table_text("tzdata.zi").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "L":
            links[parts[2]] = parts[1]
    return links
