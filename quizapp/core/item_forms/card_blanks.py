"""Blanks a recall card may not take, and where a blank's phrase starts and ends.

Reviewers marked trivial a recall card whose blank any reader fills from plain English: a
common word ("books were copied by _____" -> hand, "inventions in _____" -> history, "released
along _____" -> the way), a word of the sentence's frame ("became _____ as the …" -> known), a
filler that only points at what the sentence goes on to name ("converted into _____, chiefly
ammonium and nitrate" -> other compounds), and a word the card's own heading shows. They marked
garbled a blank cut across a phrase: "Plants take _____" -> "up nitrate" (the particle belongs to
the verb), "convert _____ into gas" -> "nitrate back", "eating plants _____" -> "or other
animals" (a coordinated tail).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizapp.core.lexicon import RARE_WORD_ZIPF, content_words, english_zipf, is_function_word

BLANK = "_____"
# What the subject's blank leaves shown must say something of its own ("closes the cycle").
MIN_PREDICATE_CONTENT_WORDS = 2

# A lower-case answer of one content word at least this common is guessed from
# the words around it ("by hand", "in history", "along the way", "from the air").
COMMON_WORD_ZIPF = 5.2
MAX_COMMON_CONTENT_WORDS = 1
MAX_COMMON_WORDS = 2
# Participles of the naming frame: "became known as", "is called", "was named".
FRAME_WORDS = frozenset("known called named termed described regarded".split())
CONJUNCTIONS = frozenset("and or nor but".split())
# Adverb particles of phrasal verbs ("take up", "break down", "convert … back").
PARTICLES = frozenset("up down out off back away apart together aside forward".split())
LINKING_WORDS = frozenset("of to in on at for from with by as than that into".split())
# Words that judge or compare without naming ("the same job", "a famous sentence", "the main
# forum", "the greatest threats"): a blank of such words and everyday nouns pins nothing.
VAGUE_WORDS = frozenset(
    "same main famous greatest great important key major certain various several similar "
    "particular different".split()
)
MAX_VAGUE_WORDS = 2
# A word at most this common is one a student learns from the article (see specific_answer).
SPECIFIC_WORD_ZIPF = 3.45
# A negation carries the claim ("Afghanistan is not a party"): never a mere common word.
NEGATIONS = frozenset("not no never".split())


def _plain(word: str) -> str:
    return word.strip(",;:.“”\"'()").lower()


def common_words_only(answer: str) -> bool:
    """ "hand", "the way", "the air": a lower-case answer of one everyday word."""
    if any(ch.isupper() or ch.isdigit() for ch in answer):
        return False
    words = [_plain(w) for w in answer.split()]
    # "much of the work" says how much: only a bare word or "the"/"a" and a word is so common.
    if not words or words[0] in NEGATIONS or len(words) > MAX_COMMON_WORDS:
        return False
    content = content_words(answer)
    return 0 < len(content) <= MAX_COMMON_CONTENT_WORDS and all(
        english_zipf(w) >= COMMON_WORD_ZIPF for w in content
    )


def poor_blank(answer: str, shown_with: str = "") -> bool:
    """A recall blank a student fills without the article, or one cut across a phrase;
    ``shown_with`` is what the card shows beside it (its heading): no answer it names."""
    words = [_plain(w) for w in answer.split()]
    if not words:
        return True
    if words[0] in CONJUNCTIONS or words[0] == "other" or words[0] in PARTICLES:
        return True  # "or other animals", "other compounds", "up nitrate"
    if len(words) > 1 and words[-1] in PARTICLES:
        return True  # "nitrate back"
    if " ".join(words) in FRAME_WORDS:
        return True
    if len(words) == 1 and words[0] in NEGATIONS:
        return True  # "Charities helped where the state did _____" -> not: the contrast says it
    if shown_with and _named_in(answer, shown_with):
        return True
    return common_words_only(answer) or vague_words_only(answer)


def specific_answer(answer: str) -> bool:
    """An answer a student recalls from the article, not from the words around it: it has a
    number or a rare word ("ohms", "permanent magnets", "an intergovernmental forum"). On the
    unseen-4 and -5 labels, 11 of 15 recall blanks with such a word were fine and 13 of 65
    without one ("the border", "the West", "their work", "several ways")."""
    if any(ch.isdigit() for ch in answer):
        return True
    return any(english_zipf(w.lower()) < SPECIFIC_WORD_ZIPF for w in content_words(answer))


def vague_words_only(answer: str) -> bool:
    """ "the same job", "a famous sentence", "the main forum": a short lower-case answer led by
    a word that only judges or compares; the noun after it is what the sentence leaves open."""
    if any(ch.isupper() or ch.isdigit() for ch in answer):
        return False
    content = [w.lower() for w in content_words(answer)]
    return 0 < len(content) <= MAX_VAGUE_WORDS and content[0] in VAGUE_WORDS


def repeated_in(answer: str, sentence: str) -> bool:
    """The sentence names the answer again outside its blank ("splits between _____, and …
    the sum of the currents in the branches" -> the branches)."""
    rest = sentence.replace(answer, " ", 1)
    return _named_in(answer, rest)


def _named_in(answer: str, shown_with: str) -> bool:
    """Every content word of ``answer`` stands in ``shown_with`` ("the Aral Sea" under "The
    Soviet Legacy and the Aral Sea")."""
    shown = {w.lower() for w in content_words(shown_with)}
    shown |= {w.removesuffix("'s").removesuffix("’s") for w in shown}
    # "diseases" under the label "Disease:": a plural gives its singular away, and back.
    shown = {singular(w) for w in shown}
    words = [singular(w.lower()) for w in content_words(answer)]
    return bool(words) and all(w in shown for w in words)


def singular(word: str) -> str:
    """A plain plural's singular ("diseases" -> "disease", "cities" -> "city"); other words
    as they are ("glass", "this")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def past_particle(words: list[str], start: int, verb: int) -> int:
    """The object's start moved past the verb's particle ("take up | nitrate"), so the particle
    stays with its verb on the front."""
    if start != verb + 1 or start + 2 > len(words) or _plain(words[start]) not in PARTICLES:
        return start
    # "grew out of | agreements": a particle before a preposition opens a phrase of its own.
    if words[start] != words[start].rstrip(",;:.") or _plain(words[start + 1]) in LINKING_WORDS:
        return start
    return start + 1


def before_particle(words: list[str], start: int, end: int) -> int:
    """The phrase's end moved back before a trailing particle ("nitrate | back into")."""
    last = words[end - 1]
    if end - start > 1 and last == last.rstrip(",;:.") and _plain(last) in PARTICLES:
        return end - 1
    return end


def named_as(words: list[str], verb: int) -> list[int]:
    """Where the name starts after a naming frame past the verb ("became known as | the
    'unequal treaties'"): the blank falls on the name, never on "known"."""
    return [
        i + 1
        for i in range(verb, len(words) - 1)
        if _plain(words[i]) == "as" and _plain(words[i - 1]) in FRAME_WORDS
    ]


def subject_cloze(head: str, rest: str, answer_ok: Callable[[str], bool]) -> tuple[str, str] | None:
    """ "Denitrification closes the cycle.": a cue of one term alone ("Denitrification …")
    pins nothing; the card blanks the term instead ("_____ closes the cycle." -> the term),
    when the rest says enough to point at it. ``head`` is the recall cue (subject and verb);
    None when its subject is more than one word, a function word or an everyday one."""
    words = head.split()
    if not words or is_function_word(words[0]) or len(content_words(head)) != 1:
        return None
    term = words[0].strip(",;:")
    predicate = " ".join([*words[1:], rest.strip(" ,")]).strip().rstrip(".")
    if len(content_words(predicate)) < MIN_PREDICATE_CONTENT_WORDS:
        return None
    # A term the article teaches ("Denitrification"), not an everyday word ("Populations").
    if not term[:1].isupper() or english_zipf(term) >= RARE_WORD_ZIPF or not answer_ok(term):
        return None
    return f"{BLANK} {predicate}.", term


# A card's cue must name enough of what the claim is about to pin one answer: "T cells do
# _____", "Vaccines …", "The famine also changed _____" have several right answers per the
# article, reviewers found.
MIN_CUE_CONTENT_WORDS = 3
# "When a B cell … is activated, it divides …", "When it is …": a cut right after a pronoun
# and its verb leaves the answer anything the pronoun does.
PRONOUN_AND_VERB_CUT = re.compile(r"\b(?:it|they|he|she|this|these|we|you)\s+\w+\s*…$", re.I)


def cue_pins_nothing(front: str, context: str = "") -> bool:
    """Whether a recall card's ``front`` (its sentence, blank or ellipsis included; no heading),
    read after ``context``, is a stub with no single right answer."""
    if front.startswith(BLANK):
        return False  # "_____ closes the cycle.": a term's blank, its predicate checked already
    shown = f"{context} {front.replace(BLANK, ' ')}"
    if len(content_words(shown.replace("…", " "))) < MIN_CUE_CONTENT_WORDS:
        return True
    return front.count(BLANK) == 0 and PRONOUN_AND_VERB_CUT.search(front.strip()) is not None


ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def spelled_by_an_acronym(front: str, answer: str) -> bool:
    """Whether the list holding the blank spells an acronym of the sentence with its items'
    initials ("the MMR vaccine against _____, mumps and rubella" -> measles): the capitals
    give the answer's first letter and its place."""
    part = next((p for p in re.split(r"[;:.]", front) if BLANK in p), "")
    listed = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", part.replace(BLANK, answer))
    # The first item ends in its word ("the MMR vaccine against measles"), the others start
    # with theirs ("rubella is one").
    words = [item.split() for item in listed if item.split()]
    initials = "".join(w[-1 if i == 0 else 0][:1].lower() for i, w in enumerate(words))
    return any(
        word.lower() in initials and answer[:1].lower() == word[0].lower()
        for word in ACRONYM.findall(front)
        if len(listed) >= len(word)
    )


# A run of capitalised words, with the small words a name may hold ("Bank of England").
CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w'\u2019-]*)+"
)
NAME_SMALL_WORDS = frozenset({"of", "and", "the", "for"})


def spelled_by_initials(text: str, start: int, end: int, seen: str = "") -> bool:
    """Whether the name holding ``text[start:end]`` has initials that an acronym the student
    sees spells ("the GWR … nicknamed \u201c_____'s Wonderful Railway\u201d" -> God, "the ICO
    … the International _____ Organization" -> Coffee): its capital is given away."""
    acronyms = set(ACRONYM.findall(f"{text} {seen}"))
    if not acronyms:
        return False
    for run in CAPITALISED_RUN.finditer(text):
        if not (run.start() < end and start < run.end()):
            continue  # the blank may hold the name's quotes too ("“God's Wonderful Railway”")
        words = [w for w in run.group(0).split() if w.lower() not in NAME_SMALL_WORDS]
        if "".join(w[0] for w in words) in acronyms:
            return True
    return False
