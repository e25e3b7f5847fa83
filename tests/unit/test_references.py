"""Claims that lean on the sentence before: each failure case the first-look labels of issue 22
found, and what the generator now shows instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_context import without_context
from quizapp.core.item_forms.recall import recall_card
from quizapp.core.item_generation import generate_items
from quizapp.core.references import leans_back, standalone
from quizapp.core.text_extraction import extract_article


@pytest.mark.parametrize(
    "sentence",
    [
        "Two years later he passed the examination for master",  # a relative time
        "On this voyage Cook tested the chronometer",  # a demonstrative
        "Other central banks began such purchases in 2009",  # "such"
        "As a result, lower demand eases the pressure on prices",  # a binding connective
        "The answer came from the ocean floor",  # a definite that only the one before explains
        "The most important was quantitative easing",
        "All of them follow the same seven principles",  # a plural pronoun
        "For much of its lower course it then divides into channels",
        "Many places bear his name",  # a possessive with no one named
        "NASA named the Space Shuttle Endeavour after his first ship",  # a name, not a person
        "New tractors made this possible",
    ],
)
def test_a_sentence_that_points_back_is_found(sentence):
    assert leans_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ship struck the Great Barrier Reef in 1770",  # a definite the reading makes unique
        "The Danube passes through ten countries and its banks hold four capitals",
        "Henry Dunant saw the battle and it shocked him",
        "Pharaohs dug channels linking the Nile to the Red Sea, but these silted up",
        "The idea of a canal across the isthmus is ancient",
        "There were many droughts in the 1930s",
    ],
)
def test_a_sentence_that_stands_alone_is_left_alone(sentence):
    assert leans_back(sentence) is None


def test_an_adding_connective_is_dropped():
    assert standalone("However, the Danube remains vital for shipping", []).text == (
        "The Danube remains vital for shipping"
    )


def test_this_voyage_is_named_by_the_heading():
    found = standalone("On this voyage Cook tested the chronometer", [], "The Second Voyage")
    assert found.text == "On the second voyage Cook tested the chronometer"
    assert not found.leans_back


def test_a_definite_is_named_by_the_fuller_phrase_before():
    earlier = ["Geologists accepted the theory of plate tectonics in the 1960s."]
    found = standalone("The theory explains why earthquakes cluster", earlier)
    assert found.text == "The theory of plate tectonics explains why earthquakes cluster"


def test_they_and_it_take_the_subject_before_when_it_agrees():
    plates = standalone("They move a few centimetres a year", ["The plates float on the mantle."])
    assert plates.text == "The plates move a few centimetres a year"
    movement = standalone(
        "It grew from the work of a small committee",
        ["The International Red Cross and Red Crescent Movement is a network of societies."],
    )
    assert movement.text.startswith("The International Red Cross and Red Crescent Movement grew")
    # A bare one-word name is too often not what "It" stands for: a context line instead.
    city = standalone("It was founded in 1863", ["Geneva hosts many bodies."])
    assert city.text.startswith("It ") and city.context == "Geneva hosts many bodies."


def test_the_context_line_reaches_back_past_a_sentence_that_points_back_too():
    earlier = ["The Fed cut rates to zero in 2008.", "It then needed other tools."]
    found = standalone("The most important was quantitative easing", earlier)
    assert found.context == "The Fed cut rates to zero in 2008. It then needed other tools."
    # A third sentence back is never fetched: see test_a_context_line_is_at_most_two_sentences.


COOK = (
    "James Cook\n\n"
    "Early Years\n\n"
    "James Cook was born in Yorkshire in 1728. In 1755, at the age of 26, Cook joined the Royal "
    "Navy as an able seaman. Two years later he passed the examination for master, the officer "
    "responsible for navigating a ship.\n"
)


def _items(text: str):
    parsed = parse_article(text)
    topics = extract_topics(parsed)
    return topics, *generate_items(topics, parsed.title)


def test_every_item_of_a_two_years_later_claim_shows_its_anchor():
    topics, cards, questions = _items(COOK)
    later = next(c.key for t in topics for c in t.claims if c.quote.startswith("Two years"))
    mine = [q.prompt for q in questions if q.claim_key == later]
    mine += [c.front for c in cards if c.claim_key == later]
    assert mine, "the claim is asked now that its anchor can be shown"
    for shown in mine:
        assert "Cook joined the Royal Navy as an able seaman" in shown, shown


def test_a_question_whose_answer_the_context_holds_is_not_asked():
    _, _, questions = _items(COOK)
    for question in questions:
        if question.prompt.startswith("(Context: "):
            context = question.prompt[: -len(without_context(question.prompt))]
            words = re.findall(r"\w+", context.casefold())
            for answer in question.accepted:
                assert answer.casefold() not in words, question.prompt


def test_a_clause_before_the_head_noun_is_no_part_of_its_name():
    earlier = ["Instead it acts on the money market, where banks lend reserves to one another."]
    found = standalone("The interest paid on these reserves holds market rates close", earlier)
    assert "banks lend" not in found.text


def test_a_definite_opening_a_section_leans_on_its_heading_not_the_section_before():
    found = standalone("The decision is taken by a committee", [], "Who Decides", before=["X."])
    assert found.leans_back is None and found.context == ""


def test_a_recall_card_is_not_cut_inside_a_date_or_a_noun_phrase():
    day = (
        "The day of Dunant's birth, 8 May, is celebrated each year as World Red Cross and "
        "Red Crescent Day"
    )
    card = recall_card(day, (0, len(day)))
    assert card.front == "The day of Dunant's birth, 8 May, is …"
    fuels = (
        "Burning fossil fuels, e.g. coal, oil and natural gas, releases carbon dioxide, the main "
        "greenhouse gas behind the warming of the climate"
    )
    assert recall_card(fuels, (0, len(fuels))).front.endswith("natural gas …")


def test_a_phrase_recall_card_shows_its_answer_in_the_whole_sentence_and_never_the_title():
    text = "The ships returned to Hawaii for the winter"
    card = recall_card(text, (0, len(text)))
    assert card.cloze and card.back == "Hawaii"  # shown as the sentence with "Hawaii" marked
    refused = recall_card(text, (0, len(text)), answer_ok=lambda a: a != "Hawaii")
    assert refused.back == "the winter"  # the next phrase that pins one answer


def test_a_claim_shown_with_context_gets_no_which_heading_question():
    _, _, questions = _items(COOK)
    for question in questions:
        if question.prompt.startswith("(Context: "):
            assert "Under which heading" not in question.prompt


def test_this_pivot_is_named_by_the_title_and_an_object_it_points_back():
    title = "Russia's Pivot to the East: Deepening Ties with China"
    found = standalone(
        "This pivot is marked by deeper ties", [], "Overview", {"Russia", "East"}, title=title
    )
    assert found.text == "Russia's pivot to the East is marked by deeper ties"
    assert leans_back("Strong winds lifted it into huge clouds of dust")
    assert leans_back("Since 1992 a canal has linked it through the Main to the Rhine")


def test_a_form_question_shown_with_context_keeps_no_capital_pronoun_mid_sentence():
    from quizapp.core.item_context import with_context
    from quizapp.core.item_drafts import QuestionDraft

    asked = QuestionDraft("k", "c", "short_answer", "In which year did It take the name?", "")
    _, (shown,) = with_context([], [asked], {"c": "A committee met in 1863."}, {})
    assert shown.prompt == "(Context: A committee met in 1863.) In which year did it take the name?"


def test_they_after_people_stands_and_a_card_never_blanks_what_its_context_line_says():
    assert (
        leans_back("If people believe prices will stay low, they ask for smaller pay rises") is None
    )
    text = (
        "# Emblems\n\n## The Convention\n\nIn 1864 the Swiss government called a conference in "
        "Geneva, and twelve states signed the first Geneva Convention. It required armies to care "
        "for wounded soldiers. It also adopted a red cross on a white ground as the protective "
        "emblem, the reverse of the Swiss flag.\n"
    )
    parsed = parse_article(extract_article("emblems.md", text.encode()).text)
    cards, _ = generate_items(extract_topics(parsed), parsed.title)
    last = cards[-1]
    assert last.back != "the Swiss" and "Swiss flag" in last.front + last.back


def test_a_context_line_never_comes_from_across_a_heading():
    """ "Both countries align …" opening "Diplomatic Coordination" was shown after a sentence
    on military exercises from the section before."""
    seed = (Path(__file__).parents[2] / "seed" / "article-russia-pivot-east.txt").read_text()
    parsed = parse_article(seed)
    cards, questions = generate_items(extract_topics(parsed), parsed.title)
    for shown in [c.front for c in cards] + [q.prompt for q in questions]:
        assert not ("exercises" in shown and "Security Council" in shown), shown


def test_a_context_line_is_at_most_two_sentences():
    earlier = ["The Fed cut rates.", "It then needed other tools.", "These were new."]
    assert standalone("The most important was quantitative easing", earlier).context == ""


def test_a_which_statement_question_with_a_context_line_is_dropped_for_another_question():
    from quizapp.core.item_context import with_context
    from quizapp.core.item_drafts import QuestionDraft

    said = QuestionDraft("gen-said-c", "c", "single_choice", "Which of these …?", "")
    fill = QuestionDraft("gen-fill-c", "c", "fill_blank", "Fill in the blank: _____ met.", "")
    alone = QuestionDraft("gen-said-d", "d", "single_choice", "Which of these …?", "")
    _, shown = with_context([], [said, fill, alone], {"c": "X.", "d": "Y."}, {})
    assert [q.key for q in shown] == ["gen-fill-c", "gen-said-d"]


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        # A subject-only cut ("Plates … / … move towards each other") pins nothing.
        ("Plates move towards each other", "each other"),
        ("Trade volume between Russia and China has surged", "surged"),
        # "Trade" is a noun opening the subject, not an imperative ("Trade _____ …" -> "volume").
        # "has been actively reorienting": the object after the verb, past "been" and the adverb.
        (
            "In the wake of sanctions and isolation from the West, Russia has been actively "
            "reorienting its foreign policy towards Asia",
            "its foreign policy",
        ),
        # A long phrase's "of" part, when the phrase after "to" is refused.
        ("Russia remains a major supplier of advanced military technology to China", None),
        # "Driven by …, ": a participle's opening, then the main clause's object.
        (
            "Driven by shared strategic interests, both nations have expanded cooperation across "
            "various sectors",
            "cooperation",
        ),
    ],
)
def test_a_recall_card_is_a_cloze_on_the_phrase_that_carries_the_claim(sentence, back):
    refuse_china = lambda answer: answer != "China"  # noqa: E731 (as the title refuses it)
    card = recall_card(sentence, (0, len(sentence)), answer_ok=refuse_china)
    assert card.cloze, card
    assert card.back == (back or "advanced military technology")


def test_a_cloze_opening_with_a_pointing_word_needs_a_context_line():
    text = "It works through several channels"
    assert not recall_card(text, (0, len(text))).cloze
    assert recall_card("The full effect takes time", (0, 26)).back == "time"


def test_a_place_before_his_is_no_person():
    # "Geneva" is capitalised mid-sentence too, but "Geneva citizens" are no one "his" stands for.
    assert leans_back("Geneva citizens took up his ideas", {"Geneva"})
    assert leans_back("Cook sailed south, where he charted the coast", {"Cook"}) is None


def test_a_phrase_cloze_opening_with_it_needs_a_context_line():
    called = "It was first called the Committee for Relief to the Wounded"
    assert not recall_card(called, (0, len(called))).cloze  # "It" with no context line


def test_a_cloze_never_cuts_a_comparison_or_blanks_from_as():
    moldova = "Moldova touches the Danube for less than a kilometre"
    assert recall_card(moldova, (0, len(moldova))).back != "less"
    pigou = "A tax of this kind is now known as a Pigouvian tax"
    assert not recall_card(pigou, (0, len(pigou))).back.startswith("as ")


def test_a_demonstrative_inside_quoted_speech_is_never_rewritten():
    # '"Mr. Gorbachev, tear down this wall!"' was shown as '… tear down the Berlin Wall!': a
    # quote must stay verbatim; the claim leans back instead and gets its context line.
    said = (
        'In June 1987 President Ronald Reagan called on the Soviet leader: "Mr. Gorbachev, '
        'tear down this wall!"'
    )
    resolved = standalone(said, ["The Berlin Wall divided the city."], "")
    assert resolved.text == said
    assert resolved.context == "The Berlin Wall divided the city."


def test_a_context_sentence_ending_inside_its_quote_takes_no_second_stop():
    earlier = ['Kennedy declared, "Ich bin ein Berliner."', "Then it was over"]
    resolved = standalone("This speech was remembered", earlier, "")
    assert '."' in resolved.context and '.".' not in resolved.context


def test_no_item_ends_a_quoted_sentence_with_a_second_stop():
    # '… declared, "Ich bin ein Berliner.".': every form added its own stop after the quote's.
    text = (
        "The Divided City\n\n"
        "In June 1963 the American president, John F. Kennedy, visited West Berlin and "
        'declared, "Ich bin ein Berliner." In 1987 President Ronald Reagan spoke at the '
        'Brandenburg Gate and called on the Soviet leader: "Mr. Gorbachev, tear down this wall!" '
        "The Wall fell in November 1989, after weeks of protests in East Germany.\n"
    )
    _topics, cards, questions = _items(text)
    shown = [c.front for c in cards] + [c.back for c in cards] + [q.prompt for q in questions]
    shown += [c["text"] for q in questions for c in (q.choices or [])]
    assert shown and not [s for s in shown if '.".' in s or '!".' in s]


def test_a_people_named_in_the_sentence_is_what_their_stands_for():
    # "In March 1990 East Germans voted in their first free elections" got no question: a
    # capitalised plural was never taken for what "their" points to.
    assert leans_back("In March 1990 East Germans voted in their first free elections") is None
    assert leans_back("In Wales their numbers fell") is not None
