"""A PDF's text as the parser's lines: paragraphs joined, large lines as title and headings."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter

from quizapp.core.line_shapes import MAX_TITLE_WORDS, SENTENCE_END, is_heading_line, is_title_cased

# A PDF's Title property that names a file or a template, not the document.
JUNK_PDF_TITLE = re.compile(
    r"(^(untitled|microsoft (word|powerpoint)|document\d*$|slide\s*\d*$))"
    r"|\.(docx?|pdf|odt|rtf|txt|pages|indd|pptx?)$",
    re.IGNORECASE,
)
LARGE_TEXT_RATIO = 1.2  # a line this much larger than the body text is a title or a heading


def page_text(page, runs: list[tuple[str, float]]) -> str:
    """The page's text; each run of text and its rendered size is added to ``runs``."""

    def visit(text, cm, tm, _font, font_size) -> None:
        if text.strip() and font_size:
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
            runs.append((" ".join(text.split()), float(font_size) * scale))

    return page.extract_text(visitor_text=visit) or ""


def large_lines(runs: list[tuple[str, float]]) -> list[str]:
    """Runs set larger than the body text (the size most characters have), in reading order."""
    by_size: Counter[float] = Counter()
    for text, size in runs:
        by_size[round(size, 1)] += len(text)
    if not by_size:
        return []
    body = by_size.most_common(1)[0][0]
    return [
        text
        for text, size in runs
        if size >= LARGE_TEXT_RATIO * body and len(text.split()) <= 2 * MAX_TITLE_WORDS
    ]


def _stands_alone(line: str, large: set[str], typical: float) -> bool:
    """A title or a heading: set large, or short, title-cased and not ending a sentence."""
    if " ".join(line.split()) in large:
        return True
    return is_heading_line(line) and is_title_cased(line) and len(line) < 0.6 * typical


def reflow_pdf(text: str, large: list[str] | None = None) -> str:
    """PDF lines are wrapped at the page width: a paragraph ends at a short line that ends a
    sentence; other lines are joined. A line set large (``large``), or a short title-cased line
    that does not end a sentence, stands alone as a heading; the first, above any text, is the
    title."""
    large = large or []
    # A set: a PDF can hold tens of thousands of large runs, and each line is looked up.
    large_runs = set(large)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # A short line on every page (the running header or footer) is not the article's text.
    repeated = Counter(lines)
    lines = [line for line in lines if repeated[line] == 1 or len(line.split()) > MAX_TITLE_WORDS]
    typical = statistics.median(len(line) for line in lines) if lines else 0
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if _stands_alone(line, large_runs, typical):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            is_title = not paragraphs and (not large or " ".join(line.split()) == large[0])
            paragraphs.append(("# " if is_title else "## ") + line)
            continue
        current.append(line)
        if line.endswith(SENTENCE_END) and len(line) < 0.8 * typical:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(re.sub(r"(\w)- (\w)", r"\1\2", p) for p in paragraphs) + "\n"
