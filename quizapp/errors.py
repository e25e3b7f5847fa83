"""Error pages in the app's own layout; JSON for requests that ask for it."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from quizapp.extensions import db


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json" or request.is_json


def render_error(error: HTTPException):
    code = error.code or 500
    message = error.description or "Something went wrong."
    if code >= 500:
        # A failed statement leaves the session unusable; the page itself reads the user.
        db.session.rollback()
    if _wants_json():
        return jsonify(error=message), code
    return render_template("error.html", code=code, title=error.name, message=message), code


def init_app(app: Flask) -> None:
    # Unhandled exceptions reach the 500 handler as InternalServerError; the session is
    # removed (rolled back) at teardown, so a failed request writes nothing.
    app.register_error_handler(HTTPException, render_error)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        error.description = (
            "The form has expired or was not sent by this site. Reload the page and try again."
        )
        return render_error(error)
