"""The teachers' blueprint (``/teach``, teachers only).

Every ``/teach`` route is guarded here, once, rather than by a decorator per view that a new
route could forget: anonymous visitors go to the login page, students get 403. Objects of other
teachers answer 404 from the services' ``owned_*`` loaders.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app
from flask_babel import gettext as _
from flask_login import current_user

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.before_request
def teachers_only():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403, _("These pages are for teachers."))
    return None
