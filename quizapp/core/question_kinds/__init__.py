"""The registry of question kinds: the one place that knows what each question type does.

Everything else asks ``kind_of(question.type)`` and calls the kind (as CTFd's challenge type
classes): validation, reading an answer from a form, grading, describing answers and keys, item
analysis and the interchange formats. ``tests/unit/test_question_kinds.py`` fails when code
outside this package compares against a type.
"""

from __future__ import annotations

import random
from typing import Any

from quizapp.core.errors import ContractError
from quizapp.core.interchange.media_refs import outcome_place
from quizapp.core.question_kinds.base import FormAnswerError, QuestionKind, QuestionLike
from quizapp.core.question_kinds.choice import MultipleSelect, SingleChoice
from quizapp.core.question_kinds.choice_credit import outcome_of
from quizapp.core.question_kinds.cloze import Cloze
from quizapp.core.question_kinds.matching import Matching
from quizapp.core.question_kinds.numerical import Numerical
from quizapp.core.question_kinds.poll import Poll
from quizapp.core.question_kinds.true_false import TrueFalse
from quizapp.core.question_kinds.typed import FillBlank, ShortAnswer
from quizapp.core.translatable import N_

__all__ = [
    "FormAnswerError",
    "QuestionKind",
    "UnknownKind",
    "all_kinds",
    "describe_answer",
    "describe_key",
    "feedback_for",
    "feedback_media_places",
    "is_known_type",
    "kind_of",
    "slot_order",
    "ungraded_types",
]

_KINDS: dict[str, QuestionKind] = {
    kind.type.value: kind
    for kind in (
        SingleChoice(),
        MultipleSelect(),
        TrueFalse(),
        FillBlank(),
        ShortAnswer(),
        Matching(),
        Poll(),
        Numerical(),
        Cloze(),
    )
}


class UnknownKind(ContractError):
    """No kind of question has this type."""


def kind_of(question_type: object) -> QuestionKind:
    """The kind for a type value ("single_choice" or the enum member); UnknownKind otherwise."""
    kind = _KINDS.get(question_type) if isinstance(question_type, str) else None
    if kind is None:
        raise UnknownKind(f"unknown type {question_type!r}")
    return kind


def is_known_type(question_type: object) -> bool:
    return isinstance(question_type, str) and question_type in _KINDS


def all_kinds() -> list[QuestionKind]:
    """Every kind, in the order forms list them."""
    return list(_KINDS.values())


def ungraded_types() -> list[str]:
    """The stored types whose answers are never marked (polls), for SQL filters that keep
    them out of practice, reviews, mastery and item analysis."""
    return [value for value, kind in _KINDS.items() if not kind.graded]


def slot_order(question: QuestionLike, rng: random.Random, *, shuffle: bool) -> list[str]:
    """The order one sitting shows the question's options in: shuffled when the set says so,
    and always for a kind whose stored order is the key (``always_shuffled``). A uniform
    shuffle, not one that moves every option: that would tell which pairing is wrong."""
    kind = kind_of(question.type)
    order = kind.choice_order(question)
    if shuffle or kind.always_shuffled:
        rng.shuffle(order)
    return order


def describe_answer(question: QuestionLike, answer: Any) -> str:
    """The learner's answer in words, for the review and exports."""
    if answer is None or answer == [] or answer == {}:
        return N_("No answer")
    return kind_of(question.type).describe_answer(question, answer)


def describe_key(question: QuestionLike) -> str:
    """The correct answer in words."""
    return kind_of(question.type).describe_key(question)


def feedback_for(question: QuestionLike, answer: Any, score: float) -> list[str]:
    """What the question itself says to this answer, as Moodle shows it after an answer: the
    feedback of each picked choice, then the feedback for a correct, partly correct or
    incorrect answer. Empty for questions that say nothing beyond their explanation."""
    kind = kind_of(question.type)
    said = kind.answer_feedback(question, answer) if answer not in (None, [], {}) else []
    if kind.graded:
        combined = getattr(question, "combined_feedback", None) or {}
        said += [combined[outcome_of(score)]] if combined.get(outcome_of(score)) else []
    return said


def feedback_media_places(question: QuestionLike, answer: Any, score: float) -> list[str]:
    """The places of the pictures and sound shown with ``feedback_for``'s texts, in their
    order, those the question has a file at: each picked choice's (or matched value's)
    feedback, then the combined feedback of the outcome."""
    kind = kind_of(question.type)
    places = kind.answer_feedback_places(question, answer) if answer not in (None, [], {}) else []
    if kind.graded:
        places.append(outcome_place(outcome_of(score)))
    shown = {entry.get("place") for entry in getattr(question, "media", None) or ()}
    return [place for place in places if place in shown]
