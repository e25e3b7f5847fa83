"""The interface languages' page attributes (``core.interface_languages``)."""

import pytest

from quizapp.core.interface_languages import INTERFACE_LANGUAGES, html_lang, text_direction


@pytest.mark.parametrize("code", sorted(INTERFACE_LANGUAGES))
def test_only_arabic_pages_read_right_to_left(code):
    assert text_direction(code) == ("rtl" if code == "ar" else "ltr")


def test_a_language_direction_is_worked_out_once():
    """Every page asks; Babel's locale is parsed on the first ask only."""
    text_direction.cache_clear()
    assert [text_direction("ar") for _ in range(3)] == ["rtl"] * 3
    assert text_direction.cache_info().misses == 1


def test_chinese_pages_name_their_script():
    assert html_lang("zh") == "zh-Hans" and html_lang("ru") == "ru"
