"""Plain text to and from the HTML that Moodle keeps question texts in."""

from __future__ import annotations

import html
from html.parser import HTMLParser

# Tags after which a reader sees a line break.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The words a reader sees: tags dropped (script and style with their content), entities
    decoded, whitespace inside a line collapsed, blank lines dropped."""
    if "<" not in markup and "&" not in markup:  # plain text: no parser needed (fast path)
        lines = (" ".join(line.split()) for line in markup.split("\n"))
        return "\n".join(line for line in lines if line)
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def enclosed_spans(text: str, opener: str, closer: str) -> list[tuple[int, int, int, int]]:
    """(start, inner start, inner end, end) of each ``opener…closer`` in ``text``, the shortest
    from each opener, left to right: what ``re.finditer(opener + "(.*?)" + closer, re.S)``
    finds, in one pass. (That expression rescans the rest of the text from every opener that
    has no closer after it, quadratic in the text; here the first opener without one ends the
    search, since no later opener can have one either.)"""
    spans = []
    position = 0
    while (start := text.find(opener, position)) >= 0:
        inner = start + len(opener)
        end = text.find(closer, inner)
        if end < 0:
            break
        spans.append((start, inner, end, end + len(closer)))
        position = end + len(closer)
    return spans


def text_to_html(text: str) -> str:
    """One escaped paragraph per line of ``text``."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
