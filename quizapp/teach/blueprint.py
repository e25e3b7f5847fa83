"""The teachers' blueprint (``/teach``, teachers only).

Every ``/teach`` route is guarded here, once, rather than by a decorator per view that a new
route could forget: anonymous visitors go to the login page, students get 403. Objects of other
teachers answer 404 from the services' ``owned_*`` loaders.
"""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, current_app
from flask_login import current_user

from quizapp import time_display

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.before_request
def teachers_only():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403, "These pages are for teachers.")
    return None


@bp.app_template_filter("when")
def when(moment: datetime | None) -> str:
    """A stored (naive UTC) time in the viewer's zone, as "31 Jan 2030, 18:00 CET"."""
    return time_display.when(moment)
