"""Installable: the checks Lighthouse's installability audit makes, by hand in Chromium."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import serious_violations, wait_until_true


def test_worker_controls_the_page_and_keeps_the_shell(page, live_server):
    page.goto("/offline")
    manifest_href = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = page.request.get(manifest_href).json()
    assert manifest["display"] == "standalone" and manifest["start_url"]
    for icon in manifest["icons"]:
        assert page.request.get(icon["src"]).ok
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    # The worker activates and claims the page it was registered from.
    wait_until_true(page, "navigator.serviceWorker.controller !== null")
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == live_server + "/"
    cached = page.evaluate(
        """async () => {
          const names = await caches.keys();
          const cache = await caches.open(names.find((n) => n.startsWith("quizapp-shell-")));
          return (await cache.keys()).map((r) => new URL(r.url).pathname);
        }"""
    )
    assert "/offline" in cached and "/static/js/offline.js" in cached
    expect(page.locator("#offline-study")).to_have_attribute("data-ready", "1")
    assert serious_violations(page) == []
