"""The gaps of a multi-gap cloze question: how each is stored, answered and marked.

A gap is kept as a plain dict (JSON in the question's ``choices``):
``{"type": "SHORTANSWER", "weight": 1, "answers": [{"text", "fraction", "feedback",
"tolerance"}]}``, ``type`` one of Moodle's canonical names (``embedded_answers.GAP_TYPES``).
Each gap is marked on its own, as Moodle marks a multianswer question: the best answer it
matches gives its share of the gap's weight.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.grading import FULL_MARKS_FROM, GradingKey, grade_text
from quizapp.core.interchange.embedded_answers import (
    GAP_TYPES,
    MAX_GAP_WEIGHT,
    EmbeddedGap,
    GapAnswer,
)
from quizapp.core.question_kinds.numbers import NotANumber, NumericAnswer, number_text, split_number
from quizapp.core.question_types import QuestionType

MAX_GAPS = 20
MAX_GAP_ANSWERS = 20
MAX_GAP_TEXT = 500
ANY_ANSWER = "*"


def gap_of(stored: Mapping[str, Any]) -> EmbeddedGap:
    """The gap a stored dict (or an imported raw one) describes; ValueError when malformed."""
    gap_type = GAP_TYPES.get(str(stored.get("type", "")).upper())
    if gap_type is None:
        raise ValueError(f"unknown gap type {stored.get('type')!r}")
    weight = int(stored.get("weight", 1))
    if not 0 < weight <= MAX_GAP_WEIGHT:
        raise ValueError(f"a gap is worth 1 to {MAX_GAP_WEIGHT} marks")
    answers = tuple(
        GapAnswer(
            str(a["text"]).strip(),
            max(-1.0, min(1.0, float(a.get("fraction", 1.0)))),
            str(a.get("feedback") or "").strip(),
            abs(float(a.get("tolerance") or 0.0)),
        )
        for a in stored.get("answers") or []
    )
    return EmbeddedGap(gap_type, weight, answers)


def stored_gap(gap: EmbeddedGap) -> dict[str, Any]:
    """The dict kept for ``gap`` (``gap_of``'s inverse)."""
    answers = []
    for answer in gap.answers:
        kept: dict[str, Any] = {"text": answer.text, "fraction": answer.fraction}
        if answer.feedback:
            kept["feedback"] = answer.feedback
        if gap.family == "number":
            kept["tolerance"] = answer.tolerance
        answers.append(kept)
    return {"type": gap.gap_type, "weight": gap.weight, "answers": answers}


def gap_problem(gap: EmbeddedGap) -> str | None:
    """Why the gap cannot be asked (no answer worth full marks, options repeated, a value that
    is no number, …), or None."""
    if not gap.answers or len(gap.answers) > MAX_GAP_ANSWERS:
        return f"has 1 to {MAX_GAP_ANSWERS} answers"
    if any(not a.text or len(a.text) > MAX_GAP_TEXT for a in gap.answers):
        return f"has an empty answer or one over {MAX_GAP_TEXT} characters"
    if not any(a.fraction >= FULL_MARKS_FROM for a in gap.answers):
        return "needs an answer worth full marks"
    if gap.family == "choice":
        texts = [a.text for a in gap.answers]
        if len(texts) < 2:
            return "is a choice of one option: it needs two or more"
        if len(set(texts)) != len(texts):
            return "lists an option twice"
    if gap.family == "number":
        for answer in gap.answers:
            if answer.text != ANY_ANSWER and _number(answer.text) is None:
                return f"has a value that is not a number ({answer.text[:40]!r})"
    return None


def _number(text: str) -> float | None:
    try:
        number, rest = split_number(text)
    except NotANumber:
        return None
    return None if rest else number


def _wildcard(pattern: str, given: str, case_sensitive: bool) -> bool:
    """Moodle's short-answer "*": any run of characters. Each middle piece is taken at its
    first place in an atomic group, which is never tried again: "*a*a*a*a*b" against a long
    run of "a"s backtracked through every way of placing the pieces."""
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    first, *middle, last = [re.escape(piece) for piece in pattern.split(ANY_ANSWER)]
    regex = first + "".join(f"(?>.*?{piece})" for piece in middle) + ".*" + last
    return re.fullmatch(regex, given.strip(), flags) is not None


def _short_matches(answer: GapAnswer, given: str, case_sensitive: bool) -> bool:
    if ANY_ANSWER in answer.text:
        return _wildcard(answer.text, given, case_sensitive)
    if case_sensitive:
        return " ".join(given.split()) == " ".join(answer.text.split())
    # The app's leniency for typed answers: case, accents, punctuation and one small typo.
    key = GradingKey(type=QuestionType.SHORT_ANSWER, accepted=(answer.text,))
    return grade_text(key, given).correct


def _numerical_matches(answer: GapAnswer, given: str) -> bool:
    if answer.text == ANY_ANSWER:
        return True
    number, value = _number(given), _number(answer.text)
    if number is None or value is None:
        return False
    return NumericAnswer(value, answer.tolerance).accepts(number)


def matched_answer(gap: EmbeddedGap, given: str) -> GapAnswer | None:
    """The answer of ``gap`` worth most that ``given`` matches (the chosen option of a choice
    gap), or None. A numerical gap's text that is no number matches nothing."""
    if gap.family == "choice":
        return next((a for a in gap.answers if a.text == given), None)
    case_sensitive = gap.gap_type == "SHORTANSWER_C"
    found = [
        a
        for a in gap.answers
        if (
            _numerical_matches(a, given)
            if gap.family == "number"
            else _short_matches(a, given, case_sensitive)
        )
    ]
    return max(found, key=lambda a: a.fraction, default=None)


@dataclass(frozen=True)
class GapResult:
    """One gap as marked: its place ("Gap 2 of 3"), what was given, the marks it earned of its
    weight, the matched answer's feedback and the right answer in words."""

    number: int
    total: int
    given: str
    fraction: float
    weight: int
    feedback: str
    right_answer: str

    @property
    def marks(self) -> float:
        return self.fraction * self.weight

    @property
    def outcome(self) -> str:
        """ "right", "partial" or "wrong" (the quiz page's classes and words)."""
        if self.fraction >= FULL_MARKS_FROM:
            return "right"
        return "partial" if self.fraction > 0 else "wrong"

    def sentence(self) -> str:
        """The gap's feedback as Moodle shows it beside the gap: right or not, the marks, the
        feedback of the answer given, and the right answer when it was missed."""
        said = {"right": "right", "partial": "partly right", "wrong": "not right"}[self.outcome]
        given = f"“{self.given}”" if self.given else "no answer"
        text = (
            f"Gap {self.number} of {self.total}: {given}, {said} "
            f"({number_text(round(self.marks, 4))} of {self.weight} "
            f"mark{'s' if self.weight != 1 else ''})."
        )
        if self.feedback:
            # A feedback written without a full stop would run into the next sentence.
            text += f" {self.feedback}" + ("" if self.feedback[-1] in '.!?…)"”' else ".")
        if self.outcome != "right":
            text += f" The right answer: {self.right_answer}."
        return text


class GapSentence(str):
    """A gap's sentence in English (:meth:`GapResult.sentence`) that keeps the result it says,
    so a page in another language words it from its parts (``quiz.answers.shown_text``)."""

    result: GapResult

    def __new__(cls, result: GapResult) -> GapSentence:
        sentence = super().__new__(cls, result.sentence())
        sentence.result = result
        return sentence


class GapsLegend(str):
    """ "Fill in the 3 gaps in the text." in English, keeping the count for a page to word."""

    count: int

    def __new__(cls, count: int) -> GapsLegend:
        text = f"Fill in the {count} gaps in the text." if count != 1 else "Fill in the gap."
        legend = super().__new__(cls, text)
        legend.count = count
        return legend


NO_GAP_ANSWER = "(no answer)"


class GapAnswers(str):
    """Answers gap by gap in English ("Gap 1: Paris; Gap 2: (no answer)") that keep each gap's
    number and text (None where nothing was given), for a page to word in its language."""

    parts: tuple[tuple[int, str | None], ...]

    def __new__(cls, parts: Sequence[tuple[int, str | None]]) -> GapAnswers:
        text = "; ".join(f"Gap {n}: {NO_GAP_ANSWER if t is None else t}" for n, t in parts)
        answers = super().__new__(cls, text)
        answers.parts = tuple(parts)
        return answers


def right_answer(gap: EmbeddedGap) -> str:
    """The gap's full-marks answers in words ("3.14 ± 0.01", "Paris")."""
    best = [a for a in gap.answers if a.fraction >= FULL_MARKS_FROM]
    if gap.family == "number":
        said = [a.text + (f" ± {number_text(a.tolerance)}" if a.tolerance else "") for a in best]
    else:
        said = [a.text for a in best]
    return " or ".join(said)


def gap_results(gaps: Sequence[tuple[str, EmbeddedGap]], answer: Any) -> list[GapResult]:
    """Each gap of ``gaps`` (id, gap) marked against ``answer`` ({gap id: text}); a gap left
    empty earns nothing. A negative share (Moodle's wrong options that cost marks) earns 0."""
    given_by_id = answer if isinstance(answer, Mapping) else {}
    results = []
    for number, (gap_id, gap) in enumerate(gaps, start=1):
        given = str(given_by_id.get(gap_id) or "").strip()
        matched = matched_answer(gap, given) if given else None
        fraction = max(0.0, matched.fraction) if matched else 0.0
        results.append(
            GapResult(
                number,
                len(gaps),
                given,
                fraction,
                gap.weight,
                matched.feedback if matched else "",
                right_answer(gap),
            )
        )
    return results


def weighted_score(results: Sequence[GapResult]) -> float:
    """The weighted share of the marks (0..1), full marks from Moodle's 0.99999."""
    # A question has a gap, each worth 1 mark or more, and each earns 0..1 of its weight.
    score = sum(r.marks for r in results) / sum(r.weight for r in results)
    return 1.0 if score >= FULL_MARKS_FROM else score


def gap_texts(stored: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """(the full-marks answers of the stored gaps, the options their dropdowns show): what a
    quiz must keep out of another question's text, and what this one shows. The gap labels
    ("Gap 1") are neither: two cloze questions would otherwise give each other away."""
    answers, options = [], []
    for raw in stored:
        gap = gap_of(raw)
        answers += [a.text for a in gap.answers if a.fraction >= FULL_MARKS_FROM]
        options += [a.text for a in gap.answers] if gap.family == "choice" else []
    return answers, [o for o in options if o != ANY_ANSWER]


def shown_options(gap: EmbeddedGap, seed: str) -> list[str]:
    """A choice gap's options in the order a sitting shows them: as written, or shuffled for
    the shuffled types (``MULTICHOICE_S``), the same for one seed (a slot) every time."""
    texts = [a.text for a in gap.answers]
    if gap.gap_type.endswith("S"):
        random.Random(seed).shuffle(texts)
    return texts


def layout_of(gap: EmbeddedGap) -> str:
    """ "input" (typed), "select" (a dropdown), "vertical" or "horizontal" (radio buttons)."""
    if gap.family != "choice":
        return "input"
    name = gap.gap_type.removesuffix("S").removesuffix("_")
    return {"MULTICHOICE_V": "vertical", "MULTICHOICE_H": "horizontal"}.get(name, "select")
