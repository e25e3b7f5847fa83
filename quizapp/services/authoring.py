"""Teachers' own questions and flashcards: create, edit, copy a seeded item, retire.

Questions pass the same checks as the seed bank (``core.bank.validate_question_fields``); a
quote, if given, must be part of the claim's own text. A problem raises :class:`TeachingError`
before anything is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.aliases import AnswerContext
from quizapp.core.bank import BLANK, validate_question_fields
from quizapp.core.item_tags import tag_field_problem, tags_from_text, tags_text
from quizapp.core.question_hints import hints_from_text, hints_text
from quizapp.core.question_kinds import is_known_type, kind_of
from quizapp.core.question_kinds.base import PAIR_SEPARATOR
from quizapp.core.translatable import N_, Sentence, problem_of
from quizapp.core.vocabulary import CardKind, ItemOrigin
from quizapp.models import (
    AttemptQuestion,
    CardState,
    Claim,
    Flashcard,
    Question,
    Topic,
)
from quizapp.models.content import FLASHCARD_CONTENT_FIELDS, QUESTION_CONTENT_FIELDS
from quizapp.services.choice_ids import with_opaque_ids, with_written_credit
from quizapp.services.errors import NotNow, ReadOnly, TeachingError
from quizapp.services.tag_filter import holds_tag
from quizapp.services.visibility import (
    bank_items,
    own_items,
    usable_claim,
    usable_item,
)

MAX_PROMPT = 2000
MAX_EXPLANATION = 4000
FLASHCARD_KINDS = tuple(CardKind)


def _fail(reason: str, **params: object) -> None:
    # The bank's reasons are lower-case fragments ("needs at least two choices"); make them
    # sentences for the form (the web layer words them in the teacher's language). This
    # module's own are whole sentences marked N_, their values apart.
    if params:
        sentence = reason[:1].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
        raise TeachingError(sentence, **params)
    raise TeachingError(Sentence(reason))


@dataclass(frozen=True)
class QuestionFields:
    """A question as a teacher types it: one choice, accepted answer or pair per line.

    Choices marked correct start with ``*`` (or come as ``choice_rows``); a pair is
    ``left | right``.
    """

    claim_id: int
    type: str
    prompt: str
    explanation: str
    difficulty: int = 2
    choices: str = ""
    accepted: str = ""
    pairs: str = ""
    answer_bool: bool | None = None
    quote: str = ""
    # The choices as the editor's rows (text, ticked), which take the place of ``choices``
    # when given: a row's text may itself start with "*".
    choice_rows: tuple[tuple[str, bool], ...] | None = None
    # Its hints as typed, separated by a blank line (``core.question_hints``); None leaves an
    # edited question's hints as they are (a request that did not send the field).
    hints: str | None = None
    # Its tags as typed, words separated by spaces (``core.item_tags``); None leaves them as
    # they are, as for a flashcard's (the My-questions form has no tags field).
    tags: str | None = None

    def raw(self) -> dict[str, Any]:
        """The fields in the seed bank's shape, for ``validate_question_fields``; the kind reads
        its own fields (an unknown type is left for the validation to refuse)."""
        if len(self.prompt) > MAX_PROMPT or len(self.explanation) > MAX_EXPLANATION:
            _fail(
                N_(
                    "The prompt has at most %(prompt)s characters, the explanation %(explanation)s."
                ),
                prompt=MAX_PROMPT,
                explanation=MAX_EXPLANATION,
            )
        raw: dict[str, Any] = {
            "type": self.type,
            "prompt": self.prompt,
            "explanation": self.explanation,
            "difficulty": self.difficulty,
            "hints": hints_from_text(self.hints or ""),
        }
        if is_known_type(self.type):
            raw.update(kind_of(self.type).raw_from_authoring(self, _fail))
        return raw


def answer_problem(fields: QuestionFields) -> str | None:
    """What is wrong with the answer given for the question's type (too few choices, no right
    one, …), or None; the form shows it on the answer field. Saving checks it again."""
    if not is_known_type(fields.type):
        return None
    kind = kind_of(fields.type)
    try:
        kind.validate(kind.raw_from_authoring(fields, _fail), {"prompt": fields.prompt}, _fail)
    except TeachingError as error:
        return problem_of(error.template, error.params)
    return None


@dataclass(frozen=True)
class FlashcardFields:
    claim_id: int
    kind: str
    front: str
    back: str
    # The sides that show a picture or sound: such a side may have no text (Anki's image-only
    # sides are common).
    sides_with_media: frozenset[str] = frozenset()
    # Its tags as typed: words separated by spaces (``core.item_tags``); None leaves an edited
    # card's tags as they are (a request that did not send the field).
    tags: str | None = None
    # A cloze card's Back Extra, shown below the answer; None leaves an edited card's as it is.
    back_extra: str | None = None


def new_key(teacher_id: int) -> str:
    """A unique key for a teacher's item (seeded items use stable keys from the bank)."""
    return f"t{teacher_id}-{uuid4().hex[:10]}"


