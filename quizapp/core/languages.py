"""Which language an article is written in, told once at import from its letters and words.

No detector library earns its place here: the languages quizapp treats differently are told
apart by their script (Han characters are Chinese, Cyrillic letters Russian), and two Latin
languages by their commonest words ("the", "and", "of" against "der", "und", "nicht"). A
statistical detector would add a dependency and a model for the few short, ambiguous texts
this rule gets wrong, and those default to English, which is what quizapp did before.
"""

from __future__ import annotations

import re
from collections import Counter

ENGLISH = "en"
# The languages an article may be marked as, with the name the teacher sees.
LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Russian",
    "zh": "Chinese",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "uk": "Ukrainian",
    "ja": "Japanese",
}
# Languages whose items the English generator's rules can make (the others get only the
# language-neutral forms: see ``core.neutral_items``).
GENERATOR_LANGUAGES = frozenset({ENGLISH})

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")

# The commonest words of each Latin-script language, none of them shared with another list.
STOPWORDS = {
    "en": frozenset("the and of to is in that was for with are were from this which".split()),
    "de": frozenset(
        "der die das und ist nicht mit den dem von zu ein eine im auf des sich".split()
    ),
    "fr": frozenset("le la les et est dans une des du pour qui sur au avec pas".split()),
    "es": frozenset("el los las y es en una del por que con para se al".split()),
}
# Below this share of a script's letters among all letters a text is not in that script.
SCRIPT_SHARE = 0.3


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; English when the text gives no sign."""
    sample = text[:20000]
    letters = sum(1 for char in sample if char.isalpha()) or 1
    if len(KANA.findall(sample)) / letters >= 0.05:
        return "ja"
    if len(HAN.findall(sample)) / letters >= SCRIPT_SHARE:
        return "zh"
    cyrillic = CYRILLIC.findall(sample)
    if len(cyrillic) / letters >= SCRIPT_SHARE:
        return "uk" if len(UKRAINIAN_LETTERS.findall(sample)) > len(cyrillic) / 100 else "ru"
    words = Counter(word.lower() for word in LATIN_WORD.findall(sample))
    hits = {code: sum(words[w] for w in common) for code, common in STOPWORDS.items()}
    best = max(hits, key=lambda code: (hits[code], code == ENGLISH))
    return best if hits[best] > hits[ENGLISH] else ENGLISH


def language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or ENGLISH, code or ENGLISH)


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def word_count(text: str) -> int:
    """Words of ``text`` between spaces, each Han character counting as one (Chinese writes
    no spaces); a text without Han characters counts as ``len(text.split())``."""
    han = HAN.findall(text)
    return len(han) + len(HAN.sub(" ", text).split()) if han else len(text.split())
