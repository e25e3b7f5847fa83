"""A typed answer a file marks in parts: a Moodle ``shortanswer`` or a GIFT short answer
("{=Paris =%50%paris#Half}") whose answers are worth part of the mark or carry feedback.

A short-answer question of the app keeps neither, so such a question is read as a cloze
question of one short-answer gap (``cloze_gaps`` grades a gap with fractions, feedback per
answer, "*" patterns and case), which keeps both. A question whose answers are all worth full
marks and carry no feedback stays a short answer, as before.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from quizapp.core.interchange.embedded_answers import EmbeddedGap, GapAnswer
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.moodle_fields import read_text
from quizapp.core.interchange.records import is_full_marks, parse_fraction
from quizapp.core.question_kinds.cloze_gaps import gap_problem
from quizapp.core.translatable import N_

KEPT_AS_ONE_GAP = N_("kept as a one-gap question so its part marks and feedback stay")
# Where a Moodle short answer's text shows its answer goes: "Name an amphibian: ______".
_ANSWER_LINE = re.compile(r"_{5,}")


def _gap_if_needed(gap: EmbeddedGap) -> EmbeddedGap | None:
    """``gap`` when a short answer would lose something of it (a part mark or a feedback) and
    a gap can hold it; None when a short answer keeps it whole, or the gap cannot be asked
    (the question then stays a short answer and the report lists what it left out)."""
    loses = any(0 < a.fraction < 1.0 or a.feedback for a in gap.answers)
    return gap if loses and gap_problem(gap) is None else None


def _answer(percent: float, text: str, feedback: str) -> GapAnswer:
    fraction = 1.0 if is_full_marks(percent) else percent / 100
    return GapAnswer(text.strip(), fraction, feedback.strip())


def _gap(answers: Iterable[GapAnswer], case_sensitive: bool) -> EmbeddedGap | None:
    kept = tuple(a for a in answers if a.text)
    return _gap_if_needed(
        EmbeddedGap("SHORTANSWER_C" if case_sensitive else "SHORTANSWER", 1, kept)
    )


def moodle_gap(element: ET.Element) -> EmbeddedGap | None:
    """The gap a Moodle ``shortanswer`` element reads as when it needs one (its ``usecase``
    kept); None for a plain short answer or any other element."""
    if element.get("type") != "shortanswer":
        return None
    answers = (
        _answer(
            parse_fraction(answer.get("fraction")),
            read_text(answer),
            read_text(answer.find("feedback")),
        )
        for answer in element.findall("answer")
    )
    return _gap(answers, (element.findtext("usecase") or "").strip() == "1")


def gift_gap(parsed: GiftQuestion) -> EmbeddedGap | None:
    """The gap a GIFT short answer (every answer "=") reads as when it needs one; None for a
    plain short answer or any other question. GIFT has no case sensitivity."""
    if not parsed.answers or any(a.marker != "=" or "->" in a.text for a in parsed.answers):
        return None
    answers = (_answer(a.percent, restore(a.text), a.feedback) for a in parsed.answers)
    return _gap(answers, case_sensitive=False)


def moodle_parts(prompt: str) -> tuple[str, str]:
    """(text before the gap, text after it): the one line of underscores a Moodle short
    answer's text shows its answer on, or else the end of the text."""
    lines = list(_ANSWER_LINE.finditer(prompt))
    if len(lines) == 1:
        return prompt[: lines[0].start()].lstrip(), prompt[lines[0].end() :].rstrip()
    return prompt.strip() + " ", ""


def gift_parts(parsed: GiftQuestion) -> tuple[str, str]:
    """(text before the gap, text after it): the gap where the braces were."""
    if parsed.after.strip():
        return parsed.before.lstrip(), parsed.after.rstrip()
    return parsed.before.strip() + " ", ""


def gift_answers(gap: EmbeddedGap) -> str | None:
    """The gap as a GIFT short answer's answers ("=Paris =%50%paris#Half"), which ``gift_gap``
    reads back the same; None for a gap GIFT cannot carry (a case-sensitive one, a number or
    a choice)."""
    if gap.gap_type != "SHORTANSWER":
        return None
    written = []
    for answer in gap.answers:
        mark = "=" if answer.fraction >= 1.0 else f"=%{format(answer.fraction * 100, '.7g')}%"
        feedback = f"#{escape(answer.feedback)}" if answer.feedback else ""
        written.append(mark + escape(answer.text) + feedback)
    return " ".join(written)
