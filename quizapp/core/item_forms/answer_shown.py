"""The last check on every generated question: its answer must not stand in what the student
sees with it (the prompt, the topic's heading).

Each form already avoids its own give-aways; this check catches what slips through from any of
them: "How many linked stages …?" under the heading "The Two Stages", a blank whose key the
sentence repeats, an option the prompt quotes. Such a question is dropped (the claim's other
forms, or its fallbacks, stand in for it).
"""

from __future__ import annotations

import re

from quizapp.core.grading import normalize_text
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.card_blanks import singular
from quizapp.core.item_forms.self_refuting import (
    counted_by_a_formula,
    given_by_arithmetic,
    worked_out_from_context,
)
from quizapp.core.question_kinds.base import BLANK

# Questions whose prompt is meant to hold what they ask about: which heading (its options are
# headings), which statement (its options are whole sentences), true/false, matching.
_OPEN_BY_DESIGN = ("gen-heading-", "gen-said-", "gen-tf-", "gen-match")


def _plain(text: str) -> str:
    """``text`` as grading compares it, word by word (grading caps a whole text's length)."""
    return " ".join(normalize_text(word) for word in text.split())


def _holds(text: str, answer: str) -> bool:
    """Whether ``answer``, or a one-word answer's singular ("Disease:" for "diseases"), stands
    in ``text``."""
    wanted = normalize_text(answer)
    forms = {wanted, singular(wanted)} if wanted and " " not in wanted else {wanted}
    return any(
        bool(form) and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None
        for form in forms
    )


def answers_of(question: QuestionDraft) -> list[str]:
    """What a student would write or pick to answer ``question`` right."""
    picked = [str(c["text"]) for c in question.choices if c.get("correct")]
    return [*question.accepted, *picked]


def shows_its_answer(
    question: QuestionDraft, heading: str = "", context: str = "", sentence: str = ""
) -> bool:
    """Whether ``question``'s answer (any accepted form, or its right option) stands in its
    prompt, outside the blank, or in ``heading`` (what is shown beside it: its heading, the
    article's headings' numbers), or is spelled by a formula of the prompt ("two" beside
    "(N2)"), or is a year the claim's ``sentence`` works out from its ``context`` line's, or a
    number the prompt's and context line's other numbers add up to (45 − 7 = 38)."""
    if question.key.startswith(_OPEN_BY_DESIGN) or question.pairs:
        return False
    seen = _plain(question.prompt.replace(BLANK, " ") + " " + heading)
    return any(
        _holds(seen, answer)
        or counted_by_a_formula(question.prompt, answer)
        or worked_out_from_context(context, sentence, answer)
        or given_by_arithmetic(f"{context} {question.prompt}", answer)
        for answer in answers_of(question)
    )
