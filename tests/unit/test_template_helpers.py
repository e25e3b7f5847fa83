"""The figures and words the templates share: one way to show a percentage, a plural, a score."""

from __future__ import annotations

from jinja2 import Environment

from quizapp.template_helpers import counted, out_of, percent, plural


def test_percent_rounds_like_the_pages_did():
    assert percent(84.5) == "84 %"  # Python's rounding, as Jinja's round filter
    assert percent(85.5) == "86 %"
    assert percent(0.857, fraction=True) == "86 %"
    assert percent(0.9, 1, fraction=True) == "90.0 %"
    assert percent(0.8766, 1, fraction=True) == "87.7 %"


def test_percent_of_nothing_says_so():
    assert percent(None) == "—"
    assert percent(None, 1, fraction=True, empty="–") == "–"
    assert percent(0) == "0 %"


def test_plural_and_counted():
    assert plural(1, "question") == "question"
    assert plural(0, "question") == "questions"
    assert plural(None, "attempt") == "attempts"  # "unlimited attempts"
    assert plural(2, "quiz", "quizzes") == "quizzes"
    assert counted(1, "day") == "1 day"
    assert counted(3, "day") == "3 days"


def test_out_of_keeps_two_decimals_at_most():
    assert out_of(3.5, 5.0) == "3.5 / 5"
    assert out_of(2 / 3, 1) == "0.67 / 1"
    assert out_of(0, 4) == "0 / 4"


def test_percent_shows_what_the_old_template_expressions_showed():
    old = Environment().from_string(
        "{{ (v * 100)|round|int }} %|{{ (v * 100)|round(1) }} %|{{ '%g'|format(v|round(2)) }}"
    )
    for step in range(0, 1001, 7):
        v = step / 1000
        whole, one_decimal, score = old.render(v=v).split("|")
        assert percent(v, fraction=True) == whole
        assert percent(v, 1, fraction=True) == one_decimal
        assert out_of(v, 1) == f"{score} / 1"
