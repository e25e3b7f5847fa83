"""A card rating's cost in SQL statements, and that it still rates with the learner's own
FSRS parameters now that they come with the card in one statement."""

from __future__ import annotations

import re
from datetime import datetime

import sqlalchemy as sa
from fsrs import Card, Rating

from quizapp.core.fsrs_fitting import DEFAULT_PARAMETERS
from quizapp.models import CardState, FsrsParameters, ReviewLog
from quizapp.services.flashcards import scheduler_for

JSON = {"Accept": "application/json"}


def _card_id(page: str) -> int:
    return int(re.search(r'data-card="(\d+)"', page).group(1))


def test_a_rating_costs_three_or_four_statements_and_uses_the_fitted_parameters(
    client, db, make_student, login, count_queries
):
    student = make_student()
    # A kept fit whose first-Easy stability (w[3]) is far from the default's, and an older
    # kept fit that must not be the one used.
    fitted = list(DEFAULT_PARAMETERS)
    fitted[3] = 60.0
    older = list(DEFAULT_PARAMETERS)
    older[3] = 2.0
    db.session.add_all(
        [
            FsrsParameters(
                user_id=student.id, parameters=older, kept=True, fitted_at=datetime(2020, 1, 1)
            ),
            FsrsParameters(user_id=student.id, parameters=fitted, kept=True),
        ]
    )
    db.session.commit()
    login(client, student)
    card_id = _card_id(client.get("/cards").get_data(as_text=True))
    rated = client.post("/cards/rate", data={"flashcard_id": card_id, "rating": "4"}, headers=JSON)
    assert rated.status_code == 200
    state = db.session.scalar(sa.select(CardState).filter_by(user_id=student.id))
    expected, _log = scheduler_for(student, fitted).review_card(Card(card_id), Rating.Easy)
    assert (state.due - state.last_review).days == (expected.due - expected.last_review).days
    assert rated.get_json() == {"rated": True, "due": state.fsrs["due"]}
    seen = state.last_review.isoformat()
    db.session.expunge_all()  # the request loads its own card and state

    with count_queries() as queries:
        again = client.post(
            "/cards/rate",
            data={"flashcard_id": card_id, "rating": "3", "seen": seen},
            headers=JSON,
        )
    assert again.status_code == 200
    # The user; the card, its state and the parameters (one statement); the state's update and
    # the log's insert, one statement on PostgreSQL, committed together. No read-back.
    writes = 1 if db.engine.dialect.name == "postgresql" else 2
    assert len(queries) == 2 + writes, queries
    logs = db.session.scalars(sa.select(ReviewLog).filter_by(user_id=student.id)).all()
    state = db.session.scalar(sa.select(CardState).filter_by(user_id=student.id))
    assert [log.rating for log in logs] == [4, 3]
    assert (
        again.get_json()
        == {"rated": True, "due": state.fsrs["due"]}
        == {
            "rated": True,
            "due": logs[-1].state_after["due"],
        }
    )
