"""Build a practice quiz for a learner from the topics they chose."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Mapping, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.clock import utcnow
from quizapp.core.item_overlap import item_facts
from quizapp.core.question_kinds import ungraded_types
from quizapp.core.quiz_selection import Candidate, pick_questions, quiz_length
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.models import (
    Assignment,
    AssignmentClass,
    AttemptQuestion,
    Claim,
    Enrollment,
    Question,
    QuizAttempt,
    QuizSet,
    QuizSetItem,
    Response,
    Topic,
)
from quizapp.services.errors import QuizError
from quizapp.services.quizzes import create_attempt
from quizapp.services.tag_filter import TagChoice, holds_tag
from quizapp.services.visibility import open_to_learners


def topic_and_descendants(session: Session, topic_ids: Sequence[int]) -> list[int]:
    """The chosen topics with their sub-topics (a section includes its bullets)."""
    if not topic_ids:
        return []
    children = session.scalars(sa.select(Topic.id).where(Topic.parent_id.in_(topic_ids))).all()
    return sorted(set(topic_ids) | set(children))


def questions_with_hidden_keys(user_id: int, now: datetime):
    """Ids of questions whose answer an assignment of the learner does not show yet: practice
    must not offer them, or "Check" would give the key away.

    That is every question chosen for a set assigned to one of the learner's classes while its
    feedback is held back (never; after the due date, before it; after submission, before the
    learner submitted), and every question the learner drew in such an attempt.
    """
    submitted = (
        sa.select(QuizAttempt.id)
        .where(
            QuizAttempt.user_id == user_id,
            QuizAttempt.assignment_id == Assignment.id,
            QuizAttempt.submitted_at.is_not(None),
        )
        .exists()
    )
    chosen = (
        sa.select(QuizSetItem.question_id)
        .join(QuizSet, QuizSet.id == QuizSetItem.quiz_set_id)
        .join(Assignment, Assignment.quiz_set_id == QuizSet.id)
        .join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
        .join(Enrollment, Enrollment.class_id == AssignmentClass.class_id)
        .where(
            Enrollment.student_id == user_id,
            QuizSetItem.question_id.is_not(None),
            sa.or_(
                QuizSet.feedback == FeedbackTiming.NEVER,
                sa.and_(QuizSet.feedback == FeedbackTiming.AFTER_DUE, Assignment.due_at > now),
                sa.and_(QuizSet.feedback == FeedbackTiming.AFTER_SUBMISSION, ~submitted),
            ),
        )
    )
    drawn = (
        sa.select(AttemptQuestion.question_id)
        .join(QuizAttempt, QuizAttempt.id == AttemptQuestion.attempt_id)
        .where(
            QuizAttempt.user_id == user_id,
            QuizAttempt.assignment_id.is_not(None),
            # An attempt with feedback after each answer shows every key as it goes, even
            # before it is submitted; any other hides them until its review shows.
            QuizAttempt.feedback != FeedbackTiming.IMMEDIATELY,
            ~QuizAttempt.shows_review(now),
        )
    )
    return sa.union(chosen, drawn)


def _practisable(user_id: int, now: datetime) -> tuple[sa.ColumnElement[bool], ...]:
    """The questions a learner may practise: live, graded, and none whose key an assignment
    still hides (see questions_with_hidden_keys)."""
    return (
        open_to_learners(Question),
        Question.type.not_in(ungraded_types()),  # a poll has nothing to practise
        Question.id.not_in(questions_with_hidden_keys(user_id, now)),
    )


def practice_question_ids(user_id: int, topic_ids: Sequence[int], now: datetime) -> sa.Select:
    """The ids of the questions of ``topic_ids`` the learner may practise (no query of its
    own): what the practice page offers tags from. No topics, no questions: the page passes the
    topics the learner may see, and none means none, never every article's."""
    return (
        sa.select(Question.id)
        .join(Claim, Question.claim_id == Claim.id)
        .where(*_practisable(user_id, now), Claim.topic_id.in_(list(topic_ids)))
    )


