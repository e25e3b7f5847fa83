"""The teacher's import and export page, tried as a new teacher would."""

from __future__ import annotations

import io

import sqlalchemy as sa

from quizapp.models import Article, Flashcard, Question
from tests.conftest import SEED_SLUG

GIFT = (
    b"$CATEGORY: $course$/top/Energy\n\n"
    b"::pipe::Power of Siberia carries gas. {TRUE ####It carries natural gas.}\n\n"
    b"::num::How long is it? {#3000:10}\n\n"
    b"::essay::Discuss it. {}\n"
)


def _upload(client, name: str, data: bytes, follow: bool = True):
    return client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        follow_redirects=follow,
    )


def test_a_teacher_imports_a_gift_file_and_sees_the_report(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    page = client.get("/teach/exchange")
    assert page.status_code == 200 and b"Import a question bank" in page.data
    response = _upload(client, "energy quiz.gift", GIFT)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    # Named as the file names its questions (its category), not after the file.
    assert "Imported 2 questions into the new article “Energy”, as drafts" in text
    assert "Skipped essay: an essay question" in text
    # The questions land as drafts in an article the teacher owns, on its review page.
    assert "Power of Siberia carries gas." in text and "Accept" in text
    mine = db.session.scalars(sa.select(Question).where(Question.author_id == teacher.id)).all()
    assert [(q.type, q.origin, q.status, q.claim.topic.title) for q in mine] == [
        ("true_false", "curated", "draft", "Energy"),
        ("numerical", "curated", "draft", "Energy"),
    ]
    assert [(c["value"], c["tolerance"]) for c in mine[1].choices] == [(3000, 10)]
    assert mine[0].claim.article.owner_id == teacher.id and not mine[0].claim.article.published


MOODLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Default for Biology 101/Photosynthesis</text></category>
  </question>
  <question type="truefalse">
    <name><text>light</text></name>
    <questiontext format="html"><text>Plants need light to make sugar.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>
"""


def test_a_moodle_file_names_the_new_article_after_its_category(client, db, make_teacher, login):
    """Before, the article was "questions-export-20261207" (the file's name)."""
    login(client, make_teacher())
    text = _upload(client, "questions-export-20261207.xml", MOODLE).get_data(as_text=True)
    assert "Imported 1 question into the new article “Biology 101”, as drafts" in text
    question = db.session.scalar(sa.select(Question).where(Question.prompt.contains("light")))
    assert (question.claim.article.title, question.claim.topic.title) == (
        "Biology 101",
        "Photosynthesis",
    )
    no_category = MOODLE.replace(b"$course$/top/Default for Biology 101/Photosynthesis", b"")
    text = _upload(client, "week 3.xml", no_category).get_data(as_text=True)
    assert "Imported 1 question into the new article “week 3”, as drafts" in text


def test_a_bad_file_shows_why_and_writes_nothing(client, db, make_teacher, login):
    login(client, make_teacher())
    articles = db.session.scalar(sa.select(sa.func.count(Article.id)))
    for name, data, message in [
        ("broken.xml", b"<quiz><question>", "not well-formed XML"),
        ("bomb.xml", b'<!DOCTYPE q [<!ENTITY a "a">]><quiz>&a;</quiz>', "DTD or entities"),
        ("braces.gift", b"Who? {=a ~b\n", "braces around the answers"),
        ("latin1.gift", "Qui? {=d\u00e9j\u00e0}".encode("latin-1"), "not UTF-8"),
        ("deck.pdf", b"%PDF-1.4", "Moodle XML (.xml)"),
    ]:
        response = _upload(client, name, data)
        assert response.status_code == 400, name
        assert "Nothing was imported." in response.get_data(as_text=True), name
        assert message in response.get_data(as_text=True), name
    response = client.post("/teach/exchange/import", data={})
    assert response.status_code == 400
    assert "Choose a file to import." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) == articles


def test_an_upload_over_the_limit_is_refused_before_it_is_read(
    app, client, db, make_teacher, login
):
    login(client, make_teacher())
    limit = app.config["MAX_IMPORT_BYTES"]
    big = b"x" * (limit + 1)
    response = _upload(client, "big.xml", big, follow=False)
    assert response.status_code == 413
    # Between the site-wide limit and the import limit, only the import route accepts a body.
    middle = b"<quiz/>" + b" " * (app.config["MAX_CONTENT_LENGTH"] + 10)
    assert _upload(client, "spaces.xml", middle).status_code == 400  # read, then refused: empty
    response = client.post("/teach/items", data={"x": middle.decode()})
    assert response.status_code == 413


def test_export_downloads_the_article_in_each_format(client, db, make_teacher, login):
    login(client, make_teacher())
    xml = client.get(f"/teach/exchange/export?article={SEED_SLUG}&format=moodle-xml")
    assert xml.status_code == 200
    assert xml.headers["Content-Disposition"].endswith(f"{SEED_SLUG}.xml")
    assert xml.data.startswith(b"<?xml") and b'<question type="category">' in xml.data
    gift = client.get(f"/teach/exchange/export?article={SEED_SLUG}&format=gift")
    assert gift.status_code == 200 and b"$CATEGORY: $course$/top/" in gift.data
    assert client.get("/teach/exchange/export?article=nope&format=gift").status_code == 400


QUIZLET = "Rason\tNorth Korean port leased to Russia\nPower of Siberia\tgas pipeline to China\n"


def test_pasted_quizlet_cards_are_previewed_then_saved(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    before = db.session.scalar(sa.select(sa.func.count(Flashcard.id)))
    preview = client.post("/teach/exchange/cards/preview", data={"name": "Ports", "text": QUIZLET})
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert "2 flashcards to save" in page and "Separator found: <strong>tab</strong>" in page
    assert "North Korean port leased to Russia" in page
    assert db.session.scalar(sa.select(sa.func.count(Flashcard.id))) == before  # nothing saved
    saved = client.post(
        "/teach/exchange/cards/import",
        data={"name": "Ports", "text": QUIZLET},
        follow_redirects=True,
    )
    assert "Imported 2 flashcards into the new article “Ports”" in saved.get_data(as_text=True)
    cards = db.session.scalars(sa.select(Flashcard).where(Flashcard.author_id == teacher.id)).all()
    assert sorted((c.front, c.origin) for c in cards) == [
        ("Power of Siberia", "teacher"),
        ("Rason", "teacher"),
    ]


def test_a_csv_file_with_a_header_and_semicolons_is_previewed(client, db, make_teacher, login):
    login(client, make_teacher())
    data = b'Term;Definition;Topic\n"Rason; the port";North Korea;Trade\nempty;\n'
    preview = client.post(
        "/teach/exchange/cards/preview",
        data={"csv_file": (io.BytesIO(data), "deck.csv")},
        content_type="multipart/form-data",
    )
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "semicolon" in page and "the first row is a header" in page
    assert "Rason; the port" in page and "row 3: a card needs a front and a back" in page


def test_bad_pastes_are_refused_with_a_message(client, db, make_teacher, login):
    login(client, make_teacher())
    before = db.session.scalar(sa.select(sa.func.count(Flashcard.id)))
    for data, message in [
        ({"text": "just one column\nand another"}, "No separator found"),
        ({"text": ""}, "Paste some cards"),
        (
            {"csv_file": (io.BytesIO("a;b\nd\u00e9j\u00e0;c\n".encode("cp1252")), "x.csv")},
            "not UTF-8",
        ),
        ({"text": "".join(f"t{i}\td{i}\n" for i in range(20_001))}, "at most 20000"),
    ]:
        response = client.post(
            "/teach/exchange/cards/preview", data=data, content_type="multipart/form-data"
        )
        assert response.status_code == 400, message
        assert message in response.get_data(as_text=True), message
    assert db.session.scalar(sa.select(sa.func.count(Flashcard.id))) == before


def test_a_csv_of_100000_rows_is_refused_with_a_message(client, db, make_teacher, login):
    login(client, make_teacher())
    rows = "front,back\n" + "".join(f"term {i},definition {i}\n" for i in range(100_000))
    response = client.post(
        "/teach/exchange/cards/preview",
        data={"csv_file": (io.BytesIO(rows.encode()), "huge.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "more than 20000 rows: at most 20000 cards" in response.get_data(as_text=True)


def test_another_teachers_private_article_cannot_be_exported(client, db, make_teacher, login):
    owner, other = make_teacher(), make_teacher()
    login(client, owner)
    _upload(client, "private bank.gift", GIFT)
    private = db.session.scalar(sa.select(Article).where(Article.owner_id == owner.id))
    client.post("/auth/logout")
    login(client, other)
    page = client.get("/teach/exchange").get_data(as_text=True)
    assert f'value="{private.slug}"' not in page and f'value="{SEED_SLUG}"' in page
    response = client.get(f"/teach/exchange/export?article={private.slug}&format=gift")
    assert response.status_code == 400 and b"Power of Siberia" not in response.data


def test_imported_answers_are_stored_with_their_aliases(client, db, make_teacher, login):
    """Issue 22: only generated items got aliases; an imported "17th" refused "seventeenth"."""
    teacher = make_teacher()
    login(client, teacher)
    gift = b"::century::In which century was the book printed? {=17th}\n"
    assert _upload(client, "centuries.gift", gift).status_code == 200
    (question,) = db.session.scalars(sa.select(Question).where(Question.author_id == teacher.id))
    assert question.accepted[0] == "17th" and "seventeenth" in question.accepted
