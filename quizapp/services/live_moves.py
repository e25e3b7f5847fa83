"""The host's commands: start, next, close (time up), skip, pause, resume, end.

Each is a conditional UPDATE on the status, question and pause it expects, so a double click
or a race with the last answer moves the game once and refuses the other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core import live_scoring as rules
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import GameStatus
from quizapp.models import QuizAttempt
from quizapp.models.live_games import LiveGame, LivePlayer
from quizapp.services.errors import GameOver, LiveError, Refused
from quizapp.services.live_games import answered_count, clock_of, player_count

COMMANDS = ("start", "next", "close", "skip", "pause", "resume", "end")


def _move(
    session: Session, game: LiveGame, expect: str, values: dict, paused: bool | None = None
) -> None:
    """Apply ``values`` if the game is still at status ``expect`` and the question (and pause)
    it was read at; refuse otherwise."""
    where = [
        LiveGame.id == game.id,
        LiveGame.status == expect,
        LiveGame.question_index == game.question_index,
    ]
    if paused is not None:
        column = LiveGame.paused_remaining_ms
        where.append(column.is_not(None) if paused else column.is_(None))
    result = session.execute(
        sa.update(LiveGame)
        .where(*where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    session.expire(game)
    if result.rowcount != 1:
        raise Refused(N_("The game has already moved on."))


def _open_question(
    session: Session, game: LiveGame, index: int, now: datetime, expect: str
) -> None:
    clock = rules.open_clock(now, game.seconds_per_question)
    _move(
        session,
        game,
        expect,
        {
            "status": GameStatus.QUESTION,
            "question_index": index,
            "question_started_at": clock.started_at,
            "deadline": clock.deadline,
            "paused_remaining_ms": None,
        },
    )


REVEAL = {"status": GameStatus.REVEAL}


def _start(session: Session, game: LiveGame, now: datetime) -> None:
    if player_count(session, game.id) == 0:
        raise Refused(N_("Wait for at least one player to join."))
    _open_question(session, game, 0, now, GameStatus.LOBBY)


def _next_after_reveal(session: Session, game: LiveGame, now: datetime) -> None:
    if game.question_index + 1 >= len(game.question_ids):
        finish(session, game, now)
    else:
        _open_question(session, game, game.question_index + 1, now, GameStatus.REVEAL)


def _close(session: Session, game: LiveGame, now: datetime) -> None:
    clock = clock_of(game)
    answered = answered_count(session, game.id, game.question_index)
    # Time is up once no answer could still arrive in the network's grace.
    time_up = (
        clock is not None and game.paused_remaining_ms is None and not clock.accepts_answer_at(now)
    )
    if not (time_up or answered >= player_count(session, game.id)):
        raise Refused(N_("Time is not up yet."))
    _move(session, game, GameStatus.QUESTION, REVEAL, paused=False)


def _skip(session: Session, game: LiveGame, now: datetime) -> None:
    _move(session, game, GameStatus.QUESTION, REVEAL)


def _pause(session: Session, game: LiveGame, now: datetime) -> None:
    clock = clock_of(game)
    remaining = clock.remaining_ms(now) if clock else 0
    _move(session, game, GameStatus.QUESTION, {"paused_remaining_ms": remaining}, paused=False)


def _resume(session: Session, game: LiveGame, now: datetime) -> None:
    clock = clock_of(game)
    assert clock is not None and game.paused_remaining_ms is not None
    resumed = clock.resumed(now, game.paused_remaining_ms, game.seconds_per_question * 1000)
    _move(
        session,
        game,
        "question",
        {
            "paused_remaining_ms": None,
            "question_started_at": resumed.started_at,
            "deadline": resumed.deadline,
        },
        paused=True,
    )


# Each command with the status it fits ("end" fits every status but finished).
MOVES: dict[tuple[str, str], Callable[[Session, LiveGame, datetime], None]] = {
    ("start", GameStatus.LOBBY): _start,
    ("next", GameStatus.LOBBY): _start,
    ("next", GameStatus.REVEAL): _next_after_reveal,
    ("close", GameStatus.QUESTION): _close,
    ("skip", GameStatus.QUESTION): _skip,
    ("pause", GameStatus.QUESTION): _pause,
    ("resume", GameStatus.QUESTION): _resume,
}


def run_command(session: Session, game: LiveGame, command: str, now: datetime) -> None:
    """Carry out a host command or refuse it (409) when the game is not where it fits."""
    if command not in COMMANDS:
        raise LiveError(N_("Unknown command."))
    if game.status == GameStatus.FINISHED:
        raise GameOver(N_("That game has finished."))
    if command == "end":
        finish(session, game, now)
        return
    move = MOVES.get((command, game.status))
    if move is None or (command == "resume" and game.paused_remaining_ms is None):
        raise Refused(N_("“%(command)s” does not fit the game now."), command=command)
    move(session, game, now)


def close_if_all_answered(session: Session, game: LiveGame, answered: int, players: int) -> bool:
    """Reveal the question once every player has answered (``answered`` of ``players``
    have); False when some have not, or another request already revealed it."""
    if answered < players:
        return False
    try:
        _move(session, game, GameStatus.QUESTION, REVEAL)
    except Refused:
        return False
    return True


def finish(session: Session, game: LiveGame, now: datetime) -> None:
    """End the game (its PIN is free again) and submit the logged-in players' attempts."""
    _move(session, game, game.status, {"status": GameStatus.FINISHED, "finished_at": now})
    attempts = sa.select(LivePlayer.attempt_id).where(
        LivePlayer.game_id == game.id, LivePlayer.attempt_id.is_not(None)
    )
    session.execute(
        sa.update(QuizAttempt)
        .where(QuizAttempt.id.in_(attempts), QuizAttempt.submitted_at.is_(None))
        .values(submitted_at=now)
        .execution_options(synchronize_session=False)
    )
