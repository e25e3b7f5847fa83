"""Text extraction: each format gives the parser's plain format; bad input gets a clear error."""

from __future__ import annotations

import io
import time

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfWriter

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.pdf_layout import reflow_pdf
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


def _pdf_lines(lines: list[tuple[int, str]], title: str | None = None) -> bytes:
    """A one-page PDF of (font size, text) lines, top to bottom, with a Title property."""
    runs = " ".join(
        f"BT /F1 {size} Tf 72 {740 - 20 * index} Td ({text}) Tj ET"
        for index, (size, text) in enumerate(lines)
    )
    data = _minimal_pdf("x").replace(b"BT /F1 12 Tf 72 720 Td (x) Tj ET", runs.encode())
    data = data.replace(b"<< /Length 36 >>", b"<< /Length %d >>" % len(runs))
    if title is None:
        return data
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _claims(text: str) -> list[str]:
    return [c.quote for t in extract_topics(parse_article(text)) for c in t.claims]


def _topics(text: str) -> list[str]:
    return [t.title for t in extract_topics(parse_article(text))]


BRIEF = (
    "Russia's Pivot to the East: Deepening Ties with China and North Korea\n"
    "A brief on Moscow's turn towards Asia\n"
    "Overview\n"
    "In the wake of increasing international sanctions and diplomatic isolation from the West,\n"
    "Russia has been actively reorienting its foreign policy and economic partnerships towards\n"
    "the East. The pivot is most notably characterized by deeper ties with China.\n"
)


def test_a_title_a_subtitle_and_an_overview_heading_are_not_merged_into_the_first_claim():
    extracted = extract_article("isw-north-korea-joins-war.txt", BRIEF.encode())
    parsed = parse_article(extracted.text)
    # Not "Isw north korea joins war" (the file's name) but the document's own title.
    assert extracted.title == parsed.title == BRIEF.splitlines()[0]
    assert parsed.subtitle == "A brief on Moscow's turn towards Asia"
    assert not any("Institute" in topic for topic in _topics(extracted.text))
    assert _claims(extracted.text)[0].startswith("In the wake of increasing")
    assert not any("Asia" in claim or "Overview" in claim for claim in _claims(extracted.text))


def test_a_file_without_a_title_gets_a_readable_one():
    text = (
        "Analysts of the ISW say that North Korea joins the war with thousands of troops. "
        "North Korea sent them to Kursk in October, and the war drew in its army. " * 2
    )
    assert extract_article("isw-north-korea-joins-war.txt", text.encode()).title == (
        "ISW North Korea joins war"
    )
    # A file name that says nothing the text says: the phrase the text is most about.
    assert extract_article("scan_0031.txt", text.encode()).title == "North Korea"


def test_a_pdf_title_set_large_is_the_title_and_not_part_of_the_first_claim():
    lines = [
        (24, "The Water Cycle"),
        (11, "Water moves between the oceans, the air and the land in a cycle that never"),
        (11, "stops. The sun drives it by warming the sea every single day of the year."),
        (16, "Evaporation"),
        (11, "Evaporation is the process by which liquid water turns into vapour."),
    ]
    extracted = extract_article("cycle.pdf", _pdf_lines(lines, title="Microsoft Word - c.docx"))
    assert extracted.title == "The Water Cycle"
    assert _topics(extracted.text) == ["Overview", "Evaporation"]
    assert _claims(extracted.text)[0].startswith("Water moves between")


def test_a_pdf_in_one_size_keeps_its_title_line_apart_or_uses_its_title_property():
    body = [
        (11, "Water moves between the oceans, the air and the land in a cycle that never"),
        (11, "stops. The sun drives it by warming the sea every single day of the year."),
    ]
    extracted = extract_article("cycle.pdf", _pdf_lines([(11, "The Water Cycle"), *body]))
    assert extracted.title == "The Water Cycle"
    assert _claims(extracted.text)[0].startswith("Water moves between")
    assert extract_article("c.pdf", _pdf_lines(body, title="How Water Moves")).title == (
        "How Water Moves"
    )


