"""Errors of the teaching services, each with the HTTP status the web layer answers with.

They extend :class:`QuizError` so that the quiz and study blueprints' handlers, and ours, show
them the same way: the message on the error page, or as JSON.
"""

from __future__ import annotations

from quizapp.services.quizzes import QuizError


class TeachingError(QuizError):
    """Bad input: the message says what to change."""

    status = 400


class NotFound(TeachingError):
    # Also for other teachers' objects: do not confirm that they exist.
    status = 404


class ReadOnly(TeachingError):
    status = 403


class NotNow(TeachingError):
    """Allowed in general but not in this state (closed, not yet open, no attempts left)."""

    status = 409
