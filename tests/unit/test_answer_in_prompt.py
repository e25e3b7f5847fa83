"""No item whose answer stands in what the student sees (issue 22, labels of the second first
look: a count whose list follows, a word of the heading, a set phrase, an option in the prompt)."""

from __future__ import annotations

import pytest

from quizapp import ROOT
from quizapp.core.answer_targets import ArticleFacts, candidate_targets
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.answer_shown import shows_its_answer
from quizapp.core.item_forms.quantities import year_question
from quizapp.core.item_forms.terms import called_question
from quizapp.core.item_generation import generate_items
from quizapp.core.item_variants import false_statement
from quizapp.core.question_types import QuestionType
from quizapp.core.text_extraction import extract_article

COUNTED = [
    # danube: "two" counted by the two streams named after it
    "The river begins in south-western Germany, where two small streams, the Brigach and the "
    "Breg, join at Donaueschingen",
    # danube: three branches named after the count
    "Near the end of its course the river splits into three main branches, the Chilia, the "
    "Sulina and the St George, which form the Danube Delta",
    # red cross: a list after a colon, separated by semicolons
    "The movement has three parts: the International Committee of the Red Cross, which works in "
    "armed conflicts; the International Federation; and the national societies",
    # carbon pricing: two forms, then the two
    "Carbon pricing comes in two main forms, a carbon tax and an emissions trading system",
    # red cross: four conventions, then what they cover
    "After the Second World War, states adopted four conventions, covering the wounded on land, "
    "the wounded and shipwrecked at sea, prisoners of war and civilians",
]


@pytest.mark.parametrize("sentence", COUNTED)
def test_a_count_whose_list_follows_is_never_asked_nor_changed(sentence):
    facts = ArticleFacts.build("Rivers and Treaties", [sentence])
    targets = candidate_targets(sentence, (0, len(sentence)), facts)
    counts = {"two", "three", "four"}
    assert not counts & {t.text for t in targets}
    # A changed count would refute itself ("nine parts:" before a list of three).
    for seed in range(6):
        changed = false_statement(sentence, facts, seed=seed)
        assert changed is None or not any(
            word in changed.split() for word in ("five", "six", "seven", "eight", "nine", "ten")
        )


def test_a_count_with_no_list_after_it_is_still_asked():
    sentence = "The Danube flows through ten countries, more than any other river in the world"
    facts = ArticleFacts.build("The Danube", [sentence])
    assert "ten" in {t.text for t in candidate_targets(sentence, (0, len(sentence)), facts)}


def test_a_number_in_an_approximation_is_never_a_blank():
    """central bank: "often a year or _____" with two/four/six/eight was guessed, not known."""
    sentence = (
        "The full effect takes time, often a year or two, so central banks have to act on "
        "forecasts rather than on today's inflation alone"
    )
    facts = ArticleFacts.build("Central Bank Interest Rates", [sentence])
    assert "two" not in {t.text for t in candidate_targets(sentence, (0, len(sentence)), facts)}
    other = "Russia or two other states had to agree before the treaty could take effect"
    facts = ArticleFacts.build("Treaties", [other])
    assert "two" in {t.text for t in candidate_targets(other, (0, len(other)), facts)}


def _short(prompt: str, *accepted: str, key: str = "gen-howmany-x-1") -> QuestionDraft:
    return QuestionDraft(
        key=key,
        claim_key="x-1",
        type=QuestionType.SHORT_ANSWER,
        prompt=prompt,
        explanation="",
        accepted=list(accepted),
    )


def test_a_question_whose_heading_holds_its_answer_is_dropped():
    """photosynthesis: "How many linked stages …?" under the heading "The Two Stages"."""
    asked = _short("How many linked stages does photosynthesis run in?", "two", "2")
    assert shows_its_answer(asked, "The Two Stages")
    assert not shows_its_answer(asked, "Where It Happens")


def test_a_question_whose_prompt_holds_its_answer_or_option_is_dropped():
    # carbon pricing: "(EPA)" right after the blank named the agency.
    blank = _short(
        "Fill in the blank: Trading was run by _____ (EPA) from 1995.",
        "U.S. Environmental Protection Agency",
        "EPA",
    )
    assert shows_its_answer(blank)
    choice = QuestionDraft(
        key="gen-mc-x-1",
        claim_key="x-1",
        type=QuestionType.SINGLE_CHOICE,
        prompt="Which completes the sentence? “The Danube reaches the sea in _____, as Romania "
        "does not.”",
        explanation="",
        choices=[
            {"id": "a", "text": "Romania", "correct": True},
            {"id": "b", "text": "Ukraine", "correct": False},
        ],
    )
    assert shows_its_answer(choice)
    # The blank itself is no give-away, nor is a which-statement question quoting its options.
    assert not shows_its_answer(_short("Fill in the blank: _____ joined in 1991.", "Moldova"))
    said = _short("Which of these statements does the article make?", "x", key="gen-said-x-1")
    assert not shows_its_answer(said)


