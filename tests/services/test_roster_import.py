"""Roster import through the service: each line's outcome, then all of it in one go."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.core.roster_csv import read_roster
from quizapp.models import Enrollment, User
from quizapp.services.errors import NotNow
from quizapp.services.roster_import import Outcome, apply_roster, plan_roster
from tests.builders import enrol, make_class


@pytest.fixture
def world(db, make_teacher, make_student):
    teacher = make_teacher(email="teacher@example.org")
    school_class = make_class(db, teacher)
    member = make_student(email="member@example.org")
    known = make_student(email="known@example.org", name="Known Student")
    enrol(db, school_class, member)
    return school_class, teacher, member, known


ROSTER = (
    "name,email\n"
    "Known S,Known@example.org\n"
    "New Student,new@example.org\n"
    "Member,member@example.org\n"
    "The Teacher,teacher@example.org\n"
    "Typo,new.example.org\n"
    "New Again,NEW@example.org\n"
)


def _outcomes(plan):
    return [(e.line.number, e.outcome, e.reason) for e in plan.entries]


def test_each_line_gets_its_outcome_with_a_reason_when_skipped(db, world):
    school_class, *_ = world
    plan = plan_roster(db.session, school_class, read_roster(ROSTER))
    assert _outcomes(plan) == [
        (2, Outcome.ENROL, None),
        (3, Outcome.INVITE, None),
        (4, Outcome.SKIP, "already in this class"),
        (5, Outcome.SKIP, "a teacher's account"),
        (6, Outcome.SKIP, "not a valid email"),
        (7, Outcome.SKIP, "a duplicate of line 3"),
    ]
    assert (plan.count(Outcome.ENROL), plan.count(Outcome.INVITE)) == (1, 1)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 3  # nothing written


def test_applying_enrols_the_known_and_makes_new_student_accounts(db, world):
    school_class, _teacher, member, known = world
    lines = read_roster(ROSTER)
    preview = plan_roster(db.session, school_class, lines)
    _plan, invited = apply_roster(db.session, school_class, lines, preview.fingerprint)
    db.session.commit()
    new = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
    assert invited == [new]
    assert new.role == "student" and new.display_name == "New Student"
    assert not new.check_password("")  # a random password until the invitation is used
    members = set(
        db.session.scalars(
            sa.select(Enrollment.student_id).where(Enrollment.class_id == school_class.id)
        )
    )
    assert members == {member.id, known.id, new.id}
    assert db.session.get(User, known.id).display_name == "Known Student"  # left as it was


def test_a_roster_changed_since_the_preview_is_refused_and_writes_nothing(db, world, make_student):
    school_class, *_ = world
    lines = read_roster(ROSTER)
    preview = plan_roster(db.session, school_class, lines)
    make_student(email="new@example.org")  # signed up meanwhile: now an enrolment, not an invite
    with pytest.raises(NotNow, match="changed since the preview"):
        apply_roster(db.session, school_class, lines, preview.fingerprint)
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Enrollment.id))) == 1


def test_the_plan_takes_two_queries_however_long_the_roster(db, world, count_queries):
    school_class, *_ = world
    lines = read_roster("".join(f"S{i},s{i}@example.org\n" for i in range(300)))
    db.session.refresh(school_class)  # loaded before counting: only the plan's queries count
    with count_queries() as queries:
        plan = plan_roster(db.session, school_class, lines)
    assert plan.count(Outcome.INVITE) == 300
    assert len(queries) == 2
