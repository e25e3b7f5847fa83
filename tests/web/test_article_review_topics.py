"""The review page's topics: a heading that only holds sub-headings points to them."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import Topic

NESTED = (
    "The Water Cycle\n\n## Where the Water Is\n\n"
    "- Oceans: About 97 percent of the water on Earth is salt water held in the oceans.\n"
    "- Ice caps: Most of the fresh water is frozen in the ice caps of Greenland and Antarctica.\n\n"
    "## Evaporation\n\nThe Sun heats the oceans and turns liquid water into vapour.\n"
)


def test_a_heading_with_only_sub_topics_links_them_instead_of_saying_it_is_empty(
    client, db, make_teacher, login
):
    login(client, make_teacher())
    response = client.post(
        "/teach/articles/new",
        data={"title": "The Water Cycle", "text": NESTED},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    page = " ".join(client.get(response.location).get_data(as_text=True).split())
    parent = db.session.scalar(sa.select(Topic).where(Topic.title == "Where the Water Is"))
    children = db.session.scalars(
        sa.select(Topic).where(Topic.parent_id == parent.id).order_by(Topic.position)
    ).all()
    assert [c.title for c in children] == ["Oceans", "Ice caps"]
    assert "No claims left in this topic." not in page
    section = page[page.index(f'id="topic-{parent.id}"') :]
    section = section[: section.index("</section>")]
    assert "Its claims are in its sub-topics:" in section
    links = re.findall(r'<a href="[^"]*#topic-(\d+)">([^<]+)</a>', section)
    assert links == [(str(c.id), c.title) for c in children]
