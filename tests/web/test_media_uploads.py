"""Teachers put pictures and sound on their questions and flashcards: checked, stored once,
and a refused file leaves nothing written."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa

from quizapp.models import Claim, Flashcard, MediaFile, Question
from tests.builders.media import SVG_WITH_SCRIPT, bomb_png_header, png_bytes, wav_bytes

QUESTION = {
    "type": "single_choice",
    "difficulty": "2",
    "prompt": "Listen to this greeting. Which language is it?",
    "choices": "* Russian\nKorean\nChinese",
    "explanation": "The greeting is Russian.",
    "quote": "",
    "accepted": "",
    "pairs": "",
}


def _claim_id(db) -> int:
    return db.session.scalar(sa.select(Claim.id).where(Claim.key == "economic-cooperation-3"))


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _mine(db, model):
    return db.session.scalars(sa.select(model).where(model.origin == "teacher")).all()


def test_a_question_keeps_its_sound_and_the_quiz_page_can_fetch_it(client, db, make_teacher, login):
    login(client, make_teacher())
    data = {**QUESTION, "claim_id": _claim_id(db)}
    data["prompt_file"] = (io.BytesIO(wav_bytes()), "greeting.wav")
    response = client.post("/teach/questions/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.data
    (question,) = _mine(db, Question)
    (entry,) = question.media
    assert (entry["type"], entry["place"], entry["alt"]) == ("audio/wav", "prompt", "")
    assert client.get(f"/media/{entry['sha256']}").data == wav_bytes()
    page = client.get(f"/teach/questions/{question.id}/edit")
    assert f'src="/media/{entry["sha256"]}"' in page.text and "<audio" in page.text


@pytest.mark.parametrize(
    ("upload", "alt", "message"),
    [
        ((SVG_WITH_SCRIPT, "logo.svg"), "A logo", "can carry script"),
        ((bomb_png_header(), "bomb.png"), "A bomb", "pixels allowed"),
        ((png_bytes(), "map.png"), "", "text alternative"),
        ((b"<html></html>", "page.png"), "A page", "neither a picture"),
    ],
)
def test_a_refused_file_gets_400_with_the_reason_and_writes_nothing(
    client, db, make_teacher, login, upload, alt, message
):
    login(client, make_teacher())
    data = {**QUESTION, "claim_id": _claim_id(db), "prompt_alt": alt}
    data["prompt_file"] = (io.BytesIO(upload[0]), upload[1])
    response = client.post("/teach/questions/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 400 and message in response.text
    assert _mine(db, Question) == [] and _count(db, MediaFile) == 0


def test_a_file_over_the_size_limit_is_refused(client, db, app, make_teacher, login):
    login(client, make_teacher())
    app.config["MEDIA_MAX_BYTES"], kept = 100, app.config["MEDIA_MAX_BYTES"]
    try:
        data = {**QUESTION, "claim_id": _claim_id(db), "prompt_alt": "Map"}
        data["prompt_file"] = (io.BytesIO(wav_bytes()), "greeting.wav")
        response = client.post(
            "/teach/questions/new", data=data, content_type="multipart/form-data"
        )
        assert response.status_code == 400 and "more than the 100 allowed" in response.text
        data["prompt_file"] = (io.BytesIO(b"\0" * (3 * 1024 * 1024)), "huge.png")
        huge = client.post("/teach/questions/new", data=data, content_type="multipart/form-data")
        assert huge.status_code == 413
    finally:
        app.config["MEDIA_MAX_BYTES"] = kept
    assert _mine(db, Question) == [] and _count(db, MediaFile) == 0


def test_an_image_only_card_side_is_accepted_and_alt_text_can_change(
    client, db, make_teacher, login
):
    login(client, make_teacher())
    data = {
        "claim_id": _claim_id(db),
        "kind": "basic",
        "front": "",
        "back": "The Amur river",
        "front_file": (io.BytesIO(png_bytes()), "amur.png"),
        "front_alt": "A map with one river marked",
    }
    response = client.post("/teach/flashcards/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.data
    (card,) = _mine(db, Flashcard)
    assert card.front == "" and [e["place"] for e in card.media] == ["front"]

    edit = {"claim_id": card.claim_id, "kind": "basic", "front": "", "back": "The Amur river"}
    edit["front_alt"] = "A map of the Amur"
    assert client.post(f"/teach/flashcards/{card.id}/edit", data=edit).status_code == 302
    db.session.refresh(card)
    assert card.media[0]["alt"] == "A map of the Amur"

    # Removing the only thing on the front leaves an empty side: refused, nothing changes.
    removed = client.post(f"/teach/flashcards/{card.id}/edit", data={**edit, "front_remove": "y"})
    assert removed.status_code == 400 and "front and a back" in removed.text
    db.session.refresh(card)
    assert len(card.media) == 1


def test_a_copy_keeps_the_files_and_the_same_file_is_stored_once(client, db, make_teacher, login):
    login(client, make_teacher())
    for _ in range(2):
        data = {**QUESTION, "claim_id": _claim_id(db), "prompt_alt": "A red square"}
        data["prompt_file"] = (io.BytesIO(png_bytes()), "square.png")
        client.post("/teach/questions/new", data=data, content_type="multipart/form-data")
    first, second = sorted(_mine(db, Question), key=lambda q: q.id)
    assert first.media == second.media and _count(db, MediaFile) == 1
    client.post(f"/teach/questions/{first.id}/copy")
    copies = sorted(_mine(db, Question), key=lambda q: q.id)
    assert len(copies) == 3 and copies[-1].media == first.media


def test_an_imported_image_only_card_is_edited_and_accepted_in_the_draft_editor(
    client, db, make_teacher, login
):
    from quizapp.models import ItemStatus
    from tests.builders import imported_article

    teacher = make_teacher()
    login(client, teacher)
    text = (
        "Rivers of Asia\n\n## The Amur\n\nThe Amur river forms a long part of the border "
        "between Russia and China, and its basin is home to rare leopards and tigers.\n"
    )
    article = imported_article(db, teacher, text)
    claim_id = db.session.scalar(sa.select(Claim.id).where(Claim.article_id == article.id))
    card = Flashcard(
        key="anki-amur",
        claim_id=claim_id,
        front="",
        back="The Amur",
        origin="teacher",
        author_id=teacher.id,
        status=ItemStatus.DRAFT,
    )
    db.session.add(card)
    db.session.commit()
    data = {"claim_id": claim_id, "kind": "basic", "front": "", "back": "The Amur"}
    data["front_file"] = (io.BytesIO(png_bytes()), "amur.png")
    data["front_alt"] = "A map of the Amur"
    url = f"/teach/articles/{article.id}/flashcards/{card.id}/edit"
    response = client.post(url, data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.text
    db.session.refresh(card)
    assert card.status == ItemStatus.PUBLISHED and card.media[0]["alt"] == "A map of the Amur"
    assert 'alt="A map of the Amur"' in client.get(url).text


def test_the_exchange_page_imports_and_exports_a_decks_files(
    client, db, make_teacher, login, tmp_path
):
    import json
    import zipfile

    from quizapp.models import Article
    from tests.builders.anki_decks import add_note, anki_package

    def fill(col):
        name = col.media.write_data("amur.png", png_bytes())
        add_note(col, "Basic", "Rivers", Front=f'<img src="{name}" alt="The Amur">', Back="Amur")

    login(client, make_teacher())
    form = {"file": (io.BytesIO(anki_package(tmp_path, fill, with_media=True)), "rivers.apkg")}
    response = client.post(
        "/teach/exchange/import",
        data=form,
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "Imported 1 flashcard" in response.text
    slug = db.session.scalar(sa.select(Article.slug).where(Article.title == "Rivers"))
    (card,) = db.session.scalars(sa.select(Flashcard).join(Article).where(Article.slug == slug))
    assert [(e["type"], e["alt"], e["place"]) for e in card.media] == [
        ("image/png", "The Amur", "front")
    ]

    exported = client.get(f"/teach/exchange/export?article={slug}&format=apkg")
    package = zipfile.ZipFile(io.BytesIO(exported.data))
    listing = json.loads(package.read("media"))
    assert [package.read(number) for number in listing] == [png_bytes()]


def test_a_teacher_puts_a_picture_on_a_choice_and_takes_it_off(client, db, make_teacher, login):
    login(client, make_teacher())
    data = {**QUESTION, "claim_id": _claim_id(db), "option_number": "2", "option_alt": "A flag"}
    data["option_file"] = (io.BytesIO(png_bytes()), "flag.png")
    response = client.post("/teach/questions/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.text
    (question,) = _mine(db, Question)
    korean = question.choices[1]
    assert [(e["place"], e["alt"]) for e in question.media] == [
        (f"choice:{korean['id']}", "A flag")
    ]
    page = client.get(f"/teach/questions/{question.id}/edit").text
    assert 'alt="A flag"' in page and f'name="option_remove" value="{korean["id"]}"' in page

    # A choice the question does not have: 400, nothing changes.
    edit = {**QUESTION, "claim_id": question.claim_id, "option_number": "3", "option_alt": "X"}
    edit["choices"] = "* Russian\nKorean"
    edit["option_file"] = (io.BytesIO(png_bytes(2, 2)), "x.png")
    refused = client.post(
        f"/teach/questions/{question.id}/edit", data=edit, content_type="multipart/form-data"
    )
    assert refused.status_code == 400 and "a number from 1 to 2" in refused.text
    db.session.refresh(question)
    assert len(question.choices) == 3 and _count(db, MediaFile) == 1

    removed = {**QUESTION, "claim_id": question.claim_id, "option_remove": korean["id"]}
    assert client.post(f"/teach/questions/{question.id}/edit", data=removed).status_code == 302
    db.session.refresh(question)
    assert question.media == []


def test_a_form_error_asks_for_the_chosen_file_again(client, db, make_teacher, login):
    # Tried as a new user: the first save, missing its explanation, came back with the file
    # input empty and no word about it (browsers never keep a chosen file).
    login(client, make_teacher())
    data = {**QUESTION, "claim_id": _claim_id(db), "explanation": ""}
    data["prompt_file"] = (io.BytesIO(png_bytes()), "map.png")
    data["prompt_alt"] = "A map of the Amur"
    files_before = _count(db, MediaFile)
    response = client.post("/teach/questions/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Choose the file again" in page
    assert _mine(db, Question) == [] and _count(db, MediaFile) == files_before
