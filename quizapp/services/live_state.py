"""What hosts and players are shown of a game, built once per change and pushed to all.

An event is ``{"public": …, "host": …, "personal": {player id: …}}``: every screen gets the
public part, the host screen the host part, each phone only its own personal part. Building it
costs a fixed handful of queries whatever the number of players.

While a question is open no screen is sent which answers were given, only how many: a count
per choice on the projector tells the room the answer. The counts come with the reveal.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core import live_scoring as rules
from quizapp.core.question_kinds import describe_key, kind_of
from quizapp.core.translatable import as_data
from quizapp.core.vocabulary import GameStatus
from quizapp.models import Question
from quizapp.models.live_games import LiveAnswer, LiveGame
from quizapp.services.live_games import (
    clock_of,
    current_question,
    players_with_scores,
)
from quizapp.services.live_questions import answer_mode, reveal_chart

LEADERBOARD_SIZE = 5
PODIUM_SIZE = 3


def choices_of(question: Question) -> list[dict[str, Any]]:
    """The tiles of a question: its choices, or True and False (its kind says), each with the
    pictures of its choice (a tile is a button: a sound's controls cannot sit in it)."""
    kind = kind_of(question.type)
    # Each tile carries the answer a tap sends, so the phone's script needs no kind's rules.
    tiles = [dict(tile, sends=kind.tile_answer(tile["id"])) for tile in kind.tiles(question) or []]
    pictures: dict[str, list[dict[str, Any]]] = {}
    for entry in question.media or ():
        if entry.get("place", "").startswith("choice:") and entry["type"].startswith("image/"):
            shown = {key: entry[key] for key in ("sha256", "type", "alt")}
            pictures.setdefault(entry["place"].removeprefix("choice:"), []).append(shown)
    if not pictures:
        return tiles
    return [dict(tile, media=pictures.get(str(tile.get("id")), [])) for tile in tiles]


def correct_ids(question: Question) -> list[str]:
    return kind_of(question.type).right_tile_ids(question)


def prompt_media(question: Question) -> list[dict[str, Any]]:
    """The prompt's pictures and sound as the screens show them (the address from the hash)."""
    return [
        {key: entry[key] for key in ("sha256", "type", "alt")}
        for entry in question.media or ()
        if entry.get("place") == "prompt"
    ]


def game_event(session: Session, game: LiveGame, now: datetime) -> dict[str, Any]:
    """The whole state of the game as every screen should show it now."""
    players = [
        (pid, name, int(score))
        for pid, name, score, _user in session.execute(players_with_scores(game.id))
    ]
    table = rules.standings(players)
    public: dict[str, Any] = {
        "type": "state",
        "status": game.status,
        "title": game.title,
        "index": game.question_index,
        "total": len(game.question_ids),
        "timer_ms": game.seconds_per_question * 1000,
        "players": len(players),
    }
    host: dict[str, Any] = {"names": [name for _id, name, _score in players]}
    personal: dict[str, dict[str, Any]] = {
        str(s.player_id): {"score": s.score, "rank": s.rank, "nickname": s.nickname} for s in table
    }
    question = current_question(session, game) if game.status != GameStatus.FINISHED else None
    if question is not None and game.status in (GameStatus.QUESTION, GameStatus.REVEAL):
        public["question"] = {
            "prompt": question.prompt,
            "media": prompt_media(question),
            "type": question.type,
            "input": answer_mode(question),
            "several": kind_of(question.type).tiles_pick_several,
            "choices": choices_of(question),
        }
        clock = clock_of(game)
        paused = game.paused_remaining_ms is not None
        public["paused"] = paused
        public["remaining_ms"] = (
            game.paused_remaining_ms if paused else clock.remaining_ms(now) if clock else 0
        )
        mine = session.execute(
            sa.select(LiveAnswer.player_id, LiveAnswer.correct, LiveAnswer.points).where(
                LiveAnswer.game_id == game.id, LiveAnswer.question_index == game.question_index
            )
        ).all()
        host["answered"] = len(mine)
        for player_id, correct, points in mine:
            entry = personal.get(str(player_id))
            if entry is not None:
                entry["answered"] = True
                if game.status == GameStatus.REVEAL:
                    entry.update(correct=correct, points=points)
        if game.status == GameStatus.REVEAL:
            answered, chart = reveal_chart(session, game.id, game.question_index, question)
            key = describe_key(question)
            public["reveal"] = {
                "correct": correct_ids(question),
                # A poll's reveal is a distribution: no right answer, no "right/wrong".
                "graded": kind_of(question.type).graded,
                "key": key,
                # The key's phrase ("Paris (also accepted: …)"), for each screen to word it.
                "key_phrase": as_data(key),
                "quote": question.quote or question.claim.quote,
                "explanation": question.explanation,
                "chart": [row.as_json() for row in chart],
                "answered": answered,
            }
            public["leaderboard"] = _rows(table[:LEADERBOARD_SIZE])
    if game.status == GameStatus.FINISHED:
        public["podium"] = _rows([s for s in table if s.rank <= PODIUM_SIZE][:PODIUM_SIZE])
        public["leaderboard"] = _rows(table[:LEADERBOARD_SIZE])
    return {"public": public, "host": host, "personal": personal}


def _rows(standings: list[rules.Standing]) -> list[dict[str, Any]]:
    return [{"rank": s.rank, "nickname": s.nickname, "score": s.score} for s in standings]


def answered_event(index: int, answered: int) -> dict[str, Any]:
    """For the host alone: how many have answered so far (not what they answered)."""
    return {
        "audience": "host",
        "host": {"type": "answered", "index": index, "answered": answered},
    }


def view_for(event: dict[str, Any], role: str, player_id: int | None) -> dict[str, Any] | None:
    """The part of ``event`` one screen sees; None when it is not for that screen."""
    if event.get("audience") == "host":
        return event["host"] if role == "host" else None
    view = dict(event["public"])
    if role == "host":
        view.update(event["host"])
    else:
        view["me"] = event["personal"].get(str(player_id))
    return view
