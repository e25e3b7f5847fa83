"""Classes: create one with a join code, the roster, joining and leaving."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.translatable import N_
from quizapp.models import Enrollment, SchoolClass, User
from quizapp.services.errors import NotFound, NotNow, TeachingError

# No 0/O or 1/I/L, so a code read aloud or copied from a board cannot be mistyped that way.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8  # 31**8 ~ 8.5e11 codes: guessing one is not practical
MAX_CLASS_NAME = 120


@dataclass(frozen=True)
class ClassSummary:
    school_class: SchoolClass
    students: int


def normalise_code(raw: str) -> str:
    """Upper case without spaces or dashes, so "abcd-efgh" and "ABCD EFGH" both work."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def new_join_code(session: Session) -> str:
    """A random code no class has yet."""
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if session.scalar(sa.select(SchoolClass.id).where(SchoolClass.join_code == code)) is None:
            return code


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise TeachingError(N_("Give the class a name."))
    if len(name) > MAX_CLASS_NAME:
        raise TeachingError(
            N_("A class name has at most %(limit)s characters."), limit=MAX_CLASS_NAME
        )
    return name


def create_class(session: Session, teacher_id: int, name: str) -> SchoolClass:
    school_class = SchoolClass(
        teacher_id=teacher_id, name=_clean_name(name), join_code=new_join_code(session)
    )
    session.add(school_class)
    return school_class


def new_code_for(session: Session, school_class: SchoolClass) -> str:
    """Replace the join code (a leaked code stops working; members stay)."""
    school_class.join_code = new_join_code(session)
    return school_class.join_code


def owned_class(session: Session, class_id: int, teacher_id: int) -> SchoolClass:
    """The class if ``teacher_id`` teaches it; :class:`NotFound` otherwise."""
    school_class = session.get(SchoolClass, class_id)
    if school_class is None or school_class.teacher_id != teacher_id:
        raise NotFound(N_("There is no such class among yours."))
    return school_class


def teacher_classes(session: Session, teacher_id: int) -> list[ClassSummary]:
    """The teacher's classes by name, with their number of students, in one query."""
    count = (
        sa.select(sa.func.count(Enrollment.id))
        .where(Enrollment.class_id == SchoolClass.id)
        .correlate(SchoolClass)
        .scalar_subquery()
    )
    rows = session.execute(
        sa.select(SchoolClass, count)
        .where(SchoolClass.teacher_id == teacher_id)
        .order_by(SchoolClass.name, SchoolClass.id)
    )
    return [ClassSummary(c, n) for c, n in rows]


def roster(session: Session, class_id: int) -> list[tuple[Enrollment, User]]:
    """The class's enrolments with their students, by name."""
    return list(
        session.execute(
            sa.select(Enrollment, User)
            .join(User, Enrollment.student_id == User.id)
            .where(Enrollment.class_id == class_id)
            .order_by(User.display_name, User.id)
        ).all()
    )


def class_students(session: Session, class_id: int) -> list[User]:
    """The class's students, by name (the roster without the enrolments)."""
    return [student for _enrollment, student in roster(session, class_id)]


def remove_student(session: Session, school_class: SchoolClass, student_id: int) -> User:
    """Take a student off the roster; their past attempts stay in their own account."""
    enrollment = session.scalar(
        sa.select(Enrollment).where(
            Enrollment.class_id == school_class.id, Enrollment.student_id == student_id
        )
    )
    if enrollment is None:
        raise NotFound(N_("That student is not in this class."))
    student = enrollment.student
    session.delete(enrollment)
    return student


def class_by_code(session: Session, raw_code: str) -> SchoolClass:
    code = normalise_code(raw_code)
    school_class = None
    if code:
        school_class = session.scalar(sa.select(SchoolClass).where(SchoolClass.join_code == code))
    if school_class is None:
        raise NotFound(N_("No class has this join code. Check it with your teacher."))
    return school_class


def is_member(session: Session, class_id: int, user_id: int) -> bool:
    return (
        session.scalar(
            sa.select(Enrollment.id).where(
                Enrollment.class_id == class_id, Enrollment.student_id == user_id
            )
        )
        is not None
    )


def join_class(session: Session, school_class: SchoolClass, user: User) -> bool:
    """Enrol ``user``; False when they were already in the class (nothing changes)."""
    if school_class.teacher_id == user.id:
        raise NotNow(N_("You teach this class; share the code with your students instead."))
    if is_member(session, school_class.id, user.id):
        return False
    session.add(Enrollment(class_id=school_class.id, student_id=user.id))
    return True


def student_classes(session: Session, user_id: int) -> list[SchoolClass]:
    return list(
        session.scalars(
            sa.select(SchoolClass)
            .join(Enrollment, Enrollment.class_id == SchoolClass.id)
            .where(Enrollment.student_id == user_id)
            .order_by(SchoolClass.name)
        )
    )
