"""Cloze cards between the app's shape (a front with one blank, the answer on the back) and
Anki's ("{{c1::answer}}" inside the text).

Deletions are found by a scanner rather than a regular expression: the expression this
replaced (lazy answer, optional lazy hint, then "}}") backtracked cubically on text full of
openers such as "{{c1::{{c1::…", so a 6 kB paste held a worker for half a minute. The scanner
reads the text once: each opener is found with ``str.find`` and its closing "}}" once.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.core.question_kinds.base import BLANK

_OPEN = "{{c"
_CLOSE = "}}"
_HINT = "::"


@dataclass(frozen=True)
class Deletion:
    """One ``{{cN::answer}}`` or ``{{cN::answer::hint}}``: its span in the text and its answer."""

    start: int
    end: int
    answer: str


def _answer_start(text: str, opener: int) -> int | None:
    """Where the answer starts when an opener at ``opener`` is followed by digits and "::";
    else None."""
    i = opener + len(_OPEN)
    digits = i
    while i < len(text) and text[i].isdecimal():
        i += 1
    if i == digits or not text.startswith(_HINT, i):
        return None
    return i + len(_HINT)


def deletions(text: str, limit: int | None = None) -> list[Deletion]:
    """The deletions of ``text`` in order, at most ``limit`` of them (the answer may not
    contain "}}", and ends at its first "::" when a hint follows). Linear in ``len(text)``."""
    found: list[Deletion] = []
    position = 0
    while limit is None or len(found) < limit:
        opener = text.find(_OPEN, position)
        if opener < 0:
            break
        start = _answer_start(text, opener)
        if start is None:
            position = opener + 1
            continue
        close = text.find(_CLOSE, start)
        if close < 0:
            break  # no "}}" after this opener, so none after any later one either
        hint = text.find(_HINT, start, close)
        answer = text[start : close if hint < 0 else hint]
        found.append(Deletion(opener, close + len(_CLOSE), answer))
        position = close + len(_CLOSE)
    return found


# How a card of several blanks lists their answers on its back (``anki_cards`` writes it so
# when an Anki note blanks several places with one number).
ANSWERS_JOINED = " … "


def to_anki_cloze(front: str, back: str) -> str:
    """The front with its blank replaced by ``{{c1::back}}``; a front of several blanks whose
    back lists one answer per blank ("Danube … Vienna") gets each in its own ``{{c1::…}}``,
    as the Anki note it came from had them."""
    blanks = front.count(BLANK)
    answers = back.split(ANSWERS_JOINED)
    if blanks < 2 or len(answers) != blanks:
        answers = [back]
    for answer in answers:
        front = front.replace(BLANK, "{{c1::" + answer.replace("}}", "} }") + "}}", 1)
    return front


def from_anki_cloze(text: str) -> tuple[str, str] | None:
    """(front with one blank, answer) when ``text`` has exactly one deletion; else None (a
    note with several gaps makes several cards in Anki, which the app's cards cannot hold)."""
    found = deletions(text, limit=2)
    if len(found) != 1:
        return None
    gap = found[0]
    front = text[: gap.start] + BLANK + text[gap.end :]
    return front.strip(), gap.answer.strip()


def has_cloze(text: str) -> bool:
    return bool(deletions(text, limit=1))
