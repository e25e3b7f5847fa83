"""Turn what a teacher brings (pasted text, .txt, .md, .html, .docx, .pdf) into article text.

The result is the plain format ``core.article_parser`` reads: a title line, then blocks, with
headings as Markdown ``## Heading`` lines and list items as ``- item`` lines. One extractor class
per format, behind a registry keyed by file extension. Every failure is an
:class:`ExtractionError` whose message a teacher can act on.
"""

from __future__ import annotations

import codecs
import io
import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from quizapp.core.bounded_zip import ByteBudget, UnsafeArchive, checked_copy
from quizapp.core.errors import InputError
from quizapp.core.import_limits import (
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_CHARS,
    MAX_DOCX_XML_BYTES,
    MAX_EXTRACTION_SECONDS,
    MAX_HTML_ELEMENTS,
    MAX_PDF_PAGES,
)
from quizapp.core.languages import has_han, word_count
from quizapp.core.line_shapes import (
    MAX_TITLE_WORDS,
    SENTENCE_END,
    WRAPPED_LINE_CHARS,
    is_heading_line,
    is_title_cased,
)
from quizapp.core.pdf_layout import JUNK_PDF_TITLE, large_lines, page_text, reflow_pdf
from quizapp.core.segmentation import label_groups
from quizapp.core.translatable import N_, Phrase
from quizapp.core.word_styles import word_lines, word_style_role

MIN_WORDS = 20  # fewer words than this is not an article (an all-navigation page, say)
MAX_SHORT_HEADING_WORDS = 4  # "Overview", "Where the Water Is": a heading by its length alone
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Markdown's inline markup, each expression linear in the line: no part may run past the
# character that could start another match (a link's text stops at "[", its address at an
# unpaired "(", an italic at the next "*"), so a line of openers without closers is scanned
# once, not once per opener (".+?" and "[^)]*" here made "[a](" or " *a" repeated quadratic).
_LINK_ADDRESS = r"\((?:[^()]|\([^()]*\))*\)"  # an address may hold one level of (…)
INLINE_MARKUP = [
    (re.compile(r"!\[[^\[\]]*\]" + _LINK_ADDRESS), ""),  # images
    (re.compile(r"\[([^\[\]]+)\]" + _LINK_ADDRESS), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?!\w)"), r"\1"),  # italics
    (re.compile(r"(?<![\w_])_(?![\s_])([^_]+?)(?<!\s)_(?![\w_])"), r"\1"),  # _italics_
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
]


NOT_A_DOCX = "This is not a Word (.docx) document we can read."


class ExtractionError(InputError):
    """The file cannot become an article; the message says why, for the form."""


@dataclass(frozen=True)
class ExtractedText:
    """Article text in the parser's format; ``title`` is a title the file itself carries."""

    text: str
    title: str | None = None


def decode_text(data: bytes) -> str:
    """Bytes to text: UTF-8 first, else the encoding charset-normalizer detects.

    Raises :class:`ExtractionError` for binary data (a picture renamed ``.txt``, say).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ExtractionError("This UTF-16 text file is damaged.") from error
    if b"\x00" in data[:8192]:
        raise ExtractionError("This file is not text (it looks like a binary file).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else ""
    if not text or len(CONTROL_CHARACTERS.findall(text)) > len(text) / 100:
        raise ExtractionError(
            N_("This file's text could not be read: save it as UTF-8 text and try again.")
        )
    return text


def strip_inline_markup(line: str) -> str:
    for pattern, replacement in INLINE_MARKUP:
        line = pattern.sub(replacement, line)
    return line


def _joins_previous(line: str, previous: str) -> bool:
    """Whether ``line`` goes on the paragraph ``previous`` (a line wrapped mid-paragraph)."""
    if not line or not previous or line.startswith(("-", "*", "\u2022", "#")):
        return False
    if previous.startswith(("#", "-", "*", "\u2022")):
        return False
    if line[0].islower():
        return True
    # A long title ("… Deepening Ties with China and North Korea"), a subtitle or a heading
    # after it stand alone: joined, they became the first claim's opening words. A heading is
    # shorter than the wrap width and title-cased or a few words ("Overview"); a wrapped line
    # of prose ("Russia has been actively reorienting its foreign policy,") is neither.
    short = len(line.split()) <= MAX_SHORT_HEADING_WORDS or is_title_cased(line)
    if (
        is_heading_line(line)
        and short
        and not line.endswith(",")
        and len(line) < WRAPPED_LINE_CHARS
    ):
        return False
    if is_title_cased(previous) and not previous.endswith(SENTENCE_END):
        return False
    return len(previous) >= WRAPPED_LINE_CHARS and not previous.endswith(SENTENCE_END)


def reflow(text: str) -> str:
    """Join lines wrapped inside a paragraph, so each paragraph is one line.

    A line is joined to the one before when it starts in lower case, or when the one before is
    long and does not end a sentence. Headings, titles, bullets and blank lines are never
    joined.
    """
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = CONTROL_CHARACTERS.sub("", raw).replace("\t", " ").strip()
        previous = out[-1] if out else ""
        joinable = _joins_previous(line, previous)
        if joinable and previous.endswith("-") and line[0].islower():
            out[-1] = previous[:-1] + line  # a word hyphenated at the line's end
        elif joinable:
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


class Extractor:
    """One source format. ``extract`` takes the file's bytes."""

    extensions: ClassVar[tuple[str, ...]] = ()

    def extract(self, data: bytes) -> ExtractedText:
        raise NotImplementedError


