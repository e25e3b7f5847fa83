"""Faults that teachers found at first look on the rebuilt generator (issue 22), each named
after the item that showed it."""

from __future__ import annotations

from quizapp.core.item_forms.phrase_cloze import PhraseCloze, phrase_cloze
from quizapp.core.item_forms.quantities import year_question
from quizapp.core.item_forms.recall import recall_card

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


def test_a_recall_card_blanks_a_whole_phrase_not_the_rest_after_a_stub():
    # "The ships returned …" / "… to Hawaii for the winter": the front pinned no answer.
    card = recall_card("The ships returned to Hawaii for the winter.", (0, 43))
    assert card is not None
    assert card.front == "The ships returned to _____ for the winter."
    assert card.back == "Hawaii"


def test_a_recall_card_never_cuts_inside_a_noun_phrase():
    # "Continental crust is …", "In his spare …", "Power plants …": cut after one to three words.
    for sentence, front, back in (
        (
            "Continental crust is thicker and less dense, so it floats higher and rarely sinks.",
            "Continental crust is _____, so it floats higher and rarely sinks.",
            "thicker and less dense",
        ),
        (
            "In his spare time he studied mathematics and navigation.",
            "In his spare time he studied _____.",
            "mathematics and navigation",
        ),
        (
            "The rains finally returned at the end of the decade.",
            "The rains finally returned at _____.",
            "the end of the decade",
        ),
    ):
        found = phrase_cloze(sentence)
        assert found == PhraseCloze(front, back), sentence


def test_a_recall_card_blanks_no_clause_verb_or_pointing_phrase():
    # "Most geologists think _____, however, is slab pull", "Economists call such a cost …",
    # "new crust also slides away", "had been _____ (joined)": none pins a phrase.
    assert phrase_cloze("Economists call such a cost an externality.") is None
    found = phrase_cloze(
        "Most geologists think the largest single force, however, is slab pull: the cold, "
        "dense edge of a subducting plate sinks."
    )
    assert found is None or found.back != "the largest single force"
    ridge = phrase_cloze(
        "At the ridges, the raised new crust also slides away under its own weight, an effect "
        "known as ridge push."
    )
    assert ridge is not None and ridge.back == "its own weight"
