"""The JSON API's resources follow the pages' permission rules: per route, the right user gets
200, the wrong one 403 (a student on a teacher's resource) or 404 (another teacher's object, an
article the caller may not read). Lists are paged, GETs revalidate with ETags, calls are rate
limited, and every error is a problem document."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Claim, Question, Topic
from quizapp.services.visibility import open_to_learners
from tests.builders import (
    bearer,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)
from tests.conftest import SEED_SLUG

TEACHING = [
    "/classes/{w.school_class.id}",
    "/classes/{w.school_class.id}/grades",
    "/quiz-sets/{w.quiz_set.id}",
    "/assignments/{w.assignment.id}",
    "/assignments/{w.assignment.id}/attempts",
]
TEACHING_LISTS = ["/classes", "/quiz-sets", "/assignments"]
CONTENT = [
    "/articles/{w.article.id}",
    "/articles/{w.article.id}/topics",
    "/topics/{w.topic.id}",
    "/topics/{w.topic.id}/claims",
    "/topics/{w.topic.id}/items",
    "/items/{w.item.id}",
]


@pytest.fixture
def world(db, make_teacher, make_student):
    owner, other, student = make_teacher(), make_teacher(), make_student()
    school_class = make_class(db, owner)
    enrol(db, school_class, student)
    quiz_set = make_set(db, owner, seeded_questions(db, 2, "true_false"))
    assignment = make_assignment(db, quiz_set, [school_class])
    take(db, assignment, student, [True, False])
    article = db.session.scalar(sa.select(Article).where(Article.slug == SEED_SLUG))
    item = db.session.scalar(
        sa.select(Question)
        .where(Question.article_id == article.id, open_to_learners(Question))
        .order_by(Question.id)
        .limit(1)
    )
    topic = db.session.get(Topic, db.session.get(Claim, item.claim_id).topic_id)
    return SimpleNamespace(
        school_class=school_class,
        quiz_set=quiz_set,
        assignment=assignment,
        article=article,
        topic=topic,
        item=item,
        owner=bearer(db, owner, "read"),
        other=bearer(db, other, "read"),
        student=bearer(db, student, "read"),
    )


def _get(client, path: str, headers, **query):
    return client.get("/api/v1" + path, headers=headers, query_string=query)


def test_the_owner_reads_each_teaching_resource(client, world):
    for path in TEACHING + TEACHING_LISTS:
        answer = _get(client, path.format(w=world), world.owner)
        assert answer.status_code == 200, path
    grades = _get(client, f"/classes/{world.school_class.id}/grades", world.owner).get_json()
    (cell,) = grades["cells"]
    assert cell["status"] == "graded" and cell["percent"] == 50.0
    attempts = _get(client, f"/assignments/{world.assignment.id}/attempts", world.owner)
    assert attempts.get_json()["total"] == 1


def test_another_teacher_gets_404_and_empty_lists(client, world):
    for path in TEACHING:
        answer = _get(client, path.format(w=world), world.other)
        assert answer.status_code == 404, path
        assert answer.content_type == "application/problem+json"
    for path in TEACHING_LISTS:
        assert _get(client, path, world.other).get_json()["total"] == 0, path


def test_a_student_gets_403_on_every_teaching_resource(client, world):
    for path in TEACHING + TEACHING_LISTS:
        answer = _get(client, path.format(w=world), world.student)
        assert answer.status_code == 403, path
        assert answer.get_json()["detail"] == "This resource is for teachers."


def test_content_follows_what_the_caller_may_read(client, db, world):
    for path in CONTENT + ["/articles", "/kinds"]:
        assert _get(client, path.format(w=world), world.student).status_code == 200, path
    item = _get(client, f"/items/{world.item.id}", world.student).get_json()
    assert item["kind"] == world.item.type and "correct" not in str(item)
    world.article.published = False  # restored by the tables' clean-up after the test
    db.session.commit()
    for path in CONTENT:
        assert _get(client, path.format(w=world), world.student).status_code == 404, path
    assert _get(client, "/articles", world.student).get_json()["total"] == 0


def test_an_item_whose_choices_are_its_key_lists_no_choices(client, db, world):
    """A numerical question keeps its accepted values among its choices: the API must not
    hand a learner the answer key."""
    kept = (world.item.type, world.item.choices)
    world.item.type = "numerical"
    world.item.choices = [
        {"id": "a", "text": "3.14", "correct": True, "fraction": 100.0, "tolerance": 0.01}
    ]
    db.session.commit()
    try:
        item = _get(client, f"/items/{world.item.id}", world.student).get_json()
        assert item["kind"] == "numerical" and item["choices"] == []
        assert "3.14" not in str(item)
    finally:
        world.item.type, world.item.choices = kept  # a seeded row: put back as it was
        db.session.commit()


def test_a_teachers_own_item_is_not_an_item_for_learners(client, db, world):
    origin, world.item.origin = world.item.origin, "teacher"
    db.session.commit()
    try:
        assert _get(client, f"/items/{world.item.id}", world.student).status_code == 404
    finally:
        world.item.origin = origin  # a seeded row: put back as it was
        db.session.commit()


def test_lists_are_paged_with_an_envelope_and_link_headers(client, world):
    path = f"/articles/{world.article.id}/topics"
    first = _get(client, path, world.student, per_page=2)
    body = first.get_json()
    assert len(body["items"]) == 2 and body["page"] == 1 and body["total"] > 2
    assert 'rel="next"' in first.headers["Link"] and 'rel="prev"' not in first.headers["Link"]
    second = _get(client, path, world.student, per_page=2, page=2).get_json()
    assert {t["id"] for t in second["items"]}.isdisjoint({t["id"] for t in body["items"]})
    too_many = _get(client, path, world.student, per_page=101)
    assert too_many.status_code == 422
    assert too_many.get_json()["errors"]["query"]["per_page"]


def test_a_get_revalidates_with_its_etag(client, world):
    first = _get(client, "/articles", world.student)
    etag = first.headers["ETag"]
    again = client.get("/api/v1/articles", headers={**world.student, "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other = client.get("/api/v1/kinds", headers={**world.student, "If-None-Match": etag})
    assert other.status_code == 200


def test_too_many_calls_get_429_with_retry_after(app, client, world):
    app.config["RATE_LIMIT_API_PER_TOKEN"] = "2 per minute"
    try:
        answers = [_get(client, "/kinds", world.student) for _ in range(3)]
    finally:
        app.config["RATE_LIMIT_API_PER_TOKEN"] = "300 per minute; 10000 per hour"
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert int(answers[2].headers["Retry-After"]) > 0
    assert answers[2].get_json()["status"] == 429
    assert _get(client, "/kinds", world.owner).status_code == 200  # its own counter


def test_an_unexpected_error_is_a_problem_too(app, client, world, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr("quizapp.api.content.all_kinds", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    answer = _get(client, "/kinds", world.student)
    assert answer.status_code == 500
    assert answer.content_type == "application/problem+json"
    assert "boom" not in answer.get_data(as_text=True)


def test_unknown_paths_and_methods_are_problems(client, world):
    missing = client.get("/api/v1/nothing", headers=world.student)
    assert missing.status_code == 404 and missing.get_json()["title"] == "Not Found"
    wrong = client.delete("/api/v1/articles", headers=world.student)
    assert wrong.status_code == 405 and "GET" in wrong.headers["Allow"]


def test_a_second_app_does_not_count_each_call_twice(app):
    # Each app made its own per-token limit, all counting against one scope: after three apps a
    # token was refused on its first call (seen in a parallel run).
    from quizapp import create_app
    from quizapp.extensions import limiter

    create_app({**app.config, "TESTING": True})
    limits = limiter.limit_manager._blueprint_limits
    assert all(len(limits[name]) == 1 for name in ("api_content", "api_teaching", "api_study"))
