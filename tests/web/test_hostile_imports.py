"""A hostile file through each importer's page: refused with the reason, quickly, and nothing
written (no article, question or flashcard), never a 5xx or a worker held for minutes.

The article form and the card preview answer a refusal with 400; the bank and deck upload
sits on a page with two other forms, so it flashes the refusal there (302, then the page)."""

from __future__ import annotations

import html
import io
import time

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Flashcard, Question
from tests.builders.hostile_files import (
    CLOZE_PASTE,
    apkg_huge_view,
    apkg_looping_view,
    docx_bomb,
    lying_docx,
    lying_zip,
)

SECONDS = 15.0  # generous: each is refused in well under a second; the old code took minutes


def _counts(db) -> tuple[int, int, int]:
    return tuple(
        db.session.scalar(sa.select(sa.func.count(model.id)))
        for model in (Article, Question, Flashcard)
    )


def _refused_quickly(db, post, message: str, status: int = 400) -> None:
    before = _counts(db)
    start = time.perf_counter()
    response = post()
    assert time.perf_counter() - start < SECONDS
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert message in page
    assert status == 400 or "Nothing was imported." in page
    assert _counts(db) == before


def _gift_tag_flood() -> bytes:
    # The first question's comment made the old tag expression rescan 300 kB from each
    # "[tag:"; the second question's braces do not pair, so the file is refused.
    first = "// " + "[tag:" * 60_000 + "\n::q::Power of Siberia carries gas. {TRUE}\n\n"
    return (first + "::broken::An opening brace {=never closed\n").encode()


def _moodle_gap_flood() -> bytes:
    text = html.escape("{1:SA:" * 30_000)
    return (
        '<quiz><question type="cloze"><name><text>q</text></name><questiontext format="html">'
        f"<text>{text}</text></questiontext></question></quiz>"
    ).encode()


def _csv_over_the_cell_limit() -> bytes:
    return ('front,back\n"a",b\n"' + "x" * 200_000 + '",y\n').encode()  # old: a 500


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("bank.gift", _gift_tag_flood, "braces around the answers do not pair"),
        ("bank.xml", _moodle_gap_flood, "holds no question the app can import"),
        ("deck.csv", _csv_over_the_cell_limit, "Line 3 cannot be read as CSV"),
        ("deck.apkg", apkg_huge_view, "something other than a table"),
        ("loop.apkg", apkg_looping_view, "something other than a table"),
        ("lying.apkg", lambda: lying_zip("collection.anki2", 64 * 1024 * 1024), "damaged"),
    ],
)
def test_a_hostile_bank_or_deck_is_refused_quickly_and_writes_nothing(
    client, db, make_teacher, login, name, build, message
):
    login(client, make_teacher())
    data = build()
    _refused_quickly(
        db,
        lambda: client.post(
            "/teach/exchange/import",
            data={"file": (io.BytesIO(data), name)},
            content_type="multipart/form-data",
        ),
        message,
        status=400,
    )


def test_a_pasted_cloze_flood_is_refused_quickly(client, db, make_teacher, login):
    login(client, make_teacher())
    _refused_quickly(  # old: 47 s of backtracking
        db,
        lambda: client.post("/teach/exchange/cards/preview", data={"text": CLOZE_PASTE + "\t\n"}),
        "No row makes a card",
    )


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("bomb.docx", lambda: docx_bomb(100 * 1024 * 1024), "unpacks to more than 32 MB"),
        ("lying.docx", lambda: lying_docx(64 * 1024 * 1024), "damaged"),
        ("italics.md", lambda: b" *." * 200_000, "We found only 0 words"),
        ("page.html", lambda: b"<p>word</p>" * 100_000, "more than 20,000 elements"),
    ],
)
def test_a_hostile_article_file_is_refused_quickly_and_writes_nothing(
    client, db, make_teacher, login, name, build, message
):
    login(client, make_teacher())
    data = build()
    _refused_quickly(
        db,
        lambda: client.post(
            "/teach/articles/new",
            data={"title": "", "text": "", "upload": (io.BytesIO(data), name)},
            content_type="multipart/form-data",
        ),
        message,
    )
