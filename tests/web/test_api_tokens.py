"""Personal access tokens: made and revoked on the account's token page, the secret shown once
and stored only hashed; the API answers 401 without a live token and 403 to a read token that
writes, in RFC 9457 problem details."""

from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa

from quizapp.models import ApiToken
from tests.builders import bearer


def _make(client, name="Sync script", scope="read"):
    return client.post("/account/tokens/", data={"name": name, "scope": scope})


def test_a_token_is_made_shown_once_and_stored_hashed(client, db, make_student, login):
    student = make_student()
    login(client, student)
    page = _make(client).get_data(as_text=True)
    secret = re.search(r'id="new-token"[^>]*>(qz_[\w-]+)<', page)[1]
    token = db.session.scalar(sa.select(ApiToken))
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(token.prefix) and secret not in token.prefix
    assert secret not in client.get("/account/tokens/").get_data(as_text=True)
    answer = client.get("/api/v1/articles", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status_code == 200
    db.session.expire_all()
    assert db.session.get(ApiToken, token.id).last_used_at is not None


def test_a_token_needs_a_name_and_a_known_scope(client, db, make_student, login):
    login(client, make_student())
    assert _make(client, name="").status_code == 400
    assert _make(client, scope="admin").status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0


def test_a_revoked_token_no_longer_works(client, db, make_student, login):
    student = make_student()
    headers = bearer(db, student)
    token_id = db.session.scalar(sa.select(ApiToken.id))
    assert client.get("/api/v1/articles", headers=headers).status_code == 200
    login(client, student)
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 302
    answer = client.get("/api/v1/articles", headers=headers)
    assert answer.status_code == 401
    assert answer.content_type == "application/problem+json"
    assert answer.get_json()["detail"] == "This token is unknown or was revoked."


def test_another_users_token_cannot_be_revoked(client, db, make_student, login):
    headers = bearer(db, make_student())
    token_id = db.session.scalar(sa.select(ApiToken.id))
    login(client, make_student())
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 404
    assert client.get("/api/v1/articles", headers=headers).status_code == 200


def test_missing_and_bad_tokens_get_401_problems(client, db):
    for headers in ({}, {"Authorization": "Bearer qz_nothing"}, {"Authorization": "Basic eA=="}):
        answer = client.get("/api/v1/articles", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")
        problem = answer.get_json()
        assert problem["status"] == 401 and problem["title"] == "Unauthorized"
        assert problem["type"] == "about:blank" and problem["detail"]


def test_the_session_cookie_is_not_a_credential(client, db, make_student, login):
    login(client, make_student())
    assert client.get("/api/v1/articles").status_code == 401


def test_a_read_token_cannot_write(client, db, make_student):
    headers = {**bearer(db, make_student(), "read"), "Idempotency-Key": "k1"}
    answer = client.post("/api/v1/reviews", json={"flashcard_id": 1, "rating": 3}, headers=headers)
    assert answer.status_code == 403
    assert "read" in answer.get_json()["detail"]


def test_the_account_page_leads_to_the_tokens(client, db, make_student, login):
    login(client, make_student())
    assert 'href="/account/tokens/"' in client.get("/account/").get_data(as_text=True)
    page = client.get("/account/tokens/").get_data(as_text=True)
    assert "No token yet." in page and 'href="/api/docs"' in page


def test_a_new_password_revokes_every_token_of_the_account(client, db, make_student, login):
    from tests.builders import PASSWORD

    student, other = make_student(), make_student()
    headers, others = bearer(db, student), bearer(db, other)
    login(client, student)
    new = "a brand new passphrase"
    changed = client.post(
        "/account/",
        data={
            "form": "password",
            "pw-current_password": PASSWORD,
            "pw-password": new,
            "pw-confirm": new,
        },
    )
    assert changed.status_code == 302
    answer = client.get("/api/v1/articles", headers=headers)
    assert answer.status_code == 401
    assert answer.get_json()["detail"] == "This token is unknown or was revoked."
    # Another account's token is untouched.
    assert client.get("/api/v1/articles", headers=others).status_code == 200
