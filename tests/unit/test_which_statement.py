"""Issue 22: "Which of these statements does the article make?" with wrong options a teacher
keeps. Each case is a fault reviewers found at first look on the unseen-3 and unseen-4
readings, in a sentence written in the same shape (no sentence of those readings).

1. Changes a strict checker refuses, and the ones it keeps.
2. Statements that cannot stand among options without the sentence before.
3. How many options, and no question without two clean ones.
4. The whole generator: every which-statement question an article gets.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quizapp.core.answer_targets import ArticleFacts
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_forms.which_statement import (
    Bounds,
    Statement,
    bounds_of,
    change_of,
    clean_change,
    clean_false_form,
    option_pool,
    stands_as_option,
    wrong_options,
)
from quizapp.core.item_generation import generate_items
from quizapp.core.item_variants import false_statement
from quizapp.core.sentences import with_stop

# --- 1. changes the checker refuses ----------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "changed"),
    [
        # "divided Mr into four zones": an honorific taken for a name
        (
            "After the war the Allies divided Bavaria into three zones",
            "After the war the Allies divided Mr into three zones",
        ),
        # "Norway's Arctic coast", "the islands of northern Denmark": false by any atlas
        (
            "The railway runs along Chile's Pacific coast to the border",
            "The railway runs along Peru's Pacific coast to the border",
        ),
        (
            "The strait runs through the islands of northern Canada",
            "The strait runs through the islands of northern Denmark",
        ),
        # "divided Austria into four zones": a country swapped may be true in the world
        (
            "After the war the victors divided Germany into four zones",
            "After the war the victors divided Austria into four zones",
        ),
        # "no shorter respond", "stay in hospital shorter", "can last shorter"
        (
            "Some moulds no longer respond to the drugs used against them",
            "Some moulds no shorter respond to the drugs used against them",
        ),
        (
            "Patients stay in hospital longer, and care costs more",
            "Patients stay in hospital shorter, and care costs more",
        ),
        # "the short-serving leader": a compound turned round
        (
            "In May the long-serving mayor was forced to resign",
            "In May the short-serving mayor was forced to resign",
        ),
        # "At least 100 people were killed", which "at least 140" makes true
        (
            "At least 80 miners were killed in the collapse",
            "At least 50 miners were killed in the collapse",
        ),
        (
            "More than 300 towns had a press by 1500",
            "More than 200 towns had a press by 1500",
        ),
        # "Vaccines … increase the number of infections": a cause turned round is absurd
        (
            "Clean wells reduce the number of infections",
            "Clean wells increase the number of infections",
        ),
        # "tear down Berlin Wall!": nothing inside a quotation changes
        (
            'The mayor called on the king: "Open the gates of Lisbon!"',
            'The mayor called on the king: "Open the gates of Porto!"',
        ),
        # "so high in water that bacteria and moulds cannot grow": the result refutes the cause
        (
            "Dried fruit is so low in water that moulds cannot grow on it",
            "Dried fruit is so high in water that moulds cannot grow on it",
        ),
        # "rich country, weak army"
        (
            'Under the slogan "strong navy, rich ports", the city built ships',
            'Under the slogan "weak navy, rich ports", the city built ships',
        ),
    ],
)
def test_a_change_reviewers_refused_is_no_option(statement, changed):
    assert not clean_change(statement, changed)


TAY_BRIDGE = bounds_of({"1871", "1880", "bridg"})


@pytest.mark.parametrize(
    ("statement", "changed"),
    [
        # "In 2001 Hungary opened its border" under "The Berlin Wall, 1961 to 1990"
        ("In 1878 the bridge was opened to trains", "In 1890 the bridge was opened to trains"),
        # "In August 1956 … climb the Wall": before the title's first year
        ("In June 1879 a storm shook the piers", "In June 1866 a storm shook the piers"),
        # "the 56 years in which it divided the city": the title counts the years
        (
            "Only the piers remain, a memorial to the 9 years it stood",
            "Only the piers remain, a memorial to the 4 years it stood",
        ),
    ],
)
def test_a_number_the_title_rules_out_is_no_option(statement, changed):
    assert not clean_change(statement, changed, TAY_BRIDGE)


def test_a_year_inside_the_title_span_is_an_option():
    assert clean_change(
        "In 1878 the bridge was opened to trains",
        "In 1874 the bridge was opened to trains",
        TAY_BRIDGE,
    )


def test_a_number_a_heading_states_is_no_option():
    # "the eleven former Soviet republics" under the heading "Two Rivers, Five States"
    bounds = Bounds(heading_numbers=frozenset({"two", "five"}))
    assert not clean_change(
        "The five states share the river", "The eight states share the river", bounds
    )
    assert clean_change(
        "The canal is 300 kilometres long", "The canal is 450 kilometres long", bounds
    )


@pytest.mark.parametrize(
    ("statement", "changed"),
    [
        # years and counts reviewers found fair: "In 1946 two German states", "ten sectors"
        ("In 1928 a doctor noticed the mould", "In 1935 a doctor noticed the mould"),
        ("The city was split into four sectors", "The city was split into ten sectors"),
        # opposites reviewers found fair: "came slowly", "a small committee", "inside"
        ("The reforms that came next spread quickly", "The reforms that came next spread slowly"),
        ("A small committee runs the fund", "A large committee runs the fund"),
        (
            "Ports outside the union may trade as guests",
            "Ports inside the union may trade as guests",
        ),
        ("Bees drink nectar with a long tongue", "Bees drink nectar with a short tongue"),
        # a person's name for another person's of as many words
        (
            "The first press in the city was set up by Anna Weber",
            "The first press in the city was set up by Clara Roth",
        ),
    ],
)
def test_a_clean_change_is_an_option(statement, changed):
    assert clean_change(statement, changed)


def test_the_change_is_found_as_whole_words():
    change = change_of("It was split into four sectors", "It was split into fourteen sectors")
    assert (change.old, change.new) == ("four", "fourteen")


# --- 2. statements that cannot stand among options -------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        # "Mikhail Gorbachev, who had become its leader": "its" points outside the sentence
        "Lech Walesa, who had become its leader in 1980, led the strikes",
        # "Now and then one helps a bacterium survive"
        "Now and then one helps a cell survive the poison",
        # "Some live freely in soil or water"
        "Some live freely in ponds, as many algae do",
        # "This brief describes the main forum …": about the text, not the subject
        "This report describes the main body for cooperation in the region",
        # "In 2013 China, India … were added" (as observers, said the sentence before)
        "In 2010 Chile and Peru were added",
        # "In 1866 the two domains formed a secret alliance"
        "In 1860 the two clans formed a secret pact",
        # "The Council was designed …" fine, but "A treaty … went further" leans back
        "In 1858 a second treaty went further",
    ],
)
def test_a_statement_that_leans_on_another_is_no_option(statement):
    assert not stands_as_option(statement, "")


@pytest.mark.parametrize(
    "statement",
    [
        "In 1989 Austria opened its border with Hungary",  # "its": the country
        "Within a year of the drug coming into use, doctors found germs that it could not kill",
        "Some sectors were closed to traffic",  # "Some" counts a noun
        "The bridge was one of the longest in the world",
    ],
)
def test_a_statement_that_stands_alone_is_an_option(statement):
    assert stands_as_option(statement, "")


def test_a_pronoun_replaced_by_a_common_noun_is_no_option():
    # "It is the bacteria that become resistant" shown as "Antibiotic resistance is the bacteria"
    sentence = "It is the fungus that becomes immune, not the tree."
    assert not stands_as_option("Fungal immunity is the fungus that becomes immune", sentence)
    # "It gives each coastal state …" shown as "Rights to the seabed gives …"
    sentence = "It gives each port a zone of 12 miles."
    assert not stands_as_option(
        "Rights to the harbour gives each port a zone of 12 miles", sentence
    )


def test_a_pronoun_replaced_by_a_name_or_a_full_noun_is_an_option():
    assert stands_as_option(
        "The Nordic Council was established in 1952", "It was established in 1952."
    )
    assert stands_as_option(
        "Karl Weber decoded the round dance in 1950", "Karl Weber decoded this dance in 1950."
    )
    assert stands_as_option(
        "Many of the moulds are harmless", "However, many of the moulds are harmless."
    )


def test_a_quoted_sentence_takes_no_second_stop():
    assert with_stop('He declared, "I am a Londoner."') == 'He declared, "I am a Londoner."'
    assert with_stop("The gates opened") == "The gates opened."


# --- 3. how many options ---------------------------------------------------------------------

SENTENCES = [
    "In 1878 the bridge was opened to trains",
    "At least 60 men were injured while building it",
    "After the war the victors divided Germany into zones",
    "Patients stayed in hospital longer",
]


def _pool(sentences: list[str]) -> list[tuple[int, str]]:
    facts = ArticleFacts.build("The Bridge", sentences)
    statements = [Statement(i, s, s + ".") for i, s in enumerate(sentences)]
    return option_pool(statements, facts, Bounds())


def test_two_wrong_options_a_question():
    pool = [(1, "A."), (2, "B."), (3, "C.")]
    chosen = wrong_options("Key.", pool, own_sentence=0, seed=0, used=Counter())
    assert chosen is not None and len(chosen) == 2


def test_no_question_without_two_clean_options():
    pool = _pool(SENTENCES)
    # the year moves cleanly; the bound, the country swap and "shorter" are refused
    assert [at for at, _ in pool] == [0]
    assert (
        wrong_options("The bridge was long.", pool, own_sentence=0, seed=0, used=Counter()) is None
    )


def test_an_option_is_not_drawn_from_the_key_s_sentence_nor_used_past_its_limit():
    pool = [(0, "Own."), (1, "A."), (2, "B.")]
    used: Counter = Counter()
    assert sorted(wrong_options("Key.", pool, own_sentence=0, seed=3, used=used)) == ["A.", "B."]
    for _ in range(3):
        wrong_options("Key.", pool, own_sentence=0, seed=0, used=used)
    assert wrong_options("Key.", pool, own_sentence=0, seed=0, used=used) is None


# --- 4. the whole generator -----------------------------------------------------------------

WALL = (
    "The Harbour Wall, 1871 to 1899\n\n"
    "The harbour of Leith was rebuilt after a winter storm. In 1871 the council voted to build "
    "a sea wall. The wall was finished in 1874 and was nine metres high. At least 60 men were "
    "injured while building it. In 1880 the council added a lighthouse at the end of the wall. "
    "The lighthouse was lit by gas until 1895. Fishing boats used the harbour through the "
    "winter. Merchants paid a fee for every ship that docked. The fees paid for the upkeep of "
    'the wall. In 1899 the wall was rebuilt in concrete. Mr. Grant, the engineer, said: "This '
    'wall will stand for a hundred years." The wall still protects the harbour today. Visitors '
    "walk along it in summer.\n"
)


def test_every_which_statement_question_has_three_clean_choices():
    parsed = parse_article(WALL)
    _, questions = generate_items(extract_topics(parsed), parsed.title)
    said = [q for q in questions if q.key.startswith("gen-said-")]
    assert said
    for question in said:
        texts = [c["text"] for c in question.choices]
        assert len(texts) == 3
        assert sum(c["correct"] for c in question.choices) == 1
        for text in texts:
            assert "At least" not in text or "At least 60" in text
            # the title's "1871 to 1899" rules out every year outside it
            assert all(1871 <= int(year) <= 1899 for year in re.findall(r"\b1\d{3}\b", text))
            assert "Mr into" not in text


def test_a_moved_year_stays_near_the_article_s():
    # "Kennedy … in 1979" (1963) is false by general knowledge; the nearest clean year is kept
    sentence = "In 1963 the president visited the city and gave a speech"
    facts = ArticleFacts.build("The Visit", [sentence])
    changed = clean_false_form(sentence, facts, seed=0, bounds=Bounds())
    assert changed is not None
    assert abs(int(re.search(r"\b1\d{3}\b", changed).group()) - 1963) <= 4


def test_a_time_that_leans_on_the_sentence_before_is_no_option():
    # "Late that night the guards … opened the gates"
    assert not stands_as_option("Late that night the soldiers opened the doors", "")


def test_no_true_false_statement_moves_a_number_under_a_bound():
    # "less than 1 percent" made "less than 2 percent", keyed False though the article's
    # figure makes it true: a bounded number is never the change of any false form.
    statement = (
        "Less than 1 percent of rare earths are currently recycled, mostly because the metals "
        "are used in small amounts"
    )
    facts = ArticleFacts.build("Rare Earths", [statement, "Mining began in 1927."])
    for seed in range(12):
        changed = false_statement(statement, facts, seed)
        assert changed is None or "Less than 1 percent" in changed
