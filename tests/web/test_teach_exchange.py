"""The teacher's import and export page, tried as a new teacher would."""

from __future__ import annotations

import io

import sqlalchemy as sa

from quizapp.models import Article, Question
from tests.conftest import SEED_SLUG, login

GIFT = (b"$CATEGORY: $course$/top/Energy\n\n"
        b"::pipe::Power of Siberia carries gas. {TRUE ####It carries natural gas.}\n\n"
        b"::num::How long is it? {#3000}\n")  # fmt: skip


def _upload(client, name: str, data: bytes, follow: bool = True):
    return client.post("/teach/exchange/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data", follow_redirects=follow)  # fmt: skip


def test_a_teacher_imports_a_gift_file_and_sees_the_report(client, db, make_teacher):
    teacher = make_teacher()
    login(client, teacher)
    page = client.get("/teach/exchange")
    assert page.status_code == 200 and b"Import a question bank" in page.data
    response = _upload(client, "energy quiz.gift", GIFT)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Imported 1 question into the new article “energy quiz”" in text
    assert "Skipped num: a numerical question" in text
    mine = db.session.scalars(sa.select(Question).where(Question.author_id == teacher.id)).all()
    assert [(q.type, q.origin, q.claim.topic.title) for q in mine] == [
        ("true_false", "teacher", "Energy")]
    assert b"Power of Siberia carries gas." in client.get("/teach/items").data


def test_a_bad_file_shows_why_and_writes_nothing(client, db, make_teacher):
    login(client, make_teacher())
    articles = db.session.scalar(sa.select(sa.func.count(Article.id)))
    for name, data, message in [
        ("broken.xml", b"<quiz><question>", "not well-formed XML"),
        ("bomb.xml", b'<!DOCTYPE q [<!ENTITY a "a">]><quiz>&a;</quiz>', "DTD or entities"),
        ("braces.gift", b"Who? {=a ~b\n", "braces around the answers"),
        ("latin1.gift", "Qui? {=d\u00e9j\u00e0}".encode("latin-1"), "not UTF-8"),
        ("deck.pdf", b"%PDF-1.4", "Moodle XML file"),
    ]:
        response = _upload(client, name, data)
        assert response.status_code == 200, name
        assert "Nothing was imported." in response.get_data(as_text=True), name
        assert message in response.get_data(as_text=True), name
    response = client.post("/teach/exchange/import", data={}, follow_redirects=True)
    assert "Choose a file to import." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) == articles


def test_an_upload_over_the_limit_is_refused_before_it_is_read(app, client, db, make_teacher):
    login(client, make_teacher())
    limit = app.config["MAX_IMPORT_BYTES"]
    big = b"x" * (limit + 1)
    response = _upload(client, "big.xml", big, follow=False)
    assert response.status_code == 413
    # Between the site-wide limit and the import limit, only the import route accepts a body.
    middle = b"<quiz/>" + b" " * (app.config["MAX_CONTENT_LENGTH"] + 10)
    assert _upload(client, "spaces.xml", middle).status_code == 200
    response = client.post("/teach/items", data={"x": middle.decode()})
    assert response.status_code == 413


def test_export_downloads_the_article_in_each_format(client, db, make_teacher):
    login(client, make_teacher())
    xml = client.get(f"/teach/exchange/export?article={SEED_SLUG}&format=moodle-xml")
    assert xml.status_code == 200
    assert xml.headers["Content-Disposition"].endswith(f"{SEED_SLUG}.xml")
    assert xml.data.startswith(b"<?xml") and b'<question type="category">' in xml.data
    gift = client.get(f"/teach/exchange/export?article={SEED_SLUG}&format=gift")
    assert gift.status_code == 200 and b"$CATEGORY: $course$/top/" in gift.data
    assert client.get("/teach/exchange/export?article=nope&format=gift").status_code == 400
