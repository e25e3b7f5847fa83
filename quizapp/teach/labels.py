"""The teaching pages' words for the values the core and the models store (question types in
form menus, difficulties, item statuses, analysis flags, grading and feedback settings),
translated when shown.

The stored values never change with the language, so each is mapped here to a lazy msgid (the
question kinds', grading methods' and feedback timings' own labels, marked with N_ where they
are defined); ``label(value)`` falls back to the value itself for anything not listed (a new
status or flag shows in English until it has a line here, rather than failing).
"""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString, gettext
from flask_babel import lazy_gettext as _l

from quizapp.core.grading_methods import GRADING_LABELS as GRADING_NAMES
from quizapp.core.item_statistics import (
    FLAG_LOW_DISCRIMINATION,
    FLAG_LOW_DISCRIMINATIVE_EFFICIENCY,
    FLAG_NEGATIVE_DISCRIMINATION,
    FLAG_VERY_EASY,
    FLAG_VERY_HARD,
)
from quizapp.core.question_kinds import all_kinds
from quizapp.services.item_analysis import NO_ANSWER
from quizapp.services.quiz_sets import FEEDBACK_LABELS as FEEDBACK_NAMES

# Each kind's label is its msgid (marked with N_ in the registry), in the order forms list them.
TYPE_LABELS: dict[str, Any] = {
    str(kind.type): LazyString(gettext, kind.label) for kind in all_kinds()
}
DIFFICULTY_LABELS: dict[int, Any] = {1: _l("1 (easy)"), 2: _l("2 (medium)"), 3: _l("3 (hard)")}
# The core's and the service's tables, their labels marked with N_: translated when shown.
GRADING_LABELS: dict[str, Any] = {k: LazyString(gettext, v) for k, v in GRADING_NAMES.items()}
FEEDBACK_LABELS: dict[str, Any] = {k: LazyString(gettext, v) for k, v in FEEDBACK_NAMES.items()}
# The other words a page shows for a stored value: statuses, flags, separators (question types
# in badges, card kinds and mastery words are template_helpers' kind_name and confidence_name).
WORDS: dict[str, Any] = {
    "draft": _l("draft"),
    "published": _l("published"),
    "rejected": _l("rejected"),
    FLAG_NEGATIVE_DISCRIMINATION: _l("negative discrimination"),
    FLAG_LOW_DISCRIMINATION: _l("low discrimination"),
    FLAG_LOW_DISCRIMINATIVE_EFFICIENCY: _l("low discriminative efficiency"),
    FLAG_VERY_EASY: _l("very easy"),
    FLAG_VERY_HARD: _l("very hard"),
    # The separators a pasted deck is read with (core.interchange.flashcard_csv).
    "comma": _l("comma"),
    "semicolon": _l("semicolon"),
    "tab": _l("tab"),
    "vertical bar": _l("vertical bar"),
}


# The item analysis's rows that are the app's words, not a teacher's or a student's: a true/false
# question's choices and the row of questions left unanswered.
ANSWER_WORDS: dict[str, Any] = {
    "True": _l("True"),
    "False": _l("False"),
    NO_ANSWER: _l("(no answer)"),
}


def label(value: object) -> str:
    """The shown word for a stored ``value``, in the page's language (the value if unknown)."""
    for table in (TYPE_LABELS, WORDS, GRADING_LABELS, FEEDBACK_LABELS):
        if isinstance(value, str) and value in table:
            return str(table[value])
    if isinstance(value, int) and value in DIFFICULTY_LABELS:
        return str(DIFFICULTY_LABELS[value])
    return "" if value is None else str(value)
