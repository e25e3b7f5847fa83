"""Word facts the item generator relies on: function words, number words, English rarity.

English rarity comes from ``wordfreq`` (Zipf scale: 7 is "the", 3 is a word seen about once per
million words, 1 is very rare), so a blank lands on what a student must have read to know.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

# Words that carry grammar, not content: never a blank, never counted as a content word.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet of to in on for with by as at from into onto upon over under
    its their this that these those is are was were be been being am has have had do does did it
    both such which who whom whose what when where why how also more most other than then there
    here within between across among about above after against along around before behind below
    beside besides beyond during except inside near off out outside since through throughout till
    toward towards until up down via without not no any each every either neither some all many
    much few several one ones can could may might must shall should will would he she they them
    his her hers him we us our you your i me my mine theirs itself themselves himself herself
    very just only even still already often while whether if because although though however
    therefore thus again ever never always likely potentially particularly including
    """.split()
)
# A claim that starts with one of these names something said before it.
UNRESOLVED_STARTS = frozenset(
    """it its this that these those they their them he she his her both such which who whose
    there whichever""".split()
)
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
DIGITS_TO_WORD = {value: word for word, value in NUMBER_WORDS.items()}
# Compass words are cued by their opposite ("from the West ... towards the East").
COMPASS_WORDS = frozenset("north south east west northern southern eastern western".split())
# A content word rarer than this (Zipf) is worth a blank; commoner ones have too many fits.
RARE_WORD_ZIPF = 3.6
WORD_PATTERN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][\w'’\-]*|\d[\d,.]*\d|\d")


@lru_cache(maxsize=4096)
def english_zipf(word: str) -> float:
    """How common ``word`` is in English, on the Zipf scale (0 when unknown)."""
    return zipf_frequency(word.lower(), "en")


def is_function_word(word: str) -> bool:
    return word.lower().strip("'’") in FUNCTION_WORDS


def content_words(text: str) -> list[str]:
    """The words and numbers of ``text`` that carry content (no function words)."""
    return [w for w in WORD_PATTERN.findall(text) if not is_function_word(w)]


def stem(word: str) -> str:
    """A crude stem for give-away checks: "Condensation" and "condenses" share "conden"."""
    word = word.lower().strip("'’")
    word = re.sub(r"('s|’s)$", "", word)
    return word[:6] if len(word) >= 6 else re.sub(r"(es|s)$", "", word) or word
