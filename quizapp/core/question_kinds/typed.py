"""Typed answers: short answer, and fill in the blank (a prompt with one blank)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_text
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.moodle_fields import add_text, read_text
from quizapp.core.interchange.records import is_full_marks, parse_fraction, split_weight
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
from quizapp.core.translatable import N_

# An embedded answer of a Moodle cloze question: {1:SHORTANSWER:=Berlin#Right~%50%berlin}.
# Its body stops at any "{" (escaped or not): a body free to run past openers was rescanned
# from each of them, quadratic in a text of many "{1:SA:" without a closing brace.
_CLOZE_BODY = r"(?:\\[^{]|[^{}\\])*"
_CLOZE_ANY = re.compile(r"\{\d*:[A-Z_]+:" + _CLOZE_BODY + r"\}")
_CLOZE_SHORT = re.compile(
    r"\{\d*:(?:SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC):(" + _CLOZE_BODY + r")\}"
)
_CLOZE_ESCAPED = re.compile(r"\\(.)")


def _cloze_escape(text: str) -> str:
    return re.sub(r"([\\}~#])", r"\\\1", text)


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if text[i] == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(text[i])
        i += 1
    parts.append("".join(current))
    return parts


def cloze_accepted(body: str) -> list[str]:
    """The full-marks answers of one embedded SHORTANSWER (feedback and partial ones dropped)."""
    accepted = []
    for part in _split_unescaped(body, "~"):
        answer = _split_unescaped(part, "#")[0].strip()
        if answer.startswith("="):
            answer, percent = answer[1:], 100.0
        else:
            weight, answer = split_weight(answer)
            percent = weight or 0.0
        if is_full_marks(percent):
            accepted.append(_CLOZE_ESCAPED.sub(r"\1", answer).strip())
    return accepted


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

    # --- interchange ---------------------------------------------------------------------------

    moodle_type = "shortanswer"

    def wants_prompt(self, prompt: str) -> bool:
        """Whether a typed-answer question with this text is of this kind."""
        raise NotImplementedError

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        return moodle_type == "shortanswer" and self.wants_prompt(prompt)

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
            fail(f"a fill-in-the-blank prompt needs exactly one {BLANK}")

    # --- interchange: a Moodle cloze question with one embedded short answer ------------------

    moodle_type = "cloze"

    def wants_prompt(self, prompt: str) -> bool:
        return prompt.count(BLANK) == 1

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        if moodle_type == "cloze":
            return len(_CLOZE_ANY.findall(prompt)) == 1 and len(_CLOZE_SHORT.findall(prompt)) == 1
        return super().reads_moodle(moodle_type, element, prompt)

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        match = _CLOZE_SHORT.search(prompt)
        if match is None:  # a short answer whose text has the blank
            return super().read_moodle(element, prompt)
        text = prompt[: match.start()] + BLANK + prompt[match.end() :]
        return {"prompt": text, "accepted": cloze_accepted(match.group(1))}

    def moodle_prompt(self, question: QuestionLike) -> str:
        answers = "~".join("=" + _cloze_escape(a) for a in question.accepted)
        return question.prompt.replace(BLANK, "{1:SHORTANSWER:" + answers + "}", 1)

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        """A cloze question carries its answers in its text."""

    def write_gift(self, question: QuestionLike) -> tuple[str, str, str]:
        before, _blank, after = question.prompt.partition(BLANK)
        if not after.strip():  # keep the blank: with no text after it GIFT reads a short answer
            return escape(before + BLANK), self.gift_answers(question), ""
        return escape(before), self.gift_answers(question), escape(after)
