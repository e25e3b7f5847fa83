"""How the learner blueprints answer a domain error: JSON for scripts, a page for people."""

from __future__ import annotations

from flask import jsonify, render_template, request

from quizapp.extensions import db
from quizapp.services.quizzes import QuizError


def wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def quiz_error_response(error: QuizError):
    """The error's status and message; nothing the request did is kept."""
    db.session.rollback()
    if wants_json():
        return jsonify(error=error.message), error.status
    page = render_template(
        "error.html", code=error.status, title="Not possible", message=error.message
    )
    return page, error.status
