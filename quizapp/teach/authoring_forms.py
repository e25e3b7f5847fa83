"""Forms for teachers' own questions and flashcards."""

from __future__ import annotations

import dataclasses

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    Field,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from quizapp.core.item_tags import tag_field_problem, tags_text
from quizapp.core.question_hints import MAX_HINT_CHARS, MAX_HINTS, hints_from_text
from quizapp.core.question_kinds import all_kinds, is_known_type, kind_of
from quizapp.core.question_kinds.base import MAX_OPTIONS
from quizapp.core.vocabulary import CardKind
from quizapp.i18n import report_sentence
from quizapp.services.authoring import (
    MAX_EXPLANATION,
    MAX_PROMPT,
    PAIR_SEPARATOR,
    FlashcardFields,
    QuestionFields,
    answer_problem,
)
from quizapp.teach.forms import difficulty_choices, type_choices
from quizapp.teach.media_fields import alt_field, file_field, remove_field

# Generous caps on raw text: the service applies the real limits with a clear message.
MAX_LIST_TEXT = 10_000


# The choice editor offers this many rows at least, and two empty ones after the last typed,
# so a page without its script can still add choices (an empty row is left out on save).
MIN_CHOICE_ROWS = 4
SPARE_CHOICE_ROWS = 2


class ValueListField(Field):
    """Every value sent under the field's name, in order: one input per row of the choice
    editor. ``None`` when none was sent, so a form posting the text format is read as before."""

    def process_formdata(self, valuelist: list[str]) -> None:
        # WTForms calls this with [] for a name not sent at all; the editor always sends one
        # text per row, so [] means the form had no rows.
        if valuelist:
            self.data = list(valuelist)

    def _value(self) -> str:
        return ""


def claim_choices(claims) -> list[SelectChoice]:
    """Claims grouped by topic, each shown by the start of its quote."""
    choices = []
    for claim in claims:
        quote = claim.quote if len(claim.quote) <= 90 else claim.quote[:87] + "…"
        choices.append(SelectChoice(str(claim.id), quote, optgroup=claim.topic.title))
    return choices


def _refuse_tags(field: StringField) -> None:
    problem = tag_field_problem(field.data or "")
    if problem:
        raise ValidationError(_(problem.template, **problem.params))


