"""Text extraction: each format gives the parser's plain format; bad input gets a clear error."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfWriter

from quizapp.core.article_parser import parse_article
from quizapp.core.text_extraction import ExtractionError, extract_article, reflow

PROSE = (
    "Bees visit the flowering herbs every morning. The beekeeper keeps two hives at the edge "
    "of the field, and each hive holds about forty thousand bees in high summer. "
)


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (pypdf reads but does not typeset)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_markdown_headings_and_markup_become_the_plain_format():
    source = f"# Bees\n\n## The hive\n\n{PROSE}**Honey** is [sold](http://x) here.\n"
    extracted = extract_article("notes.md", source.encode())
    parsed = parse_article(extracted.text)
    assert parsed.title == "Bees"
    assert [s.heading for s in parsed.sections] == ["The hive"]
    assert "Honey is sold here." in extracted.text
    assert "**" not in extracted.text and "http" not in extracted.text


def test_html_keeps_the_main_text_and_drops_navigation():
    html = (
        "<html><head><title>Garden</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/about'>About us</a></nav><article><h1>Garden</h1><h2>Bees</h2>"
        f"<p>{PROSE}</p><h2>Compost</h2><p>{PROSE.replace('Bees', 'Worms')}</p></article>"
        "<footer>Copyright and privacy policy</footer></body></html>"
    )
    extracted = extract_article("page.html", html.encode())
    parsed = parse_article(extracted.text)
    assert parsed.title == "Garden"
    assert [s.heading for s in parsed.sections] == ["Bees", "Compost"]
    assert "About us" not in extracted.text and "Copyright" not in extracted.text


def test_docx_heading_and_list_styles():
    document = docx.Document()
    document.add_heading("Garden notes", level=0)
    document.add_heading("Bees", level=1)
    document.add_paragraph(PROSE)
    document.add_paragraph("Queen: lays the eggs of the hive.", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_article(extract_article("notes.docx", buffer.getvalue()).text)
    assert parsed.title == "Garden notes"
    assert parsed.sections[0].heading == "Bees"
    assert [b.label for b in parsed.sections[0].blocks] == [None, "Queen"]


def test_pdf_with_a_text_layer():
    extracted = extract_article("bees.pdf", _minimal_pdf(PROSE.strip()), title="Bees")
    assert extracted.text.startswith("Bees\n\n")
    assert "flowering herbs" in extracted.text


def test_text_in_another_encoding_is_read():
    text = ("Caf\u00e9 culture in Vienna. " * 3 + PROSE).encode("cp1252")
    extracted = extract_article("cafe.txt", text, title="Caf\u00e9s")
    assert "Caf\u00e9 culture" in extracted.text


def test_utf16_with_a_byte_order_mark_is_read():
    text = ("Na\u00efve readers\n\n" + PROSE).encode("utf-16")
    assert "Na\u00efve readers" in extract_article("notes.txt", text).text


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "The port of Vladivostok handles more container traffic every year and its\n"
        "cranes were renewed.\nShort heading\nNext line."
    )
    assert reflow(wrapped).splitlines()[0].endswith("its cranes were renewed.")
    assert "Short heading" in reflow(wrapped).splitlines()


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not text"),
        (
            "nav.html",
            b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
            b"<footer>Contact</footer></body></html>",
            "only",
        ),
        ("scan.pdf", None, "no text layer"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip really", "docx"),
        ("slides.pptx", b"whatever", "cannot be imported"),
        ("short.txt", b"Title\n\nOne line only.", "at least"),
    ],
)
def test_bad_input_gets_a_clear_message(filename, data, message):
    if data is None:
        writer = PdfWriter()
        writer.add_blank_page(width=612, height=792)
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    with pytest.raises(ExtractionError, match=message):
        extract_article(filename, data)
