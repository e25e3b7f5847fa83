"""A question's hints: short texts a learner may reveal one after another before answering, as
Moodle's interactive mode shows a question's ``<hint>`` elements between tries."""

from __future__ import annotations

import re
from typing import Any

# Moodle's editor offers two hints and adds more on request; no real question has dozens.
MAX_HINTS = 10
MAX_HINT_CHARS = 1000  # one hint: a sentence or a short paragraph, not a second explanation
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def question_hints(raw: Any, fail) -> list[str]:
    """``raw`` (a list of texts, or None) as the question's hints in order, blank ones dropped;
    ``fail`` when it is not a list of texts, holds too many or one is too long."""
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(h, str) for h in raw):
        fail("hints must be a list of texts")
    hints = [hint.strip() for hint in raw if hint.strip()]
    if len(hints) > MAX_HINTS:
        fail(f"a question has at most {MAX_HINTS} hints, not {len(hints)}")
    for number, hint in enumerate(hints, start=1):
        if len(hint) > MAX_HINT_CHARS:
            fail(f"hint {number} has more than {MAX_HINT_CHARS} characters")
    return hints


def one_hint(text: str) -> str:
    """A hint as one block of lines: a file's paragraph breaks inside one hint become line
    breaks, since the question form separates hints by a blank line."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def hints_from_text(text: str) -> list[str]:
    """The question form's hints: blocks of lines separated by a blank line, in order."""
    return [one_hint(block) for block in _BLANK_LINE.split(text) if block.strip()]


def hints_text(hints: list[str]) -> str:
    """The question's hints as the form shows them (the inverse of ``hints_from_text``)."""
    return "\n\n".join(hints)