def _word_file(*paragraphs: tuple[str, str]) -> bytes:
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_heading_1_sections_become_topics():
    data = _word_file(
        ("Heading 1", "Bees"),
        ("Normal", PROSE),
        ("Heading 1", "Compost"),
        ("Normal", PROSE.replace("Bees", "Worms")),
    )
    extracted = extract_article("garden-notes.docx", data)
    assert _topics(extracted.text) == ["Bees", "Compost"]
    assert extracted.title == "Garden notes"


def test_word_title_subtitle_and_one_heading_1_on_top():
    document = docx.Document()
    heading = document.styles.add_style("Report Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = document.styles["Heading 2"]
    document.add_paragraph("The Hive Year", style="Heading 1")
    document.add_paragraph("Notes from two summers", style="Subtitle")
    document.add_paragraph("Spring", style="Report Heading")
    document.add_paragraph(PROSE)
    buffer = io.BytesIO()
    document.save(buffer)
    extracted = extract_article("hive.docx", buffer.getvalue())
    assert extracted.title == "The Hive Year"
    assert _topics(extracted.text) == ["Spring"]
    assert not any("summers" in claim for claim in _claims(extracted.text))


def test_html_without_h1_is_named_by_its_title_element():
    html = f"<html><head><title>Compost basics</title></head><body><p>{PROSE * 2}</p></body></html>"
    assert extract_article("page.html", html.encode()).title == "Compost basics"


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


def test_a_capitalised_wrapped_line_of_prose_is_still_joined():
    wrapped = (
        "The relationship between Russia and China has grown stronger over the past\n"
        "Decade, as both nations expanded their cooperation across\n"
    )
    assert reflow(wrapped).count("\n") == 1


def test_a_pdf_running_header_is_neither_a_heading_nor_text():
    page = [
        (11, "Institute for Garden Studies"),
        (11, "Water moves between the oceans, the air and the land in a cycle that never"),
        (11, "stops. The sun drives it by warming the sea every single day of the year."),
        (11, "Institute for Garden Studies"),
        (11, "Evaporation is the process by which liquid water turns into vapour again."),
    ]
    extracted = extract_article("cycle.pdf", _pdf_lines(page, title="The Water Cycle"))
    assert "Institute" not in extracted.text
    assert not any("Institute" in topic for topic in _topics(extracted.text))


def test_a_pdf_with_many_large_runs_reflows_in_time_linear_in_its_lines():
    """Each line was looked up in a list of the large runs: a PDF of 30,000 headings took
    seconds per ten thousand more (quadratic), one upload pinning a worker for minutes."""
    n = 30_000
    large = [f"Heading {i}" for i in range(n)]
    text = "\n".join(f"Line {i} of a body paragraph goes on here." for i in range(n))
    started = time.perf_counter()
    reflowed = reflow_pdf("\n".join([large[0], *large[1::2], text]), large)
    assert time.perf_counter() - started < 2.0
    assert reflowed.startswith(f"# {large[0]}\n\n## {large[1]}\n")


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_file_whose_styles_are_based_on_each_other_is_read():
    """Following 'based on' round a loop never ended: one upload pinned a worker for good."""
    document = docx.Document()
    first = document.styles.add_style("Loop A", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Loop B", WD_STYLE_TYPE.PARAGRAPH)
    second.base_style = first
    first.base_style = second  # Word itself refuses such a loop; a crafted file need not
    document.add_paragraph("Bees", style=first)
    document.add_paragraph(PROSE)
    started = time.perf_counter()
    extracted = extract_article("loop.docx", _saved(document))
    assert time.perf_counter() - started < 5
    assert "Bees" in extracted.text and _claims(extracted.text)


def test_a_word_outline_level_that_is_no_number_is_read_as_body_text():
    """'²' passes str.isdigit but not int(): the upload answered 500."""
    document = docx.Document()
    paragraph = document.add_paragraph(PROSE)
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "²")
    paragraph._p.get_or_add_pPr().append(level)
    extracted = extract_article("odd.docx", _saved(document))
    assert _claims(extracted.text)
