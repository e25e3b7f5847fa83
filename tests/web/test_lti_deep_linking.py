"""Deep Linking, played by a whole platform: the instructor adds a quizapp activity, picks a
quiz set, and it goes back to the LMS as a signed LTI resource link with a grade column;
launching that activity opens the set as an assignment of the course's class."""

from __future__ import annotations

import re

import jwt
import pytest
import sqlalchemy as sa
from jwcrypto.jwk import JWK

from quizapp.models import Assignment, LtiResourceLink, SchoolClass, User
from tests.builders import make_set, seeded_questions
from tests.web.lti_platform import CLAIM, CLIENT_ID, INSTRUCTOR, LEARNER, launch, start_platform

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


@pytest.fixture(scope="module")
def lms():
    platform = start_platform()
    yield platform
    platform.server.shutdown()


def _deep_linking_request(lms) -> dict:
    return {
        CLAIM + "message_type": "LtiDeepLinkingRequest",
        CLAIM + "resource_link": None,
        DL + "deep_linking_settings": {
            "deep_link_return_url": lms.url("/deep-link-return"),
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe", "window"],
            "data": "platform-data-1",
        },
    }


def test_a_deep_linking_round(app, client, lms, db):
    lms.register(db.session)
    response, _, _ = launch(
        client, lms, [INSTRUCTOR], sub="t-1", email="t@school.example", **_deep_linking_request(lms)
    )
    assert response.status_code == 302 and response.headers["Location"] == "/lti/deep-link"
    teacher = db.session.scalar(sa.select(User).where(User.email == "t@school.example"))
    quiz_set = make_set(db, teacher, seeded_questions(db, 3, "true_false"), title="Week 3 check")
    page = client.get("/lti/deep-link")
    assert page.status_code == 200 and "Week 3 check" in page.get_data(as_text=True)

    answer = client.post("/lti/deep-link", data={"quiz_set": quiz_set.id})
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert f'action="{lms.url("/deep-link-return")}"' in html
    assert f"form-action 'self' {lms.issuer}" in answer.headers["Content-Security-Policy"]
    token = re.search(r'name="JWT" value="([^"]+)"', html).group(1)
    public = JWK(**client.get("/lti/jwks").get_json()["keys"][0]).export_to_pem()
    message = jwt.decode(token, public, algorithms=["RS256"], audience=lms.issuer)
    assert message["iss"] == CLIENT_ID
    assert message[CLAIM + "message_type"] == "LtiDeepLinkingResponse"
    assert message[DL + "data"] == "platform-data-1"
    [item] = message[DL + "content_items"]
    assert item["type"] == "ltiResourceLink" and item["title"] == "Week 3 check"
    assert item["url"] == "http://localhost/lti/launch"
    assert item["custom"] == {"quizapp_set": str(quiz_set.id)}
    assert item["lineItem"]["scoreMaximum"] == 100
    # The choice is answered once.
    assert client.post("/lti/deep-link", data={"quiz_set": quiz_set.id}).status_code == 410

    # The LMS launches the new activity: the set is now an assignment of the course's class.
    learner_browser = app.test_client()
    custom = {CLAIM + "custom": item["custom"], CLAIM + "resource_link": {"id": "new-activity"}}
    opened, _, _ = launch(learner_browser, lms, [LEARNER], sub="l-1", **custom)
    assert opened.status_code == 302 and opened.headers["Location"] == "/assignments"
    assignment = db.session.scalar(sa.select(Assignment))
    assert assignment.quiz_set_id == quiz_set.id
    assert [c.name for c in assignment.classes] == ["History 7B"]
    link = db.session.scalar(sa.select(LtiResourceLink))
    assert link.assignment_id == assignment.id
    assert "Week 3 check" in learner_browser.get("/assignments").get_data(as_text=True)


def test_learners_cannot_deep_link(client, lms, db):
    lms.register(db.session)
    response, _, _ = launch(client, lms, [LEARNER], **_deep_linking_request(lms))
    assert response.status_code == 403
    assert "instructors add quizapp activities" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_a_set_of_another_teacher_is_never_assigned_by_a_launch(app, lms, db, make_teacher):
    lms.register(db.session)
    stranger = make_teacher()
    foreign = make_set(db, stranger, seeded_questions(db, 2, "true_false"))
    launch(app.test_client(), lms, [INSTRUCTOR], sub="t-1", email="t@school.example")
    custom = {CLAIM + "custom": {"quizapp_set": str(foreign.id)}}
    custom[CLAIM + "resource_link"] = {"id": "other-activity"}
    launch(app.test_client(), lms, [LEARNER], sub="l-1", **custom)
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0
    assert db.session.scalar(sa.select(SchoolClass.name)) == "History 7B"


def test_the_pick_page_without_a_deep_linking_launch_is_gone(client, db, make_teacher, login):
    login(client, make_teacher())
    assert client.get("/lti/deep-link").status_code == 410
