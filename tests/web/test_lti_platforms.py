"""An admin registers an LMS in the browser or with ``flask lti register``; the tool's URLs to
paste are shown, its JWKS serves the tool's public key (made once), never the private one."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import LtiDeployment, LtiPlatform, LtiToolKey
from tests.builders import make_user

FORM = {
    "name": "Moodle of the school",
    "issuer": "https://moodle.school.example",
    "client_id": "abc123",
    "deployment_ids": "1\n2\n",
    "auth_login_url": "https://moodle.school.example/mod/lti/auth.php",
    "auth_token_url": "https://moodle.school.example/mod/lti/token.php",
    "key_set_url": "https://moodle.school.example/mod/lti/certs.php",
}


def test_an_admin_registers_a_platform_and_sees_the_urls_to_paste(client, db, login):
    admin = make_user(db.session, "admin")
    login(client, admin)
    page = client.get("/lti/platforms").get_data(as_text=True)
    for url in ("http://localhost/lti/launch", "http://localhost/lti/login", "/lti/jwks"):
        assert url in page
    response = client.post("/lti/platforms", data=FORM, follow_redirects=True)
    assert response.status_code == 200
    assert "Moodle of the school registered" in response.get_data(as_text=True)
    platform = db.session.scalar(sa.select(LtiPlatform))
    assert [d.deployment_id for d in platform.deployments] == ["1", "2"]
    # Again, with a new deployment: updated, nothing doubled.
    client.post("/lti/platforms", data={**FORM, "deployment_ids": "3"})
    assert db.session.scalar(sa.select(sa.func.count(LtiPlatform.id))) == 1
    assert db.session.scalar(sa.select(sa.func.count(LtiDeployment.id))) == 3


def test_a_bad_address_is_a_400_and_registers_nothing(client, db, login):
    login(client, make_user(db.session, "admin"))
    response = client.post("/lti/platforms", data={**FORM, "key_set_url": "ftp://x"})
    assert response.status_code == 400
    assert "public keyset (JWKS) URL must be an https:// address" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(LtiPlatform.id))) == 0


def test_only_admins_reach_the_platforms(client, db, login):
    assert client.get("/lti/platforms").status_code == 302  # to the login page
    login(client, make_user(db.session, "teacher"))
    assert client.get("/lti/platforms").status_code == 403
    assert client.post("/lti/platforms", data=FORM).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(LtiPlatform.id))) == 0


def test_an_admin_removes_a_platform(client, db, login):
    login(client, make_user(db.session, "admin"))
    client.post("/lti/platforms", data=FORM)
    platform_id = db.session.scalar(sa.select(LtiPlatform.id))
    assert client.post(f"/lti/platforms/{platform_id}/delete").status_code == 302
    assert client.post(f"/lti/platforms/{platform_id}/delete").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count(LtiDeployment.id))) == 0


def test_the_command_registers_a_platform_and_prints_the_urls(runner, db):
    args = ["lti", "register", "--name", "Canvas", "--issuer", "https://canvas.instructure.com"]
    args += ["--client-id", "10000000000001", "--deployment-id", "7:abc"]
    args += ["--login-url", "https://sso.canvaslms.com/api/lti/authorize_redirect"]
    args += ["--token-url", "https://sso.canvaslms.com/login/oauth2/token"]
    args += ["--jwks-url", "https://sso.canvaslms.com/api/lti/security/jwks"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "Canvas registered" in result.output
    assert "OpenID Connect login initiation URL: http://localhost/lti/login" in result.output
    bad = runner.invoke(args=[*args[:-1], "not a url"])
    assert bad.exit_code != 0 and "Nothing was registered" in bad.output
    assert db.session.scalar(sa.select(sa.func.count(LtiPlatform.id))) == 1


def test_the_jwks_serves_the_one_public_key(client, db):
    first = client.get("/lti/jwks").get_json()
    second = client.get("/lti/jwks").get_json()
    assert first == second and len(first["keys"]) == 1
    key = first["keys"][0]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and "d" not in key
    assert db.session.scalar(sa.select(sa.func.count(LtiToolKey.id))) == 1
    assert "PRIVATE" not in client.get("/lti/jwks").get_data(as_text=True)


def test_the_teach_page_links_admins_to_the_platforms(client, db, login):
    login(client, make_user(db.session, "admin"))
    assert "/lti/platforms" in client.get("/teach/").get_data(as_text=True)


def test_the_lms_pages_that_change_things_need_the_sites_csrf_token(app, client, db, login):
    """Only the login and the launch come from the LMS's pages (exempt; the signed token and
    the one-time nonce stand for them); every other LTI form needs this site's token."""
    login(client, make_user(db.session, "admin"))
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        answers = [
            client.post(url, data=FORM).status_code
            for url in (
                "/lti/platforms",
                "/lti/platforms/1/delete",
                "/lti/links/1",
                "/lti/deep-link",
                "/lti/classes/1/roster",
            )
        ]
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert answers == [400] * 5
    assert db.session.scalar(sa.select(sa.func.count(LtiPlatform.id))) == 0
