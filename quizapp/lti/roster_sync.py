"""Fetching a course's members from the LMS (Names and Role Provisioning) through PyLTI1p3:
an access token for the membership scope, then every page of the membership list."""

from __future__ import annotations

from typing import Any

import requests
from pylti1p3.exception import LtiException
from pylti1p3.names_roles import NamesRolesProvisioningService
from pylti1p3.service_connector import ServiceConnector
from sqlalchemy.orm import Session

from quizapp.lti.tool import DatabaseToolConf, TimedSession
from quizapp.models import LtiContextLink, LtiPlatform
from quizapp.services.errors import LtiError
from quizapp.services.lti_roster import RosterReport, apply_roster


class RosterUnavailable(LtiError):
    """The LMS did not give the roster (down, or it refused the tool's token)."""

    status = 502


def fetch_members(session: Session, link: LtiContextLink) -> list[dict[str, Any]]:
    platform = session.get(LtiPlatform, link.platform_id)
    connector = ServiceConnector(
        DatabaseToolConf(session).registration(platform), requests_session=TimedSession()
    )
    service = NamesRolesProvisioningService(
        connector, {"context_memberships_url": link.memberships_url}
    )
    try:
        return list(service.get_members())
    except (LtiException, requests.RequestException, ValueError, KeyError) as error:
        raise RosterUnavailable(
            f"{platform.name} did not give the course's roster ({type(error).__name__}). "
            "Try again later."
        ) from error


def sync_roster(session: Session, link: LtiContextLink) -> RosterReport:
    """Fetch the course's members and enrol its learners (the caller commits)."""
    return apply_roster(session, link, fetch_members(session, link))
