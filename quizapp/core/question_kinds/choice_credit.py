"""What each choice is worth and says, as a Moodle or GIFT file wrote it.

A choice may carry two optional keys beside id, text and correct: ``fraction``, the share of the
mark it is worth (Moodle's 0.5, 0.3333333, -0.25), and ``feedback``, what a learner who picked it
is told. Choices without fractions are graded right-or-wrong as the app always graded them, so a
question keeps fractions only when they say something its ticks alone do not.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.question_kinds.base import Fail
from quizapp.core.translatable import N_, Phrase

# Fractions closer than this are the same (files write 33.33333 % for a third).
SAME_FRACTION = 0.0001
# A question's combined feedbacks, by how its answer was marked.
COMBINED_FEEDBACKS = ("correct", "partial", "incorrect")
MAX_FEEDBACK = 4000  # characters in one feedback text, as in an imported explanation


def same_fractions(a: Sequence[float], b: Sequence[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) < SAME_FRACTION for x, y in zip(a, b, strict=True))


def _fraction(value: Any, fail: Fail) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        fail(f"a choice's fraction must be a number, not {value!r}")
    if not -1.0 <= value <= 1.0:
        fail(f"a choice's fraction must lie between -100 % and 100 %, not {value * 100:g} %")
    return float(value)


def feedback_text(value: Any, fail: Fail, what: str = "a choice's feedback") -> str:
    """``value`` as feedback text ("" for none); ``fail`` when it is not text or too long."""
    if value is None:
        return ""
    if not isinstance(value, str):
        fail(f"{what} must be text")
    if len(value) > MAX_FEEDBACK:
        fail(f"{what} has more than {MAX_FEEDBACK} characters")
    return value.strip()


def credit_extras(
    choices: Sequence[Mapping[str, Any]],
    correct: Sequence[bool],
    default_fractions: Callable[[Sequence[bool]], list[float]],
    is_correct: Callable[[float], bool],
    fail: Fail,
) -> list[dict[str, Any]]:
    """Per choice, the optional keys a validated choice carries: its ``fraction`` when the
    question's fractions differ from what its ticks alone give, its ``feedback`` when it has
    one. ``fail`` when a fraction is not a number in -1..1 or contradicts the choice's tick."""
    extras: list[dict[str, Any]] = [{} for _ in choices]
    for extra, choice in zip(extras, choices, strict=True):
        feedback = feedback_text(choice.get("feedback"), fail)
        if feedback:
            extra["feedback"] = feedback
    if all(choice.get("fraction") is None for choice in choices):
        return extras
    fractions = [
        _fraction(c.get("fraction"), fail) if c.get("fraction") is not None else float(right)
        for c, right in zip(choices, correct, strict=True)
    ]
    for fraction, right in zip(fractions, correct, strict=True):
        if is_correct(fraction * 100) != right:
            fail(
                Phrase(
                    N_("a choice worth %(percent)s %% is marked correct")
                    if right
                    else N_("a choice worth %(percent)s %% is not marked correct"),
                    percent=f"{fraction * 100:g}",
                )
            )
    if not same_fractions(fractions, default_fractions(correct)):
        for extra, fraction in zip(extras, fractions, strict=True):
            extra["fraction"] = round(fraction, 7)
    return extras


def combined_feedback(raw: Any, fail: Fail) -> dict[str, str]:
    """The question's feedbacks for a correct, partly correct and incorrect answer (those that
    are not empty), from a mapping with those keys."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not set(raw) <= set(COMBINED_FEEDBACKS):
        fail(f"combined feedback is a mapping with keys {', '.join(COMBINED_FEEDBACKS)}")
    texts = {key: feedback_text(raw.get(key), fail, f"the {key} feedback") for key in raw}
    return {key: text for key, text in texts.items() if text}


def outcome_of(score: float) -> str:
    """Which combined feedback a mark earns: correct, partial or incorrect."""
    if score >= 1.0:
        return "correct"
    return "partial" if score > 0 else "incorrect"


_OUTCOME_WORDS = {"correct": "correct", "partial": "partly correct", "incorrect": "incorrect"}


@dataclass(frozen=True)
class Credit:
    """What a teacher reviewing a question should know beyond its key, as facts: a page words
    them in its language (``template_helpers.describe_credit``), :func:`describe_credit` in
    English."""

    marks: tuple[tuple[str, float], ...] = ()  # (choice text, percent) of choices worth marks
    gap_weights: tuple[int, ...] = ()  # a cloze question's marks per gap
    partial_answers: int = 0  # a gap's answers worth part of it
    answer_feedbacks: int = 0  # a gap's answers with feedback
    choice_feedbacks: int = 0
    outcomes: tuple[str, ...] = ()  # the combined feedbacks it carries, of COMBINED_FEEDBACKS


def _written_marks(choices: Sequence[Mapping[str, Any]]) -> tuple[tuple[str, float], ...]:
    """(text, percent) of each choice worth marks, when the file wrote its marks."""
    if all(c.get("fraction") is None for c in choices):
        return ()
    return tuple((c["text"], c["fraction"] * 100) for c in choices if c.get("fraction"))


def credit_of(question: Any) -> Credit:
    """The marks a question's choices are worth as written, its gaps' and the feedbacks it
    carries."""
    choices = getattr(question, "choices", None) or []
    gaps = [c["gap"] for c in choices if c.get("gap")]
    answers = [a for g in gaps for a in g.get("answers") or []]
    combined = getattr(question, "combined_feedback", None) or {}
    return Credit(
        marks=_written_marks(choices),
        gap_weights=tuple(g.get("weight", 1) for g in gaps),
        partial_answers=sum(1 for a in answers if 0 < a.get("fraction", 0) < 1),
        answer_feedbacks=sum(1 for a in answers if a.get("feedback")),
        choice_feedbacks=sum(1 for c in choices if c.get("feedback")),
        outcomes=tuple(key for key in COMBINED_FEEDBACKS if key in combined),
    )


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def describe_credit(question: Any) -> str:
    """What a teacher reviewing the question should know beyond its key, in English: the marks
    its choices are worth as written, and which feedbacks it carries; "" when it has none."""
    credit = credit_of(question)
    parts = []
    if credit.marks:
        parts.append(
            "Marks: " + ", ".join(f"{text} {percent:g} %" for text, percent in credit.marks)
        )
    if credit.gap_weights:
        parts.append("Marks per gap: " + ", ".join(str(w) for w in credit.gap_weights))
    if credit.partial_answers:
        parts.append(_counted(credit.partial_answers, "answer") + " worth part of a gap")
    if credit.answer_feedbacks:
        parts.append("feedback on " + _counted(credit.answer_feedbacks, "answer"))
    if credit.choice_feedbacks:
        parts.append("feedback on " + _counted(credit.choice_feedbacks, "choice"))
    if credit.outcomes:
        parts.append("feedback when " + " / ".join(_OUTCOME_WORDS[o] for o in credit.outcomes))
    return "; ".join(parts)
