"""Single choice and multiple select: options with stable ids, some marked correct."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_multiple_select, grade_single_choice
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.media_refs import answer_feedback_place
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
from quizapp.core.question_kinds.choice_credit import credit_extras
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_, Phrase

# The Moodle tag that marks a multichoice question with no right answer as a poll.
POLL_TAG = "poll"


def has_poll_tag(element: ET.Element) -> bool:
    return any((t.text or "").strip() == POLL_TAG for t in element.findall("tags/tag/text"))


def choices_from_rows(rows: Sequence[tuple[str, bool]], fail: Fail) -> list[dict[str, Any]]:
    """One choice per row with text; an empty row is left out (the editor offers spare ones),
    unless it is ticked: then the teacher meant a right answer that has no words yet."""
    if any(correct and not text.strip() for text, correct in rows):
        fail(N_("A ticked choice has no text."))
    kept = [(text.strip(), correct) for text, correct in rows if text.strip()]
    limit_lines([text for text, _ in kept], "choices", fail)
    return [{"text": text, "correct": correct} for text, correct in kept]


def same_choice_key(text: str) -> str:
    """What two choices share when they are one answer written twice: the text with its first
    letter's case set aside ("Gas", "gas"). Capitals inside a word keep their meaning there:
    "GB" and "Gb" (gigabytes, gigabits) or "CO" and "Co" are different answers, as Moodle
    grades them."""
    return text[:1].casefold() + text[1:]


def duplicate_choices(texts: Sequence[str]) -> str | None:
    """Why the choices are refused as duplicates, or None when no two are the same answer."""
    first: dict[str, str] = {}
    for text in texts:
        key = same_choice_key(text)
        if key not in first:
            first[key] = text
            continue
        earlier = first[key]
        if earlier == text:
            return N_("duplicate choices")
        return Phrase(
            N_(
                "duplicate choices: “%(earlier)s” and “%(text)s” differ only in the case of "
                "their first letter"
            ),
            earlier=earlier,
            text=text,
        )
    return None


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
            fail(N_("needs at least two choices"))
        texts = [str(c.get("text", "")).strip() for c in choices]
        if any(not t for t in texts):
            fail(N_("a choice has no text"))
        if (duplicate := duplicate_choices(texts)) is not None:
            fail(duplicate)
        correct = [bool(c.get("correct")) for c in choices]
        self.check_correct_count(sum(correct), fail)
        extras = credit_extras(
            choices, correct, self.default_fractions, self.is_correct_fraction, fail
        )
        if any("fraction" in extra for extra in extras):
            self.check_written_fractions([extra["fraction"] for extra in extras], fail)
        draft["choices"] = [
            {"id": choice_id(i), "text": t, "correct": right, **extra}
            for i, (t, right, extra) in enumerate(zip(texts, correct, extras, strict=True))
        ]

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        raise NotImplementedError

    def check_written_fractions(self, fractions: list[float], fail: Fail) -> None:
        """Refuse fractions with which no answer could earn full marks (as Moodle refuses)."""

    def default_fractions(self, correct: Sequence[bool]) -> list[float]:
        """Each choice's share of the mark (0..1) when only its tick is known."""
        raise NotImplementedError

    def answer_feedback(self, question: QuestionLike, answer: Any) -> list[str]:
        """The feedback written on each choice the answer picked, in the choices' order."""
        picked = set(self.picked_choice_ids(answer)) if answer else set()
        return [c["feedback"] for c in question.choices if c["id"] in picked and c.get("feedback")]

    def answer_feedback_places(self, question: QuestionLike, answer: Any) -> list[str]:
        picked = set(self.picked_choice_ids(answer)) if answer else set()
        return [answer_feedback_place(c["id"]) for c in question.choices if c["id"] in picked]

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

    keeps_answer_feedback = True

    def fractions(self, question: QuestionLike) -> list[float]:
        """Each choice's Moodle grade fraction, in percent: as written, else from the ticks."""
        if any(c.get("fraction") is not None for c in question.choices):
            return [float(c.get("fraction") or 0.0) * 100 for c in question.choices]
        return [f * 100 for f in self.default_fractions([c["correct"] for c in question.choices])]

    def is_correct_fraction(self, percent: float) -> bool:
        raise NotImplementedError

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        single = (element.findtext("single") or "true").strip().lower() in ("1", "true")
        if has_poll_tag(element):
            return False
        return moodle_type == self.moodle_type and single == self.single

    def moodle_feedback_answers(self, element: ET.Element) -> list[tuple[ET.Element, str]]:
        if not self.keeps_answer_feedback:
            return []
        return [(a, answer_feedback_place(i)) for i, a in enumerate(element.findall("answer"))]

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        choices = []
        for answer in element.findall("answer"):
            percent = parse_fraction(answer.get("fraction"))
            choices.append(
                {
                    "text": read_text(answer),
                    "correct": self.is_correct_fraction(percent),
                    "fraction": percent / 100,
                    "feedback": read_text(answer.find("feedback")),
                }
            )
        return {"choices": choices}

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        ET.SubElement(element, "single").text = "true" if self.single else "false"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice, percent in zip(question.choices, self.fractions(question), strict=True):
            answer = add_text(element, "answer", choice["text"], fraction=format_fraction(percent))
            if choice.get("feedback"):
                add_text(answer, "feedback", choice["feedback"], paragraphs=True)

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        if not parsed.answers or any(a.marker == "=" and "->" in a.text for a in parsed.answers):
            return False
        if not any(a.marker == "~" for a in parsed.answers):
            return False  # without a wrong (~) answer GIFT reads a short answer, as Moodle does
        full = [a for a in parsed.answers if is_full_marks(a.percent)]
        positive = [a for a in parsed.answers if a.percent > 0]
        if not positive:
            return False  # no right answer at all: a poll
        # As Moodle reads GIFT, an "=" answer makes a single choice, whatever partial credit
        # its "~%50%" alternatives carry; one full-marks answer and nothing else positive
        # ("~%100%a ~b") is one too.
        has_equals = any(a.marker == "=" for a in parsed.answers)
        single = len(full) == 1 and (has_equals or len(positive) == 1)
        return single == self.single

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        # Without a written weight the ticks say it all: "{=a =b ~c}" stays two right choices
        # of a multiple select, not two worth 100 % each, which no answer could sum to.
        weighted = any(a.weight is not None for a in parsed.answers)
        return {
            "prompt": self.gift_prompt(parsed),
            "choices": [
                {
                    "text": restore(a.text),
                    "correct": self.is_correct_fraction(a.percent),
                    "fraction": a.percent / 100 if weighted else None,
                    "feedback": a.feedback,
                }
                for a in parsed.answers
            ],
        }

    def gift_answers(self, question: QuestionLike) -> str:
        return " ".join(
            self.gift_marker(choice, percent)
            + escape(choice["text"])
            + (f"#{escape(choice['feedback'])}" if choice.get("feedback") else "")
            for choice, percent in zip(question.choices, self.fractions(question), strict=True)
        )

    def gift_marker(self, choice: Mapping[str, Any], percent: float) -> str:
        """The marker before a choice: "~%50%" for its share of the mark (a single choice writes
        "=" for its right choice and "~" for one worth nothing)."""
        return f"~%{format_fraction(percent)}%"


