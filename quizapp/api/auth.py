"""Who calls the API: a personal access token in ``Authorization: Bearer qz_...``.

The API reads no session cookie: a request is its token's owner or nobody (401). So a page
elsewhere cannot make a logged-in browser call it, which is why the API needs, and has, no
CSRF token (``quizapp.api.init_app`` exempts it). A read-scope token can only read (403).
"""

from __future__ import annotations

import hashlib

from flask import abort, g, request
from flask_limiter.util import get_remote_address

from quizapp.core.clock import utcnow
from quizapp.extensions import db
from quizapp.models import User
from quizapp.services.api_tokens import token_for_secret

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def bearer_secret() -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    secret = secret.strip()
    return secret if scheme.lower() == "bearer" and secret else None


def authenticate() -> None:
    """Every ``/api/v1`` request's first step: the token's owner in ``g.api_user``, or a 401
    (no token, an unknown or revoked one), or a 403 (a write with a read-only token)."""
    secret = bearer_secret()
    if secret is None:
        abort(401, "Send a personal access token: Authorization: Bearer qz_...")
    token = token_for_secret(db.session, secret, utcnow())
    if token is None:
        abort(401, "This token is unknown or was revoked.")
    if request.method not in READ_METHODS and not token.can_write:
        abort(403, "This token may only read; make a token with the write scope.")
    if db.session.dirty:
        # The token's last use, kept apart from the request's own work (a refused write
        # rolls back, the use still happened); at most once a minute per token.
        db.session.commit()
    g.api_token = token
    g.api_user = token.user


def api_user() -> User:
    return g.api_user


def require_teacher() -> User:
    """The caller, if a teacher (as the ``/teach`` pages require); 403 otherwise."""
    user = api_user()
    if not user.is_teacher:
        abort(403, "This resource is for teachers.")
    return user


def rate_limit_key() -> str:
    """Each token is counted on its own (a hash: the secret is not kept in the limiter's
    store); calls without one share their address's counter."""
    secret = bearer_secret()
    if secret is None:
        return "api-address:" + get_remote_address()
    return "api-token:" + hashlib.sha256(secret.encode()).hexdigest()[:32]
