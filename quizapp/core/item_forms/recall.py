"""A form any claim can take: a recall card (which-statement questions are in
``which_statement``).

A recall card's front is the start of the claim's sentence, up to its verb ("Trade volume
between Russia and China has …"), or, for a later clause, the sentence up to that clause
("…, including …"); its back is the rest, in the article's words. A sentence opening with "This"
or "It" gets the sentence before it on the front, so the card never points at something unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.core.item_forms.card_blanks import PARTICLES, subject_cloze
from quizapp.core.item_forms.grammar import MODALS, is_base_verb, is_verb_form, split_clause
from quizapp.core.item_forms.phrase_cloze import (
    AUXILIARY_WORDS,
    BLANK,
    PHRASE_ENDS,
    PREPOSITIONS,
    _is_verb_or_adverb,
    _lemmas,
    _recallable,
    phrase_cloze,
)
from quizapp.core.lexicon import content_words, is_function_word

MIN_BACK_CONTENT_WORDS = 2
MIN_FRONT_CONTENT_WORDS = 3
MAX_OPENING_WORDS = 14
MAX_TAIL_WORDS = 4
MIN_TAIL_FRONT_CONTENT_WORDS = 2
# In a longer sentence the last phrase is mostly a detail ("behind the warming of _____"):
# the subject-and-verb cut recalls more of what the sentence says.
MAX_TAIL_SENTENCE_WORDS = 14
RECIPROCALS = frozenset(("each other", "one another"))
# A cloze opening with one of these and no context line leaves the reader asking who is meant.
POINTING_OPENINGS = frozenset("it this these they both she he which those".split())
# Words that start the second half of a sentence: a cause, a purpose, an example, a contrast.
CONNECTOR = re.compile(
    r"(?:,\s*|\s)(?=(?:because|since|so that|so|rather than|such as|where|when|while|but|"
    r"which|until|to (?=[a-z]+ )))"
)


@dataclass(frozen=True)
class Recall:
    """``cloze``: the front holds one blank and the back is the phrase that fills it, so the
    card is shown as the whole sentence with its answer marked."""

    front: str
    back: str
    cloze: bool = False


# Adverbs inside a verb group: "has already been converted", "was once paid".
STAYING_ADVERBS = frozenset("not also never still already once now long".split())


def _participle(word: str) -> bool:
    """A participle after an auxiliary, "paid" and "laid" too ("The price was paid …")."""
    irregular = word.islower() and word.endswith("id") and "VERB" in _lemmas(word)
    return is_verb_form(word) or irregular


def _subject_and_verb(sentence: str) -> str | None:
    """The subject and verb, "Russia has provided", or the subject alone when only the verb
    would be left ("Trade volume between Russia and China" + "has surged")."""
    clause = split_clause(sentence, for_recall=True)
    if clause is None:
        return None
    verb = clause.verb
    if clause.auxiliary:
        # "has provided", "could not attend": the auxiliary and its verb go together.
        verb = clause.auxiliary
        for word in clause.rest.split()[:4]:
            if word in STAYING_ADVERBS or word.endswith("ly"):
                verb += f" {word}"
                continue
            if _participle(word) or (clause.auxiliary in MODALS and is_base_verb(word)):
                verb += f" {word}"
                if word in ("been", "being"):
                    continue  # "has already been | converted": the participle goes too
            break
    # The verb stays on the front when enough is left to recall; else the back starts at it.
    for head, least in ((f"{clause.subject} {verb}", MIN_BACK_CONTENT_WORDS), (clause.subject, 1)):
        if len(content_words(sentence[len(head) :])) >= least:
            return head
    return None


def _before_connector(sentence: str) -> str | None:
    """The sentence up to its last linking word ("… because seedlings dry out quickly"), when
    both sides say something."""
    for match in reversed(list(CONNECTOR.finditer(sentence))):
        front, back = sentence[: match.start()], sentence[match.start() :]
        if len(content_words(front)) >= MIN_FRONT_CONTENT_WORDS and len(content_words(back)) >= 2:
            return front.rstrip(" ,;")
    return None


def _after_opening(sentence: str) -> str | None:
    """ "In the thylakoid membranes, light energy splits …": the opening phrase and the main
    clause's subject and verb."""
    opening, comma, rest = sentence.partition(", ")
    if not comma or len(opening.split()) > MAX_OPENING_WORDS:
        return None
    head = _subject_and_verb(rest)
    return f"{opening}, {head}" if head else None


