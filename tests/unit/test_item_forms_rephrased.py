"""Issue 22, point 3: numbers, dates and terms asked on the rephrased clause, not as a sentence
with a hole (the second pass on forms beyond the blank)."""

from __future__ import annotations

from quizapp.core.item_forms.quantities import century_question, count_question, year_question
from quizapp.core.question_types import QuestionType


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


def test_a_term_named_in_passing_is_asked_by_what_the_sentence_says_of_it():
    from quizapp.core.item_forms.terms import called_question

    ships = called_question(
        "Ships called cogs carried bulk goods that were cheap by weight but needed in large "
        "amounts."
    )
    assert ships is not None
    assert ships.prompt == (
        "Ships carried bulk goods that were cheap by weight but needed in large amounts. "
        "What were these ships called?"
    )
    assert ships.answer == "cogs"
    structures = called_question(
        "In plants, photosynthesis takes place mainly in the leaves, inside small structures "
        "called chloroplasts."
    )
    assert structures is not None and structures.prompt.endswith(
        "What are these structures called?"
    )


def test_a_name_that_may_belong_to_either_of_two_nouns_is_not_asked():
    from quizapp.core.item_forms.terms import called_question

    # The pores are called stomata, not the leaves: "What are these leaves called?" is wrong.
    assert (
        called_question(
            "Plants release water vapour through small pores in their leaves called stomata."
        )
        is None
    )
    assert (
        called_question("Each chloroplast contains stacks of membranes called thylakoids.") is None
    )
    # Two names in one sentence: which one is asked would be unclear.
    assert (
        called_question(
            "Babbage designed a calculator called the Difference Engine and a machine called "
            "the Analytical Engine."
        )
        is None
    )


def test_a_change_is_asked_by_how_much_or_to_what():
    grew = count_question("Loans of e-books and audiobooks grew by 27 percent to 61,000.", set())
    assert grew is not None
    assert (grew.prompt, grew.answer) == (
        "By what percentage did loans of e-books and audiobooks grow?",
        "27",
    )
    rose = count_question("Registered members rose to 12,400, of whom 3,100 were children.", set())
    assert rose is not None
    assert (rose.prompt, rose.answer) == ("To what number did registered members rise?", "12,400")


def test_a_count_in_the_subject_is_asked_as_how_many():
    deaths = count_question(
        "Only six deaths were recorded, although historians believe the true number was higher.",
        set(),
    )
    assert deaths is not None
    assert (deaths.prompt, deaths.answer) == ("How many deaths were recorded?", "six")


def test_only_the_first_part_of_the_clause_must_hold_a_single_number():
    loans = count_question(
        "Printed books accounted for 148,000 loans, a fall of 4 percent on the previous year.",
        set(),
    )
    assert loans is not None
    assert (loans.prompt, loans.answer) == (
        "How many loans did printed books account for?",
        "148,000",
    )


def test_a_plural_noun_before_the_verb_is_part_of_the_subject():
    costs = count_question(
        "Staff costs took 1.5 million dollars, new materials 420,000 dollars and building costs "
        "the rest.",
        set(),
    )
    assert costs is not None
    assert costs.prompt == "How many dollars did staff costs take?"


def test_a_bound_on_a_count_is_kept_in_the_question():
    sun = count_question(
        "Most vegetables need at least six hours of direct sun a day, so pick the sunniest spot.",
        set(),
    )
    assert sun is not None
    assert sun.prompt == "At least how many hours of direct sun a day do most vegetables need?"
    fruits = count_question(
        "A single courgette plant can yield more than twenty fruits in a summer.", set()
    )
    assert fruits is not None
    assert (
        fruits.prompt == "More than how many fruits can a single courgette plant yield in a summer?"
    )


def test_a_year_given_in_an_aside_about_a_name_is_asked_of_that_name():
    from quizapp.core.item_forms.asides import aside_year_question

    founded = aside_year_question(
        "Lübeck, founded in 1143 and refounded in 1159, became its leading city."
    )
    assert founded is not None
    assert (founded.prompt, founded.answer) == ("In which year was Lübeck founded?", "1143")
    diet = aside_year_question(
        "Delegates met in an assembly called the Hanseatic Diet, first held in Lübeck in 1356."
    )
    assert diet is not None
    assert diet.prompt == "In which year was the Hanseatic Diet first held in Lübeck?"
    who = aside_year_question(
        "The modern project was promoted by the French diplomat Ferdinand de Lesseps, who "
        "obtained a concession from the Egyptian viceroy Said Pasha in 1854."
    )
    assert who is not None
    assert who.prompt == (
        "In which year did Ferdinand de Lesseps obtain a concession from the Egyptian viceroy "
        "Said Pasha?"
    )


