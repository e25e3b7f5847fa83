"""Assignment and Grade Services, played by a whole platform: a teacher ties the LMS activity
to an assignment, a learner's submitted attempt puts its grade in the outbox, and
``flask lti send-grades`` posts it to the activity's line item with an access token got with
the tool's signed client-credentials JWT: retried after a 503, never lost, never sent twice."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import parse_qs

import jwt
import pytest
import sqlalchemy as sa
from jwcrypto.jwk import JWK

from quizapp.core.clock import utcnow
from quizapp.models import LtiGradeOutbox, LtiResourceLink, SchoolClass, User
from quizapp.services.lti_grades import retry_delay
from tests.builders import make_assignment, make_set, seeded_questions, take
from tests.web.lti_platform import CLIENT_ID, INSTRUCTOR, LEARNER, launch, start_platform

AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


@pytest.fixture(scope="module")
def lms():
    platform = start_platform()
    yield platform
    platform.server.shutdown()


def _ags(lms) -> dict:
    return {AGS: {"scope": [SCORE], "lineitem": lms.url("/lineitems/1")}}


@pytest.fixture
def linked(app, lms, db):
    """A course whose activity opens an assignment (three true/false questions, highest
    grade), its teacher and one learner launched in, each with their own browser."""
    lms.register(db.session)
    teacher_browser, learner_browser = app.test_client(), app.test_client()
    response, _, _ = launch(
        teacher_browser, lms, [INSTRUCTOR], sub="t-1", email="t@school.example", **_ags(lms)
    )
    link_page = response.headers["Location"]
    school_class = db.session.scalar(sa.select(SchoolClass))
    teacher = db.session.get(User, school_class.teacher_id)
    quiz_set = make_set(db, teacher, seeded_questions(db, 3, "true_false"))
    assignment = make_assignment(db, quiz_set, [school_class])
    chosen = teacher_browser.post(link_page, data={"assignment": assignment.id})
    assert chosen.status_code == 302
    response, _, _ = launch(learner_browser, lms, [LEARNER], sub="l-1", **_ags(lms))
    assert response.status_code == 302
    learner = db.session.scalar(sa.select(User).where(User.email == "ada@school.example"))
    return {"assignment": assignment, "learner": learner, "browser": learner_browser}


def _outbox(db) -> list[LtiGradeOutbox]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(LtiGradeOutbox).order_by(LtiGradeOutbox.id)))


def test_a_submitted_attempt_queues_its_grade_once(db, linked):
    attempt = take(db, linked["assignment"], linked["learner"], [True, True, False], submit=False)
    browser = linked["browser"]
    assert browser.post(f"/quiz/{attempt.id}/submit").status_code == 302
    assert browser.post(f"/quiz/{attempt.id}/submit").status_code == 302  # again: no new row
    [row] = _outbox(db)
    assert (row.subject, row.score_maximum, row.sent_at) == ("l-1", 100.0, None)
    assert row.score_given == pytest.approx(66.67)


def test_the_grade_is_posted_after_a_503_and_never_twice(app, runner, lms, db, linked):
    lms.serve("/token", (200, {"access_token": "token-1", "token_type": "Bearer"}))
    scores = lms.serve("/lineitems/1/scores", (503, {}), (200, {}))
    take(db, linked["assignment"], linked["learner"], [True, False, False])  # closed, no route

    first = runner.invoke(args=["lti", "send-grades"])
    assert "1 grades queued, 0 sent, 1 to retry" in first.output, first.output
    assert "HTTP 503" in first.output
    [row] = _outbox(db)
    assert row.tries == 1 and row.sent_at is None and row.next_try_at > utcnow()
    # Not due yet: nothing is posted.
    assert "0 sent, 0 to retry" in runner.invoke(args=["lti", "send-grades"]).output
    assert len(scores.received) == 1

    row.next_try_at = utcnow() - timedelta(seconds=1)  # the back-off has passed
    db.session.commit()
    assert "1 sent" in runner.invoke(args=["lti", "send-grades"]).output
    assert "0 sent" in runner.invoke(args=["lti", "send-grades"]).output
    assert len(scores.received) == 2
    posted = scores.received[-1]
    assert posted["headers"]["Authorization"] == "Bearer token-1"
    assert posted["headers"]["Content-Type"] == "application/vnd.ims.lis.v1.score+json"
    body = json.loads(posted["body"])
    assert body["userId"] == "l-1" and body["scoreMaximum"] == 100.0
    assert body["scoreGiven"] == pytest.approx(33.33)
    assert body["activityProgress"] == "Completed" and body["gradingProgress"] == "FullyGraded"
    [row] = _outbox(db)
    assert row.sent_at is not None and row.tries == 2


def test_the_token_request_is_signed_with_the_tools_published_key(client, runner, lms, linked):
    tokens = lms.serve("/token", (200, {"access_token": "token-2"}))
    lms.serve("/lineitems/1/scores", (200, {}))
    take(client.application.extensions["sqlalchemy"], linked["assignment"], linked["learner"])
    assert "1 sent" in runner.invoke(args=["lti", "send-grades"]).output
    form = {k: v[0] for k, v in parse_qs(tokens.received[-1]["body"]).items()}
    assert form["grant_type"] == "client_credentials"
    assert SCORE in form["scope"]
    jwks = client.get("/lti/jwks").get_json()
    public = JWK(**jwks["keys"][0]).export_to_pem()
    claims = jwt.decode(
        form["client_assertion"], public, algorithms=["RS256"], audience=lms.url("/token")
    )
    assert claims["iss"] == claims["sub"] == CLIENT_ID


def test_grades_wait_longer_after_each_failure():
    waits = [retry_delay(n) for n in range(1, 12)]
    assert waits[0] == timedelta(minutes=1) and waits == sorted(waits)
    assert waits[-1] == timedelta(hours=6)


def test_a_teacher_of_another_class_cannot_link_the_activity(app, db, linked, make_teacher, login):
    link_id = db.session.scalar(sa.select(LtiResourceLink.id))
    other = app.test_client()
    login(other, make_teacher())
    assert other.get(f"/lti/links/{link_id}").status_code == 404
    assert other.post(f"/lti/links/{link_id}", data={"assignment": 1}).status_code == 404


def test_a_grade_of_a_set_with_feedback_after_the_due_date_waits_for_it(runner, lms, db, linked):
    assignment = linked["assignment"]
    assignment.quiz_set.feedback = "after_due"
    db.session.commit()
    scores = lms.serve("/lineitems/1/scores", (200, {}))
    take(db, assignment, linked["learner"])
    assert "1 grades queued, 0 sent" in runner.invoke(args=["lti", "send-grades"]).output
    [row] = _outbox(db)
    assert row.next_try_at == assignment.due_at and scores.received == []
