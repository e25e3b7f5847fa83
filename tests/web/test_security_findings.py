"""The smaller findings of a security review, each with the request that showed it."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Flashcard


def test_a_nul_in_an_address_is_a_404_not_a_500(client, make_student, login):
    login(client, make_student())
    assert client.get("/articles/%00").status_code == 404
    assert client.get("/articles/x%00y").status_code == 404


def test_a_huge_mode_or_topic_field_is_not_echoed_into_the_redirect(
    client, db, make_student, login
):
    login(client, make_student())
    card_id = db.session.scalar(sa.select(Flashcard.id).order_by(Flashcard.id).limit(1))
    huge = "x" * 1_000_000
    rated = client.post(
        "/cards/rate", data={"flashcard_id": card_id, "rating": "3", "mode": huge, "topic": huge}
    )
    undone = client.post("/cards/undo", data={"mode": huge, "topic": huge})
    for response in (rated, undone):
        assert response.status_code == 302
        assert len(response.location) < 200
