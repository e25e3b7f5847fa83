"""Figures and short dates in the page's language (Flask-Babel's locale and the viewer's zone).

English keeps the forms the pages have always shown ("85 %"); other languages get their own
(ru "85 %", zh "85%", ar "85‎%‎"), with the same rounding, done before formatting.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_skeleton
from babel.numbers import format_decimal, parse_pattern
from flask import has_request_context
from flask_babel import get_locale, to_user_timezone


def _page_locale():
    """The request's locale; None outside a request or for English (the source language)."""
    if not has_request_context():
        return None
    locale = get_locale()
    return None if locale is None or locale.language == "en" else locale


def percent_text(shown: float, digits: int) -> str:
    """An already rounded percentage (0-100) with ``digits`` decimals, as the page's language
    writes it."""
    locale = _page_locale()
    if locale is None:
        return f"{shown} %"
    pattern = parse_pattern(locale.percent_formats[None].pattern)
    pattern.frac_prec = (digits, digits)
    return pattern.apply(shown / 100, locale)


def marks_text(score: float, max_score: float) -> str:
    """A score over its maximum, "3.5 / 5" (at most two decimals, no trailing zeros), with the
    page's language's decimal sign ("3,5 / 5" in Russian)."""
    locale = _page_locale()
    if locale is None:
        return f"{round(score, 2):g} / {max_score:g}"
    shown = format_decimal(round(score, 2), format="0.##", locale=locale)
    return f"{shown} / {format_decimal(max_score, format='0.##', locale=locale)}"


def day_month(moment: datetime | None) -> str:
    """A stored (naive UTC) time as its day and month in the viewer's zone and language: "Mar 7",
    "7 мар.", "3月7日"; "" for none."""
    if moment is None:
        return ""
    locale = get_locale() if has_request_context() else None
    return format_skeleton("MMMd", to_user_timezone(moment), locale=locale or "en")
