"""A new student follows a class join link through sign-up or login and ends in the class."""

from __future__ import annotations

from urllib.parse import quote

import pytest
import sqlalchemy as sa

from quizapp.models import Enrollment, User
from tests.builders import PASSWORD, make_class


def _members(db, school_class) -> set[int]:
    return set(
        db.session.scalars(
            sa.select(Enrollment.student_id).where(Enrollment.class_id == school_class.id)
        )
    )


def _sign_up(client, next_path, email="new@example.org", role="student"):
    return client.post(
        f"/auth/register?next={quote(next_path)}",
        data={
            "email": email,
            "display_name": "New Learner",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "role": role,
        },
    )


@pytest.fixture
def school_class(db, make_teacher):
    return make_class(db, make_teacher(name="History teacher"))


def test_a_signed_out_visitor_sees_the_class_and_where_to_go(client, db, school_class):
    link = f"/join/{school_class.join_code}"
    page = client.get(link)
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert school_class.name in text and "History teacher" in text
    assert "Sign up or log in to join" in text
    assert f'href="/auth/register?next={quote(link)}"' in text
    assert f'href="/auth/login?next={quote(link)}"' in text
    assert client.get("/join/NOSUCHCODE").status_code == 404


def test_a_signed_out_post_goes_to_login_and_enrols_nobody(client, db, school_class):
    response = client.post(f"/join/{school_class.join_code}")
    assert response.status_code == 302 and "/auth/login" in response.location
    assert _members(db, school_class) == set()


def test_sign_up_from_the_join_link_ends_logged_in_and_in_the_class(client, db, school_class):
    link = f"/join/{school_class.join_code}"
    form = client.get(f"/auth/register?next={quote(link)}").get_data(as_text=True)
    assert school_class.name in form and "joins" in form
    response = _sign_up(client, link)
    assert response.status_code == 302 and response.location == "/assignments"
    student = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
    assert _members(db, school_class) == {student.id}
    page = client.get(response.location).get_data(as_text=True)
    assert f"you joined {school_class.name}" in page
    assert "New Learner" in page  # logged in: the navigation shows the account


def test_a_teacher_signing_up_from_a_join_link_is_logged_in_and_back_on_the_link(
    client, db, school_class
):
    link = f"/join/{school_class.join_code}"
    response = _sign_up(client, link, email="teach@example.org", role="teacher")
    assert response.status_code == 302 and response.location == link
    assert _members(db, school_class) == set()
    assert b"Your account is ready" in client.get(link).data


def test_sign_up_with_a_taken_email_enrols_no_one_and_sends_to_login_with_the_link(
    client, db, school_class, make_student
):
    owner = make_student()
    link = f"/join/{school_class.join_code}"
    response = _sign_up(client, link, email=owner.email)
    assert response.status_code == 302
    assert response.location == f"/auth/login?next={quote(link)}"
    assert _members(db, school_class) == set()
    assert b"Log in" in client.get("/assignments", follow_redirects=True).data


def test_login_from_the_join_link_returns_to_it(client, db, school_class, make_student):
    student = make_student()
    link = f"/join/{school_class.join_code}"
    page = client.get(f"/auth/login?next={quote(link)}").get_data(as_text=True)
    assert f"Log in to join <strong>{school_class.name}</strong>" in page
    assert f'href="/auth/register?next={quote(link)}"' in page
    response = client.post(
        f"/auth/login?next={quote(link)}", data={"email": student.email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.location == link
    assert _members(db, school_class) == set()  # the join page still asks before enrolling
    assert client.post(link).status_code == 302
    assert _members(db, school_class) == {student.id}


@pytest.mark.parametrize(
    "hostile",
    ["//evil.example", "https://evil.example/join/X", "/\\evil.example", "/\t/evil.example"],
)
def test_login_and_sign_up_refuse_to_send_anyone_to_another_site(client, db, make_student, hostile):
    student = make_student()
    logged_in = client.post(
        "/auth/login?next=" + quote(hostile, safe=""),
        data={"email": student.email, "password": PASSWORD},
    )
    assert logged_in.status_code == 302 and logged_in.location == "/study"
    client.post("/auth/logout")
    signed_up = _sign_up(client, hostile)
    assert signed_up.status_code == 302 and signed_up.location == "/auth/login"
    assert "evil" not in client.get(f"/auth/register?next={quote(hostile)}").get_data(as_text=True)


def test_a_replaced_code_signs_up_without_joining(client, db, school_class):
    link = f"/join/{school_class.join_code}"
    school_class.join_code = "ZZZZ2222"
    db.session.commit()
    response = _sign_up(client, link)
    assert response.status_code == 302 and response.location.startswith("/auth/login")
    assert _members(db, school_class) == set()


def test_many_signed_out_visitors_do_not_share_one_limit(client, db, school_class):
    link = f"/join/{school_class.join_code}"
    # The per-account limit is 10 a minute; signed-out visitors are held by the address alone.
    assert all(client.get(link).status_code == 200 for _ in range(15))


def test_login_and_sign_up_pages_naming_a_class_count_against_the_join_limit(
    app, client, db, school_class
):
    # They show the class a code belongs to, so they must not be a way round the join limit.
    link = quote(f"/join/{school_class.join_code}")
    per_minute = int(app.config["RATE_LIMIT_JOIN_PER_ADDRESS"].split()[0])
    for i in range(per_minute):
        page = "/auth/login" if i % 2 else "/auth/register"
        assert client.get(f"{page}?next={link}").status_code == 200
    assert client.get(f"/auth/login?next={link}").status_code == 429
    assert client.get(f"/join/{school_class.join_code}").status_code == 429
    assert client.get("/auth/login").status_code == 200  # a plain login is not held
