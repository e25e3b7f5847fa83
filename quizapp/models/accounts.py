"""Accounts: students, teachers and operators (admins)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.core.clock import utcnow
from quizapp.core.time_zones import DEFAULT_ZONE
from quizapp.extensions import db

DEFAULT_DESIRED_RETENTION = 0.90
DEFAULT_NEW_CARDS_PER_DAY = 20
DEFAULT_DAILY_GOAL = 20


class Role(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


class TeacherStatus(StrEnum):
    """A teacher account's state before it is one (None once approved, or never asked)."""

    PENDING = "pending"  # waits for an admin (TEACHER_SIGNUP = "approval")


class User(UserMixin, db.Model):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    role: Mapped[str] = mapped_column(sa.String(16), default=Role.STUDENT)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    desired_retention: Mapped[float] = mapped_column(default=DEFAULT_DESIRED_RETENTION)
    new_cards_per_day: Mapped[int] = mapped_column(default=DEFAULT_NEW_CARDS_PER_DAY)
    daily_goal: Mapped[int] = mapped_column(default=DEFAULT_DAILY_GOAL)
    # Part of every session's user id (see get_id): raising it ends every session and remember
    # token of the account at once (logout, password change).
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")
    # An IANA zone name; times are stored in UTC and shown in this zone.
    time_zone: Mapped[str] = mapped_column(
        sa.String(64), default=DEFAULT_ZONE, server_default=DEFAULT_ZONE
    )
    # An interface language (core.interface_languages), or None to follow the browser's.
    language: Mapped[str | None] = mapped_column(sa.String(8))
    # "pending" while a teacher account waits for an admin (TEACHER_SIGNUP = "approval").
    teacher_status: Mapped[str | None] = mapped_column(sa.String(16))
    # Raised by database triggers (migration e3b7c2d41f08) at every change to the learner's
    # answers, reviews, card states, fitted parameters or classes; never written from Python.
    # The dashboard keeps a learner's plan while it stays the same.
    progress_version: Mapped[int] = mapped_column(default=0, server_default="0")

    def get_id(self) -> str:
        """The id Flask-Login keeps in the session: the account and its session generation."""
        return f"{self.id}:{self.session_generation}"

    def end_all_sessions(self) -> None:
        """Every session and remember token issued so far stops working."""
        self.session_generation += 1

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_teacher(self) -> bool:
        return self.role in (Role.TEACHER, Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class RememberToken(db.Model):
    """A "remember me" login: new at each login, expiring, revoked with the session generation.

    The cookie holds ``selector:validator``; only a hash of the validator is stored, so a copy
    of the database cannot log anyone in.
    """

    __tablename__ = "remember_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    selector: Mapped[str] = mapped_column(sa.String(32), unique=True)
    validator_hash: Mapped[str] = mapped_column(sa.String(64))
    session_generation: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
