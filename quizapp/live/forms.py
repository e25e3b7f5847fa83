"""Forms of the live game: the host's settings and the players' join form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from quizapp.services.live_games import SECONDS_CHOICES


class NewGameForm(FlaskForm):
    seconds = SelectField(
        _l("Time per question"),
        coerce=int,
        default=20,
        # Worded in __init__, per request; the values are here for whoever reads the class.
        choices=[SelectChoice(s, str(s)) for s in SECONDS_CHOICES],
    )
    allow_guests = BooleanField(_l("Let guests join with a nickname (no account)"), default=True)
    submit = SubmitField(_l("Open the lobby"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Worded per request: "seconds" takes its plural form from each number.
        self.seconds.choices = [
            SelectChoice(s, ngettext("%(num)d second", "%(num)d seconds", s))
            for s in SECONDS_CHOICES
        ]


class JoinForm(FlaskForm):
    pin = StringField(
        _l("Game PIN"),
        validators=[InputRequired(_l("Type the PIN from the screen.")), Length(max=12)],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    # Checked by the service (core.live_scoring.clean_nickname): only guests need one.
    nickname = StringField(_l("Nickname"), render_kw={"autocomplete": "nickname"})
    submit = SubmitField(_l("Join"))
