"""The review page says which language an article is read in, and its teacher may correct it:
the article is read again, its sentences and items following the language chosen."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from quizapp.models import Article, Question

READING = Path(__file__).resolve().parents[2] / "seed" / "corpus" / "languages" / "transsib.txt"


def _russian_article(client, db, make_teacher, login) -> Article:
    teacher = make_teacher()
    login(client, teacher)
    response = client.post(
        "/teach/articles/new",
        data={"title": "", "text": READING.read_text(encoding="utf-8")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    return db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))


def _question_types(db, article) -> set[str]:
    rows = sa.select(Question.type).where(Question.article_id == article.id)
    rows = rows.where(Question.retired.is_(False))
    return set(db.session.scalars(rows))


def test_review_page_shows_the_language_and_the_forms_it_gets(client, db, make_teacher, login):
    article = _russian_article(client, db, make_teacher, login)
    page = client.get(f"/teach/articles/{article.id}").get_data(as_text=True)
    assert '<option selected value="ru">Russian</option>' in page
    assert "only cards and fill-in blanks" in page
    assert _question_types(db, article) == {"fill_blank"}


def test_an_unknown_language_is_refused_and_changes_nothing(client, db, make_teacher, login):
    article = _russian_article(client, db, make_teacher, login)
    response = client.post(f"/teach/articles/{article.id}/language", data={"language": "xx"})
    assert response.status_code == 400
    assert "Choose one of the languages listed." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Article, article.id).language == "ru"


def test_choosing_a_language_reads_the_article_again(client, db, make_teacher, login):
    article = _russian_article(client, db, make_teacher, login)
    response = client.post(f"/teach/articles/{article.id}/language", data={"language": "de"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Article, article.id).language == "de"
    again = client.post(f"/teach/articles/{article.id}/language", data={"language": "de"})
    assert "already read in that language" in client.get(again.location).get_data(as_text=True)


def test_the_reader_marks_the_article_text_with_its_language(client, db, make_teacher, login):
    article = _russian_article(client, db, make_teacher, login)
    page = client.get(f"/articles/{article.slug}").get_data(as_text=True)
    assert '<h1 lang="ru">Транссибирская магистраль</h1>' in page
    assert '<h2 lang="ru">Начало строительства</h2>' in page
    assert '<p class="meta">The ' in page  # the interface around it is not marked


def test_review_page_says_why_a_claim_has_no_question_in_its_language(
    client, db, make_teacher, login
):
    article = _russian_article(client, db, make_teacher, login)
    page = client.get(f"/teach/articles/{article.id}").get_data(as_text=True)
    assert "it opens with “Её”, which points back" in page
    assert "says too little" not in page
