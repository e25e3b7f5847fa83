"""A Word document's paragraph styles as the parser's lines: title, subtitle, headings, lists."""

from __future__ import annotations

MAX_STYLE_CHAIN = 20


def word_style_role(paragraph) -> str:
    """ "title", "subtitle", "heading1", "heading", "list" or "body" for a Word paragraph, by
    its style or the style it is based on ("Report Heading" based on "Heading 1"), or by the
    outline level Word's navigation pane reads."""
    style = paragraph.style
    # A file may base styles on each other in a loop (Word refuses to, a crafted file need
    # not): a chain is followed this far, as no real document nests styles so deep.
    for _ in range(MAX_STYLE_CHAIN):
        if style is None:
            break
        name = (style.name or "").lower()
        if name in ("title", "subtitle"):
            return name
        if name.startswith("heading"):
            return "heading1" if name.strip() == "heading 1" else "heading"
        if "list" in name:
            return "list"
        style = style.base_style
    level = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    # Word writes 0-9; isdecimal, not isdigit: "²" is a digit that int() refuses.
    if level and level[0].isascii() and level[0].isdecimal() and int(level[0]) < 9:
        return "heading1" if level[0] == "0" else "heading"
    return "body"


def word_lines(paragraphs: list[tuple[str, str]]) -> tuple[list[str], str | None]:
    """The parser's lines for (role, text) paragraphs, and the document's title: its Title
    paragraph, else a first Heading 1 standing before any text."""
    roles = [role for role, _ in paragraphs]
    title_at = roles.index("title") if "title" in roles else None
    if title_at is None and roles and roles[0] == "heading1" and roles.count("heading1") == 1:
        title_at = 0  # the one Heading 1 on top names the document; a second one is a section
    lines: list[str] = []
    for index, (role, text) in enumerate(paragraphs):
        if index == title_at:
            lines.append(f"# {text}")
        elif role == "subtitle":
            lines.append(text)  # the parser reads a short line under the title as a subtitle
        elif role in ("heading1", "heading", "title"):
            lines.append(f"## {text}")
        elif role == "list":
            lines.append(f"- {text}")
        else:
            lines.append(text)
        lines.append("")
    return lines, paragraphs[title_at][1] if title_at is not None else None
