"""Typed answers: short answer, and fill in the blank (a prompt with one blank)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_text
from quizapp.core.question_kinds.base import (
    BLANK,
    MAX_TEXT_ANSWER,
    Fail,
    FormAnswerError,
    FormData,
    QuestionKind,
    QuestionLike,
    limit_lines,
    lines_of,
)
from quizapp.core.question_types import QuestionType


class TypedKind(QuestionKind):
    """A typed answer graded leniently against every accepted variant."""

    input_template = "quiz/kinds/typed.html"
    tallies_typed_answers = True

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        return {"accepted": limit_lines(lines_of(fields.accepted), "accepted answers", fail)}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        accepted = [str(a).strip() for a in raw.get("accepted") or [] if str(a).strip()]
        if not accepted:
            fail("needs at least one accepted answer")
        self.check_prompt(draft["prompt"], fail)
        draft["accepted"] = accepted

    def check_prompt(self, prompt: str, fail: Fail) -> None:
        """Nothing to check by default."""

    def choice_order(self, question: QuestionLike) -> list[str]:
        return []

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        value = form.get("answer")
        if value is None or value.strip() == "":
            return None
        if len(value) > MAX_TEXT_ANSWER:
            raise FormAnswerError(f"Answers are limited to {MAX_TEXT_ANSWER} characters.")
        return value.strip()

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_text(key, answer)

    def describe_key(self, question: QuestionLike) -> str:
        accepted = question.accepted or []
        extra = f" (also accepted: {', '.join(accepted[1:])})" if len(accepted) > 1 else ""
        return (accepted[0] if accepted else "") + extra


class ShortAnswer(TypedKind):
    type = QuestionType.SHORT_ANSWER
    label = "Short answer"


class FillBlank(TypedKind):
    type = QuestionType.FILL_BLANK
    label = "Fill blank"

    def check_prompt(self, prompt: str, fail: Fail) -> None:
        if prompt.count(BLANK) != 1:
            fail(f"a fill-in-the-blank prompt needs exactly one {BLANK}")
