"""A country's names follow the sentence's time (issue 22: "Russian Federation" was accepted
for Russia in a sentence about the 1870s, the one wrong item of the second first look)."""

from __future__ import annotations

import pytest

from quizapp.core.aliases import AnswerContext, answer_set
from quizapp.core.state_names import allowed_at, historical_names, years_named

RED_CROSS = (
    "Fill in the blank: During the war between _____ and the Ottoman Empire in the 1870s, the "
    "Ottoman Empire used a red crescent in place of the cross."
)


def test_no_modern_official_name_for_a_country_in_the_1870s():
    accepted = answer_set(["Russia"], kind="entity", prompt=RED_CROSS)
    assert "Russian Federation" not in accepted
    assert "Russian Empire" in accepted


def test_a_noun_slot_takes_no_adjective():
    """ "between Russian and the Ottoman Empire" is no sentence: the adjective is refused."""
    assert "Russian" not in answer_set(["Russia"], kind="entity", prompt=RED_CROSS)
    subject = "Fill in the blank: In 2014 _____ annexed Crimea."
    assert "Russian" not in answer_set(["Russia"], kind="entity", prompt=subject)
    before_noun = "Fill in the blank: The _____ government signed the treaty."
    assert "Russian" in answer_set(["Russia"], kind="entity", prompt=before_noun)


def test_a_modern_sentence_keeps_the_official_name_and_no_historical_one():
    accepted = answer_set(["Russia"], kind="entity", prompt="In 2014 _____ annexed Crimea.")
    assert "Russian Federation" in accepted
    assert "Russian Empire" not in accepted


def test_the_paragraph_before_dates_a_sentence_with_no_year():
    text = "Intro.\n\nIn the 1850s the war began. Later Russia joined it.\n\nIn 2005 more."
    accepted = answer_set(
        ["Russia"],
        AnswerContext.of_text(text),
        kind="entity",
        prompt="Fill in the blank: Later _____ joined it.",
        quote="Later Russia joined it",
    )
    assert "Russian Federation" not in accepted


def test_an_undated_sentence_keeps_every_name():
    assert "Russian Federation" in answer_set(["Russia"], kind="entity", prompt="_____ grew.")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("in the 1870s", [(1870, 1879)]),
        ("in 1856 the treaty", [(1856, 1856)]),
        ("the 19th century", [(1801, 1900)]),
        ("the nineteenth-century war", [(1801, 1900)]),
        ("1800 soldiers and 2,850 km", []),
        ("founded in 218 BC", []),
    ],
)
def test_years_named(text, spans):
    assert years_named(text) == spans


def test_dated_names():
    # Persia is Iran's name of an earlier time; an untabled official name is taken as recent.
    assert not allowed_at("Persia", [(2010, 2010)])
    assert allowed_at("Persia", [(1900, 1900)])
    assert not allowed_at("Republic of Somewhere", [(1950, 1950)])
    assert historical_names("Germany", [(1900, 1900)]) == ["German Empire"]
    # Straddling the end of the empire: not sure, so no historical name.
    assert historical_names("Russia", [(1910, 1919)]) == []


def test_a_landmass_in_geology_takes_no_state_name():
    """plate tectonics: "the collision of India with Asia raised the Himalayas" is about a
    landmass; "Republic of India" would be accepted for something the article does not say."""
    prompt = (
        "Fill in the blank: Where two continents collide, the crust crumples; the collision of "
        "_____ with Asia raised the Himalayas."
    )
    assert "Republic of India" not in answer_set(["India"], kind="entity", prompt=prompt)
    assert "Republic of India" in answer_set(["India"], kind="entity", prompt="_____ voted.")
