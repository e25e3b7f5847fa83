"""The interface's language and time zone per request (Flask-Babel), and the page's lang/dir.

Every string of the interface goes through gettext: ``_()`` in templates, ``gettext`` /
``lazy_gettext`` in Python (lazy where the string is made at import time: form labels, module
constants). Catalogues live in ``quizapp/translations/<lang>/LC_MESSAGES/``; ``make
translations`` extracts, updates and compiles them (see README).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from flask_babel import get_locale, gettext, refresh
from flask_login import current_user

from quizapp.core.interface_languages import (
    INTERFACE_LANGUAGES,
    choose_language,
    html_lang,
    text_direction,
)
from quizapp.core.time_zones import DEFAULT_ZONE
from quizapp.core.translatable import Reason
from quizapp.extensions import babel
from quizapp.services.errors import DomainError


def select_language() -> str:
    """The account's language when it chose one, else the browser's (``Accept-Language``)."""
    saved = None
    if current_user and current_user.is_authenticated:
        saved = getattr(current_user, "language", None)
    best = request.accept_languages.best_match(list(INTERFACE_LANGUAGES)) if request else None
    return choose_language(saved, best)


def select_time_zone() -> str:
    """The signed-in user's zone (dates and times are formatted in it); UTC for visitors."""
    if current_user and current_user.is_authenticated:
        return current_user.time_zone
    return DEFAULT_ZONE


def page_language() -> dict[str, Any]:
    """``page_lang`` and ``page_dir`` for ``<html lang dir>`` in every template."""
    code = str(get_locale() or "en")
    return {"page_lang": html_lang(code), "page_dir": text_direction(code)}


def refusal_text(error: DomainError) -> str:
    """A service's refusal in the page's language: its sentence (marked ``N_`` where it is
    written) translated first, then its values put in, so "%(count)s tokens" finds its
    translation whatever the count."""
    if not error.template:
        return error.message
    return gettext(error.template, **error.params)


def reason_text(reason: Reason) -> str:
    """A reason of the core (``quizapp.core.translatable.Reason``) in the page's language: its
    sentence translated first, then its values (the article's own words) put in as they are."""
    return gettext(reason.template, **reason.params)


def configure_i18n(app: Flask) -> None:
    """Binds Flask-Babel with the selectors above; English source text is the fallback."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    babel.init_app(app, locale_selector=select_language, timezone_selector=select_time_zone)
    app.context_processor(page_language)
    app.add_template_filter(reason_text, "reason_text")
    app.add_template_filter(refusal_text, "refusal_text")
    # Flask-Babel caches the choice on ``g``, which outlives a request wherever an app context
    # was pushed around several (the CLI, tests): every request chooses afresh.
    app.before_request(refresh)
