"""The evidence ``core.mastery.topic_mastery`` weighs, fetched for one learner or a whole class
in a fixed number of queries: each learner's counted answers per topic, their flashcard memory
per topic, and the topics' card counts.

The learner's progress page and the teacher's class heatmap both read it here, so the figure a
teacher sees for a student is the one the student sees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import datetime

import sqlalchemy as sa
from fsrs import Card, Scheduler
from sqlalchemy.orm import Session

from quizapp.core.clock import aware
from quizapp.core.mastery import RECENT_ANSWERS, Answer, Mastery, topic_mastery
from quizapp.core.question_kinds import ungraded_types
from quizapp.models import (
    AttemptQuestion,
    CardState,
    Claim,
    Flashcard,
    FsrsParameters,
    Question,
    QuizAttempt,
    Response,
    User,
    live,
)
from quizapp.services.flashcards import scheduler_for
from quizapp.services.visibility import open_to_learners

UserTopic = tuple[int, int]
Users = Collection[int] | sa.Select


def outcome_shown(now: datetime) -> sa.ColumnElement[bool]:
    """Whether the learner has been shown if an answer was right: checked on its own, or its
    attempt's review is open (``QuizAttempt.shows_review``), for statements joining
    ``Response`` to its ``QuizAttempt``.

    A learner's figures (accuracy, mastery, missed questions) count only these answers, on
    their own pages and in the class heatmap alike. Counting an answer only saved in a quiz
    still going, or one in an assignment whose feedback is not released (never, or after a due
    date still to come), would tell the learner it was wrong before the quiz does, or when the
    teacher chose it never would. (The gradebook counts submitted work whatever its feedback.)
    Live-game answers are checked as they are given, so they count.
    """
    return sa.or_(Response.checked, QuizAttempt.shows_review(now))


def _in(column: sa.ColumnElement, values: Users | None) -> sa.ColumnElement[bool]:
    if values is None:
        return sa.true()
    return column.in_(values if isinstance(values, sa.Select) else list(values))


def recent_answers(
    session: Session, user_ids: Users, now: datetime, topic_ids: Users | None = None
) -> dict[UserTopic, list[Answer]]:
    """Per (learner, topic): their last RECENT_ANSWERS answers whose outcome they were shown."""
    ranked = (
        sa.select(
            Response.user_id.label("user_id"),
            Claim.topic_id.label("topic_id"),
            Response.score.label("score"),
            Response.answered_at.label("answered_at"),
            sa.func.row_number()
            .over(
                partition_by=(Response.user_id, Claim.topic_id),
                order_by=(Response.answered_at.desc(), Response.id.desc()),
            )
            .label("rn"),
        )
        .join(AttemptQuestion, Response.slot_id == AttemptQuestion.id)
        .join(QuizAttempt, AttemptQuestion.attempt_id == QuizAttempt.id)
        .join(Question, Response.question_id == Question.id)
        .join(Claim, Question.claim_id == Claim.id)
        .where(
            _in(Response.user_id, user_ids),
            outcome_shown(now),
            _in(Claim.topic_id, topic_ids),
            Question.type.not_in(ungraded_types()),  # a poll's answer says nothing of mastery
        )
        .subquery()
    )
    rows = session.execute(
        sa.select(ranked.c.user_id, ranked.c.topic_id, ranked.c.score, ranked.c.answered_at).where(
            ranked.c.rn <= RECENT_ANSWERS
        )
    )
    answers: dict[UserTopic, list[Answer]] = defaultdict(list)
    for user_id, topic_id, score, answered_at in rows:
        answers[(user_id, topic_id)].append(Answer(float(score), answered_at))
    return answers


def card_states(session: Session, user_ids: Users, topic_ids: Users | None = None):
    """(learner, topic, FSRS card dict, due, state) of each live card a learner has studied."""
    return session.execute(
        sa.select(CardState.user_id, Claim.topic_id, CardState.fsrs, CardState.due, CardState.state)
        .join(Flashcard, CardState.flashcard_id == Flashcard.id)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(_in(CardState.user_id, user_ids), live(Flashcard), _in(Claim.topic_id, topic_ids))
    ).all()


def card_totals(session: Session, topic_ids: Users | None = None) -> dict[int, int]:
    """Per topic, the flashcards open to learners (the denominator of the memory half)."""
    rows = session.execute(
        sa.select(Claim.topic_id, sa.func.count(Flashcard.id))
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(open_to_learners(Flashcard), _in(Claim.topic_id, topic_ids))
        .group_by(Claim.topic_id)
    )
    return {topic_id: count for topic_id, count in rows}


def schedulers(session: Session, users: Iterable[User]) -> dict[int, Scheduler]:
    """Each learner's FSRS scheduler (their last kept fit, their desired retention), in one
    query for all of them."""
    users = list(users)
    newest = (
        sa.select(
            FsrsParameters.user_id,
            FsrsParameters.parameters,
            sa.func.row_number()
            .over(
                partition_by=FsrsParameters.user_id,
                order_by=(FsrsParameters.fitted_at.desc(), FsrsParameters.id.desc()),
            )
            .label("rn"),
        )
        .where(FsrsParameters.kept, FsrsParameters.user_id.in_([u.id for u in users]))
        .subquery()
    )
    rows = session.execute(sa.select(newest.c.user_id, newest.c.parameters).where(newest.c.rn == 1))
    fitted = {user_id: parameters for user_id, parameters in rows}
    return {u.id: scheduler_for(u, fitted.get(u.id)) for u in users}


def retrievability(scheduler: Scheduler, fsrs_card: dict, now: datetime) -> float:
    return scheduler.get_card_retrievability(Card.from_dict(fsrs_card), aware(now))


def class_masteries(
    session: Session, students: list[User], topic_ids: list[int], now: datetime
) -> dict[UserTopic, Mastery]:
    """Each student's ``topic_mastery`` of each topic they have started, in four queries."""
    if not students or not topic_ids:
        return {}
    user_ids = [s.id for s in students]
    answers = recent_answers(session, user_ids, now, topic_ids)
    totals = card_totals(session, topic_ids)
    by_user = schedulers(session, students)
    memory: dict[UserTopic, list[float]] = defaultdict(list)
    for user_id, topic_id, fsrs_card, _due, _state in card_states(session, user_ids, topic_ids):
        memory[(user_id, topic_id)].append(retrievability(by_user[user_id], fsrs_card, now))
    result: dict[UserTopic, Mastery] = {}
    for key in answers.keys() | memory.keys():
        mastery = topic_mastery(answers.get(key, []), memory.get(key, []), totals.get(key[1], 0))
        if mastery is not None:
            result[key] = mastery
    return result
