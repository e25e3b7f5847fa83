"""Quizlet exports through the teacher's import page: a tab-separated .txt is a deck (not a GIFT
file to refuse), and a row with too many cells is shown for checking before anything is saved."""

from __future__ import annotations

import io

import sqlalchemy as sa

from quizapp.models import Flashcard
from tests.unit.test_quizlet_csv import QUIZLET_COMMAS, QUIZLET_TABS


def test_a_tab_separated_txt_from_quizlet_imports_as_cards(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    response = client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(QUIZLET_TABS.encode()), "Quizlet set.txt")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Imported 4 flashcards" in response.get_data(as_text=True)
    cards = db.session.scalars(sa.select(Flashcard).where(Flashcard.author_id == teacher.id))
    backs = {card.front: card.back for card in cards}
    assert backs["Tsar"] == 'He said "hi" to me, then left'
    assert backs["Power of Siberia"] == "gas pipeline\nto China, opened 2019"


def test_a_row_with_too_many_columns_is_flagged_in_the_preview_and_the_report(
    client, db, make_teacher, login
):
    login(client, make_teacher())
    preview = client.post(
        "/teach/exchange/cards/preview", data={"name": "Biology", "text": QUIZLET_COMMAS}
    )
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Rows to check" in page
    assert '<ul id="changed-rows">' in page and "row 2: 3 cells where the file has 2" in page
    assert "the powerhouse of the cell, where respiration happens" in page
    uploaded = client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(QUIZLET_COMMAS.encode()), "biology.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "Changed row 2: 3 cells where the file has 2 columns" in uploaded.get_data(as_text=True)
