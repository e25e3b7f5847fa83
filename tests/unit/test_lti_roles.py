"""The quizapp role an LMS user gets from the LTI roles claim."""

from __future__ import annotations

import pytest

from quizapp.config import InvalidSetting, check_settings, settings_from_environment
from quizapp.core.lti_roles import quizapp_role

LIS = "http://purl.imsglobal.org/vocab/lis/v2/"


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ([LIS + "membership#Learner"], "student"),
        ([LIS + "institution/person#Student"], "student"),
        ([LIS + "membership#Instructor"], "teacher"),
        ([LIS + "membership/Instructor#TeachingAssistant"], "teacher"),
        ([LIS + "membership#Learner", LIS + "membership#Instructor"], "teacher"),
        ([LIS + "membership#Mentor"], None),
        ([LIS + "system/person#Guest"], None),
        ([], None),
        ([3, None], None),
        (["Instructor"], "teacher"),  # a simple name is a context role (LTI 1.3 5.3.2)
        (["urn:lti:role:ims/lis/Instructor"], "teacher"),
        # A role outside the course makes no teacher: a learner of this course who teaches
        # elsewhere in the school, or an LMS administrator, is a learner here or no one.
        ([LIS + "membership#Learner", LIS + "institution/person#Instructor"], "student"),
        ([LIS + "institution/person#Instructor"], None),
        ([LIS + "system/person#Administrator"], None),
        ([LIS + "institution/person#Administrator", LIS + "membership#Learner"], "student"),
        (["urn:lti:instrole:ims/lis/Instructor"], None),
    ],
)
def test_roles_map_to_quizapp_roles(roles, expected):
    assert quizapp_role(roles) == expected


def test_iframe_cookies_need_https():
    settings = settings_from_environment({"LTI_IFRAME_COOKIES": "yes"})
    with pytest.raises(InvalidSetting, match="LTI_IFRAME_COOKIES needs PREFERRED_URL_SCHEME"):
        check_settings(settings)
    https = settings_from_environment(
        {
            "LTI_IFRAME_COOKIES": "yes",
            "PREFERRED_URL_SCHEME": "https",
            "BASE_URL": "https://quiz.example.org",
        }
    )
    check_settings(https)
