"""Sentences end where each language ends them: named shapes in Russian, German and Chinese."""

from __future__ import annotations

import pytest

from quizapp.core.languages import detect_language, word_count
from quizapp.core.sentences import sentence_bounds
from quizapp.core.text import slugify


def _split(text: str, language: str) -> list[str]:
    return [text[begin:end] for begin, end in sentence_bounds(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials before a surname
        ("Поэму написал А. С. Пушкин. Её читают.", ["Поэму написал А. С. Пушкин.", "Её читают."]),
        # "т. е." inside a sentence
        ("Он жил в Москве, т. е. в столице. Потом уехал.", 2),
        # a year's "г." after a date opening the sentence goes on …
        ("В 1991 г. Союз распался. Так было.", ["В 1991 г. Союз распался.", "Так было."]),
        # … and ends a sentence at its end
        ("Дорогу закончили в 1916 г. Затем её расширили.", 2),
        ("Он жил на ул. Ленина и работал там.", 1),
    ],
)
def test_russian_abbreviations_and_initials(text, expected):
    found = _split(text, "ru")
    assert found == expected if isinstance(expected, list) else len(found) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Viele Städte, z. B. Berlin, feierten. Das war schön.", 2),
        ("Das ist Nr. 5 der Liste, d. h. die letzte.", 1),
        ("Die Mauer fiel am 9. November 1989. Dann kam die Einheit.", 2),
        ("Im 19. Jahrhundert wuchs Berlin schnell.", 1),
        ("Sie zählten bis 1990. Dann hörten sie auf.", 2),
    ],
)
def test_german_abbreviations_and_ordinals(text, count):
    assert len(_split(text, "de")) == count


def test_chinese_ends_at_full_width_marks_without_spaces():
    text = "三峡大坝位于湖北省。它是最大的水电站！真的吗？是的：很大；非常大。"
    assert _split(text, "zh") == [
        "三峡大坝位于湖北省。",
        "它是最大的水电站！",
        "真的吗？",
        "是的：很大；非常大。",
    ]


def test_chinese_semicolon_ends_a_block_that_ends_with_it():
    assert _split("第一，防洪；", "zh") == ["第一，防洪；"]
    assert _split("第一，防洪；第二，发电。", "zh") == ["第一，防洪；第二，发电。"]


def test_english_keeps_its_rules():
    text = "Dr. Smith went to the U.S. The next day he left. A. Smith stayed."
    assert _split(text, "en") == [
        "Dr. Smith went to the U.S.",
        "The next day he left.",
        "A. Smith stayed.",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Транссибирская магистраль соединяет Москву с Владивостоком.", "ru"),
        ("三峡大坝位于湖北省宜昌市三斗坪镇，建在长江西陵峡中段。", "zh"),
        ("Die Mauer fiel am 9. November 1989, und die Stadt war nicht mehr geteilt.", "de"),
        ("The wall fell in 1989 and the city was no longer divided.", "en"),
        ("", "en"),
    ],
)
def test_language_is_told_from_script_and_common_words(text, language):
    assert detect_language(text) == language


def test_chinese_characters_count_as_words():
    assert word_count("三峡大坝") == 4
    assert word_count("Russia's Pivot East") == 3


def test_headings_in_other_scripts_get_keys_of_their_own():
    assert slugify("Начало строительства") == "nachalo-stroitelstva"
    assert slugify("位置与规模") != slugify("漫长的准备")
    assert slugify("位置与规模").startswith("zh-")
    assert slugify("Implications of Russia's Eastern Pivot") == (
        "implications-of-russias-eastern-pivot"
    )


def test_a_short_chinese_paste_counts_its_characters_as_words():
    from quizapp.core.text_extraction import extract_article

    text = "长江\n\n长江是中国最长的河流，全长约六千三百千米，流入东海。"
    extracted = extract_article("changjiang.txt", text.encode())
    assert extracted.text.startswith("长江\n")


def test_a_chinese_text_opening_with_a_sentence_gets_a_title_of_its_own():
    from quizapp.core.text_extraction import title_line

    assert title_line("三峡大坝\n\n三峡大坝位于湖北省。") == "三峡大坝"
    assert title_line("三峡大坝位于湖北省宜昌市三斗坪镇。\n\n它是最大的水电站。") is None
