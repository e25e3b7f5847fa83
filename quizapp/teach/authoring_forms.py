"""Forms for teachers' own questions and flashcards."""

from __future__ import annotations

import dataclasses

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from quizapp.core.vocabulary import CardKind
from quizapp.services.authoring import (
    MAX_EXPLANATION,
    MAX_PROMPT,
    PAIR_SEPARATOR,
    FlashcardFields,
    QuestionFields,
)
from quizapp.teach.forms import difficulty_choices, type_choices

# Generous caps on raw text: the service applies the real limits with a clear message.
MAX_LIST_TEXT = 10_000


def claim_choices(claims) -> list[SelectChoice]:
    """Claims grouped by topic, each shown by the start of its quote."""
    choices = []
    for claim in claims:
        quote = claim.quote if len(claim.quote) <= 90 else claim.quote[:87] + "…"
        choices.append(SelectChoice(str(claim.id), quote, optgroup=claim.topic.title))
    return choices


class QuestionForm(FlaskForm):
    claim_id = SelectField("Claim of the article it tests", coerce=int)
    type = SelectField("Question type", choices=type_choices(None), default="single_choice")
    prompt = TextAreaField(
        "Prompt (a fill-in-the-blank prompt has one _____)",
        validators=[InputRequired(), Length(max=MAX_PROMPT)],
    )
    choices = TextAreaField(
        "Choices (single and multiple choice): one per line, correct ones start with *",
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    accepted = TextAreaField(
        "Accepted answers (fill in the blank, short answer): one per line",
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    pairs = TextAreaField(
        f"Pairs (matching): one per line, as left {PAIR_SEPARATOR} right",
        validators=[Length(max=MAX_LIST_TEXT)],
    )
    # Checked by the service for true/false questions only, so no choice check here.
    answer_bool = RadioField(
        "Answer (true/false)",
        choices=[SelectChoice("true", "True"), SelectChoice("false", "False")],
        validate_choice=False,
    )
    explanation = TextAreaField(
        "Explanation shown with the feedback",
        validators=[InputRequired(), Length(max=MAX_EXPLANATION)],
    )
    difficulty = SelectField("Difficulty", coerce=int, choices=difficulty_choices(None), default=2)
    quote = TextAreaField(
        "Quote from the claim (optional, word for word)", validators=[Length(max=MAX_PROMPT)]
    )
    submit = SubmitField("Save question")

    def fields(self) -> QuestionFields:
        answer = {"true": True, "false": False}.get(self.answer_bool.data or "")
        return QuestionFields(
            claim_id=self.claim_id.data,
            type=self.type.data,
            prompt=self.prompt.data or "",
            explanation=self.explanation.data or "",
            difficulty=self.difficulty.data,
            choices=self.choices.data or "",
            accepted=self.accepted.data or "",
            pairs=self.pairs.data or "",
            answer_bool=answer,
            quote=self.quote.data or "",
        )

    def fill(self, fields: QuestionFields) -> None:
        # Every field but answer_bool is shown as it is stored; a radio button holds that one.
        for field in dataclasses.fields(fields):
            if field.name != "answer_bool":
                getattr(self, field.name).data = getattr(fields, field.name)
        if fields.answer_bool is not None:
            self.answer_bool.data = "true" if fields.answer_bool else "false"


class FlashcardForm(FlaskForm):
    claim_id = SelectField("Claim of the article it teaches", coerce=int)
    kind = RadioField(
        "Kind",
        choices=[
            SelectChoice(CardKind.BASIC, "Basic (question and answer)"),
            SelectChoice(CardKind.CLOZE, "Cloze (the front has one _____)"),
        ],
        default=CardKind.BASIC,
    )
    front = TextAreaField("Front", validators=[InputRequired(), Length(max=MAX_PROMPT)])
    back = TextAreaField("Back", validators=[InputRequired(), Length(max=MAX_PROMPT)])
    submit = SubmitField("Save flashcard")

    def fields(self) -> FlashcardFields:
        return FlashcardFields(
            self.claim_id.data, self.kind.data, self.front.data or "", self.back.data or ""
        )

    def fill(self, card) -> None:
        self.claim_id.data, self.kind.data = card.claim_id, card.kind
        self.front.data, self.back.data = card.front, card.back
