"""Absolute links (in mail, QR codes, links to copy) built from the configured ``BASE_URL``.

Never from the request: its ``Host`` (or ``X-Forwarded-Host``) is whatever the sender typed, so
a reset mail built from it could carry an attacker's address with a valid token in it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app


def public_url(endpoint: str, **values: Any) -> str:
    """The absolute address of ``endpoint`` (a full name such as ``account.reset_password``)
    under ``BASE_URL``, including any path the app is mounted at."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    return adapter.build(endpoint, values, force_external=True)
