"""PyLTI1p3 wired to quizapp's database: the tool configuration is read from the registered
platforms (a :class:`ToolConfAbstract` subclass), and what the library keeps between a login
and its launch lives in ``lti_launch_value`` rows, so a nonce is used once on any server."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import requests
import sqlalchemy as sa
from pylti1p3.deployment import Deployment
from pylti1p3.launch_data_storage.base import LaunchDataStorage
from pylti1p3.registration import Registration
from pylti1p3.session import SessionService
from pylti1p3.tool_config import ToolConfAbstract
from sqlalchemy.orm import Session

from quizapp.core.clock import utcnow
from quizapp.models import LtiDeployment, LtiLaunchValue, LtiPlatform
from quizapp.services.lti_registry import tool_key, tool_public_keys

# An LMS that does not answer must not hold a sender, a command or a request for ever.
REQUEST_TIMEOUT_SECONDS = 20


class TimedSession(requests.Session):
    """A requests session whose calls time out (requests has no default timeout)."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", REQUEST_TIMEOUT_SECONDS)
        return super().request(*args, **kwargs)


# A login's nonce is good for this long: the platform answers the login within seconds.
NONCE_SECONDS = 600
# What the library keeps about a launch (for deep linking and the services).
LAUNCH_SECONDS = 3600


class DatabaseToolConf(ToolConfAbstract):
    """The registered platforms as the library's tool configuration.

    Every issuer may have several client ids (the library's "many clients" shape), so a
    registration is found by issuer and client id; a login that names no client id finds the
    issuer's only registration.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def platform(self, iss: str, client_id: str | None) -> LtiPlatform | None:
        """The registered platform for this issuer and client id (or its only one)."""
        query = sa.select(LtiPlatform).where(LtiPlatform.issuer == iss)
        if client_id:
            query = query.where(LtiPlatform.client_id == client_id)
        found = self._session.scalars(query.limit(2)).all()
        return found[0] if len(found) == 1 else None

    def registration(self, platform: LtiPlatform) -> Registration:
        """The library's registration of ``platform``, with the tool's key pair."""
        key = tool_key(self._session)
        return (
            Registration()
            .set_issuer(platform.issuer)
            .set_client_id(platform.client_id)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_key_set_url(platform.key_set_url)
            .set_tool_private_key(key.private_key_pem)
            .set_tool_public_key(key.public_key_pem)
        )

    def find_registration_by_issuer(self, iss: str, *args, **kwargs) -> Registration | None:
        platform = self.platform(iss, None)
        return self.registration(platform) if platform else None

    def find_registration_by_params(
        self, iss: str, client_id: str, *args, **kwargs
    ) -> Registration | None:
        platform = self.platform(iss, client_id)
        return self.registration(platform) if platform else None

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(
        self, iss: str, deployment_id: str, client_id: str | None, *args, **kwargs
    ) -> Deployment | None:
        platform = self.platform(iss, client_id)
        if platform is None or not isinstance(deployment_id, str):
            return None
        known = self._session.scalar(
            sa.select(LtiDeployment.id).where(
                LtiDeployment.platform_id == platform.id,
                LtiDeployment.deployment_id == deployment_id,
            )
        )
        return Deployment().set_deployment_id(deployment_id) if known else None

    def get_jwks(self, iss: str | None = None, client_id: str | None = None, **kwargs):
        """Every public key the tool signs with, whatever the platform."""
        return {"keys": [Registration.get_jwk(pem) for pem in tool_public_keys(self._session)]}


class DatabaseLaunchStorage(LaunchDataStorage):
    """The library's key-value store, in ``lti_launch_value`` (no cookie names a session:
    every key is a random uuid already)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def get_session_cookie_name(self) -> None:
        return None

    def set_session_id(self, session_id: str) -> None:
        pass

    def can_set_keys_expiration(self) -> bool:
        return True

    def _live(self, key: str):
        return sa.and_(LtiLaunchValue.key == key[:255], LtiLaunchValue.expires_at > utcnow())

    def get_value(self, key: str) -> Any:
        raw = self._session.scalar(sa.select(LtiLaunchValue.value).where(self._live(key)))
        return json.loads(raw) if raw is not None else None

    def set_value(self, key: str, value: Any, exp: int | None = None) -> None:
        self._session.execute(sa.delete(LtiLaunchValue).where(LtiLaunchValue.key == key[:255]))
        expires = utcnow() + timedelta(seconds=exp or LAUNCH_SECONDS)
        self._session.add(
            LtiLaunchValue(key=key[:255], value=json.dumps(value), expires_at=expires)
        )
        self._session.flush()

    def check_value(self, key: str) -> bool:
        return self._session.scalar(sa.select(LtiLaunchValue.id).where(self._live(key))) is not None

    def consume(self, key: str) -> bool:
        """Whether ``key`` was there and unexpired; it is gone afterwards. Two requests with the
        same key: the database lets only one delete the row."""
        result = self._session.execute(sa.delete(LtiLaunchValue).where(self._live(key)))
        return result.rowcount == 1

    def forget_expired(self) -> None:
        self._session.execute(
            sa.delete(LtiLaunchValue).where(LtiLaunchValue.expires_at <= utcnow())
        )


class OneTimeNonces(SessionService):
    """The library's session service, with a nonce that a launch uses up: a replayed launch
    (the same signed token posted again) finds its nonce gone and is refused."""

    data_storage: DatabaseLaunchStorage

    def save_nonce(self, nonce: str) -> None:
        self.data_storage.set_value(self._get_key("nonce", nonce), True, exp=NONCE_SECONDS)

    def check_nonce(self, nonce: str) -> bool:
        return isinstance(nonce, str) and self.data_storage.consume(self._get_key("nonce", nonce))

    # The library would remember a checked state for good (so that reloading the launch page
    # passes): kept in our shared table that would let any browser holding the token past the
    # state check. A launch is posted once; its state is only ever the login's cookie.
    def set_state_valid(self, state: str, id_token_hash: str) -> None:
        return None

    def check_state_is_valid(self, state: str, id_token_hash: str) -> bool:
        return False
