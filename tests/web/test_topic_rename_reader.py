"""A renamed topic names its section in the article reader, as it names its cards."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Topic
from tests.builders import GARDEN
from tests.web.test_article_import import HEADED


def _headings(page: str) -> list[str]:
    return re.findall(r"<h2[^>]*>([^<]*)</h2>", page)


@pytest.mark.parametrize(("title", "text"), [("Our garden", GARDEN), ("The Water Cycle", HEADED)])
def test_the_reader_heads_a_renamed_topics_section_with_its_new_name(
    client, db, make_teacher, login, title, text
):
    login(client, make_teacher())
    client.post(
        "/teach/articles/new",
        data={"title": title, "text": text},
        content_type="multipart/form-data",
    )
    article = db.session.scalar(sa.select(Article).where(Article.title == title))
    topic = db.session.scalars(
        sa.select(Topic).filter_by(article_id=article.id, parent_id=None).order_by(Topic.position)
    ).all()[-1]
    old = topic.title
    assert old in _headings(client.get(f"/articles/{article.slug}").get_data(as_text=True))

    response = client.post(
        f"/teach/articles/{article.id}/topics/{topic.id}",
        data={"action": "rename", "title": "Renamed by the teacher"},
    )
    assert response.status_code == 302
    headings = _headings(client.get(f"/articles/{article.slug}").get_data(as_text=True))
    assert "Renamed by the teacher" in headings and old not in headings