def _claim(
    session: Session, claim_id: int, teacher_id: int, item: Question | Flashcard | None = None
) -> Claim:
    """The claim, if it is one of an article the teacher may use (writing on another teacher's
    private article would put an item into it), or one of the edited ``item``'s own article
    (a draft under review stays in its article)."""
    claim = usable_claim(session, claim_id, teacher_id)
    if claim is None and item is not None:
        claim = session.scalar(
            sa.select(Claim).where(Claim.id == claim_id, Claim.article_id == item.article_id)
        )
    if claim is None:
        _fail(N_("Choose the claim of the article this item is about."))
    return claim


def _question_values(
    session: Session, teacher_id: int, fields: QuestionFields, item: Question | None = None
) -> dict[str, Any]:
    """The question's columns from the form. Accepted answers get their aliases from the
    claim's article; answers the edited ``item`` had already keep what the teacher made of
    them, so an alias they deleted is not added back."""
    claim = _claim(session, fields.claim_id, teacher_id, item)
    draft = validate_question_fields(
        fields.raw(),
        _fail,
        origin=ItemOrigin.TEACHER,
        answers=AnswerContext.of_text(claim.article.text),
        keep_answers=item.accepted if item is not None else (),
    )
    quote = " ".join(fields.quote.split()) or None
    if quote is not None and quote not in claim.quote:
        _fail(N_("The quote must be copied word for word from the claim's text."))
    return {
        "claim_id": claim.id,
        "article_id": claim.article_id,  # an item's article is its claim's, also after an edit
        "type": str(draft.type),
        "prompt": draft.prompt,
        "explanation": draft.explanation,
        "difficulty": draft.difficulty,
        "choices": draft.choices,
        "accepted": draft.accepted,
        "pairs": draft.pairs,
        "answer_bool": draft.answer_bool,
        "quote": quote,
        **({"hints": draft.hints} if fields.hints is not None or item is None else {}),
        **_tag_values(fields.tags),
    }


def _tag_values(tags: str | None) -> dict[str, Any]:
    """The item's tags column from the typed field, or nothing when the field was not sent;
    refused as a form refuses them (a tag too long, too many, the app's own topic tags)."""
    if tags is None:
        return {}
    problem = tag_field_problem(tags)
    if problem:
        raise TeachingError(problem.template, **problem.params)
    return {"tags": tags_from_text(tags).tags}


def create_question(session: Session, teacher_id: int, fields: QuestionFields) -> Question:
    values = _question_values(session, teacher_id, fields)
    values["choices"] = with_opaque_ids(values["choices"])
    question = Question(
        key=new_key(teacher_id), origin=ItemOrigin.TEACHER, author_id=teacher_id, **values
    )
    session.add(question)
    return question


ANSWERED_QUESTION = "Students have answered this question; copy it to change its answer."


def answer_key(values: dict[str, Any]) -> tuple:
    """What earlier answers and their marks depend on: the type, each choice's id and whether
    it is correct (its wording may change), accepted answers, pairs and the true/false answer."""
    choices = tuple(
        (
            c["id"],
            bool(c["correct"]),
            c.get("value"),
            c.get("tolerance"),
            c.get("fraction"),
            repr(c.get("gap")),
        )
        for c in values.get("choices") or []
    )
    return (
        values["type"],
        choices,
        tuple(values.get("accepted") or []),
        tuple(tuple(pair) for pair in values.get("pairs") or []),
        values.get("answer_bool"),
    )


