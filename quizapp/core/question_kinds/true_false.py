"""True/false: a statement and whether it is true."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_true_false
from quizapp.core.question_kinds.base import (
    Fail,
    FormAnswerError,
    FormData,
    QuestionKind,
    QuestionLike,
)
from quizapp.core.question_types import QuestionType


def _word(value: object) -> str:
    return "True" if value else "False"


class TrueFalse(QuestionKind):
    type = QuestionType.TRUE_FALSE
    label = "True false"
    input_template = "quiz/kinds/true_false.html"

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        if fields.answer_bool is None:
            fail("Say whether the statement is true or false.")
        return {"answer": fields.answer_bool}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        if not isinstance(raw.get("answer"), bool):
            fail("a true/false question needs 'answer: true' or 'answer: false'")
        draft["answer_bool"] = raw["answer"]

    def choice_order(self, question: QuestionLike) -> list[str]:
        return []  # True always comes first

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        value = form.get("answer")
        if value is None or value.strip() == "":
            return None
        if value not in ("true", "false"):
            raise FormAnswerError("Answer true or false.")
        return value == "true"

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_true_false(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        return _word(answer)

    def describe_key(self, question: QuestionLike) -> str:
        return _word(question.answer_bool)

    def analysis_choices(self, question: QuestionLike) -> list[tuple[str, str, bool]]:
        return [("true", "True", question.answer_bool is True),
                ("false", "False", question.answer_bool is False)]  # fmt: skip

    def picked_choice_ids(self, answer: Any) -> list[str]:
        return ["true" if answer else "false"]
