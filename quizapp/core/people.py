"""People's names: which answer is a person's full name, and the surname a reader would write.

Whether a word is a given name comes from ``gender-guesser``'s list of first names (about
45,000 names across many countries, shipped with the package), so "Antoine Galland" is a person
and "Amur River" or "North Korea" are not.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from gender_guesser.detector import Detector

from quizapp.core.answer_forms import regnal_number

# Words between a given name and a surname that belong to the surname ("de Gaulle").
SURNAME_PARTICLES = frozenset("de du da di del della van von der den la le al bin ibn".split())
# Answers of the list's clear given names only: a name it calls "mostly" or "androgynous" ("Kim",
# "Xi") is often a surname written first, where the last word is no surname.
_GIVEN_NAME_ANSWERS = frozenset({"male", "female"})
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III"})


@lru_cache(maxsize=1)
def _detector() -> Detector:
    return Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a first name in the shipped list ("Antoine": yes, "North": no)."""
    return _detector().get_gender(word) in _GIVEN_NAME_ANSWERS


# Titles that say a woman is meant ("Queen Victoria", "Lady Byron", "Mrs Beeton").
FEMALE_TITLES = frozenset(
    "mrs mrs. ms ms. miss lady queen princess duchess countess dame madame mme empress "
    "baroness sister".split()
)
_FEMALE_ANSWERS = frozenset({"female", "mostly_female"})


def is_named_as_a_woman(name: str) -> bool:
    """Whether ``name`` names a woman by a title ("Queen Anne", "Mrs Beeton") or a female given
    name ("Ada Lovelace"), the only persons "she" or "her" may be taken for: a ship, a country
    or a man the article calls "she" is none ("Great Britain", "Isambard Brunel")."""
    words = name.split()
    if not words:
        return False
    if words[0].lower() in FEMALE_TITLES:
        return True
    return _detector().get_gender(words[0]) in _FEMALE_ANSWERS


def pronoun_fits(pronoun: str, person: str) -> bool:
    """Whether an opening pronoun may stand for ``person``: "she"/"her" only for a woman the
    name shows; "he"/"his" for anyone else, since a man's given name may be one the list does
    not know ("Isambard")."""
    if pronoun.lower() in ("she", "her"):
        return is_named_as_a_woman(person)
    return not is_named_as_a_woman(person)


def surname_of(name: str, article_names: Iterable[str] = ()) -> str | None:
    """The surname of a person's full name ("Antoine Galland" -> "Galland", "Charles de Gaulle"
    -> "de Gaulle"); None when ``name`` is no person's full name, ends in a regnal numeral
    ("Louis XIV"), or when another person of the article has the same surname ("Marie Curie"
    and "Pierre Curie": "Curie" could be either)."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not is_given_name(words[0]):
        return None
    if words[-1] in _SUFFIXES or regnal_number(words[-1]) is not None:
        return None
    rest = words[1:]
    if not all(w[:1].isupper() or w.lower() in SURNAME_PARTICLES for w in rest):
        return None
    particle = next((i for i, w in enumerate(rest) if w.lower() in SURNAME_PARTICLES), None)
    surname = " ".join(rest[particle:] if particle is not None else rest[-1:])
    others = {
        other
        for other in article_names
        if other != name and other.endswith(f" {surname}") and other.split()[0] != words[0]
    }
    return None if others else surname
