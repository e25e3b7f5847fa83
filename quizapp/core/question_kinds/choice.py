"""Single choice and multiple select: options with stable ids, some marked correct."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_multiple_select, grade_single_choice
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.moodle_fields import add_text, read_text
from quizapp.core.interchange.records import (
    format_fraction,
    is_full_marks,
    multiple_select_fractions,
    parse_fraction,
)
from quizapp.core.item_drafts import choice_id
from quizapp.core.question_kinds.base import (
    Fail,
    FormData,
    QuestionKind,
    QuestionLike,
    limit_lines,
    lines_of,
)
from quizapp.core.question_types import QuestionType

# The Moodle tag that marks a multichoice question with no right answer as a poll.
POLL_TAG = "poll"


def has_poll_tag(element: ET.Element) -> bool:
    return any((t.text or "").strip() == POLL_TAG for t in element.findall("tags/tag/text"))


def choices_from_rows(rows: Sequence[tuple[str, bool]], fail: Fail) -> list[dict[str, Any]]:
    """One choice per row with text; an empty row is left out (the editor offers spare ones),
    unless it is ticked: then the teacher meant a right answer that has no words yet."""
    if any(correct and not text.strip() for text, correct in rows):
        fail("A ticked choice has no text.")
    kept = [(text.strip(), correct) for text, correct in rows if text.strip()]
    limit_lines([text for text, _ in kept], "choices", fail)
    return [{"text": text, "correct": correct} for text, correct in kept]


class ChoiceKind(QuestionKind):
    """Shared by both choice kinds; subclasses say how many correct choices a key needs."""

    input_template = "quiz/kinds/choice.html"
    input_type = "radio"
    authoring_field = "choices"
    numbered_options = True

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        """The choices from the editor's rows (text and tick) when it sent them, else from the
        text format, one per line with ``*`` before the correct ones."""
        rows = getattr(fields, "choice_rows", None)
        if rows is not None:
            return {"choices": choices_from_rows(rows, fail)}
        lines = limit_lines(lines_of(fields.choices), "choices", fail)
        return {
            "choices": [
                {"text": line.lstrip("*").strip(), "correct": line.startswith("*")}
                for line in lines
            ]
        }

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        choices = raw.get("choices") or []
        if len(choices) < 2:
            fail("needs at least two choices")
        texts = [str(c.get("text", "")).strip() for c in choices]
        if any(not t for t in texts):
            fail("a choice has no text")
        if len({t.casefold() for t in texts}) != len(texts):
            fail("duplicate choices")
        self.check_correct_count(sum(bool(c.get("correct")) for c in choices), fail)
        draft["choices"] = [
            {"id": choice_id(i), "text": t, "correct": bool(c.get("correct"))}
            for i, (t, c) in enumerate(zip(texts, choices, strict=True))
        ]

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        raise NotImplementedError

    def tiles(self, question: QuestionLike) -> list[dict[str, str]] | None:
        return [{"id": c["id"], "text": c["text"]} for c in question.choices]

    def right_tile_ids(self, question: QuestionLike) -> list[str]:
        return [c["id"] for c in question.choices if c["correct"]]

    def describe_key(self, question: QuestionLike) -> str:
        return "; ".join(c["text"] for c in question.choices if c["correct"])

    def analysis_choices(self, question: QuestionLike) -> list[tuple[str, str, bool]]:
        return [(c["id"], c["text"], bool(c["correct"])) for c in question.choices]

    def _texts(self, question: QuestionLike) -> dict[str, str]:
        return {c["id"]: c["text"] for c in question.choices}

    # --- interchange ---------------------------------------------------------------------------

    moodle_type = "multichoice"
    single = True

    def fractions(self, question: QuestionLike) -> list[float]:
        """Each choice's Moodle grade fraction, in percent."""
        raise NotImplementedError

    def is_correct_fraction(self, percent: float) -> bool:
        raise NotImplementedError

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        single = (element.findtext("single") or "true").strip().lower() in ("1", "true")
        if has_poll_tag(element):
            return False
        return moodle_type == self.moodle_type and single == self.single

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        return {
            "choices": [
                {
                    "text": read_text(answer),
                    "correct": self.is_correct_fraction(parse_fraction(answer.get("fraction"))),
                }
                for answer in element.findall("answer")
            ]
        }

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        ET.SubElement(element, "single").text = "true" if self.single else "false"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice, percent in zip(question.choices, self.fractions(question), strict=True):
            add_text(element, "answer", choice["text"], fraction=format_fraction(percent))

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        if not parsed.answers or any(a.marker == "=" and "->" in a.text for a in parsed.answers):
            return False
        if not any(a.marker == "~" for a in parsed.answers):
            return False  # without a wrong (~) answer GIFT reads a short answer, as Moodle does
        full = [a for a in parsed.answers if is_full_marks(a.percent)]
        positive = [a for a in parsed.answers if a.percent > 0]
        if not positive:
            return False  # no right answer at all: a poll
        return (len(full) == 1 and len(positive) == 1) == self.single

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        return {
            "prompt": self.gift_prompt(parsed),
            "choices": [
                {"text": restore(a.text), "correct": self.is_correct_fraction(a.percent)}
                for a in parsed.answers
            ],
        }


class SingleChoice(ChoiceKind):
    type = QuestionType.SINGLE_CHOICE
    label = "Single choice"

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        if correct != 1:
            fail(f"a single-choice question needs exactly one correct choice, found {correct}")

    def fractions(self, question: QuestionLike) -> list[float]:
        return [100.0 if c["correct"] else 0.0 for c in question.choices]

    def is_correct_fraction(self, percent: float) -> bool:
        return is_full_marks(percent)  # partial credit has no place in a single choice

    def gift_answers(self, question: QuestionLike) -> str:
        return " ".join(
            ("=" if c["correct"] else "~") + escape(c["text"]) for c in question.choices
        )

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        value = form.get("answer")
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_single_choice(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        return self._texts(question).get(answer, str(answer))


class MultipleSelect(ChoiceKind):
    type = QuestionType.MULTIPLE_SELECT
    label = "Multiple select"
    hint = "Select all that apply."
    input_type = "checkbox"

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        if correct < 1:
            fail("a multiple-select question needs at least one correct choice")

    single = False

    def fractions(self, question: QuestionLike) -> list[float]:
        correct = sum(bool(c["correct"]) for c in question.choices)
        right, wrong = multiple_select_fractions(correct, len(question.choices) - correct)
        return [right if c["correct"] else wrong for c in question.choices]

    def is_correct_fraction(self, percent: float) -> bool:
        return percent > 0

    def gift_answers(self, question: QuestionLike) -> str:
        return " ".join(
            f"~%{format_fraction(percent)}%{escape(c['text'])}"
            for c, percent in zip(question.choices, self.fractions(question), strict=True)
        )

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        return sorted(set(form.getlist("answer"))) or None

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_multiple_select(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        texts = self._texts(question)
        return "; ".join(texts.get(a, str(a)) for a in answer)

    def picked_choice_ids(self, answer: Any) -> list[str]:
        return [str(a) for a in answer]
