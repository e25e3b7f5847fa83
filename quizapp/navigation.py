"""The main navigation and the layout's asset links, built once per kind of page.

Every page carries the same dozen links; building them in the template (a macro per link, a
``url_for`` each, a loop to find the page you are on) took a tenth of a dashboard's time. The
links depend only on the page's endpoint, whether the viewer teaches, and where the app is
mounted, so each combination is built once per process and reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, request, url_for
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class NavItem:
    # Lazy: the cached links are shared by every language, each page says its label in its own.
    label: LazyString
    endpoint: str
    # The endpoints (a name ending in "." stands for a whole blueprint) on which this link is
    # the page you are on, except those in ``exclude``.
    sections: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def is_current(self, here: str) -> bool:
        if here in self.exclude:
            return False
        return any(
            here == section or (section.endswith(".") and here.startswith(section))
            for section in self.sections
        )


LEARNING = (
    NavItem(_l("Dashboard"), "study.dashboard", ("study.dashboard",)),
    NavItem(_l("Review"), "study.review", ("study.review", "study.start_review")),
    NavItem(_l("Practice"), "quiz.new", ("quiz.",)),
    NavItem(_l("Flashcards"), "study.cards", ("study.cards",)),
    NavItem(_l("Progress"), "study.progress_page", ("study.progress_page",)),
    NavItem(_l("Assignments"), "classroom.assignments", ("classroom.",)),
    NavItem(_l("Library"), "main.library", ("main.library",)),
    NavItem(_l("Search"), "main.search_page", ("main.search_page",)),
    NavItem(_l("Topics"), "main.home", ("main.home", "main.topic", "main.reader")),
)
_AUTHORING = (
    "teach.items",
    "teach.new_question",
    "teach.edit_question",
    "teach.new_flashcard",
    "teach.edit_flashcard",
)
_READING = (
    "teach.articles",
    "teach.import_article",
    "teach.reimport_article",
    "teach.review_article",
    "teach.edit_draft",
)
_EXCHANGE = ("teach.exchange", "teach.preview_cards", "teach.import_pasted_cards")
TEACHING = (
    NavItem(_l("Teach"), "teach.home", ("teach.",), exclude=_AUTHORING + _READING + _EXCHANGE),
    NavItem(_l("My articles"), "teach.articles", _READING),
    NavItem(_l("My questions"), "teach.items", _AUTHORING),
    NavItem(_l("Import and export"), "teach.exchange", _EXCHANGE),
)


def _built(key: tuple, build):
    cache = current_app.extensions["layout_links"]
    value = cache.get(key)
    if value is None:
        value = cache[key] = build()
    return value


def nav_links(teacher: bool) -> tuple[tuple[str, str, bool], ...]:
    """(label, address, is the page you are on) for each link of the main navigation."""
    here = request.endpoint or ""
    items = LEARNING + TEACHING if teacher else LEARNING
    return _built(
        ("nav", here, teacher, request.script_root),
        lambda: tuple((i.label, url_for(i.endpoint), i.is_current(here)) for i in items),
    )


def link(endpoint: str) -> str:
    """The address of a page that takes no arguments (the layout's own links)."""
    return _built(("link", endpoint, request.script_root), lambda: url_for(endpoint))


def asset_url(filename: str) -> str:
    """The address of a file under static/."""
    return _built(
        ("asset", filename, request.script_root),
        lambda: url_for("static", filename=filename),
    )


def init_app(app: Flask) -> None:
    app.extensions["layout_links"] = {}
    app.add_template_global(nav_links, "nav_links")
    app.add_template_global(link, "link")
    app.add_template_global(asset_url, "asset_url")
