"""How a view handles a form, written once: validate, save, commit, or show the form again.

A form view builds its form, hands :func:`submit_form` what saving means, and either redirects
(saved) or renders the form with ``outcome.status``: 200 for a form shown, 400 for one sent back
with mistakes, or the status of the service's refusal (a 409 for a question already answered).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import sqlalchemy as sa
from flask_wtf import FlaskForm
from wtforms import Field, SelectChoice, SelectMultipleField, widgets

from quizapp.core.errors import InputError
from quizapp.extensions import db
from quizapp.i18n import refusal_text
from quizapp.models import Topic
from quizapp.services.errors import DomainError, NotFound, TeachingError

T = TypeVar("T")


@dataclass(frozen=True)
class FormOutcome(Generic[T]):
    """What became of a form: saved (with what ``save`` returned), or the status to show it."""

    status: int
    saved: bool = False
    value: T | None = None


def submit_form(
    form: FlaskForm,
    save: Callable[[], T],
    *,
    field: Field | None = None,
    refusals: type[DomainError] = TeachingError,
) -> FormOutcome[T]:
    """Run ``save`` if ``form`` was sent and is valid, then commit.

    A refusal of the service (``refusals``, teaching errors unless said otherwise), or input the
    domain core could not take (:class:`InputError`, a 400), is rolled back and its message put
    on ``field`` (or on the form as a whole). A :class:`NotFound` is not
    a mistake in the form but a missing page: it goes on to the app's error handler.
    """
    if not form.is_submitted():
        return FormOutcome(200)
    if not form.validate():
        return FormOutcome(400)
    errors = field.errors if field is not None else form.form_errors
    try:
        value = save()
    except refusals as error:
        if isinstance(error, NotFound):
            raise
        db.session.rollback()
        # A service's message marked with N_ is shown in the page's language.
        errors.append(refusal_text(error))
        return FormOutcome(error.status)
    except InputError as error:
        db.session.rollback()
        errors.append(refusal_text(error))
        return FormOutcome(400)
    db.session.commit()
    return FormOutcome(200, saved=True, value=value)


def form_status(form: FlaskForm) -> int:
    """The status of a form shown again: 400 once it was sent (it had mistakes), else 200."""
    return 400 if form.is_submitted() else 200


class CheckboxesField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def topic_choices(
    topics: sa.ColumnElement[bool], any_label: str | None = None
) -> list[SelectChoice]:
    """The topics ``topics`` selects, in reading order, sub-topics marked with a dash; first an
    empty choice labelled ``any_label``, if given."""
    rows = db.session.scalars(
        sa.select(Topic).where(topics).order_by(Topic.article_id, Topic.position)
    )
    first = [SelectChoice("", any_label)] if any_label else []
    return first + [SelectChoice(str(t.id), ("— " if t.parent_id else "") + t.title) for t in rows]
