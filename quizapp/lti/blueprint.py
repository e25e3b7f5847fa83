"""The ``/lti`` blueprint: the tool's public endpoints (login, launch, keys) for platforms,
and the admin's platform registrations."""

from __future__ import annotations

from flask import Blueprint, Response

from quizapp import security_headers
from quizapp.extensions import db
from quizapp.services.lti_registry import platform_origins

bp = Blueprint("lti", __name__, url_prefix="/lti")


@bp.after_request
def framed_by_registered_platforms(response: Response) -> Response:
    """The launch and its refusals open inside the LMS's frame: any registered platform may
    frame them (the rest of the app only the platform the session was launched from)."""
    return security_headers.allow_framing(response, platform_origins(db.session))
