"""Names and Role Provisioning: the course's learners, as the LMS lists them, enrolled in its
class (each linked to an account, made on first sight as a launch would). Members who left
the course stay in the class: nothing a learner did is lost. Services never commit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.lti_roles import quizapp_role
from quizapp.core.translatable import N_
from quizapp.models import Enrollment, LtiContextLink, LtiPlatform, Role, SchoolClass
from quizapp.services.classes import is_member
from quizapp.services.errors import LtiConflict, NotFound
from quizapp.services.lti_launches import LaunchFacts, display_name, linked_user


@dataclass
class RosterReport:
    enrolled: int = 0
    already: int = 0
    skipped: int = 0  # instructors, inactive members, members without an id

    def sentence(self) -> str:
        return (
            f"{self.enrolled} learners enrolled, {self.already} already in the class, "
            f"{self.skipped} members skipped (instructors, inactive or without an id)."
        )


def roster_link(session: Session, class_id: int, teacher_id: int) -> LtiContextLink:
    """The LMS course of the teacher's class, with its members' address; 404 for another
    teacher's class, 409 for a class no LMS launch has said where its roster is."""
    school_class = session.get(SchoolClass, class_id)
    if school_class is None or school_class.teacher_id != teacher_id:
        raise NotFound(N_("There is no such class among yours."))
    link = session.scalar(
        sa.select(LtiContextLink)
        .where(LtiContextLink.class_id == class_id, LtiContextLink.memberships_url.is_not(None))
        .limit(1)
    )
    if link is None:
        raise LtiConflict("This class has no LMS roster: open quizapp from the course first.")
    return link


def has_lms_roster(session: Session, class_id: int) -> bool:
    """Whether the class is an LMS course whose roster the LMS lets the tool read."""
    found = session.scalar(
        sa.select(LtiContextLink.id)
        .where(LtiContextLink.class_id == class_id, LtiContextLink.memberships_url.is_not(None))
        .limit(1)
    )
    return found is not None


def linked_rosters(session: Session) -> list[LtiContextLink]:
    """Every class whose LMS gave a roster address, for ``flask lti sync-roster --all``."""
    return list(
        session.scalars(
            sa.select(LtiContextLink)
            .where(LtiContextLink.memberships_url.is_not(None))
            .order_by(LtiContextLink.id)
        )
    )


def _member_facts(member: dict[str, Any]) -> LaunchFacts | None:
    subject, roles = member.get("user_id"), member.get("roles")
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        return None
    if member.get("status", "Active") != "Active" or not isinstance(roles, list):
        return None
    return LaunchFacts(
        subject=subject,
        name=display_name(member),
        email=str(member.get("email") or "").strip().lower(),
        roles=tuple(r for r in roles if isinstance(r, str)),
        context_id="",
        context_title="",
    )


def apply_roster(
    session: Session, link: LtiContextLink, members: list[dict[str, Any]]
) -> RosterReport:
    """Enrol the roster's active learners in the link's class."""
    platform = session.get(LtiPlatform, link.platform_id)
    school_class = session.get(SchoolClass, link.class_id)
    report = RosterReport()
    for member in members:
        facts = _member_facts(member) if isinstance(member, dict) else None
        if facts is None or quizapp_role(facts.roles) != Role.STUDENT:
            report.skipped += 1
            continue
        user = linked_user(session, platform, facts, Role.STUDENT)
        if user.id == school_class.teacher_id or is_member(session, school_class.id, user.id):
            report.already += 1
            continue
        session.add(Enrollment(class_id=school_class.id, student_id=user.id))
        session.flush()
        report.enrolled += 1
    return report
