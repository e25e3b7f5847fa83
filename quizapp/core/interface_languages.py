"""The interface languages quizapp ships catalogues for, and how a request's language is chosen.

No Flask here: the web layer (``quizapp/i18n.py``) passes in what the account saved and what
the browser's ``Accept-Language`` header offers.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

# Each code names a catalogue under quizapp/translations/ (English is the source text itself).
# Chinese is Simplified; its catalogue is "zh" so that any zh-* browser setting finds it.
INTERFACE_LANGUAGES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "zh": "中文（简体）",
    "ar": "العربية",
}
DEFAULT_LANGUAGE = "en"
# What the page's lang attribute says for each catalogue (BCP 47): the script matters to
# screen readers and font choice for Chinese.
HTML_LANG = {"zh": "zh-Hans"}


def is_interface_language(code: str | None) -> bool:
    """Whether quizapp has a catalogue for ``code`` (a saved preference must be one)."""
    return code in INTERFACE_LANGUAGES


def html_lang(code: str) -> str:
    """The page's ``lang`` attribute for an interface language."""
    return HTML_LANG.get(code, code)


# Every page asks (``i18n.page_language``), and Babel parses the code and builds a Locale each
# time (about 10 µs); the codes are the few negotiated interface languages, so the cache stays
# small.
@cache
def text_direction(code: str) -> str:
    """``rtl`` for right-to-left languages (Arabic), else ``ltr``, from Babel's locale data."""
    return Locale.parse(code).text_direction


def choose_language(saved: str | None, browser_best: str | None) -> str:
    """The account's saved language first, then the browser's best match, then English."""
    if is_interface_language(saved):
        return saved  # type: ignore[return-value]
    if is_interface_language(browser_best):
        return browser_best  # type: ignore[return-value]
    return DEFAULT_LANGUAGE
