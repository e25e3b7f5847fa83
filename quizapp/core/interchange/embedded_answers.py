"""Moodle's embedded answers ("cloze", multianswer): gaps written inside a question's text.

A gap is ``{weight:TYPE:answers}``: ``weight`` a whole number of marks (1 when left out),
``TYPE`` one of Moodle's names (``SHORTANSWER`` or ``SA``, ``NUMERICAL`` or ``NM``,
``MULTICHOICE`` or ``MC`` and their layouts and shuffled forms), and the answers separated by
``~``, each ``=`` (full marks) or ``%50%`` (part of them) or nothing (no marks) before its
text, then ``#feedback``. A numerical answer is ``value:tolerance``. ``\\}``, ``\\~``, ``\\#``,
``\\/``, ``\\"`` and ``\\\\`` are the characters themselves.

The text is read once, left to right: a body ends at its first unescaped ``}`` and a gap is
abandoned at an unescaped ``{`` (which may open the next one), so no part of the text is
scanned twice however many openers it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.interchange.records import split_weight
from quizapp.core.translatable import N_, Phrase

# Moodle's names for each gap type, the long ones first; the value is the name written back.
GAP_TYPES = {
    "SHORTANSWER": "SHORTANSWER",
    "SA": "SHORTANSWER",
    "MW": "SHORTANSWER",
    "SHORTANSWER_C": "SHORTANSWER_C",
    "SAC": "SHORTANSWER_C",
    "MWC": "SHORTANSWER_C",
    "NUMERICAL": "NUMERICAL",
    "NM": "NUMERICAL",
    "MULTICHOICE": "MULTICHOICE",
    "MC": "MULTICHOICE",
    "MULTICHOICE_V": "MULTICHOICE_V",
    "MCV": "MULTICHOICE_V",
    "MULTICHOICE_H": "MULTICHOICE_H",
    "MCH": "MULTICHOICE_H",
    "MULTICHOICE_S": "MULTICHOICE_S",
    "MCS": "MULTICHOICE_S",
    "MULTICHOICE_VS": "MULTICHOICE_VS",
    "MCVS": "MULTICHOICE_VS",
    "MULTICHOICE_HS": "MULTICHOICE_HS",
    "MCHS": "MULTICHOICE_HS",
}
# Gaps where several options are ticked: a gap of the app holds one answer.
MULTIRESPONSE_TYPES = frozenset(
    {"MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS"}
    | {"MULTIRESPONSE_HS", "MRHS"}
)
MAX_GAP_WEIGHT = 100
_HEADER = re.compile(r"\{(\d*):([A-Za-z_]+):")
_ESCAPABLE = frozenset('}{~#/\\"')


class EmbeddedAnswerError(ValueError):
    """A gap the app cannot hold (its reason in a sentence for the import report, a
    :class:`Phrase` the web layer words)."""

    @property
    def reason(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class GapAnswer:
    """One answer of a gap: its text (a numerical gap's value), its share of the gap's marks
    (0..1, or below 0 where Moodle takes marks away), the feedback shown for it, and a
    numerical answer's tolerance either side."""

    text: str
    fraction: float
    feedback: str = ""
    tolerance: float = 0.0


@dataclass(frozen=True)
class EmbeddedGap:
    """One gap: its canonical Moodle type (``GAP_TYPES`` values), marks and answers."""

    gap_type: str
    weight: int
    answers: tuple[GapAnswer, ...]

    @property
    def family(self) -> str:
        """ "short", "number" or "choice"."""
        if self.gap_type.startswith("SHORTANSWER"):
            return "short"
        return "number" if self.gap_type == "NUMERICAL" else "choice"


@dataclass(frozen=True)
class EmbeddedText:
    """A text cut at its gaps: ``parts`` has one more entry than ``gaps`` (the text before the
    first gap, between each two, and after the last)."""

    parts: tuple[str, ...]
    gaps: tuple[EmbeddedGap, ...]


def unescape(text: str) -> str:
    """``text`` with each escaped special character as itself; other backslashes stay."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            out.append(text[i + 1])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def escape(text: str) -> str:
    """The inverse of ``unescape`` for the characters that would end or split an answer."""
    return re.sub(r'([\\}{~#/"])', r"\\\1", text)


def split_unescaped(text: str, separator: str) -> list[str]:
    """``text`` cut at each ``separator`` that is not escaped (escapes kept in the parts)."""
    parts, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if text[i] == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(text[i])
        i += 1
    parts.append("".join(current))
    return parts


def _body_end(text: str, start: int) -> int | None:
    """The index of the ``}`` closing a body that starts at ``start``, or None when an
    unescaped ``{`` or the end of the text comes first."""
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "}":
            return i
        if char == "{":
            return None
        i += 1
    return None


def parse_embedded(text: str) -> EmbeddedText:
    """The text's gaps and the text around them. A ``{`` that opens no well-formed gap is
    text. Raises EmbeddedAnswerError for a gap of a type the app has no form for."""
    parts: list[str] = []
    gaps: list[EmbeddedGap] = []
    position = scanned = 0
    while True:
        opener = text.find("{", scanned)
        if opener < 0:
            break
        header = _HEADER.match(text, opener)
        end = _body_end(text, header.end()) if header else None
        if header is None or end is None:
            scanned = opener + 1
            continue
        parts.append(text[position:opener])
        gaps.append(_gap(header.group(1), header.group(2), text[header.end() : end]))
        position = scanned = end + 1
    parts.append(text[position:])
    return EmbeddedText(tuple(parts), tuple(gaps))


def _gap(weight_text: str, written_type: str, body: str) -> EmbeddedGap:
    name = written_type.upper()
    if name in MULTIRESPONSE_TYPES:
        raise EmbeddedAnswerError(
            Phrase(
                N_(
                    "a gap where several options are ticked (%(type)s): a gap here holds one answer"
                ),
                type=written_type,
            )
        )
    canonical = GAP_TYPES.get(name)
    if canonical is None:
        raise EmbeddedAnswerError(
            Phrase(N_("a gap of a type the app does not know (%(type)s)"), type=written_type)
        )
    weight = int(weight_text) if weight_text else 1
    if not 0 < weight <= MAX_GAP_WEIGHT:
        raise EmbeddedAnswerError(
            Phrase(
                N_("a gap worth %(weight)s marks (1 to %(limit)s are kept)"),
                weight=weight,
                limit=MAX_GAP_WEIGHT,
            )
        )
    numerical = canonical == "NUMERICAL"
    answers = tuple(_answer(part, numerical) for part in split_unescaped(body, "~") if part.strip())
    if not answers:
        raise EmbeddedAnswerError(Phrase(N_("a %(type)s gap without answers"), type=written_type))
    return EmbeddedGap(canonical, weight, answers)


def _answer(part: str, numerical: bool) -> GapAnswer:
    """One ``~``-separated answer: its mark, text and ``#feedback``."""
    pieces = split_unescaped(part, "#")
    written, feedback = pieces[0].strip(), "#".join(pieces[1:])
    if written.startswith("="):
        percent, written = 100.0, written[1:]
    else:
        weight, written = split_weight(written)
        percent = weight or 0.0
    fraction = max(-1.0, min(1.0, percent / 100.0))
    tolerance = 0.0
    if numerical:
        value, _colon, tolerance_text = written.partition(":")
        written = value
        try:
            tolerance = abs(float(tolerance_text)) if tolerance_text.strip() else 0.0
        except ValueError:
            raise EmbeddedAnswerError(
                Phrase(
                    N_("a numerical gap's tolerance is not a number (%(tolerance)s)"),
                    tolerance=repr(tolerance_text.strip()),
                )
            ) from None
    return GapAnswer(unescape(written).strip(), fraction, unescape(feedback).strip(), tolerance)


def write_gap(gap: EmbeddedGap) -> str:
    """The gap in Moodle's syntax: ``{1:SHORTANSWER:=Paris#Right~%50%paris#Half}``."""
    return (
        "{"
        + f"{gap.weight}:{gap.gap_type}:"
        + "~".join(_written(a, gap) for a in gap.answers)
        + "}"
    )


def _written(answer: GapAnswer, gap: EmbeddedGap) -> str:
    if answer.fraction >= 1.0:
        mark = "="
    else:
        mark = f"%{format(answer.fraction * 100, '.7g')}%"
    text = answer.text if gap.family == "number" else escape(answer.text)
    if gap.family == "number" and answer.tolerance:
        text += f":{format(answer.tolerance, '.15g')}"
    feedback = f"#{escape(answer.feedback)}" if answer.feedback else ""
    return mark + text + feedback


def write_embedded(parts: tuple[str, ...] | list[str], gaps: tuple[EmbeddedGap, ...]) -> str:
    """The text with each gap written back where it was (``parse_embedded``'s inverse)."""
    out = [parts[0]]
    for gap, part in zip(gaps, parts[1:], strict=True):
        out += [write_gap(gap), part]
    return "".join(out)
