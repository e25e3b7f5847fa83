"""Who may sign up as a teacher is a setting: anyone, with an invitation code, or after an
admin's approval."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import User
from tests.builders import PASSWORD


@pytest.fixture
def policy(app):
    def set_policy(name: str, code: str = "") -> None:
        app.config.update(TEACHER_SIGNUP=name, TEACHER_INVITE_CODE=code)

    yield set_policy
    app.config.update(TEACHER_SIGNUP="anyone", TEACHER_INVITE_CODE="")


def _sign_up(client, email: str, **extra):
    return client.post(
        "/auth/register",
        data={
            "email": email,
            "display_name": "Teacher",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "role": "teacher",
            **extra,
        },
    )


def _user(db, email):
    return db.session.scalar(sa.select(User).where(User.email == email))


def test_anyone_may_sign_up_as_a_teacher_by_default(client, db):
    assert _sign_up(client, "t@example.org").status_code == 302
    assert _user(db, "t@example.org").role == "teacher"


def test_an_invitation_code_is_needed_when_set(client, db, policy):
    policy("code", "staff-room-2026")
    assert b"Teacher invitation code" in client.get("/auth/register").data
    wrong = _sign_up(client, "t@example.org", teacher_code="guess")
    assert wrong.status_code == 400 and b"invitation code is not right" in wrong.data
    assert _user(db, "t@example.org") is None
    assert _sign_up(client, "t@example.org", teacher_code="staff-room-2026").status_code == 302
    assert _user(db, "t@example.org").role == "teacher"


def test_admin_approval_keeps_the_account_a_student_until_approved(client, db, policy, runner):
    policy("approval")
    assert _sign_up(client, "t@example.org").status_code == 302
    user = _user(db, "t@example.org")
    assert (user.role, user.teacher_status) == ("student", "pending")
    assert "t@example.org" in runner.invoke(args=["users", "pending"]).output
    result = runner.invoke(args=["users", "approve", "t@example.org"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    user = _user(db, "t@example.org")
    assert (user.role, user.teacher_status) == ("teacher", None)
    assert runner.invoke(args=["users", "approve", "t@example.org"]).exit_code != 0
