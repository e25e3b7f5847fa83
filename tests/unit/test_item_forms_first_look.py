"""Faults that teachers found at first look on the rebuilt generator (issue 22), each named
after the item that showed it."""

from __future__ import annotations

from quizapp.core.item_forms.quantities import year_question

COOK = {"Cook", "Royal Society", "Venus", "Sun", "Tahiti", "England", "HMS Endeavour"}


def test_a_when_question_refuses_a_year_that_dates_an_infinitive_of_its_own():
    # 1769 is the year of the transit of Venus; the voyage was planned (and sailed) earlier.
    assert (
        year_question(
            "The voyage was planned with the Royal Society to observe the transit of Venus "
            "across the Sun from Tahiti in June 1769.",
            COOK,
        )
        is None
    )


def test_a_when_question_is_not_asked_of_an_event_that_happens_more_than_once():
    # Cook returned to England after his first voyage (1771) and again after his second (1775).
    assert year_question("Cook returned to England in 1771.", COOK) is None


def test_a_when_question_still_asks_the_main_verbs_own_year():
    asked = year_question("Cook's third voyage began in 1776.", COOK)
    assert asked is not None
    assert asked.answer == "1776"
