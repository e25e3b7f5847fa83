"""Forms for importing an article and sharing it."""

from __future__ import annotations

from flask_babel import LazyString, get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from quizapp.core.languages import LANGUAGE_NAMES
from quizapp.core.text_extraction import ACCEPTED_EXTENSIONS, title_line
from quizapp.core.web_links import NOT_A_WEB_LINK, is_web_link
from quizapp.services.article_library import ArticleUpload
from quizapp.teach.forms import CheckboxesField

MAX_PASTE_CHARS = 400_000  # about 60,000 words: far above a reading, far below a book


def language_name(code: str, english: str) -> str:
    """The language's name in the page's language (Babel's CLDR names), English in English."""
    locale = get_locale()
    if locale is None or locale.language == "en":
        return english
    name = locale.languages.get(code, english)
    return name[:1].upper() + name[1:]


class ArticleImportForm(FlaskForm):
    title = StringField(
        _l("Title"),
        validators=[Length(max=300)],
        description=_l("Leave empty to use the title the file or the text opens with."),
    )
    text = TextAreaField(_l("Paste the text"), validators=[Length(max=MAX_PASTE_CHARS)])
    upload = FileField(
        _l("…or upload a file"),
        description=_l("Plain text, Markdown, a saved web page, Word (.docx) or PDF, up to 10 MB."),
        render_kw={"accept": ",".join(ACCEPTED_EXTENSIONS)},
    )
    source_url = StringField(_l("Source URL"), validators=[Optional(), Length(max=2000)])
    source_author = StringField(_l("Author"), validators=[Optional(), Length(max=200)])
    licence_note = StringField(
        _l("Licence note"),
        validators=[Optional(), Length(max=500)],
        description=_l("For example “CC BY 4.0” or “Used with permission”."),
    )
    submit = SubmitField(_l("Import and make drafts"))

    def _has_file(self) -> bool:
        return bool(self.upload.data and getattr(self.upload.data, "filename", ""))

    def validate_title(self, field) -> None:
        text = self.text.data or ""
        if not self._has_file() and text.strip() and not (field.data or "").strip():
            # A pasted text that opens with its title line needs no other.
            if title_line(text) is None:
                raise ValidationError(
                    _l("Give the pasted text a title: its first line reads as a sentence.")
                )

    def validate_text(self, field) -> None:
        if self._has_file() and (field.data or "").strip():
            raise ValidationError(_l("Paste a text or upload a file, not both."))
        if not self._has_file() and not (field.data or "").strip():
            raise ValidationError(_l("Paste the article's text, or choose a file to upload."))

    def validate_source_url(self, field) -> None:
        if (field.data or "").strip() and not is_web_link(field.data.strip()):
            raise ValidationError(NOT_A_WEB_LINK)

    def upload_of(self) -> ArticleUpload:
        if self._has_file():
            filename, data = self.upload.data.filename, self.upload.data.read()
        else:
            filename, data = "pasted.txt", (self.text.data or "").encode()
        return ArticleUpload(
            filename=filename,
            data=data,
            title=self.title.data or "",
            source_url=self.source_url.data or "",
            source_author=self.source_author.data or "",
            licence_note=self.licence_note.data or "",
        )


class ShareForm(FlaskForm):
    classes = CheckboxesField(_l("Share with these classes"), coerce=int)
    submit = SubmitField(_l("Save sharing"))


class ArticleLanguageForm(FlaskForm):
    """The language the article is read in: told at import, corrected here by its teacher."""

    language = SelectField(
        _l("Written in"),
        choices=[
            SelectChoice(code, LazyString(language_name, code, name))
            for code, name in sorted(LANGUAGE_NAMES.items(), key=lambda item: item[1])
        ],
    )
    submit = SubmitField(_l("Read again in this language"))
