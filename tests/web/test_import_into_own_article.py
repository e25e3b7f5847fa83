"""A teacher imports a file back into the article it came from, from the import page.

Before, the page always made a new article: a teacher who fixed a file and imported it again
got a second article of the same name with every question twice, and the update in place (and
the "added beside an answered question" report) was only for operators' command line.
"""

from __future__ import annotations

import io
import re

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Question, Response
from tests.builders.teaching import enrol, make_assignment, make_class, make_set, take

RIVERS = (
    "$CATEGORY: Rivers\n\n"
    "::Q1:: Which river flows through Paris? {=Seine ~Loire ~Rhone}\n\n"
    "::Q2:: The Danube flows into the Black Sea. {T}\n"
)
# Q1's answer key changed, Q2 as it was.
RIVERS_V2 = RIVERS.replace("{=Seine ~Loire ~Rhone}", "{~Seine =Loire ~Rhone}")


def _upload(client, text: str, into: str | None = None, language: str = "en"):
    data: dict = {"file": (io.BytesIO(text.encode()), "rivers.gift")}
    if into is not None:
        data["into"] = into
    return client.post(
        "/teach/exchange/import",
        data=data,
        content_type="multipart/form-data",
        follow_redirects=True,
        headers={"Accept-Language": language},
    )


def _questions(db, article_id: int) -> list[Question]:
    db.session.expire_all()
    stmt = sa.select(Question).where(Question.article_id == article_id).order_by(Question.id)
    return list(db.session.scalars(stmt))


def _counts(db) -> tuple[int, int]:
    return (
        db.session.scalar(sa.select(sa.func.count(Article.id))),
        db.session.scalar(sa.select(sa.func.count(Question.id))),
    )


def test_the_page_offers_the_teachers_own_articles_only(client, db, make_teacher, login):
    other = make_teacher()
    login(client, other)
    _upload(client, RIVERS)
    client.post("/auth/logout")
    teacher = make_teacher()
    login(client, teacher)
    _upload(client, RIVERS)
    _upload(client, RIVERS)  # the same file twice: two articles of one title
    page = client.get("/teach/exchange").get_data(as_text=True)
    into = re.search(r'<select[^>]*name="into".*?</select>', page, re.S)
    assert into is not None
    offered = re.findall(r"<option[^>]*>([^<]*)</option>", into.group(0))
    # The other teacher's "Rivers" (rivers) is not among them.
    assert offered == [
        "A new article named after the file",
        "Rivers (rivers-2)",
        "Rivers (rivers-3)",
    ]
    # The export picker tells them apart the same way.
    exports = re.search(r'<select[^>]*name="article".*?</select>', page, re.S)
    assert exports is not None
    labels = re.findall(r"<option[^>]*>([^<]*)</option>", exports.group(0))
    assert "Rivers (rivers-2)" in labels and "Rivers (rivers-3)" in labels


def test_a_new_answer_key_lands_beside_the_answered_question(
    client, db, make_teacher, make_student, login
):
    teacher = make_teacher()
    login(client, teacher)
    _upload(client, RIVERS)
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    article_id = article.id
    for question in _questions(db, article_id):  # accepted on the review page
        url = f"/teach/articles/{article_id}/questions/{question.id}/decide"
        assert client.post(url, data={"decision": "accept"}).status_code == 302
    paris = _questions(db, article_id)[0]
    school_class = make_class(db, teacher)
    enrol(db, school_class, student := make_student())
    take(db, make_assignment(db, make_set(db, teacher, [paris]), [school_class]), student)
    paris_id, paris_key, paris_choices = paris.id, paris.key, paris.choices

    response = _upload(client, RIVERS_V2, into=str(article_id))
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Imported 1 question into the article “Rivers”, as drafts" in text
    assert "new article" not in text
    assert "Changed Q1: learners have answered the question stored under its key" in text
    assert "it was added as a new question beside that one" in text
    # Both on the article's review page, the answered one as it was and the new draft.
    assert "Answer: Seine" in text and "Answer: Loire" in text
    questions = _questions(db, article_id)
    assert len(questions) == 3
    kept = db.session.get(Question, paris_id)
    assert (kept.key, kept.choices) == (paris_key, paris_choices)
    assert db.session.scalar(sa.select(Response.question_id)) == paris_id
    added = questions[-1]
    assert added.status == "draft" and added.key != paris_key
    assert [c["correct"] for c in added.choices] == [False, True, False]
    # Beside it: under the same claim, the sentence not copied into the article a second time.
    assert added.claim_id == kept.claim_id
    assert db.session.get(Article, article_id).text.count("Which river flows through Paris?") == 1

    # The same file once more finds the version it added: no third Paris question.
    again = _upload(client, RIVERS_V2, into=str(article_id)).get_data(as_text=True)
    assert "beside that one" not in again
    assert "No new question for the article “Rivers”." in again and "Imported 0" not in again
    assert "single choice: 0 updated, 1 unchanged, 0 new" in again, again
    assert [q.id for q in _questions(db, article_id)] == [q.id for q in questions]


def test_an_article_not_offered_is_refused_and_nothing_is_written(client, db, make_teacher, login):
    owner = make_teacher()
    login(client, owner)
    _upload(client, RIVERS)
    theirs = db.session.scalar(sa.select(Article.id).where(Article.owner_id == owner.id))
    client.post("/auth/logout")
    login(client, make_teacher())
    before = _counts(db)
    for into in (str(theirs), "999999", "rivers", "-1", "1 OR 1=1"):
        response = _upload(client, RIVERS_V2, into=into)
        assert response.status_code == 400, into
        assert "Not a valid choice" in response.get_data(as_text=True), into
        assert _counts(db) == before, into


@pytest.fixture
def translated(app, monkeypatch):
    """The app speaks its shipped catalogues, loaded afresh for the test."""
    with app.app_context():
        domain = app.extensions["babel"].instance.domain_instance
    monkeypatch.setattr(domain, "cache", {})


def test_what_changed_on_the_way_is_said_in_the_teachers_language(
    client, db, make_teacher, login, translated
):
    """Before, the report's sentence was Russian and what changed English ("Изменён Q: kept
    as a one-gap question …"), though the catalogue had words for it."""
    login(client, make_teacher())
    text = _upload(
        client, "::Q:: Capital of France? {=%100%Paris =%50%paris city}\n", language="ru"
    ).get_data(as_text=True)
    assert "сохранён как вопрос с одним пропуском" in text
    # "1 вопрос импортировано" read as broken Russian; the count now follows a colon.
    assert "Импортировано в новую статью «rivers»: 1 вопрос, черновиками." in text
    assert "kept as a one-gap question" not in text
