"""Filters and globals every template may use, registered once by the app factory.

Registering them on the app (not on a blueprint) means a page of one area can use a helper
of another without depending on which blueprint happened to register it.
"""

from __future__ import annotations

from flask import Flask

from quizapp.core.question_kinds.choice_credit import describe_credit
from quizapp.core.vocabulary import ItemOrigin
from quizapp.core.web_links import is_web_link
from quizapp.locale_formats import marks_text, percent_text
from quizapp.time_display import local, viewer_zone, when

# Shown for a figure that does not exist yet (nothing answered, nobody started).
NO_FIGURE = "—"


def percent(
    value: float | None, digits: int = 0, *, fraction: bool = False, empty: str = NO_FIGURE
) -> str:
    """``value`` as "85 %" (``digits`` decimals); a ``fraction`` (0-1) is scaled first.

    Rounds as Jinja's ``round`` filter does (Python's ``round``), so the figures on every page
    agree with each other.
    """
    if value is None:
        return empty
    scaled = value * 100 if fraction else value
    shown = round(scaled) if digits == 0 else round(scaled, digits)
    return percent_text(shown, digits)


def plural(count: int | None, singular: str, plural_form: str | None = None) -> str:
    """The word for ``count`` things: "question" for 1, "questions" otherwise."""
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` with its word: "1 question", "3 questions"."""
    return f"{count} {plural(count, singular, plural_form)}"


def out_of(score: float, max_score: float) -> str:
    """A score over its maximum, as "3.5 / 5": at most two decimals, no trailing zeros."""
    return marks_text(score, max_score)


def init_app(app: Flask) -> None:
    app.add_template_filter(local, "local")
    app.add_template_filter(when, "when")
    app.add_template_filter(percent, "percent")
    app.add_template_filter(plural, "plural")
    app.add_template_filter(counted, "counted")
    app.add_template_filter(out_of, "out_of")
    app.add_template_test(is_web_link, "web_link")
    app.add_template_global(viewer_zone, "viewer_zone")
    # An imported question's written marks and feedbacks, beside its key where teachers look.
    app.add_template_global(describe_credit, "describe_credit")
    # Templates compare an item's origin with the names the code uses, not a repeated string.
    app.add_template_global(ItemOrigin, "ItemOrigin")
