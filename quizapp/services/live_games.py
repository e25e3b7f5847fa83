"""Live games: create one from a quiz set, let players join and answer, move it on.

Services take a session and never commit; the route commits once. Every move of a game is a
conditional UPDATE on the status and question it expects, so two hosts' clicks (or the last
answer and the host's "skip" at once) cannot both move it: the second is refused.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.core import live_scoring as rules
from quizapp.core.grading import InvalidAnswer, grade_answer
from quizapp.core.question_kinds import kind_of
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind, GameStatus
from quizapp.models import AttemptQuestion, Question, QuizAttempt, QuizSet, Response, User
from quizapp.models.live_games import LiveAnswer, LiveGame, LivePlayer
from quizapp.services.errors import GameNotFound, GameOver, LiveError, NotAllowed, Refused
from quizapp.services.live_questions import TYPED, answer_mode, plan_questions
from quizapp.services.quiz_set_drawing import resolve_questions
from quizapp.services.quizzes import grading_key

PIN_LIFETIME = timedelta(hours=12)  # a lobby left open overnight is not joined the next day
MAX_QUESTIONS = 50
SECONDS_CHOICES = (10, 20, 30, 60, 90)
QUESTION_CACHE_SECONDS = timedelta(seconds=60)
_QUESTION_CACHE: dict[int, tuple[datetime, Any, list[str], bool]] = {}


def create_game(
    session: Session,
    quiz_set: QuizSet,
    host_id: int,
    *,
    seconds: int,
    allow_guests: bool,
    rng: random.Random | None = None,
) -> LiveGame:
    """A game in its lobby over the set's questions that play live (``live_questions``),
    with a fresh PIN."""
    rng = rng or random.Random()
    if seconds not in SECONDS_CHOICES:
        raise LiveError(N_("Choose a time per question from the list."))
    planned = plan_questions(resolve_questions(session, quiz_set, rng), MAX_QUESTIONS)
    questions = [p.question for p in planned if p.plays]
    if not questions:
        raise LiveError(
            N_(
                "This set has no question that plays live (matching and multi-gap cloze "
                "questions do not)."
            )
        )
    taken = session.scalars(
        sa.select(LiveGame.pin).where(LiveGame.status != GameStatus.FINISHED)
    ).all()
    game = LiveGame(
        host_id=host_id,
        quiz_set_id=quiz_set.id,
        title=quiz_set.title,
        pin=rules.new_pin(rng, taken),
        allow_guests=allow_guests,
        seconds_per_question=seconds,
        question_ids=[q.id for q in questions],
    )
    session.add(game)
    session.flush()
    return game


def game_by_pin(session: Session, raw_pin: str, now: datetime) -> LiveGame:
    """The open game with this PIN; refused when none has it, or it finished or expired."""
    pin = rules.normalise_pin(raw_pin)
    if pin is None:
        raise GameNotFound(N_("A game PIN has %(digits)s digits."), digits=rules.PIN_DIGITS)
    game = session.scalar(
        sa.select(LiveGame).where(LiveGame.pin == pin).order_by(LiveGame.id.desc()).limit(1)
    )
    if game is None:
        raise GameNotFound(
            N_("No game with PIN %(pin)s is open. Check the number on the screen."), pin=pin
        )
    check_joinable(game, now)
    return game


def check_joinable(game: LiveGame, now: datetime) -> None:
    if game.status == GameStatus.FINISHED:
        raise GameOver(N_("That game has finished."))
    if now - game.created_at > PIN_LIFETIME:
        raise GameOver(N_("That game's PIN has expired. Ask for a new one."))


def owned_game(session: Session, game_id: int, host_id: int) -> LiveGame:
    """The game if ``host_id`` hosts it; 404 otherwise (another's game is not confirmed)."""
    game = session.get(LiveGame, game_id)
    if game is None or game.host_id != host_id:
        raise GameNotFound(N_("There is no such game among yours."))
    return game


def join_game(
    session: Session, game: LiveGame, user: User | None, nickname: str, now: datetime
) -> LivePlayer:
    """The player for ``user`` (as themselves; the same player again on a second join) or a
    new guest under ``nickname`` when the host allows guests."""
    check_joinable(game, now)
    if user is not None:
        existing = session.scalar(
            sa.select(LivePlayer).where(
                LivePlayer.game_id == game.id, LivePlayer.user_id == user.id
            )
        )
        if existing is not None:
            return existing
        name = _free_name(session, game.id, user.display_name[: rules.NICKNAME_MAX].strip())
        attempt = QuizAttempt(
            user_id=user.id,
            kind=AttemptKind.LIVE,
            title=f"Live game: {game.title}",
            started_at=now,
            max_score=0.0,
        )
        session.add(attempt)
        session.flush()
        player = LivePlayer(
            game_id=game.id,
            user_id=user.id,
            nickname=name,
            nickname_key=rules.nickname_key(name),
            attempt_id=attempt.id,
        )
    else:
        if not game.allow_guests:
            raise NotAllowed(N_("This game is for logged-in students: log in to join."))
        try:
            name = rules.clean_nickname(nickname)
        except rules.NicknameError as error:
            raise LiveError(error.template, **error.params) from None
        player = LivePlayer(game_id=game.id, nickname=name, nickname_key=rules.nickname_key(name))
    try:
        with session.begin_nested():
            session.add(player)
    except IntegrityError:
        raise Refused(N_("That nickname is taken in this game. Choose another.")) from None
    return player


def _free_name(session: Session, game_id: int, name: str) -> str:
    """``name``, or ``name 2``, ``name 3``… when a player of the game already has it."""
    keys = set(
        session.scalars(sa.select(LivePlayer.nickname_key).where(LivePlayer.game_id == game_id))
    )
    candidate, n = name or "Player", 1
    while rules.nickname_key(candidate) in keys:
        n += 1
        candidate = f"{name[: rules.NICKNAME_MAX - 3]} {n}"
    return candidate


def clock_of(game: LiveGame) -> rules.QuestionClock | None:
    if game.question_started_at is None or game.deadline is None:
        return None
    return rules.QuestionClock(game.question_started_at, game.deadline)


def current_question(session: Session, game: LiveGame) -> Question | None:
    if 0 <= game.question_index < len(game.question_ids):
        return session.get(Question, game.question_ids[game.question_index])
    return None


def submit_answer(
    session: Session,
    game: LiveGame,
    player: LivePlayer,
    question_index: Any,
    answer: Any,
    now: datetime,
) -> LiveAnswer:
    """Grade and keep the player's one answer to the open question, timed by the server.

    Refused (nothing written): a finished game, a question not being asked now, a paused or
    timed-out question, a second answer, an answer no tile could have sent. On a refused
    second answer the session is rolled back.
    """
    if game.status == GameStatus.FINISHED:
        raise GameOver(N_("That game has finished."))
    # type() rather than isinstance: True and 1.0 equal 1 but are not a question's index.
    if (
        game.status != GameStatus.QUESTION
        or type(question_index) is not int
        or question_index != game.question_index
    ):
        raise Refused(N_("That question is not being asked now."))
    clock = clock_of(game)
    if game.paused_remaining_ms is not None:
        raise Refused(N_("The game is paused."))
    if clock is None or not clock.accepts_answer_at(now):
        raise Refused(N_("Time is up for this question."))
    question_id = game.question_ids[question_index]
    key, choice_ids, typed = _grading_key(session, question_id, now)
    try:
        if typed:
            answer = rules.clean_typed_answer(answer)
        grade = grade_answer(key, answer)
    except rules.TypedAnswerError as error:
        raise LiveError(error.template, **error.params) from None
    except InvalidAnswer:
        raise LiveError(N_("That answer does not fit this question.")) from None
    elapsed = clock.elapsed_ms(now)
    points = rules.answer_points(grade.score, elapsed, game.seconds_per_question * 1000)
    row = LiveAnswer(
        game_id=game.id,
        player_id=player.id,
        question_index=question_index,
        question_id=question_id,
        answer=answer,
        score=grade.score,
        correct=grade.correct,
        points=points,
        elapsed_ms=elapsed,
        answered_at=now,
    )
    session.add(row)
    try:
        # The unique (player, question) constraint is the one check of "answered already":
        # it also holds for two answers sent at the same moment. Nothing was written before
        # this row, so rolling back loses nothing.
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Refused(N_("You have already answered this question.")) from None
    if player.attempt_id is not None:
        mark = 1.0 if kind_of(key.type).graded else 0.0
        _mirror_answer(
            session, player, question_id, choice_ids, question_index, answer, grade, now, mark
        )
    return row


def _grading_key(session: Session, question_id: int, now: datetime):
    """The question's grading key, choice ids and whether its answer is typed, read once a
    minute per process: a room's answers then cost no query for the question (a teacher's
    edit reaches a running game within ``QUESTION_CACHE_SECONDS``)."""
    cached = _QUESTION_CACHE.get(question_id)
    if cached is not None and now < cached[0]:
        return cached[1:]
    question = session.get(Question, question_id)
    assert question is not None  # a game's questions are deleted only with the game
    key, choice_ids = grading_key(question), [c["id"] for c in question.choices]
    typed = answer_mode(question) == TYPED
    _QUESTION_CACHE[question_id] = (now + QUESTION_CACHE_SECONDS, key, choice_ids, typed)
    return key, choice_ids, typed


def _mirror_answer(
    session,
    player: LivePlayer,
    question_id: int,
    choice_ids: list[str],
    index: int,
    answer,
    grade,
    now: datetime,
    mark: float,
) -> None:
    """The answer again as a quiz response of the player's ``live`` attempt, so mastery and
    the daily review's missed questions count it like any other (a poll's is worth no
    ``mark``)."""
    slot = AttemptQuestion(
        attempt_id=player.attempt_id,
        question_id=question_id,
        position=index + 1,
        choice_order=choice_ids,
        max_mark=mark,
    )
    session.add(slot)
    session.flush()
    session.add(
        Response(
            slot_id=slot.id,
            user_id=player.user_id,
            question_id=question_id,
            answer=answer,
            score=grade.score,
            correct=grade.correct,
            checked=True,
            answered_at=now,
        )
    )
    session.execute(
        sa.update(QuizAttempt)
        .where(QuizAttempt.id == player.attempt_id)
        .values(
            score=sa.func.coalesce(QuizAttempt.score, 0.0) + grade.score,
            max_score=QuizAttempt.max_score + mark,
        )
    )


def answer_tally(session: Session, game_id: int, index: int) -> tuple[int, int]:
    """How many answered question ``index`` and how many players there are, in one query
    (the answer path's). Which answers they gave stays on the server until the reveal."""
    players = (
        sa.select(sa.func.count(LivePlayer.id))
        .where(LivePlayer.game_id == game_id)
        .scalar_subquery()
    )
    answered = (
        sa.select(sa.func.count(LiveAnswer.id))
        .where(LiveAnswer.game_id == game_id, LiveAnswer.question_index == index)
        .scalar_subquery()
    )
    row = session.execute(sa.select(answered, players)).one()
    return int(row[0]), int(row[1])


def answered_count(session: Session, game_id: int, index: int) -> int:
    """How many players answered question ``index``."""
    return (
        session.scalar(
            sa.select(sa.func.count(LiveAnswer.id)).where(
                LiveAnswer.game_id == game_id, LiveAnswer.question_index == index
            )
        )
        or 0
    )


def players_with_scores(game_id: int) -> sa.Select:
    """``(id, nickname, score, user_id)`` of every player of the game, score summed from
    their answers' points."""
    points = (
        sa.select(LiveAnswer.player_id, sa.func.sum(LiveAnswer.points).label("points"))
        .where(LiveAnswer.game_id == game_id)
        .group_by(LiveAnswer.player_id)
        .subquery()
    )
    return (
        sa.select(
            LivePlayer.id,
            LivePlayer.nickname,
            sa.func.coalesce(points.c.points, 0),
            LivePlayer.user_id,
        )
        .outerjoin(points, points.c.player_id == LivePlayer.id)
        .where(LivePlayer.game_id == game_id)
        .order_by(LivePlayer.id)
    )


def player_count(session: Session, game_id: int) -> int:
    return (
        session.scalar(sa.select(sa.func.count(LivePlayer.id)).where(LivePlayer.game_id == game_id))
        or 0
    )
