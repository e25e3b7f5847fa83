"""Anki's cloze deletions as Anki reads them: nested (``{{c1::Ulysses {{c2::S.}} Grant}}``),
with hints (``{{c1::Grant::president}}``) and several numbers (``{{c1,2::…}}``); one card per
number, each showing the other deletions as text.

The text is read once, left to right, with a stack of open deletions: linear in its length
whatever it holds (a field of 6 kB of openers once held a worker for half a minute through a
backtracking expression; see ``cloze``). An opener never closed is plain text, as in Anki,
and so is one nested deeper than ``MAX_NESTING``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.core.question_kinds.base import BLANK

_OPEN = "{{c"
_CLOSE = "}}"
_HINT = "::"
# Deeper nesting is read as text: no real note nests more than a few levels, and the pieces
# are walked recursively.
MAX_NESTING = 32


@dataclass
class Deletion:
    numbers: frozenset[int]
    opener: str  # as written, to give an unclosed one back as text
    parts: list[str | Deletion] = field(default_factory=list)
    hint: str | None = None


def _opener(text: str, at: int) -> tuple[frozenset[int], int] | None:
    """The numbers of the opener at ``at`` and where its content starts, or None."""
    i = at + len(_OPEN)
    numbers_start = i
    while i < len(text) and (text[i].isdecimal() or text[i] == ","):
        i += 1
    if i == numbers_start or not text.startswith(_HINT, i):
        return None
    numbers = frozenset(int(n) for n in text[numbers_start:i].split(",") if n)
    return (numbers, i + len(_HINT)) if numbers else None


def _close(deletion: Deletion) -> None:
    """Anki's hint: what follows "::" in the deletion's last piece of text."""
    last = deletion.parts[-1] if deletion.parts else None
    if isinstance(last, str) and _HINT in last:
        answer, hint = last.split(_HINT, 1)
        deletion.parts[-1] = answer
        deletion.hint = hint


class _Marks:
    """Where the next opener and closer start at or after a position, each found with
    ``str.find`` and kept until passed: plain text is skipped, and a text without any closer
    is searched for one once, not from every opener (which was quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found = {_OPEN: -1, _CLOSE: -1}

    def next(self, mark: str, start: int) -> int:
        at = self.found[mark]
        if at != len(self.text) and at < start:
            at = self.text.find(mark, start)
            at = len(self.text) if at < 0 else at
            self.found[mark] = at
        return at

    def after(self, start: int, closing: bool) -> int:
        opener = self.next(_OPEN, start)
        return min(opener, self.next(_CLOSE, start)) if closing else opener


def parse(text: str) -> list[str | Deletion]:
    """The text as pieces of plain text and deletions (which may hold more of both)."""
    root: list[str | Deletion] = []
    stack: list[Deletion] = []
    at = plain_from = 0
    marks = _Marks(text)

    def flush(upto: int) -> None:
        if upto > plain_from:
            (stack[-1].parts if stack else root).append(text[plain_from:upto])

    while at < len(text):
        opens = len(stack) < MAX_NESTING and text.startswith(_OPEN, at)
        opener = _opener(text, at) if opens else None
        if opener is not None:
            flush(at)
            stack.append(Deletion(opener[0], text[at : opener[1]]))
            at = plain_from = opener[1]
        elif stack and text.startswith(_CLOSE, at):
            flush(at)
            done = stack.pop()
            _close(done)
            (stack[-1].parts if stack else root).append(done)
            at = plain_from = at + len(_CLOSE)
        else:
            at = marks.after(at + 1, bool(stack))
    flush(len(text))
    while stack:  # never closed: the opener and its content are text
        undone = stack.pop()
        (stack[-1].parts if stack else root).extend([undone.opener, *undone.parts])
    return root


def numbers(pieces: list[str | Deletion]) -> set[int]:
    """Every deletion number in ``pieces``, nested ones included."""
    found: set[int] = set()
    for piece in pieces:
        if isinstance(piece, Deletion):
            found |= piece.numbers | numbers(piece.parts)
    return found


def shown(pieces: list[str | Deletion]) -> str:
    """The text with every deletion shown as its answer."""
    return "".join(piece if isinstance(piece, str) else shown(piece.parts) for piece in pieces)


@dataclass
class ClozeSide:
    front: str  # the text with a blank (and its hint) for each deletion of the number
    answers: list[str]
    hints: list[str]


def card_for(pieces: list[str | Deletion], number: int) -> ClozeSide:
    """The card of deletion ``number``: its deletions blanked, every other shown as text."""
    answers: list[str] = []
    hints: list[str] = []

    def render(items: list[str | Deletion]) -> str:
        out = []
        for piece in items:
            if isinstance(piece, str):
                out.append(piece)
            elif number in piece.numbers:
                answers.append(shown(piece.parts))
                if piece.hint:
                    hints.append(piece.hint)
                out.append(BLANK + (f" ({piece.hint})" if piece.hint else ""))
            else:
                out.append(render(piece.parts))
        return "".join(out)

    return ClozeSide(render(pieces), answers, hints)
