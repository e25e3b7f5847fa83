"""GIFT's escaping, and one question's parts as the format module splits them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.interchange.html_text import html_to_text

# GIFT reserves these; a backslash before one makes it literal ("\~", "\=", "\#", "\{", "\}",
# "\:"). While a question is parsed they stand in as private-use characters, so the splitting
# below can use plain string operations and never confuse an escaped one with syntax.
SPECIALS = "~=#{}:"
_PLACEHOLDERS = {char: chr(0xE000 + i) for i, char in enumerate(SPECIALS)}
_RESTORE = {v: k for k, v in _PLACEHOLDERS.items()}
# The format marker a question text, an answer or a feedback may open with.
FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]")


def escape(text: str) -> str:
    """Text safe anywhere in a GIFT question: specials escaped, line breaks as ``\\n``."""
    out = "".join("\\" + c if c in SPECIALS else c for c in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def hide_escapes(text: str) -> str:
    """Replace each escaped special by its placeholder, and ``\\n`` by a line break."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in SPECIALS:
            out.append(_PLACEHOLDERS[text[i + 1]])
            i += 2
        elif char == "\\" and i + 1 < len(text) and text[i + 1] == "n":
            out.append("\n")
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def restore(text: str, *, strip: bool = True) -> str:
    """Placeholders back to the literal characters; surrounding whitespace trimmed unless
    ``strip`` is False (text around a "missing word" keeps its spaces)."""
    out = "".join(_RESTORE.get(c, c) for c in text)
    return out.strip() if strip else out


@dataclass
class GiftAnswer:
    """One ``=`` or ``~`` answer; ``text`` still holds placeholders until the kind restores it."""

    marker: str  # "=" or "~"
    text: str
    weight: float | None = None  # the %n% weight, if written
    feedback: str = ""

    @property
    def percent(self) -> float:
        if self.weight is not None:
            return self.weight
        return 100.0 if self.marker == "=" else 0.0


@dataclass
class GiftQuestion:
    """A question split into its parts (texts restored, answers parsed)."""

    name: str
    before: str  # the text before the braces
    after: str  # the text after them ("missing word" questions have some)
    body: str  # the raw text inside the braces, placeholders kept
    answers: list[GiftAnswer] = field(default_factory=list)
    general_feedback: str = ""
    has_braces: bool = True


def formatted(text: str) -> str:
    """An answer's or a feedback's text without the ``[html]``/``[plain]``/… marker Moodle lets
    each of them open with (it names the text's format, it is no part of it); HTML as text."""
    match = FORMAT.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    if match.group(1) != "html":
        return rest
    edge = " " if rest[-1:].isspace() else ""  # "~[html]<b>red</b> # …" keeps its gap
    return html_to_text(rest) + edge
