"""Logout and password changes end sessions on the server; "remember me" is opt-in, new at
each login, and expires."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from quizapp.models import RememberToken
from tests.builders import PASSWORD

REMEMBER = "quizapp_remember"


def _cookie(client, name):
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def test_a_copied_session_cookie_opens_nothing_after_logout(app, client, make_student, login):
    student = make_student()
    login(client, student)
    copied = _cookie(client, "session")
    assert client.get("/study").status_code == 200
    client.post("/auth/logout")
    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/study")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_remember_me_is_off_by_default(client, make_student, login):
    student = make_student()
    page = client.get("/auth/login").data
    assert b'name="remember"' in page and b"checked" not in page.split(b'name="remember"')[1][:40]
    login(client, student)
    assert _cookie(client, REMEMBER) is None


def test_remember_token_is_new_at_each_login_and_revoked_at_logout(app, make_student, db):
    student = make_student()
    tokens = []
    for _ in range(2):
        client = app.test_client()
        client.post(
            "/auth/login", data={"email": student.email, "password": PASSWORD, "remember": "y"}
        )
        tokens.append(_cookie(client, REMEMBER))
    assert None not in tokens and tokens[0] != tokens[1]

    fresh = app.test_client()  # a new browser with only the remember cookie
    fresh.set_cookie(REMEMBER, tokens[0])
    assert fresh.get("/study").status_code == 200
    client.post("/auth/logout")
    for token in tokens:
        thief = app.test_client()
        thief.set_cookie(REMEMBER, token)
        assert thief.get("/study").status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(RememberToken.id))) == 0


def test_an_expired_or_forged_remember_token_opens_nothing(app, make_student, db):
    student = make_student()
    client = app.test_client()
    client.post("/auth/login", data={"email": student.email, "password": PASSWORD, "remember": "y"})
    token = _cookie(client, REMEMBER)
    selector = token.partition(":")[0]
    forged = app.test_client()
    forged.set_cookie(REMEMBER, selector + ":not-the-secret")
    assert forged.get("/study").status_code == 302
    row = db.session.scalar(sa.select(RememberToken).where(RememberToken.selector == selector))
    row.expires_at -= timedelta(days=31)
    db.session.commit()
    late = app.test_client()
    late.set_cookie(REMEMBER, token)
    assert late.get("/study").status_code == 302


def test_sessions_from_before_generations_are_refused(app, make_student):
    student = make_student()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(student.id)  # what the app stored before this change
    assert client.get("/study").status_code == 302


def test_expired_tokens_are_deleted_when_a_new_one_is_issued(app, make_student, db):
    student = make_student()
    for _ in range(2):
        app.test_client().post(
            "/auth/login", data={"email": student.email, "password": PASSWORD, "remember": "y"}
        )
        db.session.execute(
            sa.update(RememberToken).values(
                expires_at=RememberToken.expires_at - timedelta(days=31)
            )
        )
        db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(RememberToken.id))) == 1
