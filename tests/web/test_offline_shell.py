"""Installable and offline: the manifest, its icons, the service worker and the offline page."""

from __future__ import annotations

import struct


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_page_links_the_manifest_and_registers_the_worker(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'data-worker="/sw.js"' in page and 'data-scope="/"' in page


def test_manifest_makes_the_app_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json()
    assert manifest["name"] and manifest["short_name"]
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/study" and manifest["theme_color"].startswith("#")
    sizes = {}
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        image = client.get(icon["src"])
        assert image.status_code == 200
        width, height = _png_size(image.data)
        assert icon["sizes"] == f"{width}x{height}"
        sizes[width] = icon
    assert {192, 512} <= set(sizes)


def test_service_worker_is_served_from_the_root_and_versioned(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert response.headers["Cache-Control"] == "no-cache"
    script = response.get_data(as_text=True)
    assert 'const CACHE = "quizapp-shell-" + VERSION;' in script
    assert '"/offline"' in script and "/static/js/offline.js" in script
    # Every file it caches is there to cache.
    for name in ("css/app.css", "js/offline.js", "js/offline-store.js", "icons/icon-512.png"):
        assert client.get(f"/static/{name}").status_code == 200


def test_offline_page_is_a_shell_that_names_nobody(client):
    response = client.get("/offline")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Study offline" in page and "Waiting to sync" in page
    assert "js/offline.js" in page
