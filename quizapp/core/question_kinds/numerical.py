"""Numerical: a typed number right within a tolerance, as Moodle's numerical question.

Storage (no column of its own; the question's JSON fields, in a documented shape):

- ``choices``: the accepted values, one dict each, ``{"id", "text", "correct", "fraction",
  "value", "tolerance"}`` and an optional ``feedback``: ``text`` the value as written,
  ``fraction`` the credit 0..1, ``correct`` whether it is full credit, ``feedback`` what a
  learner whose number it accepts is told (the best value accepting it speaks, as it marks).
  Never shown as options.
- Moodle's "any other answer" (``*`` in Moodle XML, ``~#…`` in GIFT) only carries feedback for
  a number no value accepts: it is kept as the question's combined feedback for an incorrect
  answer and written back as that catch-all.
- ``pairs``: the accepted units, ``[unit, multiplier]`` with the multiplier as text, as Moodle
  writes them: the first is the base unit (multiplier 1), "cm" with 100 reads "314 cm" as
  3.14. Units are optional: a bare number is read in the base unit.

A learner types "3,14" or "3.14 m"; text that is no number is refused with a 400 (nothing is
saved), an unknown unit is a wrong answer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, InvalidAnswer
from quizapp.core.interchange.gift_text import GiftQuestion, escape, formatted, restore
from quizapp.core.interchange.media_refs import answer_feedback_place, outcome_place
from quizapp.core.interchange.moodle_fields import OUTCOME_TAGS, add_text, read_text
from quizapp.core.interchange.records import format_fraction, parse_fraction
from quizapp.core.item_drafts import choice_id
from quizapp.core.question_kinds.base import (
    ANSWERS_LIMITED,
    MAX_OPTIONS,
    MAX_TEXT_ANSWER,
    Fail,
    FormAnswerError,
    FormData,
    QuestionLike,
    lines_of,
)
from quizapp.core.question_kinds.choice_credit import feedback_text
from quizapp.core.question_kinds.numbers import (
    WITHIN,
    NotANumber,
    NumericAnswer,
    number_text,
    parse_number,
    read_answer_text,
    split_number,
    write_answer_text,
)
from quizapp.core.question_kinds.typed import TypedKind
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_, Phrase, figure

UNIT_LINE = re.compile(r"^unit\s*:\s*(?P<unit>[^=]+?)\s*(?:=\s*(?P<multiplier>.+))?$", re.I)
MAX_UNIT = 30  # characters in a unit's name
CATCH_ALL = "*"  # Moodle's answer for every number no other answer accepts


def answers_of(choices: list[dict[str, Any]]) -> list[NumericAnswer]:
    return [
        NumericAnswer(float(c["value"]), float(c.get("tolerance") or 0), _fraction(c))
        for c in choices
    ]


def _fraction(choice: Mapping[str, Any]) -> float:
    fraction = choice.get("fraction")
    if fraction is None:
        return 1.0 if choice.get("correct") else 0.0
    return float(fraction)


def units_of(pairs: Any) -> list[tuple[str, float]]:
    return [(str(unit), float(multiplier)) for unit, multiplier in pairs or []]


def _stored_choice(position: int, answer: NumericAnswer, feedback: str) -> dict[str, Any]:
    stored = {
        "id": choice_id(position),
        "text": number_text(answer.value),
        "correct": answer.fraction >= 1.0,
        "fraction": answer.fraction,
        "value": answer.value,
        "tolerance": answer.tolerance,
    }
    return {**stored, "feedback": feedback} if feedback else stored


def _joined(*texts: str) -> str:
    """The texts that say something, each once, a line apart."""
    return "\n".join(dict.fromkeys(t for t in texts if t))


class Numerical(TypedKind):
    """Typed like a short answer (so it plays live as a typed answer), graded as a number."""

    type = QuestionType.NUMERICAL
    label = N_("Numerical")
    input_template = "quiz/kinds/numerical.html"
    authoring_field = "accepted"
    moodle_type = "numerical"
    keeps_credit = True
    keeps_answer_feedback = True

    # --- authoring and validation ---------------------------------------------------------

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        """One answer per line as GIFT writes it ("3.14:0.01", "%50%3.1:0.1", "1..5"), and
        "unit: cm = 100" lines."""
        answers, units = [], []
        for line in lines_of(fields.accepted):
            unit = UNIT_LINE.match(line)
            if unit is not None:
                units.append([unit["unit"], unit["multiplier"] or "1"])
                continue
            try:
                answer = read_answer_text(line)
            except NotANumber:
                fail(
                    Phrase(
                        N_("%(line)s is not a number, value:tolerance, low..high nor a unit line."),
                        line=repr(line),
                    )
                )
            answers.append(
                {"value": answer.value, "tolerance": answer.tolerance, "fraction": answer.fraction}
            )
        return {"choices": answers, "pairs": units}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        answers = raw.get("choices") or []
        if not answers:
            fail(N_("a numerical question needs at least one accepted value"))
        if len(answers) > MAX_OPTIONS:
            fail(Phrase(N_("At most %(limit)s accepted values."), limit=MAX_OPTIONS))
        try:
            parsed = [self._answer(a) for a in answers]
            units = [self._unit(u) for u in raw.get("pairs") or []]
        except (NotANumber, TypeError, ValueError, KeyError) as error:
            fail(
                Phrase(
                    N_("a numerical answer or unit is not a number: %(error)s"), error=str(error)
                )
            )
        said = [feedback_text(a.get("feedback"), fail, "a value's feedback") for a in answers]
        if not any(a.fraction >= 1.0 for a in parsed):
            fail(N_("a numerical question needs one value worth full marks"))
        if len({u for u, _m in units}) != len(units):
            fail(N_("a unit is listed twice"))
        draft["choices"] = [
            _stored_choice(i, a, text) for i, (a, text) in enumerate(zip(parsed, said, strict=True))
        ]
        draft["accepted"] = []
        draft["pairs"] = [[u, number_text(m)] for u, m in units]

    @staticmethod
    def _answer(raw: Mapping[str, Any]) -> NumericAnswer:
        fraction = float(raw.get("fraction", 1.0))
        if not 0.0 <= fraction <= 1.0:
            raise ValueError("a value's credit is between 0 and 100 %")
        value = raw["value"]
        value = parse_number(value) if isinstance(value, str) else float(value)
        tolerance = abs(parse_number(str(raw.get("tolerance") or 0)))
        return NumericAnswer(parse_number(number_text(value)), tolerance, fraction)

    @staticmethod
    def _unit(raw: Any) -> tuple[str, float]:
        unit, multiplier = raw
        unit = str(unit).strip()
        if not unit or len(unit) > MAX_UNIT or split_number_or_none(unit) is not None:
            raise ValueError(f"{unit!r} is not a unit name")
        factor = parse_number(str(multiplier))
        if factor <= 0:
            raise ValueError(f"the multiplier of {unit!r} is not positive")
        return unit, factor

    def authoring_text(self, question: QuestionLike) -> dict[str, str]:
        lines = [write_answer_text(a) for a in answers_of(question.choices)]
        lines += [f"unit: {u} = {number_text(m)}" for u, m in units_of(question.pairs)]
        return {"accepted": "\n".join(lines), "choices": "", "pairs": ""}

    # --- answering and grading -------------------------------------------------------------

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        value = form.get("answer")
        if value is None or value.strip() == "":
            return None
        if len(value) > MAX_TEXT_ANSWER:
            raise FormAnswerError(ANSWERS_LIMITED, limit=MAX_TEXT_ANSWER)
        try:
            split_number(value)
        except NotANumber:
            raise FormAnswerError(
                N_("%(answer)s is not a number: type digits, such as 3.14 or 3,14."),
                answer=repr(value.strip()[:40]),
            ) from None
        return value.strip()

    def _matched(self, question: QuestionLike, answer: Any) -> dict[str, Any] | None:
        """The stored value that marks ``answer``: the best worth accepting the number (the
        first of equals), read in its unit as ``grade`` reads it; None when none does."""
        if not isinstance(answer, str):
            return None
        try:
            number, unit = split_number(answer)
        except NotANumber:
            return None
        if unit:
            multiplier = dict(units_of(question.pairs)).get(unit)
            if multiplier is None:
                return None
            number = number / multiplier
        best = None
        for choice, accepted in zip(question.choices, answers_of(question.choices), strict=True):
            if accepted.accepts(number) and (best is None or accepted.fraction > best[1]):
                best = (choice, accepted.fraction)
        return best[0] if best else None

    def answer_feedback(self, question: QuestionLike, answer: Any) -> list[str]:
        """The feedback of the value that marked the number, as Moodle shows it."""
        matched = self._matched(question, answer)
        return [matched["feedback"]] if matched and matched.get("feedback") else []

    def answer_feedback_places(self, question: QuestionLike, answer: Any) -> list[str]:
        matched = self._matched(question, answer)
        return [answer_feedback_place(matched["id"])] if matched else []

    def grade(self, key: GradingKey, answer: object) -> Grade:
        """The best credit of the accepted values the number falls within; a unit is read
        with its multiplier, and one the question does not list is wrong."""
        if not isinstance(answer, str):
            raise InvalidAnswer("a numerical answer is text")
        try:
            number, unit = split_number(answer)
        except NotANumber as error:
            raise InvalidAnswer(str(error)) from None
        units = dict(units_of(key.pairs))
        if unit:
            # Exact: "m" and "M" (milli, mega) are different units.
            multiplier = units.get(unit)
            if multiplier is None:
                return Grade(0.0, False, f"Unknown unit {unit[:20]!r}")
            number = number / multiplier
        answers = [
            NumericAnswer(c.value, c.tolerance, c.fraction if c.fraction is not None else 1.0)
            for c in key.choices
            if c.value is not None
        ]
        score = max((a.fraction for a in answers if a.accepts(number)), default=0.0)
        if score >= 1.0:
            return Grade(1.0, True, "Correct")
        if score > 0:
            return Grade(score, False, f"Partly right: worth {round(score * 100, 2):g} %")
        return Grade(0.0, False, "Not within the accepted range")

    def describe_key(self, question: QuestionLike) -> str:
        # A phrase (the web layer words it, numbers with the reader's decimal mark) that reads
        # "3.14 ± 0.01 (50 %), or 3 cm (= 30 mm)" in English.
        def said(answer: NumericAnswer) -> Phrase:
            shown = figure(answer.value)
            if answer.tolerance:
                shown = Phrase(WITHIN, value=answer.value, tolerance=answer.tolerance)
            if answer.fraction >= 1:
                return shown
            return Phrase(
                N_("%(answer)s (%(percent)s %%)"), answer=shown, percent=answer.fraction * 100
            )

        # A value worth nothing is there for its feedback (Moodle's "8 is a common slip"): the
        # key names only what earns marks, as Moodle's "The correct answer is" does.
        earning = [a for a in answers_of(question.choices) if a.fraction > 0]
        answers = sorted(earning, key=lambda a: -a.fraction)
        if not answers:
            return ""
        text: Phrase = said(answers[-1])
        for answer in reversed(answers[:-1]):
            text = Phrase(N_("%(answer)s, or %(other)s"), answer=said(answer), other=text)
        units = units_of(question.pairs)
        if len(units) == 1:
            return Phrase(N_("%(answer)s %(unit)s"), answer=text, unit=units[0][0])
        if units:
            (unit, _one), (other_unit, multiplier) = units[:2]
            return Phrase(
                N_("%(answer)s %(unit)s (= %(value)s %(other_unit)s)"),
                answer=text,
                unit=unit,
                value=answers[0].value * multiplier,
                other_unit=other_unit,
            )
        return text

    # --- interchange: Moodle XML ----------------------------------------------------------

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        return moodle_type == self.moodle_type

    def moodle_feedback_answers(self, element: ET.Element) -> list[tuple[ET.Element, str]]:
        """A value's feedback is shown with it; the catch-all's with an incorrect answer."""
        found, position = [], 0
        for answer in element.findall("answer"):
            if read_text(answer).strip() == CATCH_ALL:
                found.append((answer, outcome_place("incorrect")))
                continue
            found.append((answer, answer_feedback_place(position)))
            position += 1
        return found

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        answers, other = [], ""
        for answer in element.findall("answer"):
            text = read_text(answer)
            said = read_text(answer.find("feedback"))
            if text.strip() == CATCH_ALL:  # "any other answer": worth nothing, says something
                other = _joined(other, said)
                continue
            answers.append(
                {
                    "value": text,
                    "tolerance": answer.findtext("tolerance") or "0",
                    "fraction": parse_fraction(answer.get("fraction")) / 100.0,
                    "feedback": said,
                }
            )
        units = [
            [unit.findtext("unit_name") or "", unit.findtext("multiplier") or "1"]
            for unit in element.findall("units/unit")
        ]
        read = {"choices": answers, "pairs": units}
        if other:
            combined = {o: read_text(element.find(tag)) for o, tag in OUTCOME_TAGS.items()}
            combined["incorrect"] = _joined(combined["incorrect"], other)
            read["combined_feedback"] = {o: text for o, text in combined.items() if text}
        return read

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        for choice, answer in zip(question.choices, answers_of(question.choices), strict=True):
            fraction = format_fraction(answer.fraction * 100)
            written = add_text(element, "answer", number_text(answer.value), fraction=fraction)
            written.set("format", "moodle_auto_format")
            add_text(written, "feedback", choice.get("feedback") or "", paragraphs=True)
            ET.SubElement(written, "tolerance").text = number_text(answer.tolerance)
        other = (getattr(question, "combined_feedback", None) or {}).get("incorrect")
        if other:
            # Moodle shows no combined feedback on a numerical question: its catch-all does.
            written = add_text(element, "answer", CATCH_ALL, fraction="0")
            written.set("format", "moodle_auto_format")
            add_text(written, "feedback", other, paragraphs=True)
            ET.SubElement(written, "tolerance").text = "0"
        units = units_of(question.pairs)
        if units:
            parent = ET.SubElement(element, "units")
            for unit, multiplier in units:
                child = ET.SubElement(parent, "unit")
                ET.SubElement(child, "multiplier").text = number_text(multiplier)
                ET.SubElement(child, "unit_name").text = unit
        ET.SubElement(element, "unitgradingtype").text = "0"  # units optional, no penalty
        ET.SubElement(element, "showunits").text = "3" if not units else "0"

    # --- interchange: GIFT {#...} ----------------------------------------------------------

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        return parsed.body.strip().startswith("#")

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        """``{#3.14:0.01}``, ``{#1..5}`` or ``{#=3.14:0.01#Close =%50%3.1:0.1#Roughly}``, each
        answer's feedback after its "#". A wrong answer with no number (``~#Completely wrong``,
        or ``~*``) is Moodle's catch-all for every other response: worth nothing, its feedback
        is kept as the one for an incorrect answer."""
        body = parsed.body.strip()[1:]
        chunks = [c for c in re.split(r"(?=[=~])", body) if c.strip()]
        answers, other = [], ""
        for chunk in chunks:
            written, _, said = chunk.removeprefix("=").removeprefix("~").partition("#")
            text, said = restore(written), formatted(restore(said))
            if chunk.startswith("~") and text in ("", CATCH_ALL):
                other = _joined(other, said)
                continue
            try:
                answer = read_answer_text(text)
            except NotANumber:
                answers.append({"value": text})  # validate names the bad one
                continue
            answers.append(
                {
                    "value": answer.value,
                    "tolerance": answer.tolerance,
                    "fraction": answer.fraction,
                    "feedback": said,
                }
            )
        read = {"prompt": self.gift_prompt(parsed), "choices": answers}
        return {**read, "combined_feedback": {"incorrect": other}} if other else read

    def gift_answers(self, question: QuestionLike) -> str:
        answers = answers_of(question.choices)
        said = [c.get("feedback") or "" for c in question.choices]
        other = (getattr(question, "combined_feedback", None) or {}).get("incorrect", "")
        if len(answers) == 1 and answers[0].fraction >= 1.0 and not said[0] and not other:
            return "#" + write_answer_text(answers[0])
        # Numbers hold none of GIFT's special characters but ":", which is syntax here.
        written = [
            "=" + write_answer_text(a) + (f"#{escape(text)}" if text else "")
            for a, text in zip(answers, said, strict=True)
        ]
        if other:
            written.append(f"~#{escape(other)}")
        return "#" + " ".join(written)


def split_number_or_none(text: str) -> float | None:
    try:
        return split_number(text)[0]
    except NotANumber:
        return None
