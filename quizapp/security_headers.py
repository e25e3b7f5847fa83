"""Response headers every page carries: a strict CSP, no sniffing, no framing (but by the LMS
a session was launched from, LTI 1.3), a referrer policy, no caching of anything personal;
Secure cookies and HSTS when served over https (SameSite=None with ``LTI_IFRAME_COOKIES``)."""

from __future__ import annotations

from flask import Flask, Response, request, session
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


# The session of a user who came in through an LMS launch keeps the LMS's origins here, so the
# pages they open next may show inside that LMS's frame (quizapp/lti/routes.py).
FRAME_ORIGINS_KEY = "lti_frame_origins"


def allow_framing(response: Response, origins: list[str]) -> Response:
    """``response`` may be framed by these origins (and by this site), no one else; with no
    origin it stays unframeable. X-Frame-Options knows no list, so it goes where CSP allows."""
    if not origins:
        return response
    ancestors = "frame-ancestors " + " ".join(["'self'", *origins])
    policy = response.headers.get("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["Content-Security-Policy"] = policy.replace(
        "frame-ancestors 'none'", ancestors
    )
    response.headers.pop("X-Frame-Options", None)
    return response


def allow_form_action(response: Response, origin: str) -> Response:
    """``response``'s form may post to ``origin`` too (the LMS a deep-linking answer returns
    to); every other page posts to this site only."""
    policy = response.headers.get("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["Content-Security-Policy"] = policy.replace(
        "form-action 'self'", f"form-action 'self' {origin}"
    )
    return response


def _launched_from() -> list[str]:
    # Only a request that sent a session cookie can have one; reading the session of any other
    # would add "Vary: Cookie" to every static file.
    if request.endpoint == "static" or not request.cookies:
        return []
    origins = session.get(FRAME_ORIGINS_KEY)
    return [o for o in origins if isinstance(o, str)] if isinstance(origins, list) else []


def _is_personal(response: Response) -> bool:
    """A logged-in page or a download (CSV, APKG) must not stay in a shared computer's cache."""
    if response.headers.get("Content-Disposition", "").startswith("attachment"):
        return True
    # Static files and content-addressed media say their own caching (the same bytes forever).
    return request.endpoint not in SELF_CACHED and current_user.is_authenticated


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    if "Content-Security-Policy" not in headers:
        headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        allow_framing(response, _launched_from())
    if "frame-ancestors 'none'" in headers["Content-Security-Policy"]:
        headers.setdefault("X-Frame-Options", "DENY")  # for browsers without frame-ancestors
    headers.setdefault("X-Content-Type-Options", "nosniff")
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
    if https and app.config.get("LTI_IFRAME_COOKIES"):
        # Inside the LMS's iframe quizapp is a third party: a browser sends it Lax cookies on no
        # request from the frame, so a learner launched in would be logged out at once.
        # (A launch logs in without "remember me", so the remember cookie stays Lax.)
        app.config["SESSION_COOKIE_SAMESITE"] = "None"
    app.after_request(add_security_headers)

    if https:

        @app.after_request
        def strict_transport_security(response: Response) -> Response:
            seconds = app.config["HSTS_SECONDS"]
            response.headers.setdefault(
                "Strict-Transport-Security", f"max-age={seconds}; includeSubDomains"
            )
            return response
