"""Due cards and reviews through the API: the card screen's rules, and a review posted with an
``Idempotency-Key`` counts once however often it is sent."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.models import CardState, Flashcard, IdempotencyKey, ReviewLog
from quizapp.models.base import utcnow
from quizapp.services import idempotency
from quizapp.services.visibility import open_to_learners
from tests.builders import bearer


@pytest.fixture
def card(db) -> Flashcard:
    return db.session.scalar(
        sa.select(Flashcard).where(open_to_learners(Flashcard)).order_by(Flashcard.id).limit(1)
    )


def _review(client, headers, key, flashcard_id, rating=3):
    return client.post(
        "/api/v1/reviews",
        json={"flashcard_id": flashcard_id, "rating": rating},
        headers={**headers, "Idempotency-Key": key},
    )


def _logs(db) -> int:
    return db.session.scalar(sa.select(sa.func.count(ReviewLog.id)))


def test_a_retried_review_counts_once(client, db, make_student, card):
    headers = bearer(db, make_student())
    first = _review(client, headers, "retry-1", card.id)
    assert first.status_code == 201
    assert first.get_json()["replayed"] is False
    again = _review(client, headers, "retry-1", card.id)
    assert again.status_code == 200
    assert again.get_json() == {**first.get_json(), "replayed": True}
    assert _logs(db) == 1


def test_a_new_key_is_a_new_review(client, db, make_student, card):
    headers = bearer(db, make_student())
    assert _review(client, headers, "a", card.id, rating=1).status_code == 201
    assert _review(client, headers, "b", card.id, rating=3).status_code == 201
    assert _logs(db) == 2


def test_a_key_reused_for_another_review_is_refused(client, db, make_student, card):
    headers = bearer(db, make_student())
    assert _review(client, headers, "k", card.id, rating=3).status_code == 201
    reused = _review(client, headers, "k", card.id, rating=4)
    assert reused.status_code == 422
    assert reused.content_type == "application/problem+json"
    assert _logs(db) == 1


def test_keys_are_per_user(client, db, make_student, card):
    one, two = bearer(db, make_student()), bearer(db, make_student())
    assert _review(client, one, "same", card.id).status_code == 201
    assert _review(client, two, "same", card.id).status_code == 201
    assert _logs(db) == 2


def test_a_review_needs_a_key_and_a_rating_from_1_to_4(client, db, make_student, card):
    headers = bearer(db, make_student())
    no_key = client.post(
        "/api/v1/reviews", json={"flashcard_id": card.id, "rating": 3}, headers=headers
    )
    assert no_key.status_code == 422
    assert _review(client, headers, "x", card.id, rating=5).status_code == 422
    assert _review(client, headers, "y", 2**31 - 1).status_code == 404
    assert _logs(db) == 0
    assert db.session.scalar(sa.select(sa.func.count(IdempotencyKey.id))) == 0


def test_due_cards_are_the_callers_own(client, db, make_student, card):
    student, other = make_student(), make_student()
    headers = bearer(db, student)
    assert _review(client, headers, "due", card.id, rating=1).status_code == 201
    assert client.get("/api/v1/cards/due", headers=headers).get_json()["total"] == 0
    state = db.session.scalar(sa.select(CardState).where(CardState.user_id == student.id))
    state.due = utcnow() - timedelta(minutes=1)
    db.session.commit()
    due = client.get("/api/v1/cards/due", headers=headers).get_json()
    assert [c["flashcard_id"] for c in due["items"]] == [card.id]
    assert due["items"][0]["front"] == card.front
    assert due["items"][0]["back_extra"] == card.back_extra == ""
    other_due = client.get("/api/v1/cards/due", headers=bearer(db, other)).get_json()
    assert other_due["total"] == 0


def test_a_twin_that_raced_past_the_check_is_rolled_back(
    client, db, make_student, card, monkeypatch
):
    """Two copies in flight at once both find no key; the unique constraint lets one commit,
    and the other's rating is rolled back and answered with the first one's answer."""
    headers = bearer(db, make_student())
    first = _review(client, headers, "twin", card.id)
    real_replay, calls = idempotency.replay, []

    def not_yet_committed(*args):
        calls.append(args)
        return None if len(calls) == 1 else real_replay(*args)

    monkeypatch.setattr(idempotency, "replay", not_yet_committed)
    twin = _review(client, headers, "twin", card.id)
    assert twin.status_code == 200 and twin.get_json()["due"] == first.get_json()["due"]
    assert _logs(db) == 1


def test_the_api_takes_no_csrf_token(app, client, db, make_student, card, monkeypatch):
    """Token auth only, no cookie: there is no forged cross-site request to guard against."""
    headers = bearer(db, make_student())
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert _review(client, headers, "csrf", card.id).status_code == 201
    assert client.post("/account/tokens/", data={"name": "x", "scope": "read"}).status_code == 400
