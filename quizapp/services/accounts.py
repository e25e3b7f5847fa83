"""Accounts: new ones, password reset tokens, new passwords, name, email and time zone.

Services take the session and never commit; the route commits once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from quizapp.core.interface_languages import is_interface_language
from quizapp.core.time_zones import choosable_zones
from quizapp.core.translatable import N_
from quizapp.models import Role, User
from quizapp.services.api_tokens import revoke_all_tokens
from quizapp.services.errors import AccountError
from quizapp.services.sessions import end_all_sessions

RESET_SALT = "password-reset"
# Invitations are reset tokens of their own kind: they live longer (config INVITATION_SECONDS),
# so a reset link is never read as one.
INVITATION_SALT = "account-invitation"
EMAIL_CHANGE_SALT = "email-change"
# N_: shown translated by the pages (gettext at display).
EMAIL_LINK_UNUSABLE = N_("This link has expired or was used already. Change the email again.")
EMAIL_TAKEN_MEANWHILE = N_("Another account uses this email now; keep your current one.")
EMAIL_NEEDS_PASSWORD = N_("Type your current password to change your email.")


def new_account(
    email: str,
    display_name: str,
    password: str,
    role: str = Role.STUDENT,
    *,
    teacher_status: str | None = None,
    time_zone: str | None = None,
) -> User:
    """An account with its password hashed, not yet added to the session: the email is
    lower-cased and trimmed, the name trimmed; no time zone keeps the model's default."""
    user = User(
        email=email.strip().lower(),
        display_name=display_name.strip(),
        role=role,
        teacher_status=teacher_status,
    )
    if time_zone is not None:
        user.time_zone = time_zone
    user.set_password(password)
    return user


def email_taken(session: Session, email: str) -> bool:
    return session.scalar(sa.select(User.id).where(User.email == email.strip().lower())) is not None


def create_account(
    session: Session, email: str, display_name: str, password: str, role: str = Role.STUDENT
) -> User:
    """A new account added to the session; AccountError when the email has one already."""
    if email_taken(session, email):
        raise AccountError(f"An account with the email {email.strip().lower()} already exists.")
    user = new_account(email, display_name, password, role)
    session.add(user)
    return user


def _password_fingerprint(user: User) -> str:
    # Changes whenever the password does, so a used (or outdated) link stops working.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def reset_token(secret_key: str, user: User, salt: str = RESET_SALT) -> str:
    """A signed token for a password reset link (or, with INVITATION_SALT, an invitation's
    set-your-password link); single-use because it names the password hash and session
    generation it was made for."""
    serializer = URLSafeTimedSerializer(secret_key, salt=salt)
    return serializer.dumps(
        {"u": user.id, "g": user.session_generation, "p": _password_fingerprint(user)}
    )


def user_for_reset_token(
    session: Session, secret_key: str, token: str, max_age: int, salt: str = RESET_SALT
) -> User | None:
    """The account a reset token (made with ``salt``) is for, or None when it is forged, older
    than ``max_age`` seconds, or already used."""
    serializer = URLSafeTimedSerializer(secret_key, salt=salt)
    try:
        data = serializer.loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = session.get(User, data["u"])
    if user is None or data.get("g") != user.session_generation:
        return None
    if data.get("p") != _password_fingerprint(user):
        return None
    return user


def set_new_password(session: Session, user: User, password: str) -> None:
    """A new password ends every session and remember token of the account, and revokes its
    API tokens: a password is changed or reset when someone else may have had it, and tokens
    made with it would otherwise outlive the change."""
    user.set_password(password)
    end_all_sessions(session, user)
    revoke_all_tokens(session, user)


@dataclass(frozen=True)
class ProfileChange:
    display_name: str
    email: str
    time_zone: str
    current_password: str = ""
    language: str = ""


def update_profile(session: Session, user: User, change: ProfileChange) -> str | None:
    """Name and time zone (an IANA name) at once; a new email only once its owner opens the
    link mailed to it (:func:`email_change_token`). Returns the new email asked for, or None.

    Whether the new email belongs to another account is not checked here: the page must say
    the same either way, and the mail to that address tells its owner instead.
    """
    email = change.email.strip().lower()
    # A saved zone that is not in the list (an old alias kept) may stay; no other may be set.
    if change.time_zone not in choosable_zones() and change.time_zone != user.time_zone:
        raise AccountError(N_("Choose a time zone from the list."))
    if email != user.email and not user.check_password(change.current_password or ""):
        # Someone with a stolen session could otherwise move the account to their address
        # and reset its password from there.
        raise AccountError(EMAIL_NEEDS_PASSWORD)
    if change.language and not is_interface_language(change.language):
        raise AccountError(N_("Choose a language from the list."))
    user.display_name = change.display_name.strip()
    user.time_zone = change.time_zone
    user.language = change.language or None
    return email if email != user.email else None


def email_change_token(secret_key: str, user: User, new_email: str) -> str:
    """A signed token moving ``user`` from their current email to ``new_email``; it stops
    working once the email changed (used once)."""
    serializer = URLSafeTimedSerializer(secret_key, salt=EMAIL_CHANGE_SALT)
    return serializer.dumps({"u": user.id, "from": user.email, "to": new_email})


def apply_email_change(
    session: Session, secret_key: str, token: str, max_age: int
) -> tuple[User, str]:
    """Give the account its new email, as the token mailed to that address says; the user and
    the email they had (to be told). AccountError when the token is forged, expired, used, or
    the address was taken meanwhile."""
    serializer = URLSafeTimedSerializer(secret_key, salt=EMAIL_CHANGE_SALT)
    try:
        data = serializer.loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        raise AccountError(EMAIL_LINK_UNUSABLE) from None
    user = session.get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or data.get("from") != user.email or not isinstance(data.get("to"), str):
        raise AccountError(EMAIL_LINK_UNUSABLE)
    if email_taken(session, data["to"]):
        raise AccountError(EMAIL_TAKEN_MEANWHILE)
    old_email, user.email = user.email, data["to"]
    return user, old_email
