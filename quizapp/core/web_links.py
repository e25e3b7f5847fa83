"""Which links a page may render: http and https only.

A teacher types an article's source URL; rendered as a link, ``javascript:``, ``data:`` or
``vbscript:`` would run (or show) whatever it holds when a reader clicks it. Browsers drop tabs
and newlines inside a scheme ("java\tscript:"), so the check is on the raw text: it must start
with the scheme and hold no whitespace or control character at all.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
MAX_LINK = 2000
NOT_A_WEB_LINK = "The source URL must be a web address starting with http:// or https://."


def is_web_link(url: str | None) -> bool:
    """Whether ``url`` is an absolute http(s) link with a host, safe to put in an ``href``."""
    if not url or len(url) > MAX_LINK:
        return False
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        return False
    parts = urlsplit(url)
    scheme = url.split(":", 1)[0].lower()
    return scheme in WEB_SCHEMES and parts.scheme == scheme and bool(parts.hostname)
