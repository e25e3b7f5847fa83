"""A marker for messages the core and the services write in English and the web layer shows
translated: ``N_("...")`` returns its text unchanged (the core stays free of Flask), and
``pybabel extract`` (whose default keywords include ``N_``) puts it in the catalogues, so the
page's ``gettext(message)`` finds its translation."""

from __future__ import annotations

from dataclasses import dataclass, field


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name for the no-op marker
    """``message`` itself: only marks it for extraction."""
    return message


@dataclass(frozen=True)
class Reason:
    """Why the core decided something, for a person to read: an English template (marked
    ``N_`` where it is shown) and its values, kept apart so the web layer can word it in the
    reader's language (``quizapp.i18n.reason_text``). Values are the article's own words (a
    quote, a pointing word), shown as they are in every language. ``str()`` is the English."""

    template: str
    params: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template % self.params if self.params else self.template
