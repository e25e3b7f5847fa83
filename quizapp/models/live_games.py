"""Live class games: a game hosted from a quiz set, its players and their answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.core.clock import utcnow
from quizapp.core.vocabulary import GameStatus
from quizapp.extensions import db


class LiveGame(db.Model):
    """A teacher-paced game. ``status``: lobby | question | reveal | finished.

    The server owns the clock: ``question_started_at`` and ``deadline`` are written when a
    question opens (and shifted on resume), so every answer is timed against them, never
    against a client's clock. A PIN names one game at a time: it is unique among games that
    have not finished, and free again once a game ends.
    """

    __tablename__ = "live_game"
    __table_args__ = (
        sa.Index(
            "uq_live_game_open_pin",
            "pin",
            unique=True,
            sqlite_where=sa.text("status != 'finished'"),
            postgresql_where=sa.text("status != 'finished'"),
        ),
        sa.CheckConstraint("seconds_per_question BETWEEN 5 AND 240", name="seconds_range"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    host_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # Deleting a set keeps its games' results: the title and question ids are copied here.
    quiz_set_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quiz_set.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    pin: Mapped[str] = mapped_column(sa.String(8))
    allow_guests: Mapped[bool] = mapped_column(default=True)
    seconds_per_question: Mapped[int] = mapped_column(default=20)
    question_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    status: Mapped[str] = mapped_column(sa.String(16), default=GameStatus.LOBBY)
    question_index: Mapped[int] = mapped_column(default=-1)  # -1 in the lobby
    question_started_at: Mapped[datetime | None]
    deadline: Mapped[datetime | None]
    # Set while a question is paused: the time it had left.
    paused_remaining_ms: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    players: Mapped[list[LivePlayer]] = relationship(
        back_populates="game", order_by="LivePlayer.id", cascade="all, delete-orphan"
    )


class LivePlayer(db.Model):
    """Someone in a game: a logged-in user (``user_id``) or a guest known by nickname only.

    A player's score is the sum of their answers' points, never stored twice.

    ``attempt_id`` is the logged-in player's mirror attempt (kind ``live``), whose responses
    feed mastery and the daily review like any other answers.
    """

    __tablename__ = "live_player"
    __table_args__ = (
        sa.UniqueConstraint("game_id", "nickname_key"),
        sa.UniqueConstraint("game_id", "user_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(sa.ForeignKey("live_game.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    nickname: Mapped[str] = mapped_column(sa.String(40))
    nickname_key: Mapped[str] = mapped_column(sa.String(40))  # casefolded: "Ann" == "ann"
    attempt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quiz_attempt.id", ondelete="SET NULL")
    )
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)

    game: Mapped[LiveGame] = relationship(back_populates="players")


class LiveAnswer(db.Model):
    """One player's one answer to one question of a game; there is never a second."""

    __tablename__ = "live_answer"
    __table_args__ = (
        sa.UniqueConstraint("player_id", "question_index"),
        sa.Index("ix_live_answer_game_question", "game_id", "question_index"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(sa.ForeignKey("live_game.id", ondelete="CASCADE"))
    player_id: Mapped[int] = mapped_column(sa.ForeignKey("live_player.id", ondelete="CASCADE"))
    question_index: Mapped[int]
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    answer: Mapped[Any] = mapped_column(sa.JSON)
    score: Mapped[float] = mapped_column(default=0.0)  # the grader's 0..1
    correct: Mapped[bool] = mapped_column(default=False)
    points: Mapped[int] = mapped_column(default=0)
    elapsed_ms: Mapped[int]
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
