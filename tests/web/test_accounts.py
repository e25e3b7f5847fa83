"""Register, log in, log out, operators' `flask users create`, and CSRF."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import User
from tests.builders import PASSWORD


def _register(client, email="new@example.org", role="student", password=PASSWORD, confirm=None):
    return client.post(
        "/auth/register",
        data={
            "email": email,
            "display_name": "New Learner",
            "password": password,
            "confirm": confirm or password,
            "role": role,
        },
    )


def test_register_hashes_password_then_the_user_logs_in(client, db, login):
    response = _register(client, email="New@Example.org", role="teacher")
    assert response.status_code == 302 and response.location == "/auth/login"
    user = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
    assert user.role == "teacher"
    assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash
    assert login(client, user).status_code == 302
    assert b"New Learner" in client.get("/").data


def test_register_refuses_bad_input_with_messages(client, db):
    response = _register(client, email="not-an-email", password="short", confirm="other")
    assert response.status_code == 400
    assert b"Invalid email address" in response.data
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_register_does_not_tell_whether_an_email_has_an_account(client, make_student, db):
    student = make_student()
    taken = _register(client, email=student.email)
    taken_page = client.get(taken.location).data
    fresh = _register(client, email="fresh@example.org")
    fresh_page = client.get(fresh.location).data
    assert taken.status_code == fresh.status_code == 302
    assert taken.location == fresh.location
    assert taken_page == fresh_page and b"Your account is ready" in fresh_page
    owner = db.session.scalar(sa.select(User).where(User.email == student.email))
    assert owner.display_name != "New Learner"  # nothing of the existing account changed
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2


def test_register_refuses_weak_passwords(client, db):
    for weak in ("12345678", "1234567890", "aaaaaaaaaaaa", "password123", "Learner2026x"):
        response = _register(client, password=weak)
        assert response.status_code == 400, weak
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_register_refuses_an_unknown_role(client, db):
    assert _register(client, role="admin").status_code == 400


def test_wrong_email_and_wrong_password_get_the_same_message(client, make_student):
    student = make_student()
    wrong_password = client.post("/auth/login", data={"email": student.email, "password": "nope"})
    wrong_email = client.post("/auth/login", data={"email": "x@example.org", "password": "nope"})
    assert wrong_password.status_code == wrong_email.status_code == 400
    assert b"Wrong email or password." in wrong_password.data
    assert wrong_password.data.replace(student.email.encode(), b"") == wrong_email.data.replace(
        b"x@example.org", b""
    )


def test_login_logout_and_login_required(client, make_student, db, login):
    article = db.session.scalar(sa.text("select slug from article"))
    page = f"/articles/{article}"
    response = client.get(page)
    assert response.status_code == 302 and "/auth/login" in response.location
    student = make_student()
    assert login(client, student).status_code == 302
    assert client.get(page).status_code == 200
    client.post("/auth/logout")
    assert client.get(page).status_code == 302


def test_login_next_only_follows_local_paths(client, make_student):
    student = make_student()
    data = {"email": student.email, "password": PASSWORD}
    response = client.post("/auth/login?next=https://evil.example/", data=data)
    assert response.location == "/study"  # the student's dashboard, never the other site


def test_users_create_command(runner, db):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Ops@Example.org",
            "--name",
            "Ops",
            "--role",
            "admin",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.email == "ops@example.org"))
    assert user.role == "admin" and user.check_password(PASSWORD)
    again = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "ops@example.org",
            "--name",
            "Ops",
            "--password",
            PASSWORD,
        ]
    )
    assert again.exit_code != 0 and "already exists" in again.output
    weak = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "w@example.org",
            "--name",
            "W",
            "--password",
            "12345678",
        ]
    )
    assert weak.exit_code != 0


def test_post_without_csrf_token_is_refused(app, db):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = app.test_client().post("/auth/login", data={"email": "a@b.c", "password": "x"})
        assert response.status_code == 400
        assert b"not sent by this site" in response.data
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
