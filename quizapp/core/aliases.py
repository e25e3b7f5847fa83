"""Accepted answers as sets: every spelling a student who knows the answer may write.

An answer carries its aliases: common entities from a small table ("US", "U.S.", "United
States"), country names (``gazetteer``), the part of a multi-word name that the article itself
uses alone ("Wren" for "Christopher Wren") and the article's fuller mention of a short name
("Charles Babbage" for "Babbage"), noun and adjective forms ("Russia", "Russian"),
singular and plural, and numbers with and without separators ("184,000", "184000").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.core.gazetteer import country_names
from quizapp.core.lexicon import DIGITS_TO_WORD, NUMBER_WORDS, is_function_word

# Each set is one entity under its common spellings.
ALIAS_SETS: tuple[frozenset[str], ...] = tuple(
    frozenset(s)
    for s in (
        {"United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"},
        {"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"},
        {"United Nations", "UN", "U.N."},
        {"United Nations Security Council", "UN Security Council", "Security Council", "UNSC"},
        {"European Union", "EU", "E.U."},
        {"Soviet Union", "USSR", "U.S.S.R."},
        {"U.S. dollar", "US dollar", "dollar", "American dollar"},
        {"North Korea", "DPRK", "Democratic People's Republic of Korea"},
        {"South Korea", "Republic of Korea"},
        {"First World War", "World War I", "WWI", "Great War"},
        {"Second World War", "World War II", "WWII"},
        {"Sun", "the Sun"},
    )
)
# Noun and adjective forms of places that articles often use both ways.
ADJECTIVE_FORMS = {
    "Russia": "Russian",
    "China": "Chinese",
    "North Korea": "North Korean",
    "Japan": "Japanese",
    "France": "French",
    "Britain": "British",
    "Germany": "German",
    "Egypt": "Egyptian",
    "Poland": "Polish",
    "Sweden": "Swedish",
    "Netherlands": "Dutch",
    "Spain": "Spanish",
    "Italy": "Italian",
    "India": "Indian",
    "Israel": "Israeli",
    "England": "English",
    "Europe": "European",
    "Africa": "African",
    "Asia": "Asian",
    "America": "American",
    "Flanders": "Flemish",
    "Prussia": "Prussian",
    "Russian Empire": "Russia",
}


def number_forms(text: str) -> set[str]:
    """ "184,000" -> {"184,000", "184000"}; "six" -> {"six", "6"}; "2.3 million" -> "2300000"."""
    forms = {text}
    words = text.split()
    head = words[0]
    if head.lower() in NUMBER_WORDS:
        forms.add(str(NUMBER_WORDS[head.lower()]))
        return forms
    plain = head.replace(",", "")
    forms.add(" ".join([plain, *words[1:]]))
    if re.fullmatch(r"\d+", plain) and int(plain) in DIGITS_TO_WORD:
        forms.add(DIGITS_TO_WORD[int(plain)])
    multiplier = {"million": 10**6, "billion": 10**9}.get(words[-1].lower())
    if multiplier:
        value = float(plain) * multiplier
        forms.add(str(int(value)))
        forms.add(f"{int(value):,}")
    ordinal = re.fullmatch(r"(\d+)(st|nd|rd|th)", head)
    if ordinal:
        forms.add(ordinal.group(1))
    return forms


def _singular_forms(word: str) -> set[str]:
    """The singular of a plural answer ("thylakoids" -> "thylakoid"); nothing for others."""
    lower = word.lower()
    if lower.endswith("ies"):
        return {word[:-3] + "y"}
    if lower.endswith(("ses", "xes", "ches", "shes")):
        return {word[:-2]}
    if lower.endswith("s") and not lower.endswith("ss"):
        return {word[:-1]}
    return set()


def _parts_used_alone(answer: str, article_names: Iterable[str]) -> set[str]:
    """Words of a multi-word name that the article also uses as a name on their own."""
    parts = [w for w in answer.split() if not is_function_word(w) and len(w) >= 3]
    names = set(article_names)
    return {p for p in parts if p in names and p != answer} if len(parts) > 1 else set()


def _longer_mentions(answer: str, article_names: Iterable[str]) -> set[str]:
    """The one longer name of the article that contains ``answer`` ("Charles Babbage" for
    "Babbage"); none when several do ("Marie Curie", "Pierre Curie" for "Curie")."""
    pattern = re.compile(rf"(?<!\w){re.escape(answer)}(?!\w)")
    longer = {n for n in article_names if n != answer and pattern.search(n)}
    return longer if len(longer) == 1 else set()


def accepted_answers(answer: str, kind: str, article_names: Iterable[str] = ()) -> list[str]:
    """The answer first, then its aliases, without duplicates (compared case-insensitively).

    ``kind`` is the target's kind (year, number, entity, word); ``article_names`` are the names
    the article uses anywhere, so a shorter mention ("Wren") is accepted only when the article
    itself uses it.
    """
    forms: list[str] = [answer]
    if kind == "entity" and answer.startswith("the "):
        answer = answer.removeprefix("the ")
        forms.append(answer)
    if kind in ("year", "number"):
        forms += sorted(number_forms(answer))
    elif kind == "entity":
        for alias_set in ALIAS_SETS:
            if answer in alias_set:
                forms += sorted(alias_set)
        forms += sorted(country_names(answer))
        for noun, adjective in ADJECTIVE_FORMS.items():
            if answer == noun:
                forms.append(adjective)
        forms += sorted(_parts_used_alone(answer, article_names))
        forms += sorted(_longer_mentions(answer, article_names))
    else:
        forms += sorted(_singular_forms(answer))
    seen: set[str] = set()
    unique = []
    for form in forms:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            unique.append(form)
    return unique
