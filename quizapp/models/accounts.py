"""Accounts: students, teachers and operators (admins)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db
from quizapp.models.base import utcnow

DEFAULT_DESIRED_RETENTION = 0.90
DEFAULT_NEW_CARDS_PER_DAY = 20
DEFAULT_DAILY_GOAL = 20


class Role(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


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

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_teacher(self) -> bool:
        return self.role in (Role.TEACHER, Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
