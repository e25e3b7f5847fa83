"""Helpers for the live game tests: a set of choice questions and a game in its lobby."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import QuizSet, QuizSetItem
from quizapp.models.live_games import LiveGame
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


def game_in_lobby(db, client, teacher, login) -> LiveGame:
    """A game of a new choice set in its lobby, opened by ``teacher`` (as ``game.teacher``)
    through the host's form; ``client`` is logged out again."""
    quiz_set = choice_set(db, teacher)
    login(client, teacher)
    response = client.post(
        f"/live/host/new/{quiz_set.id}", data={"seconds": 20, "allow_guests": "y"}
    )
    assert response.status_code == 302
    client.post("/auth/logout")
    game = db.session.scalar(sa.select(LiveGame).where(LiveGame.quiz_set_id == quiz_set.id))
    game.teacher = teacher
    return game
