"""Multi-gap cloze: a text with several gaps, as Moodle's "Embedded answers (Cloze)".

Each gap is typed (a short answer, case-sensitive or not, with several accepted answers), a
number within a tolerance, or one option of a dropdown or a row of radio buttons; each has its
own marks, answers worth part of them and feedback per answer. Marked gap by gap: the score is
the weighted share of the marks earned (``cloze_gaps``).

Storage (no column of its own, so no migration):

- ``prompt``: the text with one ``_____`` (``BLANK``) where each gap goes, so every page that
  shows a prompt (results, the gradebook, item analysis) reads naturally.
- ``choices``: one dict per gap, in the text's order: ``{"id", "text": "Gap 1", "correct":
  True, "gap": {...}}`` with the gap as ``cloze_gaps`` stores it. The ids are the store's
  opaque ones; an answer is ``{gap id: text}`` (a choice gap's text is its option's).

A teacher writes the text in Moodle's own syntax (``{1:SHORTANSWER:=Paris#Right}``), which is
also what Moodle XML carries; GIFT has no form for several gaps, and the live game does not
play the kind (``live_refusal``). A short answer a Moodle or GIFT file marks in parts (answers
worth part of the mark, feedback per answer) is read as a question of one gap (``typed_gap``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from quizapp.core.errors import ContractError
from quizapp.core.grading import Grade, GradingKey, InvalidAnswer, InvalidKey
from quizapp.core.interchange.embedded_answers import (
    EmbeddedAnswerError,
    EmbeddedGap,
    parse_embedded,
    write_embedded,
)
from quizapp.core.interchange.gift_text import GiftQuestion, escape
from quizapp.core.interchange.records import NotImportable
from quizapp.core.question_kinds.base import (
    BLANK,
    MAX_TEXT_ANSWER,
    Fail,
    FormAnswerError,
    FormData,
    QuestionKind,
    QuestionLike,
)
from quizapp.core.question_kinds.cloze_gaps import (
    MAX_GAPS,
    GapResult,
    gap_of,
    gap_problem,
    gap_results,
    layout_of,
    shown_options,
    stored_gap,
    weighted_score,
)
from quizapp.core.question_kinds.typed_gap import (
    KEPT_AS_ONE_GAP,
    gift_answers,
    gift_gap,
    gift_parts,
    moodle_gap,
    moodle_parts,
)
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_, Joined, N_plural, Phrase, counted_phrase

# A gap's answer, or its key, in a review's line of all the gaps ("Gap 1: Paris; Gap 2: 3").
GAP_SAID = N_("Gap %(number)s: %(answer)s")
GAPS_LEGEND = N_plural("Fill in the gap.", "Fill in the %(num)d gaps in the text.")
NO_GAP = Phrase(N_("no gap in Moodle's {1:SHORTANSWER:…} form"))
UNDERSCORES_SHORTENED = Phrase(
    N_("underscores in its text were shortened or dropped: they would read as a gap")
)

# A run of underscores in a file's text would read as one more gap; it is shortened.
_UNDERSCORES = "____"
_LONG_RUN = re.compile(r"_{5,}")
NO_GIFT_FORM = (
    "a cloze question with several gaps was not carried: GIFT has no form for it "
    "(export as Moodle XML to keep it)"
)
LIVE_REFUSAL = N_(
    "Cloze questions with several gaps do not play live: filling in a text gap by gap on a "
    "phone takes longer than a question is open."
)


def gaps_of(question: QuestionLike) -> list[tuple[str, EmbeddedGap]]:
    """The question's gaps with their ids, in the text's order."""
    return [(str(c["id"]), gap_of(c["gap"])) for c in question.choices]


def split_text(text: str) -> tuple[str, list[EmbeddedGap], list[str]]:
    """A text in Moodle's syntax as (the prompt with a blank per gap, its gaps, what was
    changed on the way). Raises NotImportable when a gap cannot be kept or there is none."""
    try:
        embedded = parse_embedded(text)
    except EmbeddedAnswerError as error:
        raise NotImportable(Phrase(N_("a cloze question with %(gap)s"), gap=error.reason)) from None
    if not embedded.gaps:
        raise NotImportable(Phrase(N_("a cloze question with %(gap)s"), gap=NO_GAP))
    changes = []
    parts = _without_blanks(list(embedded.parts))
    if parts != list(embedded.parts):
        changes.append(UNDERSCORES_SHORTENED)
    if any(a.fraction < 0 for g in embedded.gaps for a in g.answers):
        changes.append(Phrase(N_("options that take marks away were kept as worth nothing")))
    return BLANK.join(parts), list(embedded.gaps), changes


def one_gap(before: str, after: str, gap: EmbeddedGap) -> dict[str, Any]:
    """The raw question of one gap between ``before`` and ``after`` (a typed answer a file
    marks in parts, ``typed_gap``), the report saying so."""
    parts = _without_blanks([before, after])
    changes = [KEPT_AS_ONE_GAP]
    if parts != [before, after]:
        changes.append(UNDERSCORES_SHORTENED)
    return {"prompt": BLANK.join(parts), "choices": [{"gap": stored_gap(gap)}], "changes": changes}


def _without_blanks(parts: list[str]) -> list[str]:
    """The text between gaps with no run of underscores that would read as a blank: long runs
    shortened, and underscores touching a gap dropped (beside the gap's own blank they would
    make a longer run, and move the gap)."""
    parts = [_LONG_RUN.sub(_UNDERSCORES, part) for part in parts]
    for i in range(len(parts)):
        if i > 0:  # after a gap
            parts[i] = parts[i].lstrip("_")
        if i < len(parts) - 1:  # before a gap
            parts[i] = parts[i].rstrip("_")
    return parts


class Cloze(QuestionKind):
    """Several gaps in one text, marked gap by gap."""

    type = QuestionType.CLOZE
    label = N_("Cloze (several gaps)")
    input_template = "quiz/kinds/cloze.html"
    hint = N_("Fill in every gap: each is marked on its own.")
    # The teacher types the gaps inside the prompt, in Moodle's syntax.
    authoring_field = "prompt"
    keeps_answer_feedback = True
    keeps_credit = True
    moodle_type = "cloze"
    prompt_in_controls = True
    live_refusal = LIVE_REFUSAL

    # --- authoring and validation ---------------------------------------------------------

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        """The prompt in Moodle's syntax ("The capital is {1:SA:=Paris}.") as the prompt with
        blanks and the gaps."""
        try:
            prompt, gaps, _changes = split_text(fields.prompt)
        except NotImportable as error:
            fail(Phrase(N_("the text has %(gap)s"), gap=error.reason.params["gap"]))
        return {"prompt": prompt, "choices": [{"gap": stored_gap(g)} for g in gaps]}

    def authoring_text(self, question: QuestionLike) -> dict[str, str]:
        return {"prompt": self.moodle_prompt(question), "choices": "", "accepted": "", "pairs": ""}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        prompt = str(raw.get("prompt") or draft["prompt"])
        gaps = raw.get("choices") or []
        if not isinstance(gaps, list) or not 0 < len(gaps) <= MAX_GAPS:
            fail(Phrase(N_("a cloze question needs 1 to %(limit)s gaps"), limit=MAX_GAPS))
        if prompt.count(BLANK) != len(gaps):
            fail(
                Phrase(
                    N_(
                        "a cloze question's text needs one %(blank)s for each of its %(count)s gaps"
                    ),
                    blank=BLANK,
                    count=len(gaps),
                )
            )
        stored = []
        for number, raw_gap in enumerate(gaps, start=1):
            try:
                gap = gap_of(raw_gap["gap"])
            except (KeyError, TypeError, ValueError) as error:
                fail(
                    Phrase(
                        N_("gap %(number)s cannot be read: %(error)s"),
                        number=number,
                        error=str(error),
                    )
                )
            problem = gap_problem(gap)
            if problem is not None:
                fail(Phrase(N_("gap %(number)s %(problem)s"), number=number, problem=problem))
            stored.append(
                {
                    "id": f"g{number}",
                    "text": f"Gap {number}",
                    "correct": True,
                    "gap": stored_gap(gap),
                }
            )
        draft["prompt"] = prompt
        draft["choices"] = stored
        draft["accepted"] = []
        draft["pairs"] = []

    def choice_order(self, question: QuestionLike) -> list[str]:
        return []

    def legend(self, question: QuestionLike) -> str:
        count = len(question.choices)
        return counted_phrase(*GAPS_LEGEND, "num", num=count)

    # --- answering and grading -------------------------------------------------------------

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        """``{gap id: text}`` from the fields ``gap-0``, ``gap-1``, …; None when all are
        blank. An option no choice gap has is refused, as a long text is."""
        gaps = gaps_of(question)
        answer = {}
        for index, (gap_id, gap) in enumerate(gaps):
            value = (form.get(f"gap-{index}") or "").strip()
            if not value:
                continue
            where = {"number": index + 1, "total": len(gaps)}
            if len(value) > MAX_TEXT_ANSWER:
                raise FormAnswerError(
                    N_("Gap %(number)s of %(total)s: answers are limited to %(limit)s characters."),
                    limit=MAX_TEXT_ANSWER,
                    **where,
                )
            if gap.family == "choice" and value not in {a.text for a in gap.answers}:
                raise FormAnswerError(
                    N_("Gap %(number)s of %(total)s: choose one of its options."), **where
                )
            answer[gap_id] = value
        return answer or None

    def grade(self, key: GradingKey, answer: object) -> Grade:
        """The weighted share of the gaps' marks; an answer naming a gap the question does not
        have, or an option a choice gap does not list, is InvalidAnswer."""
        if not isinstance(answer, Mapping):
            raise InvalidAnswer("a cloze answer is a mapping of gaps to answers")
        try:
            gaps = [(c.id, gap_of(c.gap or {})) for c in key.choices]
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidKey(f"a cloze gap cannot be read: {error}") from None
        ids = {gap_id for gap_id, _gap in gaps}
        if any(not isinstance(k, str) or k not in ids for k in answer):
            raise InvalidAnswer("unknown gap")
        for gap_id, gap in gaps:
            given = answer.get(gap_id)
            if given is not None and not isinstance(given, str):
                raise InvalidAnswer("a gap's answer is text")
            if gap.family == "choice" and given and given not in {a.text for a in gap.answers}:
                raise InvalidAnswer("unknown option")
        results = gap_results(gaps, answer)
        score = weighted_score(results)
        right = sum(r.outcome == "right" for r in results)
        detail = f"{right} of {len(results)} gaps right"
        return Grade(score, score == 1.0, detail)

    def results(self, question: QuestionLike, answer: Any) -> list[GapResult]:
        """Each gap marked against ``answer`` (the quiz page's marks, the feedback)."""
        return gap_results(gaps_of(question), answer)

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        given = answer if isinstance(answer, Mapping) else {}
        return Joined(
            "; ",
            (
                Phrase(GAP_SAID, number=n, answer=given.get(gap_id) or Phrase(N_("(no answer)")))
                for n, (gap_id, _gap) in enumerate(gaps_of(question), start=1)
            ),
        )

    def describe_key(self, question: QuestionLike) -> str:
        results = gap_results(gaps_of(question), {})
        return Joined(
            "; ", (Phrase(GAP_SAID, number=r.number, answer=r.right_answer) for r in results)
        )

    def answer_feedback(self, question: QuestionLike, answer: Any) -> list[str]:
        """A sentence per gap, as Moodle shows beside each: right or not, its marks, the
        feedback of the answer given and the right answer when missed."""
        return [r.sentence() for r in self.results(question, answer)]

    def gap_views(
        self, question: QuestionLike, answer: Any, seed: Any, marked: bool
    ) -> list[tuple[str, dict[str, Any] | None]]:
        """The text cut at its gaps for the quiz page: (text before, the gap's controls or
        None after the last text). A gap's view: its index, "Gap n of N", its layout, its
        options, the answer given and, once ``marked``, its outcome."""
        parts = question.prompt.split(BLANK)
        gaps = gaps_of(question)
        results = self.results(question, answer) if marked else []
        given = answer if isinstance(answer, Mapping) else {}
        views: list[tuple[str, dict[str, Any] | None]] = []
        for index, (gap_id, gap) in enumerate(gaps):
            view = {
                "index": index,
                "label": f"Gap {index + 1} of {len(gaps)}",  # English; the page words its own
                "total": len(gaps),
                "layout": layout_of(gap),
                "numeric": gap.family == "number",
                "options": shown_options(gap, f"{seed}-{gap_id}"),
                "value": given.get(gap_id) or "",
                "outcome": results[index].outcome if results else None,
            }
            views.append((parts[index] if index < len(parts) else "", view))
        views.append((BLANK.join(parts[len(gaps) :]), None))
        return views

    # --- interchange: Moodle XML (the gaps inside the text) --------------------------------

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        """A Moodle cloze question, or a short answer marked in parts (``typed_gap``)."""
        return moodle_type == self.moodle_type or moodle_gap(element) is not None

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        """The prompt with blanks and the gaps; "changes" lists what was altered. Raises
        NotImportable for a gap the app cannot hold (the question is skipped, with why)."""
        gap = moodle_gap(element)
        if gap is not None:
            return one_gap(*moodle_parts(prompt), gap)
        text, gaps, changes = split_text(prompt)
        return {
            "prompt": text,
            "choices": [{"gap": stored_gap(g)} for g in gaps],
            "changes": changes,
        }

    def moodle_prompt(self, question: QuestionLike) -> str:
        gaps = [gap for _id, gap in gaps_of(question)]
        parts = question.prompt.split(BLANK)
        if len(parts) != len(gaps) + 1:  # never for a validated question
            return question.prompt
        return write_embedded(parts, tuple(gaps))

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        """A cloze question carries its answers in its text; its default mark is the sum of
        its gaps' marks, as Moodle counts it."""
        grade = element.find("defaultgrade")
        if grade is not None:
            grade.text = str(sum(gap.weight for _id, gap in gaps_of(question)))

    # --- interchange: GIFT has no multi-gap form, only short answers marked in parts ------

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        return gift_gap(parsed) is not None

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        gap = gift_gap(parsed)
        if gap is None:
            raise ContractError("read_gift of a question reads_gift refused")
        return one_gap(*gift_parts(parsed), gap)

    def gift_refusal(self, question: QuestionLike) -> str | None:
        """None for one short-answer gap that is not case-sensitive (GIFT's short answer
        carries it, and is read back as this question); else why GIFT cannot."""
        gaps = gaps_of(question)
        if len(gaps) == 1 and gift_answers(gaps[0][1]) is not None:
            return None
        return NO_GIFT_FORM

    def write_gift(self, question: QuestionLike) -> tuple[str, str, str]:
        """One short-answer gap as a GIFT short answer, its braces where the gap is."""
        [(_id, gap)] = gaps_of(question)
        before, _blank, after = question.prompt.partition(BLANK)
        return escape(before), gift_answers(gap) or "", escape(after)
