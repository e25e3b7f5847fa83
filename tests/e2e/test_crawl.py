"""Every page a student and a teacher can reach, walked in a real browser.

Starting from the main navigation, the crawl follows the links of each page (one page per URL
shape: /topics/3 and /topics/4 are one shape) as a student and as a teacher, at phone width
(390 px) and laptop width (1280 px), in the light and the dark theme. Every page must load
without a server error or a script error, fit the screen with no sideways scroll, and give axe
nothing serious or critical; on the phone every button, field and navigation link is at least
44 px tall; no page's HTML passes 60 KB. A screenshot of each goes into ``CRAWL_SCREENSHOT_DIR``
(``artifacts/crawl`` in CI, named in the README), so a new page that breaks any of this fails
here, and what it looked like is kept.
"""

from __future__ import annotations

import os
import re
from collections import deque
from urllib.parse import urlsplit

import pytest

from quizapp.services.quizzes import create_attempt
from tests.builders import PASSWORD, enrol, make_assignment, make_class, make_set, seeded_questions
from tests.builders import take as take_attempt
from tests.e2e.conftest import serious_violations

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 900}}
THEMES = ("light", "dark")
MAX_HTML_BYTES = 60_000  # the largest page a phone should have to load
MAX_PAGES = 60  # per role: far above today's count, a stop against a crawl that runs away
# Links that leave the page's world or change data: downloads, logging out, the article anchors.
SKIP = re.compile(r"(\.csv|\.apkg|/logout|/static/|^mailto:)")
# Controls a thumb must hit, visible and shorter than 44 px (inline text links are exempt).
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'button, .button, input[type=submit], select, input[type=text], input[type=email],'
    + ' input[type=password], .nav a, .link-button')]
  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
  .map(e => e.outerHTML.slice(0, 80))"""


def _shape(path: str) -> str:
    """The URL's shape: numbers and long codes stand for any value."""
    return re.sub(r"/(\d+|[A-Za-z0-9_-]{20,})(?=/|$)", "/{}", path)


@pytest.fixture
def world(db, make_teacher, make_student):
    """A teacher with a class, a set assigned to it, and a student who took it once."""
    teacher = make_teacher(email="crawl-teacher@example.org", name="Crawl teacher")
    student = make_student(email="crawl-student@example.org", name="Crawl student")
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    quiz_set = make_set(db, teacher, seeded_questions(db, 4))
    assignment = make_assignment(db, quiz_set, [school_class])
    take_attempt(db, assignment, student, right=[True, False, True, None])
    # An unfinished practice quiz: the dashboard's Resume link leads the crawl to a question.
    practice = create_attempt(db.session, student.id, seeded_questions(db, 3))
    db.session.commit()
    return {"student": student, "teacher": teacher, "practice": practice.id}


def _log_in(page, email: str) -> None:
    page.goto("/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _links(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("main a[href], nav a[href]", "els => els.map(e => e.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin or SKIP.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _crawl(browser, live_server, email: str) -> list[str]:
    """The URLs to check for one account: one per shape, breadth first from the navigation."""
    context = browser.new_context(base_url=live_server, viewport=VIEWPORTS["laptop"])
    page = context.new_page()
    _log_in(page, email)
    queue, shapes, urls = deque(["/"]), set(), []
    queue.extend(_links(page, live_server))
    while queue and len(urls) < MAX_PAGES:
        url = queue.popleft()
        shape = _shape(url.split("?")[0]) + ("?" if "?" in url else "")
        if shape in shapes:
            continue
        shapes.add(shape)
        response = page.goto(url)
        if response is None or "html" not in response.headers.get("content-type", ""):
            continue
        urls.append(url)
        queue.extend(_links(page, live_server))
    context.close()
    return urls


def _check(browser, live_server, email: str, urls: list[str], label: str) -> list[str]:
    problems = []
    shots = os.environ.get("CRAWL_SCREENSHOT_DIR")
    for (size, viewport), theme in ((v, t) for v in VIEWPORTS.items() for t in THEMES):
        context = browser.new_context(base_url=live_server, viewport=viewport, color_scheme=theme)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
        _log_in(page, email)
        for url in urls:
            errors.clear()
            response = page.goto(url)
            page.wait_for_load_state("load")
            where = f"{label} {size} {theme} {url}"
            if response is not None and response.status >= 500:
                problems.append(f"{where}: HTTP {response.status}")
            if response is not None and len(response.body()) > MAX_HTML_BYTES:
                problems.append(f"{where}: {len(response.body())} bytes of HTML")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{where}: scrolls sideways by {overflow} px")
            problems.extend(f"{where}: console: {text}" for text in errors)
            if size == "phone":
                small = page.evaluate(SMALL_TARGETS)
                problems.extend(f"{where}: touch target under 44 px: {html}" for html in small)
            problems.extend(f"{where}: axe: {v}" for v in serious_violations(page))
            if shots:
                os.makedirs(shots, exist_ok=True)
                name = re.sub(r"[^A-Za-z0-9]+", "_", url).strip("_") or "home"
                page.screenshot(
                    path=os.path.join(shots, f"{label}-{size}-{theme}-{name}.png"), full_page=True
                )
        context.close()
    return problems


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_every_page_fits_works_and_passes_axe(browser, live_server, world, role):
    email = world[role].email
    urls = _crawl(browser, live_server, email)
    # The crawl must have reached every page of the navigation, or it checks too little.
    expected = {
        "student": [
            "/study",
            "/review",
            "/quiz/new",
            "/cards",
            "/progress",
            "/assignments",
            "/",
            f"/quiz/{world['practice']}/resume",
            "/offline",
        ],
        "teacher": ["/teach/", "/teach/items", "/teach/sets/new"],
    }[role]
    assert set(expected) <= set(urls), urls
    problems = _check(browser, live_server, email, urls, role)
    assert problems == [], "\n".join(problems)