def is_answered(session: Session, question: Question) -> bool:
    """Whether the question is part of any attempt (started or submitted)."""
    used = sa.select(AttemptQuestion.id).where(AttemptQuestion.question_id == question.id)
    return session.scalar(used.limit(1)) is not None


def update_question(
    session: Session, question: Question, fields: QuestionFields, teacher_id: int
) -> None:
    """Edit in place. Choice ids stay by position, so earlier answers keep their meaning.

    Once the question is part of an attempt, only its wording may change (prompt, explanation,
    difficulty, choice texts): a new type or answer key would break the answers already given,
    so it raises :class:`NotNow` (copy the question instead).
    """
    values = _question_values(session, teacher_id, fields, question)
    values["choices"] = with_written_credit(
        with_opaque_ids(values["choices"], question.choices), question.choices
    )
    current = {
        name: getattr(question, name)
        for name in ("type", "choices", "accepted", "pairs", "answer_bool")
    }
    if answer_key(values) != answer_key(current) and is_answered(session, question):
        raise NotNow(ANSWERED_QUESTION)
    for name, value in values.items():
        setattr(question, name, value)


def fields_of(question: Question) -> QuestionFields:
    """The form's view of a stored question (the inverse of ``QuestionFields.raw``)."""
    fields = QuestionFields(
        claim_id=question.claim_id,
        type=question.type,
        prompt=question.prompt,
        explanation=question.explanation,
        difficulty=question.difficulty,
        choices="\n".join(("* " if c["correct"] else "") + c["text"] for c in question.choices),
        accepted="\n".join(question.accepted or []),
        pairs="\n".join(f"{a} {PAIR_SEPARATOR} {b}" for a, b in question.pairs or []),
        answer_bool=question.answer_bool,
        quote=question.quote or "",
        choice_rows=tuple((c["text"], bool(c["correct"])) for c in question.choices or []),
        hints=hints_text(question.hints or []),
        tags=tags_text(question.tags or ()),
    )
    return dataclasses.replace(fields, **kind_of(question.type).authoring_text(question))


def draft_problem(
    session: Session, item: Question | Flashcard, teacher_id: int
) -> TeachingError | None:
    """Why the draft ``item`` would not pass the checks a teacher's edit passes (the refusal
    its edit would get, worded on the page by ``quizapp.i18n.refusal_text``), or None."""
    try:
        if isinstance(item, Question):
            _question_values(session, teacher_id, fields_of(item), item)
        else:
            sides = frozenset(entry.get("place") for entry in item.media or ())
            fields = FlashcardFields(
                item.claim_id, item.kind, item.front, item.back, sides, tags_text(item.tags or ())
            )
            _flashcard_values(session, teacher_id, fields, item)
    except TeachingError as error:
        return error
    return None


def _flashcard_values(
    session: Session, teacher_id: int, fields: FlashcardFields, item: Flashcard | None = None
) -> dict[str, Any]:
    claim = _claim(session, fields.claim_id, teacher_id, item)
    front, back = fields.front.strip(), fields.back.strip()
    if fields.kind not in FLASHCARD_KINDS:
        _fail(N_("A flashcard is basic or cloze."))
    if (not front and "front" not in fields.sides_with_media) or (
        not back and "back" not in fields.sides_with_media
    ):
        _fail(N_("A flashcard needs a front and a back (text, a picture or a sound on each)."))
    if len(front) > MAX_PROMPT or len(back) > MAX_PROMPT:
        _fail(N_("Each side of a flashcard has at most %(most)s characters."), most=MAX_PROMPT)
    if fields.kind == CardKind.CLOZE and front.count(BLANK) != 1:
        _fail(
            N_("A cloze card's front needs exactly one %(blank)s where the back's answer goes."),
            blank=BLANK,
        )
    values = {
        "claim_id": claim.id,
        "article_id": claim.article_id,
        "kind": fields.kind,
        "front": front,
        "back": back,
    }
    values.update(_tag_values(fields.tags))
    if fields.back_extra is not None:
        back_extra = fields.back_extra.strip()
        if len(back_extra) > MAX_PROMPT:
            _fail(f"A card's Back Extra has at most {MAX_PROMPT} characters.")
        values["back_extra"] = back_extra
    return values


