"""Search: one box over titles, topics, claims and live items the user may see, linking into
the reader at the claim; odd input never fails."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import Article, ItemStatus, Question
from quizapp.services.search import search
from quizapp.services.seeding import ArticleSource, import_article
from tests.web.test_article_namespaces import LOOKALIKE


def test_search_finds_claims_and_links_into_the_reader(client, db, make_student, login):
    login(client, make_student())
    page = client.get("/search?q=North Korea").get_data(as_text=True)
    assert "result" in page
    assert 'href="/articles/article-russia-pivot-east#claim-' in page


def test_search_sees_only_what_the_user_may_see(db, make_student, make_teacher):
    teacher, student = make_teacher(), make_student()
    article, _ = import_article(
        db.session,
        ArticleSource(slug="private", text=LOOKALIKE, owner_id=teacher.id),
        drafts=True,
        publish=False,
    )
    db.session.commit()
    assert search(db.session, student, "Vladivostok") == []
    hits = search(db.session, teacher, "Vladivostok container")
    assert {h.kind for h in hits} == {"claim"}  # drafts are not searchable, claims are
    question = db.session.scalar(sa.select(Question).filter_by(article_id=article.id))
    question.status = ItemStatus.PUBLISHED
    db.session.commit()
    prompt_word = max(question.prompt.split(), key=len).strip("_.,?")
    assert any(h.kind == "question" for h in search(db.session, teacher, prompt_word))


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "a* OR -b", "'; DROP TABLE article; --", "ü" * 300, "    "]
)
def test_odd_queries_never_fail(client, db, make_student, query, login):
    login(client, make_student())
    assert client.get("/search", query_string={"q": query}).status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) >= 1
