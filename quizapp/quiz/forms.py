"""The practice quiz set-up form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField, SubmitField

from quizapp.core.quiz_selection import QUIZ_LENGTHS
from quizapp.web_forms import CheckboxesField


class PracticeForm(FlaskForm):
    topics = CheckboxesField(
        _l("Topics (none ticked: all topics)"), coerce=int, validate_choice=True
    )
    length = SelectField(
        _l("Number of questions"),
        coerce=int,
        choices=[SelectChoice(str(n), str(n)) for n in QUIZ_LENGTHS],
        default=10,
    )
    # The tags the learner's questions hold, with counts, set by the view (like the card
    # page's); a tag none holds is said under the field by the view, not refused as a choice.
    tag = SelectField(_l("Only the questions with the tag"), validate_choice=False, default="")
    # The quiz length the page told the learner, when the topics have fewer questions than
    # asked: sent back, it starts the quiz; a different selection is told its own length first.
    promised = HiddenField()
    submit = SubmitField(_l("Start quiz"))
