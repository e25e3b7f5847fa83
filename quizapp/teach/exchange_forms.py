"""Forms of the import and export page."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectChoice, SelectField, SubmitField

from quizapp.services.question_exchange import QUESTION_FORMATS

FORMAT_LABELS = {"moodle-xml": "Moodle XML (.xml)", "gift": "GIFT (.gift)"}


class BankImportForm(FlaskForm):
    file = FileField("Question bank: Moodle XML (.xml) or GIFT (.gift, .txt)",
                     validators=[FileRequired("Choose a file to import.")])  # fmt: skip
    submit = SubmitField("Import")


class BankExportForm(FlaskForm):
    class Meta:
        csrf = False  # a GET that only reads

    article = SelectField("Article", choices=[])
    format = SelectField("Format", choices=[SelectChoice(f, FORMAT_LABELS[f])
                                            for f in QUESTION_FORMATS])  # fmt: skip
