"""Figures and short dates in the page's language: English as the pages always wrote them,
other languages as Babel (CLDR) writes them, in the viewer's zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from quizapp.locale_formats import day_month
from quizapp.template_helpers import out_of, percent


@pytest.mark.parametrize(
    ("language", "share", "marks"),
    [
        ("en", "87.7 %", "3.5 / 5"),
        ("ru", "87,7\xa0%", "3,5 / 5"),
        ("zh", "87.7%", "3.5 / 5"),
    ],
)
def test_percentages_and_marks_follow_the_page_language(app, language, share, marks):
    with app.test_request_context(headers={"Accept-Language": language}):
        assert percent(0.8766, 1, fraction=True) == share
        assert out_of(3.5, 5) == marks
        assert percent(None) == "—"  # no figure is no figure in every language


def test_outside_a_request_the_figures_are_english():
    assert percent(84.5) == "84 %" and out_of(2 / 3, 1) == "0.67 / 1"


def test_a_day_and_month_in_the_page_language_and_the_viewers_zone(app):
    late_evening_utc = datetime(2026, 3, 7, 23, 30)  # stored naive UTC
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert day_month(late_evening_utc) == "7 мар."  # a visitor's zone is UTC
    with app.test_request_context(headers={"Accept-Language": "zh"}):
        assert day_month(late_evening_utc) == "3月7日"
    with app.test_request_context():
        assert day_month(late_evening_utc) == "Mar 7" and day_month(None) == ""
