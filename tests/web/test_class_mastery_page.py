"""The class heatmap page: one section per class article, each student's figure with its word,
and a query count that does not grow with students, topics or answers."""

from __future__ import annotations

import re

from quizapp.models import ArticleShare
from quizapp.services.seeding import ArticleSource, import_article
from tests.builders import (
    GARDEN,
    bulk_history,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
)

MAX_QUERIES = 10


def _class(db, teacher, students, name: str):
    school_class = make_class(db, teacher, name)
    enrol(db, school_class, *students)
    make_assignment(db, make_set(db, teacher, seeded_questions(db, 2)), [school_class])
    return school_class


def _page(client, count_queries, school_class) -> tuple[str, int]:
    with count_queries() as queries:
        response = client.get(f"/teach/classes/{school_class.id}/mastery")
    assert response.status_code == 200
    return response.get_data(as_text=True), len(queries)


def test_the_heatmap_groups_by_article_and_costs_the_same_for_a_bigger_class(
    db, client, make_teacher, make_student, login, count_queries
):
    teacher = make_teacher()
    one = make_student()
    bulk_history(db.session, one.id, responses=20, reviews=20)
    small = _class(db, teacher, [one], "Small")
    crowd = [make_student() for _ in range(8)]
    for number, student in enumerate(crowd):
        bulk_history(db.session, student.id, responses=400, reviews=300, seed=number + 2)
    large = _class(db, teacher, crowd, "Large")
    garden, _ = import_article(
        db.session, ArticleSource(slug="garden", text=GARDEN, owner_id=teacher.id), publish=False
    )
    db.session.add(ArticleShare(article_id=garden.id, class_id=large.id))
    db.session.commit()
    login(client, teacher)

    small_page, small_count = _page(client, count_queries, small)
    large_page, large_count = _page(client, count_queries, large)
    assert small_count == large_count <= MAX_QUERIES, (small_count, large_count)
    headings = re.findall(r'<h2 id="article-\d+">([^<]+)</h2>', large_page)
    assert len(headings) == 2 and garden.title in headings
    seed_only = re.findall(r'<h2 id="article-\d+">([^<]+)</h2>', small_page)
    assert len(seed_only) == 1 and seed_only[0] in headings and garden.title not in seed_only
    # Cells carry their word, so one right answer never reads as mastered.
    words = set(re.findall(r'<span\s+class="meta word">([^<]+)</span>', large_page))
    assert words and words <= {"too early to tell", "weak", "learning", "likely known", "mastered"}