def test_an_aside_about_a_common_noun_is_not_asked():
    from quizapp.core.item_forms.asides import aside_year_question

    # "his professorship" is no name: "In which year was his professorship held?" says little.
    assert aside_year_question("Marie took over his professorship, held in Paris in 1906.") is None


def test_what_singles_a_thing_out_is_asked():
    from quizapp.core.item_forms.identity import (
        country_question,
        kind_question,
        superlative_question,
    )

    canal = country_question(
        "The Suez Canal is an artificial sea-level waterway in Egypt that connects the "
        "Mediterranean Sea with the Red Sea.",
        {"Suez Canal", "Egypt"},
    )
    assert canal is not None
    assert (canal.prompt, canal.answer) == ("In which country is the Suez Canal?", "Egypt")
    pest = superlative_question(
        "Slugs are the most common pest of young plants; check for them in the evening.", set()
    )
    assert pest is not None
    assert (pest.prompt, pest.answer) == ("What are the most common pest of young plants?", "slugs")
    enzyme = kind_question(
        "House bees add the enzyme invertase, which splits the sucrose in nectar.", set()
    )
    assert enzyme is not None
    assert (enzyme.prompt, enzyme.answer) == ("Which enzyme do house bees add?", "invertase")


def test_a_place_that_is_no_country_or_a_common_word_is_not_asked_that_way():
    from quizapp.core.item_forms.identity import country_question, kind_question

    # "Pudding Lane" is no country: "In which country …?" would be wrong.
    assert country_question("The Monument is a column in Pudding Lane.", set()) is None
    # "the physicist Pierre Curie" is a name, and "the old church" no rare term.
    assert kind_question("The town kept the old church.", set()) is None


def test_a_name_with_had_before_a_persons_verb_is_asked_who():
    from quizapp.core.item_forms.roles import role_question

    asked = role_question(
        "Babbage had designed a mechanical calculator called the Difference Engine.", {"Babbage"}
    )
    assert asked is not None
    assert asked.prompt == "Who had designed a mechanical calculator called the Difference Engine?"


def test_a_colon_ends_the_statement_a_year_question_turns_round():
    asked = year_question(
        "In 1898 the couple announced two new elements: polonium, named after her native "
        "Poland, and radium.",
        set(),
    )
    assert asked is not None
    assert asked.prompt == "In which year did the couple announce two new elements?"


HANSE = """The League
Decline
The league lost its power slowly during the 16th century.
Loans of cloth grew by 27 percent to 61,000.
"""


def test_a_century_or_a_percentage_is_right_as_the_question_words_it():
    from quizapp.core.grading import GradingKey, grade_answer

    asked = {q.prompt: q for q in _questions(HANSE)}
    century = asked["In which century did the league lose its power slowly?"]
    key = GradingKey(QuestionType.SHORT_ANSWER, accepted=tuple(century.accepted))
    for answer in ("16th", "the 16th century", "sixteenth", "Sixteenth century"):
        assert grade_answer(key, answer).correct, answer
    share = asked["By what percentage did loans of cloth grow?"]
    key = GradingKey(QuestionType.SHORT_ANSWER, accepted=tuple(share.accepted))
    for answer in ("27", "27 percent", "27%"):
        assert grade_answer(key, answer).correct, answer


def test_the_one_thing_a_superlative_picks_out_is_asked_by_its_kind():
    from quizapp.core.item_forms.identity import superlative_first_question

    month = superlative_first_question(
        "The busiest month was July, when the summer reading challenge drew 1,450 young readers.",
        set(),
    )
    assert month is not None
    assert (month.prompt, month.answer) == ("Which month was the busiest?", "July")


def test_a_year_of_the_second_thing_a_name_did_is_asked_of_that_thing():
    from quizapp.core.item_forms.asides import aside_year_question

    shared = aside_year_question(
        "The Austrian scientist Karl von Frisch decoded this dance and shared the Nobel Prize in "
        "Physiology or Medicine in 1973."
    )
    assert shared is not None
    assert shared.prompt == (
        "In which year did Karl von Frisch share the Nobel Prize in Physiology or Medicine?"
    )


def test_a_span_of_days_is_taken_out_whole():
    swept = year_question(
        "The fire swept through the central parts of the city from Sunday 2 September to "
        "Thursday 6 September 1666.",
        set(),
    )
    assert swept is not None
    assert swept.prompt == "In which year did the fire sweep through the central parts of the city?"
