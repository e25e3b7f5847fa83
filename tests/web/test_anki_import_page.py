"""A teacher imports an Anki deck with their progress from the import page: the report names
what changed, and their review history continues here (the next rating builds on Anki's)."""

from __future__ import annotations

import io

import sqlalchemy as sa

from quizapp.models import CardState, Flashcard, ItemStatus, ReviewLog
from tests.builders.anki_decks import add_note, add_reviews, anki_package

REVIEWS = [(1_700_000_000_000, 3), (1_700_259_200_000, 3), (1_700_864_000_000, 1)]


def _deck(tmp_path) -> bytes:
    def fill(col):
        note = add_note(
            col, "Basic (and reversed card)", "Rivers::Asia", Front="Amur", Back="a river"
        )
        add_reviews(col, note.cards()[0].id, REVIEWS)
        add_note(col, "Basic", "Rivers::Asia", Front='<img src="map.png">', Back="the Amur basin")

    return anki_package(tmp_path, fill)


def _import(client, data: bytes, with_progress: bool):
    form = {"file": (io.BytesIO(data), "rivers.apkg")}
    if with_progress:
        form["with_progress"] = "y"
    return client.post(
        "/teach/exchange/import",
        data=form,
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def test_a_deck_with_progress_continues_here_and_a_second_import_adds_nothing(
    client, db, make_teacher, login, tmp_path
):
    teacher = make_teacher()
    login(client, teacher)
    data = _deck(tmp_path)
    page = _import(client, data, with_progress=True).get_data(as_text=True)
    assert "Imported 3 flashcards into the new article “Rivers”" in page
    assert "Your progress: 3 Anki reviews of 1 card replayed" in page
    assert "its file map.png is not in the package: landed as a draft to review" in page
    draft = db.session.scalar(sa.select(Flashcard).filter_by(front="(map.png)"))
    assert draft.status == ItemStatus.DRAFT
    review_page = client.get(f"/teach/articles/{draft.article_id}").get_data(as_text=True)
    assert "(map.png)" in review_page and "the Amur basin" in review_page
    decided = client.post(
        f"/teach/articles/{draft.article_id}/flashcards/{draft.id}/decide",
        data={"decision": "accept"},
    )
    assert decided.status_code == 302
    db.session.refresh(draft)
    assert draft.status == ItemStatus.PUBLISHED  # the teacher looked, and took it as it is
    amur = db.session.scalar(sa.select(Flashcard).filter_by(front="Amur"))
    state = db.session.scalar(sa.select(CardState).filter_by(flashcard_id=amur.id))
    assert state.user_id == teacher.id and state.last_review.year == 2023

    rated = client.post("/cards/rate", data={"flashcard_id": amur.id, "rating": "3"})
    assert rated.status_code == 302
    logs = db.session.scalars(
        sa.select(ReviewLog).filter_by(flashcard_id=amur.id).order_by(ReviewLog.reviewed_at)
    ).all()
    assert [log.rating for log in logs] == [3, 3, 1, 3]
    assert logs[-1].state_before == logs[-2].state_after  # the rating here built on Anki's

    again = _import(client, data, with_progress=True).get_data(as_text=True)
    assert "Imported 0 flashcards into the article “Rivers”" in again
    assert "3 cards of this deck were imported before and are left as they are." in again
    count = sa.select(sa.func.count(ReviewLog.id)).filter_by(flashcard_id=amur.id)
    assert db.session.scalar(count) == 4


def test_the_command_line_imports_a_deck_with_its_authors_progress(
    runner, db, make_teacher, tmp_path
):
    teacher = make_teacher()
    package = tmp_path / "rivers.apkg"
    package.write_bytes(_deck(tmp_path))
    without_author = runner.invoke(args=["bank", "import", str(package), "--with-progress"])
    assert without_author.exit_code != 0 and "needs --author" in without_author.output
    result = runner.invoke(
        args=["bank", "import", str(package), "--author", teacher.email, "--with-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "Imported 3 flashcards" in result.output
    assert "Changed note" in result.output and "file map.png is not in" in result.output
    logged = sa.select(sa.func.count(ReviewLog.id)).filter_by(user_id=teacher.id)
    assert db.session.scalar(logged) == 3
