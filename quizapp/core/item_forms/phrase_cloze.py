"""A recall card that pins one answer: a whole phrase of the sentence blanked, the rest shown.

A recall card cut after the subject ("Continental crust is …", "The rains …") leaves the student
to guess what is asked. Here the blank is one phrase after the main verb or after a preposition
that follows it ("Cook returned to _____ in 1771" -> "England", "Plates move towards _____" ->
"each other"): the cut falls at a phrase boundary, never inside a name or a noun phrase, and the
rest of the sentence stays on the front so that one answer fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.core.item_forms.card_blanks import (
    before_particle,
    named_as,
    past_particle,
    specific_answer,
)
from quizapp.core.item_forms.grammar import (
    MAX_SUBJECT_WORDS,
    _lemmas,
    is_base_verb,
    is_verb_only,
    split_clause,
)
from quizapp.core.lexicon import content_words, is_function_word
from quizapp.core.sentences import with_stop

BLANK = "_____"
PREPOSITIONS = frozenset(
    "in on at to into onto from by with for about across along around through towards toward "
    "under over between among behind beneath beyond against during after before via".split()
)
# Words that end a phrase: what follows them is a phrase or clause of its own.
PHRASE_ENDS = PREPOSITIONS | frozenset(
    "that which who whom whose where when while because since so as than rather but until "
    "if although though".split()
)
# A phrase pointing back ("such a cost", "it") cannot be recalled from the card alone.
POINTING = frozenset("it this that these those such they them he she".split())
# A verb that takes a clause ("geologists think the largest force is …"): its object is no phrase.
CLAUSE_VERBS = frozenset(
    "think thinks thought believe believed say said says show shows showed".split()
)
WH_WORDS = frozenset("how what why where when whether who which".split())
AUXILIARY_WORDS = frozenset("is are was were be been being has have had do does did".split())
MAX_PHRASE_WORDS = 6
MAX_OPENING_WORDS = 16
SENTENCE_ADVERBS = frozenset("also then often now still once already never first".split())


def _is_verb_or_adverb(word: str) -> bool:
    """A word no noun phrase holds: an auxiliary, an adverb, a word that is only a verb."""
    lower = word.lower()
    if lower in AUXILIARY_WORDS or lower in SENTENCE_ADVERBS:
        return True
    if lower.endswith("ly") and len(lower) > 4:
        return True
    lemmas = _lemmas(lower)
    return word.islower() and "VERB" in lemmas and not ({"NOUN", "ADJ"} & set(lemmas))


MIN_SHOWN_CONTENT_WORDS = 3
# A subject found past the clause splitter has at least this many words ("The two atoms …").
MIN_SUBJECT_WORDS = 3


@dataclass(frozen=True)
class PhraseCloze:
    front: str
    back: str


def _phrase_end(words: list[str], start: int) -> int:
    """Where the phrase from ``words[start]`` stops: before a linking word or preposition, after
    a comma or colon, or at the sentence's end."""
    end = start
    while end < len(words) and end - start < MAX_PHRASE_WORDS + 1:
        word = words[end]
        if end > start and word.strip(",;:.").lower() in PHRASE_ENDS:
            break
        end += 1
        if word.rstrip(",;:") != word:
            break  # a comma or colon closes the phrase
    return end


def _recallable(phrase: list[str]) -> bool:
    """A noun phrase a student could recall: short, naming something, no clause inside it."""
    if not phrase or len(phrase) > MAX_PHRASE_WORDS or is_function_word(phrase[-1]):
        return False
    if any(w.lower() in POINTING for w in phrase) or phrase[0].lower() in WH_WORDS:
        return False
    # "how each works", "new crust also slides away": a clause, not a phrase.
    return not any(_is_verb_or_adverb(w) for w in phrase) and bool(content_words(" ".join(phrase)))


def _phrase_at(words: list[str], start: int) -> int | None:
    """The end (exclusive) of the phrase that starts at ``words[start]``, or None when it is no
    phrase a student could recall: empty, too long, pointing back, or ending on a function word."""
    if words[start].startswith(","):
        return None
    end = _phrase_end(words, start)
    if not _recallable([w.strip(",;:.") for w in words[start:end]]):
        return None
    last = words[end - 1]
    if (
        end < len(words)
        and last[:1].isupper()
        and last == last.strip(",;:.")
        and words[end][:1].isupper()
    ):
        return None  # inside a name ("New | York")
    return end


