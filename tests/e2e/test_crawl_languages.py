"""The crawl of tests/e2e/test_crawl.py in Russian, Chinese and Arabic, at phone and laptop
width: every page a student and a teacher reach shows no interface string left in English,
fits the screen with no sideways scroll, passes axe, and in Arabic runs right to left."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from tests.builders import PASSWORD
from tests.e2e.conftest import serious_violations
from tests.e2e.test_crawl import VIEWPORTS, _crawl, world  # noqa: F401 (the fixture)

CATALOGUES = Path(__file__).resolve().parents[2] / "quizapp" / "translations"
LANGUAGES = {"ru": "ru-RU", "zh": "zh-CN", "ar": "ar"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]")

# Every text node and read-out attribute the page shows, outside the article's own words
# (marked with their language) and outside code; trimmed, one string each.
SHOWN_TEXT = """() => {
  const out = [];
  const skip = e => e.closest(
    'script, style, code, pre, [translate=no], [lang]:not(html), [data-content]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text && node.parentElement && !skip(node.parentElement)
        && node.parentElement.getClientRects().length) out.push(text);
  }
  for (const e of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
    if (skip(e)) continue;
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
      const v = e.getAttribute(a);
      if (v && v.trim()) out.push(v.replace(/\\s+/g, ' ').trim());
    }
  }
  return out;
}"""


def _english_with_translation(code: str) -> set[str]:
    """The catalogue's English strings (without placeholders) that it translates otherwise."""
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.mo", "rb") as f:
        catalog = read_mo(f)
    english = set()
    for message in catalog:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in ids:
            if text and not PLACEHOLDER.search(text) and text not in strings and len(text) > 1:
                english.add(" ".join(text.split()))
    return english


def _log_in(page, email: str) -> None:
    page.goto("/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_every_page_is_translated_fits_and_mirrors(browser, live_server, world, role):  # noqa: F811
    email = world[role].email
    urls = _crawl(browser, live_server, email)
    assert len(urls) > 5, urls
    problems = []
    shots = os.environ.get("CRAWL_SCREENSHOT_DIR")
    for code, browser_locale in LANGUAGES.items():
        english = _english_with_translation(code)
        for size, viewport in VIEWPORTS.items():
            context = browser.new_context(
                base_url=live_server, viewport=viewport, locale=browser_locale
            )
            page = context.new_page()
            _log_in(page, email)
            for url in urls:
                response = page.goto(url)
                page.wait_for_load_state("load")
                where = f"{role} {code} {size} {url}"
                if response is not None and response.status >= 500:
                    problems.append(f"{where}: HTTP {response.status}")
                left = sorted({t for t in page.evaluate(SHOWN_TEXT) if t in english})
                problems.extend(f"{where}: not translated: {text!r}" for text in left)
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{where}: scrolls sideways by {overflow} px")
                direction = page.evaluate("getComputedStyle(document.body).direction")
                if direction != ("rtl" if code == "ar" else "ltr"):
                    problems.append(f"{where}: direction {direction}")
                problems.extend(f"{where}: axe: {v}" for v in serious_violations(page))
                if shots:
                    os.makedirs(shots, exist_ok=True)
                    name = re.sub(r"[^A-Za-z0-9]+", "_", url).strip("_") or "home"
                    page.screenshot(
                        path=os.path.join(shots, f"{role}-{code}-{size}-{name}.png"),
                        full_page=True,
                    )
            if code == "ar" and size == "laptop":
                # Mirrored: the brand that starts the header sits at the right.
                page.goto("/")
                box = page.locator(".brand").bounding_box()
                if box is None or box["x"] < viewport["width"] / 2:
                    problems.append(f"{role} ar laptop: the header is not mirrored ({box})")
            context.close()
    assert problems == [], "\n".join(problems)
