"""Which ``next`` pages a login or sign-up follows: only paths of this site."""

from __future__ import annotations

import pytest

from quizapp.auth.next_page import safe_next_path


@pytest.mark.parametrize(
    "target", ["/join/ABCD2345", "/assignments?page=2", "/quiz/3/results#top", "/"]
)
def test_a_same_site_path_is_followed(target):
    assert safe_next_path(target) == target


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "https://evil.example/join/ABCD2345",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "javascript:alert(1)",
        "join/ABCD2345",
        "/" + "a" * 2000,
    ],
)
def test_anything_a_browser_could_read_as_another_site_is_refused(target):
    assert safe_next_path(target) is None
