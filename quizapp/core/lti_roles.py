"""Which quizapp role an LMS user gets, from the LTI roles claim of their launch."""

from __future__ import annotations

from collections.abc import Iterable

# LTI 1.3 roles are URIs; the last part after '#' names the role, in the context
# (membership#Instructor), the institution (institution/person#Instructor) or the system.
TEACHING_ROLES = frozenset({"Instructor", "TeachingAssistant", "Administrator", "ContentDeveloper"})
LEARNING_ROLES = frozenset({"Learner", "Student"})


def _role_names(roles: Iterable[str]) -> set[str]:
    return {role.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for role in roles if isinstance(role, str)}


def quizapp_role(roles: Iterable[str]) -> str | None:
    """``"teacher"`` for an instructor, ``"student"`` for a learner, ``None`` for anyone else
    (a guest or an observer gets no account). Teaching wins when a user holds both."""
    names = _role_names(roles)
    if names & TEACHING_ROLES:
        return "teacher"
    if names & LEARNING_ROLES:
        return "student"
    return None
