"""Quiz attempts: build one, save each answer as it is given, submit, expire.

Shared by practice quizzes, the daily review and assignments. Errors a learner can cause are
:class:`QuizError` subclasses carrying the HTTP status the web layer should answer with.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, selectinload

from quizapp.core.clock import utcnow
from quizapp.core.grading import Choice, GradingKey, InvalidAnswer, grade_answer
from quizapp.core.question_kinds import kind_of, slot_order, ungraded_types
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind, FeedbackTiming
from quizapp.models import Article, AttemptQuestion, Claim, Question, QuizAttempt, Response
from quizapp.services.errors import AnswerLocked, AttemptClosed, BadAnswer, NotYourAttempt


def grading_key(question: Question) -> GradingKey:
    """The grader's view of a stored question."""
    return GradingKey(
        type=QuestionType(question.type),
        choices=tuple(
            Choice(
                c["id"],
                c["text"],
                bool(c["correct"]),
                c.get("fraction"),
                c.get("value"),
                c.get("tolerance") or 0.0,
                c.get("gap"),
            )
            for c in question.choices
        ),
        accepted=tuple(question.accepted or ()),
        pairs=tuple((a, b) for a, b in question.pairs or ()),
        correct_bool=question.answer_bool,
    )


def poll_question_ids() -> sa.Select:
    """The ids of questions whose answers are never marked (polls): what learners know, an
    item's statistics and practice leave their answers out."""
    return sa.select(Question.id).where(Question.type.in_(ungraded_types()))


def create_attempt(
    session: Session,
    user_id: int,
    questions: Sequence[Question],
    *,
    kind: str = AttemptKind.PRACTICE,
    title: str = N_("Practice quiz"),
    shuffle_choices: bool = False,
    rng: random.Random | None = None,
    assignment_id: int | None = None,
    deadline: datetime | None = None,
    late_after: datetime | None = None,
    feedback: str = FeedbackTiming.IMMEDIATELY,
    feedback_after: datetime | None = None,
    attempt_number: int | None = None,
) -> QuizAttempt:
    """A new attempt over ``questions`` in the given order.

    ``deadline``: the server submits the attempt at this time (a time limit); ``late_after``:
    a submission after it is marked late; ``feedback``: see ``QuizAttempt.feedback``.
    """
    rng = rng or random.Random()
    attempt = QuizAttempt(
        user_id=user_id,
        kind=kind,
        title=title,
        assignment_id=assignment_id,
        deadline=deadline,
        late_after=late_after,
        feedback=feedback,
        feedback_after=feedback_after,
        attempt_number=attempt_number,
        max_score=float(sum(kind_of(q.type).graded for q in questions)),
    )
    for position, question in enumerate(questions, start=1):
        order = slot_order(question, rng, shuffle=shuffle_choices)
        # A poll is answered and saved but worth no marks, so the score ignores it.
        mark = 1.0 if kind_of(question.type).graded else 0.0
        attempt.questions.append(
            AttemptQuestion(question=question, position=position, choice_order=order, max_mark=mark)
        )
    session.add(attempt)
    return attempt


def attempt_topics(attempt: QuizAttempt) -> list[str]:
    """The titles of the topics ``attempt`` asked about, in the order it first asked them."""
    titles = (slot.question.claim.topic.title for slot in attempt.questions)
    return list(dict.fromkeys(titles))


def load_attempt(session: Session, attempt_id: int, user_id: int) -> QuizAttempt:
    """The attempt if it belongs to ``user_id``; :class:`NotYourAttempt` otherwise.

    Its questions, their claims and the answers come in the same few queries, so a page over
    the attempt costs the same for 5 questions or 50.
    """
    options = (
        selectinload(QuizAttempt.questions).selectinload(AttemptQuestion.response),
        selectinload(QuizAttempt.questions)
        .selectinload(AttemptQuestion.question)
        .selectinload(Question.claim)
        .selectinload(Claim.article),
        # The results page names the topics the attempt covered.
        selectinload(QuizAttempt.questions)
        .selectinload(AttemptQuestion.question)
        .selectinload(Question.claim)
        .selectinload(Claim.topic),
    )
    attempt = session.scalars(
        sa.select(QuizAttempt).where(QuizAttempt.id == attempt_id).options(*options)
    ).one_or_none()
    if attempt is None or attempt.user_id != user_id:
        raise NotYourAttempt(N_("There is no such quiz attempt in your account."))
    return attempt


@dataclass
class QuestionScreen:
    """What a screen showing one question of an attempt needs."""

    attempt: QuizAttempt  # its other questions are not loaded (they load if read)
    slot: AttemptQuestion  # with its answer and its question, claim and article
    total: int
    answered: int  # questions of the attempt with an answer, this one included


def _question_screen_statement() -> sa.Select:
    attempt_id = sa.bindparam("attempt_id")
    slots = sa.select(sa.func.count(AttemptQuestion.id)).where(
        AttemptQuestion.attempt_id == attempt_id
    )
    answered = slots.join(Response, Response.slot_id == AttemptQuestion.id)
    shown = sa.and_(
        AttemptQuestion.attempt_id == QuizAttempt.id,
        AttemptQuestion.position == sa.bindparam("position"),
    )
    return (
        sa.select(QuizAttempt, slots.scalar_subquery(), answered.scalar_subquery(), AttemptQuestion)
        .outerjoin(AttemptQuestion, shown)
        .where(QuizAttempt.id == attempt_id)
        .options(
            joinedload(AttemptQuestion.response),
            # The article's text is most of its row and no question screen shows it.
            joinedload(AttemptQuestion.question)
            .joinedload(Question.claim)
            .joinedload(Claim.article)
            .defer(Article.text),
        )
    )


