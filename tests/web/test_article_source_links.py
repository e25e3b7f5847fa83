"""An article's source URL is a link only when it is a web address: a ``javascript:``,
``data:`` or ``vbscript:`` one is refused on import, and one stored before is shown as text."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import Article
from quizapp.services.article_library import ArticleUpload, import_upload
from quizapp.services.errors import TeachingError
from tests.builders.articles import GARDEN


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)"]
)
def test_an_import_with_a_script_source_url_is_refused(client, db, make_teacher, login, url):
    teacher = make_teacher()
    login(client, teacher)
    before = db.session.scalar(sa.select(sa.func.count(Article.id)))
    form = {"title": "Garden notebook", "text": GARDEN, "source_url": url}
    response = client.post("/teach/articles/new", data=form)
    assert response.status_code == 400
    assert "must be a web address starting with http:// or https://" in response.get_data(
        as_text=True
    )
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) == before


def test_a_web_source_url_is_a_link_and_a_stored_script_one_is_text(
    client, db, make_teacher, login
):
    teacher = make_teacher()
    login(client, teacher)
    form = {"title": "Garden notebook", "text": GARDEN, "source_url": "https://example.org/g"}
    response = client.post("/teach/articles/new", data=form)
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert 'href="https://example.org/g"' in page
    # As it may have been stored before imports checked it.
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    article.source_url = "javascript:alert(document.cookie)"
    db.session.commit()
    page = client.get(f"/teach/articles/{article.id}").get_data(as_text=True)
    assert 'href="javascript:' not in page
    assert "Source: javascript:alert(document.cookie)." in page


def test_the_service_refuses_it_too(db, make_teacher):
    upload = ArticleUpload("g.txt", GARDEN.encode(), source_url="javascript:alert(1)")
    with pytest.raises(TeachingError, match="web address"):
        import_upload(db.session, upload, make_teacher().id)
