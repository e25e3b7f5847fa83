"""Filters and globals every template may use, registered once by the app factory.

Registering them on the app (not on a blueprint) means a page of one area can use a helper
of another without depending on which blueprint happened to register it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
from flask import Flask, has_request_context
from flask_babel import get_locale, gettext, ngettext
from flask_babel import lazy_gettext as _l
from jinja2 import pass_eval_context

from quizapp.core.markdown_tables import parse_table
from quizapp.core.question_kinds.choice_credit import credit_of
from quizapp.core.vocabulary import ItemOrigin
from quizapp.core.web_links import is_web_link
from quizapp.time_display import day_label, local, viewer_zone, when

# Shown for a figure that does not exist yet (nothing answered, nobody started).
NO_FIGURE = "—"
# An account's role as the interface names it (``Role`` values are stored, never shown).
ROLE_NAMES = {"student": _l("student"), "teacher": _l("teacher"), "admin": _l("admin")}

# The kinds of things a badge names (question types, card kinds, search results), by stored value.
KIND_NAMES = {
    "single_choice": _l("single choice"),
    "multiple_select": _l("multiple select"),
    "true_false": _l("true or false"),
    "fill_blank": _l("fill in the blank"),
    "short_answer": _l("short answer"),
    "matching": _l("matching"),
    "poll": _l("poll"),
    "numerical": _l("numerical"),
    # A cloze question: several gaps, or one (a short answer marked in parts).
    "cloze_gaps": _l("fill in the gaps"),
    "basic": _l("basic"),
    "cloze": _l("cloze"),
    "article": _l("article"),
    "topic": _l("topic"),
    "claim": _l("claim"),
    "question": _l("question"),
    "flashcard": _l("flashcard"),
}

# What a topic's mastery amounts to (``quizapp.core.mastery.Confidence`` values), as shown.
CONFIDENCE_NAMES = {
    "not started": _l("not started"),
    "too early to tell": _l("too early to tell"),
    "weak": _l("weak"),
    "learning": _l("learning"),
    "likely known": _l("likely known"),
    "mastered": _l("mastered"),
}


def _non_english_locale():
    """The page's language when it is not English: English pages keep the figures they had."""
    if not has_request_context():
        return None
    locale = get_locale()
    return None if locale is None or locale.language == "en" else locale


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
    locale = _non_english_locale()
    if locale is not None:
        # The language's own sign, spacing and decimal mark ("85 %", "85%", "87,7 %").
        decimals = "." + "0" * digits if digits else ""
        pattern = str(locale.percent_formats[None].pattern).replace("#,##0", "#,##0" + decimals)
        return format_percent(shown / 100, pattern, locale=locale)
    return f"{shown} %"


def number(value: float | None, digits: int = 0, empty: str = NO_FIGURE) -> str:
    """``value`` with ``digits`` decimals, with the page language's decimal mark."""
    if value is None:
        return empty
    locale = _non_english_locale()
    if locale is None:
        return f"{value:.{digits}f}"
    pattern = "0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, pattern, locale=locale)


def role_name(role: str) -> str:
    """An account's role in the page's language."""
    return str(ROLE_NAMES.get(str(role), role))


def confidence_name(confidence: str) -> str:
    """A mastery's confidence ("likely known") in the page's language."""
    return str(CONFIDENCE_NAMES.get(str(confidence), confidence))


# Which combined feedbacks a question carries (``choice_credit.COMBINED_FEEDBACKS``), as said.
OUTCOME_NAMES = {
    "correct": _l("correct"),
    "partial": _l("partly correct"),
    "incorrect": _l("incorrect"),
}


def describe_credit(question: Any) -> str:
    """What a teacher reviewing the question should know beyond its key (its choices' marks as
    written, its gaps' and the feedbacks it carries) in the page's language; "" for none."""
    credit = credit_of(question)
    parts = []
    if credit.marks:
        marks = ", ".join(f"{text} {percent:g} %" for text, percent in credit.marks)
        parts.append(gettext("Marks: %(marks)s", marks=marks))
    if credit.gap_weights:
        weights = ", ".join(str(weight) for weight in credit.gap_weights)
        parts.append(gettext("Marks per gap: %(weights)s", weights=weights))
    if credit.partial_answers:
        parts.append(
            ngettext(
                "%(num)d answer worth part of a gap",
                "%(num)d answers worth part of a gap",
                credit.partial_answers,
            )
        )
    if credit.answer_feedbacks:
        parts.append(
            ngettext(
                "feedback on %(num)d answer", "feedback on %(num)d answers", credit.answer_feedbacks
            )
        )
    if credit.choice_feedbacks:
        parts.append(
            ngettext(
                "feedback on %(num)d choice", "feedback on %(num)d choices", credit.choice_feedbacks
            )
        )
    if credit.outcomes:
        outcomes = " / ".join(str(OUTCOME_NAMES[outcome]) for outcome in credit.outcomes)
        parts.append(gettext("feedback when %(outcomes)s", outcomes=outcomes))
    return "; ".join(parts)


