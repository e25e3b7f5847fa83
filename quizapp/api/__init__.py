"""The JSON API under ``/api/v1``, described by an OpenAPI 3.1 document generated from the code.

flask-smorest (apispec and marshmallow) builds the document from the views' schemas and
decorators, on a plain Flask app and plain blueprints; ``/api/openapi.json`` serves it and
``/api/docs`` shows it as a page of the app's own (no script from a CDN, which the CSP forbids).
Every error under ``/api`` is an RFC 9457 problem (``quizapp.api.problems``).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import marshmallow as ma
from apispec import BasePlugin
from flask import Flask, Response, current_app, request
from flask_smorest import Api
from flask_smorest.utils import prepare_response

from quizapp.api.auth import rate_limit_key
from quizapp.api.problems import PROBLEM_TYPE
from quizapp.extensions import csrf, limiter
from quizapp.models.base import MAX_ID
from quizapp.web_ids import IdConverter

API_V1 = "/api/v1"
# Added to every operation of the document: what any call can answer besides its own.
# One limit object for the process, as the limiter is one: a limit made anew for each app
# (tests make several) is another member of the blueprint's set, and all of them count each
# call against the same scope, so a token was refused after a third of its allowance.
PER_TOKEN = limiter.shared_limit(
    lambda: current_app.config["RATE_LIMIT_API_PER_TOKEN"],
    scope="api-token",
    key_func=rate_limit_key,
)
COMMON_RESPONSES = {"401": "UNAUTHORIZED", "403": "FORBIDDEN", "429": "TOO_MANY_REQUESTS"}


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details."""

    type = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True)
    errors = ma.fields.Dict(metadata={"description": "for 422: each field and what is wrong"})


class CommonResponses(BasePlugin):
    """Documents, on every operation, the answers any call can get: 401, 403, 429, a 404 on
    a path with an id, and on GETs the ETag revalidation (``If-None-Match``, 304)."""

    def operation_helper(self, path=None, operations=None, **kwargs: Any) -> None:
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})
            for status, name in COMMON_RESPONSES.items():
                responses.setdefault(status, name)
            if "{" in (path or ""):
                responses.setdefault("404", "NOT_FOUND")
            if method == "get":
                self._document_get(operation, responses)
                responses.setdefault("304", "NOT_MODIFIED")
                parameters = operation.setdefault("parameters", [])
                parameters.append(
                    {
                        "in": "header",
                        "name": "If-None-Match",
                        "schema": {"type": "string"},
                        "description": "an ETag of this resource: 304 when it is unchanged",
                    }
                )
            operation.setdefault("security", [{"bearer": []}])

    @staticmethod
    def _document_get(operation: dict, responses: dict) -> None:
        """A GET's 200 carries an ETag, and a page of a list its Link header."""
        ok = responses.get(200) or responses.get("200")
        if not isinstance(ok, dict):
            return
        headers = ok.setdefault("headers", {})
        headers["ETag"] = {"schema": {"type": "string"}, "description": "send in If-None-Match"}
        names = {parameter.get("name") for parameter in operation.get("parameters") or []}
        if "per_page" in names:
            headers["Link"] = {
                "schema": {"type": "string"},
                "description": "RFC 8288 links to the first, prev, next and last pages",
            }


class QuizApi(Api):
    """flask-smorest's Api, answering errors through the app's own handlers (which give
    problem details under ``/api`` and the app's error pages elsewhere) instead of
    registering its own for every HTTP error of the whole app."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        return None

    def _register_responses(self) -> None:
        """flask-smorest's responses for every status, with errors as
        ``application/problem+json`` (its own are plain JSON of another shape)."""
        for status in HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


def _api_headers(response: Response) -> Response:
    """Every ``/api/v1`` answer: caches keep it per token and revalidate it; a GET carries an
    ETag, and one the client already has answers 304 with no body."""
    if not request.path.startswith(API_V1 + "/"):
        return response
    response.headers["Cache-Control"] = "private, no-cache"
    response.vary.add("Authorization")
    if request.method == "GET" and response.status_code == 200:
        response.add_etag()
        response.make_conditional(request)
    return response


def init_app(app: Flask) -> None:
    from quizapp.api import content, docs, study, teaching

    app.config.setdefault("API_TITLE", "quizapp")
    app.config.setdefault("API_VERSION", "1")
    app.config.setdefault("OPENAPI_VERSION", "3.1.0")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.config.setdefault(
        "API_SPEC_OPTIONS",
        {
            "info": {"description": docs.DESCRIPTION},
            "servers": [{"url": "/"}],
        },
    )
    api = QuizApi()
    api.init_app(app, spec_kwargs={"extra_plugins": [CommonResponses()]})
    api.spec.components.security_scheme(
        "bearer", {"type": "http", "scheme": "bearer", "description": "a personal access token"}
    )
    api.register_converter(
        IdConverter, lambda _converter: {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    )
    for blueprint in (content.blp, teaching.blp, study.blp):
        # Token auth only, never the session cookie (quizapp.api.auth): no CSRF to guard against.
        csrf.exempt(blueprint)
        PER_TOKEN(blueprint)
        api.register_blueprint(blueprint)
    app.register_blueprint(docs.bp)
    app.after_request(_api_headers)
    app.extensions["quizapp_api"] = api
