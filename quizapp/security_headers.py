"""Response headers every page carries: a strict CSP, no sniffing, no framing, a referrer
policy, no caching of anything personal; Secure cookies and HSTS when served over https."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

# Scripts only from our own files (no inline code, no eval); styles allow inline attributes,
# which Chart.js sets on its canvases.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SELF_CACHED = ("static", "media.serve")


def _is_personal(response: Response) -> bool:
    """A logged-in page or a download (CSV, APKG) must not stay in a shared computer's cache."""
    if response.headers.get("Content-Disposition", "").startswith("attachment"):
        return True
    # Static files and content-addressed media say their own caching (the same bytes forever).
    return request.endpoint not in SELF_CACHED and current_user.is_authenticated


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if _is_personal(response):
        headers["Cache-Control"] = "no-store"
        headers.setdefault("Vary", "Cookie")
    return response


def init_app(app: Flask) -> None:
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        # Not X-Forwarded-Host: no link is built from the host (see public_urls.py).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    https = app.config["PREFERRED_URL_SCHEME"] == "https"
    if https:
        app.config["SESSION_COOKIE_SECURE"] = True  # the remember cookie follows this setting
    app.after_request(add_security_headers)

    if https:

        @app.after_request
        def strict_transport_security(response: Response) -> Response:
            seconds = app.config["HSTS_SECONDS"]
            response.headers.setdefault(
                "Strict-Transport-Security", f"max-age={seconds}; includeSubDomains"
            )
            return response
