"""Error pages in the app's own layout; JSON for requests that ask for it; RFC 9457 problem
details for every request under ``/api`` (``quizapp.api.problems``).

HTTP errors, the services' refusals (:class:`DomainError`) and input the domain core cannot
take (:class:`InputError`) are answered here, once: a view raises, and never turns an error
into a response itself.
"""

from __future__ import annotations

import math
import time

from flask import Flask, abort, jsonify, render_template, request
from flask_babel import gettext
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from quizapp.api.problems import is_api_request, problem_response
from quizapp.core.errors import InputError
from quizapp.extensions import db, limiter
from quizapp.services.errors import DomainError


def wants_json() -> bool:
    """Whether to answer JSON: the request sent JSON, or prefers it to a page."""
    return request.accept_mimetypes.best == "application/json" or request.is_json


def _respond(code: int, title: str, message: str, error: HTTPException | None = None):
    if is_api_request():
        return problem_response(code, message, error)
    if wants_json():
        return jsonify(error=message), code
    return render_template("error.html", code=code, title=title, message=message), code


def render_error(error: HTTPException):
    code = error.code or 500
    if code >= 500:
        # A failed statement leaves the session unusable; the page itself reads the user.
        db.session.rollback()
    return _respond(code, error.name, error.description or "Something went wrong.", error)


def refused(error: DomainError):
    """A service's refusal: its status and message; nothing the request did is kept."""
    db.session.rollback()
    # Services mark their refusals with N_: said in the viewer's language (others as written).
    return _respond(error.status, "Not possible", gettext(error.message))


def unusable_input(error: InputError):
    """Input the core could not take (an unreadable file, an answer that fits no question):
    a 400 with the core's sentence, never a 500; nothing the request did is kept."""
    db.session.rollback()
    return _respond(400, "Not possible", str(error))


def reject_nul_characters() -> None:
    """No text may contain NUL: PostgreSQL refuses it (a 500), SQLite would store it."""
    if "\x00" in request.path:
        abort(404)  # no page has a NUL in its address (`/articles/%00`)
    for values in (request.args, request.form):
        if any("\x00" in value for _key, many in values.lists() for value in many):
            abort(400, "The text sent contains a NUL character, which is not allowed.")


def init_app(app: Flask) -> None:
    # Unhandled exceptions reach the 500 handler as InternalServerError; the session is
    # removed (rolled back) at teardown, so a failed request writes nothing.
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(DomainError, refused)
    app.register_error_handler(InputError, unusable_input)
    app.before_request(reject_nul_characters)

    @app.errorhandler(RateLimitExceeded)
    def too_many_requests(error: RateLimitExceeded):
        current = limiter.current_limit
        wait = max(1, math.ceil(current.reset_at - time.time())) if current else 60
        when = f"{wait} seconds" if wait < 120 else f"{math.ceil(wait / 60)} minutes"
        error.description = f"Too many attempts. Try again in {when}."
        response = render_error(error)
        response = app.make_response(response)
        response.headers["Retry-After"] = str(wait)
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        error.description = (
            "The form has expired or was not sent by this site. Reload the page and try again."
        )
        return render_error(error)
