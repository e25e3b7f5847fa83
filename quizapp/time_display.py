"""Times shown in the viewer's time zone and language, over naive-UTC stored times (the
templates' ``local`` and ``when`` filters, registered by ``quizapp.template_helpers``).

Callers keep writing a ``strftime`` pattern (``local('%d %b %Y')``): it says which parts of the
time to show. In English the pattern is followed to the letter (as before the interface had
languages); in another language the same parts are laid out as that language writes them, by
Babel's CLDR data in Flask-Babel's locale ("5 янв. 2030 г.", "2030年1月5日").
"""

from __future__ import annotations

import re
from datetime import date, datetime

from babel import Locale
from babel.dates import format_skeleton
from flask import has_request_context
from flask_babel import get_locale
from flask_login import current_user

from quizapp.core.time_zones import DEFAULT_ZONE, to_local

DEFAULT_PATTERN = "%d %b %Y, %H:%M"
# strftime directives and the CLDR skeleton letters of the same part of a time.
_SKELETON = {"a": "EEE", "A": "EEEE", "d": "d", "e": "d", "b": "MMM", "B": "MMMM", "m": "M",
             "Y": "y", "y": "yy", "H": "H", "I": "h", "M": "m", "p": "a", "S": "s"}  # fmt: skip
_TIME_LETTERS = set("HhmsaS")
_DIRECTIVE = re.compile(r"%(.)")


def viewer_zone() -> str:
    """The signed-in user's zone; UTC for visitors."""
    return current_user.time_zone if current_user.is_authenticated else DEFAULT_ZONE


def _viewer_locale() -> Locale | None:
    """The page's language when it is not English (None: follow the pattern as written)."""
    if not has_request_context():
        return None
    locale = get_locale()
    return None if locale is None or locale.language == "en" else locale


def _skeletons(pattern: str) -> tuple[str, str, bool]:
    """The date skeleton, the time skeleton and whether the zone is asked for in ``pattern``."""
    letters = [_SKELETON[d] for d in _DIRECTIVE.findall(pattern) if d in _SKELETON]
    date = "".join(s for s in letters if s[0] not in _TIME_LETTERS)
    time = "".join(s for s in letters if s[0] in _TIME_LETTERS)
    return date, time, "%Z" in pattern


def localized(moment: datetime, pattern: str, locale: Locale) -> str:
    """``moment`` (already in the viewer's zone) with the parts ``pattern`` names, written as
    ``locale`` writes a date and a time."""
    date_skeleton, time_skeleton, zone = _skeletons(pattern)
    date = format_skeleton(date_skeleton, moment, locale=locale) if date_skeleton else ""
    time = format_skeleton(time_skeleton, moment, locale=locale) if time_skeleton else ""
    if date and time:
        shown = str(locale.datetime_formats["medium"]).replace("{1}", date).replace("{0}", time)
    else:
        shown = date or time
    return f"{shown} {moment.strftime('%Z')}".rstrip() if zone else shown


def local(moment: datetime | None, pattern: str = DEFAULT_PATTERN) -> str:
    """A stored time formatted in the viewer's zone and language ("" for none)."""
    if not moment:
        return ""
    shown = to_local(moment, viewer_zone())
    locale = _viewer_locale()
    return localized(shown, pattern, locale) if locale else shown.strftime(pattern)


def when(moment: datetime | None) -> str:
    """A stored time as "31 Jan 2030, 18:00 CET" in the viewer's zone and language."""
    return local(moment, "%d %b %Y, %H:%M %Z") if moment else ""


def day_label(day: date | None, pattern: str = "%Y-%m-%d") -> str:
    """A calendar day (no zone to convert: it is the viewer's day already) in the viewer's
    language; in English the pattern as written (ISO by default)."""
    if not day:
        return ""
    locale = _viewer_locale()
    if locale is None:
        return day.strftime(pattern)
    moment = datetime(day.year, day.month, day.day)
    return localized(moment, pattern, locale)