def test_generated_questions_never_show_their_answer():
    """The photosynthesis reading asked "How many linked stages …?" under "The Two Stages"."""
    path = ROOT / "seed" / "corpus" / "photosynthesis.txt"
    parsed = parse_article(extract_article(path.name, path.read_bytes()).text)
    topics = extract_topics(parsed)
    _cards, questions = generate_items(topics, parsed.title)
    heading = {c.key: t.title for t in topics for c in t.claims}
    assert not [q.key for q in questions if shows_its_answer(q, heading[q.claim_key])]


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        # plate tectonics: a "two" the verb pairs
        ("Mountain ranges rise where two continents collide and neither plate sinks", "four"),
        # james cook: a number inside a name
        ("He served in the Seven Years' War as a master on a ship of the line", "Eleven"),
        # plate tectonics: an approximation
        ("The crust is broken into seven or eight major plates and many smaller ones", "nine"),
    ],
)
def test_a_number_its_words_fix_is_never_asked_nor_changed(sentence, never):
    facts = ArticleFacts.build("Plates and Voyages", [sentence])
    targets = {t.text for t in candidate_targets(sentence, (0, len(sentence)), facts)}
    assert not {"two", "Seven", "seven", "eight"} & targets
    for seed in range(6):
        changed = false_statement(sentence, facts, seed=seed) or ""
        assert never not in changed
        assert not any(w in changed for w in ("Eight Years", "Nine Years", "three continents"))


@pytest.mark.parametrize(
    ("sentence", "refuting"),
    [
        (
            "The Danube flows for more than a kilometre through the gorge, but that long stretch "
            "is calm",
            "less than a kilometre",
        ),
        (
            "Firms know the price years ahead, so that firms can plan their investment",
            "cannot plan",
        ),
        (
            "The Dust Bowl was caused by a long drought falling on land that had been ploughed",
            "rising on land",
        ),
        ("Molten rock rises at the ridge and cools into new oceanic crust", "warms into"),
        (
            "Many families lost their land to the banks during the drought years",
            "gained their land",
        ),
        (
            "Many places still bear his name, among them Cook Strait and the Cook Islands",
            "no longer bear",
        ),
        ("For much of its lower course the river divides Romania from Bulgaria", "higher course"),
        (
            "Central banks also use forward guidance, telling the public how long rates are "
            "likely to stay where they are",
            "how short rates",
        ),
    ],
)
def test_false_statements_that_refute_themselves_are_not_made(sentence, refuting):
    facts = ArticleFacts.build("Rivers", [sentence])
    for seed in range(4):
        assert refuting not in (false_statement(sentence, facts, seed=seed) or "")


def test_sizes_the_sentence_sets_are_not_swapped():
    """plate tectonics: "seven or eight major plates and many bigger/larger ones"."""
    sentence = "The lithosphere is broken into seven or eight major plates and many smaller ones"
    facts = ArticleFacts.build("Plate Tectonics", [sentence])
    for seed in range(4):
        changed = false_statement(sentence, facts, seed=seed) or ""
        assert "larger ones" not in changed and "bigger ones" not in changed


def test_a_trend_is_still_turned_into_its_opposite():
    sentence = "Grain prices rose by a third between the two harvests"
    facts = ArticleFacts.build("Grain", [sentence])
    assert "fell by a third" in (false_statement(sentence, facts, seed=1) or "")


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        (
            "In 1768 Cook was given command of HMS Endeavour, a former Whitby collier.",
            "In which year was Cook given command of HMS Endeavour?",
        ),
        (
            "In 1935 Congress created the Soil Conservation Service, led by Hugh Hammond Bennett.",
            "In which year did Congress create the Soil Conservation Service?",
        ),
        (
            "On 24 June 1859 the armies of France and Sardinia fought the Austrian army near "
            "Solferino.",
            "In which year did the armies of France and Sardinia fight the Austrian army near "
            "Solferino?",
        ),
    ],
)
def test_a_dated_sentence_with_an_aside_is_asked_when(sentence, asked):
    """Forms beyond the blank: an appositive or participle after a comma no longer stops the
    when-question (those years were verbatim blanks before)."""
    found = year_question(sentence, {"Cook", "HMS Endeavour", "Congress", "France", "Sardinia"})
    assert found is not None and found.prompt == asked
    assert found.answer in sentence and len(found.answer) == 4


def test_a_list_after_the_comma_or_a_noun_read_as_a_verb_gets_no_when_question():
    listed = "In May 1934 a great storm carried dust as far as Chicago, New York and Boston."
    assert year_question(listed, {"Chicago", "New York", "Boston"}) is None
    misread = "In 2005 the states party to the Geneva Conventions adopted a third emblem."
    assert year_question(misread, {"Geneva Conventions"}) is None


def test_a_term_named_at_the_end_of_its_sentence_is_asked_as_a_term():
    """Forms beyond the blank: "…, a risk known as carbon leakage" was a verbatim blank on
    "production"; it is now asked as the term its clause describes."""
    found = called_question(
        "A price in one country can push production to countries without one, a risk known as "
        "carbon leakage"
    )
    assert found is not None and found.answer == "carbon leakage"
    assert found.prompt == (
        "A price in one country can push production to countries without one. "
        "What is this risk known as?"
    )
    ring = called_question(
        "Most of the world's active volcanoes lie along the edges of the Pacific Ocean, a belt "
        "known as the Ring of Fire"
    )
    assert ring is not None and ring.answer == "the Ring of Fire"
    # A date's name is no term of the clause before ("14 April 1935, known as Black Sunday").
    assert called_question("The worst day came on 14 April 1935, known as Black Sunday") is None


def test_a_term_question_drops_the_link_to_the_sentence_before():
    ring = called_question(
        "As a result, most of the world's active volcanoes lie along the edges of the Pacific "
        "Ocean, a belt known as the Ring of Fire"
    )
    assert ring is not None and ring.prompt.startswith("Most of the world's active volcanoes")
