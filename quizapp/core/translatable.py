"""A marker for messages the core and the services write in English and the web layer shows
translated: ``N_("...")`` returns its text unchanged (the core stays free of Flask), and
``pybabel extract`` (whose default keywords include ``N_``) puts it in the catalogues, so the
page's ``gettext(message)`` finds its translation."""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for the no-op marker
    """``message`` itself: only marks it for extraction."""
    return message
