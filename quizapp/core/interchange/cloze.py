"""Cloze cards between the app's shape (a front with one blank, the answer on the back) and
Anki's ("{{c1::answer}}" inside the text)."""

from __future__ import annotations

import re

from quizapp.core.question_kinds.base import BLANK

# {{c1::answer}} or {{c1::answer::hint}}; the answer may not contain "}}".
_DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def to_anki_cloze(front: str, back: str) -> str:
    """The front with its blank replaced by ``{{c1::back}}``."""
    return front.replace(BLANK, "{{c1::" + back.replace("}}", "} }") + "}}", 1)


def from_anki_cloze(text: str) -> tuple[str, str] | None:
    """(front with one blank, answer) when ``text`` has exactly one deletion; else None (a
    note with several gaps makes several cards in Anki, which the app's cards cannot hold)."""
    matches = list(_DELETION.finditer(text))
    if len(matches) != 1:
        return None
    match = matches[0]
    front = text[: match.start()] + BLANK + text[match.end() :]
    return front.strip(), match.group(2).strip()


def has_cloze(text: str) -> bool:
    return _DELETION.search(text) is not None
