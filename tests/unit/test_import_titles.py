"""What an imported question file calls its questions as a whole: the new article's title."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.interchange.categories import bank_of_category
from quizapp.core.interchange.gift import read_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml

FILES = Path(__file__).parent / "interchange_files"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("$course$/top/Pipelines/Gas // Oil", "Pipelines"),
        ("$course$/top/Default for Biology 101/Photosynthesis", "Biology 101"),
        ("$module$/top/Default for Week 3 quiz", "Week 3 quiz"),
        ("$course$/top/Energy", "Energy"),
        ("$course$/Rivers // Lakes/Deltas", "Rivers / Lakes"),
        ("$course$/top", None),
        ("", None),
    ],
)
def test_the_first_named_category_is_the_files_title(path, title):
    assert bank_of_category(path) == title


def test_a_moodle_file_is_titled_by_its_first_category():
    assert read_moodle_xml((FILES / "moodle_docs.xml").read_bytes()).title == "Pipelines"
    bare = b"<quiz><question type='truefalse'><questiontext><text>Q</text></questiontext>"
    bare += b"<answer fraction='100'><text>true</text></answer></question></quiz>"
    assert read_moodle_xml(bare).title is None


def test_a_gift_file_is_titled_by_its_first_category():
    later = "Q? {T}\n\n$CATEGORY: $course$/top/Default for Geography/Rivers\n\nR? {F}\n"
    assert read_gift(later).title == "Geography"
    assert read_gift("Q? {T}\n").title is None
