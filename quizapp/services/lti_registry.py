"""Platforms (LMSs) registered by an admin, and the tool's own key pair.

Services take the session and never commit; the route or command commits once.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import sqlalchemy as sa
from jwcrypto.jwk import JWK
from sqlalchemy.orm import Session

from quizapp.core.translatable import N_, Phrase
from quizapp.models import LtiDeployment, LtiPlatform, LtiToolKey
from quizapp.services.errors import LtiError, NotFound

TOOL_KEY_BITS = 2048  # what LTI 1.3 requires at least (RS256)
MAX_URL = 500
MAX_ID = 255
MAX_DEPLOYMENTS = 50


@dataclass(frozen=True)
class PlatformFields:
    """What an admin copies from the LMS's tool registration page."""

    name: str
    issuer: str
    client_id: str
    auth_login_url: str
    auth_token_url: str
    key_set_url: str
    deployment_ids: tuple[str, ...]


# Each field's label is a phrase (``Phrase(N_(...))``): the refusal names the field in the
# admin's language (``quizapp.i18n.refusal_text`` words its values), in English for the CLI.


def _checked_url(label: str, raw: str) -> str:
    url = raw.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        raise LtiError(
            N_("The %(field)s must be an https:// address (at most %(most)s characters)."),
            field=label,
            most=MAX_URL,
        )
    return url


def _checked_id(label: str, raw: str) -> str:
    value = raw.strip()
    if not value or len(value) > MAX_ID or not value.isprintable():
        raise LtiError(
            N_("Give the %(field)s (1 to %(most)s printable characters)."), field=label, most=MAX_ID
        )
    return value


def _checked(fields: PlatformFields) -> PlatformFields:
    deployments = tuple(dict.fromkeys(d.strip() for d in fields.deployment_ids if d.strip()))
    if not deployments:
        raise LtiError(
            N_("Give at least one deployment id (the LMS shows it after adding the tool).")
        )
    if len(deployments) > MAX_DEPLOYMENTS:
        raise LtiError(N_("At most %(most)s deployment ids per platform."), most=MAX_DEPLOYMENTS)
    return PlatformFields(
        name=_checked_id(Phrase(N_("name")), fields.name)[:120],
        issuer=_checked_url(Phrase(N_("issuer (platform id)")), fields.issuer),
        client_id=_checked_id(Phrase(N_("client id")), fields.client_id),
        auth_login_url=_checked_url(Phrase(N_("OIDC authentication URL")), fields.auth_login_url),
        auth_token_url=_checked_url(Phrase(N_("access token URL")), fields.auth_token_url),
        key_set_url=_checked_url(Phrase(N_("public keyset (JWKS) URL")), fields.key_set_url),
        deployment_ids=tuple(_checked_id(Phrase(N_("deployment id")), d) for d in deployments),
    )


def register_platform(session: Session, fields: PlatformFields) -> tuple[LtiPlatform, bool]:
    """The platform with these fields, and whether it is new.

    Registering an issuer and client id again updates its endpoints and adds the deployment
    ids not yet known (none is removed: launches from it keep working). Every field is checked
    first; :class:`LtiError` says which one is wrong and nothing is written.
    """
    fields = _checked(fields)
    platform = session.scalar(
        sa.select(LtiPlatform).where(
            LtiPlatform.issuer == fields.issuer, LtiPlatform.client_id == fields.client_id
        )
    )
    created = platform is None
    if platform is None:
        platform = LtiPlatform(issuer=fields.issuer, client_id=fields.client_id)
        session.add(platform)
    platform.name = fields.name
    platform.auth_login_url = fields.auth_login_url
    platform.auth_token_url = fields.auth_token_url
    platform.key_set_url = fields.key_set_url
    known = {d.deployment_id for d in platform.deployments}
    for deployment_id in fields.deployment_ids:
        if deployment_id not in known:
            platform.deployments.append(LtiDeployment(deployment_id=deployment_id))
    return platform, created


def platforms(session: Session) -> list[LtiPlatform]:
    return list(session.scalars(sa.select(LtiPlatform).order_by(LtiPlatform.name, LtiPlatform.id)))


def delete_platform(session: Session, platform_id: int) -> LtiPlatform:
    """Forget a platform: its launches are refused from now on; the accounts and classes its
    launches made stay (only the links to the LMS go)."""
    platform = session.get(LtiPlatform, platform_id)
    if platform is None:
        raise NotFound(N_("No such platform."))
    session.delete(platform)
    return platform


def platform_origins(session: Session) -> list[str]:
    """The web origins (scheme://host[:port]) of every registered platform: the pages that may
    frame quizapp. An LMS serves its pages from its issuer's and its login URL's origin."""
    origins: set[str] = set()
    rows = session.execute(sa.select(LtiPlatform.issuer, LtiPlatform.auth_login_url)).all()
    for issuer, login_url in rows:
        for url in (issuer, login_url):
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.netloc:
                origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


def tool_key(session: Session) -> LtiToolKey:
    """The tool's key pair, made (and added to the session) the first time it is asked for.

    Should two servers make one at once, both keep the oldest from then on: the JWKS serves
    every key, so either signature is checked.
    """
    key = session.scalar(sa.select(LtiToolKey).order_by(LtiToolKey.id).limit(1))
    if key is None:
        jwk = JWK.generate(kty="RSA", size=TOOL_KEY_BITS)
        key = LtiToolKey(
            private_key_pem=jwk.export_to_pem(private_key=True, password=None).decode(),
            public_key_pem=jwk.export_to_pem().decode(),
        )
        session.add(key)
        session.flush()
    return key


def tool_public_keys(session: Session) -> list[str]:
    """Every public key the tool has signed with (PEM), oldest first."""
    return list(session.scalars(sa.select(LtiToolKey.public_key_pem).order_by(LtiToolKey.id)))
