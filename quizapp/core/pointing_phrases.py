"""Openings that point back without a pronoun or a demonstrative, for ``references.leans_back``.

Reviewers found cards unreadable alone at first look: "Some live freely in soil or water" (some
what?), "There Aldus Manutius printed …" (where?), "In 1866 the two domains formed an alliance"
(which two?), "The name also covers the reforms …" (which name?). Each needs the sentence
before; where the article gives one, the card and question show it as their context line.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas

from quizapp.core.item_forms.grammar import is_finite_verb, is_verb_only
from quizapp.core.leaning_reasons import (
    EXPLAINED_BY_BEFORE,
    POINTS_BACK,
    STANDS_FOR_BEFORE,
    THERE_POINTS_BACK,
)
from quizapp.core.translatable import Phrase

# "Some live …", "Others resisted", "Many fled": a quantifier standing alone as the subject.
BARE_QUANTIFIER = re.compile(r"^(Some|Others|Many|Most|Several|Few)\s+([a-z]+)\b")
# "There Aldus Manutius printed …": "there" as a place, before a name, not "There is/was".
PLACE_THERE = re.compile(r"^There\s+(?!is\b|are\b|was\b|were\b|has\b|have\b|had\b)[A-Z]")
# "the two domains formed …": a counted definite the sentence does not itself define.
COUNTED_DEFINITE = re.compile(
    r"\b[Tt]he (two|three|four|both) ([a-z]+s)\b(?! (?:of|that|which|who|in|on|at|from)\b)"
)
# "The name …", "The price …": a noun that names what the sentence before said.
NAMING_DEFINITE = re.compile(r"^The (name|price|cost|reason|aim|goal|purpose)\b(?! of\b)")
LIST_BEFORE = re.compile(r"\b(?:and|or)\b|,")


def points_back(text: str) -> Phrase | None:
    """Why ``text`` leans on the sentence before through one of these openings, or None."""
    quantifier = BARE_QUANTIFIER.match(text)
    if quantifier and _verb(quantifier.group(2)):
        return Phrase(STANDS_FOR_BEFORE, word=quantifier.group(1))
    if PLACE_THERE.match(text):
        return Phrase(THERE_POINTS_BACK)
    named = NAMING_DEFINITE.match(text)
    if named:
        return Phrase(EXPLAINED_BY_BEFORE, words=f"The {named.group(1)}")
    counted = COUNTED_DEFINITE.search(text)
    if counted and not LIST_BEFORE.search(text[: counted.start()]):
        return Phrase(POINTS_BACK, words=counted.group(0))
    return None


def _verb(word: str) -> bool:
    """A verb and never a noun ("live", "resisted"; not "people", "water")."""
    lemmas = getAllLemmas(word)
    return is_verb_only(word) or is_finite_verb(word) or ("VERB" in lemmas and "NOUN" not in lemmas)
