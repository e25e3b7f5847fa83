"""Every importer fed generated and mutated files (Hypothesis): each call ends in a result or the
importer's own error (InterchangeError, ExtractionError), never another exception, within a
time budget, and the whole run within a memory budget.

Mutations start from valid files (the fixtures in ``interchange_files``, and a deck, a package,
a Word document, a PDF and a web page made here) and flip bytes, insert syntax, delete,
truncate, repeat a stretch and nest openers around one. Under the default ``ci`` profile the
runs are derandomized (the same examples on every machine, so CI is reproducible) and bounded:
the file takes about 40 s here; HYPOTHESIS_PROFILE=nightly searches longer.
"""

from __future__ import annotations

import re
import resource
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core.anki_export import ExportCard, anki_package
from quizapp.core.interchange.anki_import import read_apkg
from quizapp.core.interchange.cloze import deletions
from quizapp.core.interchange.drafts import check_imported
from quizapp.core.interchange.flashcard_csv import read_cards
from quizapp.core.interchange.gift import read_gift
from quizapp.core.interchange.html_text import enclosed_spans
from quizapp.core.interchange.moodle_xml import read_moodle_xml
from quizapp.core.interchange.records import InterchangeError
from quizapp.core.text_extraction import ExtractionError, extract_article
from tests.builders.hostile_files import apkg_with_sql, docx_bytes
from tests.unit.test_text_extraction import PROSE, _minimal_pdf

# A falsifying file is shown whole, however long: it is what one needs to reproduce the failure.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

FILES = Path(__file__).parent / "interchange_files"
# Every call here takes well under 0.1 s; the old parsers took minutes. Processor seconds
# (time.process_time, in _ends_well), so a machine busy with other work fails nothing.
SECONDS_PER_CALL = 3.0
MAX_GROWTH_MB = 300  # the run's peak resident memory may grow this much at most

