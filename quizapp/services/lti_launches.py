"""What a checked LTI launch does in quizapp: the LMS user becomes (or finds) an account, the
LMS course becomes (or finds) a class, and the learner is enrolled in it.

The launch's signature, nonce, audience and deployment are checked before this (by PyLTI1p3,
``quizapp/lti``); these services take the claims as data and never commit.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.lti_roles import quizapp_role
from quizapp.core.translatable import N_
from quizapp.models import (
    Enrollment,
    LtiContextLink,
    LtiPlatform,
    LtiResourceLink,
    LtiUserLink,
    Role,
    SchoolClass,
    User,
)
from quizapp.services.accounts import email_taken, new_account
from quizapp.services.classes import create_class, is_member
from quizapp.services.errors import LtiConflict, LtiError, LtiForbidden
from quizapp.services.lti_links import assign_picked_set

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
NRPS_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
# The custom parameter a deep-linked activity carries: the quiz set the teacher picked.
SET_PARAM = "quizapp_set"
MAX_NAME = 80
MAX_CLASS_NAME = 120


@dataclass(frozen=True)
class LaunchFacts:
    """The claims of a launch that quizapp uses."""

    subject: str
    name: str
    email: str
    roles: tuple[str, ...]
    context_id: str
    context_title: str
    resource_link_id: str = ""
    resource_title: str = ""
    lineitem_url: str = ""  # where the LMS takes this activity's scores (none: no grades)
    set_id: int | None = None  # the quiz set a deep-linked activity opens (its custom param)
    memberships_url: str = ""  # where the LMS lists the course's members (roster sync)
    # The deployment the launch came through (checked as registered before this): course and
    # activity ids are unique only within it.
    deployment_id: str = ""

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> LaunchFacts:
        """The facts of a checked launch; LtiError for a launch without a user or roles."""
        subject = claims.get("sub")
        roles = claims.get(CLAIM + "roles")
        if not isinstance(subject, str) or not subject or len(subject) > 255:
            raise LtiError(N_("The launch names no user (sub)."))
        if not isinstance(roles, list):
            raise LtiError(N_("The launch has no roles claim."))
        context = _object(claims, CLAIM + "context")
        resource = _object(claims, CLAIM + "resource_link")
        return cls(
            subject=subject,
            name=display_name(claims),
            email=str(claims.get("email") or "").strip().lower(),
            roles=tuple(r for r in roles if isinstance(r, str)),
            context_id=_text_id(context.get("id")),
            context_title=str(context.get("title") or context.get("label") or "").strip(),
            resource_link_id=_text_id(resource.get("id")),
            resource_title=str(resource.get("title") or "").strip()[:200],
            lineitem_url=_lineitem(claims.get(AGS_ENDPOINT)),
            set_id=_set_id(_object(claims, CLAIM + "custom").get(SET_PARAM)),
            memberships_url=_web_address(
                _object(claims, NRPS_SERVICE).get("context_memberships_url")
            ),
            deployment_id=_text_id(claims.get(CLAIM + "deployment_id"))[:255],
        )


def _set_id(value: Any) -> int | None:
    text = str(value or "")
    return int(text) if text.isascii() and text.isdecimal() and 0 < int(text) < 2**31 else None


def _object(claims: dict[str, Any], name: str) -> dict[str, Any]:
    value = claims.get(name)
    return value if isinstance(value, dict) else {}


def _text_id(value: Any) -> str:
    return value if isinstance(value, str) else ""


def display_name(claims: dict[str, Any]) -> str:
    """The person's name from OIDC name claims (a launch's or a roster member's)."""
    given = " ".join(str(claims.get(part) or "") for part in ("given_name", "family_name"))
    name = str(claims.get("name") or given.strip() or "LMS user")
    return " ".join(name.split())[:MAX_NAME] or "LMS user"


def _lineitem(endpoint: Any) -> str:
    """The line item a launch may post scores to: only with the score scope granted."""
    if not isinstance(endpoint, dict) or SCORE_SCOPE not in (endpoint.get("scope") or []):
        return ""
    return _web_address(endpoint.get("lineitem"))


def _web_address(url: Any) -> str:
    ok = isinstance(url, str) and url.startswith(("http://", "https://")) and len(url) <= 500
    return url if ok else ""


@dataclass(frozen=True)
class Landing:
    """Where a launch ends: the account to log in, its class (if the launch had a course),
    and whether the account teaches that class."""

    user: User
    school_class: SchoolClass | None
    teaches: bool
    resource_link: LtiResourceLink | None = None


def _placeholder_email(platform: LtiPlatform, subject: str) -> str:
    # An address no one receives mail at (.invalid is reserved for that, RFC 2606), unique per
    # platform and LMS user, for an LMS that shares no email.
    digest = hashlib.sha256(f"{platform.id}:{subject}".encode()).hexdigest()[:20]
    return f"lti-{platform.id}-{digest}@lti.invalid"


