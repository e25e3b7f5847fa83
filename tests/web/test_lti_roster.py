"""Names and Role Provisioning, played by a whole platform: the course's members fetched with
the tool's access token, its active learners enrolled (accounts made and linked as a launch
would), instructors and inactive members left out; by command and by the class page's button."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import Enrollment, LtiUserLink, SchoolClass, User
from tests.web.lti_platform import INSTRUCTOR, LEARNER, launch, start_platform

NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
MEMBERS = [
    {"user_id": "l-1", "roles": [LEARNER], "name": "Ada Learner", "email": "ada@school.example"},
    {"user_id": "l-2", "roles": [LEARNER], "given_name": "Bo", "family_name": "Chen"},
    {"user_id": "l-3", "roles": [LEARNER], "status": "Inactive", "name": "Gone"},
    {"user_id": "t-1", "roles": [INSTRUCTOR], "name": "Grace Teacher"},
    {"roles": [LEARNER], "name": "No id"},
]


@pytest.fixture(scope="module")
def lms():
    platform = start_platform()
    yield platform
    platform.server.shutdown()


@pytest.fixture
def course(app, lms, db):
    """A course opened by its instructor, whose launch names the membership service."""
    lms.register(db.session)
    browser = app.test_client()
    service = {
        NRPS: {"context_memberships_url": lms.url("/memberships"), "service_versions": ["2.0"]}
    }
    launch(browser, lms, [INSTRUCTOR], sub="t-1", email="t@school.example", **service)
    lms.serve("/token", (200, {"access_token": "token-nrps"}))
    memberships = lms.serve("/memberships", (200, {"id": "m", "members": MEMBERS}))
    return {"browser": browser, "memberships": memberships}


def _enrolled_names(db) -> list[str]:
    db.session.expire_all()
    return sorted(
        db.session.scalars(
            sa.select(User.display_name).join(Enrollment, Enrollment.student_id == User.id)
        )
    )


def test_the_command_enrols_the_courses_active_learners_once(runner, db, course):
    result = runner.invoke(args=["lti", "sync-roster", "--all"])
    assert result.exit_code == 0, result.output
    assert "2 learners enrolled, 0 already in the class, 3 members skipped" in result.output
    assert _enrolled_names(db) == ["Ada Learner", "Bo Chen"]
    assert course["memberships"].received[-1]["headers"]["Authorization"] == "Bearer token-nrps"
    again = runner.invoke(args=["lti", "sync-roster", "--all"])
    assert "0 learners enrolled, 2 already in the class" in again.output
    assert _enrolled_names(db) == ["Ada Learner", "Bo Chen"]
    # A learner's later launch finds the account the roster made.
    subjects = db.session.scalars(sa.select(LtiUserLink.subject).order_by(LtiUserLink.subject))
    assert list(subjects) == ["l-1", "l-2", "t-1"]


def test_the_class_page_button_syncs_the_roster(db, course):
    browser = course["browser"]
    class_id = db.session.scalar(sa.select(SchoolClass.id))
    page = browser.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    assert f"/lti/classes/{class_id}/roster" in page
    response = browser.post(f"/lti/classes/{class_id}/roster", follow_redirects=True)
    assert response.status_code == 200
    assert "2 learners enrolled" in response.get_data(as_text=True)
    assert _enrolled_names(db) == ["Ada Learner", "Bo Chen"]


def test_an_lms_that_refuses_the_roster_changes_nothing(runner, lms, db, course):
    lms.serve("/memberships", (503, {}))
    result = runner.invoke(args=["lti", "sync-roster", "--all"])
    assert result.exit_code != 0
    assert "did not give the course's roster" in result.output
    assert _enrolled_names(db) == []
    class_id = db.session.scalar(sa.select(SchoolClass.id))
    response = course["browser"].post(f"/lti/classes/{class_id}/roster")
    assert response.status_code == 502
    assert _enrolled_names(db) == []


def test_a_class_without_an_lms_has_no_roster_to_sync(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    school_class = SchoolClass(teacher_id=teacher.id, name="Plain", join_code="PLAIN123")
    db.session.add(school_class)
    db.session.commit()
    assert "/lti/classes/" not in client.get(f"/teach/classes/{school_class.id}").get_data(
        as_text=True
    )
    assert client.post(f"/lti/classes/{school_class.id}/roster").status_code == 409
