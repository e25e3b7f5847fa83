"""LTI 1.3 launches played by a whole platform (its keys, its JWKS on a local server): the
learner and the instructor land on their class; every forged, replayed or stale launch is
refused with a clear page, logged, and changes nothing."""

from __future__ import annotations

import logging
import time

import pytest
import sqlalchemy as sa

from quizapp.models import Enrollment, LtiContextLink, LtiUserLink, SchoolClass, User
from tests.web.lti_platform import (
    CLIENT_ID,
    INSTRUCTOR,
    LEARNER,
    launch,
    login_initiation,
    other_key,
    start_platform,
)


@pytest.fixture(scope="module")
def lms():
    platform = start_platform()
    yield platform
    platform.server.shutdown()


@pytest.fixture
def registered(lms, db):
    return lms.register(db.session)


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_login_initiation_redirects_to_the_platform_with_state_and_nonce(client, lms, registered):
    state, nonce = login_initiation(client, lms)
    assert state.startswith("state-") and nonce
    assert client.get_cookie(f"lti1p3-{state}").value == state


def test_instructor_launch_makes_a_teacher_and_the_course_class(client, lms, registered, db):
    response, _, _ = launch(client, lms, [INSTRUCTOR], sub="teacher-1", name="Grace Teacher")
    assert response.status_code == 302
    school_class = db.session.scalar(sa.select(SchoolClass))
    assert school_class.name == "History 7B"
    # The activity is new: the teacher first picks which assignment of the class it opens.
    link_page = response.headers["Location"]
    assert link_page.startswith("/lti/links/")
    assert "The class has no assignment yet" in client.get(link_page).get_data(as_text=True)
    teacher = db.session.get(User, school_class.teacher_id)
    assert (teacher.role, teacher.display_name) == ("teacher", "Grace Teacher")
    page = client.get(f"/teach/classes/{school_class.id}")
    assert page.status_code == 200 and "History 7B" in page.get_data(as_text=True)
    # Inside the LMS's frame: the pages allow its origin, and no other.
    policy = page.headers["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {lms.issuer}" in policy
    assert "X-Frame-Options" not in page.headers


def test_learner_launch_enrols_the_learner_in_the_course_class(app, lms, registered, db):
    teacher_client, learner_client = app.test_client(), app.test_client()
    launch(teacher_client, lms, [INSTRUCTOR], sub="teacher-1", email="grace@school.example")
    response, _, _ = launch(learner_client, lms, [LEARNER], sub="learner-1")
    assert response.status_code == 302 and response.headers["Location"] == "/assignments"
    learner = db.session.scalar(
        sa.select(User).join(LtiUserLink).where(LtiUserLink.subject == "learner-1")
    )
    assert (learner.role, learner.email) == ("student", "ada@school.example")
    school_class = db.session.scalar(sa.select(SchoolClass))
    enrolled = db.session.scalars(sa.select(Enrollment.student_id)).all()
    assert enrolled == [learner.id]
    assert learner_client.get("/assignments").status_code == 200
    # The second launch finds the same account and class, and enrols no one twice.
    again, _, _ = launch(learner_client, lms, [LEARNER], sub="learner-1")
    assert again.status_code == 302
    assert _count(db, User) == 2 and _count(db, Enrollment) == 1
    assert _count(db, LtiContextLink) == 1 and school_class.teacher_id != learner.id


def test_two_deployments_naming_a_course_alike_get_two_classes(app, lms, db):
    """Context and activity ids are unique only within a deployment (LTI 1.3 core): a course
    of another deployment of the same LMS with the same id is another course."""
    lms.register(db.session, deployment_ids=("deployment-1", "deployment-2"))
    first, second = app.test_client(), app.test_client()
    claim = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"
    launch(first, lms, [INSTRUCTOR], sub="teacher-1", email="a@school.example")
    launch(
        second,
        lms,
        [INSTRUCTOR],
        sub="teacher-2",
        email="b@school.example",
        **{claim: "deployment-2"},
    )
    links = db.session.execute(
        sa.select(LtiContextLink.deployment_id, LtiContextLink.class_id).order_by(LtiContextLink.id)
    ).all()
    assert [d for d, _ in links] == ["deployment-1", "deployment-2"]
    assert links[0].class_id != links[1].class_id
    # A learner of the second deployment lands in the second course's class only.
    learner = app.test_client()
    launch(learner, lms, [LEARNER], sub="learner-9", **{claim: "deployment-2"})
    enrolled = db.session.scalars(sa.select(Enrollment.class_id)).all()
    assert enrolled == [links[1].class_id]


def test_learner_before_any_instructor_is_told_to_wait(client, lms, registered, db):
    response, _, _ = launch(client, lms, [LEARNER], sub="learner-1")
    assert response.status_code == 409
    assert "Your teacher has not opened quizapp" in response.get_data(as_text=True)
    assert _count(db, User) == 0  # nothing half-made


def test_an_lms_email_of_an_existing_account_is_not_taken_over(client, lms, registered, db):
    owner = db.session.scalar(sa.select(sa.func.count(User.id)))
    assert owner == 0
    db.session.add(User(email="ada@school.example", display_name="Ada", password_hash="x"))
    db.session.commit()
    launch(client, lms, [INSTRUCTOR], sub="teacher-1")
    linked = db.session.scalar(sa.select(User).join(LtiUserLink))
    assert linked.email.endswith("@lti.invalid")


def _refused(response, words: str, caplog) -> None:
    text = response.get_data(as_text=True)
    assert response.status_code in (400, 403), text
    assert words in text
    assert any("LTI lti.launch refused" in r.getMessage() for r in caplog.records)


@pytest.fixture
def refusals(caplog):
    caplog.set_level(logging.WARNING, logger="quizapp")
    return caplog


def test_a_replayed_launch_is_refused(client, lms, registered, db, refusals):
    first, token, state = launch(client, lms, [INSTRUCTOR], sub="teacher-1")
    assert first.status_code == 302
    replay = client.post("/lti/launch", data={"id_token": token, "state": state})
    _refused(replay, "used already", refusals)


def test_a_token_for_another_client_is_refused(client, lms, registered, db, refusals):
    response, _, _ = launch(client, lms, [INSTRUCTOR], aud="someone-else", azp=None)
    _refused(response, "No LMS is registered with this issuer and client id", refusals)
    assert _count(db, User) == 0


def test_an_azp_that_is_not_the_client_is_refused(client, lms, registered, db, refusals):
    response, _, _ = launch(client, lms, [INSTRUCTOR], aud=[CLIENT_ID, "x"], azp="x")
    _refused(response, "No LMS is registered with this issuer and client id", refusals)


def test_an_expired_token_is_refused(client, lms, registered, db, refusals):
    past = int(time.time()) - 3600
    response, _, _ = launch(client, lms, [INSTRUCTOR], exp=past, iat=past - 60)
    _refused(response, "This launch has expired", refusals)
    assert _count(db, User) == 0


def test_an_unknown_deployment_is_refused(client, lms, registered, db, refusals):
    deployment = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"
    response, _, _ = launch(client, lms, [INSTRUCTOR], **{deployment: "not-registered"})
    _refused(response, "deployment of quizapp is not registered", refusals)
    assert _count(db, User) == 0


def test_a_tampered_signature_is_refused(client, lms, registered, db, refusals):
    def tampered(claims):
        header, body, signature = lms.sign(claims).split(".")
        flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
        return ".".join([header, body, flipped])

    response, _, _ = launch(client, lms, [INSTRUCTOR], sign=tampered)
    _refused(response, "signature does not match", refusals)


def test_a_token_signed_by_another_key_is_refused(client, lms, registered, db, refusals):
    response, _, _ = launch(
        client, lms, [INSTRUCTOR], sign=lambda claims: lms.sign(claims, other_key())
    )
    _refused(response, "signature does not match", refusals)
    assert _count(db, User) == 0


def test_a_launch_without_its_login_state_is_refused(app, lms, registered, db, refusals):
    response, token, state = launch(app.test_client(), lms, [INSTRUCTOR])
    stranger = app.test_client()  # no state cookie: not the browser that started the login
    _refused(
        stranger.post("/lti/launch", data={"id_token": token, "state": state}),
        "did not start from a login here",
        refusals,
    )


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"state": "x"},
        {"state": "x", "id_token": "a.b"},
        {"state": "x", "id_token": "W10.W10.x"},
    ],
)
def test_malformed_launches_are_a_4xx(client, registered, form, refusals):
    response = client.post("/lti/launch", data=form)
    assert response.status_code in (400, 403)


def test_a_login_from_an_unregistered_issuer_is_refused(client, lms, db, refusals):
    response = client.post(
        "/lti/login", data={"iss": lms.issuer, "login_hint": "x", "client_id": CLIENT_ID}
    )
    assert response.status_code == 400
    assert "No LMS is registered" in response.get_data(as_text=True)


def test_the_refusal_page_may_show_in_a_registered_platforms_frame(client, lms, registered):
    response = client.post("/lti/launch", data={})
    assert f"frame-ancestors 'self' {lms.issuer}" in response.headers["Content-Security-Policy"]


def test_pages_outside_an_lms_session_stay_unframeable(client):
    response = client.get("/auth/login")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_on_https_with_iframe_cookies_the_session_cookie_is_samesite_none(tmp_path):
    from quizapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}",
            "PREFERRED_URL_SCHEME": "https",
            "BASE_URL": "https://quiz.example.org",
            "LTI_IFRAME_COOKIES": True,
        }
    )
    assert app.config["SESSION_COOKIE_SAMESITE"] == "None"
    assert app.config["SESSION_COOKIE_SECURE"] is True
