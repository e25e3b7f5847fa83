"""Which hints a learner may reveal outside the quiz pages: in the API's items and offline
practice, as online practice shows them (:func:`shows_hints`).

Practice never offers a question whose key an assignment still hides
(``practice.questions_with_hidden_keys``), and an assigned quiz shows no hints, since a hint
would change what its mark measures; so such a question is sent without its hints wherever it
is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.models import Question, QuizAttempt
from quizapp.services.practice import questions_with_hidden_keys


def shows_hints(attempt: QuizAttempt) -> bool:
    """Whether a question's hints may be revealed: in the learner's own practice and reviews,
    not in an assigned quiz, which is marked, and whose settings have no hint option (a hint
    there would change what the mark measures, the same for every learner or not)."""
    return attempt.assignment_id is None


def revealable_hints(
    session: Session, user_id: int, questions: Iterable[Question], now: datetime
) -> dict[int, list[str]]:
    """Each question's hints the learner may reveal, by id: all of them, except for a
    question an assignment of theirs still holds back (none). One query for all the questions,
    and none when no question has a hint."""
    hinted = {q.id: list(q.hints or []) for q in questions if q.hints}
    if not hinted:
        return {}
    held_back = questions_with_hidden_keys(user_id, now).subquery()
    hidden = set(
        session.scalars(
            sa.select(held_back.c.question_id).where(held_back.c.question_id.in_(list(hinted)))
        )
    )
    return {qid: hints for qid, hints in hinted.items() if qid not in hidden}
