"""Where a login or sign-up goes next: the page a visitor came from, if it is ours.

A ``next`` parameter is written by whoever made the link, so it is followed only when it is a
path of this site; anything a browser could read as another host is refused.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_NEXT_LENGTH = 2000


def safe_next_path(target: str | None) -> str | None:
    """``target`` when it is a same-site relative path (``/join/ABCD``), else None.

    Refused: absolute URLs (``https://evil.example``), scheme-relative ones (``//evil.example``),
    backslashes (browsers read ``/\\evil.example`` as ``//evil.example``) and control
    characters (browsers drop a tab or newline, so ``/\\t/evil.example`` becomes ``//evil...``).
    """
    if not target or len(target) > MAX_NEXT_LENGTH or not target.startswith("/"):
        return None
    if target.startswith("//") or "\\" in target:
        return None
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
