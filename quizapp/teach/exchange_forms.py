"""Forms of the import and export page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from quizapp.core.interchange.formats import FORMATS, accept_list, importable

MAX_PASTE = 400_000  # characters; Flask refuses a form field over 500 kB before this is read
MAX_DECK_NAME = 120


class BankImportForm(FlaskForm):
    file = FileField(
        importable()[0].upper() + importable()[1:],
        validators=[FileRequired(_l("Choose a file to import."))],
        render_kw={"accept": accept_list()},
    )
    # An Anki deck's review history becomes the importer's own: their cards continue where
    # Anki left them instead of starting new.
    with_progress = BooleanField(_l("An Anki deck with my progress (its review history)"))
    submit = SubmitField(_l("Import"))


class CardsPasteForm(FlaskForm):
    """Flashcards pasted (or a CSV chosen), shown in a preview before anything is saved."""

    name = StringField(
        _l("Deck name"),
        validators=[Optional(), Length(max=MAX_DECK_NAME)],
        description=_l("The new article the cards go into; “Pasted flashcards” if left empty."),
    )
    text = TextAreaField(
        _l(
            "Paste the cards: one a line, “term TAB definition” as Quizlet "
            "exports them, or CSV with a header (front, back, topic, source)"
        ),
        validators=[Optional(), Length(max=MAX_PASTE)],
    )
    csv_file = FileField(_l("…or choose a CSV file"))
    submit = SubmitField(_l("Preview"))


class CardsSaveForm(FlaskForm):
    name = HiddenField(validators=[Optional(), Length(max=MAX_DECK_NAME)])
    text = HiddenField(validators=[InputRequired(), Length(max=MAX_PASTE)])
    submit = SubmitField(_l("Save these flashcards"))


class BankExportForm(FlaskForm):
    class Meta:
        csrf = False  # a GET that only reads

    article = SelectField(_l("Article"), choices=[])
    format = SelectField(
        _l("Format"),
        choices=[SelectChoice(f.name, f"{f.label} ({f.extension})") for f in FORMATS],
    )
