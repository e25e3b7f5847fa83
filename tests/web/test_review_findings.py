"""Findings of a security and correctness review of the JSON API, the LTI tool and offline
sync: each test fails without its fix."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import LtiPlatform, LtiResourceLink, LtiUserLink, Question
from quizapp.services.lti_grades import queue_grade
from quizapp.services.lti_launches import LaunchFacts, apply_launch
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


def _grades_queries(client, count_queries, headers, class_id: int) -> int:
    with count_queries() as queries:
        response = client.get(f"/api/v1/classes/{class_id}/grades", headers=headers)
    assert response.status_code == 200, response.get_json()
    return len(queries)


def test_the_api_gradebook_costs_the_same_queries_for_one_assignment_or_many(
    client, db, make_teacher, make_student, count_queries
):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, make_student())
    quiz_set = make_set(db, teacher, seeded_questions(db, 1, "true_false"))
    make_assignment(db, quiz_set, [school_class])
    headers, class_id = bearer(db, teacher, "read"), school_class.id
    # The first call notes the token's use (a write): measured from the second on.
    _grades_queries(client, count_queries, headers, class_id)
    db.session.close()  # a cold identity map, as a new request has
    one = _grades_queries(client, count_queries, headers, class_id)
    for _ in range(3):
        make_assignment(db, db.session.merge(quiz_set), [db.session.merge(school_class)])
    db.session.close()
    assert _grades_queries(client, count_queries, headers, class_id) == one


DEEP_JSON = "[" * 50_000 + "]" * 50_000  # 100 KB, within the body limit; too deep to parse


def test_json_nested_too_deeply_is_a_400_not_a_500(client, db, make_student, login):
    student = make_student()
    json_body = {"Content-Type": "application/json"}
    api = client.post(
        "/api/v1/reviews",
        data=DEEP_JSON,
        headers={**bearer(db, student, "write"), **json_body, "Idempotency-Key": "deep-1"},
    )
    assert api.status_code == 400
    assert api.get_json()["errors"]["json"]
    login(client, student)
    for path, body in [
        ("/offline/sync", '{"events": ' + DEEP_JSON + "}"),
        ("/offline/practice", DEEP_JSON),
    ]:
        response = client.post(path, data=body, headers=json_body)
        assert response.status_code == 400, path
        assert response.get_json()["error"]


def test_an_items_options_come_in_an_order_that_does_not_give_the_key_away(
    client, db, make_student
):
    """Generated questions store their right options first; the API sent that order, so a
    script read every answer key off ``choices[0]``."""
    question = db.session.scalar(
        sa.select(Question)
        .where(Question.type == "single_choice", open_to_learners(Question))
        .order_by(Question.id)
        .limit(1)
    )
    stored = [dict(choice) for choice in question.choices]
    headers = bearer(db, make_student(), "read")

    def sent() -> list[str]:
        response = client.get(f"/api/v1/items/{question.id}", headers=headers)
        assert response.status_code == 200
        return response.get_json()["choices"]

    first = sent()
    try:
        for order in (stored[::-1], stored[1:] + stored[:1]):
            question.choices = order
            db.session.commit()
            assert sent() == first  # whatever the stored order (the key's), the same order
    finally:
        question.choices = stored
        db.session.commit()
    assert sorted(first) == sorted(choice["text"] for choice in stored)


def _platform(db) -> LtiPlatform:
    platform = LtiPlatform(
        name="LMS",
        issuer="https://lms.example",
        client_id="quizapp",
        auth_login_url="https://lms.example/auth",
        auth_token_url="https://lms.example/token",
        key_set_url="https://lms.example/jwks",
    )
    db.session.add(platform)
    db.session.flush()
    return platform


def test_a_grade_goes_to_the_activity_of_the_learners_own_class(db, make_teacher, make_student):
    """One assignment given to two LMS courses' classes: each learner's grade goes to their
    own course's column, never to the other course's (where they are no one, or worse)."""
    teacher, platform = make_teacher(), _platform(db)
    first, second = make_class(db, teacher), make_class(db, teacher)
    assignment = make_assignment(
        db, make_set(db, teacher, seeded_questions(db, 1, "true_false")), [first, second]
    )
    links = {}
    for school_class in (first, second):
        links[school_class.id] = LtiResourceLink(
            platform_id=platform.id,
            resource_link_id=f"activity-{school_class.id}",
            class_id=school_class.id,
            assignment_id=assignment.id,
            lineitem_url=f"https://lms.example/lineitems/{school_class.id}",
        )
        db.session.add(links[school_class.id])
    learner = make_student()
    enrol(db, second, learner)
    db.session.add(LtiUserLink(platform_id=platform.id, subject="learner-2", user_id=learner.id))
    db.session.commit()
    attempt = take(db, assignment, learner, [True])
    row = queue_grade(db.session, attempt)
    assert row is not None and row.resource_link_id == links[second.id].id
    db.session.rollback()


def test_an_activity_id_of_another_course_does_not_move_that_courses_grade_column(db):
    """A launch from one course naming an activity id already linked in another course (ids
    are unique per deployment, not per platform) gets no activity: before, it took over the
    other course's activity and rewrote where its grades go."""
    platform = _platform(db)
    instructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"

    def facts(course: str, lineitem: str) -> LaunchFacts:
        return LaunchFacts(
            subject="teacher-1",
            name="A teacher",
            email="",
            roles=(instructor,),
            context_id=course,
            context_title=course,
            resource_link_id="activity-1",
            lineitem_url=lineitem,
        )

    first = apply_launch(db.session, platform, facts("course-a", "https://lms.example/a"))
    db.session.commit()
    other = apply_launch(db.session, platform, facts("course-b", "https://lms.example/b"))
    db.session.commit()
    assert other.school_class.id != first.school_class.id
    assert other.resource_link is None
    link = db.session.get(LtiResourceLink, first.resource_link.id)
    assert (link.class_id, link.lineitem_url) == (first.school_class.id, "https://lms.example/a")
