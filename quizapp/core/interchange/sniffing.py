"""Which reader a file needs, from what it holds before what it is called.

A ``.txt`` may be a GIFT bank or a Quizlet export ("term TAB definition"); a Moodle XML file may
be saved as anything. The content decides where it is plain (a zip, XML, GIFT's own marks, a tab
on nearly every line); the extension decides only what the content leaves open.
"""

from __future__ import annotations

import re

from quizapp.core.import_limits import SNIFF_LINE_CHARS
from quizapp.core.interchange.formats import format_of_filename

# Format names of ``core.interchange.formats``, whose table also says which extension is whose.
MOODLE_XML, GIFT, CARDS, APKG = "moodle-xml", "gift", "csv", "apkg"
# Marks only GIFT writes: a question name, a category line, or answers in braces that start
# with =, ~, #, or are T/F ("{=Paris ~Lyon}", "{#3.14:0.01}", "{TRUE}", "{}").
_GIFT_MARK = re.compile(
    r"^\s*::|^\s*\$CATEGORY:|(?<!\\)\{\s*(?:[=~#]|T\s*\}|F\s*\}|TRUE|FALSE|\})",
    re.MULTILINE,
)
_NAME_OR_CATEGORY = re.compile(r"^\s*::|^\s*\$CATEGORY:", re.MULTILINE)
# Share of the lines with a tab from which a text is a tab-separated deck (a definition over
# several lines leaves some lines without one).
TABBED_SHARE = 0.8


def _is_tabbed(sample: str) -> bool:
    lines = [line for line in sample.splitlines() if line.strip()]
    return bool(lines) and sum("\t" in line for line in lines) >= TABBED_SHARE * len(lines)


def _text_kind(sample: str, by_extension: str | None) -> str | None:
    if by_extension == CARDS and not _NAME_OR_CATEGORY.search(sample):
        return CARDS  # a CSV whose definitions hold "{x = 1}" is still a CSV
    if _is_tabbed(sample) and not _NAME_OR_CATEGORY.search(sample):
        return CARDS
    if _GIFT_MARK.search(sample):
        return GIFT
    if by_extension == GIFT and not _is_tabbed(sample) and "," not in sample:
        return GIFT  # let the GIFT reader say what it misses
    return CARDS if by_extension in (GIFT, CARDS) else by_extension


def sniff_format(filename: str, data: bytes) -> str | None:
    """The name of the format (MOODLE_XML, GIFT, CARDS or APKG) ``data`` is in, or None when
    neither its content nor its name says (no reader is tried then)."""
    named = format_of_filename(filename)
    by_extension = named.name if named else None
    if data.startswith(b"PK\x03\x04"):
        return by_extension  # a zip: an Anki package when so named (a .docx is none)
    head = data[:SNIFF_LINE_CHARS].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<quiz")):
        return MOODLE_XML
    if by_extension in (MOODLE_XML, APKG):
        return by_extension  # their readers name what is wrong
    sample = head.decode("utf-8", errors="replace")
    return _text_kind(sample, by_extension)
