"""Study settings."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, IntegerField, SubmitField
from wtforms.validators import InputRequired, NumberRange


class StudySettingsForm(FlaskForm):
    desired_retention = DecimalField(
        _l("Desired retention (0.70 to 0.99)"),
        places=2,
        validators=[InputRequired(), NumberRange(min=0.7, max=0.99)],
    )
    new_cards_per_day = IntegerField(
        _l("New cards per day"), validators=[InputRequired(), NumberRange(min=0, max=500)]
    )
    daily_goal = IntegerField(
        _l("Daily goal (cards and questions)"),
        validators=[InputRequired(), NumberRange(min=1, max=1000)],
    )
    submit = SubmitField(_l("Save settings"))