# The profile tests/conftest.py loads (HYPOTHESIS_PROFILE: ci, the default, is derandomized with
# no example database; dev and nightly search with random seeds) with this file's own bounds:
# more examples than ci's default, as the importers are cheap to call. No wall-clock deadline:
# _ends_well holds each call to its processor-time budget instead.
FUZZ = settings(
    max_examples=max(80, settings.default.max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Each example builds a package or a document.
ARCHIVES = settings(FUZZ, max_examples=max(40, settings.default.max_examples))

GIFT_TOKENS = [
    "::", "{", "}", "=", "~", "#", "####", "%50%", "%-100%", "\\", "\\{", "\\:", "->", "TRUE",
    "FALSE", "$CATEGORY: ", "// ", "[tag:", "]", "[html]", "<p>", "&amp;", "\n", "\n\n", " ",
    "Berlin", "_____", "{#3000}",
]  # fmt: skip
XML_TOKENS = [
    "<question>", "</question>", '<question type="cloze">', '<question type="multichoice">',
    "<text>", "</text>", "<answer fraction=\"100\">", "</answer>", "<![CDATA[", "]]>", "&lt;",
    "&amp;", "<quiz>", "</quiz>", "{1:SA:=a}", "{1:SHORTANSWER:", "<!DOCTYPE x>", "&#0;",
    '<blockquote class="quizapp-source">', "</blockquote>", "\x00", "\xff",
]  # fmt: skip
CARD_TOKENS = [
    ",", ";", "\t", "|", '"', "'", "\n", "\r", "front", "back", "topic", "source", "kind",
    "cloze", "{{c1::", "}}", "::", "_____", "x" * 40, "\x00",
]  # fmt: skip
MARKUP_TOKENS = [
    "*", "**", "_", "__", "[", "](", ")", "![", "`", "#", "- ", "\n", "<p>", "</p>", "<div>",
    "<h1>", "<script>", "<!--", "&nbsp;", "BT (Word) Tj ET", "endstream", "obj", "<<", ">>",
    "PK\x03\x04", "\x00",
]  # fmt: skip
NESTING = [("{", "}"), ("<div>", "</div>"), ("[", "]"), ("(", ")"), ("<<", ">>"), ("{{c1::", "}}")]


def _seeds() -> dict[str, bytes]:
    cards = [
        ExportCard("k1", "Rason?", "A port", "Rason is a port.", "Trade"),
        ExportCard("k2", "Power of _____", "Siberia", "", "Energy", kind="cloze"),
    ]
    web_page = "<html><head><title>Bees</title></head><body><nav>Home</nav><article><h1>Bees"
    web_page += f"</h1><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    return {
        "gift": (FILES / "moodle_docs.gift").read_bytes(),
        "xml": (FILES / "moodle_docs.xml").read_bytes(),
        "csv": b'front,back,kind,topic,source\nRason?,A port,basic,Trade,"q, ""quoted"""\n'
        b"{{c1::b}},,cloze,,\n",
        "apkg": anki_package("seed", cards),
        "md": f"# Bees\n\n## Hives\n\n- **one** *two* [three](x) `four`\n\n{PROSE}\n".encode(),
        "html": web_page.encode(),
        "docx": docx_bytes(["Bees", PROSE, PROSE]),
        "pdf": _minimal_pdf(PROSE.strip()),
    }  # fmt: skip


SEEDS = _seeds()


@st.composite
def mutated(draw, seed: bytes, tokens: list[str]) -> bytes:
    """``seed`` changed one to four times: a byte flipped, syntax inserted (repeated up to 3,000
    times: enough for a parser that backtracks to blow the time budget), a stretch deleted, the
    end cut off, a stretch repeated, or openers nested."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["flip", "insert", "delete", "cut", "repeat", "nest"]))
        at = draw(st.integers(0, len(data)))
        if operation == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif operation == "insert":
            token = draw(st.sampled_from(tokens)).encode("utf-8", "surrogatepass")
            data[at:at] = token * draw(st.sampled_from([1, 2, 10, 50, 3000]))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif operation == "cut":
            del data[at:]
        elif operation == "repeat":
            stretch = data[at : at + draw(st.integers(1, 200))]
            data[at:at] = stretch * draw(st.integers(2, 100))
        elif operation == "nest":
            opener, closer = draw(st.sampled_from(NESTING))
            depth = draw(st.integers(1, 300))
            end = draw(st.integers(at, len(data)))
            data[end:end] = closer.encode() * depth
            data[at:at] = opener.encode() * depth
    return bytes(data)


def _generated(tokens: list[str], size: int = 80) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(tokens) | st.text(max_size=6)
    return st.lists(pieces, max_size=size).map("".join)


def _ends_well(call: Callable[[], object], own_error: type[Exception]) -> None:
    """``call`` returns, or raises ``own_error``; within the time budget either way."""
    start = time.process_time()
    try:
        call()
    except own_error:
        pass
    assert time.process_time() - start < SECONDS_PER_CALL


@pytest.fixture(autouse=True)
def _within_memory():
    """The run's peak resident memory grows by at most MAX_GROWTH_MB."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown < MAX_GROWTH_MB * 1024, f"peak memory grew by {grown // 1024} MB"


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


# Question banks: GIFT and Moodle XML, through the same checks as a real import.


@FUZZ
@given(st.one_of(_generated(GIFT_TOKENS), mutated(SEEDS["gift"], GIFT_TOKENS).map(_text)))
def test_gift_files_end_in_questions_or_a_named_refusal(text):
    _ends_well(lambda: check_imported(read_gift(text)), InterchangeError)


@FUZZ
@given(
    st.one_of(
        _generated(XML_TOKENS).map(lambda t: f"<quiz>{t}</quiz>".encode("utf-8", "replace")),
        mutated(SEEDS["xml"], XML_TOKENS),
    )
)
def test_moodle_xml_files_end_in_questions_or_a_named_refusal(data):
    _ends_well(lambda: check_imported(read_moodle_xml(data)), InterchangeError)


# Decks: a paste or CSV file, and an Anki package.


@FUZZ
@given(st.one_of(_generated(CARD_TOKENS, 120), mutated(SEEDS["csv"], CARD_TOKENS).map(_text)))
def test_card_pastes_and_csv_files_end_in_cards_or_a_named_refusal(text):
    _ends_well(lambda: read_cards(text), InterchangeError)


@ARCHIVES
@given(mutated(SEEDS["apkg"], ["PK\x03\x04", "PK\x01\x02", "SQLite format 3\x00", "\x00"]))
def test_anki_packages_with_mutated_bytes_end_in_cards_or_a_named_refusal(data):
    _ends_well(lambda: read_apkg(data), InterchangeError)


_NOTE = "UPDATE notes SET flds = ?, tags = ?, mid = CASE WHEN ? THEN mid ELSE ? END"
_MODELS = "UPDATE col SET models = CASE WHEN ? THEN models ELSE ? END"


@ARCHIVES
@given(
    fields=_generated(CARD_TOKENS + ["\x1f", "<b>", '<p class="source">', "</p>"], 40),
    tags=_generated(["quizapp::", "Topic_one", " ", "\x00"], 6),
    keep_type=st.booleans(),
    other_type=st.one_of(st.integers(), st.text(max_size=5)),
    keep_models=st.booleans(),
    models=st.one_of(
        _generated(['{"', '":', "{", "}", "[", "]", '"flds"', '"name"', '"type"', "1", ","], 30),
        st.just("[" * 5000),
    ),
)
def test_anki_collections_with_generated_notes_end_in_cards_or_a_named_refusal(
    fields, tags, keep_type, other_type, keep_models, models
):
    package = apkg_with_sql(
        (_NOTE, (fields, tags, keep_type, other_type)), (_MODELS, (keep_models, models))
    )
    _ends_well(lambda: read_apkg(package), InterchangeError)


# Articles: .txt, .md, .html, .docx and .pdf.


@FUZZ
@given(
    name=st.sampled_from(["a.txt", "a.md", "a.html"]),
    data=st.one_of(
        _generated(MARKUP_TOKENS + [PROSE], 100).map(str.encode),
        mutated(SEEDS["md"], MARKUP_TOKENS),
        mutated(SEEDS["html"], MARKUP_TOKENS),
    ),
)
def test_text_articles_end_in_text_or_a_named_refusal(name, data):
    _ends_well(lambda: extract_article(name, data), ExtractionError)


@ARCHIVES
@given(
    name=st.sampled_from(["a.docx", "a.pdf"]),
    data=st.one_of(mutated(SEEDS["docx"], MARKUP_TOKENS), mutated(SEEDS["pdf"], MARKUP_TOKENS)),
)
def test_word_and_pdf_articles_end_in_text_or_a_named_refusal(name, data):
    _ends_well(lambda: extract_article(name, data), ExtractionError)


@ARCHIVES
@given(mutated(b"", MARKUP_TOKENS + ["<w:p><w:r><w:t>", "</w:t></w:r></w:p>"]))
def test_word_documents_with_mutated_xml_end_in_text_or_a_named_refusal(insert):
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(SEEDS["docx"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as document:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + insert, 1)
            document.writestr(info.filename, data)
    _ends_well(lambda: extract_article("a.docx", out.getvalue()), ExtractionError)


# The scanners that replaced backtracking expressions find what those expressions found.

_OLD_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


@settings(FUZZ, max_examples=max(400, settings.default.max_examples))
@given(_generated(["{", "}", "{{c", "1", "12", ":", "::", "}}", "a", "\n", "٣"], 14))
def test_the_cloze_scanner_finds_what_the_old_expression_found(text):
    old = [(m.start(), m.end(), m.group(2)) for m in _OLD_CLOZE.finditer(text)]
    assert [(d.start, d.end, d.answer) for d in deletions(text)] == old


@settings(FUZZ, max_examples=max(200, settings.default.max_examples))
@given(_generated(["<q>", "</q>", "<", ">", "q", "a", "\n"], 14))
def test_enclosed_spans_are_what_a_lazy_expression_finds(text):
    old = [
        (m.start(), m.start(1), m.end(1), m.end()) for m in re.finditer("<q>(.*?)</q>", text, re.S)
    ]
    assert enclosed_spans(text, "<q>", "</q>") == old
