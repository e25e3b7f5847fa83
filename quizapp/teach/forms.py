"""Forms for classes, quiz sets, assignments and joining a class."""

from __future__ import annotations

from flask_babel import LazyString, pgettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from quizapp.core.grading_methods import GradingMethod
from quizapp.core.time_zones import to_utc
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.services.assignments import Schedule
from quizapp.services.quiz_sets import (
    MAX_ATTEMPTS,
    MAX_DRAW,
    MAX_TIME_LIMIT_MINUTES,
    SetSettings,
)
from quizapp.teach.labels import DIFFICULTY_LABELS, FEEDBACK_LABELS, GRADING_LABELS, TYPE_LABELS
from quizapp.web_forms import CheckboxesField

# A datetime-local input sends "2030-01-31T17:00"; the first format is also how it is shown.
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


def _due_label() -> str:
    # "Due" is also the study pages' "due for review": a context keeps the two apart.
    return pgettext("assignment", "Due")


def optional_int(value: object) -> int | None:
    """Coerce "" (any) to None and digits to an int; anything else fails the choice check."""
    if value in ("", None):
        return None
    return int(value)  # type: ignore[arg-type]


def type_choices(any_label: str | None = _l("Any type")) -> list[SelectChoice]:
    first = [SelectChoice("", any_label)] if any_label else []
    return first + [SelectChoice(value, label) for value, label in TYPE_LABELS.items()]


def difficulty_choices(any_label: str | None = _l("Any difficulty")) -> list[SelectChoice]:
    first = [SelectChoice("", any_label)] if any_label else []
    return first + [SelectChoice(str(k), v) for k, v in DIFFICULTY_LABELS.items()]


class ClassForm(FlaskForm):
    name = StringField(_l("Class name"), validators=[DataRequired(), Length(max=120)])
    submit = SubmitField(_l("Create class"))


class SetSettingsForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    time_limit_minutes = IntegerField(
        _l("Time limit in minutes (1 to %(most)s; empty for none)", most=MAX_TIME_LIMIT_MINUTES),
        validators=[Optional(), NumberRange(min=1, max=MAX_TIME_LIMIT_MINUTES)],
    )
    attempts_allowed = IntegerField(
        _l("Attempts allowed (1 to %(most)s; 0 for unlimited)", most=MAX_ATTEMPTS),
        validators=[InputRequired(), NumberRange(min=0, max=MAX_ATTEMPTS)],
        default=1,
    )
    grading_method = SelectField(
        _l("Grade from"),
        choices=[SelectChoice(k, v) for k, v in GRADING_LABELS.items()],
        default=GradingMethod.HIGHEST,
    )
    shuffle_questions = BooleanField(_l("Shuffle the order of the questions for each student"))
    shuffle_choices = BooleanField(_l("Shuffle the choices within each question"))
    feedback = RadioField(
        _l("Show right or wrong, the answer and the explanation"),
        choices=[SelectChoice(k, v) for k, v in FEEDBACK_LABELS.items()],
        default=FeedbackTiming.AFTER_SUBMISSION,
    )
    submit = SubmitField(_l("Save settings"))

    def settings(self) -> SetSettings:
        return SetSettings(
            title=self.title.data or "",
            time_limit_minutes=self.time_limit_minutes.data,
            attempts_allowed=self.attempts_allowed.data,
            grading_method=self.grading_method.data,
            shuffle_questions=bool(self.shuffle_questions.data),
            shuffle_choices=bool(self.shuffle_choices.data),
            feedback=self.feedback.data,
        )


class QuestionFilterForm(FlaskForm):
    """The builder's search (a GET form: no CSRF token needed, nothing changes)."""

    class Meta:
        csrf = False

    topic = SelectField(_l("Topic"), coerce=optional_int)
    type = SelectField(_l("Type"), choices=type_choices(), default="")
    difficulty = SelectField(_l("Difficulty"), coerce=optional_int, choices=difficulty_choices())


class ItemFilterForm(QuestionFilterForm):
    """The item list's search: the builder's and a tag. Its choices are the items' own tags,
    set by the view; a tag no item holds is said so by the view, not refused as a choice."""

    tag = SelectField(_l("Tag"), default="", validate_choice=False)


class AddQuestionsForm(FlaskForm):
    # The service checks each id (usable by this teacher); the form only parses them.
    question_ids = SelectMultipleField(_l("Questions"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Add the ticked questions"))


class DrawForm(FlaskForm):
    """A random draw; used with ``prefix="draw"`` so it can share a page with the search."""

    topic = SelectField(_l("Topic"), coerce=int)
    count = IntegerField(
        _l("How many"), validators=[InputRequired(), NumberRange(min=1, max=MAX_DRAW)], default=3
    )
    question_type = SelectField(_l("Type"), choices=type_choices(), default="")
    difficulty = SelectField(_l("Difficulty"), coerce=optional_int, choices=difficulty_choices())
    submit = SubmitField(_l("Add a random draw"))


class AssignForm(FlaskForm):
    title = StringField(_l("Title shown to students"), validators=[DataRequired(), Length(max=200)])
    classes = CheckboxesField(_l("Classes"), coerce=int)
    open_at = DateTimeLocalField(
        _l("Opens (empty: at once)"), format=DATETIME_FORMATS, validators=[Optional()]
    )
    due_at = DateTimeLocalField(
        LazyString(_due_label), format=DATETIME_FORMATS, validators=[InputRequired()]
    )
    accept_late = BooleanField(_l("Accept late work after the due date (it is marked late)"))
    submit = SubmitField(_l("Assign"))

    def validate_classes(self, field) -> None:
        if not field.data:
            raise ValidationError(_l("Choose at least one class."))

    def schedule(self, zone: str) -> Schedule:
        """The schedule in UTC; the teacher typed the times in ``zone``."""
        return Schedule(
            title=self.title.data or "",
            due_at=to_utc(self.due_at.data, zone),
            open_at=to_utc(self.open_at.data, zone) if self.open_at.data else None,
            accept_late=bool(self.accept_late.data),
        )


class JoinForm(FlaskForm):
    code = StringField(_l("Join code"), validators=[DataRequired(), Length(max=32)])
    submit = SubmitField(_l("Join the class"))


class ConfirmJoinForm(FlaskForm):
    """The join link's confirmation: the code is in the URL, the form only carries CSRF."""

    submit = SubmitField(_l("Join the class"))