class PlainTextExtractor(Extractor):
    extensions = (".txt", "")

    def extract(self, data: bytes) -> ExtractedText:
        return ExtractedText(reflow(decode_text(data)))


class MarkdownExtractor(Extractor):
    extensions = (".md", ".markdown")

    def extract(self, data: bytes) -> ExtractedText:
        lines = [strip_inline_markup(line) for line in decode_text(data).splitlines()]
        return ExtractedText(reflow("\n".join(lines)))


class HtmlExtractor(Extractor):
    """A saved web page: trafilatura finds the main text and drops navigation and footers."""

    extensions = (".html", ".htm")

    def extract(self, data: bytes) -> ExtractedText:
        import trafilatura

        html = decode_text(data)
        _check_element_count(html)
        markdown = trafilatura.extract(
            html,
            output_format="markdown",
            include_formatting=True,
            include_links=False,
            include_images=False,
            include_tables=False,
            include_comments=False,
        )
        metadata = trafilatura.extract_metadata(html)
        title = metadata.title if metadata is not None else None
        lines = [strip_inline_markup(line) for line in (markdown or "").splitlines()]
        return ExtractedText(reflow("\n".join(lines)), title or None)


def _check_element_count(html: str) -> None:
    """Refuse a page of more than MAX_HTML_ELEMENTS elements: trafilatura's time grows faster
    than the page (20,000 paragraphs took it 8 s, 150,000 a minute). lxml counts them fast."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return  # nothing lxml can build a tree from: trafilatura finds no text in it either
    for count, _element in enumerate(tree.iter(), start=1):
        if count > MAX_HTML_ELEMENTS:
            raise ExtractionError(
                N_(
                    "This web page has more than %(limit)s elements, more than can be read in "
                    "one go: paste the article's text instead."
                ),
                limit=f"{MAX_HTML_ELEMENTS:,}",
            )


class DocxExtractor(Extractor):
    """A Word document: Title and Heading styles become the title and headings, list styles
    bullets."""

    extensions = (".docx",)

    def extract(self, data: bytes) -> ExtractedText:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            # python-docx unzips every part whole: hand it a copy whose XML parts were counted
            # as they were decompressed (a 1 MB bomb unpacked to gigabytes) and whose other
            # parts (pictures, fonts) are emptied, since only the text is read.
            data = checked_copy(
                data,
                budget=ByteBudget(MAX_DOCX_XML_BYTES, Phrase(N_("This Word document"))),
                needed=lambda name: name.endswith((".xml", ".rels")),
                not_a_zip=NOT_A_DOCX,
            )
        except UnsafeArchive as error:
            raise ExtractionError(str(error)) from error
        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError) as error:
            raise ExtractionError(NOT_A_DOCX) from error
        except Exception as error:  # zipfile.BadZipFile and lxml errors on a damaged file
            raise ExtractionError("This Word document is damaged or not a .docx file.") from error
        paragraphs = [
            (word_style_role(paragraph), " ".join(paragraph.text.split()))
            for paragraph in document.paragraphs
        ]
        lines, title = word_lines([(role, text) for role, text in paragraphs if text])
        # The file's own Title property is often a template's or an old draft's: last resort.
        title = title or document.core_properties.title or None
        return ExtractedText("\n".join(lines).strip() + "\n", title)


class PdfExtractor(Extractor):
    """A PDF with a text layer; a scan (images only) is refused with a clear message. Lines set
    in a larger type become the title (the first) and headings; without one, the Title property
    names the document unless it names a file ("Microsoft Word - notes.docx")."""

    extensions = (".pdf",)

    def extract(self, data: bytes) -> ExtractedText:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        runs: list[tuple[str, float]] = []
        try:
            reader = PdfReader(io.BytesIO(data))
            if len(reader.pages) > MAX_PDF_PAGES:
                raise ExtractionError(
                    N_(
                        "This PDF has %(pages)s pages; at most %(limit)s can be imported. "
                        "Split it, or paste the chapter you need."
                    ),
                    pages=len(reader.pages),
                    limit=MAX_PDF_PAGES,
                )
            pages = _pdf_pages(reader, runs)
            title = reader.metadata.title if reader.metadata else None
        except ExtractionError:
            raise
        except (PyPdfError, ValueError, KeyError, OSError) as error:
            raise ExtractionError("This PDF is damaged or not a PDF we can read.") from error
        except Exception as error:  # pypdf meets a malformed object with any error it likes
            raise ExtractionError("This PDF is damaged or not a PDF we can read.") from error
        if not "".join(pages).strip():
            raise ExtractionError(
                N_(
                    "This PDF has no text layer (it is probably a scan). Export it with text, "
                    "or paste the text instead."
                )
            )
        large = large_lines(runs)
        title = " ".join(str(title or "").split())
        if large:
            title = large[0]
        elif JUNK_PDF_TITLE.search(title):
            title = ""
        return ExtractedText(reflow_pdf("\n\n".join(pages), large), title or None)


def _pdf_pages(reader, runs: list[tuple[str, float]]) -> list[str]:
    """Each page's text, within the time and length budgets (pypdf itself caps what one
    stream may decompress to)."""
    pages: list[str] = []
    deadline, length = time.monotonic() + MAX_EXTRACTION_SECONDS, 0
    for page in reader.pages:
        pages.append(page_text(page, runs))
        length += len(pages[-1])
        if length > MAX_ARTICLE_CHARS:
            raise ExtractionError(_too_long())
        if time.monotonic() > deadline:
            raise ExtractionError(
                N_("This PDF took more than %(limit)s seconds to read; paste its text instead."),
                limit=f"{MAX_EXTRACTION_SECONDS:g}",
            )
    return pages


def _too_long() -> str:
    return (
        f"The text is longer than {MAX_ARTICLE_CHARS:,} characters, more than one article "
        f"can hold; import it in parts."
    )


EXTRACTORS: dict[str, Extractor] = {
    extension: extractor
    for extractor in (
        PlainTextExtractor(),
        MarkdownExtractor(),
        HtmlExtractor(),
        DocxExtractor(),
        PdfExtractor(),
    )
    for extension in extractor.extensions
}
ACCEPTED_EXTENSIONS = tuple(sorted(e for e in EXTRACTORS if e))


def extract_article(filename: str, data: bytes, title: str | None = None) -> ExtractedText:
    """The article text of an uploaded file (or of pasted text, as ``.txt``), with its title as
    the first line. ``title`` (the form's) wins over one found in the file.

    Raises :class:`ExtractionError` for an unknown format, an empty or unreadable file, or a
    text too short to be an article.
    """
    extension = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        raise ExtractionError(
            N_("Files of this type cannot be imported; use one of %(types)s."),
            types=", ".join(ACCEPTED_EXTENSIONS),
        )
    if len(data) > MAX_ARTICLE_BYTES:
        raise ExtractionError(
            N_("The file is larger than %(limit)s MB; import the article in parts."),
            limit=MAX_ARTICLE_BYTES // (1024 * 1024),
        )
    if not data.strip():
        raise ExtractionError("The file is empty.")
    extracted = extractor.extract(data)
    body = extracted.text.strip()
    if len(body) > MAX_ARTICLE_CHARS:
        raise ExtractionError(_too_long())
    # Chinese writes no spaces: each of its characters counts as a word.
    words = word_count(body) if has_han(body) else len(re.findall(r"\w+", body))
    if words < MIN_WORDS:
        raise ExtractionError(
            N_(
                "We found only %(words)s words of article text here; an article needs at "
                "least %(least)s. A saved web page may hold only navigation: paste the text "
                "instead."
            ),
            words=words,
            least=MIN_WORDS,
        )
    chosen = " ".join((title or extracted.title or "").split())
    first, _, rest = body.partition("\n")
    first_text = first.lstrip("#").strip()
    if not chosen and title_line(body) is None:
        # Prose, or a section's heading (a Word file's first Heading 1 of several): neither
        # names the document, and the heading stays a topic.
        chosen = fallback_title(body, filename)
    if chosen and first_text != chosen:
        body = f"{chosen}\n\n{body}"
    elif first.startswith("#"):
        body = f"{first_text}\n{rest}"
    return ExtractedText(body + "\n", chosen or first_text)


def title_line(text: str) -> str | None:
    """The text's first line when it can name the text: short, not a sentence ending in a full
    stop, and not a section's ``##`` heading. A pasted text opening with one needs no title."""
    first = text.strip().partition("\n")[0]
    first_text = first.lstrip("#").strip()
    if word_count(first_text) > MAX_TITLE_WORDS or first_text.endswith((".", "\u3002")):
        return None
    return None if first.startswith("##") or not first_text else first_text


# Words of a file's name that say nothing of what it holds.
FILE_NAME_NOISE = frozenset(
    (
        "scan img image doc document file untitled new copy final draft export download page pasted"
    ).split()
)


def fallback_title(body: str, filename: str) -> str:
    """A title for a text that carries none: the file's name written as the text writes its
    words ("isw-north-korea-joins-war.txt" -> "ISW North Korea joins war"), or, when the name
    says nothing ("scan_0031.pdf"), the noun phrase the text is most about."""
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = re.sub(r"[-_.\s]+", " ", stem).split()
    named = [w for w in words if w.isalpha() and len(w) > 1 and w.lower() not in FILE_NAME_NOISE]
    if not named:
        return label_groups([body])[0]
    forms: dict[str, Counter[str]] = {}
    for word in re.findall(r"[^\W\d_][\w'\u2019]*", body):
        forms.setdefault(word.lower(), Counter())[word] += 1
    written = [forms[w.lower()].most_common(1)[0][0] if w.lower() in forms else w for w in words]
    title = " ".join(written)
    return title[0].upper() + title[1:]
