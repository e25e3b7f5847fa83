"""Where a new student or teacher lands, and the small things in their first hour."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Assignment
from tests.builders import (
    PASSWORD,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


def _register_and_log_in(client, role: str):
    """Sign up (which ends on the login page, so it never tells whether an email is taken),
    then log in as the new account would."""
    email = f"new-{role}@example.org"
    response = client.post(
        "/auth/register",
        data={
            "email": email,
            "display_name": f"New {role}",
            "role": role,
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert response.location.endswith("/auth/login")
    return client.post("/auth/login", data={"email": email, "password": PASSWORD})


def test_a_new_student_lands_on_the_dashboard(client, db):
    assert _register_and_log_in(client, "student").location.endswith("/study")


def test_a_new_teacher_lands_on_teach(client, db):
    assert _register_and_log_in(client, "teacher").location.endswith("/teach/")


def test_logging_in_lands_on_the_accounts_home(client, make_teacher):
    response = client.post(
        "/auth/login", data={"email": make_teacher().email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.location.endswith("/teach/")


def test_the_assign_form_preselects_a_lone_class(client, db, make_teacher, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    quiz_set = make_set(db, teacher, seeded_questions(db, 2, "true_false"))
    login(client, teacher)
    page = client.get(f"/teach/sets/{quiz_set.id}/assign").get_data(as_text=True)
    at = page.index(f'value="{school_class.id}"')
    assert "checked" in page[at - 120 : at + 60]


def test_assigning_lands_on_the_class_gradebook(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student())
    quiz_set = make_set(db, teacher, seeded_questions(db, 2, "true_false"))
    login(client, teacher)
    response = client.post(
        f"/teach/sets/{quiz_set.id}/assign",
        data={
            "title": "Homework",
            "classes": [school_class.id],
            "open_at": "",
            "due_at": "2031-01-31T17:00",
        },
    )
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 1
    assert response.location.endswith(f"/teach/classes/{school_class.id}/gradebook")
    gradebook = client.get(response.location).get_data(as_text=True)
    assert "Homework" in gradebook


def test_the_current_page_is_marked_in_the_navigation(client, make_student, login):
    login(client, make_student())
    page = client.get("/progress").get_data(as_text=True)
    assert '<a href="/progress" aria-current="page">Progress</a>' in page
    assert page.count('aria-current="page"') == 1


def test_a_new_account_is_not_told_its_weakest_topic(client, make_student, login):
    login(client, make_student())
    page = client.get("/study").get_data(as_text=True)
    assert "Weakest topic" not in page and "A topic to start with" in page


def test_the_favicon_is_served(client):
    page = client.get("/").get_data(as_text=True)
    assert 'rel="icon"' in page
    assert client.get("/static/favicon.svg").status_code == 200


def test_the_conventional_favicon_path_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.location.endswith("/static/favicon.svg")


def test_a_teacher_opens_one_attempt_question_by_question(
    client, db, make_teacher, make_student, login
):
    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    questions = seeded_questions(db, 3, "true_false")
    assignment = make_assignment(db, make_set(db, teacher, questions), [school_class])
    attempt = take(db, assignment, student, right=[True, False, None])
    login(client, teacher)
    base = f"/teach/classes/{school_class.id}/students/{student.id}"
    assert f"{base}/attempts/{attempt.id}" in client.get(base).get_data(as_text=True)
    page = client.get(f"{base}/attempts/{attempt.id}").get_data(as_text=True)
    assert page.count('class="card review-item') == 3
    assert "Correct</span>" in page and "Not correct</span>" in page and "No answer</span>" in page
    assert page.count("<dt>Student's answer</dt>") == 3

    # Another class of the same teacher: the attempt is not one of its own.
    other = make_class(db, teacher, "Year 11")
    enrol(db, other, student)
    wrong = f"/teach/classes/{other.id}/students/{student.id}/attempts/{attempt.id}"
    assert client.get(wrong).status_code == 404


def test_the_bank_page_is_small_and_paginated(client, db, make_teacher, login):
    login(client, make_teacher())
    first = client.get("/teach/items")
    assert first.status_code == 200 and len(first.data) < 60_000
    page = first.get_data(as_text=True)
    assert "Page 1 of" in page and "page=2" in page
    second = client.get("/teach/items?page=2").get_data(as_text=True)
    assert "Page 2 of" in second
    # A page past the end shows the last one; nonsense shows the first.
    assert client.get("/teach/items?page=999").status_code == 200
    assert "Page 1 of" in client.get("/teach/items?page=abc").get_data(as_text=True)
