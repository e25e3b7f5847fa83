"""Marks and percentages in the page's language: English as the pages always wrote them, other
languages as Babel (CLDR) writes them."""

from __future__ import annotations

import pytest

from quizapp.template_helpers import out_of, percent


@pytest.mark.parametrize(
    ("language", "share", "marks"),
    [
        ("en", "87.7 %", "3.5 / 5"),
        ("ru", "87,7\xa0%", "3,5 / 5"),
        ("zh", "87.7%", "3.5 / 5"),
    ],
)
def test_marks_and_percentages_follow_the_page_language(app, language, share, marks):
    with app.test_request_context(headers={"Accept-Language": language}):
        assert out_of(3.5, 5) == marks
        assert percent(0.8766, 1, fraction=True) == share


def test_outside_a_request_marks_are_english():
    assert out_of(2 / 3, 1) == "0.67 / 1" and out_of(2, 3) == "2 / 3"
