"""Account forms."""

from __future__ import annotations

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
            raise ValidationError(problem)


class RegisterForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(max=200), StrongPassword()]
    )
    confirm = PasswordField(
        "Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")]
    )
    role = RadioField(
        "I am a",
        choices=[SelectChoice(Role.STUDENT, "Student"), SelectChoice(Role.TEACHER, "Teacher")],
        default=Role.STUDENT,
    )
    teacher_code = StringField("Teacher invitation code", validators=[Optional(), Length(max=100)])
    # Filled in by static/js/time-zone.js from the browser; checked by the route.
    time_zone = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    # Off by default: school computers are shared.
    remember = BooleanField("Remember me on this computer", default=False)
    submit = SubmitField("Log in")


class ResetRequestForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    submit = SubmitField("Send me a link")


class NewPasswordForm(FlaskForm):
    """A new password, for a reset link (no current password) or a change (with it)."""

    current_password = PasswordField("Current password", validators=[Optional(), Length(max=200)])
    password = PasswordField(
        "New password", validators=[DataRequired(), Length(max=200), StrongPassword()]
    )
    confirm = PasswordField(
        "Repeat new password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")]
    )
    submit = SubmitField("Change password")


class ProfileForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    time_zone = SelectField("Time zone", validators=[DataRequired()])
    # "" follows the browser's language; the others have catalogues (core.interface_languages).
    language = SelectField(
        "Language",
        choices=[
            SelectChoice("", "Your browser's language"),
            *(SelectChoice(code, name) for code, name in INTERFACE_LANGUAGES.items()),
        ],
        validators=[Optional()],
    )
    # Asked only when the email changes: a stolen session alone must not move the account
    # (and its password resets) to another address.
    current_password = PasswordField(
        "Current password (only to change your email)", validators=[Optional(), Length(max=200)]
    )
    submit = SubmitField("Save")


class ApiTokenForm(FlaskForm):
    name = StringField(
        "Token name", validators=[DataRequired(), Length(max=80)], description="what uses it"
    )
    scope = RadioField(
        "It may",
        choices=[
            SelectChoice("read", "Read only"),
            SelectChoice("write", "Read and write (rate flashcards)"),
        ],
        default="read",
        validators=[DataRequired()],
    )
    submit = SubmitField("Make a token")


class RevokeTokenForm(FlaskForm):
    submit = SubmitField("Revoke")
