"""The interface's language and time zone per request (Flask-Babel), and the page's lang/dir.

Every string of the interface goes through gettext: ``_()`` in templates, ``gettext`` /
``lazy_gettext`` in Python (lazy where the string is made at import time: form labels, module
constants). Catalogues live in ``quizapp/translations/<lang>/LC_MESSAGES/``; ``make
translations`` extracts, updates and compiles them (see README).
"""

from __future__ import annotations

from typing import Any

from babel.numbers import get_decimal_symbol
from flask import Flask, request
from flask_babel import get_locale, gettext, ngettext, refresh
from flask_login import current_user

from quizapp.core.errors import InputError
from quizapp.core.interface_languages import (
    INTERFACE_LANGUAGES,
    choose_language,
    html_lang,
    text_direction,
)
from quizapp.core.time_zones import DEFAULT_ZONE
from quizapp.core.translatable import Joined, Phrase, Sentence, english_value
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


def refusal_text(error: DomainError | InputError) -> str:
    """A service's refusal, or input the core could not take, in the page's language: its
    sentence (marked ``N_`` where it is written) translated first, then its values put in, so
    "%(count)s tokens" finds its translation whatever the count."""
    if not error.template:
        return error.message
    if isinstance(error.template, Phrase | Joined | Sentence):  # made whole by the core
        return str(worded(error.template))
    if not error.params:
        return gettext(error.template)
    return gettext(error.template, **{name: worded(v) for name, v in error.params.items()})


def worded(value: object) -> object:
    """A value of the core in the page's language: a :class:`Phrase` translated from its
    template, its values worded in their turn (a plural form chosen by its count), the parts
    of a :class:`Joined` each worded, a refusal by :func:`refusal_text`, a float with the
    language's decimal mark ("0,5"); anything else (a learner's or teacher's own text) as it is.
    """
    if isinstance(value, Joined):
        return value.separator.join(str(worded(part)) for part in value.parts)
    if isinstance(value, Sentence):
        return _as_sentence(str(report_sentence(value.fragment)))
    if isinstance(value, Phrase):
        params = {name: worded(v) for name, v in value.params.items()}
        if value.plural is not None and value.count:
            # Flask-Babel's ngettext takes the count as ``num`` and puts it in itself.
            params.pop("num", None)
            return ngettext(value.template, value.plural, value.params[value.count], **params)
        return gettext(value.template, **params) if params else gettext(value.template)
    if isinstance(value, DomainError | InputError):
        return refusal_text(value)
    if isinstance(value, float):
        return local_number(value)
    return value


def report_sentence(value: object) -> object:
    """A reason or change of an import report in the page's language: a phrase worded, a
    fixed sentence the app marked ``N_`` translated (the app writes these, never a user)."""
    if isinstance(value, Phrase | Joined | Sentence) or not isinstance(value, str) or not value:
        return worded(value)
    return gettext(value)


def _as_sentence(text: str) -> str:
    """A fragment in the page's language made a sentence: a capital first letter, and the
    language's full stop unless it ends with one."""
    if not text or text[-1] in ".!?。！？":
        return text[:1].upper() + text[1:]
    stop = "。" if str(get_locale() or "en").startswith("zh") else "."
    return text[:1].upper() + text[1:] + stop


def local_number(value: float) -> str:
    """A number as the core writes it (3.14, 0.5, 1e-07) with the page language's decimal
    mark: every digit kept, so an answer key reads exactly as it was set."""
    text = str(english_value(value))
    locale = get_locale()
    if locale is None or locale.language == "en":
        return text
    return text.replace(".", get_decimal_symbol(locale))


def configure_i18n(app: Flask) -> None:
    """Binds Flask-Babel with the selectors above; English source text is the fallback."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    babel.init_app(app, locale_selector=select_language, timezone_selector=select_time_zone)
    app.context_processor(page_language)
    app.add_template_filter(worded, "worded")
    app.add_template_filter(refusal_text, "refusal_text")
    # Flask-Babel caches the choice on ``g``, which outlives a request wherever an app context
    # was pushed around several (the CLI, tests): every request chooses afresh.
    app.before_request(refresh)
