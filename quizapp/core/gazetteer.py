"""Countries: which names are countries, their other names, and plausible neighbours.

ISO names and codes come from ``pycountry``. Two small tables add what it lacks: the everyday
names it does not know ("Russia" for "Russian Federation", "Britain"), and for each part of the
world a few countries a student would find plausible as wrong options, so a distractor for
"Sweden" is "Denmark", not "Paraguay".
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from quizapp.core.capitals import CAPITALS

EVERYDAY_NAMES = {
    "Russia": "RU",
    "Britain": "GB",
    "Great Britain": "GB",
    "Turkey": "TR",
    "America": "US",
    "Holland": "NL",
    "the Netherlands": "NL",
    "Burma": "MM",
    "Persia": "IR",
    "Ivory Coast": "CI",
    "Czech Republic": "CZ",
    "Vietnam": "VN",
    "Syria": "SY",
    "Iran": "IR",
    "Laos": "LA",
    "South Korea": "KR",
    "North Korea": "KP",
    "Taiwan": "TW",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Moldova": "MD",
}
REGIONS = {
    "Europe": "Austria Belgium Denmark Finland France Germany Greece Hungary Ireland Italy "
    "Netherlands Norway Poland Portugal Romania Spain Sweden Switzerland Ukraine Britain Russia",
    "Asia": "China India Indonesia Iran Iraq Israel Japan Kazakhstan Mongolia Pakistan Russia "
    "Saudi-Arabia Thailand Turkey Vietnam North-Korea South-Korea Syria Jordan Lebanon",
    "Africa": "Algeria Egypt Ethiopia Ghana Kenya Libya Morocco Nigeria Sudan Tunisia "
    "South-Africa Tanzania",
    "Americas": "Argentina Brazil Canada Chile Colombia Cuba Mexico Peru United-States Venezuela",
    "Oceania": "Australia New-Zealand Fiji Papua-New-Guinea",
}


def country_code(name: str) -> str | None:
    """The ISO code of a country named ``name`` ("Russia" -> "RU"), or None."""
    if name in EVERYDAY_NAMES:
        return EVERYDAY_NAMES[name]
    if len(name) <= 3 and name.isupper():
        return None  # "UN", "ATP": initialisms are not looked up as ISO codes
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


@lru_cache(maxsize=1024)
def country_names(name: str) -> frozenset[str]:
    """Every name of the country ``name`` (ISO name, common and official name, everyday names);
    empty when ``name`` is no country."""
    code = country_code(name)
    if code is None:
        return frozenset()
    country = pycountry.countries.get(alpha_2=code)
    names = {name} | {n for n, c in EVERYDAY_NAMES.items() if c == code}
    names |= {getattr(country, a, None) for a in ("name", "common_name", "official_name")}
    return frozenset(n for n in names if n and "," not in n)


def _region_names(region: str) -> list[str]:
    return [n.replace("-", " ") for n in REGIONS[region].split()]


def neighbours(name: str) -> list[str]:
    """Countries of the same part of the world as ``name``, in table order; empty if unknown."""
    code = country_code(name)
    found: list[str] = []
    for region in REGIONS:
        names = _region_names(region)
        if code and any(country_code(n) == code for n in names):
            found += [n for n in names if country_code(n) != code and n not in found]
    return found


def capital_of(name: str) -> str | None:
    """The capital of the country ``name`` ("North Korea" -> "Pyongyang"), or None."""
    code = country_code(name)
    return CAPITALS.get(code) if code else None
