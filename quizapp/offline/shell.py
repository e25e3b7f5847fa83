"""The app shell the service worker keeps for offline use, and its version."""

from __future__ import annotations

import hashlib

from flask import current_app, url_for

from quizapp import ROOT

SHELL_ASSETS = (
    "css/app.css",
    "js/theme.js",
    "js/nav.js",
    "js/offline.js",
    "js/offline-store.js",
    "js/sw-register.js",
    "favicon.svg",
    "icons/icon-192.png",
    "icons/icon-512.png",
)


def shell_urls() -> list[str]:
    """The addresses the worker caches on install (the offline page is cached apart)."""
    return [url_for("static", filename=name) for name in SHELL_ASSETS]


def shell_version() -> str:
    """A hash of the shell's files and the worker's own template: any change to them makes a
    new cache name, so the new worker replaces the old cache. Computed once per process."""
    cached = current_app.extensions.get("offline_shell_version")
    if cached is None:
        digest = hashlib.sha256()
        files = [ROOT / "static" / name for name in SHELL_ASSETS]
        files += [ROOT / "templates" / "offline" / name for name in ("sw.js", "study.html")]
        for path in files:
            digest.update(path.read_bytes())
        cached = current_app.extensions["offline_shell_version"] = digest.hexdigest()[:12]
    return cached
