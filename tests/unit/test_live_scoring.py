"""The live game's rules: Kahoot's points for speed, the server's clock, ranks, PINs, names."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from quizapp.core import live_scoring as rules

T0 = datetime(2030, 1, 1, 9, 0, 0)


@pytest.mark.parametrize(
    "elapsed_ms, expected",
    [
        (0, 1000),
        (500, 1000),
        (2000, 967),
        (15000, 750),
        (30000, 500),
        (45000, 500),
    ],
)
def test_points_fall_with_time_as_kahoot_documents(elapsed_ms, expected):
    # Kahoot's worked example: 2 s into a 30 s timer earns 967 of 1000.
    assert rules.answer_points(1.0, elapsed_ms, 30_000) == expected


def test_wrong_answers_earn_nothing_and_partial_credit_earns_its_share():
    assert rules.answer_points(0.0, 100, 20_000) == 0
    assert rules.answer_points(0.5, 0, 20_000) == 500


def test_the_clock_refuses_answers_after_the_deadline_and_grace():
    clock = rules.open_clock(T0, 20)
    assert clock.accepts_answer_at(T0 + timedelta(seconds=20))
    grace = timedelta(milliseconds=rules.NETWORK_GRACE_MS + 1)
    assert not clock.accepts_answer_at(clock.deadline + grace)
    assert clock.elapsed_ms(T0 + timedelta(seconds=3)) == 3000
    assert clock.remaining_ms(T0 + timedelta(seconds=25)) == 0


def test_a_pause_does_not_count_as_time_taken():
    clock = rules.open_clock(T0, 20)
    paused_at = T0 + timedelta(seconds=5)
    remaining = clock.remaining_ms(paused_at)
    resumed = clock.resumed(paused_at + timedelta(minutes=3), remaining, 20_000)
    assert resumed.elapsed_ms(paused_at + timedelta(minutes=3)) == 5000
    assert resumed.remaining_ms(paused_at + timedelta(minutes=3)) == 15000


def test_equal_scores_share_a_rank():
    table = rules.standings([(1, "Ben", 900), (2, "ann", 1500), (3, "Cy", 900), (4, "Di", 0)])
    assert [(s.nickname, s.rank) for s in table] == [("ann", 1), ("Ben", 2), ("Cy", 2), ("Di", 4)]


def test_pins_are_six_digits_and_never_an_open_games():
    rng = random.Random(1)
    first = rules.new_pin(random.Random(1))
    again = rules.new_pin(rng, taken=[first])
    assert len(again) == 6 and again != first and again[0] != "0"
    assert rules.normalise_pin(" 123 456 ") == "123456"
    assert rules.normalise_pin("12345") is None and rules.normalise_pin("١٢٣٤٥٦") is None


@pytest.mark.parametrize("raw", ["", "   ", "x" * 21, "a\u0000b", "evil\u202e"])
def test_bad_nicknames_are_refused(raw):
    with pytest.raises(rules.NicknameError):
        rules.clean_nickname(raw)


def test_nicknames_are_tidied_and_compared_without_case():
    assert rules.clean_nickname("  Quick   Fox ") == "Quick Fox"
    assert rules.nickname_key("ANN") == rules.nickname_key("ann")


@pytest.mark.parametrize(
    "raw, message",
    [(None, "as text"), (["Moscow"], "as text"), ("  \t ", "Type an answer"), ("x" * 201, "200")],
)
def test_a_typed_answer_that_cannot_be_graded_is_refused(raw, message):
    with pytest.raises(rules.TypedAnswerError, match=message):
        rules.clean_typed_answer(raw)


def test_a_typed_answer_is_kept_as_typed_less_the_spaces_around_it():
    assert rules.clean_typed_answer("  Power of Siberia \n") == "Power of Siberia"
    assert rules.clean_typed_answer("x" * 200) == "x" * 200
