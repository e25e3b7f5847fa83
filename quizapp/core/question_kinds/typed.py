"""Typed answers: short answer, and fill in the blank (a prompt with one blank)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_text
from quizapp.core.interchange.embedded_answers import (
    EmbeddedAnswerError,
    EmbeddedGap,
    GapAnswer,
    parse_embedded,
    write_gap,
)
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.moodle_fields import add_text, read_text
from quizapp.core.interchange.records import is_full_marks, parse_fraction
from quizapp.core.question_kinds.base import (
    ANSWERS_LIMITED,
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
from quizapp.core.question_kinds.typed_gap import gift_gap, moodle_gap
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_, Phrase


def _plain_single_gap(prompt: str) -> bool:
    try:
        gaps = parse_embedded(prompt).gaps
    except EmbeddedAnswerError:
        return False
    return (
        len(gaps) == 1
        and gaps[0].gap_type == "SHORTANSWER"
        and all(a.fraction >= 1.0 and not a.feedback and "*" not in a.text for a in gaps[0].answers)
    )


class TypedKind(QuestionKind):
    """A typed answer graded leniently against every accepted variant."""

    input_template = "quiz/kinds/typed.html"
    authoring_field = "accepted"
    tallies_typed_answers = True

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        return {"accepted": limit_lines(lines_of(fields.accepted), "accepted answers", fail)}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        accepted = [str(a).strip() for a in raw.get("accepted") or [] if str(a).strip()]
        if not accepted:
            fail(N_("needs at least one accepted answer"))
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
            raise FormAnswerError(ANSWERS_LIMITED, limit=MAX_TEXT_ANSWER)
        return value.strip()

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_text(key, answer)

    def describe_key(self, question: QuestionLike) -> str:
        accepted = question.accepted or []
        if len(accepted) < 2:
            return accepted[0] if accepted else ""
        return Phrase(
            N_("%(answer)s (also accepted: %(others)s)"),
            answer=accepted[0],
            others=", ".join(accepted[1:]),
        )

    # --- interchange ---------------------------------------------------------------------------

    moodle_type = "shortanswer"

    def wants_prompt(self, prompt: str) -> bool:
        """Whether a typed-answer question with this text is of this kind."""
        raise NotImplementedError

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        """A short answer, unless its answers are marked in parts (a cloze of one gap keeps
        those, ``typed_gap``)."""
        return (
            moodle_type == "shortanswer"
            and self.wants_prompt(prompt)
            and moodle_gap(element) is None
        )

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        return {
            "accepted": [
                read_text(answer)
                for answer in element.findall("answer")
                if is_full_marks(parse_fraction(answer.get("fraction")))
            ]
        }

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        ET.SubElement(element, "usecase").text = "0"
        for answer in question.accepted:
            add_text(element, "answer", answer, fraction="100")

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        return (
            bool(parsed.answers)
            and all(a.marker == "=" and "->" not in a.text for a in parsed.answers)
            and self.wants_prompt(self.gift_prompt(parsed))
            and gift_gap(parsed) is None
        )

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        accepted = [restore(a.text) for a in parsed.answers if is_full_marks(a.percent)]
        return {"prompt": self.gift_prompt(parsed), "accepted": accepted}

    def gift_answers(self, question: QuestionLike) -> str:
        return " ".join("=" + escape(answer) for answer in question.accepted)


class ShortAnswer(TypedKind):
    type = QuestionType.SHORT_ANSWER
    label = N_("Short answer")

    def wants_prompt(self, prompt: str) -> bool:
        return prompt.count(BLANK) != 1


class FillBlank(TypedKind):
    type = QuestionType.FILL_BLANK
    label = N_("Fill blank")

    def check_prompt(self, prompt: str, fail: Fail) -> None:
        if prompt.count(BLANK) != 1:
            fail(Phrase(N_("a fill-in-the-blank prompt needs exactly one %(blank)s"), blank=BLANK))

    # --- interchange: a Moodle cloze question with one embedded short answer ------------------

    moodle_type = "cloze"

    def wants_prompt(self, prompt: str) -> bool:
        return prompt.count(BLANK) == 1

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        """A cloze question of one short-answer gap that a blank keeps whole: answers worth
        full marks only, no feedback on them, not case-sensitive and no "*" pattern. Any other
        cloze is a multi-gap cloze question, which keeps all of that."""
        if moodle_type == "cloze":
            return _plain_single_gap(prompt)
        return super().reads_moodle(moodle_type, element, prompt)

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        if element.get("type") != "cloze":  # a short answer whose text has the blank
            return super().read_moodle(element, prompt)
        embedded = parse_embedded(prompt)
        text = embedded.parts[0] + BLANK + embedded.parts[1]
        return {"prompt": text, "accepted": [a.text for a in embedded.gaps[0].answers]}

    def moodle_prompt(self, question: QuestionLike) -> str:
        answers = tuple(GapAnswer(a, 1.0) for a in question.accepted)
        gap = write_gap(EmbeddedGap("SHORTANSWER", 1, answers))
        return question.prompt.replace(BLANK, gap, 1)

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        """A cloze question carries its answers in its text."""

    def write_gift(self, question: QuestionLike) -> tuple[str, str, str]:
        before, _blank, after = question.prompt.partition(BLANK)
        if not after.strip():  # keep the blank: with no text after it GIFT reads a short answer
            return escape(before + BLANK), self.gift_answers(question), ""
        return escape(before), self.gift_answers(question), escape(after)
