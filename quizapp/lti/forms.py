"""The admin's form for registering an LMS (the fields its tool registration shows)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from quizapp.services.lti_registry import MAX_ID, MAX_URL, PlatformFields


class PlatformForm(FlaskForm):
    name = StringField(_l("Name (for you)"), validators=[DataRequired(), Length(max=120)])
    issuer = StringField(
        _l("Issuer (platform id)"), validators=[DataRequired(), Length(max=MAX_URL)]
    )
    client_id = StringField(_l("Client id"), validators=[DataRequired(), Length(max=MAX_ID)])
    deployment_ids = TextAreaField(
        _l("Deployment ids (one a line)"), validators=[DataRequired(), Length(max=20_000)]
    )
    auth_login_url = StringField(
        _l("OIDC authentication URL"), validators=[DataRequired(), Length(max=MAX_URL)]
    )
    auth_token_url = StringField(
        _l("Access token URL"), validators=[DataRequired(), Length(max=MAX_URL)]
    )
    key_set_url = StringField(
        _l("Public keyset URL (JWKS)"), validators=[DataRequired(), Length(max=MAX_URL)]
    )
    submit = SubmitField(_l("Register the platform"))

    def fields(self) -> PlatformFields:
        return PlatformFields(
            name=self.name.data or "",
            issuer=self.issuer.data or "",
            client_id=self.client_id.data or "",
            auth_login_url=self.auth_login_url.data or "",
            auth_token_url=self.auth_token_url.data or "",
            key_set_url=self.key_set_url.data or "",
            deployment_ids=tuple((self.deployment_ids.data or "").splitlines()),
        )


class LinkAssignmentForm(FlaskForm):
    assignment = SelectField(_l("Assignment"), coerce=int, validate_choice=True)
    submit = SubmitField(_l("Open this assignment from the LMS"))


class PickSetForm(FlaskForm):
    quiz_set = SelectField(_l("Quiz set"), coerce=int, validate_choice=True)
    submit = SubmitField(_l("Add it to the course"))
