"""A learner's due cards and their reviews, by the rules of the card screen
(``services.flashcards``): a review is the same rating the page stores, once per
``Idempotency-Key`` however often it is sent (``services.idempotency``)."""

from __future__ import annotations

import marshmallow as ma
from sqlalchemy.exc import IntegrityError

from quizapp.api.auth import api_user, authenticate
from quizapp.api.blueprint import ApiBlueprint
from quizapp.api.paging import PageArgs, page_of, paginate
from quizapp.api.schemas import DueCardSchema, ReviewArgs, ReviewSchema
from quizapp.core.clock import utcnow
from quizapp.extensions import db
from quizapp.services import flashcards, idempotency
from quizapp.services.errors import AlreadyRated
from quizapp.services.rating_writes import RATED_MEANWHILE

blp = ApiBlueprint(
    "api_study",
    __name__,
    url_prefix="/api/v1",
    description="Your due flashcards, and rating them.",
)
blp.before_request(authenticate)


class IdempotencyHeader(ma.Schema):
    key = ma.fields.String(
        required=True,
        data_key="Idempotency-Key",
        validate=ma.validate.Length(min=1, max=idempotency.MAX_KEY_LENGTH),
        metadata={"description": "any unique string (a UUID): a retry with it counts once"},
    )


@blp.get("/cards/due")
@blp.arguments(PageArgs, location="query")
@blp.response(200, page_of(DueCardSchema))
def due_cards(args):
    """Your flashcards due now, soonest first."""
    return paginate(flashcards.due_cards(api_user(), utcnow()), args)


def _replayed(stored) -> tuple[dict, int]:
    return {**stored.body, "replayed": True}, 200


@blp.post("/reviews")
@blp.arguments(IdempotencyHeader, location="headers", as_kwargs=True)
@blp.arguments(ReviewArgs)
@blp.response(201, ReviewSchema)
@blp.alt_response(200, schema=ReviewSchema, description="the answer kept for a retried key")
def post_review(review, key: str):
    """Rate a flashcard 1 to 4, as on the card screen; needs a write token."""
    user = api_user()
    digest = idempotency.request_hash(review)
    stored = idempotency.replay(db.session, user.id, key, digest)
    if stored is not None:
        return _replayed(stored)
    try:
        claimed = idempotency.claim(db.session, user.id, key, digest)
    except IntegrityError:
        # A twin of this request claimed the key first: answer what it answered.
        db.session.rollback()
        stored = idempotency.replay(db.session, user.id, key, digest)
        if stored is None or not stored.status:
            raise AlreadyRated(RATED_MEANWHILE) from None
        return _replayed(stored)
    body = {"flashcard_id": review["flashcard_id"], "rating": review["rating"]}
    try:
        state = flashcards.rate_card(
            db.session, user, review["flashcard_id"], review["rating"], review["duration_ms"]
        )
        body["due"] = str(state["due"])
        idempotency.settle(claimed, 201, body)
        db.session.commit()
    except IntegrityError:
        # Rated meanwhile from another tab or the card screen, as the page's rating route says.
        db.session.rollback()
        raise AlreadyRated(RATED_MEANWHILE) from None
    return {**body, "replayed": False}, 201
