"""The learner's pages issue a bounded number of SQL queries, the same for 10 or 10,000 rows."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Topic
from tests.builders import bulk_history

MAX_QUERIES = 15
PAGES = ["/study", "/progress", "/review", "/quiz/new", "/cards"]


def _page_counts(client, count_queries, extra: tuple[str, ...] = ()) -> dict[str, int]:
    counts = {}
    for url in [*PAGES, *extra]:
        with count_queries() as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    location = client.post("/quiz/new", data={"length": "10"}).location
    with count_queries() as queries:
        assert client.get(location).status_code == 200
    counts["quiz question"] = len(queries)
    return counts


def test_learner_pages_have_bounded_queries(app, client, db, make_student, count_queries, login):
    light, heavy = make_student(), make_student()
    bulk_history(db.session, light.id, responses=10, reviews=10)
    bulk_history(db.session, heavy.id, responses=10_000, reviews=20_000)
    # A tiny topic's practice page also counts its section's and article's questions.
    tiny = db.session.scalar(sa.select(Topic.id).filter_by(title="Economic Resilience"))
    extra = (f"/quiz/new?topic={tiny}",)
    login(client, light)
    small = _page_counts(client, count_queries, extra)
    other = app.test_client()
    login(other, heavy)
    large = _page_counts(other, count_queries, extra)
    assert all(n <= MAX_QUERIES for n in [*small.values(), *large.values()]), (small, large)
    # Whether a card is due right now decides which queries /cards runs (the next card and its
    # source), not how many rows there are; every other page must cost exactly the same.
    small.pop("/cards"), large.pop("/cards")
    assert small == large


def test_checking_one_article_or_topic_does_not_list_every_visible_article(
    client, db, make_student, count_queries, login
):
    """Whether the learner may see the article or topic in the address is one query about
    that row, not a list of every article they may see read into Python."""
    import re

    from quizapp.models import Article

    topic = db.session.scalar(sa.select(Topic).order_by(Topic.id))
    article = db.session.get(Article, topic.article_id)
    assert article.published
    login(client, make_student())
    every_id = re.compile(r"^\s*SELECT article\.id\s+FROM article\b")
    for url in (
        f"/topics/{topic.id}",
        f"/study?article={article.id}",
        f"/cards?topic={topic.id}",
        f"/quiz/new?article={article.id}",
    ):
        with count_queries() as queries:
            assert client.get(url).status_code == 200, url
        listed = [q for q in queries if every_id.match(q)]
        assert not listed, (url, listed)
    for url in ("/topics/999999", "/study?article=999999", "/quiz/new?article=999999"):
        assert client.get(url).status_code == 404, url
