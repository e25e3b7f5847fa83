"""Helpers for the live game tests: a set of choice questions and a game in its lobby."""

from __future__ import annotations

from quizapp.models import QuizSet, QuizSetItem
from tests.builders import seeded_questions


def choice_set(db, teacher, count: int = 3) -> QuizSet:
    questions = seeded_questions(db, count, qtype="single_choice")
    quiz_set = QuizSet(teacher_id=teacher.id, title="Pivot east, live")
    quiz_set.items = [QuizSetItem(position=i, question_id=q.id) for i, q in enumerate(questions, 1)]
    db.session.add(quiz_set)
    db.session.commit()
    return quiz_set


def correct_choice(question) -> str:
    return next(c["id"] for c in question.choices if c["correct"])


def wrong_choice(question) -> str:
    return next(c["id"] for c in question.choices if not c["correct"])
