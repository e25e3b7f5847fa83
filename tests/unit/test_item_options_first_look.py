"""Options and false statements that gave themselves away at first look (issue 22, point 5),
and question templates that read wrong (point 7)."""

from __future__ import annotations

from quizapp.core.answer_targets import ArticleFacts, candidate_targets, numbers
from quizapp.core.item_forms.grammar import lower_first
from quizapp.core.item_variants import distractors, false_statement


def _facts(*sentences: str) -> ArticleFacts:
    return ArticleFacts.build("", sentences)


def _target(sentence: str, text: str):
    return next(n for n in numbers(sentence) if n.text == text)


def test_no_century_still_to_come_is_an_option():
    # "In the early _____ century" with 22nd and 24th among the options.
    sentence = "In the early 20th century, homestead laws drew thousands of new farmers"
    target = _target(sentence, "20th")
    for seed in range(12):
        options = distractors(target, sentence, _facts(sentence), seed) or []
        assert all(int(o.rstrip("stndrh")) <= 21 for o in options), options


def test_a_changed_year_keeps_its_place_among_the_sentences_decades():
    # "Finland introduced the world's first carbon tax in 2010, and Sweden, Norway and Denmark
    # followed in the early 1990s" contradicts itself.
    sentence = (
        "Finland introduced the world's first carbon tax in 1990, and Sweden, Norway and "
        "Denmark followed in the early 1990s"
    )
    for seed in range(12):
        changed = false_statement(sentence, _facts(sentence), seed)
        if changed is not None and "carbon tax in " in changed:
            year = int(changed.split("carbon tax in ")[1][:4])
            assert 1990 <= year <= 1999, changed


def test_no_number_options_where_the_sentence_works_the_key_out():
    # "approx. _____ ppm … today it is above 420 ppm, an increase of nearly 50%": only 285 fits.
    sentence = (
        "Ice cores show a concentration of approx. 285 parts per million (ppm) in the "
        "atmosphere c. 1850; today it is above 420 ppm, an increase of nearly 50%"
    )
    assert distractors(_target(sentence, "285"), sentence, _facts(sentence), 1) is None


def test_a_number_words_options_are_written_in_the_keys_case():
    # "_____ years later" with Two, four, five, eight: only the key capitalised.
    sentence = "Two years later Cook sailed to Newfoundland with the fleet"
    options = distractors(_target(sentence, "Two"), sentence, _facts(sentence), 3) or []
    assert options and all(o[:1].isupper() for o in options)


def test_a_number_word_inside_a_name_is_no_blank():
    # "During the _____ Years' War": the blank is part of the war's name.
    sentence = "During the Seven Years' War Cook served as master of HMS Pembroke in 1757"
    found = candidate_targets(sentence, (0, len(sentence)), _facts(sentence))
    assert "Seven" not in [t.text for t in found]


def test_a_question_keeps_a_countrys_capital_and_lowers_an_opening_the():
    # "In which year did finland introduce …", "In which year did The worst single day come?"
    assert lower_first("Finland introduced the first carbon tax", set()).startswith("Finland")
    names = {"The Grapes of Wrath"}
    assert lower_first("The worst single day came", names) == "the worst single day came"
    assert lower_first("The Grapes of Wrath sold", names) == "The Grapes of Wrath sold"


def test_a_false_statement_never_swaps_the_subject_after_an_opening_phrase():
    # "In his spare time HMS Resolution studied mathematics and navigation."
    facts = _facts(
        "With HMS Resolution and HMS Discovery, James Cook set out to find a passage.",
        "In his spare time James Cook studied mathematics and navigation.",
    )
    for seed in range(8):
        changed = false_statement(
            "In his spare time James Cook studied mathematics and navigation", facts, seed
        )
        assert changed is None or "James Cook studied" in changed, changed


def test_a_changed_number_word_keeps_the_keys_case():
    # "four years later James Cook passed …" opened a true/false statement in lower case.
    sentence = "Two years later Cook passed the examination for master"
    for seed in range(8):
        changed = false_statement(sentence, _facts(sentence), seed)
        assert changed is None or changed[:1].isupper(), changed