# Built once: a question screen is the page a learner loads most, and building a statement
# costs about as much as running it.
_QUESTION_SCREEN = _question_screen_statement()


def load_question_screen(
    session: Session, attempt_id: int, user_id: int, position: int
) -> QuestionScreen:
    """The attempt (if it is ``user_id``'s), the question at ``position`` and the header's
    counts, in one statement whatever the quiz's length (on PostgreSQL, one round trip).

    Loading every slot with its answer, to count them, made about 45 objects per screen of a
    20-question quiz; the counts now come with the attempt's row, and the shown slot with it.
    """
    row = session.execute(
        _QUESTION_SCREEN, {"attempt_id": attempt_id, "position": position}
    ).one_or_none()
    if row is None or row[0].user_id != user_id:
        raise NotYourAttempt(N_("There is no such quiz attempt in your account."))
    attempt, total, answered, slot = row
    if slot is None:
        raise NotYourAttempt(N_("This quiz has no question %(position)s."), position=position)
    return QuestionScreen(attempt, slot, total, answered)


def expire_if_due(session: Session, attempt: QuizAttempt, now: datetime | None = None) -> bool:
    """Submit a timed attempt whose time is up, with the answers saved so far."""
    now = now or utcnow()
    if attempt.submitted_at is None and attempt.deadline and now >= attempt.deadline:
        submit_attempt(session, attempt, now=attempt.deadline)
        return True
    return False


def save_answer(
    session: Session,
    attempt: QuizAttempt,
    slot: AttemptQuestion,
    answer: Any,
    *,
    check: bool = False,
    now: datetime | None = None,
) -> Response | None:
    """Grade and store ``answer`` for ``slot``, replacing an unchecked earlier answer.

    Saving the same answer again changes nothing but the time. ``check`` locks the answer
    (its feedback has been shown). ``None`` (a cleared answer) removes an unchecked answer, so
    the question counts as unanswered again; checking nothing is refused.
    """
    now = now or utcnow()
    if slot.attempt_id != attempt.id:
        raise NotYourAttempt(N_("That question is not part of this attempt."))
    expire_if_due(session, attempt, now)
    if attempt.submitted_at is not None:
        raise AttemptClosed(
            N_("This attempt has been submitted; its answers can no longer change.")
        )
    response = slot.response
    if response is not None and response.checked and response.answer != answer:
        raise AnswerLocked(N_("You have already checked this answer; it can no longer change."))
    if answer is None:
        if check:
            raise BadAnswer(N_("Choose or type an answer first, then check it."))
        if response is not None:
            session.delete(response)
            slot.response = None
        return None
    try:
        grade = grade_answer(grading_key(slot.question), answer)
    except InvalidAnswer as error:
        raise BadAnswer(
            N_("That answer does not fit this question: %(reason)s"), reason=str(error)
        ) from error
    if response is None:
        response = Response(
            slot=slot, user_id=attempt.user_id, question_id=slot.question_id, answer=answer
        )
        session.add(response)
    response.answer = answer
    response.score = grade.score * slot.max_mark
    response.correct = grade.correct
    response.answered_at = now
    response.checked = response.checked or check
    return response


def submit_attempt(session: Session, attempt: QuizAttempt, now: datetime | None = None) -> None:
    """Close the attempt and total its score; submitting again changes nothing."""
    if attempt.submitted_at is not None:
        return
    total = session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(Response.score), 0.0))
        .join(AttemptQuestion, Response.slot_id == AttemptQuestion.id)
        .where(AttemptQuestion.attempt_id == attempt.id)
    )
    attempt.score = float(total or 0.0)
    attempt.max_score = float(sum(s.max_mark for s in attempt.questions))
    attempt.submitted_at = now or utcnow()
    attempt.is_late = bool(attempt.late_after and attempt.submitted_at > attempt.late_after)


def first_unanswered(attempt: QuizAttempt) -> int:
    """The position to resume at: the first question without an answer, else the last."""
    for slot in attempt.questions:
        if slot.response is None:
            return slot.position
    return attempt.questions[-1].position if attempt.questions else 1


# Built once (the dashboard runs it on every visit), bound per call.
_UNFINISHED = (
    sa.select(QuizAttempt)
    .where(
        QuizAttempt.user_id == sa.bindparam("user_id", type_=sa.Integer),
        QuizAttempt.submitted_at.is_(None),
        QuizAttempt.kind.in_(sa.bindparam("kinds", expanding=True)),
    )
    .order_by(QuizAttempt.started_at.desc())
)


def unfinished_attempts(session: Session, user_id: int, kinds: Iterable[str]) -> list[QuizAttempt]:
    return list(session.scalars(_UNFINISHED, {"user_id": user_id, "kinds": list(kinds)}))
