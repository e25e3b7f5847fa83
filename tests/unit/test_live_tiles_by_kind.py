"""A live game's phone script knows no question kind: each kind says whether its tiles are
picked one or several at a time and what a tapped tile sends (issue 23: "the live player's
script stops switching on kind names")."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from quizapp.core.grading import GradingKey, grade_answer
from quizapp.core.question_kinds import all_kinds, kind_of
from quizapp.core.question_types import QuestionType

PLAYER_SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "live-play.js"


def test_the_player_script_names_no_kind():
    script = PLAYER_SCRIPT.read_text(encoding="utf-8")
    named = [k.type.value for k in all_kinds() if re.search(rf"[\"']{k.type.value}[\"']", script)]
    assert named == []
    assert "question.type" not in script


def test_a_true_false_tile_sends_the_answer_its_grader_takes():
    kind = kind_of("true_false")
    question = SimpleNamespace(answer_bool=False, choices=[])
    sent = {tile["id"]: kind.tile_answer(tile["id"]) for tile in kind.tiles(question)}
    assert sent == {"true": True, "false": False}
    key = GradingKey(type=QuestionType.TRUE_FALSE, correct_bool=False)
    assert grade_answer(key, sent["false"]).correct
    assert not grade_answer(key, sent["true"]).correct
    assert not kind.tiles_pick_several


def test_choice_tiles_send_their_ids_and_multiple_select_picks_several():
    choices = [
        {"id": "a", "text": "A", "correct": True},
        {"id": "b", "text": "B", "correct": False},
    ]
    question = SimpleNamespace(choices=choices)
    for name, several in (("single_choice", False), ("multiple_select", True)):
        kind = kind_of(name)
        assert [kind.tile_answer(t["id"]) for t in kind.tiles(question)] == ["a", "b"]
        assert kind.tiles_pick_several is several
