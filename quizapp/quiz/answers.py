"""Read an answer out of a submitted form, and describe answers and keys in words.

The question's kind (``core.question_kinds``) does the work; this module turns its refusals into
the quiz's :class:`BadAnswer`.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from quizapp.core.question_kinds import FormAnswerError, describe_answer, describe_key, kind_of
from quizapp.core.question_kinds.base import MAX_TEXT_ANSWER
from quizapp.models import AttemptQuestion
from quizapp.services.errors import BadAnswer

__all__ = ["MAX_TEXT_ANSWER", "answer_from_form", "describe_answer", "describe_key"]


def answer_from_form(slot: AttemptQuestion, form: MultiDict) -> Any:
    """The JSON-able answer the form carries for this slot's question (None when blank)."""
    question = slot.question
    try:
        return kind_of(question.type).answer_from_form(question, form)
    except FormAnswerError as error:
        raise BadAnswer(str(error)) from error
