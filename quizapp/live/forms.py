"""Forms of the live game: the host's settings and the players' join form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from quizapp.services.live_games import SECONDS_CHOICES


class NewGameForm(FlaskForm):
    seconds = SelectField(
        "Time per question",
        coerce=int,
        default=20,
        choices=[SelectChoice(s, f"{s} seconds") for s in SECONDS_CHOICES],
    )
    allow_guests = BooleanField("Let guests join with a nickname (no account)", default=True)
    submit = SubmitField("Open the lobby")


class JoinForm(FlaskForm):
    pin = StringField(
        "Game PIN",
        validators=[InputRequired("Type the PIN from the screen."), Length(max=12)],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    # Checked by the service (core.live_scoring.clean_nickname): only guests need one.
    nickname = StringField("Nickname", render_kw={"autocomplete": "nickname"})
    submit = SubmitField("Join")
