"""Poll: a teacher's question with a few choices and no right answer (an opinion or a
check-in). It is answered like a single choice but never graded: attempts give it no marks,
live games no points, and statistics of what learners know leave it out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any, ClassVar

from quizapp.core.grading import Grade, GradingKey, InvalidAnswer
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.moodle_fields import add_text, read_text
from quizapp.core.item_drafts import choice_id
from quizapp.core.question_kinds.base import Fail, FormData, QuestionLike, limit_lines, lines_of
from quizapp.core.question_kinds.choice import (
    POLL_TAG,
    ChoiceKind,
    choices_from_rows,
    duplicate_choices,
    has_poll_tag,
)
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_, Phrase

MIN_POLL_CHOICES, MAX_POLL_CHOICES = 2, 8  # more than eight tiles do not fit a phone
NOT_GRADED = "Not graded: a poll has no right answer"


class Poll(ChoiceKind):
    type = QuestionType.POLL
    label = N_("Poll")
    graded: ClassVar[bool] = False
    keeps_answer_feedback = False  # a poll marks no answer, so it says nothing per choice

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        """The editor's rows (none may be ticked), else one choice per line of text."""
        rows = getattr(fields, "choice_rows", None)
        if rows is not None:
            if any(right for _text, right in rows):
                fail(N_("A poll has no right answer: untick every choice."))
            return {"choices": choices_from_rows(rows, fail)}
        lines = limit_lines(lines_of(fields.choices), "choices", fail)
        if any(line.startswith("*") for line in lines):
            fail(N_("A poll has no right answer: remove the * before a choice."))
        return {"choices": [{"text": line} for line in lines]}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        choices = raw.get("choices") or []
        if not MIN_POLL_CHOICES <= len(choices) <= MAX_POLL_CHOICES:
            fail(
                Phrase(
                    N_("a poll needs %(least)s to %(most)s choices"),
                    least=MIN_POLL_CHOICES,
                    most=MAX_POLL_CHOICES,
                )
            )
        texts = [str(c.get("text", "")).strip() for c in choices]
        if any(not t for t in texts):
            fail(N_("a choice has no text"))
        if (duplicate := duplicate_choices(texts)) is not None:
            fail(duplicate)
        if any(c.get("correct") for c in choices):
            fail(N_("a poll has no right answer"))
        draft["choices"] = [
            {"id": choice_id(i), "text": t, "correct": False} for i, t in enumerate(texts)
        ]

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        value = form.get("answer")
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def grade(self, key: GradingKey, answer: object) -> Grade:
        """Any of the poll's choices is accepted and scores nothing; anything else is refused."""
        if not isinstance(answer, str) or answer not in {c.id for c in key.choices}:
            raise InvalidAnswer("unknown choice id")
        return Grade(score=0.0, correct=False, detail=NOT_GRADED)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        return self._texts(question).get(answer, str(answer))

    def describe_key(self, question: QuestionLike) -> str:
        return "None (a poll)"

    def right_tile_ids(self, question: QuestionLike) -> list[str]:
        return []

    def analysis_choices(self, question: QuestionLike) -> list[tuple[str, str, bool]]:
        return []  # item analysis judges questions with a key; a poll has none

    # --- interchange: Moodle multichoice, every fraction 0, tagged "poll" ------------------------

    def fractions(self, question: QuestionLike) -> list[float]:
        return [0.0 for _ in question.choices]

    def is_correct_fraction(self, percent: float) -> bool:
        return False

    def moodle_tags(self, question: QuestionLike) -> list[str]:
        return [POLL_TAG]

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        return moodle_type == self.moodle_type and has_poll_tag(element)

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        return {"choices": [{"text": read_text(a)} for a in element.findall("answer")]}

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "false"
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice in question.choices:
            add_text(element, "answer", choice["text"], fraction="0")

    # --- interchange: GIFT, every answer "~" (no right one) ------------------------------------

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        answers = parsed.answers
        return bool(answers) and all(a.marker == "~" and a.percent == 0 for a in answers)

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        return {
            "prompt": self.gift_prompt(parsed),
            "choices": [{"text": restore(a.text)} for a in parsed.answers],
        }

    def gift_answers(self, question: QuestionLike) -> str:
        return " ".join("~" + escape(c["text"]) for c in question.choices)
