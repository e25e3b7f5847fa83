"""Single choice and multiple select: options with stable ids, some marked correct."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_multiple_select, grade_single_choice
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


class ChoiceKind(QuestionKind):
    """Shared by both choice kinds; subclasses say how many correct choices a key needs."""

    input_template = "quiz/kinds/choice.html"
    input_type = "radio"

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        lines = limit_lines(lines_of(fields.choices), "choices", fail)
        return {"choices": [{"text": line.lstrip("*").strip(), "correct": line.startswith("*")}
                            for line in lines]}  # fmt: skip

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

    def describe_key(self, question: QuestionLike) -> str:
        return "; ".join(c["text"] for c in question.choices if c["correct"])

    def analysis_choices(self, question: QuestionLike) -> list[tuple[str, str, bool]]:
        return [(c["id"], c["text"], bool(c["correct"])) for c in question.choices]

    def _texts(self, question: QuestionLike) -> dict[str, str]:
        return {c["id"]: c["text"] for c in question.choices}


class SingleChoice(ChoiceKind):
    type = QuestionType.SINGLE_CHOICE
    label = "Single choice"

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        if correct != 1:
            fail(f"a single-choice question needs exactly one correct choice, found {correct}")

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

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        return sorted(set(form.getlist("answer"))) or None

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_multiple_select(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        texts = self._texts(question)
        return "; ".join(texts.get(a, str(a)) for a in answer)

    def picked_choice_ids(self, answer: Any) -> list[str]:
        return [str(a) for a in answer]
