"""The teachers' blueprint (``/teach``, teachers only) and the students' side of classes.

Every ``/teach`` route is guarded here, once, rather than by a decorator per view that a new
route could forget: anonymous visitors go to the login page, students get 403. Objects of other
teachers answer 404 from the services' ``owned_*`` loaders.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request
from flask_login import current_user

from quizapp.extensions import db
from quizapp.services.quizzes import QuizError

bp = Blueprint("teach", __name__, url_prefix="/teach")
classroom_bp = Blueprint("classroom", __name__)
# Ids are 32-bit integer columns; a larger number in a URL names nothing (and SQLite's driver
# would raise OverflowError on it, a 500).
MAX_ID = 2**31 - 1


def ids_in_range(_endpoint, values) -> None:
    if values and any(isinstance(v, int) and v > MAX_ID for v in values.values()):
        abort(404)


bp.url_value_preprocessor(ids_in_range)
classroom_bp.url_value_preprocessor(ids_in_range)


@bp.before_request
def teachers_only():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403, "These pages are for teachers.")
    return None


def _quiz_error(error: QuizError):
    db.session.rollback()
    if request.accept_mimetypes.best == "application/json":
        return jsonify(error=error.message), error.status
    return render_template(
        "error.html", code=error.status, title="Not possible", message=error.message
    ), error.status


bp.register_error_handler(QuizError, _quiz_error)
classroom_bp.register_error_handler(QuizError, _quiz_error)
