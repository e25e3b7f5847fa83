"""Where sentences end: a full stop that is not an abbreviation's, an initial's or a number's.

Claims are verbatim spans of the article, so the splitter works on offsets and never rewrites
the text. A full stop followed by a space ends a sentence unless the word before it is:

* a title before a name ("Dr.", "St. Paul", "Mt. Fuji");
* an abbreviation before a number or an era ("c. 218 BC", "approx. 5 km", "No. 5", "p. 12");
* an initial ("J. M. Keynes") or a Latin abbreviation ("e.g.", "i.e.", "cf.");
* the "v." or "vs." of a case name ("Plessy v. Ferguson", "Brown v. Board of Education");
* a dotted acronym ("U.S.", "A.D.") not followed by a word that usually opens a sentence;

and a full stop followed by a word in lower case never ends one ("approx. five", "etc. and").
"!" and "?" always end a sentence; a colon ends one only at the end of its block (a list's
lead-in): what follows a colon inside a line completes its sentence.

Other languages (``language``, an ISO 639-1 code) add their own abbreviations: Russian "т. е.",
"г.", "А. С. Пушкин"; German "z. B.", "Nr.", the ordinal "3. Oktober". Chinese ends a sentence
at 。！？ with no space after it; its ；and ：end one only at the end of a block, as a colon does.
"""

from __future__ import annotations

import re

