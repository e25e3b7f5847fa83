"""Home page, topic browser, article reader and error pages."""

from __future__ import annotations

import sqlalchemy as sa
from markupsafe import escape

from quizapp.models import Article, ArticleTag, Claim, Topic


def test_home_says_what_the_app_is_and_lists_topics_with_counts(client, db):
    page = client.get("/").get_data(as_text=True)
    assert "turns an article" in page
    for title in ("Economic Cooperation", "Security Concerns", "Conclusion"):
        assert title in page
    assert "<td>" in page  # counts
    # The article's tags, in the order they were given.
    tags = db.session.scalars(sa.select(ArticleTag.name).order_by(ArticleTag.id)).all()
    assert tags
    places = [page.index(f'<span class="tag">{escape(tag)}</span>') for tag in tags]
    assert places == sorted(places)


def test_home_query_count_does_not_grow_with_topics(client, count_queries):
    with count_queries() as queries:
        assert client.get("/").status_code == 200
    # The articles with their tags, the topics with their counts.
    assert len(queries) <= 2, queries


def test_topic_browser_shows_claims_cards_and_questions(client, db, make_student, login):
    login(client, make_student())
    topic = db.session.scalar(sa.select(Topic).where(Topic.title == "Economic Cooperation"))
    page = client.get(f"/topics/{topic.id}").get_data(as_text=True)
    assert "Power of Siberia gas pipeline" in page
    assert "Flashcards" in page and "Questions" in page
    assert "Show in the article" in page


def test_reader_highlights_every_claim(client, db, make_student, count_queries, login):
    login(client, make_student())
    article = db.session.scalar(sa.select(Article))
    with count_queries() as queries:
        page = client.get(f"/articles/{article.slug}").get_data(as_text=True)
    assert len(queries) <= 8
    for key in db.session.scalars(sa.select(Claim.key)):
        assert f'id="claim-{key}"' in page
        assert f'id="items-{key}"' in page
    assert "Long-Tail" not in page


def test_error_pages_use_the_layout(client, db, make_student, login):
    login(client, make_student())
    response = client.get("/topics/999999")
    assert response.status_code == 404
    assert "404: Not Found" in response.get_data(as_text=True)
    assert "Skip to content" in response.get_data(as_text=True)
    assert client.get("/no/such/page").status_code == 404


def test_unexpected_error_renders_500_page(app, db):
    def boom():
        raise RuntimeError("boom")

    original = app.view_functions["main.home"]
    app.view_functions["main.home"] = boom
    app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        response = app.test_client().get("/")
    finally:
        app.view_functions["main.home"] = original
        app.config["PROPAGATE_EXCEPTIONS"] = None
    assert response.status_code == 500
    assert "500: Internal Server Error" in response.get_data(as_text=True)


def test_nul_characters_are_refused_with_400(client, db, make_student):
    response = client.post("/auth/login", data={"email": "a\x00b@example.org", "password": "x"})
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)
    assert client.get("/?q=a%00b").status_code == 400
