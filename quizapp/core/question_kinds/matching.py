"""Matching: pairs of (left, right); the learner picks a right for each left."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_matching
from quizapp.core.question_kinds.base import (
    PAIR_SEPARATOR,
    Fail,
    FormAnswerError,
    FormData,
    QuestionKind,
    QuestionLike,
    limit_lines,
    lines_of,
)
from quizapp.core.question_types import QuestionType

MAX_INDEX_DIGITS = 10


def _arrows(pairs: Any) -> str:
    return "; ".join(f"{left} → {right}" for left, right in pairs)


class Matching(QuestionKind):
    type = QuestionType.MATCHING
    label = "Matching"
    input_template = "quiz/kinds/matching.html"

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        pairs = []
        for line in limit_lines(lines_of(fields.pairs), "pairs", fail):
            if line.count(PAIR_SEPARATOR) != 1:
                fail(f"Write each pair as 'left {PAIR_SEPARATOR} right': {line!r}")
            left, right = (part.strip() for part in line.split(PAIR_SEPARATOR))
            if not left or not right:
                fail(f"Both sides of a pair need text: {line!r}")
            pairs.append([left, right])
        return {"pairs": pairs}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        pairs = raw.get("pairs") or []
        if len(pairs) < 2 or any(not isinstance(p, list | tuple) or len(p) != 2 for p in pairs):
            fail("matching needs at least two [left, right] pairs")
        pairs = [[str(a).strip(), str(b).strip()] for a, b in pairs]
        for side in (0, 1):
            if len({p[side].casefold() for p in pairs}) != len(pairs):
                fail("duplicate items in a matching question")
        draft["pairs"] = pairs

    def choice_order(self, question: QuestionLike) -> list[str]:
        """Indexes of the rights, so a shuffled list of them can be shown beside each left."""
        return [str(i) for i in range(len(question.pairs))]

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        rights = [pair[1] for pair in question.pairs]
        answer = {}
        for index, (left, _right) in enumerate(question.pairs):
            picked = form.get(f"match-{index}", "")
            if picked == "":
                continue
            if (not picked.isascii() or not picked.isdigit() or len(picked) > MAX_INDEX_DIGITS
                    or int(picked) >= len(rights)):  # fmt: skip
                raise FormAnswerError("That matching answer does not fit this question.")
            answer[left] = rights[int(picked)]
        return answer or None

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_matching(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        return _arrows(answer.items())

    def describe_key(self, question: QuestionLike) -> str:
        return _arrows(question.pairs)
