"""Posting the grade outbox to the LMSs (Assignment and Grade Services), through PyLTI1p3: an
access token from the platform's token URL (a client-credentials JWT signed with the tool's
key), then the score to the activity's line item."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector
from sqlalchemy.orm import Session

from quizapp.lti.tool import DatabaseToolConf, TimedSession
from quizapp.models import LtiGradeOutbox, LtiPlatform, LtiResourceLink
from quizapp.services.lti_grades import next_due_grade, record_failure, record_sent
from quizapp.services.lti_launches import SCORE_SCOPE


@dataclass
class SendReport:
    sent: int = 0
    failed: list[str] = field(default_factory=list)


def _score(row: LtiGradeOutbox) -> Grade:
    return (
        Grade()
        .set_score_given(row.score_given)
        .set_score_maximum(row.score_maximum)
        .set_timestamp(row.graded_at.isoformat(timespec="milliseconds") + "Z")
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_user_id(row.subject)
    )


def _failure_text(error: Exception) -> str:
    response = getattr(error, "response", None)
    if response is not None and getattr(response, "status_code", None):
        return f"HTTP {response.status_code} from {response.url}"
    return f"{type(error).__name__}: {error}"


def send_due_grades(session: Session, now: Callable, limit: int) -> SendReport:
    """Post up to ``limit`` due grades, oldest first, committing each one's outcome on its own:
    a grade is marked sent in the transaction right after the LMS took it, and a failure only
    moves its next try later (nothing is dropped)."""
    tool = DatabaseToolConf(session)
    http = TimedSession()
    connectors: dict[int, ServiceConnector] = {}  # one access token per platform and run
    report = SendReport()
    for _ in range(limit):
        row = next_due_grade(session, now())
        if row is None:
            break
        link = session.get(LtiResourceLink, row.resource_link_id)
        platform = session.get(LtiPlatform, link.platform_id)
        connector = connectors.get(platform.id)
        if connector is None:
            connector = connectors[platform.id] = ServiceConnector(
                tool.registration(platform), requests_session=http
            )
        service = AssignmentsGradesService(
            connector, {"scope": [SCORE_SCOPE], "lineitem": link.lineitem_url}
        )
        try:
            service.put_grade(_score(row))
        except (LtiException, requests.RequestException, ValueError, KeyError) as error:
            connectors.pop(platform.id, None)  # a refused token is not kept
            record_failure(row, now(), _failure_text(error))
            report.failed.append(f"attempt {row.attempt_id}: {row.last_error}")
        else:
            record_sent(row, now())
            report.sent += 1
        session.commit()
    return report
