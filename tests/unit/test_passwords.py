"""Guessable passwords are refused offline: a breached list of 30,000 and the patterns people
build from words (a season and a year, leetspeak), not only a short list."""

from __future__ import annotations

import pytest

from quizapp.core.passwords import COMMON_PASSWORDS, password_problem


@pytest.mark.parametrize(
    "password",
    ["Summer2024!", "P@ssw0rd2024", "Winter2023?", "Liverpool2025", "qwertyuiop12", "1q2w3e4r5t"],
)
def test_breached_and_patterned_passwords_are_refused(password):
    assert password_problem(password) is not None


@pytest.mark.parametrize(
    "password", ["correct horse battery", "kangaroo-lamp-91", "river stone 2024 tide"]
)
def test_unrelated_words_and_random_strings_pass(password):
    assert password_problem(password) is None


def test_the_breached_list_is_shipped_and_large():
    assert len(COMMON_PASSWORDS) >= 10_000
    assert "iloveyou" in COMMON_PASSWORDS and "trustno1" in COMMON_PASSWORDS


def test_a_password_longer_than_the_scorer_reads_is_judged_by_its_start():
    """zxcvbn raises past 72 characters; the form allows 200."""
    assert "repeats" in password_problem("a" * 150 + "bcdef")
    assert password_problem("correct horse battery " * 9) is None
