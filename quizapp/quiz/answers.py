"""Read an answer out of a submitted form, and describe answers and keys in words."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from quizapp.core.question_types import QuestionType
from quizapp.models import AttemptQuestion, Question
from quizapp.services.quizzes import BadAnswer
from quizapp.web_ids import parse_id

MAX_TEXT_ANSWER = 2000  # longer typed answers are refused, not silently cut


def answer_from_form(slot: AttemptQuestion, form: MultiDict) -> Any:
    """The JSON-able answer the form carries for this slot's question (None when blank)."""
    question = slot.question
    qtype = QuestionType(question.type)
    if qtype is QuestionType.MULTIPLE_SELECT:
        picked = sorted(set(form.getlist("answer")))
        return picked or None
    if qtype is QuestionType.MATCHING:
        rights = [pair[1] for pair in question.pairs]
        answer = {}
        for index, (left, _right) in enumerate(question.pairs):
            picked = form.get(f"match-{index}", "")
            if picked == "":
                continue
            index = parse_id(picked)
            if index is None or index >= len(rights):
                raise BadAnswer("That matching answer does not fit this question.")
            answer[left] = rights[index]
        return answer or None
    value = form.get("answer")
    if value is None or value.strip() == "":
        return None
    if qtype is QuestionType.TRUE_FALSE:
        if value not in ("true", "false"):
            raise BadAnswer("Answer true or false.")
        return value == "true"
    if len(value) > MAX_TEXT_ANSWER:
        raise BadAnswer(f"Answers are limited to {MAX_TEXT_ANSWER} characters.")
    return value.strip()


def describe_answer(question: Question, answer: Any) -> str:
    """The learner's answer in words, for the review."""
    if answer is None or answer == [] or answer == {}:
        return "No answer"
    texts = {c["id"]: c["text"] for c in question.choices}
    if question.type == QuestionType.SINGLE_CHOICE:
        return texts.get(answer, str(answer))
    if question.type == QuestionType.MULTIPLE_SELECT:
        return "; ".join(texts.get(a, str(a)) for a in answer)
    if question.type == QuestionType.TRUE_FALSE:
        return "True" if answer else "False"
    if question.type == QuestionType.MATCHING:
        return "; ".join(f"{left} → {right}" for left, right in answer.items())
    return str(answer)


def describe_key(question: Question) -> str:
    """The correct answer in words."""
    if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        return "; ".join(c["text"] for c in question.choices if c["correct"])
    if question.type == QuestionType.TRUE_FALSE:
        return "True" if question.answer_bool else "False"
    if question.type == QuestionType.MATCHING:
        return "; ".join(f"{left} → {right}" for left, right in question.pairs)
    accepted = question.accepted or []
    extra = f" (also accepted: {', '.join(accepted[1:])})" if len(accepted) > 1 else ""
    return (accepted[0] if accepted else "") + extra
