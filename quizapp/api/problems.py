"""Errors under ``/api`` in one JSON shape: RFC 9457 problem details.

``{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "..."}`` with the
media type ``application/problem+json``; a 422 adds ``errors``, the fields that failed and why.
``quizapp.errors`` calls :func:`problem_response` for every error of a request under ``/api``
(HTTP errors, the services' refusals, unexpected errors), so no view builds one itself.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Response, json, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

API_PREFIX = "/api/"
PROBLEM_TYPE = "application/problem+json"


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def _plain(value: Any) -> Any:
    """A validation message tree with string keys (a list's index is an int key)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def problem_response(status: int, detail: str, error: HTTPException | None = None) -> Response:
    """The problem-details answer for ``status``, with the headers its status calls for."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    body["detail"] = detail
    messages = getattr(error, "data", {}).get("messages") if error is not None else None
    if messages:
        body["errors"] = _plain(messages)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="quizapp"'
    return response