class SingleChoice(ChoiceKind):
    type = QuestionType.SINGLE_CHOICE
    label = N_("Single choice")

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        if correct != 1:
            fail(
                Phrase(
                    N_(
                        "a single-choice question needs exactly one correct choice, found %(found)s"
                    ),
                    found=correct,
                )
            )

    def default_fractions(self, correct: Sequence[bool]) -> list[float]:
        return [1.0 if right else 0.0 for right in correct]

    def is_correct_fraction(self, percent: float) -> bool:
        # Only the full-marks choice is right; others may still earn part of the mark.
        return is_full_marks(percent)

    def gift_marker(self, choice: Mapping[str, Any], percent: float) -> str:
        if choice["correct"]:
            return "="
        return "~" if percent == 0 else f"~%{format_fraction(percent)}%"

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
    label = N_("Multiple select")
    hint = N_("Select all that apply.")
    input_type = "checkbox"
    tiles_pick_several = True

    def check_correct_count(self, correct: int, fail: Fail) -> None:
        if correct < 1:
            fail(N_("a multiple-select question needs at least one correct choice"))

    single = False

    def default_fractions(self, correct: Sequence[bool]) -> list[float]:
        right, wrong = multiple_select_fractions(sum(correct), len(correct) - sum(correct))
        return [(right if c else wrong) / 100 for c in correct]

    def check_written_fractions(self, fractions: list[float], fail: Fail) -> None:
        positive = sum(f for f in fractions if f > 0)
        if abs(positive - 1.0) > 0.001:
            fail(
                Phrase(
                    N_(
                        "the right choices are worth %(percent)s %% together, not 100 %%, so no "
                        "answer earns exactly full marks"
                    ),
                    percent=f"{positive * 100:g}",
                )
            )

    def is_correct_fraction(self, percent: float) -> bool:
        return percent > 0

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        return sorted(set(form.getlist("answer"))) or None

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_multiple_select(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        texts = self._texts(question)
        return "; ".join(texts.get(a, str(a)) for a in answer)

    def picked_choice_ids(self, answer: Any) -> list[str]:
        return [str(a) for a in answer]
