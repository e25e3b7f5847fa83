"""Only http and https links are rendered as links."""

from __future__ import annotations

import pytest

from quizapp.core.web_links import is_web_link


@pytest.mark.parametrize(
    "url",
    ["https://example.org/reading", "http://example.org", "HTTPS://Example.org/a?b=c#d"],
)
def test_web_addresses_are_links(url):
    assert is_web_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "https:alert(1)",
        "//evil.example/x",
        "/relative/path",
        "ftp://example.org/file",
        "https://exa mple.org",
        "http://\x00example.org",
        "",
        None,
        "https://example.org/" + "a" * 2000,
    ],
)
def test_everything_else_is_not(url):
    assert not is_web_link(url)
