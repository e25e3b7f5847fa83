"""Other ways to write the same answer, that need no knowledge of the article.

Numbers as digits and words ("17" and "seventeen"), ordinals both ways ("17th", "seventeenth"),
regnal numerals ("III", "3", "third"), decades ("1990s", "90s", "nineties"), British and American
spellings ("neighbouring", "neighboring") and a few plain synonyms ("countries", "nations").
Number words come from ``num2words``, spellings from ``breame``'s word lists, Roman numerals from
``roman``: well-kept data rather than rules of our own.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import roman
from breame.spelling import get_american_spelling, get_british_spelling
from num2words import num2words

# Number words a student writes for small numbers; larger ones are always written in digits.
MAX_NUMBER_AS_WORDS = 100
# Decades a reader names by their tens alone ("the nineties"): only the last century's, where
# "the sixties" means one thing to a reader today; "the nineties" of 1890 is not what a teacher
# means, so older and newer decades keep their four digits.
SHORT_DECADES = range(1920, 2000, 10)
# At most this many spellings of a several-word answer (each word's forms multiply).
MAX_PHRASE_VARIANTS = 8
# Plain synonyms a teacher accepts for one another in any answer.
WORD_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"countries", "nations"}),
    frozenset({"country", "nation"}),
)

_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")
_DECADE = re.compile(r"(?:the\s+)?(\d{3}0)['’]?s", re.IGNORECASE)
# One letter is a numeral only as "V" (Henry V): "X" and "L" alone are names and sizes
# (Malcolm X, Generation X), "I" a pronoun.
_ROMAN = re.compile(r"[IVXL]{2,}|V")


@lru_cache(maxsize=1)
def _word_numbers() -> tuple[dict[str, int], dict[str, int]]:
    """(cardinal words, ordinal words) to their number, up to MAX_NUMBER_AS_WORDS."""
    cardinals, ordinals = {}, {}
    for number in range(1, MAX_NUMBER_AS_WORDS + 1):
        cardinals[_words(number)] = number
        ordinals[_ordinal_words(number)] = number
    return cardinals, ordinals


def _words(number: int) -> str:
    return str(num2words(number))


def _ordinal_words(number: int) -> str:
    return str(num2words(number, to="ordinal"))


def _ordinal_digits(number: int) -> str:
    return str(num2words(number, to="ordinal_num"))


def regnal_number(word: str) -> int | None:
    """The number a Roman numeral stands for ("III" -> 3); None for other words ("I", "MIX").

    "I", "X" and "L" alone and numerals past L are left out: they are far more often a word or
    a name.
    """
    if not _ROMAN.fullmatch(word):
        return None
    try:
        return int(roman.fromRoman(word))
    except roman.RomanError:
        return None


def word_forms(word: str) -> set[str]:
    """Other spellings of one word of an answer (not counting the word itself)."""
    forms: set[str] = set()
    lower = word.lower()
    cardinals, ordinals = _word_numbers()
    ordinal = _ORDINAL.fullmatch(lower)
    if ordinal and int(ordinal.group(1)) <= MAX_NUMBER_AS_WORDS:
        forms.add(_ordinal_words(int(ordinal.group(1))))
    elif lower in ordinals:
        forms.add(_ordinal_digits(ordinals[lower]))
    elif lower.isdigit() and 0 < int(lower) <= MAX_NUMBER_AS_WORDS:
        forms.add(_words(int(lower)))
    elif lower in cardinals and cardinals[lower] > 1:  # "one" is mostly a pronoun ("no one")
        forms.add(str(cardinals[lower]))
    elif (number := regnal_number(word)) is not None:
        forms.add(str(number))  # its ordinals are whole-answer forms ("the Third")
    # A capitalised word is part of a name: "United Nations" is not "United Countries".
    for synonyms in WORD_SYNONYMS if word[:1].islower() else ():
        if lower in synonyms:
            forms |= synonyms - {lower}
    forms |= _spellings(word)
    return {_like(word, form) for form in forms}


def _spellings(word: str) -> set[str]:
    lower = word.lower()
    if not lower.isalpha():
        return set()
    return {get_british_spelling(lower), get_american_spelling(lower)} - {lower}


def _like(model: str, word: str) -> str:
    """``word`` capitalised as ``model`` is (a capital first letter is kept)."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def phrase_forms(answer: str) -> list[str]:
    """The answer with each of its words written every other way, in a stable order, at most
    MAX_PHRASE_VARIANTS ("17th century" -> "seventeenth century")."""
    words = answer.split()
    if not words or len(words) > 4:
        return []
    choices = [[word, *sorted(word_forms(word))] for word in words]
    variants = (" ".join(combo) for combo in itertools.product(*choices))
    return [v for v in itertools.islice(variants, MAX_PHRASE_VARIANTS + 1) if v != answer]


def whole_answer_forms(answer: str) -> list[str]:
    """Forms that only make sense for the whole answer: a bare ordinal's number ("17th" ->
    "17"), a numeral's ordinal ("III" -> "the third"), a name's regnal ordinal ("Napoleon III"
    -> "Napoleon the Third") and a decade's shorter names ("1990s" -> "90s", "nineties")."""
    forms: list[str] = []
    ordinal = _ORDINAL.fullmatch(answer)
    if ordinal:
        forms.append(ordinal.group(1))
    words = answer.split()
    number = regnal_number(words[-1]) if words else None
    if number is not None and len(words) > 1:
        forms.append(" ".join([*words[:-1], "the", _ordinal_words(number).title()]))
    elif number is not None:
        forms += [_ordinal_digits(number), _ordinal_words(number), f"the {_ordinal_words(number)}"]
    decade = _DECADE.fullmatch(answer.strip())
    if decade:
        start = int(decade.group(1))
        forms.append(f"{start}s")
        if start in SHORT_DECADES:
            # "ninety" -> "nineties": every tens word of SHORT_DECADES ends in "y".
            forms += [f"{start % 100}s", _words(start % 100)[:-1] + "ies"]
    return forms


def looks_numeric(answer: str) -> bool:
    """Whether the answer is a number, an ordinal, a decade or a numeral, in digits or words."""
    head = answer.split()[0].lower() if answer.split() else ""
    cardinals, ordinals = _word_numbers()
    return bool(
        head[:1].isdigit()
        or head in cardinals
        or head in ordinals
        or _DECADE.fullmatch(answer.strip())
        or (len(answer.split()) == 1 and regnal_number(answer) is not None)
    )
