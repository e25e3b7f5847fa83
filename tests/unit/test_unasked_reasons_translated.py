"""Every reason the review page can give for a claim with no question is a whole sentence in
the catalogues, translated into each interface language with its placeholders kept; and every
reason the core's checks can return has such a sentence (a new one without it fails here,
not on a teacher's page in English)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from quizapp.core import claims, leaning_reasons, unasked_reasons
from quizapp.core.interface_languages import INTERFACE_LANGUAGES
from quizapp.core.neutral_items import NOTHING_TO_ASK, OPENS_WITH_PRONOUN, why_no_neutral_question
from quizapp.core.translatable import Phrase
from quizapp.core.unasked_reasons import why_no_question

CATALOGUES = Path(__file__).resolve().parents[2] / "quizapp" / "translations"
LANGUAGES = [code for code in INTERFACE_LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _every_reason() -> list[str]:
    """The N_-marked sentences ``why_no_question`` and ``why_no_neutral_question`` return."""
    found = [claims.TABLE_REASON.template, claims.POINTS_AT_TABLE_REASON.template]
    for pair in [*unasked_reasons.AFTER_PROBLEM.values(), *unasked_reasons.AFTER_LEANING.values()]:
        found += pair
    found += [*unasked_reasons.NO_FORM_FITS, OPENS_WITH_PRONOUN, NOTHING_TO_ASK]
    return found


def _constants(module, names: list[str] | None = None) -> set[str]:
    """The module's upper-case string constants (its reason templates)."""
    names = names or [n for n in vars(module) if n.isupper()]
    return {getattr(module, n) for n in names if isinstance(getattr(module, n), str)}


def test_every_way_a_sentence_leans_back_has_a_whole_sentence_to_say_it():
    assert set(unasked_reasons.AFTER_LEANING) == _constants(leaning_reasons)


def test_every_problem_of_a_claim_has_a_whole_sentence_to_say_it():
    problems = ["MID_SENTENCE", "UNRESOLVED_START", "UNRESOLVED_IN_OPENING", "SAYS_TOO_LITTLE"]
    assert set(unasked_reasons.AFTER_PROBLEM) == _constants(claims, problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_reason_is_translated_whole_with_its_placeholders(code):
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalog = read_po(f, locale=code)
    reasons = _every_reason()
    assert len(set(reasons)) == len(reasons) == 30
    for reason in reasons:
        message = catalog.get(reason)
        assert message is not None, f"not in the {code} catalogue: {reason}"
        assert message.string and not message.fuzzy, f"{code} has no translation of: {reason}"
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(reason))
        assert message.string != reason


def test_the_reasons_keep_their_english_and_their_values_apart():
    pointing = why_no_question("He sailed south", "He sailed south in 1772.", has_card=False)
    assert pointing.params == {"word": "He"}
    assert pointing.template in unasked_reasons.AFTER_PROBLEM[claims.UNRESOLVED_START]
    assert str(pointing) == (
        "it starts with an unresolved “He”; it cannot be asked: no card either, since no cue on "
        "its words pins a single answer"
    )
    neutral = why_no_neutral_question("Он родился в 1812 году.")
    # A phrase equals any text with its English, so its template and values are checked apart.
    assert isinstance(neutral, Phrase)
    assert (neutral.template, neutral.params) == (OPENS_WITH_PRONOUN, {"word": "Он"})
