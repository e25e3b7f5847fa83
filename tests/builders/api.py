"""Personal access tokens for API tests."""

from __future__ import annotations

from quizapp.models import User
from quizapp.services.api_tokens import create_token


def bearer(db, user: User, scope: str = "write") -> dict[str, str]:
    """The ``Authorization`` header of a new committed token of ``user``."""
    made = create_token(db.session, user, f"test {scope}", scope)
    db.session.commit()
    return {"Authorization": f"Bearer {made.secret}"}
