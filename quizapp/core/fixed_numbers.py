"""Numbers the rest of their sentence fixes, so that no item may ask or change them.

"two small streams, the Brigach and the Breg" (the list counts it), "a year or two" (an
approximation), "the Seven Years' War" (a name), "where two continents collide" (a pair): a
blank on such a number is answered from the prompt, and a changed one ("nine parts:" before a
list of three, "Eleven Years' War", "four continents collide") is false by its look.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizapp.core.lexicon import NUMBER_WORDS

if TYPE_CHECKING:
    from quizapp.core.answer_targets import Target

NAME_LIST = re.compile(
    r"[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*(?:(?:, and |, | and )[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*)+"
)


# What follows a count's noun when the sentence goes on to list what it counts: "two small
# streams, the Brigach and the Breg", "three parts: the …; the …; and the …".
_COUNTED_NOUN = re.compile(r"(?:\s+[a-z][\w-]*){1,4}?\s*(?:,|:|—|–|\()")
_LIST_SEPARATORS = re.compile(r", and |, or |; and |, |; | and | or ")
MAX_LISTED_COUNT = 12


def counted_by_a_list(sentence: str, target: Target) -> bool:
    """ "four trading posts, in London, Bruges, Bergen and Novgorod", "two small streams, the
    Brigach and the Breg", "three parts: the ICRC; the Federation; and the national societies":
    the list after a number counts it, so the number is no question (nor a false statement's
    change: "nine parts:" before three is false without the article)."""
    if target.kind != "number" or target.value is None:
        return False
    listed = NAME_LIST.search(sentence, target.end)
    if listed is not None:
        items = re.split(r", and |, | and ", listed.group(0))
        if len(items) == int(target.value):
            return True
    if not 2 <= target.value <= MAX_LISTED_COUNT:
        return False
    head = _COUNTED_NOUN.match(sentence, target.end)
    colon = sentence.find(":", target.end)
    starts = [m.end() for m in (head,) if m] + ([colon + 1] if colon >= 0 else [])
    needed = int(target.value) - 1
    return any(len(_LIST_SEPARATORS.findall(sentence[at:])) >= needed for at in starts)


# "a year or two", "one or two", "two or three": a number in an approximation is guessed from the
# phrase ("a year or eight" is no option), not learnt from the article.
_APPROXIMATION = re.compile(
    r"\b(?:a|an|one|\d+|"
    + "|".join(NUMBER_WORDS)
    + r"|(?:day|week|month|year|hour|minute|decade|century|generation)s?)\s+or\s+$"
    + r"|^\s+or\s+(?:"
    + "|".join(NUMBER_WORDS)
    + r"|\d+)\b",
    re.IGNORECASE,
)


def in_set_phrase(sentence: str, target: Target) -> bool:
    """Whether the number ``target`` is part of an approximation ("often a year or two")."""
    if target.kind != "number":
        return False
    before = sentence[max(0, target.start - 20) : target.start]
    return bool(_APPROXIMATION.search(before) or _APPROXIMATION.match(sentence[target.end :]))


# Words that make a count two by themselves: "where two plates collide", "neither of them".
PAIR_WORDS = re.compile(
    r"\b(?:between|both|neither|either|each other|one another|collide|collides|pair)\b",
    re.IGNORECASE,
)


def fixed_by_its_words(sentence: str, target: Target) -> bool:
    """Whether the rest of the sentence fixes the number ``target``: part of a name ("the Seven
    Years' War"), of an approximation ("seven or eight"), or a two its words pair ("where two
    continents collide"). Such a number is neither asked nor changed: "Eleven Years' War" and
    "four continents collide" are false by their look."""
    if _inside_a_name(sentence, target.start, target.end) or in_set_phrase(sentence, target):
        return True
    return target.value == 2 and PAIR_WORDS.search(sentence) is not None


def _inside_a_name(sentence: str, start: int, end: int) -> bool:
    """A capitalised number word followed by a capitalised word, not opening the sentence
    ("During the Seven Years' War"): part of a name, never a blank."""
    word = sentence[start:end]
    if not word[:1].isupper() or not word.isalpha() or start == 0:
        return False
    following = sentence[end:].lstrip().split(" ", 1)[0]
    return following[:1].isupper()