def _noun_read_as_verb(words: list[str], index: int, subject: str) -> int | None:
    """ "Power plants cut …", "The rains finally returned …": when the word read as the verb is
    the subject's noun, the index of the verb that follows it (past an adverb); else None."""
    after = index + 1
    while after < len(words) and words[after].endswith("ly"):
        after += 1
    if after >= len(words) or "NOUN" not in _lemmas(words[index]):
        return None
    following = words[after]
    if not following.islower() or "VERB" not in _lemmas(following):
        return None
    if (
        is_function_word(subject.split()[-1])
        or following.endswith("ed")
        or "NOUN" not in _lemmas(following)
        or (words[index].endswith("s") and is_base_verb(following))
    ):
        return after
    return None


def _participle_after(words: list[str], index: int) -> int:
    """ "is now known", "had once formed": the participle after an auxiliary (past adverbs), or
    the auxiliary itself ("is thicker")."""
    after = index + 1
    while after < len(words) and (
        (words[after].endswith("ly") and _is_verb_or_adverb(words[after]))
        or words[after] in SENTENCE_ADVERBS
    ):
        after += 1
    following = words[after] if after < len(words) else ""
    # "reorienting": a participle the lexicon does not know is still one.
    verb_like = "VERB" in _lemmas(following) or following.endswith("ing")
    return after if verb_like and following.islower() else index


def _verb_index(words: list[str], sentence: str) -> int | None:
    """The index of the main verb's last word (with its auxiliary's participle), or None."""
    clause = split_clause(sentence, for_recall=True)
    if clause is None:
        return None
    index = len(clause.subject.split())
    if index > MAX_SUBJECT_WORDS:
        return None
    if clause.auxiliary:
        found = _participle_after(words, index)
        # "has been actively reorienting": the verb is past "been" and its adverb.
        if found < len(words) and words[found] in ("been", "being"):
            found = _participle_after(words, found)
        return found
    return _noun_read_as_verb(words, index, clause.subject) or index


SUBJECT_PRONOUNS = frozenset("he she they we".split())


def _pronoun_subject(words: list[str]) -> tuple[str, str]:
    """ "In his spare time he studied …": an opening phrase without a comma, split before the
    pronoun that is the main clause's subject; ("", "") when there is none."""
    for index, word in enumerate(words[1 : MAX_SUBJECT_WORDS + 1], start=1):
        if word in SUBJECT_PRONOUNS:
            return " ".join(words[:index]), " ".join(words[index:])
        rest = " ".join(words[index:])
        if index >= 2 and word[:1].isupper() and split_clause(rest, for_recall=True):
            return " ".join(words[:index]), rest  # "In his spare time James Cook studied …"
    return "", ""


def _imperative(words: list[str]) -> bool:
    """ "Start with a moderate price …", "Give the revenue back …": a base verb then a function
    word; never "Trade volume … has surged", where the noun "Trade" opens a subject."""
    return len(words) > 1 and is_base_verb(words[0].lower()) and is_function_word(words[1])


def _opened(words: list[str], text: str) -> bool:
    """An opening phrase before the main clause: "Because …", "Driven by shared interests, …"."""
    return words[0].lower() in PHRASE_ENDS or _phrase_opening(words, text)


def _phrase_opening(words: list[str], text: str) -> bool:
    """ "In the wake of …, ", "Driven by …, ": a preposition's or participle's phrase, which
    may be long, unlike a clause ("Because so many farms failed, …")."""
    first = words[0].lower()
    participle = first.endswith(("ed", "ing", "en")) and "VERB" in _lemmas(first)
    return ", " in text and (participle or first in PREPOSITIONS)


