"""An offline practice quiz carries its questions' hints as the online practice page shows them:
the same "Show a hint (1 of 2)" control, one <details> inside another, so the offline page
shows them with no script of its own."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import Question, QuizAttempt
from tests.fixtures import HINTS


def test_an_offline_quiz_carries_each_questions_hints(
    client, db, make_student, login, hinted_questions
):
    hinted = hinted_questions(100)  # every question of the topic
    login(client, make_student())
    topic = hinted[0].claim.topic_id
    quiz = client.post("/offline/practice", json={"topic": topic, "length": 5}).get_json()
    attempt = db.session.get(QuizAttempt, quiz["attempt"])
    assert attempt.assignment_id is None and quiz["questions"]
    by_position = {slot.position: slot.question for slot in attempt.questions}
    for question in quiz["questions"]:
        hints = question["hints"]
        assert by_position[question["position"]].hints == HINTS
        assert "Show a hint (1 of 2)" in hints and "Show the next hint (2 of 2)" in hints
        # The second hint's <details> sits inside the first: it shows once the first is open.
        assert re.search(r"<details[^>]*>.*<details[^>]*>.*</details>\s*</details>", hints, re.S)
        assert hints.index(HINTS[0]) < hints.index(HINTS[1])


def test_a_question_without_hints_carries_none(client, db, make_student, login):
    login(client, make_student())
    topic = db.session.scalar(sa.select(Question.id).limit(1))
    topic = db.session.get(Question, topic).claim.topic_id
    quiz = client.post("/offline/practice", json={"topic": topic, "length": 5}).get_json()
    assert quiz["questions"] and all(q["hints"] == "" for q in quiz["questions"])
