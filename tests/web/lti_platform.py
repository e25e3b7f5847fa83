"""A whole LTI 1.3 platform for tests, played against the tool: its own RSA keys, a JWKS (and,
for the services, any other JSON endpoint) served by a local HTTP server in a thread, and the
launch tokens it signs."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
from jwcrypto.jwk import JWK

from quizapp.services.lti_registry import PlatformFields, register_platform

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
CLIENT_ID = "quizapp-client"
DEPLOYMENT_ID = "deployment-1"

# One key pair for every test run (generating RSA keys costs time): the platform's own.
_KEY = JWK.generate(kty="RSA", size=2048, kid="platform-key-1")
# Another platform's key, for a token signed by someone else.
_OTHER_KEY = JWK.generate(kty="RSA", size=2048, kid="platform-key-1")


@dataclass
class Endpoint:
    """An answer the local server gives on a path: a list of (status, JSON) it plays in turn
    (the last one again once they run out), and the requests it received."""

    answers: list[tuple[int, Any]]
    received: list[dict[str, Any]] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    server: PlatformServer

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        path = urlsplit(self.path).path
        endpoint = self.server.endpoints.get(path)
        if endpoint is None:
            self.send_response(404)
            self.end_headers()
            return
        endpoint.received.append(
            {"method": self.command, "headers": dict(self.headers), "body": body}
        )
        index = min(len(endpoint.received) - 1, len(endpoint.answers) - 1)
        status, payload = endpoint.answers[index]
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


class PlatformServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.endpoints: dict[str, Endpoint] = {}

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@dataclass
class Platform:
    """The platform's side of the conversation."""

    server: PlatformServer
    issuer: str
    key: JWK = _KEY

    def url(self, path: str) -> str:
        return self.server.base + path

    def serve(self, path: str, *answers: tuple[int, Any]) -> Endpoint:
        endpoint = Endpoint(list(answers))
        self.server.endpoints[path] = endpoint
        return endpoint

    def register(self, session, **overrides) -> Any:
        fields = PlatformFields(
            name="Test LMS",
            issuer=self.issuer,
            client_id=CLIENT_ID,
            auth_login_url=self.url("/auth"),
            auth_token_url=self.url("/token"),
            key_set_url=self.url("/jwks"),
            deployment_ids=(DEPLOYMENT_ID,),
        )
        platform, _ = register_platform(session, PlatformFields(**{**fields.__dict__, **overrides}))
        session.commit()
        return platform

    def claims(self, nonce: str, roles: list[str], **overrides) -> dict[str, Any]:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "azp": CLIENT_ID,
            "sub": "lms-user-1",
            "exp": now + 300,
            "iat": now,
            "nonce": nonce,
            "name": "Ada Learner",
            "email": "ada@school.example",
            CLAIM + "message_type": "LtiResourceLinkRequest",
            CLAIM + "version": "1.3.0",
            CLAIM + "deployment_id": DEPLOYMENT_ID,
            CLAIM + "target_link_uri": "http://localhost/lti/launch",
            CLAIM + "resource_link": {"id": "resource-1", "title": "Quiz"},
            CLAIM + "roles": roles,
            CLAIM + "context": {"id": "course-7", "title": "History 7B", "label": "HIS7B"},
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def sign(self, claims: dict[str, Any], key: JWK | None = None) -> str:
        key = key or self.key
        pem = key.export_to_pem(private_key=True, password=None)
        return jwt.encode(claims, pem, algorithm="RS256", headers={"kid": key.kid})


def start_platform() -> Platform:
    server = PlatformServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    platform = Platform(server=server, issuer=server.base)
    platform.serve("/jwks", (200, {"keys": [{**_KEY.export_public(as_dict=True), "alg": "RS256"}]}))
    return platform


def other_key() -> JWK:
    return _OTHER_KEY


def login_initiation(client, platform: Platform) -> tuple[str, str]:
    """The platform starts a login; returns the (state, nonce) the tool sends it back with."""
    response = client.post(
        "/lti/login",
        data={
            "iss": platform.issuer,
            "login_hint": "lms-user-1",
            "target_link_uri": "http://localhost/lti/launch",
            "client_id": CLIENT_ID,
            "lti_message_hint": "hint",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    location = urlsplit(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == platform.url("/auth")
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    assert query["redirect_uri"] == "http://localhost/lti/launch"
    assert query["client_id"] == CLIENT_ID
    return query["state"], query["nonce"]


def launch(
    client, platform: Platform, roles: list[str], sign: Callable[[dict], str] | None = None, **kw
):
    """A whole launch: login initiation, then the signed id_token posted to the tool."""
    state, nonce = login_initiation(client, platform)
    claims = platform.claims(nonce, roles, **kw)
    token = (sign or platform.sign)(claims)
    return client.post("/lti/launch", data={"id_token": token, "state": state}), token, state


def new_subject() -> str:
    return "lms-" + uuid.uuid4().hex[:8]
