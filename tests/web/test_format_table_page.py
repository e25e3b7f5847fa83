"""The import and export page reads the one format table: the upload's accept list, the export
menu, and each download's name and type; an import that drafted items says so."""

from __future__ import annotations

import io
import re

from quizapp.core.interchange.formats import FORMATS
from tests.conftest import SEED_SLUG


def test_the_page_offers_every_format_of_the_table(client, db, make_teacher, login):
    login(client, make_teacher())
    page = client.get("/teach/exchange").get_data(as_text=True)
    accept = re.search(r'type="file"[^>]*accept="([^"]+)"|accept="([^"]+)"[^>]*type="file"', page)
    assert accept and (accept.group(1) or accept.group(2)) == ".xml,.gift,.txt,.csv,.tsv,.apkg"
    assert (
        "A question bank as Moodle XML (.xml) or GIFT (.gift, .txt), or a deck as CSV "
        "(.csv, .tsv) or an Anki deck (.apkg)" in page
    )
    menu = re.findall(r'<option[^>]*value="([^"]+)"[^>]*>([^<]+)</option>', page)
    offered = [(value, label) for value, label in menu if value in {f.name for f in FORMATS}]
    assert offered == [
        ("moodle-xml", "Questions as Moodle XML (.xml)"),
        ("gift", "Questions as GIFT (.gift)"),
        ("csv", "Flashcards as CSV (.csv)"),
        ("apkg", "Flashcards as an Anki deck (.apkg)"),
    ]


def test_each_download_is_named_and_typed_by_its_format(client, db, make_teacher, login):
    login(client, make_teacher())
    for fmt in FORMATS:
        response = client.get(f"/teach/exchange/export?article={SEED_SLUG}&format={fmt.name}")
        assert response.status_code == 200, fmt.name
        assert response.mimetype == fmt.mime_type
        assert response.headers["Content-Disposition"].endswith(f"{SEED_SLUG}{fmt.extension}")
    unknown = client.get(f"/teach/exchange/export?article={SEED_SLUG}&format=docx")
    assert unknown.status_code == 400


def test_an_import_that_drafted_cards_says_so_with_each_change(client, db, make_teacher, login):
    login(client, make_teacher())
    deck = b"front,back\nNitrogen,a gas\nOxygen,a gas, colourless\n"
    page = client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(deck), "gases.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "1 of them lost or changed something on the way" in page
    assert "Changed row 3: 3 cells where the file has 2 columns" in page