class QuestionForm(FlaskForm):
    claim_id = SelectField(_l("Claim of the article it tests"), coerce=int)
    type = SelectField(_l("Question type"), choices=type_choices(None), default="single_choice")
    prompt = TextAreaField(
        _l(
            "Prompt (a fill-in-the-blank prompt has one _____; a cloze writes its gaps in it as "
            "Moodle does: {1:SHORTANSWER:=Paris#Right~%50%paris}, {1:MULTICHOICE:=Yes~No}, "
            "{2:NUMERICAL:=3.14:0.01})"
        ),
        validators=[InputRequired(), Length(max=MAX_PROMPT)],
    )
    choices = TextAreaField(
        _l("Choices (single and multiple choice): one per line, correct ones start with *"),
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    accepted = TextAreaField(
        _l(
            "Accepted answers (fill in the blank, short answer): one per line; numerical: "
            "3.14:0.01 (value:tolerance), 1..5, %50%3.1:0.1 for part credit, unit: cm = 100"
        ),
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    pairs = TextAreaField(
        _l("Pairs (matching): one per line, as left %(sep)s right", sep=PAIR_SEPARATOR),
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    # The choice editor's rows: each row's text, and the rows ticked right (by position).
    choice_text = ValueListField(_l("Choice"), default=None)
    choice_right = ValueListField(_l("Right"), default=None)
    # Checked by the service for true/false questions only, so no choice check here.
    answer_bool = RadioField(
        _l("Answer (true/false)"),
        choices=[SelectChoice("true", _l("True")), SelectChoice("false", _l("False"))],
        validate_choice=False,
    )
    explanation = TextAreaField(
        _l("Explanation shown with the feedback"),
        validators=[InputRequired(), Length(max=MAX_EXPLANATION)],
    )
    difficulty = SelectField(
        _l("Difficulty"), coerce=int, choices=difficulty_choices(None), default=2
    )
    quote = TextAreaField(
        _l("Quote from the claim (optional, word for word)"), validators=[Length(max=MAX_PROMPT)]
    )
    hints = TextAreaField(
        _l(
            "Hints (optional): a learner practising may show them one by one before answering; "
            "leave a blank line between two hints"
        ),
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    # Shown where a teacher reviews imported drafts, whose files carry tags.
    tags = StringField(
        _l("Tags (optional, separated by spaces)"), validators=[Length(max=MAX_LIST_TEXT)]
    )
    prompt_file = file_field(_l("Picture or sound with the prompt (optional)"))
    prompt_alt = alt_field()
    prompt_remove = remove_field()
    # One choice's file per save, the choice named by its place in the list; the files on
    # choices already are removed by ticking them (their choice ids).
    option_number = IntegerField(
        _l("Which choice it goes with (1 for the first)"),
        validators=[Optional(), NumberRange(min=1, max=MAX_OPTIONS)],
    )
    option_file = file_field(_l("Picture or sound for a choice (optional)"))
    option_alt = alt_field()
    option_remove = ValueListField(_l("Remove"), default=None)
    submit = SubmitField(_l("Save question"))
    # The explanation an empty box stands for (``leave_explanation_unwritten``), else None.
    unwritten_explanation: str | None = None

    def leave_explanation_unwritten(self, stored: str) -> None:
        """Show the box empty for an imported question that came without an explanation: the
        placeholder it is stored with is not the teacher's text. Left empty, it stays stored."""
        self.unwritten_explanation = stored
        self.explanation.validators = [Length(max=MAX_EXPLANATION)]
        self.explanation.flags.required = False
        self.explanation.render_kw = {"placeholder": _(stored)}
        if (self.explanation.data or "").strip() == stored:
            self.explanation.data = ""

    def offers_choice_media(self) -> bool:
        """Whether the chosen kind's answer is choices, which may carry a picture or sound (an
        unknown type shows the fields: the save refuses the type)."""
        return not is_known_type(self.type.data) or kind_of(self.type.data).has_choices

    def validate(self, extra_validators=None) -> bool:
        """The form's own checks, then the answer's for the chosen type, shown on the answer
        field with what was typed kept (the service checks it all again on save)."""
        if not super().validate(extra_validators):
            return False
        problem = answer_problem(self.fields())
        if problem is not None:
            answer_field = self[kind_of(self.type.data).authoring_field]
            answer_field.errors = [*answer_field.errors, report_sentence(problem)]
            return False
        return True

    def validate_hints(self, field: TextAreaField) -> None:
        hints = hints_from_text(field.data or "")
        if len(hints) > MAX_HINTS:
            raise ValidationError(
                _(
                    "A question has at most %(max)d hints; this has %(count)d.",
                    max=MAX_HINTS,
                    count=len(hints),
                )
            )
        for number, hint in enumerate(hints, start=1):
            if len(hint) > MAX_HINT_CHARS:
                raise ValidationError(
                    _(
                        "Hint %(number)d is longer than %(max)d characters.",
                        number=number,
                        max=MAX_HINT_CHARS,
                    )
                )

    def validate_tags(self, field: StringField) -> None:
        _refuse_tags(field)

    def choice_rows(self) -> tuple[tuple[str, bool], ...] | None:
        """The editor's rows as (text, ticked), or None when the text format was sent."""
        if self.choice_text.data is None:
            return None
        right = set(self.choice_right.data or [])
        return tuple((text, str(i) in right) for i, text in enumerate(self.choice_text.data))

    @staticmethod
    def tick_styles() -> dict[str, str]:
        """How each kind's choice rows mark the right answer: "radio" (one right choice),
        "checkbox" (several) or "none" (a poll: no right answer). The kinds say so (``single``,
        ``graded``), so neither the template nor its script compares type names."""
        styles = {}
        for kind in all_kinds():
            if not kind.graded:
                styles[str(kind.type)] = "none"
            else:
                styles[str(kind.type)] = "radio" if getattr(kind, "single", True) else "checkbox"
        return styles

    def tick_style(self) -> str:
        """The tick of the chosen kind; none chosen yet, or a kind with no choices, starts as
        single choice, the editor's default."""
        return self.tick_styles().get(str(self.type.data), "radio")

    def choice_rows_shown(self) -> list[tuple[str, bool]]:
        """The rows the editor shows: what was typed (empty rows at the end aside), then spare
        empty ones, at least MIN_CHOICE_ROWS and no more spares than MAX_OPTIONS allows."""
        rows = list(self.choice_rows() or ())
        while rows and not rows[-1][0].strip() and not rows[-1][1]:
            rows.pop()
        wanted = max(len(rows) + SPARE_CHOICE_ROWS, MIN_CHOICE_ROWS)
        return rows + [("", False)] * max(min(wanted, MAX_OPTIONS) - len(rows), 0)

    def fields(self) -> QuestionFields:
        answer = {"true": True, "false": False}.get(self.answer_bool.data or "")
        return QuestionFields(
            claim_id=self.claim_id.data,
            type=self.type.data,
            prompt=self.prompt.data or "",
            explanation=self._explanation(),
            difficulty=self.difficulty.data,
            choices=self.choices.data or "",
            accepted=self.accepted.data or "",
            pairs=self.pairs.data or "",
            answer_bool=answer,
            quote=self.quote.data or "",
            choice_rows=self.choice_rows(),
            # A request without the field (not the form's) leaves the hints as they are.
            hints=(self.hints.data or "") if self.hints.raw_data else None,
            tags=(self.tags.data or "") if self.tags.raw_data else None,
        )

    def _explanation(self) -> str:
        written = self.explanation.data or ""
        if not written.strip() and self.unwritten_explanation is not None:
            return self.unwritten_explanation
        return written

    def fill(self, fields: QuestionFields) -> None:
        # Every field but answer_bool is shown as it is stored; a radio button holds that one.
        for field in dataclasses.fields(fields):
            if field.name not in ("answer_bool", "choice_rows"):
                getattr(self, field.name).data = getattr(fields, field.name)
        if fields.answer_bool is not None:
            self.answer_bool.data = "true" if fields.answer_bool else "false"
        rows = fields.choice_rows or ()
        self.choice_text.data = [text for text, _ in rows]
        self.choice_right.data = [str(i) for i, (_, right) in enumerate(rows) if right]


class FlashcardForm(FlaskForm):
    claim_id = SelectField(_l("Claim of the article it teaches"), coerce=int)
    kind = RadioField(
        _l("Kind"),
        choices=[
            SelectChoice(CardKind.BASIC, _l("Basic (question and answer)")),
            SelectChoice(CardKind.CLOZE, _l("Cloze (the front has one _____)")),
        ],
        default=CardKind.BASIC,
    )
    # A side may be a picture or a sound alone: the service refuses a side with neither.
    front = TextAreaField(_l("Front"), validators=[Length(max=MAX_PROMPT)])
    front_file = file_field(_l("Picture or sound on the front (optional)"))
    front_alt = alt_field()
    front_remove = remove_field()
    back = TextAreaField(_l("Back"), validators=[Length(max=MAX_PROMPT)])
    back_file = file_field(_l("Picture or sound on the back (optional)"))
    back_alt = alt_field()
    back_remove = remove_field()
    back_extra = TextAreaField(
        _l("Back Extra (optional): shown below the answer, as on an Anki cloze card"),
        validators=[Length(max=MAX_PROMPT)],
    )
    tags = StringField(
        _l("Tags (optional, separated by spaces, as in Anki)"),
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    submit = SubmitField(_l("Save flashcard"))

    def validate_tags(self, field: StringField) -> None:
        _refuse_tags(field)

    def fields(self) -> FlashcardFields:
        return FlashcardFields(
            self.claim_id.data,
            self.kind.data,
            self.front.data or "",
            self.back.data or "",
            # A request without the field (not the form's) leaves the tags as they are.
            tags=(self.tags.data or "") if self.tags.raw_data else None,
            back_extra=(self.back_extra.data or "") if self.back_extra.raw_data else None,
        )

    def fill(self, card) -> None:
        self.claim_id.data, self.kind.data = card.claim_id, card.kind
        self.front.data, self.back.data = card.front, card.back
        self.tags.data = tags_text(card.tags or ())
        self.back_extra.data = card.back_extra or ""
