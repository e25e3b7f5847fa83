"""A finished (or running) game's results, per player and per question, and as CSV."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core import live_scoring as rules
from quizapp.core.translatable import N_
from quizapp.models import Question, User
from quizapp.models.live_games import LiveAnswer, LiveGame
from quizapp.services.csv_export import csv_document
from quizapp.services.live_games import players_with_scores
from quizapp.services.live_questions import (
    TYPED,
    ChartRow,
    answer_mode,
    picked_tiles,
    tile_chart,
    typed_chart,
)

# A player with no account (a guest), in the results' account column; marked for translation.
GUEST = N_("guest")
CSV_HEADER = ("rank", "nickname", "account", "score", "correct", "answered")
CSV_QUESTION_COLUMN = "Q%(position)s points"


@dataclass
class PlayerResult:
    rank: int
    nickname: str
    account: str  # the student's email, or "guest"
    score: int
    correct: int = 0
    answered: int = 0
    points: dict[int, int] = field(default_factory=dict)  # question index -> points


@dataclass
class QuestionResult:
    position: int
    prompt: str
    answered: int
    correct: int
    mean_seconds: float | None
    choices: list[ChartRow]

    @property
    def facility(self) -> float | None:
        """Share of the answers that were right (Moodle's facility index, live)."""
        return self.correct / self.answered if self.answered else None


@dataclass
class GameResults:
    players: list[PlayerResult]
    questions: list[QuestionResult]


def game_results(session: Session, game: LiveGame) -> GameResults:
    """Every player (ranked) and every question asked so far, in four queries."""
    scored = players_with_scores(game.id).subquery()
    players = session.execute(
        sa.select(scored.c.id, scored.c.nickname, scored.c[2], User.email).outerjoin(
            User, scored.c.user_id == User.id
        )
    ).all()
    accounts = {pid: email or GUEST for pid, _name, _score, email in players}
    by_player = {
        s.player_id: PlayerResult(s.rank, s.nickname, accounts[s.player_id], s.score)
        for s in rules.standings((p, n, int(s)) for p, n, s, _e in players)
    }
    answers = session.execute(
        sa.select(
            LiveAnswer.player_id,
            LiveAnswer.question_index,
            LiveAnswer.answer,
            LiveAnswer.correct,
            LiveAnswer.points,
            LiveAnswer.elapsed_ms,
        ).where(LiveAnswer.game_id == game.id)
    ).all()
    per_question: dict[int, list] = defaultdict(list)
    for player_id, index, answer, correct, points, elapsed in answers:
        row = by_player[player_id]
        row.answered += 1
        row.correct += bool(correct)
        row.points[index] = points
        per_question[index].append((answer, correct, elapsed))
    asked = game.question_ids[: game.question_index + 1] if game.question_index >= 0 else []
    questions = {
        q.id: q for q in session.scalars(sa.select(Question).where(Question.id.in_(asked)))
    }
    results = []
    for index, question_id in enumerate(asked):
        question, given = questions[question_id], per_question.get(index, [])
        results.append(
            QuestionResult(
                position=index + 1,
                prompt=question.prompt,
                answered=len(given),
                correct=sum(1 for _a, c, _e in given if c),
                mean_seconds=(sum(e for _a, _c, e in given) / len(given) / 1000) if given else None,
                choices=_chart(question, given),
            )
        )
    ranked = sorted(by_player.values(), key=lambda r: (r.rank, r.nickname.casefold()))
    return GameResults(ranked, results)


def _chart(question: Question, given: list) -> list[ChartRow]:
    """What the class answered: each tile and how many picked it, or the typed answers."""
    if answer_mode(question) == TYPED:
        return typed_chart([(answer, correct) for answer, correct, _e in given])
    counts: Counter[str] = Counter()
    for answer, _correct, _elapsed in given:
        counts.update(picked_tiles(answer))
    return tile_chart(question, counts)


def results_csv(
    report: GameResults,
    header: Sequence[str] = CSV_HEADER,
    question_column: str = CSV_QUESTION_COLUMN,
) -> str:
    """One row per player: rank, name, account, score, right answers, then points per question.

    ``header`` names the first six columns and ``question_column`` (with ``%(position)s``) each
    question's: the exporting teacher's words, English unless the page passes others.
    """
    positions = [q.position for q in report.questions]
    rows = (
        [row.rank, row.nickname, row.account, row.score, row.correct, row.answered]
        + [row.points.get(p - 1, "") for p in positions]
        for row in report.players
    )
    questions = [question_column % {"position": p} for p in positions]
    return csv_document([*header, *questions], rows)