def _head_of(sentence: str) -> str:
    """The front of a recall card: the subject and verb (after an opening phrase such as "In
    the thylakoid membranes, "), or the sentence up to its last linking word; else its first
    third, up to a content word."""
    first = sentence.split(" ", 1)[0].lower()
    opened = is_function_word(first) or first.endswith(("ing", "ed")) or is_verb_form(first)
    found = (
        (opened and _after_opening(sentence))
        or _subject_and_verb(sentence)
        or _before_connector(sentence)
        or _after_opening(sentence)
    )
    if found:
        return found
    words = sentence.split()
    cut = max(2, len(words) // 3)
    while cut < len(words) - 1 and is_function_word(words[cut - 1].strip(",")):
        cut += 1
    return " ".join(words[:cut]).rstrip(",")


def _inside_a_phrase(last: str, following: str) -> bool:
    """ "natural … gas", "8 … May", "heavier … rainfall": the cut splits a noun phrase (a
    modifier and its noun, neither a function word nor a verb)."""
    if last.endswith((",", ";", ":")) or not following:
        return False
    before, after = last.strip("“”\"'("), following.strip(",;:.“”\"')")
    for word in (before, after):
        if word.islower() and is_function_word(word):
            return False
        if not word or _is_verb_or_adverb(word) or CONNECTOR.match(f" {word.lower()} x"):
            return False
    return True


def _mended(head: str, sentence: str) -> str:
    """The front moved forward to the end of the noun phrase it cut ("The day of Dunant's
    birth, 8 May, is …", never "…, 8 … May"), when something is left to recall after it."""
    words = sentence.split()
    cut = len(head.split())
    moved = cut
    while moved < len(words) - 1 and _inside_a_phrase(words[moved - 1], words[moved]):
        moved += 1
    if moved == cut:
        return head
    # The verb right after the phrase goes on the front too ("8 May, is …").
    if moved < len(words) - 1 and words[moved].lower() in AUXILIARY_WORDS:
        moved += 1
    mended = " ".join(words[:moved]).rstrip(",")
    rest = sentence[len(" ".join(words[:moved])) :]
    return mended if len(content_words(rest)) >= MIN_BACK_CONTENT_WORDS else head


def _tail_before(words: list[str], start: int) -> bool:
    """The word before a sentence's last phrase ends a verb or a preposition: "move towards |
    each other", "takes | time", "has | surged"."""
    before = words[start - 1].lower()
    return (
        before in PREPOSITIONS
        or before == "of"
        or _is_verb_or_adverb(before)
        or (before.islower() and (is_verb_form(before) or "VERB" in _lemmas(before)))
    )


def _in_a_name(words: list[str], start: int) -> bool:
    return words[start][:1].isupper() and words[start - 1][:1].isupper()


def tail_cloze(sentence: str, answer_ok: Callable[[str], bool]) -> Recall | None:
    """The sentence with its last phrase blanked ("Plates move towards _____." -> "each
    other", "The full effect takes _____." -> "time", "Trade volume … has _____." ->
    "surged"), the longest that a student could recall; None when none pins one answer.
    A cut after the subject ("Plates … / … move towards each other") pins nothing."""
    words = sentence.rstrip(" .").split()
    if len(words) > MAX_TAIL_SENTENCE_WORDS:
        return None
    for size in range(min(MAX_TAIL_WORDS, len(words) - 2), 0, -1):
        start = len(words) - size
        phrase = [w.strip(",;:.") for w in words[start:]]
        if phrase[0].lower() in PHRASE_ENDS or phrase[0] == "of" or _in_a_name(words, start):
            continue  # "the warming | of the climate", "known | as a …", "the United | Nations"
        if size > 1 and phrase[0].islower() and "VERB" in _lemmas(phrase[0]):
            continue  # "The full effect | takes time": the verb stays on the front
        after_helper = size == 1 and words[start - 1].lower() in AUXILIARY_WORDS
        recallable = _recallable(phrase) or " ".join(phrase) in RECIPROCALS or after_helper
        if not _tail_before(words, start) or not recallable:
            continue
        front = " ".join(words[:start])
        answer = " ".join(phrase)
        if len(content_words(front)) >= MIN_TAIL_FRONT_CONTENT_WORDS and answer_ok(answer):
            return Recall(f"{front} {BLANK}.", answer, cloze=True)
    return None


def recall_card(
    text: str,
    span: tuple[int, int],
    context: str = "",
    answer_ok: Callable[[str], bool] = lambda answer: True,
    in_context: bool = False,
) -> Recall | None:
    """A card for the claim ``text[span[0]:span[1]]`` of the shown sentence ``text``;
    ``context`` is the sentence before, shown when this one opens by pointing back;
    ``in_context``: a context line will be shown with the card."""
    start, end = span
    if start > 0:
        clause = text[start:end]
        first, _, rest = clause.partition(" ")
        lead = text[:start].rstrip()
        if is_function_word(first) or first.endswith("ing") or first.lower() == "with":
            front, back = f"{lead} {first} …", rest
        else:
            front, back = f"{lead} …", clause
    else:
        pointing = text.split(" ", 1)[0].lower() in POINTING_OPENINGS and not in_context
        blanked = None if pointing else phrase_cloze(text[:end], answer_ok)
        if blanked is None and not pointing:
            blanked = tail_cloze(text[:end], answer_ok)
        if blanked is not None:
            # One phrase blanked, the rest shown: the front pins one answer.
            front = f"{context} {blanked.front}" if context else blanked.front
            return Recall(front, blanked.back, cloze=True)
        head = _mended(_head_of(text[:end]), text[:end])
        named = None if pointing else subject_cloze(head, text[len(head) : end], answer_ok)
        if named is not None:
            # "Denitrification …" pins nothing; "_____ closes the cycle." pins the term.
            front, back = named
            return Recall(f"{context} {front}" if context else front, back, cloze=True)
        front, back = f"{head} …", text[len(head) : end].strip(" ,")
    first = back.split(" ", 1)
    if len(first) == 2 and first[0] in PARTICLES and front.endswith(" …"):
        # "every receiver ends … / … up knowing": the particle stays with its verb.
        front, back = f"{front[:-2]} {first[0]} …", first[1]
    if len(content_words(back)) < 1:
        return None
    if context:
        front = f"{context} {front}"
    return Recall(front, f"… {back}.")
