"""Accounts for tests and benchmarks."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import User

PASSWORD = "correct horse battery"


def make_user(
    session,
    role: str,
    email: str | None = None,
    name: str | None = None,
    password: str = PASSWORD,
) -> User:
    """A committed account; email and name default to ``<role><n>@example.org`` and
    ``<role> <n>``, n counting the accounts so far, so each call makes a new one."""
    count = session.scalar(sa.select(sa.func.count(User.id))) + 1
    user = User(
        email=email or f"{role}{count}@example.org",
        display_name=name or f"{role} {count}",
        role=role,
    )
    user.set_password(password)
    session.add(user)
    session.commit()
    return user


def log_in(client, user: User, password: str = PASSWORD):
    """Log ``user`` in through the real form (tests take it as the ``login`` fixture)."""
    return client.post("/auth/login", data={"email": user.email, "password": password})
