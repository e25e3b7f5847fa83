"""Register, log in, log out, operators' `flask users create`, and CSRF."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import User
from tests.conftest import PASSWORD, login


def _register(client, email="new@example.org", role="student", password=PASSWORD, confirm=None):
    return client.post("/auth/register", data={
        "email": email, "display_name": "New Learner", "password": password,
        "confirm": confirm or password, "role": role,
    })  # fmt: skip


def test_register_logs_in_and_hashes_password(client, db):
    response = _register(client, email="New@Example.org", role="teacher")
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
    assert user.role == "teacher"
    assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash
    assert b"New Learner" in client.get("/").data


def test_register_refuses_bad_input_with_messages(client, db):
    response = _register(client, email="not-an-email", password="short", confirm="other")
    assert response.status_code == 400
    assert b"Invalid email address" in response.data
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_register_refuses_a_taken_email(client, make_student):
    student = make_student()
    response = _register(client, email=student.email)
    assert response.status_code == 400
    assert b"already" in response.data or b"exists" in response.data


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


def test_login_logout_and_login_required(client, make_student, db):
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
    result = runner.invoke(args=["users", "create", "--email", "Ops@Example.org", "--name", "Ops",
                                 "--role", "admin", "--password", PASSWORD])  # fmt: skip
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.email == "ops@example.org"))
    assert user.role == "admin" and user.check_password(PASSWORD)
    again = runner.invoke(args=["users", "create", "--email", "ops@example.org", "--name", "Ops",
                                "--password", PASSWORD])  # fmt: skip
    assert again.exit_code != 0 and "already exists" in again.output


def test_post_without_csrf_token_is_refused(app, db):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = app.test_client().post("/auth/login", data={"email": "a@b.c", "password": "x"})
        assert response.status_code == 400
        assert b"not sent by this site" in response.data
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
