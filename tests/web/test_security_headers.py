"""Security headers on every response; no caching of personal pages and exports; Secure
cookies and HSTS over https."""

from __future__ import annotations

from quizapp import create_app


def test_every_page_carries_a_strict_csp_and_the_other_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "no-store" not in response.headers.get("Cache-Control", "")  # anonymous: cacheable


def test_logged_in_pages_and_exports_are_not_stored(client, make_student, login):
    login(client, make_student())
    for path in ("/", "/study", "/cards/export.apkg"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path


def test_teacher_csv_export_is_not_stored(client, make_teacher, db, login):
    from tests.builders import make_class

    teacher = make_teacher()
    school_class = make_class(db, teacher)
    login(client, teacher)
    response = client.get(f"/teach/classes/{school_class.id}/gradebook.csv")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_https_makes_cookies_secure_and_adds_hsts(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "PREFERRED_URL_SCHEME": "https",
            "BASE_URL": "https://localhost",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'h.sqlite'}",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/healthz", base_url="https://localhost")
    assert "max-age=" in response.headers["Strict-Transport-Security"]
