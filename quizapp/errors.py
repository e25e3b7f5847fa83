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
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from quizapp.api.problems import is_api_request, problem_response
from quizapp.core.errors import InputError
from quizapp.core.translatable import N_
from quizapp.extensions import db, limiter
from quizapp.i18n import refusal_text
from quizapp.services.errors import DomainError

# Werkzeug's names and default descriptions of the errors pages show, marked for the
# catalogues: a page shows them in its language (gettext of the English text).
_WERKZEUG_TEXTS = (
    N_("Bad Request"),
    N_("Unauthorized"),
    N_("Forbidden"),
    N_("Not Found"),
    N_("Method Not Allowed"),
    N_("Gone"),
    N_("Conflict"),
    N_("Request Entity Too Large"),
    N_("Too Many Requests"),
    N_("Internal Server Error"),
    N_("The browser (or proxy) sent a request that this server could not understand."),
    N_(
        "You don't have the permission to access the requested resource. It is either "
        "read-protected or not readable by the server."
    ),
    N_(
        "The requested URL was not found on the server. If you entered the URL manually please "
        "check your spelling and try again."
    ),
    N_("The method is not allowed for the requested URL."),
    N_("The data value transmitted exceeds the capacity limit."),
    N_(
        "The server encountered an internal error and was unable to complete your request. "
        "Either the server is overloaded or there is an error in the application."
    ),
)
SOMETHING_WENT_WRONG = N_("Something went wrong.")
NOT_POSSIBLE = N_("Not possible")


def wants_json() -> bool:
    """Whether to answer JSON: the request sent JSON, or prefers it to a page."""
    return request.accept_mimetypes.best == "application/json" or request.is_json


def _respond(code: int, title: str, message: str, error: HTTPException | None = None):
    if is_api_request():
        return problem_response(code, message, error)
    # Messages written in English and marked with N_ (here, in the blueprints and services)
    # have translations; any other text is shown as it is.
    # (Never gettext of "": that is the catalogue's header.)
    title, message = (_(text) if text else text for text in (title, message))
    if wants_json():
        return jsonify(error=message), code
    return render_template("error.html", code=code, title=title, message=message), code


def render_error(error: HTTPException):
    code = error.code or 500
    if code >= 500:
        # A failed statement leaves the session unusable; the page itself reads the user.
        db.session.rollback()
    return _respond(code, error.name, error.description or SOMETHING_WENT_WRONG, error)


def refused(error: DomainError):
    """A service's refusal: its status and message; nothing the request did is kept."""
    db.session.rollback()
    # Scripts read the English sentence; people, their language's.
    message = error.message if is_api_request() else refusal_text(error)
    return _respond(error.status, NOT_POSSIBLE, message)


def unusable_input(error: InputError):
    """Input the core could not take (an unreadable file, an answer that fits no question):
    a 400 with the core's sentence, never a 500; nothing the request did is kept."""
    db.session.rollback()
    # Scripts read the English sentence; people, their language's (as a service's refusal).
    message = str(error) if is_api_request() else refusal_text(error)
    return _respond(400, NOT_POSSIBLE, message)


def reject_nul_characters() -> None:
    """No text may contain NUL: PostgreSQL refuses it (a 500), SQLite would store it."""
    if "\x00" in request.path:
        abort(404)  # no page has a NUL in its address (`/articles/%00`)
    for values in (request.args, request.form):
        if any("\x00" in value for _key, many in values.lists() for value in many):
            abort(400, N_("The text sent contains a NUL character, which is not allowed."))


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
        if wait < 120:
            message = ngettext(
                "Too many attempts. Try again in %(num)d second.",
                "Too many attempts. Try again in %(num)d seconds.",
                wait,
            )
        else:
            minutes = math.ceil(wait / 60)
            message = ngettext(
                "Too many attempts. Try again in %(num)d minute.",
                "Too many attempts. Try again in %(num)d minutes.",
                minutes,
            )
        error.description = message
        response = render_error(error)
        response = app.make_response(response)
        response.headers["Retry-After"] = str(wait)
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        error.description = _(
            "The form has expired or was not sent by this site. Reload the page and try again."
        )
        return render_error(error)
