"""A class join link carried through log-in and sign-up as their ``next`` page.

A signed-out student who opens ``/join/<code>`` is sent to sign up or log in with the link as
``next``; these helpers find the class that link names, so the forms can say which class the
student is about to join and sign-up can enrol them on the way.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app
from werkzeug.exceptions import HTTPException

from quizapp.auth.next_page import safe_next_path
from quizapp.extensions import db
from quizapp.models import SchoolClass
from quizapp.services import classes
from quizapp.services.errors import NotFound

JOIN_LINK_ENDPOINT = "classroom.join_link"


def class_for_next(target: str | None) -> SchoolClass | None:
    """The class whose join link ``target`` is, when it is a safe path to a live code."""
    path = safe_next_path(target)
    if path is None:
        return None
    adapter = current_app.url_map.bind("localhost")
    try:
        endpoint, args = adapter.match(urlsplit(path).path, method="GET")
    except HTTPException:  # no route, or a redirect (RequestRedirect is one)
        return None
    if endpoint != JOIN_LINK_ENDPOINT:
        return None
    try:
        return classes.class_by_code(db.session, args["code"])
    except NotFound:
        return None  # the code was replaced since the link was shared
