"""A teacher's card form edits its tags as words separated by spaces; the list shows them; a
field that cannot be kept as typed is refused with a sentence saying why, and nothing is saved."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import Claim, Flashcard


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))


def _teacher_cards(db, teacher_id: int) -> list[Flashcard]:
    stmt = sa.select(Flashcard).where(Flashcard.author_id == teacher_id).order_by(Flashcard.id)
    return list(db.session.scalars(stmt))


def _card(claim: Claim, tags: str) -> dict:
    return {"claim_id": claim.id, "kind": "basic", "front": "Q?", "back": "A.", "tags": tags}


def test_tags_are_saved_shown_and_edited(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    claim = _claim(db)
    made = client.post("/teach/flashcards/new", data=_card(claim, " geo::Europe  exam-B exam-b "))
    assert made.status_code == 302
    (card,) = _teacher_cards(db, teacher.id)
    assert card.tags == ["geo::Europe", "exam-B"]  # as typed, each once
    listing = client.get("/teach/items").get_data(as_text=True)
    assert "Tags: geo::Europe exam-B" in listing
    form = client.get(f"/teach/flashcards/{card.id}/edit").get_data(as_text=True)
    assert 'value="geo::Europe exam-B"' in form
    edited = client.post(f"/teach/flashcards/{card.id}/edit", data=_card(claim, ""))
    assert edited.status_code == 302
    db.session.expire_all()
    assert db.session.get(Flashcard, card.id).tags == []


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        ("ok " + "x" * 101, "A tag has at most 100 characters"),
        (" ".join(f"t{n}" for n in range(51)), "An item has at most 50 tags; these are 51."),
        ("quizapp::Trade", "Tags beginning “quizapp::” are the app&#39;s own"),
        ("bell\x07", "A tag cannot hold control characters."),
    ],
)
def test_a_tags_field_that_cannot_be_kept_is_refused(
    client, db, make_teacher, login, tags, message
):
    teacher = make_teacher()
    login(client, teacher)
    refused = client.post("/teach/flashcards/new", data=_card(_claim(db), tags))
    assert refused.status_code == 400
    assert message in refused.get_data(as_text=True)
    assert _teacher_cards(db, teacher.id) == []


def test_a_copy_keeps_the_cards_tags(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    client.post("/teach/flashcards/new", data=_card(_claim(db), "capitals"))
    (card,) = _teacher_cards(db, teacher.id)
    copied = client.post(f"/teach/flashcards/{card.id}/copy")
    assert copied.status_code == 302
    assert [c.tags for c in _teacher_cards(db, teacher.id)] == [["capitals"], ["capitals"]]


def test_an_edit_that_does_not_send_the_field_keeps_the_tags(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    claim = _claim(db)
    client.post("/teach/flashcards/new", data=_card(claim, "capitals"))
    (card,) = _teacher_cards(db, teacher.id)
    without = {k: v for k, v in _card(claim, "").items() if k != "tags"}
    assert client.post(f"/teach/flashcards/{card.id}/edit", data=without).status_code == 302
    db.session.expire_all()
    assert db.session.get(Flashcard, card.id).tags == ["capitals"]


@pytest.fixture
def translated(app, monkeypatch):
    """The app speaks its shipped catalogues, loaded afresh for the test."""
    with app.app_context():
        domain = app.extensions["babel"].instance.domain_instance
    monkeypatch.setattr(domain, "cache", {})


def test_the_refusal_is_worded_in_the_teachers_language(
    client, db, make_teacher, login, translated
):
    """Before, the sentence came from the core in English whatever the page's language."""
    teacher = make_teacher()
    login(client, teacher)
    refused = client.post(
        "/teach/flashcards/new",
        data=_card(_claim(db), "ok " + "y" * 120),
        headers={"Accept-Language": "ru"},
    )
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert f"В метке не больше 100 символов, а в «{'y' * 40}…» их 120." in page
    assert "A tag has at most" not in page
    assert _teacher_cards(db, teacher.id) == []
