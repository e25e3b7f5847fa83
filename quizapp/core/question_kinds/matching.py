"""Matching: pairs of (left, right); the learner picks a right for each left.

Rights may repeat ("frog -> amphibian", "newt -> amphibian": many to one), and a pair with an
empty left is a distractor: a right no left takes, listed among the options only (Moodle's
subquestion without text, GIFT's "= -> Chat"). The options show each distinct right once.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from quizapp.core.grading import Grade, GradingKey, grade_matching
from quizapp.core.interchange.gift_text import GiftQuestion, escape, restore
from quizapp.core.interchange.moodle_fields import add_text, read_text
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
from quizapp.core.translatable import N_, Phrase


def _arrows(pairs: Any) -> str:
    return "; ".join(f"{left} → {right}" for left, right in pairs)


def matched(pairs: Any) -> list[tuple[int, str, str]]:
    """(index, left, right) of the pairs a learner matches: distractors (no left) left out."""
    return [(i, left, right) for i, (left, right) in enumerate(pairs or []) if left]


def distractors(pairs: Any) -> list[str]:
    """The rights no left takes."""
    return [right for left, right in pairs or [] if not left]


def _picked_right(rights: list[str], picked: str) -> str:
    """The right a row's pick names, by its text; anything else is refused. Not by its index
    too: rights are stored in key order, so "row i takes right i" would score every matching
    question in full for anyone who posts the row numbers."""
    if picked not in rights:
        raise FormAnswerError(N_("That matching answer does not fit this question."))
    return picked


class Matching(QuestionKind):
    type = QuestionType.MATCHING
    label = N_("Matching")
    input_template = "quiz/kinds/matching.html"
    authoring_field = "pairs"
    always_shuffled = True

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        pairs = []
        for line in limit_lines(lines_of(fields.pairs), "pairs", fail):
            if line.count(PAIR_SEPARATOR) != 1:
                fail(
                    Phrase(
                        N_("Write each pair as 'left %(separator)s right': %(line)s"),
                        separator=PAIR_SEPARATOR,
                        line=repr(line),
                    )
                )
            left, right = (part.strip() for part in line.split(PAIR_SEPARATOR))
            if not right:  # no left: a distractor ("| Chat")
                fail(Phrase(N_("The right side of a pair needs text: %(line)s"), line=repr(line)))
            pairs.append([left, right])
        return {"pairs": pairs}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        """At least two pairs with a left; lefts distinct, rights may repeat; a distractor
        (empty left) is a right no pair has."""
        pairs = raw.get("pairs") or []
        if any(not isinstance(p, list | tuple) or len(p) != 2 for p in pairs):
            fail(N_("matching needs at least two [left, right] pairs"))
        pairs = [[str(a).strip(), str(b).strip()] for a, b in pairs]
        lefts = [left.casefold() for _i, left, _right in matched(pairs)]
        if len(lefts) < 2:
            fail(N_("matching needs at least two [left, right] pairs"))
        if any(not right for _left, right in pairs):
            fail(N_("a matching pair has no right side"))
        if len(set(lefts)) != len(lefts):
            fail(N_("duplicate items in a matching question"))
        taken = [right.casefold() for _i, _left, right in matched(pairs)]
        extra = [right.casefold() for right in distractors(pairs)]
        if len(set(extra)) != len(extra) or set(extra) & set(taken):
            fail(N_("a distractor repeats a right of the matching question"))
        draft["pairs"] = pairs

    def choice_order(self, question: QuestionLike) -> list[str]:
        """Indexes of the rights, so a shuffled list of them can be shown beside each left:
        the first pair of each distinct right, so a right two lefts share is listed once."""
        first: dict[str, int] = {}
        for index, (_left, right) in enumerate(question.pairs):
            first.setdefault(right, index)
        return [str(i) for i in first.values()]

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        """Each row's pick is the right's own text: an index as the option's value would
        name the key (row i's answer is right i) to anyone reading the page."""
        rights = [pair[1] for pair in question.pairs]
        answer = {}
        for index, left, _right in matched(question.pairs):
            picked = form.get(f"match-{index}", "")
            if picked == "":
                continue
            answer[left] = _picked_right(rights, picked)
        return answer or None

    def grade(self, key: GradingKey, answer: object) -> Grade:
        return grade_matching(key, answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        return _arrows(answer.items())

    def describe_key(self, question: QuestionLike) -> str:
        extra = distractors(question.pairs)
        pairs = _arrows((left, right) for _i, left, right in matched(question.pairs))
        if not extra:
            return pairs
        return Phrase(
            N_("%(pairs)s; also listed: %(others)s"), pairs=pairs, others=", ".join(extra)
        )

    # --- interchange ---------------------------------------------------------------------------

    moodle_type = "matching"

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        pairs = []
        for sub in element.findall("subquestion"):
            # A subquestion without text adds a distractor: kept as a pair with no left.
            pairs.append([read_text(sub), read_text(sub.find("answer"), format_of=sub)])
        return {"pairs": pairs}

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        ET.SubElement(element, "shuffleanswers").text = "true"
        for left, right in question.pairs:
            sub = add_text(element, "subquestion", left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        return bool(parsed.answers) and all(
            a.marker == "=" and "->" in a.text for a in parsed.answers
        )

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        pairs = [[restore(part) for part in a.text.split("->", 1)] for a in parsed.answers]
        return {"prompt": self.gift_prompt(parsed), "pairs": pairs}

    def gift_answers(self, question: QuestionLike) -> str:
        return " ".join(f"={escape(left)} -> {escape(right)}" for left, right in question.pairs)
