"""JSON read from requests: a body nested too deeply for Python's parser is bad input.

``json.loads`` raises ``RecursionError`` (not a ``ValueError``) on a few thousand nested
brackets, a few kilobytes a client can send anywhere JSON is read; neither Flask's
``request.get_json`` nor webargs (the API's arguments) catch it, so each answered 500.
Here it becomes the ``ValueError`` / ``JSONDecodeError`` they turn into a 400.
"""

from __future__ import annotations

import json
from typing import Any

from flask.json.provider import DefaultJSONProvider
from webargs.flaskparser import FlaskParser

TOO_DEEP = "The JSON is nested too deeply."


def _too_deep() -> json.JSONDecodeError:
    # webargs reads an error whose document is "" as "no body": the document must be text.
    return json.JSONDecodeError(TOO_DEEP, "[", 0)


class RequestJSONProvider(DefaultJSONProvider):
    """The app's JSON: as Flask's, with a too-deep body a ``ValueError`` (so a 400)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise _too_deep() from None


class ApiArgumentsParser(FlaskParser):
    """webargs' parser for the API's views, with a too-deep body its "Invalid JSON" 400."""

    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except RecursionError:
            raise _too_deep() from None
