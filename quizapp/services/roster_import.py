"""A teacher's roster import: what each line of the file will do, then doing it all at once.

:func:`plan_roster` reads the database and writes nothing, for the preview; :func:`apply_roster`
plans again (the database may have changed since the preview) and enrols every student, making
accounts for new emails. Services never commit: the route commits once, so a roster goes in
whole or not at all, and sends the invitations only after that.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.roster_csv import RosterLine
from quizapp.core.translatable import N_
from quizapp.models import Enrollment, SchoolClass, User
from quizapp.services.accounts import new_account
from quizapp.services.errors import NotNow


class Outcome(StrEnum):
    ENROL = "enrol"  # an existing student account joins the class
    INVITE = "invite"  # a new student account is made, and mailed a set-your-password link
    SKIP = "skip"  # nothing happens; the reason says why


ROSTER_CHANGED = N_(
    "The class or its students changed since the preview (someone joined or signed up). "
    "Nothing was imported; check the new preview and confirm again."
)


@dataclass(frozen=True)
class RosterEntry:
    line: RosterLine
    outcome: Outcome
    reason: str | None = None
    user: User | None = None  # the existing account, for ENROL


@dataclass(frozen=True)
class RosterPlan:
    entries: list[RosterEntry]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for entry in self.entries if entry.outcome == outcome)

    @property
    def fingerprint(self) -> str:
        """Changes whenever any line's outcome does: the confirm form carries the preview's,
        so a roster is never applied other than as the teacher saw it."""
        text = "\n".join(f"{e.line.email}:{e.outcome}" for e in self.entries)
        return hashlib.sha256(text.encode()).hexdigest()[:32]


def plan_roster(session: Session, school_class: SchoolClass, lines: list[RosterLine]) -> RosterPlan:
    """What importing ``lines`` into ``school_class`` would do to each, in two queries."""
    emails = {line.email for line in lines if line.problem is None}
    accounts = {
        user.email: user for user in session.scalars(sa.select(User).where(User.email.in_(emails)))
    }
    enrolled = set(
        session.scalars(
            sa.select(Enrollment.student_id).where(Enrollment.class_id == school_class.id)
        )
    )
    return RosterPlan([_entry(line, accounts.get(line.email), enrolled) for line in lines])


def _entry(line: RosterLine, user: User | None, enrolled: set[int]) -> RosterEntry:
    if line.problem is not None:
        return RosterEntry(line, Outcome.SKIP, line.problem)
    if user is None:
        return RosterEntry(line, Outcome.INVITE)
    if user.is_teacher:
        return RosterEntry(line, Outcome.SKIP, N_("a teacher's account"))
    if user.id in enrolled:
        return RosterEntry(line, Outcome.SKIP, N_("already in this class"))
    return RosterEntry(line, Outcome.ENROL, user=user)


def apply_roster(
    session: Session, school_class: SchoolClass, lines: list[RosterLine], fingerprint: str
) -> tuple[RosterPlan, list[User]]:
    """Enrol every student the plan names, making the new accounts (role student, a random
    password no one knows until they choose theirs); the plan and the new accounts, to be
    invited once committed. NotNow when the plan is no longer the one previewed."""
    plan = plan_roster(session, school_class, lines)
    if plan.fingerprint != fingerprint:
        raise NotNow(ROSTER_CHANGED)
    invited = []
    for entry in plan.entries:
        student = entry.user
        if entry.outcome == Outcome.INVITE:
            student = new_account(entry.line.email, entry.line.name, secrets.token_urlsafe(32))
            session.add(student)
            invited.append(student)
        if student is not None:
            session.add(Enrollment(class_id=school_class.id, student=student))
    return plan, invited
