"""Teaching: classes and their students, quiz sets, and sets assigned to classes."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.core.clock import utcnow
from quizapp.core.grading_methods import GradingMethod
from quizapp.core.vocabulary import FeedbackTiming
from quizapp.extensions import db
from quizapp.models.accounts import User
from quizapp.models.content import Question, Topic


class SchoolClass(db.Model):
    """A teacher's class; students join it with ``join_code`` (or the join link made from it)."""

    __tablename__ = "school_class"
    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))
    join_code: Mapped[str] = mapped_column(sa.String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    teacher: Mapped[User] = relationship()


class Enrollment(db.Model):
    """A student in a class; a student may be in several classes, once in each."""

    __table_args__ = (sa.UniqueConstraint("class_id", "student_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(sa.ForeignKey("school_class.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)

    student: Mapped[User] = relationship()


class QuizSet(db.Model):
    """A teacher's quiz: its questions (items) and how a sitting works.

    The schedule (open and due dates, late work) belongs to each :class:`Assignment`, so a set
    can be given to several classes on different dates.
    """

    __tablename__ = "quiz_set"
    __table_args__ = (
        sa.CheckConstraint(
            "time_limit_minutes IS NULL OR time_limit_minutes > 0", name="time_limit_positive"
        ),
        sa.CheckConstraint("attempts_allowed >= 0", name="attempts_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    time_limit_minutes: Mapped[int | None]  # None: no time limit
    attempts_allowed: Mapped[int] = mapped_column(default=1)  # 0: unlimited
    grading_method: Mapped[str] = mapped_column(sa.String(16), default=GradingMethod.HIGHEST)
    shuffle_questions: Mapped[bool] = mapped_column(default=False)
    shuffle_choices: Mapped[bool] = mapped_column(default=False)
    feedback: Mapped[str] = mapped_column(sa.String(20), default=FeedbackTiming.AFTER_SUBMISSION)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    items: Mapped[list[QuizSetItem]] = relationship(
        back_populates="quiz_set", order_by="QuizSetItem.position", cascade="all, delete-orphan"
    )


class QuizSetItem(db.Model):
    """One place in a set: a chosen question, or ``draw_count`` questions drawn at random.

    A random draw takes live questions of ``topic`` (and its sub-topics), optionally of one
    type and difficulty, afresh for every attempt, like Moodle's random questions.
    """

    __tablename__ = "quiz_set_item"
    __table_args__ = (
        sa.UniqueConstraint("quiz_set_id", "position"),
        sa.CheckConstraint(
            "(question_id IS NOT NULL AND topic_id IS NULL) OR "
            "(question_id IS NULL AND topic_id IS NOT NULL AND draw_count > 0)",
            name="question_or_draw",
        ),
        sa.CheckConstraint(
            "difficulty IS NULL OR difficulty BETWEEN 1 AND 3", name="difficulty_range"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_set_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz_set.id", ondelete="CASCADE"))
    position: Mapped[int]
    question_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int | None] = mapped_column(sa.ForeignKey("topic.id", ondelete="CASCADE"))
    draw_count: Mapped[int | None]
    question_type: Mapped[str | None] = mapped_column(sa.String(24))
    difficulty: Mapped[int | None]

    quiz_set: Mapped[QuizSet] = relationship(back_populates="items")
    question: Mapped[Question | None] = relationship()
    topic: Mapped[Topic | None] = relationship()

    @property
    def is_draw(self) -> bool:
        return self.question_id is None


class Assignment(db.Model):
    """A quiz set given to one or more classes, with its schedule.

    ``open_at`` None means open at once. After ``due_at`` a student may still start or finish
    only when ``accept_late`` is set, and such work is marked late.
    """

    __table_args__ = (sa.CheckConstraint("open_at IS NULL OR open_at < due_at", name="dates"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_set_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz_set.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    open_at: Mapped[datetime | None]
    due_at: Mapped[datetime]
    accept_late: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    quiz_set: Mapped[QuizSet] = relationship()
    classes: Mapped[list[SchoolClass]] = relationship(
        secondary="assignment_class", order_by="SchoolClass.name"
    )


class AssignmentClass(db.Model):
    """Which classes an assignment was given to."""

    __tablename__ = "assignment_class"
    __table_args__ = (sa.UniqueConstraint("assignment_id", "class_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(sa.ForeignKey("assignment.id", ondelete="CASCADE"))
    class_id: Mapped[int] = mapped_column(
        sa.ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
