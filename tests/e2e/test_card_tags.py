"""A teacher's card with long tags on the list and its form at phone width: the tags show,
nothing scrolls sideways (a refused tag's message neither), and axe finds nothing serious."""

from __future__ import annotations

import sqlalchemy as sa

from tests.builders import PASSWORD
from tests.e2e.conftest import serious_violations

PHONE = {"width": 390, "height": 844}
LONG_TAG = "history::russia::" + "october-revolution-" * 4 + "x" * 7  # 100 characters


def test_long_tags_fit_a_phone(browser, live_server, db, make_teacher):
    from quizapp.models import Claim, Flashcard

    assert len(LONG_TAG) == 100
    teacher = make_teacher(name="Tagging teacher")
    claim = db.session.scalar(sa.select(Claim).order_by(Claim.id).limit(1))
    card = Flashcard(
        key=f"t{teacher.id}-tagged",
        claim_id=claim.id,
        origin="teacher",
        author_id=teacher.id,
        front="Which year?",
        back="1917",
        tags=[LONG_TAG, "exam-B"],
    )
    db.session.add(card)
    db.session.commit()
    context = browser.new_context(base_url=live_server, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/auth/login")
    page.get_by_label("Email").fill(teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    for url in ("/teach/items", f"/teach/flashcards/{card.id}/edit"):
        assert page.goto(url).status == 200
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{url} scrolls sideways by {overflow}px"
        assert serious_violations(page) == [], url
    page.goto("/teach/items")
    assert "exam-B" in page.locator("#my-flashcards").inner_text()
    page.goto(f"/teach/flashcards/{card.id}/edit")
    assert page.get_by_label("Tags").input_value() == f"{LONG_TAG} exam-B"
    # A tag one too long is refused with a sentence that quotes it: the quote wraps, and the
    # page still does not scroll sideways (it did by 43 px, the quoted word unbroken).
    page.get_by_label("Tags").fill("exam-B " + "y" * 120)
    page.get_by_role("button", name="Save flashcard").click()
    assert "A tag has at most 100 characters" in page.locator(".field-error").inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the refused form scrolls sideways by {overflow}px"
    context.close()