# The word before a full stop: letters with inner dots ("U.S", "e.g", "J", "approx", "т").
WORD_BEFORE = re.compile(r"([^\W\d_](?:[^\W\d_]*|(?:\.[^\W\d_])+))$")
# A terminator, any closing quotes or brackets after it, then a space or the end; or a Chinese
# terminator, which needs no space after it.
CLOSING = "\"'\u201d\u2019)\\]\u300d\u300f\uff09"
BOUNDARY = re.compile(rf"[.!?:][{CLOSING}]*(?=\s|$)|[\u3002\uff01\uff1f\uff1b\uff1a][{CLOSING}]*")
# Chinese marks that end a sentence wherever they stand; "；" and "：" only at a block's end.
CHINESE_FINAL = "\u3002\uff01\uff1f"
# Always followed by a name: never the end of a sentence.
TITLES = frozenset(
    "mr mrs ms dr prof st mt ft sr jr gen col capt lt sgt gov sen rep rev hon fr pres".split()
)
# Followed by a number or an era: "c. 218 BC", "approx. 5", "No. 5", "pp. 3-9", "vol. 2".
BEFORE_NUMBERS = frozenset("c ca approx est no nos vol vols fig figs p pp ch art sec".split())
ERAS = ("AD", "BC", "BCE", "CE", "A.D.", "B.C.")
# Never end a sentence, whatever follows ("e.g. Paris", "cf. Smith", "vs. Rome").
NEVER_FINAL = frozenset("e.g i.e cf vs viz approx".split())
# The lower-case "v." of a case name ("Marbury v. Madison"); a capital "V." is an initial or
# a numeral ("Henry V. He …") and follows their rule.
CASE_NAME_VERSUS = frozenset({"v", "vs"})
# After a dotted acronym, a sentence starts only with a word like these ("… in the U.S. The
# next …"); "U.S. Navy" goes on.
SENTENCE_OPENERS = frozenset(
    """The A An It In On At This That These Those There They He She We I Its His Her Their But
    And However After Before When While By For From As Since During Today Yet So""".split()
)
# Abbreviations of other languages that never end a sentence, whatever follows.
FOREIGN_NEVER_FINAL = {
    "ru": frozenset("т им ул пр проф акад св см ср напр др рис стр тыс млн млрд".split()),
    "de": frozenset("z b d h u a o ä s v vgl bzw ca nr dr prof st hl evtl ggf inkl sog".split()),
}
# Russian "г." (year, town) and "в." (century) end a sentence unless a date opens it:
# "В 1991 г. Союз распался." goes on, "… закончили в 1916 г. Затем …" ends.
RUSSIAN_DATE_WORDS = frozenset("г гг в вв".split())
MAX_DATE_OPENING_WORDS = 4
# German ordinals: "am 3. Oktober", "im 19. Jahrhundert" go on.
GERMAN_AFTER_ORDINALS = frozenset(
    """Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    Jahrhundert Jh Jahrhunderts""".split()
)
MAX_ORDINAL = 100


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\s*([\"'\u201c\u2018(\[]*)(\S*)", text[end:])
    return match.group(2) if match else ""


def _foreign_goes_on(text: str, stop: int, following: str, language: str, begin: int) -> bool:
    """Whether a full stop at ``stop`` goes on by a rule of ``language`` (see the docstring)."""
    found = WORD_BEFORE.search(text[:stop])
    word = found.group(1).lower() if found else ""
    if word in FOREIGN_NEVER_FINAL.get(language, ()):
        return True
    if language == "ru" and word in RUSSIAN_DATE_WORDS:
        return len(text[begin:stop].split()) <= MAX_DATE_OPENING_WORDS
    if language == "de" and found is None:
        number = re.search(r"(?<![\d.])(\d{1,3})$", text[:stop])
        return (
            bool(number)
            and int(number.group(1)) <= MAX_ORDINAL
            and (following.rstrip(".,") in GERMAN_AFTER_ORDINALS)
        )
    return False


def _is_initial(word: str, language: str) -> bool:
    return len(word) == 1 and word.isupper() and (word != "I" or language != "en")


def _lower_word_before(text: str, start: int) -> bool:
    """The word before ``start`` is a lower-case one ("symbol" of "the symbol V.")."""
    before = text[:start].rstrip().rsplit(maxsplit=1)
    return bool(before) and before[-1].isalpha() and before[-1].islower()


def _ends_sentence(text: str, stop: int, end: int, language: str = "en", begin: int = 0) -> bool:
    """Whether the terminator at ``stop`` (its closing marks running to ``end``) ends one."""
    if text[stop] in "!?" or text[stop] in CHINESE_FINAL:
        return True
    if text[stop] in ":\uff1a\uff1b":
        # A list's lead-in ends its block; inside a line, "…: the Yamal plant" goes on.
        return not text[end:].strip()
    following = _next_word(text, end)
    if not following:
        return True
    if following[0].islower():
        return False
    if language != "en" and _foreign_goes_on(text, stop, following, language, begin):
        return False
    found = WORD_BEFORE.search(text[:stop])
    if found is None:
        return True
    word = found.group(1)
    lowered = word.lower()
    if lowered in NEVER_FINAL or lowered in TITLES or word in CASE_NAME_VERSUS:
        return False
    if lowered in BEFORE_NUMBERS and (following[0].isdigit() or following.startswith(ERAS)):
        return False
    if _is_initial(word, language):
        # An initial ("J. M. Keynes", "А. С. Пушкин"), unless a lower-case word stands before
        # it and a sentence's first word after it: "with the symbol V. A thermocouple …".
        return following in SENTENCE_OPENERS and _lower_word_before(text, found.start())
    if "." in word:  # a dotted acronym: "U.S.", "A.D."
        return following in SENTENCE_OPENERS
    return True


def sentence_bounds(text: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` in ``language``; ``end`` is after its
    terminator, and the spaces between sentences belong to none."""
    bounds: list[tuple[int, int]] = []
    begin = len(text) - len(text.lstrip())
    for match in BOUNDARY.finditer(text):
        if match.end() <= begin or not _ends_sentence(
            text, match.start(), match.end(), language, begin
        ):
            continue
        bounds.append((begin, match.end()))
        rest = text[match.end() :]
        begin = match.end() + len(rest) - len(rest.lstrip())
    tail = text[begin:].rstrip()
    if tail:
        bounds.append((begin, begin + len(tail)))
    return bounds


def with_stop(text: str) -> str:
    """``text`` ending as a sentence: a full stop added unless it ends with one already, inside
    its closing quote too ('… declared, "Ich bin ein Berliner."' takes no second stop)."""
    return text if text.rstrip("\"”’'").endswith((".", "!", "?")) else f"{text}."
