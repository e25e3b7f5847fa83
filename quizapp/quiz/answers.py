"""Read an answer out of a submitted form, and describe answers and keys in words.

The question's kind (``core.question_kinds``) does the work; this module turns its refusals into
the quiz's :class:`BadAnswer`.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from werkzeug.datastructures import MultiDict

from quizapp.core.question_kinds import FormAnswerError, describe_answer, describe_key, kind_of
from quizapp.core.question_kinds.base import MAX_TEXT_ANSWER
from quizapp.models import AttemptQuestion
from quizapp.services.errors import BadAnswer

__all__ = [
    "MAX_TEXT_ANSWER",
    "answer_from_form",
    "core_message",
    "describe_answer",
    "describe_key",
    "shown_text",
]

# The words the question kinds give in English with no data in them (marked with ``N_`` in
# ``core.question_kinds``): only these are looked up, so a learner's own typed answer, or a
# choice's text, is shown as written.
# "Other answers" is a live game chart's last bar (services.live_questions.OTHER_ANSWERS);
# "Practice quiz" is the title a practice attempt is stored with (services.quizzes).
CORE_WORDS = frozenset({"True", "False", "No answer", "Other answers", "Practice quiz"})


def answer_from_form(slot: AttemptQuestion, form: MultiDict) -> Any:
    """The JSON-able answer the form carries for this slot's question (None when blank)."""
    question = slot.question
    try:
        return kind_of(question.type).answer_from_form(question, form)
    except FormAnswerError as error:
        raise BadAnswer(str(error)) from error


def shown_text(text: str) -> str:
    """``text`` (an answer or key in words) in the reader's language where it is one of the
    core's own words ("True", "No answer"); anything else unchanged."""
    return gettext(text) if text in CORE_WORDS else text


def core_message(text: str) -> str:
    """A message of the core or a service marked with ``N_`` (no data in it), in the reader's
    language; any other text unchanged. Plain text: the page escapes it."""
    return gettext(text)
