"""The file, alt text and remove box a teaching form offers for each place of an item."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Flask, current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, StringField
from wtforms.validators import Length

from quizapp.core.errors import InputError
from quizapp.core.media_files import ALLOWED_TYPES, MAX_ALT
from quizapp.services.media import Upload, at_place

# What the file picker offers; the server reads the type from the content all the same.
ACCEPTED_FILES = ",".join(ALLOWED_TYPES)
# The forms that take files, and how many each may send at most.
UPLOAD_ENDPOINTS = {
    "teach.new_question": 1,
    "teach.edit_question": 1,
    "teach.new_flashcard": 2,
    "teach.edit_flashcard": 2,
    "teach.edit_draft": 2,
}


def file_field(label: str) -> FileField:
    return FileField(label, render_kw={"accept": ACCEPTED_FILES})


def alt_field() -> StringField:
    return StringField(
        _l("Text alternative (required for a picture: what it shows)"),
        validators=[Length(max=MAX_ALT)],
    )


def remove_field() -> BooleanField:
    return BooleanField(_l("Remove the file"))


def read_uploads(form: FlaskForm, places: Iterable[str], max_bytes: int) -> list[Upload]:
    """What the form sent for each place (``{place}_file``, ``{place}_alt``,
    ``{place}_remove``). A file is read up to one byte past ``max_bytes``, enough for the
    size check to refuse it without holding more."""
    uploads = []
    for place in places:
        sent = form[f"{place}_file"].data
        data = sent.read(max_bytes + 1) if sent and getattr(sent, "filename", "") else None
        uploads.append(
            Upload(
                place=place,
                data=data or None,
                filename=getattr(sent, "filename", "") or "",
                alt=form[f"{place}_alt"].data,
                remove=bool(form[f"{place}_remove"].data),
            )
        )
    return uploads


def read_choice_uploads(
    form: FlaskForm, choices: list[dict[str, Any]], max_bytes: int
) -> list[Upload]:
    """A question form's choice file (``option_*``), placed at the chosen choice's id, and the
    removals it ticked. :class:`InputError` when the file names no choice the question has."""
    if "option_file" not in form:
        return []
    ids = [str(choice.get("id")) for choice in choices or ()]
    uploads = [
        Upload(place=f"choice:{choice_id}", remove=True)
        for choice_id in form.option_remove.data or ()
        if choice_id in ids
    ]
    sent = form.option_file.data
    if sent and getattr(sent, "filename", ""):
        number = form.option_number.data
        if not number or number > len(ids):
            raise InputError(
                _("Say which choice the file goes with: a number from 1 to %(n)s.", n=len(ids))
                if ids
                else _("This question has no choices to put a file on.")
            )
        uploads.append(
            Upload(
                place=f"choice:{ids[number - 1]}",
                data=sent.read(max_bytes + 1) or None,
                filename=sent.filename,
                alt=form.option_alt.data,
            )
        )
    return uploads


def fill_alts(form: FlaskForm, places: Iterable[str], entries: list[dict[str, Any]]) -> None:
    """Show each place's current alt text in its field, to edit."""
    for place in places:
        current = at_place(entries, place)
        if current:
            form[f"{place}_alt"].data = current[0].get("alt", "")


def allow_media_uploads() -> None:
    """Raise the request's body limit on the forms that take files: each file up to
    MEDIA_MAX_BYTES besides the form's text. Runs first (before CSRF reads the form), so a
    larger body is refused with 413 from its Content-Length before it is read."""
    files = UPLOAD_ENDPOINTS.get(request.endpoint or "")
    if files:
        config = current_app.config
        request.max_content_length = (
            config["MAX_CONTENT_LENGTH"] + files * config["MEDIA_MAX_BYTES"]
        )


def register_limits(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, allow_media_uploads)
