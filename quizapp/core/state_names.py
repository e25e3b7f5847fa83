"""Names of states in time: which of a country's names a sentence's years allow.

A country's long official name belongs to one state: "Russian Federation" exists from 1991, so
a sentence about "the war between Russia and the Ottoman Empire in the 1870s" must not accept
it for "Russia", and should accept "Russian Empire", the state of that time. The years come from
the sentence (a year, a decade, a century), else from the paragraph before it; a sentence with
no year keeps every name, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.core.lexicon import is_function_word

# Official names and the first year their state existed; the last year where it ended.
# A name of a state that ended (Persia) is dated by its end.
STATE_YEARS: dict[str, tuple[int | None, int | None]] = {
    "Russian Federation": (1991, None),
    "Federal Republic of Germany": (1949, None),
    "French Republic": (1870, None),
    "People's Republic of China": (1949, None),
    "Republic of Croatia": (1991, None),
    "Republic of Moldova": (1991, None),
    "Republic of Türkiye": (1923, None),
    "Türkiye": (1923, None),
    "Italian Republic": (1946, None),
    "Republic of Austria": (1918, None),
    "Republic of Poland": (1918, None),
    "Islamic Republic of Iran": (1979, None),
    "Persia": (None, 1935),
    "Arab Republic of Egypt": (1971, None),
    "Republic of India": (1950, None),
    "Socialist Republic of Viet Nam": (1976, None),
    "Kingdom of the Netherlands": (1815, None),
    "Hellenic Republic": (1974, None),
    "Republic of Serbia": (2006, None),
    "Republic of Bulgaria": (1990, None),
    "Slovak Republic": (1993, None),
    "Czechia": (1993, None),
    "Czech Republic": (1993, None),
    "United Mexican States": (1824, None),
    "Federative Republic of Brazil": (1889, None),
    "Kingdom of Belgium": (1830, None),
    "Portuguese Republic": (1910, None),
    "Republic of Finland": (1917, None),
    "Republic of Kazakhstan": (1991, None),
    "Islamic Republic of Pakistan": (1956, None),
    "State of Israel": (1948, None),
    "Syrian Arab Republic": (1961, None),
    "Republic of Iraq": (1958, None),
    "Kingdom of Saudi Arabia": (1932, None),
    "Argentine Republic": (1826, None),
    "Republic of Chile": (1818, None),
    "Republic of Peru": (1821, None),
    "Republic of Cuba": (1902, None),
    "Republic of Indonesia": (1945, None),
    "Kingdom of Thailand": (1939, None),
    "Republic of the Philippines": (1946, None),
    "Democratic People's Republic of Korea": (1948, None),
    "Republic of Korea": (1948, None),
    "United States of America": (1776, None),
    "United Kingdom of Great Britain and Northern Ireland": (1922, None),
    "Republic of Bosnia and Herzegovina": (1992, None),
}
# An official name the table does not date is taken as recent: refusing it in an old sentence
# costs a rare spelling, accepting it there would mark a false answer right.
UNDATED_OFFICIAL_SINCE = 1991
_OFFICIAL_WORDS = re.compile(r"\b(Republic|Kingdom|Federation|State|States|Confederation)\b")
# The state a country was at a time, accepted when every year the sentence names falls in it.
HISTORICAL_NAMES: dict[str, tuple[tuple[str, int, int], ...]] = {
    "Russia": (("Russian Empire", 1721, 1917),),
    "Germany": (("German Empire", 1871, 1918),),
    "Japan": (("Empire of Japan", 1868, 1947),),
    "Iran": (("Persia", 1501, 1935),),
    "Thailand": (("Siam", 1350, 1939),),
}

_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
_CENTURY = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))[\s-]+century\b",
    re.IGNORECASE,
)
_DECADE = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})’?'?s\b")
_YEAR = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})(?![\d,.]\d|['’]?s\b)(?:\s+(BC|BCE|[a-z]+))?")


# Deep time: "the collision of India with Asia raised the Himalayas" is about a landmass, not a
# state, and "Republic of India" is no answer there.
DEEP_TIME = re.compile(
    r"\b(?:million|billion) years\b|\bcontinents?\b|\bplates?\b|\bcollision\b|\bcollide",
    re.IGNORECASE,
)
BEFORE_ANY_STATE = (-(10**9), -(10**9))


def years_named(text: str) -> list[tuple[int, int]]:
    """The spans of years ``text`` names: "1870s" -> (1870, 1879), "in 1856" -> (1856, 1856),
    "the 19th century" -> (1801, 1900). A number before a noun ("1800 soldiers") is no year;
    geology's time ("million years", colliding continents) is before every state."""
    spans: list[tuple[int, int]] = [BEFORE_ANY_STATE] if DEEP_TIME.search(text) else []
    for match in _CENTURY.finditer(text):
        number = int(match.group(1)) if match.group(1) else _ORDINAL_WORDS[match.group(2).lower()]
        spans.append(((number - 1) * 100 + 1, number * 100))
    for match in _DECADE.finditer(text):
        start = int(match.group(1))
        spans.append((start, start + 9))
    for match in _YEAR.finditer(text):
        after = match.group(2) or ""
        if after in ("BC", "BCE"):
            spans.append((-int(match.group(1)), -int(match.group(1))))
        elif not after or is_function_word(after):
            spans.append((int(match.group(1)), int(match.group(1))))
    return spans


def _official_span(name: str) -> tuple[int | None, int | None] | None:
    if name in STATE_YEARS:
        return STATE_YEARS[name]
    if _OFFICIAL_WORDS.search(name):
        return (UNDATED_OFFICIAL_SINCE, None)
    return None


def allowed_at(name: str, years: Sequence[tuple[int, int]]) -> bool:
    """Whether the country name ``name`` fits every time span in ``years`` (always, with none)."""
    span = _official_span(name)
    if span is None or not years:
        return True
    since, until = span
    too_early = since is not None and any(end < since for _start, end in years)
    too_late = until is not None and any(start > until for start, _end in years)
    return not (too_early or too_late)


def historical_names(country: str, years: Sequence[tuple[int, int]]) -> list[str]:
    """The name of the state ``country`` was in every one of ``years`` ("Russian Empire" for
    Russia in the 1870s); none without years or when they straddle its end."""
    if not years:
        return []
    return [
        name
        for name, since, until in HISTORICAL_NAMES.get(country, ())
        if all(since <= start and end <= until for start, end in years)
    ]
