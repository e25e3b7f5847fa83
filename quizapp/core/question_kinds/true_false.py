"""True/false: a statement and whether it is true."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_true_false
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.media_refs import outcome_place
from quizapp.core.interchange.moodle_fields import add_plain, add_text, read_text
from quizapp.core.interchange.records import is_full_marks, parse_fraction
from quizapp.core.question_kinds.base import (
    Fail,
    FormAnswerError,
    FormData,
    QuestionKind,
    QuestionLike,
)
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_

_GIFT_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def _gift_value(parsed: GiftQuestion) -> bool | None:
    """True/False for ``{T}``, ``{FALSE#feedback}``…; None for any other answer part."""
    return _GIFT_WORDS.get(parsed.body.split("#")[0].strip().upper())


# Moodle's elements for the feedback after a correct and an incorrect answer: a true/false
# question's feedback on its right and its wrong answer is exactly these two.
_OUTCOME_TAGS = {"correct": "correctfeedback", "incorrect": "incorrectfeedback"}


def _joined(*texts: str) -> str:
    """The texts that say something, each once, a line apart."""
    return "\n".join(dict.fromkeys(t for t in texts if t))


def _word(value: object) -> str:
    return N_("True") if value else N_("False")


class TrueFalse(QuestionKind):
    type = QuestionType.TRUE_FALSE
    label = N_("True false")
    input_template = "quiz/kinds/true_false.html"
    authoring_field = "answer_bool"
    numbered_options = True

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        if fields.answer_bool is None:
            fail(N_("Say whether the statement is true or false."))
        return {"answer": fields.answer_bool}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        if not isinstance(raw.get("answer"), bool):
            fail(N_("a true/false question needs 'answer: true' or 'answer: false'"))
        draft["answer_bool"] = raw["answer"]

    def choice_order(self, question: QuestionLike) -> list[str]:
        return []  # True always comes first

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        value = form.get("answer")
        if value is None or value.strip() == "":
            return None
        if value not in ("true", "false"):
            raise FormAnswerError(N_("Answer true or false."))
        return value == "true"

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_true_false(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        return _word(answer)

    def tiles(self, question: QuestionLike) -> list[dict[str, str]] | None:
        return [{"id": "true", "text": N_("True")}, {"id": "false", "text": N_("False")}]

    def right_tile_ids(self, question: QuestionLike) -> list[str]:
        return ["true" if question.answer_bool else "false"]

    def tile_answer(self, tile_id: str) -> Any:
        return tile_id == "true"

    def describe_key(self, question: QuestionLike) -> str:
        return _word(question.answer_bool)

    def analysis_choices(self, question: QuestionLike) -> list[tuple[str, str, bool]]:
        return [
            ("true", N_("True"), question.answer_bool is True),
            ("false", N_("False"), question.answer_bool is False),
        ]

    def picked_choice_ids(self, answer: Any) -> list[str]:
        return ["true" if answer else "false"]

    # --- interchange ---------------------------------------------------------------------------

    moodle_type = "truefalse"
    # The feedback on the right answer is the feedback for a correct answer, the one on the
    # wrong answer that for an incorrect one: kept as the question's combined feedback.
    keeps_answer_feedback = True

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        right, said = None, {"correct": "", "incorrect": ""}
        for answer in element.findall("answer"):
            word = (answer.findtext("text") or "").strip().lower()
            if word not in ("true", "false"):
                continue
            full = is_full_marks(parse_fraction(answer.get("fraction")))
            right = (word == "true") if full and right is None else right
            outcome = "correct" if full else "incorrect"
            said[outcome] = _joined(said[outcome], read_text(answer.find("feedback")))
        if right is None:
            return {}
        for outcome, tag in _OUTCOME_TAGS.items():
            said[outcome] = _joined(said[outcome], read_text(element.find(tag)))
        return {"answer": right, "combined_feedback": {k: v for k, v in said.items() if v}}

    def moodle_feedback_answers(self, element: ET.Element) -> list[tuple[ET.Element, str]]:
        """Each answer's feedback is the combined one for its outcome: its pictures too."""
        found = []
        for answer in element.findall("answer"):
            full = is_full_marks(parse_fraction(answer.get("fraction")))
            found.append((answer, outcome_place("correct" if full else "incorrect")))
        return found

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        combined = getattr(question, "combined_feedback", None) or {}
        for word in ("true", "false"):
            right = (word == "true") == bool(question.answer_bool)
            fraction = "100" if right else "0"
            answer = add_plain(
                element, "answer", word, fraction=fraction, format="moodle_auto_format"
            )
            said = combined.get("correct" if right else "incorrect", "")
            add_text(answer, "feedback", said, paragraphs=True)

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        return _gift_value(parsed) is not None

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        """``{TRUE}``, or ``{TRUE#shown when wrong#shown when right}`` as Moodle reads it."""
        parts = [restore(part) for part in parsed.body.split("#")]
        said = {"incorrect": parts[1] if len(parts) > 1 else ""}
        said["correct"] = parts[2] if len(parts) > 2 else ""
        return {
            "prompt": self.gift_prompt(parsed),
            "answer": _gift_value(parsed),
            "combined_feedback": {k: v for k, v in said.items() if v},
        }

    def gift_answers(self, question: QuestionLike) -> str:
        word = "TRUE" if question.answer_bool else "FALSE"
        combined = getattr(question, "combined_feedback", None) or {}
        wrong, right = combined.get("incorrect", ""), combined.get("correct", "")
        if right:
            return f"{word}#{escape(wrong)}#{escape(right)}"
        return f"{word}#{escape(wrong)}" if wrong else word
