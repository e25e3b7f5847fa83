"""Small helpers for Moodle XML elements, shared by the kinds and the format module."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from quizapp.core.interchange.html_text import html_to_text, text_to_html

HTML_FORMATS = {"html", "moodle_auto_format", None}
# Moodle's elements for the combined feedback, by the outcome each is shown for.
OUTCOME_TAGS = {
    "correct": "correctfeedback",
    "partial": "partiallycorrectfeedback",
    "incorrect": "incorrectfeedback",
}


def add_text(
    parent: ET.Element, tag: str, text: str, *, paragraphs: bool = False, **attributes: str
) -> ET.Element:
    """``<tag format="html"><text>…</text></tag>`` with ``text`` escaped as HTML."""
    element = ET.SubElement(parent, tag, {"format": "html", **attributes})
    body = text_to_html(text) if paragraphs else html.escape(text)
    ET.SubElement(element, "text").text = body
    return element


def add_plain(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def read_text(element: ET.Element | None, *, format_of: ET.Element | None = None) -> str:
    """The plain text of ``element``'s ``<text>`` child, HTML removed when its format is HTML."""
    if element is None:
        return ""
    raw = element.findtext("text") or ""
    source = format_of if format_of is not None else element
    if source.get("format") in HTML_FORMATS or "<" in raw:
        return html_to_text(raw)
    return "\n".join(line.strip() for line in raw.strip().splitlines() if line.strip())
