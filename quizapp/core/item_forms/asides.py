"""Years a sentence gives in an aside about a name, or to a second verb of the name's:
"Lübeck, founded in 1143 and …" asks "In which year was Lübeck founded?"; "… Ferdinand de
Lesseps, who obtained a concession … in 1854" asks "In which year did Ferdinand de Lesseps obtain
a concession …?"; "Karl von Frisch decoded this dance and shared the Nobel Prize … in 1973" asks
"In which year did Karl von Frisch share the Nobel Prize …?".

The aside follows the name right after its comma, so what it says is the name's; the question
holds only the name and the aside's own words, never the rest of the sentence.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection

from quizapp.core.item_forms.grammar import base_form
from quizapp.core.item_forms.quantities import Quantity

NAME = (
    r"(?P<name>(?:the (?:new |old )?)?[A-Z][\w'’\-]+(?: (?:de |von |van |of )?[A-Z][\w'’\-]+){0,3})"
)
YEAR = r"(?P<year>1\d{3}|20\d{2})"
# "Lübeck, founded in 1143 and …", "St Paul's Cathedral, completed in 1710, and …".
PARTICIPLE_ASIDE = re.compile(
    rf"{NAME}, (?P<adverb>first |later |finally )?(?P<verb>[a-z]+)"
    rf"(?P<words>(?: [A-Za-z][\w'’\-]*){{0,6}}?) in {YEAR}(?=,| and |$)"
)
# "Ferdinand de Lesseps, who obtained a concession from … in 1854".
WHO_ASIDE = re.compile(
    rf"{NAME}, who (?P<verb>[a-z]+)(?P<words>(?: [A-Za-z][\w'’\-]*){{1,8}}?) in {YEAR}$"
)


# "The Austrian scientist Karl von Frisch decoded this dance and shared the Nobel Prize … in
# 1973": the year is the second verb's, and the name does both.
AND_THEN = re.compile(
    # A possessive is no subject: "James Cook's crew completed …" is the crew's doing.
    rf"^(?:(?:The|A|An) (?:[A-Za-z]+ ){{0,3}})?{NAME}(?<!'s)(?<!’s) (?P<first>[a-z]+) [^,]+? and "
    rf"(?P<verb>[a-z]+)(?P<words>(?: [A-Za-z][\w'’\-]*){{1,10}}?) in {YEAR}$"
)


def _participle(word: str) -> bool:
    lemma = getAllLemmas(word).get("VERB", ("",))[0]
    return bool(lemma) and word in (getInflection(lemma, "VBN") or ()) and word != lemma


def _past(word: str) -> bool:
    lemma = getAllLemmas(word).get("VERB", ("",))[0]
    return bool(lemma) and word in (getInflection(lemma, "VBD") or ()) and word != lemma


# A name right after one of these ends a longer noun phrase, which the aside describes whole.
PHRASE_INSIDE = re.compile(r"\b(?:in|of|at|on|from|near|to|by|with|for|into|across|between)\s+$")


def _inside_a_phrase(before: str) -> bool:
    """Whether a name after ``before`` is only the end of a noun phrase ("The Karakum Canal in
    Turkmenistan"), so an aside after it describes the whole phrase, not the name."""
    return PHRASE_INSIDE.search(before) is not None


def aside_year_question(sentence: str) -> Quantity | None:
    sentence = sentence.rstrip(" .")
    if not sentence[:1].isupper():
        return None
    years = re.findall(r"\b(?:1\d{3}|20\d{2})\b", sentence)
    who = WHO_ASIDE.search(sentence)
    if who and _past(who.group("verb")) and len(years) == 1:
        name, verb, words = who.group("name", "verb", "words")
        prompt = f"In which year did {name} {base_form(verb)}{words}?"
        return Quantity(prompt, who.group("year"), "year", "when")
    then = AND_THEN.match(sentence)
    if then and _past(then.group("first")) and _past(then.group("verb")) and len(years) == 1:
        name, verb, words = then.group("name", "verb", "words")
        prompt = f"In which year did {name} {base_form(verb)}{words}?"
        return Quantity(prompt, then.group("year"), "year", "when")
    aside = PARTICIPLE_ASIDE.search(sentence)
    if aside and _inside_a_phrase(sentence[: aside.start()]):
        return None  # "The Karakum Canal in Turkmenistan, begun …": the canal was begun
    if aside and _participle(aside.group("verb")):
        name, adverb, verb, words = aside.group("name", "adverb", "verb", "words")
        be = "were" if name.endswith("s") and not name.endswith("'s") else "was"
        prompt = f"In which year {be} {name} {adverb or ''}{verb}{words}?"
        return Quantity(" ".join(prompt.split()), aside.group("year"), "year", "when")
    return None
