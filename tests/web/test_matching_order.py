"""A matching question never shows its key: its rights are shuffled in every sitting, also in
a set with shuffling off, and each option's value is the right's text, not its index."""

from __future__ import annotations

import random
import re

import sqlalchemy as sa
from markupsafe import escape

from quizapp.models import Question, Response
from quizapp.services.quizzes import create_attempt
from tests.builders import make_set


def _matching(db) -> Question:
    questions = db.session.scalars(sa.select(Question).where(Question.type == "matching")).all()
    question = next(q for q in questions if len(q.pairs) >= 3)
    return question


def _first_row_options(page: str) -> list[tuple[str, str]]:
    """The first row's options after "Choose…": (value, label) in the order shown."""
    select = re.search(r'<select[^>]*name="match-0"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)[1:]


def test_an_attempt_without_shuffling_still_shuffles_matching(db, make_student):
    question, student = _matching(db), make_student()
    stored = [str(i) for i in range(len(question.pairs))]
    orders = [
        create_attempt(
            db.session, student.id, [question], shuffle_choices=False, rng=random.Random(seed)
        )
        .questions[0]
        .choice_order
        for seed in range(30)
    ]
    assert any(order != stored for order in orders)
    assert all(sorted(order) == stored for order in orders)


def test_the_page_names_rights_by_text_and_grades_them(client, db, make_student, login):
    question, student = _matching(db), make_student()
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    rights = [right for _left, right in question.pairs]
    escaped = [str(escape(right)) for right in rights]
    assert sorted(value for value, _label in _first_row_options(page)) == sorted(escaped)
    answers = {f"match-{i}": right for i, right in enumerate(rights)}
    assert client.post(f"/quiz/{attempt.id}/1", data=answers).status_code in (200, 302)
    response = db.session.scalar(sa.select(Response).where(Response.user_id == student.id))
    assert response.correct and response.answer == dict(question.pairs)


def test_the_preview_of_a_set_without_shuffling_shuffles_matching(client, db, make_teacher, login):
    question, teacher = _matching(db), make_teacher()
    quiz_set = make_set(db, teacher, [question], shuffle_choices=False)
    login(client, teacher)
    in_stored_order = [str(escape(right)) for _left, right in question.pairs]
    shown = []
    for _ in range(30):
        page = client.get(f"/teach/sets/{quiz_set.id}/preview").get_data(as_text=True)
        shown.append([label for _value, label in _first_row_options(page)])
    assert all(sorted(labels) == sorted(in_stored_order) for labels in shown)
    assert any(labels != in_stored_order for labels in shown)


def test_posting_the_row_numbers_scores_nothing(client, db, make_student, login):
    """Rights are stored in key order: had a pick still been read as an index, "match-i = i"
    would answer every matching question in full without reading it."""
    question, student = _matching(db), make_student()
    assert not any(right.isdigit() for _left, right in question.pairs)
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    by_row_number = {f"match-{i}": str(i) for i in range(len(question.pairs))}
    response = client.post(f"/quiz/{attempt.id}/1", data=by_row_number)
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
