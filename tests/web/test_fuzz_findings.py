"""What the endpoint fuzzing (test_fuzz_endpoints.py) found, each kept as a plain example."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Article, Topic
from quizapp.services.article_library import ArticleUpload, import_upload
from tests.builders import GARDEN, make_user

# Bodies over the app's limit (MAX_CONTENT_LENGTH, 2 MB; 10 MB on the article import routes):
# refused with a 413 as the app's first hook reads the form, before the view and before the
# blueprint's access check.
OVERSIZED = {"title": "x" * (2 * 1024 * 1024 + 1)}
OVERSIZED_IMPORT = {"title": "x" * (10 * 1024 * 1024 + 1)}


def _article_of(db, teacher) -> Article:
    article, _ = import_upload(db.session, ArticleUpload("garden.txt", GARDEN.encode()), teacher.id)
    db.session.commit()
    return article


def test_an_oversized_form_to_publish_a_missing_article_is_413_not_500(client, db, login):
    login(client, make_user(db.session, "admin"))
    missing = (db.session.scalar(sa.select(sa.func.max(Article.id))) or 0) + 1
    response = client.post(f"/teach/articles/{missing}/publish", data=OVERSIZED)
    assert response.status_code == 413
    assert b"10 MB" not in response.data  # it was no file: not the import form's message


def test_an_oversized_reimport_of_another_teachers_article_is_404_not_500(
    client, db, login, make_teacher
):
    article = _article_of(db, make_teacher())
    login(client, make_teacher())
    response = client.post(f"/teach/articles/{article.id}/reimport", data=OVERSIZED_IMPORT)
    assert response.status_code == 404


def test_an_oversized_reimport_from_a_visitor_is_refused_not_500(client, db, make_teacher):
    article = _article_of(db, make_teacher())
    response = client.post(f"/teach/articles/{article.id}/reimport", data=OVERSIZED_IMPORT)
    assert response.status_code == 413


def test_an_oversized_reimport_of_ones_own_article_shows_the_import_form(
    client, db, login, make_teacher
):
    teacher = make_teacher()
    article = _article_of(db, teacher)
    login(client, teacher)
    response = client.post(f"/teach/articles/{article.id}/reimport", data=OVERSIZED_IMPORT)
    assert response.status_code == 413 and b"10 MB" in response.data


def test_merging_a_topic_into_an_id_out_of_range_is_404_not_500(client, db, login, make_teacher):
    teacher = make_teacher()
    article = _article_of(db, teacher)
    topic = db.session.scalars(sa.select(Topic).where(Topic.article_id == article.id)).first()
    login(client, teacher)
    for into in ("9" * 30, "-5", "2147483648", "1e3"):
        response = client.post(
            f"/teach/articles/{article.id}/topics/{topic.id}",
            data={"action": "merge", "into": into},
        )
        assert response.status_code == 404, into
    assert db.session.get(Topic, topic.id) is not None


def test_a_pasted_article_without_a_title_field_asks_for_one(client, db, login, make_teacher):
    login(client, make_teacher())
    response = client.post("/teach/articles/new", data={"text": GARDEN})  # no "title" at all
    assert response.status_code == 400
    assert b"Give the pasted text a title" in response.data
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) == 1  # the seeded one
