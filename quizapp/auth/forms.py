"""Account forms."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from quizapp.core import passwords
from quizapp.core.interface_languages import INTERFACE_LANGUAGES
from quizapp.core.passwords import password_problem
from quizapp.models import Role


class StrongPassword:
    """Refuses the passwords :func:`password_problem` names, with its reason."""

    def __call__(self, form, field) -> None:
        email = getattr(form, "email", None)
        name = getattr(form, "display_name", None)
        problem = password_problem(
            field.data or "",
            email=(email.data or "") if email else "",
            name=(name.data or "") if name else "",
        )
        if problem:
            raise ValidationError(_translated_problem(problem))


def _translated_problem(problem: str) -> str:
    """The core's refusal in the page's language. zxcvbn's warning inside GUESSABLE is English
    only: another language gets the sentence without it."""
    if problem == passwords.TOO_SHORT % {"count": passwords.MIN_PASSWORD_LENGTH}:
        return _(passwords.TOO_SHORT, count=passwords.MIN_PASSWORD_LENGTH)
    if problem in (passwords.TOO_SIMPLE, passwords.TOO_COMMON, passwords.PERSONAL):
        return _(problem)
    locale = get_locale()
    if locale is not None and locale.language != "en":
        return _(passwords.GUESSABLE_IN_SHORT)
    return problem


class RegisterForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    display_name = StringField(_l("Display name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(), Length(max=200), StrongPassword()]
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", _l("Passwords differ."))],
    )
    role = RadioField(
        _l("I am a"),
        choices=[
            SelectChoice(Role.STUDENT, _l("Student")),
            SelectChoice(Role.TEACHER, _l("Teacher")),
        ],
        default=Role.STUDENT,
    )
    teacher_code = StringField(
        _l("Teacher invitation code"), validators=[Optional(), Length(max=100)]
    )
    # Filled in by static/js/time-zone.js from the browser; checked by the route.
    time_zone = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField(_l("Create account"))


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    # Off by default: school computers are shared.
    remember = BooleanField(_l("Remember me on this computer"), default=False)
    submit = SubmitField(_l("Log in"))


class ResetRequestForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    submit = SubmitField(_l("Send me a link"))


class NewPasswordForm(FlaskForm):
    """A new password, for a reset link (no current password) or a change (with it)."""

    current_password = PasswordField(
        _l("Current password"), validators=[Optional(), Length(max=200)]
    )
    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(max=200), StrongPassword()]
    )
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", _l("Passwords differ."))],
    )
    submit = SubmitField(_l("Change password"))


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Display name"), validators=[DataRequired(), Length(max=80)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    time_zone = SelectField(_l("Time zone"), validators=[DataRequired()])
    # "" follows the browser's language; the others have catalogues (core.interface_languages).
    language = SelectField(
        _l("Language"),
        choices=[
            SelectChoice("", _l("Your browser's language")),
            *(SelectChoice(code, name) for code, name in INTERFACE_LANGUAGES.items()),
        ],
        validators=[Optional()],
    )
    # Asked only when the email changes: a stolen session alone must not move the account
    # (and its password resets) to another address.
    current_password = PasswordField(
        _l("Current password (only to change your email)"),
        validators=[Optional(), Length(max=200)],
    )
    submit = SubmitField(_l("Save"))


class ApiTokenForm(FlaskForm):
    name = StringField(
        _l("Token name"),
        validators=[DataRequired(), Length(max=80)],
        description=_l("what uses it"),
    )
    scope = RadioField(
        _l("It may"),
        choices=[
            SelectChoice("read", _l("Read only")),
            SelectChoice("write", _l("Read and write (rate flashcards)")),
        ],
        default="read",
        validators=[DataRequired()],
    )
    submit = SubmitField(_l("Make a token"))


class RevokeTokenForm(FlaskForm):
    submit = SubmitField(_l("Revoke"))
