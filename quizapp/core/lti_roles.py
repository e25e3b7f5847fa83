"""Which quizapp role an LMS user gets, from the LTI roles claim of their launch."""

from __future__ import annotations

from collections.abc import Iterable

# LTI 1.3 roles are URIs; the last part after '#' names the role, in the context
# (membership#Instructor), the institution (institution/person#Instructor) or the system.
TEACHING_ROLES = frozenset({"Instructor", "TeachingAssistant", "Administrator", "ContentDeveloper"})
LEARNING_ROLES = frozenset({"Learner", "Student"})
# The roles a person holds in the launch's course (LTI 1.3 context roles, their LTI 1.1 URNs,
# and the simple names the spec still allows for them). Only these make a teacher: an
# institution or system role ("an instructor somewhere in the school", "an administrator of
# the LMS") says nothing about this course, whose learners would otherwise get a teacher's
# account, and open its class first, by a role they hold elsewhere.
CONTEXT_ROLE_PREFIXES = ("http://purl.imsglobal.org/vocab/lis/v2/membership", "urn:lti:role:")


def _role_name(role: str) -> str:
    return role.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _is_context_role(role: str) -> bool:
    return role.startswith(CONTEXT_ROLE_PREFIXES) or ":" not in role


def quizapp_role(roles: Iterable[str]) -> str | None:
    """``"teacher"`` for an instructor of the course, ``"student"`` for a learner, ``None``
    for anyone else (a guest or an observer gets no account). Teaching wins when a user holds
    both; it must be a course (context) role, where a learner's role may be any."""
    roles = [role for role in roles if isinstance(role, str)]
    if any(_is_context_role(r) and _role_name(r) in TEACHING_ROLES for r in roles):
        return "teacher"
    if any(_role_name(r) in LEARNING_ROLES for r in roles):
        return "student"
    return None
