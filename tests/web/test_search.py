"""Search: one box over titles, topics, claims and live items the user may see, linking into
the reader at the claim; odd input never fails."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import Article


def test_search_finds_claims_and_links_into_the_reader(client, db, make_student, login):
    login(client, make_student())
    page = client.get("/search?q=North Korea").get_data(as_text=True)
    assert "result" in page
    assert 'href="/articles/article-russia-pivot-east#claim-' in page


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "a* OR -b", "'; DROP TABLE article; --", "ü" * 300, "    "]
)
def test_odd_queries_never_fail(client, db, make_student, query, login):
    login(client, make_student())
    assert client.get("/search", query_string={"q": query}).status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) >= 1
