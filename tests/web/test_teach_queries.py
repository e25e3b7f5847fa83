"""The gradebook, item analysis and the other class pages issue the same number of SQL queries
for a small class and a bigger one: nothing is fetched per student, attempt or response."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import QuizSetItem, Topic, User
from tests.builders import (
    class_with_history,
    make_set,
    seeded_questions,
)

PAGES = [
    "/teach/classes/{c}/gradebook",
    "/teach/assignments/{a}/analysis",
    "/teach/assignments/{a}/analysis?attempts=all",
    "/teach/classes/{c}/mastery",
    "/teach/classes/{c}/students/{s}",
    "/teach/classes/{c}/gradebook.csv",
    "/teach/classes/{c}/responses.csv",
    "/teach/assignments/{a}/responses.csv",
]
BOUND = 10  # a page's queries, including loading the logged-in user


def _counts(client, db, count_queries, school_class, student, assignment):
    counts = {}
    for page in PAGES:
        url = page.format(c=school_class, a=assignment, s=student)
        client.get(url)  # the first view submits timed-out attempts; count the steady state
        # The tests share one app context, hence one session, with the requests: start afresh
        # so that nothing is served from the identity map.
        db.session.remove()
        with count_queries() as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[page] = len(queries)
    return counts


def test_class_pages_issue_a_bounded_number_of_queries(
    client, db, make_teacher, make_student, count_queries, login
):
    teacher = make_teacher()
    small = class_with_history(db, teacher, make_student, students=3, assignments=2)
    big = class_with_history(db, teacher, make_student, students=12, assignments=5)
    login(client, teacher)
    small_ids = small[0].id, small[1][0].id, small[2][0].id
    big_ids = big[0].id, big[1][1].id, big[2][-1].id
    small_counts = _counts(client, db, count_queries, *small_ids)
    big_counts = _counts(client, db, count_queries, *big_ids)
    assert small_counts == big_counts
    assert max(big_counts.values()) <= BOUND, big_counts


def _builder_counts(client, db, count_queries, teacher_id, questions: int, draws: int):
    teacher = db.session.get(User, teacher_id)
    quiz_set = make_set(db, teacher, seeded_questions(db, questions), title=f"{questions} items")
    topic = db.session.scalar(sa.select(Topic).order_by(Topic.id).limit(1))
    for _ in range(draws):
        quiz_set.items.append(
            QuizSetItem(position=len(quiz_set.items) + 1, topic_id=topic.id, draw_count=1)
        )
    db.session.commit()
    counts = {}
    for page in (f"/teach/sets/{quiz_set.id}", f"/teach/sets/{quiz_set.id}/preview"):
        db.session.remove()
        with count_queries() as queries:
            response = client.get(page)
        assert response.status_code == 200, page
        counts[page.replace(str(quiz_set.id), "S")] = len(queries)
    return counts


def test_the_set_builder_and_preview_cost_the_same_for_any_set_size(
    client, db, make_teacher, count_queries, login
):
    teacher = make_teacher()
    login(client, teacher)
    teacher_id = teacher.id
    small = _builder_counts(client, db, count_queries, teacher_id, questions=4, draws=1)
    big = _builder_counts(client, db, count_queries, teacher_id, questions=25, draws=5)
    assert small == big
    assert max(big.values()) <= BOUND, big
