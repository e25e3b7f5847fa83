"""``/api/docs``: the OpenAPI document as a page of the app's own, rendered on the server (the
usual browsable UIs load scripts from a CDN, which the app's CSP refuses)."""

from __future__ import annotations

import re

from flask import Blueprint, current_app, render_template
from markupsafe import Markup, escape

bp = Blueprint("api_docs", __name__, url_prefix="/api")

DESCRIPTION = (
    "quizapp's JSON API. Make a personal access token on your account page (API tokens), then "
    "send it as `Authorization: Bearer qz_...`. A read token can only read. Lists take `page` "
    "and `per_page` (at most 100) and answer an envelope with `items` and `total`, and `Link` "
    "headers. Every GET has an ETag (send it back in `If-None-Match`: 304 when unchanged). "
    "Errors are RFC 9457 problem details (`application/problem+json`). Too many calls get 429 "
    "with `Retry-After`. Posting a review needs an `Idempotency-Key` header: a retried post "
    "with the same key counts once."
)


# The document's texts are Markdown for tools (`code`, ``code``); the page shows code as code.
INLINE_CODE = re.compile(r"``?([^`]+?)``?")


@bp.app_template_filter("inline_code")
def inline_code(text: str | None) -> Markup:
    """``text`` escaped, its `backticked` parts shown as code."""
    return Markup(INLINE_CODE.sub(r"<code>\1</code>", str(escape(text or ""))))


@bp.get("/docs")
def api_docs():
    spec = current_app.extensions["quizapp_api"].spec.to_dict()
    operations = [
        (path, method.upper(), operation)
        for path, item in spec.get("paths", {}).items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    schemas = spec.get("components", {}).get("schemas", {})
    return render_template("api/docs.html", spec=spec, operations=operations, schemas=schemas)
