"""Forms of the import and export page."""

from __future__ import annotations

from flask_babel import LazyString
from flask_babel import gettext as _
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

from quizapp.core.interchange.formats import FORMATS, Holds, accept_list

MAX_PASTE = 400_000  # characters; Flask refuses a form field over 500 kB before this is read
MAX_DECK_NAME = 120
# The export menu's words for each format (the core's labels are English); a format without a
# line here shows its English label.
FORMAT_LABELS = {
    "moodle-xml": _l("Questions as Moodle XML"),
    "gift": _l("Questions as GIFT"),
    "csv": _l("Flashcards as CSV"),
    "apkg": _l("Flashcards as an Anki deck"),
}
# The name of each format as a file to import ("Moodle XML (.xml)").
FORMAT_NAMES = {
    "moodle-xml": _l("Moodle XML"),
    "gift": _l("GIFT"),
    "csv": _l("CSV"),
    "apkg": _l("an Anki deck"),
}


def _described(holds: Holds) -> str:
    """ "Moodle XML (.xml) or GIFT (.gift, .txt)", in the page's language."""
    names = [
        _(
            "%(format)s (%(extensions)s)",
            format=FORMAT_NAMES.get(f.name, f.label),
            extensions=", ".join(f.extensions),
        )
        for f in FORMATS
        if f.holds == holds
    ]
    described = names[0] if names else ""
    for name in names[1:]:
        described = _("%(first)s or %(second)s", first=described, second=name)
    return described


def _importable() -> str:
    return _(
        "A question bank as %(questions)s, or a deck as %(decks)s",
        questions=_described(Holds.QUESTIONS),
        decks=_described(Holds.FLASHCARDS),
    )


def _export_label(name: str, label: str, extension: str) -> str:
    return _(
        "%(format)s (%(extensions)s)", format=FORMAT_LABELS.get(name, label), extensions=extension
    )


class BankImportForm(FlaskForm):
    file = FileField(
        LazyString(_importable),
        validators=[FileRequired(_l("Choose a file to import."))],
        render_kw={"accept": accept_list()},
    )
    # The article a file goes into: a new one (the empty value), or one of the importer's own,
    # where the items it carries by key are updated in place instead of copied (the view
    # lists the articles; any other value is refused).
    into = SelectField(
        _l("Into"),
        choices=[],
        default="",  # a request without the field (an older page, a script) makes a new one
        description=_l(
            "Choose the article a file was exported from to update its questions in place: "
            "learners' answers stay, and a question they have answered that the file gives "
            "another answer is added beside it."
        ),
        render_kw={"aria-describedby": "into-hint"},
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
        choices=[
            SelectChoice(f.name, LazyString(_export_label, f.name, f.label, f.extension))
            for f in FORMATS
        ],
    )
