"""A live server on a free port and a headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; CI installs Debian's chromium.")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, db, request):
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{request.node.name}.png"), full_page=True)
    context.close()


def serious_violations(page) -> list[str]:
    """axe-core violations of serious or critical impact on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    # A check right after a click that navigates would otherwise run on a page still being
    # replaced ("Cannot read properties of null (reading 'documentElement')" on a busy machine).
    page.wait_for_load_state("load")
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]


def log_in_after_sign_up(page, email: str, password: str) -> None:
    """Sign-up ends on the login page (it never tells whether an email had an account)."""
    from playwright.sync_api import expect

    expect(page.locator(".flashes")).to_contain_text("Your account is ready")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # Logged in, the account lands on its home (on a phone, Log out waits behind Menu).
    expect(page).to_have_url(re.compile(r"/(study|teach/)$"))


def wait_until_true(page, expression: str, timeout_s: float = 10.0) -> None:
    """Polls ``expression`` with ``page.evaluate`` until it is true. Playwright's
    ``wait_for_function`` builds its predicate with ``new Function`` inside the page, which the
    app's CSP (no 'unsafe-eval') refuses now and then; ``evaluate`` runs through the debugger
    protocol, which the CSP does not govern."""
    import time

    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s} s: {expression}")
        page.wait_for_timeout(50)
