"""The practice quiz set-up form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, SelectMultipleField, SubmitField, widgets

from quizapp.core.quiz_selection import QUIZ_LENGTHS


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class PracticeForm(FlaskForm):
    topics = CheckboxesField("Topics (none ticked: all topics)", coerce=int, validate_choice=True)
    length = SelectField(
        "Number of questions",
        coerce=int,
        choices=[SelectChoice(str(n), str(n)) for n in QUIZ_LENGTHS],
        default=10,
    )
    submit = SubmitField("Start quiz")
