"""Issue 22, point 3: numbers, dates and terms asked on the rephrased clause, not as a sentence
with a hole (the second pass on forms beyond the blank)."""

from __future__ import annotations

from quizapp.core.item_forms.quantities import century_question, count_question, year_question


def test_a_date_inside_the_clause_is_taken_out_and_the_clause_turned_round():
    asked = year_question(
        "Marie Curie died in 1934 of aplastic anaemia, which was probably caused by her long "
        "exposure to radiation.",
        {"Marie Curie"},
    )
    assert asked is not None
    assert asked.prompt == "In which year did Marie Curie die of aplastic anaemia?"
    assert asked.answer == "1934"
    opened = year_question(
        "The canal opened on 17 November 1869 with a lavish ceremony attended by Empress "
        "Eugénie of France.",
        set(),
    )
    assert opened is not None
    assert opened.prompt == (
        "In which year did the canal open with a lavish ceremony attended by Empress Eugénie "
        "of France?"
    )


def test_an_age_aside_is_dropped_from_a_year_question():
    met = year_question(
        "In 1833, at the age of 17, Ada met the inventor Charles Babbage at a party in London.",
        {"Ada", "Charles Babbage", "London"},
    )
    assert met is not None
    assert (
        met.prompt
        == "In which year did Ada meet the inventor Charles Babbage at a party in London?"
    )
    died = year_question("Ada Lovelace died of cancer in 1852, at the age of 36.", {"Ada Lovelace"})
    assert died is not None and died.prompt == "In which year did Ada Lovelace die of cancer?"


def test_the_year_a_person_was_born_is_asked_without_the_rest_of_the_sentence():
    born = year_question(
        "Marie Curie was born Maria Skłodowska in Warsaw on 7 November 1867, when the city was "
        "part of the Russian Empire.",
        {"Marie Curie", "Warsaw"},
    )
    assert born is not None
    assert (born.prompt, born.answer) == ("In which year was Marie Curie born?", "1867")


def test_a_date_in_a_clause_of_its_own_is_not_the_main_verbs():
    # The year belongs to the café's opening, not to the volunteers' hours.
    assert (
        year_question("The volunteers repaired bikes in the café that opened in 2024 daily.", set())
        is None
    )
    assert year_question("The town built a hall founded in 1850 by monks.", set()) is None


def test_a_century_is_asked_as_which_century():
    asked = century_question("The league lost its power slowly during the 16th century.", set())
    assert asked is not None
    assert (asked.prompt, asked.answer) == (
        "In which century did the league lose its power slowly?",
        "16th",
    )


def test_a_count_with_a_thousands_comma_and_an_aside_is_asked():
    asked = count_question(
        "Volunteers gave 5,800 hours, mainly to homework help and the repair café that opened "
        "in March 2024.",
        set(),
    )
    assert asked is not None
    assert (asked.prompt, asked.answer) == ("How many hours did volunteers give?", "5,800")


def test_a_sum_in_millions_is_asked_as_how_many():
    asked = count_question("The library spent 2.3 million dollars in 2024.", set())
    assert asked is not None
    assert (asked.prompt, asked.answer) == (
        "How many dollars did the library spend in 2024?",
        "2.3 million",
    )


def test_a_share_of_a_whole_is_asked_as_what_percentage():
    asked = count_question(
        "Nectar is about 80 percent water; bees fan their wings over open cells until the water "
        "content falls to about 18 percent.",
        set(),
    )
    assert asked is not None
    assert (asked.prompt, asked.answer) == ("About what percentage of nectar is water?", "80")


LIBRARY = """Library Report
Spending
The library spent 2.3 million dollars in 2024. The library opened a branch in 2024.
"""


def _questions(text: str):
    from quizapp.core.article_parser import parse_article
    from quizapp.core.claims import extract_topics
    from quizapp.core.item_generation import generate_items

    parsed = parse_article(text)
    return generate_items(extract_topics(parsed), parsed.title)[1]


def test_no_question_of_a_claim_holds_the_key_of_another():
    # "In which year did the library spend 2.3 million dollars?" and "How many dollars did the
    # library spend in 2024?" (or its blank) would each give the other away.
    mine = [q for q in _questions(LIBRARY) if q.claim_key.endswith("-1")]
    assert [q.prompt for q in mine][0] == "In which year did the library spend 2.3 million dollars?"
    keys = {q.key.split("-")[1] for q in mine}
    assert "howmany" not in keys and "fill" not in keys and "mc" not in keys
