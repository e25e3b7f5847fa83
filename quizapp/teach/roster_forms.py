"""Forms of a class's roster import: the file, then the confirmation of its preview."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, SubmitField
from wtforms.validators import InputRequired, Length

from quizapp.core.roster_csv import MAX_ROSTER_BYTES

# The upload sits on the class page among other forms: its fields are "roster-file" and so on.
ROSTER_FORM_PREFIX = "roster"


class RosterUploadForm(FlaskForm):
    file = FileField(
        _l("Roster (CSV: name, email)"),
        validators=[FileRequired(_l("Choose a CSV file to import."))],
    )
    submit = SubmitField(_l("Preview the roster"))


class RosterConfirmForm(FlaskForm):
    """The previewed file's text and the fingerprint of what the preview showed."""

    text = HiddenField(validators=[InputRequired(), Length(max=MAX_ROSTER_BYTES)])
    fingerprint = HiddenField(validators=[InputRequired(), Length(max=64)])
    submit = SubmitField(_l("Import this roster"))
