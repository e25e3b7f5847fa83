"""What the API sends and takes, as marshmallow schemas: the OpenAPI document's components
are generated from these (``flask-smorest``), so the document and the answers cannot drift."""

from __future__ import annotations

from datetime import UTC, datetime

import marshmallow as ma
from marshmallow import fields, validate

from quizapp.core.question_kinds import is_known_type, kind_of

Str, Int, Bool = fields.String, fields.Integer, fields.Boolean


class UtcDateTime(fields.DateTime):
    """A stored time (naive, in UTC) sent as RFC 3339 with its offset, ``...+00:00``: a
    date-time without one names no moment."""

    def _serialize(self, value: datetime | None, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


def _label(question) -> str:
    return kind_of(question.type).label if is_known_type(question.type) else question.type


def _choice_texts(question) -> list[str]:
    """The options a learner picks from, in an order of their own (by text), never the stored
    one: a generated question stores its right options first (the quiz pages shuffle them), so
    the stored order would give the answer key away. Kinds whose stored choices are the key
    itself (a numerical question's accepted values, a cloze's gaps, matching's pairs) list none.
    """
    if not is_known_type(question.type) or not kind_of(question.type).numbered_options:
        return []
    texts = [str(choice.get("text", "")) for choice in question.choices or []]
    return sorted(texts, key=lambda text: (text.casefold(), text))


class KindSchema(ma.Schema):
    type = Str(required=True, attribute="type.value")
    label = Str(required=True)
    graded = Bool(required=True)


class ArticleSchema(ma.Schema):
    id = Int(required=True)
    slug = Str(required=True)
    title = Str(required=True)
    language = Str(required=True)
    published = Bool(required=True)
    source_url = Str(required=True, allow_none=True)
    created_at = UtcDateTime(required=True)


class TopicSchema(ma.Schema):
    id = Int(required=True)
    article_id = Int(required=True)
    parent_id = Int(required=True, allow_none=True)
    key = Str(required=True)
    title = Str(required=True)
    position = Int(required=True)


class ClaimSchema(ma.Schema):
    id = Int(required=True)
    article_id = Int(required=True)
    topic_id = Int(required=True)
    key = Str(required=True)
    quote = Str(required=True)
    start_offset = Int(required=True)
    end_offset = Int(required=True)


class ItemSchema(ma.Schema):
    """A question as a learner meets it: no answer key."""

    id = Int(required=True)
    article_id = Int(required=True)
    claim_id = Int(required=True)
    kind = Str(required=True, attribute="type", metadata={"description": "see /kinds"})
    kind_label = fields.Function(_label, required=True)
    prompt = Str(required=True)
    difficulty = Int(required=True)
    choices = fields.Function(
        _choice_texts,
        required=True,
        metadata={
            "description": "the options' texts, for the kinds a learner answers by picking "
            "an option (single and multiple choice, poll), in alphabetical order (not the "
            "order a quiz shows them in); empty for the others"
        },
    )
    hints = fields.List(
        Str(),
        required=True,
        metadata={
            "description": "hints a learner may reveal one by one before answering, in order, "
            "as practice shows them; empty while an assignment of the caller holds the "
            "question back (an assigned quiz shows no hints)"
        },
    )


class ClassSchema(ma.Schema):
    id = Int(required=True, attribute="school_class.id")
    name = Str(required=True, attribute="school_class.name")
    join_code = Str(required=True, attribute="school_class.join_code")
    students = Int(required=True)


class QuizSetSchema(ma.Schema):
    id = Int(required=True, attribute="quiz_set.id")
    title = Str(required=True, attribute="quiz_set.title")
    grading_method = Str(required=True, attribute="quiz_set.grading_method")
    attempts_allowed = Int(required=True, attribute="quiz_set.attempts_allowed")
    time_limit_minutes = Int(
        required=True, allow_none=True, attribute="quiz_set.time_limit_minutes"
    )
    questions = Int(required=True)
    assignments = Int(required=True)


class AssignmentSchema(ma.Schema):
    id = Int(required=True)
    title = Str(required=True)
    quiz_set_id = Int(required=True)
    open_at = UtcDateTime(required=True, allow_none=True)
    due_at = UtcDateTime(required=True)
    accept_late = Bool(required=True)
    class_ids = fields.Function(lambda a: sorted(c.id for c in a.classes), required=True)


class AttemptSchema(ma.Schema):
    id = Int(required=True)
    student_id = Int(required=True, attribute="user_id")
    attempt_number = Int(required=True, allow_none=True)
    started_at = UtcDateTime(required=True)
    submitted_at = UtcDateTime(required=True, allow_none=True)
    score = fields.Float(required=True, allow_none=True)
    max_score = fields.Float(required=True)
    is_late = Bool(required=True)


class GradeCellSchema(ma.Schema):
    student_id = Int(required=True)
    assignment_id = Int(required=True)
    status = Str(required=True)
    attempts = Int(required=True)
    percent = fields.Float(required=True, allow_none=True)
    late = Bool(required=True)


class StudentSchema(ma.Schema):
    id = Int(required=True)
    display_name = Str(required=True)


class GradebookSchema(ma.Schema):
    class_id = Int(required=True)
    students = fields.List(fields.Nested(StudentSchema), required=True)
    assignments = fields.List(fields.Nested(AssignmentSchema), required=True)
    cells = fields.List(fields.Nested(GradeCellSchema), required=True)


class DueCardSchema(ma.Schema):
    flashcard_id = Int(required=True)
    front = Str(required=True, attribute="flashcard.front")
    back = Str(required=True, attribute="flashcard.back")
    back_extra = Str(
        required=True,
        attribute="flashcard.back_extra",
        metadata={
            "description": "A cloze card's Back Extra, shown below the answer; empty if none"
        },
    )
    claim_id = Int(required=True, attribute="flashcard.claim_id")
    due = UtcDateTime(required=True)
    state = Int(required=True, metadata={"description": "1 learning, 2 review, 3 relearning"})


class ReviewArgs(ma.Schema):
    flashcard_id = Int(required=True, validate=validate.Range(min=1, max=2**31 - 1))
    rating = Int(
        required=True,
        validate=validate.Range(min=1, max=4),
        metadata={"description": "1 Again, 2 Hard, 3 Good, 4 Easy"},
    )
    duration_ms = Int(load_default=None, allow_none=True, validate=validate.Range(min=0))


class ReviewSchema(ma.Schema):
    flashcard_id = Int(required=True)
    rating = Int(required=True)
    due = Str(required=True, metadata={"description": "when the card is due next (ISO 8601)"})
    replayed = Bool(
        required=True, metadata={"description": "true when this answers a retried request"}
    )


class TopicFilterArgs(ma.Schema):
    topic = Int(validate=validate.Range(min=1, max=2**31 - 1))