def linked_user(session: Session, platform: LtiPlatform, facts: LaunchFacts, role: str) -> User:
    """The account linked to this LMS user, made on their first launch.

    A new account takes the LMS's email when no account has it yet (then a password reset
    lets its owner log in without the LMS too); an existing account with that email is never
    taken over by a launch: the LMS user gets an account of their own.
    """
    link = session.scalar(
        sa.select(LtiUserLink).where(
            LtiUserLink.platform_id == platform.id, LtiUserLink.subject == facts.subject
        )
    )
    if link is not None:
        user = session.get(User, link.user_id)
        assert user is not None  # the foreign key cascades
        if role == Role.TEACHER and user.role == Role.STUDENT:
            user.role = Role.TEACHER  # the LMS made them an instructor since
        return user
    email = facts.email
    if not email or len(email) > 254 or email_taken(session, email):
        email = _placeholder_email(platform, facts.subject)
    user = new_account(email, facts.name, secrets.token_urlsafe(32), role)
    session.add(user)
    session.flush()
    session.add(LtiUserLink(platform_id=platform.id, subject=facts.subject, user_id=user.id))
    return user


def _linked_class(
    session: Session, platform: LtiPlatform, facts: LaunchFacts, user: User
) -> SchoolClass | None:
    """The class of the launch's course: made by an instructor's first launch from it; a
    learner's launch from a course no instructor opened yet is refused (the class needs its
    teacher)."""
    if not facts.context_id or len(facts.context_id) > 255:
        return None
    link = session.scalar(
        sa.select(LtiContextLink).where(
            LtiContextLink.platform_id == platform.id,
            LtiContextLink.deployment_id == facts.deployment_id,
            LtiContextLink.context_id == facts.context_id,
        )
    )
    if link is not None:
        if facts.memberships_url:
            link.memberships_url = facts.memberships_url
        return session.get(SchoolClass, link.class_id)
    if not user.is_teacher:
        raise LtiConflict(
            "Your teacher has not opened quizapp from this course yet. "
            "Ask them to, then open it again."
        )
    title = facts.context_title[:MAX_CLASS_NAME] or "Course from the LMS"
    school_class = create_class(session, user.id, title)
    session.flush()
    session.add(
        LtiContextLink(
            platform_id=platform.id,
            deployment_id=facts.deployment_id,
            context_id=facts.context_id,
            class_id=school_class.id,
            memberships_url=facts.memberships_url or None,
        )
    )
    return school_class


def apply_launch(session: Session, platform: LtiPlatform, facts: LaunchFacts) -> Landing:
    """The account and class a checked launch lands on, linked, made and enrolled as needed.

    LtiForbidden for a role quizapp has no account for (a guest, an observer).
    """
    role = quizapp_role(facts.roles)
    if role is None:
        raise LtiForbidden(N_("quizapp opens for the course's instructors and learners only."))
    user = linked_user(session, platform, facts, role)
    school_class = _linked_class(session, platform, facts, user)
    if school_class is None:
        return Landing(user, None, False)
    resource_link = _resource_link(session, platform, facts, school_class)
    if school_class.teacher_id == user.id:
        return Landing(user, school_class, True, resource_link)
    if role == Role.STUDENT and not is_member(session, school_class.id, user.id):
        session.add(Enrollment(class_id=school_class.id, student_id=user.id))
    return Landing(user, school_class, False, resource_link)


def _resource_link(
    session: Session, platform: LtiPlatform, facts: LaunchFacts, school_class: SchoolClass
) -> LtiResourceLink | None:
    """The launch's activity, recorded with its line item (the newest the LMS names).

    None for an activity id already linked in another course's class of the same deployment
    (a forged or confused launch): it must not move that activity's grade column (nor open its
    assignment)."""
    if not facts.resource_link_id or len(facts.resource_link_id) > 255:
        return None
    link = session.scalar(
        sa.select(LtiResourceLink).where(
            LtiResourceLink.platform_id == platform.id,
            LtiResourceLink.deployment_id == facts.deployment_id,
            LtiResourceLink.resource_link_id == facts.resource_link_id,
        )
    )
    if link is not None and link.class_id != school_class.id:
        return None
    if link is None:
        link = LtiResourceLink(
            platform_id=platform.id,
            deployment_id=facts.deployment_id,
            resource_link_id=facts.resource_link_id,
            class_id=school_class.id,
            title=facts.resource_title,
        )
        session.add(link)
    if facts.lineitem_url and len(facts.lineitem_url) <= 500:
        link.lineitem_url = facts.lineitem_url
    session.flush()
    if link.assignment_id is None and facts.set_id is not None:
        assign_picked_set(session, link, school_class, facts.set_id)
    return link
