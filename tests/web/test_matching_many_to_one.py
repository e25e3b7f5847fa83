"""A teacher's matching question where two lefts share a right and a distractor is listed: the
quiz page lists each distinct right once plus the distractor, and the answer is graded per
pair."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import Claim, Question, Response
from quizapp.services.quizzes import create_attempt

FORM = {
    "type": "matching",
    "prompt": "Match each animal to its class.",
    "choices": "",
    "accepted": "",
    "pairs": "frog | amphibian\nnewt | amphibian\ntrout | fish\n| bird",
    "difficulty": "2",
    "explanation": "Frogs and newts are amphibians.",
    "quote": "",
}


def test_many_to_one_matching_is_shown_once_per_right_and_graded_per_pair(
    db, client, make_teacher, make_student, login
):
    login(client, make_teacher())
    claim = db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))
    assert (
        client.post("/teach/questions/new", data={**FORM, "claim_id": claim.id}).status_code == 302
    )
    question = db.session.scalar(sa.select(Question).where(Question.prompt == FORM["prompt"]))
    assert question.pairs[-1] == ["", "bird"]
    edit = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "| bird" in edit
    client.post("/auth/logout")

    student = make_student()
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert page.count('<option value="amphibian"') == 3  # listed once in each of 3 rows
    assert page.count('<option value="bird"') == 3 and "match-3" not in page  # no row
    answer = {"match-0": "amphibian", "match-1": "bird", "match-2": "fish", "action": "save"}
    assert client.post(f"/quiz/{attempt.id}/1", data=answer).status_code in (200, 302)
    db.session.expire_all()
    response = db.session.scalar(sa.select(Response))
    assert response.answer == {"frog": "amphibian", "newt": "bird", "trout": "fish"}
    assert round(response.score, 4) == round(2 / 3, 4)
    tampered = {"match-0": "reptile", "action": "save"}
    assert client.post(f"/quiz/{attempt.id}/1", data=tampered).status_code == 400
    client.post(f"/quiz/{attempt.id}/submit")
    results = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert re.search(r"also listed: bird", results)
