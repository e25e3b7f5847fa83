"""A question's hints on the web: a learner practising reveals them one by one before
answering (in their language), an assigned quiz shows none, and a teacher sees and edits them
on the question form, where bad input gets a 400 and a message and changes nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_babel import get_domain

from quizapp.models import Claim, Question
from quizapp.services.assignments import start_assignment_attempt
from quizapp.services.quizzes import create_attempt
from tests.builders import enrol, make_assignment, make_class, make_set, teacher_items

HINTS = ["Think of the river.", "It starts with P.\nAnd ends with S."]


@pytest.fixture
def russian(app):
    """The app reads its shipped Russian catalogue, loaded afresh for the test."""
    with app.app_context():
        cache = get_domain().cache
    cache.clear()
    yield
    cache.clear()


def _hinted(db, author, hints=HINTS) -> Question:
    """A true/false question of ``author``'s own (removed after the test) with ``hints``."""
    claim = db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))
    (questions, _cards) = teacher_items(db, author, claim.id, "hinted", count=1)
    questions[0].hints = list(hints)
    db.session.commit()
    return questions[0]


def test_a_learner_practising_reveals_the_hints_one_by_one(
    client, db, make_student, make_teacher, login
):
    learner = make_student()
    login(client, learner)
    question = _hinted(db, make_teacher())
    attempt = create_attempt(db.session, learner.id, [question])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    # The first summary opens hint 1, which holds the summary of hint 2: one at a time.
    first = page.index("Show a hint (1 of 2)")
    assert first < page.index(HINTS[0]) < page.index("Show the next hint (2 of 2)")
    assert page.index("Show the next hint (2 of 2)") < page.index("It starts with P.")
    assert page.count('<details class="hint-step"') == 2
    assert '<details class="hint-step" id="hint-step-1" open' not in page
    # Once the answer is checked there is nothing left to hint at.
    reply = client.post(f"/quiz/{attempt.id}/1", data={"answer": "true", "action": "check"})
    assert reply.status_code == 302
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Show a hint" not in page and HINTS[0] not in page


def test_a_question_without_hints_offers_none(client, db, make_student, make_teacher, login):
    learner = make_student()
    login(client, learner)
    question = _hinted(db, make_teacher(), hints=[])
    attempt = create_attempt(db.session, learner.id, [question])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Show a hint" not in page and "hint-step" not in page


def test_the_hint_control_speaks_the_learners_language(
    client, db, make_student, make_teacher, login, russian
):
    learner = make_student()
    login(client, learner)
    attempt = create_attempt(db.session, learner.id, [_hinted(db, make_teacher())])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1", headers={"Accept-Language": "ru"})
    text = page.get_data(as_text=True)
    assert "Показать подсказку (1 из 2)" in text
    assert "Show a hint" not in text


def test_an_assigned_quiz_shows_no_hints(client, db, make_teacher, make_student, login):
    from quizapp.models.base import utcnow

    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    question = _hinted(db, teacher)
    assignment = make_assignment(db, make_set(db, teacher, [question]), [school_class])
    attempt = start_assignment_attempt(db.session, assignment, student.id, utcnow())
    db.session.commit()
    login(client, student)
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert question.prompt in page
    assert "Show a hint" not in page and HINTS[0] not in page


# --- the teacher's question form -----------------------------------------------------------------

FORM = {
    "type": "short_answer",
    "difficulty": "2",
    "prompt": "Name the pipeline.",
    "accepted": "Power of Siberia",
    "explanation": "Because the article says so.",
    "quote": "",
    "choices": "",
    "pairs": "",
}


def _form(db, **change) -> dict:
    claim = db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))
    return {**FORM, "claim_id": claim.id, **change}


def _teachers(db) -> list[Question]:
    return list(db.session.scalars(sa.select(Question).where(Question.origin == "teacher")))


def test_a_teacher_writes_sees_and_edits_hints(client, db, make_teacher, login):
    login(client, make_teacher())
    data = _form(db, hints="It runs east.\n\n  \nIts name\nhas three words.\n")
    assert client.post("/teach/questions/new", data=data).status_code == 302
    (question,) = _teachers(db)
    assert question.hints == ["It runs east.", "Its name\nhas three words."]
    form = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "It runs east.\n\nIts name\nhas three words.</textarea>" in form
    edited = _form(db, hints="A new hint.")
    assert client.post(f"/teach/questions/{question.id}/edit", data=edited).status_code == 302
    db.session.refresh(question)
    assert question.hints == ["A new hint."]
    # A request without the field (not the form's) leaves them as they are; an empty field
    # clears them.
    without = {k: v for k, v in _form(db, prompt="Name it.").items() if k != "hints"}
    assert client.post(f"/teach/questions/{question.id}/edit", data=without).status_code == 302
    db.session.refresh(question)
    assert (question.prompt, question.hints) == ("Name it.", ["A new hint."])
    cleared = _form(db, hints="")
    assert client.post(f"/teach/questions/{question.id}/edit", data=cleared).status_code == 302
    db.session.refresh(question)
    assert question.hints == []


@pytest.mark.parametrize(
    ("hints", "message"),
    [
        (
            "\n\n".join(f"Hint {n}" for n in range(11)),
            "A question has at most 10 hints; this has 11.",
        ),
        ("Fine.\n\n" + "x" * 1001, "Hint 2 is longer than 1000 characters."),
        ("x" * 10_001, "Field cannot be longer than 10000 characters."),
    ],
)
def test_bad_hints_get_400_a_message_and_nothing_is_written(
    client, db, make_teacher, login, hints, message
):
    login(client, make_teacher())
    response = client.post("/teach/questions/new", data=_form(db, hints=hints))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _teachers(db) == []


def test_a_bad_hint_on_an_edit_changes_nothing(client, db, make_teacher, login):
    login(client, make_teacher())
    client.post("/teach/questions/new", data=_form(db, hints="Kept."))
    (question,) = _teachers(db)
    bad = _form(db, prompt="Changed?", hints="Fine.\n\n" + "x" * 1001)
    assert client.post(f"/teach/questions/{question.id}/edit", data=bad).status_code == 400
    db.session.refresh(question)
    assert (question.prompt, question.hints) == ("Name the pipeline.", ["Kept."])


def test_a_teacher_tags_their_own_question_on_its_form(client, db, make_teacher, login):
    """The My-questions form has the tags field the draft editor has: written, shown again,
    and an overlong tag refused with nothing written."""
    login(client, make_teacher())
    data = _form(db, tags="pipelines energy::gas")
    assert client.post("/teach/questions/new", data=data).status_code == 302
    (question,) = _teachers(db)
    assert question.tags == ["pipelines", "energy::gas"]
    form = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert 'name="tags"' in form and "pipelines energy::gas" in form
    refused = client.post(
        f"/teach/questions/{question.id}/edit", data=_form(db, prompt="Changed?", tags="x" * 101)
    )
    assert refused.status_code == 400
    assert "at most 100 characters" in refused.get_data(as_text=True)
    db.session.refresh(question)
    assert (question.prompt, question.tags) == ("Name the pipeline.", ["pipelines", "energy::gas"])