def _main_verb(words: list[str], text: str) -> int | None:
    """The index of the main verb's last word, past an opening phrase ("In the wake of …, ",
    "In his spare time he …"); None when the main clause cannot be found."""
    verb = 0 if _imperative(words) else _verb_index(words, text)
    if not (_opened(words, text) or verb is None or any(w.endswith(",") for w in words[:verb])):
        return verb
    opening, comma, rest = text.partition(", ")
    if not comma:
        opening, rest = _pronoun_subject(words)
    longest = MAX_OPENING_WORDS if _phrase_opening(words, text) else MAX_SUBJECT_WORDS
    if not rest or len(opening.split()) > longest:
        return None  # "Because so many farms failed, …": the main clause follows the comma
    verb = _verb_index(rest.split(), rest)
    return None if verb is None else verb + len(opening.split())


BE_FORMS = frozenset("is are was were".split())
RELATIVES = frozenset("which that who whom whose".split())
ARTICLES = frozenset("the a an".split())


def _late_verb(words: list[str]) -> int | None:
    """ "The two atoms in a molecule of nitrogen gas (N2) are held together by …": a subject
    too long for the clause splitter; the verb at its first "is"/"are"/"was"/"were" (with the
    participle after it), never one of a relative clause ("…, which are …") nor after an
    opening phrase ("in 1871 the domains were …", where the clause splitter knows better)."""
    if words[0].lower() not in ARTICLES:
        return None
    for index in range(MIN_SUBJECT_WORDS, len(words) - 1):
        before = words[index - 1]
        if words[index] in BE_FORMS and not before.endswith(",") and before not in RELATIVES:
            return _participle_after(words, index)
    return None


def phrase_cloze(
    sentence: str, answer_ok: Callable[[str], bool] = lambda answer: True
) -> PhraseCloze | None:
    """The sentence with one phrase after its main verb blanked: the verb's object, else the
    object of a preposition after it, the first ``answer_ok`` accepts; None when no such phrase
    pins one answer."""
    text = sentence.rstrip(" .")
    words = text.split()
    verb = _main_verb(words, text)
    if verb is None:
        verb = _late_verb(words)
    if verb is None:
        return None
    starts = [] if words[verb].lower() in CLAUSE_VERBS else [verb + 1]
    starts += [i + 1 for i in range(verb + 1, len(words)) if words[i].lower() in PREPOSITIONS]
    starts += named_as(words, verb)  # "became known as | the 'unequal treaties'"
    # "a major supplier of advanced military technology": too long a phrase, its "of" part.
    starts += [i + 1 for i in range(verb + 1, len(words)) if words[i].lower() == "of"]
    found = [c for c in (_cloze_at(words, s, verb, answer_ok) for s in starts) if c]
    # The first phrase that names something specific, else the first: "closed the border
    # between East and West Berlin with barbed wire" blanks "barbed wire", not "the border".
    return next((c for c in found if _preferred(c.back)), found[0] if found else None)


def _preferred(phrase: str) -> bool:
    """A specific phrase that is one phrase: no bracket ("search and rescue (2011)") and no
    verb of its own ("the 1960s and later split")."""
    words = phrase.split()
    after_and = [words[i + 1] for i in range(len(words) - 1) if words[i] == "and"]
    return (
        specific_answer(phrase)
        and "(" not in phrase
        and not any(is_verb_only(w) for w in words[1:])
        and not any("ADV" in _lemmas(w) and "NOUN" not in _lemmas(w) for w in after_and)  # "later"
    )


def _cloze_at(
    words: list[str], start: int, verb: int, answer_ok: Callable[[str], bool]
) -> PhraseCloze | None:
    """The sentence with the phrase starting at ``start`` blanked, when it pins one answer."""
    start = past_particle(words, start, verb)  # "take up | nitrate"
    if start >= len(words) or words[start].lower() in PHRASE_ENDS:
        return None
    end = _phrase_at(words, start)
    if end is None or (end < len(words) and words[end] == "than"):
        return None  # "for _____ than a kilometre": a comparison cut in two
    end = before_particle(words, start, end)  # "nitrate | back into"
    phrase = " ".join(words[start:end]).rstrip(",;:.")
    trailing = words[end - 1][len(words[end - 1].rstrip(",;:.")) :]
    shown = " ".join([*words[:start], f"{BLANK}{trailing}", *words[end:]])
    if len(content_words(shown)) < MIN_SHOWN_CONTENT_WORDS or not answer_ok(phrase):
        return None
    return PhraseCloze(with_stop(shown), re.sub(r"\s+", " ", phrase))