def question_candidates(
    session: Session,
    user_id: int,
    topic_ids: Sequence[int],
    now: datetime | None = None,
    tags: tuple[str, ...] | None = None,
):
    """Live questions in the topics (all when empty), with the learner's last result on each;
    never a question whose key an assignment still hides (see questions_with_hidden_keys).
    With ``tags`` (a tag's stored spellings, ``TagChoice.only``), only the questions holding
    one of them."""
    latest = (
        sa.select(
            Response.question_id,
            Response.correct,
            sa.func.row_number()
            .over(partition_by=Response.question_id, order_by=Response.answered_at.desc())
            .label("rn"),
        )
        .where(Response.user_id == user_id)
        .subquery()
    )
    stmt = (
        sa.select(
            Question.id,
            Claim.topic_id,
            latest.c.correct,
            Question.claim_id,
            Question.origin,
            Question.prompt,
            Question.accepted,
            Question.choices,
            Question.type,
        )
        .join(Claim, Question.claim_id == Claim.id)
        .outerjoin(latest, sa.and_(latest.c.question_id == Question.id, latest.c.rn == 1))
        .where(*_practisable(user_id, now or utcnow()))
    )
    if topic_ids:
        stmt = stmt.where(Claim.topic_id.in_(topic_ids))
    if tags is not None:
        stmt = stmt.where(holds_tag(Question, tags))
    return [
        Candidate(qid, tid, correct, item_facts(qid, *facts))
        for qid, tid, correct, *facts in session.execute(stmt)
    ]


MAX_ATTEMPT_TITLE = 200  # QuizAttempt.title
TITLE_TOPICS_CHARS = 80  # a title fits on one line of the quiz page and the dashboard


def practice_title(topic_names: Sequence[str], tag: str | None = None) -> str:
    """ "Practice: A, B and 6 more topics": whole topic names, never one cut mid-word; with a
    tag, " (tag: verbs)" after them (``quiz.answers.shown_title`` reads both back)."""
    # A tag is one word of at most MAX_TAG_LENGTH characters, so the topics always keep room.
    suffix = f" (tag: {tag})" if tag else ""
    if not topic_names:
        return "Practice: all topics" + suffix
    shown = [topic_names[0]]
    for name in topic_names[1:]:
        if len(", ".join([*shown, name])) > TITLE_TOPICS_CHARS:
            break
        shown.append(name)
    rest = len(topic_names) - len(shown)
    title = "Practice: " + ", ".join(shown)
    if rest:
        title += f" and {rest} more topic{'' if rest == 1 else 's'}"
    # A single very long topic name is shortened at a word, to fit the attempt's title column.
    return textwrap.shorten(title, MAX_ATTEMPT_TITLE - len(suffix), placeholder="…") + suffix


def start_practice(
    session: Session,
    user_id: int,
    topic_ids: Sequence[int],
    length: int,
    topic_mastery: Mapping[int, float | None],
    rng: random.Random | None = None,
    tags: TagChoice | None = None,
) -> QuizAttempt:
    """A practice attempt of ``length`` questions, weak topics and new items first; fewer only
    where the topics have fewer, exactly as many as ``practice_pool.pool_notice`` said. With a
    tag chosen (``tags``), only questions holding it, and the title says so."""
    rng = rng or random.Random()
    tags = tags or TagChoice()
    scope = topic_and_descendants(session, topic_ids)
    candidates = question_candidates(session, user_id, scope, tags=tags.only)
    if not candidates and tags.tag is not None:
        raise QuizError(
            N_("No question in the topics you chose has the tag “%(tag)s”."), tag=tags.name
        )
    if not candidates:
        raise QuizError(N_("There are no questions in the topics you chose."))
    ids = pick_questions(candidates, topic_mastery, quiz_length(candidates, length), rng)
    by_id = {q.id: q for q in session.scalars(sa.select(Question).where(Question.id.in_(ids)))}
    names = session.scalars(sa.select(Topic.title).where(Topic.id.in_(topic_ids))).all()
    title = practice_title(names, tags.name)
    # Choices in a new order each time: the bank's order (key first, often) tells nothing.
    return create_attempt(
        session, user_id, [by_id[i] for i in ids], title=title, rng=rng, shuffle_choices=True
    )