def kind_name(kind: str) -> str:
    """A question type, card kind or search result kind as a badge shows it, in the page's
    language ("single choice" for ``single_choice``; an unknown value with spaces for ``_``)."""
    name = KIND_NAMES.get(str(kind))
    return str(name) if name is not None else str(kind).replace("_", " ")


def plural(count: int | None, singular: str, plural_form: str | None = None) -> str:
    """The word for ``count`` things: "question" for 1, "questions" otherwise."""
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` with its word: "1 question", "3 questions"."""
    return f"{count} {plural(count, singular, plural_form)}"


def out_of(score: float, max_score: float) -> str:
    """A score over its maximum, as "3.5 / 5": at most two decimals, no trailing zeros, with
    the page language's decimal mark ("3,5 / 5" in Russian)."""
    locale = _non_english_locale()
    if locale is None:
        return f"{round(score, 2):g} / {max_score:g}"
    shown = format_decimal(round(score, 2), "0.##", locale=locale)
    return f"{shown} / {format_decimal(max_score, '0.##', locale=locale)}"


# The short intervals the flashcard buttons show (services.flashcards.format_interval: "45s",
# "10m", "3h", "4d", "2.5mo", "1.2y") and CLDR's name of each unit.
_INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)(s|m|h|d|mo|y)$")
_INTERVAL_UNITS = {
    "s": "duration-second",
    "m": "duration-minute",
    "h": "duration-hour",
    "d": "duration-day",
    "mo": "duration-month",
    "y": "duration-year",
}


def interval(short: str) -> str:
    """A short interval ("10m") in the page's language ("10 мин", "10分钟"); English and
    anything else unchanged."""
    locale = _non_english_locale()
    found = _INTERVAL.match(short or "")
    if locale is None or found is None:
        return short
    amount = float(found.group(1))
    value = int(amount) if amount.is_integer() else amount
    return format_unit(value, _INTERVAL_UNITS[found.group(2)], length="narrow", locale=locale)


def per_request(function: Callable[..., str]) -> Callable[..., str]:
    """``function`` as a filter Jinja never works out when it compiles a template: its answer
    depends on the request's language and zone (``{{ 1|percent }}`` folded at compile time
    would stay English on every page)."""

    @pass_eval_context
    @functools.wraps(function)
    def filter_(_eval_ctx: Any, *args: Any, **kwargs: Any) -> str:
        return function(*args, **kwargs)

    return filter_


def init_app(app: Flask) -> None:
    app.add_template_filter(per_request(local), "local")
    app.add_template_filter(per_request(when), "when")
    app.add_template_filter(per_request(day_label), "day_label")
    app.add_template_filter(per_request(percent), "percent")
    app.add_template_filter(per_request(number), "number")
    app.add_template_filter(per_request(role_name), "role_name")
    app.add_template_filter(per_request(kind_name), "kind_name")
    app.add_template_filter(per_request(confidence_name), "confidence_name")
    app.add_template_filter(per_request(interval), "interval")
    app.add_template_filter(plural, "plural")
    app.add_template_filter(counted, "counted")
    app.add_template_filter(per_request(out_of), "out_of")
    app.add_template_test(is_web_link, "web_link")
    app.add_template_global(viewer_zone, "viewer_zone")
    # An imported question's written marks and feedbacks, beside its key where teachers look.
    app.add_template_global(describe_credit, "describe_credit")
    # A Markdown table in a reading (the reader's and the review page's), read into its cells.
    app.add_template_global(parse_table, "markdown_table")
    # Templates compare an item's origin with the names the code uses, not a repeated string.
    app.add_template_global(ItemOrigin, "ItemOrigin")
