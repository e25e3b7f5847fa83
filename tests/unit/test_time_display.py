"""A time's parts, named by a strftime pattern, written as each language writes them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel import Locale

from quizapp.time_display import localized


def test_the_pattern_names_the_parts_the_language_orders_them():
    moment = datetime(2030, 1, 31, 18, 5, tzinfo=ZoneInfo("Europe/Paris"))
    shown = localized(moment, "%d %b %Y, %H:%M %Z", Locale("ru"))
    assert shown == "31 янв. 2030\u202fг., 18:05 CET"
    assert localized(moment, "%d %b %Y", Locale("zh")) == "2030年1月31日"
    assert localized(moment, "%d %b", Locale("ar")) == "31 يناير"
    assert localized(moment, "%a %d %b %Y", Locale("ru")) == "чт, 31 янв. 2030\u202fг."
    assert localized(moment, "%H:%M", Locale("zh")) == "18:05"