def create_flashcard(session: Session, teacher_id: int, fields: FlashcardFields) -> Flashcard:
    card = Flashcard(
        key=new_key(teacher_id),
        origin=ItemOrigin.TEACHER,
        author_id=teacher_id,
        **_flashcard_values(session, teacher_id, fields),
    )
    session.add(card)
    return card


def update_flashcard(
    session: Session, card: Flashcard, fields: FlashcardFields, teacher_id: int
) -> None:
    for name, value in _flashcard_values(session, teacher_id, fields, card).items():
        setattr(card, name, value)


# --- who may see and change what -------------------------------------------------------------


def editable_item(session: Session, model, item_id: int, teacher_id: int):
    """The teacher's own item, whatever became of its article; the bank's items are read-only
    (copy them to edit); anything else is :class:`NotFound`."""
    item = session.scalar(
        sa.select(model).where(model.id == item_id, own_items(model, teacher_id))
    ) or usable_item(session, model, item_id, teacher_id)
    if item.origin != ItemOrigin.TEACHER:
        raise ReadOnly(
            "Items from the article's bank are read-only. Copy it to make your own "
            "version, then edit the copy."
        )
    return item


def _copy(session: Session, item: Question | Flashcard, fields: tuple[str, ...], teacher_id: int):
    """The teacher's own copy of ``item``: its claim and content, a new key, their authorship."""
    copy = type(item)(
        key=new_key(teacher_id),
        origin=ItemOrigin.TEACHER,
        author_id=teacher_id,
        claim_id=item.claim_id,
        media=[dict(entry) for entry in item.media or ()],
        tags=list(item.tags or ()),
        **{name: getattr(item, name) for name in fields},
    )
    session.add(copy)
    return copy


def copy_question(session: Session, question: Question, teacher_id: int) -> Question:
    return _copy(session, question, QUESTION_CONTENT_FIELDS, teacher_id)


def copy_flashcard(session: Session, card: Flashcard, teacher_id: int) -> Flashcard:
    return _copy(session, card, (*FLASHCARD_CONTENT_FIELDS, "back_extra"), teacher_id)


def retire_or_delete(session: Session, item) -> str:
    """Delete an item nobody has met; retire one with history, so results stay readable."""
    if isinstance(item, Question):
        used = sa.select(AttemptQuestion.id).where(AttemptQuestion.question_id == item.id)
    else:
        used = sa.select(CardState.id).where(CardState.flashcard_id == item.id)
    if session.scalar(used.limit(1)) is not None:
        item.retired = True
        return "retired"
    session.delete(item)
    return "deleted"


def teacher_items(
    session: Session,
    model,
    teacher_id: int,
    *,
    mine: bool,
    topic_ids: list[int] | None = None,
    question_type: str | None = None,
    tags: tuple[str, ...] | None = None,
    limit: int = 200,
):
    """The teacher's own live items (``mine``, whatever became of their articles) or the bank's
    that they may use (of published articles and their own), in article order; with ``tags``,
    those holding one of them (a tag's stored spellings, ``tag_filter.TagChoice``)."""
    stmt = (
        sa.select(model)
        .join(Claim, model.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .order_by(Topic.article_id, Topic.position, Claim.start_offset, model.id)
        .limit(limit)
    )
    if mine:
        stmt = stmt.where(own_items(model, teacher_id))
    else:
        stmt = stmt.where(bank_items(model, teacher_id))
    if topic_ids:
        stmt = stmt.where(Claim.topic_id.in_(topic_ids))
    if question_type and model is Question:
        stmt = stmt.where(Question.type == question_type)
    if tags is not None:
        stmt = stmt.where(holds_tag(model, tags))
    return list(session.scalars(stmt))


def teacher_item_ids(model, teacher_id: int) -> sa.Select:
    """The ids of every item :func:`teacher_items` lists, the teacher's own and the bank's:
    what the list's tag filter offers tags from."""
    return sa.select(model.id).where(
        sa.or_(own_items(model, teacher_id), bank_items(model, teacher_id))
    )
