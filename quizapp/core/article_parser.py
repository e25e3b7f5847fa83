"""Parse a plain-text article into sections, paragraphs and bullets, keeping character offsets.

The articles we take are plain text: a title on the first line, then blocks. A heading is a
Markdown heading (``## Title``), or a short line without final punctuation, or a short line ending
in ":" (a lead-in such as "Key facts:"); a bullet is ``- Label: text`` (or ``- text``, a keyword
list); anything else is a prose paragraph. Every block keeps its start offset in the source so
claims can be quoted verbatim and located exactly.

Prose without any heading is split into topics by paragraph groups (see ``core.segmentation``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lemminflect import getAllLemmas

from quizapp.core.errors import InputError
from quizapp.core.languages import ENGLISH, detect_language, word_count
from quizapp.core.lexicon import content_words
from quizapp.core.segmentation import group_paragraphs, label_groups

# A heading is short and does not end like a sentence; longer lines are prose.
MAX_HEADING_WORDS = 12
MAX_LEAD_IN_WORDS = 6
KEYWORD_HEADING_PATTERN = re.compile(r"^(long[- ]tail )?keywords?\s*:?$", re.IGNORECASE)
# A lead-in line with a verb and this many content words is a statement, not a label.
MIN_STATEMENT_WORDS = 4
FINITE_BE_HAVE = frozenset("is are was were has have had".split())
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
BULLET_PATTERN = re.compile(r"^[-*\u2022]\s+(?:(?P<label>[^:\n]{1,60}):\s+)?(?P<body>.+)$")
# "1. Growing: text", "2) Harvesting. text" (a bold label once Markdown's ** are gone), "3. text".
NUMBERED_PATTERN = re.compile(
    r"^\d{1,3}[.)]\s+(?:(?P<label>[^:.\n]{1,60})(?P<mark>[:.])\s+)?(?P<body>\S.*)$"
)
# A numbered item's label ends at its first "." only when it is this short and has no verb.
MAX_LIST_LABEL_WORDS = 5
# A Markdown table's row ("| a | b |") or separator ("|---|:--:|"): structure, never prose.
TABLE_ROW = re.compile(r"^\|.*\|$")
# How a sentence or a clause ends, in Latin and Cyrillic scripts and in Chinese.
FINAL_MARKS = ".!?;,\"'\u3002\uff01\uff1f\uff1b\uff0c\u201d\u2019"


class EmptyArticle(InputError):
    """The text holds nothing to read once headings, notes and blank lines are set aside."""


@dataclass(frozen=True)
class Block:
    """A paragraph or a bullet: ``text`` starts at ``start`` in the article."""

    kind: str  # "paragraph", "bullet" or "table" (a Markdown table's rows, never asked)
    text: str
    start: int
    label: str | None = None  # a bullet's "Label:" if it has one


@dataclass
class Section:
    """A heading (None for the text before the first heading) and its blocks."""

    heading: str | None
    blocks: list[Block] = field(default_factory=list)
    is_keywords: bool = False


@dataclass
class ParsedArticle:
    title: str
    text: str
    sections: list[Section]
    subtitle: str | None = None  # the line under the title: neither a topic nor a claim
    language: str = "en"  # ISO 639-1, told from the text (``core.languages``)

    @property
    def keywords(self) -> list[str]:
        """Keyword lines ("Long-Tail Keywords") become tags, never claims."""
        return [b.text for s in self.sections if s.is_keywords for b in s.blocks]


def _states_something(line: str) -> bool:
    """A short line ending in ":" that is a sentence, not a list's label: it has a number or a
    verb ("Photosynthesis runs in two linked stages:") and says enough to be a claim."""
    words = re.findall(r"[\w'\u2019-]+", line)
    has_verb = any(w.lower() in FINITE_BE_HAVE or set(getAllLemmas(w)) == {"VERB"} for w in words)
    has_number = any(ch.isdigit() for ch in line)
    if len(words) >= 3 and any(w.lower() in FINITE_BE_HAVE for w in words):
        return True  # "The court's main powers are these:" is a sentence, not a heading
    return (has_verb or has_number) and len(content_words(line)) >= MIN_STATEMENT_WORDS


def _is_list_label(phrase: str) -> bool:
    """ "Judicial review", "Hearing a few cases first": a numbered item's label before its
    first full stop is short and has no finite verb; "Water boils" or "It is hot" is a
    sentence of its own."""
    words = re.findall(r"[\w'\u2019-]+", phrase)
    if not words or len(words) > MAX_LIST_LABEL_WORDS or not phrase[0].isupper():
        return False
    for word in words:
        lowered = word.lower()
        uses = set(getAllLemmas(lowered))
        if lowered in FINITE_BE_HAVE or lowered in {"it", "they", "he", "she", "we", "i"}:
            return False
        if uses == {"VERB"} and not lowered.endswith("ing"):
            return False
    return True


def _heading_text(line: str) -> str | None:
    """The heading a line stands for, or None when it is a paragraph or a bullet."""
    stripped = line.strip()
    markdown = MARKDOWN_HEADING.match(stripped)
    if markdown:
        return markdown.group("text")
    if not stripped or stripped.startswith(("-", "*", "\u2022", "#", "|")):
        return None
    if NUMBERED_PATTERN.match(stripped):
        return None  # "1. Growing" is a list's entry, not a heading
    if KEYWORD_HEADING_PATTERN.match(stripped):
        return stripped
    if word_count(stripped) > MAX_HEADING_WORDS:
        return None
    if stripped.endswith("\uff1a"):
        return stripped[:-1].rstrip()  # "主要数据：" leads in a list
    if stripped.endswith(":"):
        # "Key facts:" leads in a list; a longer line ending in ":" is a sentence, and so is a
        # short one that states something ("Total loans reached 231,000 items:").
        if len(stripped.split()) > MAX_LEAD_IN_WORDS or _states_something(stripped):
            return None
        return stripped[:-1].rstrip()
    return None if stripped[-1] in FINAL_MARKS else stripped


def _segment_headless(sections: list[Section], language: str) -> list[Section]:
    """Prose with no heading at all becomes several topics, each named by its noun phrase; in
    a language the English noun-phrase rules do not know, "Part 1", "Part 2", … for the
    teacher to rename."""
    if len(sections) != 1 or sections[0].heading is not None or not sections[0].blocks:
        return sections
    blocks = sections[0].blocks
    groups = group_paragraphs([b.text for b in blocks])
    if language == ENGLISH:
        labels = label_groups([" ".join(blocks[i].text for i in group) for group in groups])
    else:
        labels = [f"Part {number}" for number in range(1, len(groups) + 1)]
    return [
        Section(heading=label, blocks=[blocks[i] for i in group])
        for label, group in zip(labels, groups, strict=True)
    ]


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        lines.append((content.strip(), offset + lead))
        offset += len(raw)
    return lines


def _is_plain_heading(line: str) -> bool:
    """A short line standing as a heading by its shape, not by Markdown or a colon."""
    return (
        _heading_text(line) == line
        and not MARKDOWN_HEADING.match(line)
        and not KEYWORD_HEADING_PATTERN.match(line)
    )


def _subtitle(lines: list[str]) -> str | None:
    """The line under the title when it is a subtitle ("A brief on Moscow's turn to Asia"), not
    the first section's heading: a short line followed by a heading ("Overview"), or one in a
    text with no heading of its shape below it (prose, or Markdown ``##`` headings)."""
    if len(lines) < 2 or not _is_plain_heading(lines[0]):
        return None
    if _heading_text(lines[1]) is not None:
        return lines[0]
    return None if any(_is_plain_heading(line) for line in lines[2:]) else lines[0]


def _markdown_subtitle(lines: list[str]) -> str | None:
    """ "# Pricing Carbon …" / "A policy brief on making emitters pay …" / "## Overview": in
    Markdown, an unpunctuated line between the title and the first ``##`` heading is the
    subtitle, however long, never the first claim."""
    if len(lines) < 3:
        return None  # (the title's own "# " may be gone: a Markdown import strips it)
    line = lines[1].rstrip()
    if MARKDOWN_HEADING.match(line) or line.endswith((".", "!", "?", ":")):
        return None
    return line if MARKDOWN_HEADING.match(lines[2]) else None


def _add_block(section: Section, text: str, line: str, start: int) -> None:
    """Add the line to the section: a table's row, a bullet, a numbered item or a paragraph."""
    blocks = section.blocks
    if TABLE_ROW.match(line):
        _add_table_row(blocks, text, line, start)
        return
    bullet = BULLET_PATTERN.match(line)
    if bullet:
        body_start = start + bullet.start("body")
        label = bullet.group("label")
        if section.is_keywords:
            label = None
            body_start = start + line.index(bullet.group(0)[2:].lstrip())
        body = text[body_start : start + len(line)]
        blocks.append(Block("bullet", body, body_start, label and label.strip()))
    elif NUMBERED_PATTERN.match(line):
        blocks.append(_numbered_item(text, line, start))
    else:
        blocks.append(Block("paragraph", line, start))


def _add_table_row(blocks: list[Block], text: str, line: str, start: int) -> None:
    """A table's row joins the table block before it (a table is one block, its rows and
    separator included), or starts one."""
    if blocks and blocks[-1].kind == "table":
        begin = blocks[-1].start
        blocks[-1] = Block("table", text[begin : start + len(line)], begin)
    else:
        blocks.append(Block("table", line, start))


def _numbered_item(text: str, line: str, start: int) -> Block:
    """ "1. Growing: text", "2. Judicial review. text" or "3. text": a bullet under its label
    (a label before a full stop only when it is one: short, with no verb); the number is
    never part of a claim."""
    item = NUMBERED_PATTERN.match(line)
    assert item is not None
    label = item.group("label")
    if label and item.group("mark") == "." and not _is_list_label(label):
        label = None
    # An unlabelled item's text starts right after its number.
    begin = item.start("body") if label or not item.group("label") else item.start("label")
    body = text[start + begin : start + len(line)]
    return Block("bullet", body, start + begin, label and label.strip())


def parse_article(text: str, language: str | None = None) -> ParsedArticle:
    """Split ``text`` into a title, a subtitle if any, and sections of paragraphs and bullets,
    with offsets. Neither the title nor the subtitle is ever part of a section. ``language``
    (told from the text when None) decides where its sentences end."""
    lines = [(line, start) for line, start in _lines_with_offsets(text) if line]
    if not lines:
        raise EmptyArticle("The article is empty.")
    title = lines[0][0]
    sections: list[Section] = [Section(heading=None)]
    title = MARKDOWN_HEADING.match(title).group("text") if MARKDOWN_HEADING.match(title) else title
    subtitle = _subtitle([line for line, _ in lines[1:]]) or _markdown_subtitle(
        [line for line, _ in lines]
    )
    for line, start in lines[2 if subtitle else 1 :]:
        heading = _heading_text(line)
        if heading is not None:
            sections.append(
                Section(heading=heading, is_keywords=bool(KEYWORD_HEADING_PATTERN.match(line)))
            )
            continue
        _add_block(sections[-1], text, line, start)
    language = language or detect_language(text)
    sections = _segment_headless([s for s in sections if s.blocks or s.heading], language)
    return ParsedArticle(title, text, sections, subtitle=subtitle, language=language)
