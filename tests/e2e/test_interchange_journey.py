"""A teacher brings their Moodle questions, Quizlet cards and Anki deck, tried as a new teacher
would: uploads a GIFT file, reads the report, pastes cards, checks the preview, saves, and finds
everything among their own items; brings an Anki deck with their progress; the pages pass axe."""

from __future__ import annotations

import os

from playwright.sync_api import expect

from tests.builders import PASSWORD
from tests.builders.anki_decks import add_note, add_reviews, anki_package
from tests.e2e.conftest import serious_violations

GIFT = """$CATEGORY: $course$/top/Energy

::pipe::The Power of Siberia pipeline carries gas to China.{TRUE ####It carries natural gas.}

::ports::Match each port to its country.{=Rason -> North Korea =Vladivostok -> Russia}

::essay::Discuss the pivot. {}
"""
QUIZLET = "Rason\tNorth Korean port leased to Russia\nPower of Siberia\tgas pipeline to China\n"


def _shot(page, name: str) -> None:
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)


def test_teacher_imports_a_bank_and_a_deck(page, make_teacher, tmp_path):
    teacher = make_teacher()
    page.goto("/auth/login")
    page.get_by_label("Email").fill(teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Import and export").click()
    expect(page.get_by_role("heading", name="Import and export", exact=True)).to_be_visible()
    assert serious_violations(page) == []

    bank = tmp_path / "energy quiz.gift"
    bank.write_text(GIFT, encoding="utf-8")
    page.locator("input#file").set_input_files(str(bank))
    page.get_by_role("button", name="Import").click()
    flashes = page.locator(".flashes")
    # Named as the file names its questions (its category), not after the file.
    expect(flashes).to_contain_text("Imported 2 questions into the new article “Energy”")
    expect(flashes).to_contain_text("Skipped essay: an essay question")
    # The imported questions are drafts: the teacher lands on the article's review page.
    expect(page.locator(".review-counts")).to_contain_text("2")
    expect(page.locator("main")).to_contain_text("The Power of Siberia pipeline carries gas")
    assert serious_violations(page) == []
    _shot(page, "exchange-report")

    nav.get_by_role("link", name="Import and export").click()
    page.get_by_label("Deck name").fill("Ports")
    page.get_by_label("Paste the cards").fill(QUIZLET)
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="2 flashcards to save")).to_be_visible()
    expect(page.locator("#cards-preview")).to_contain_text("North Korean port leased to Russia")
    assert serious_violations(page) == []
    _shot(page, "exchange-preview")
    page.get_by_role("button", name="Save these flashcards").click()
    expect(page.locator(".flashes")).to_contain_text("Imported 2 flashcards")

    page.goto("/teach/items")  # the deck is the teacher's own; the questions wait on review
    expect(page.locator("body")).to_contain_text("North Korean port leased to Russia")


def test_teacher_imports_their_anki_deck_with_their_progress(page, make_teacher, tmp_path):
    def fill(col):
        note = add_note(col, "Basic (and reversed card)", "Ports::Asia", Front="Rason", Back="NK")
        add_reviews(col, note.cards()[0].id, [(1_700_000_000_000, 3), (1_700_259_200_000, 1)])
        add_note(col, "Cloze", "Ports::Asia", Text="{{c1::Vladivostok}} faces {{c2::Japan}}.")

    deck = tmp_path / "ports.apkg"
    deck.write_bytes(anki_package(tmp_path, fill))
    teacher = make_teacher()
    page.goto("/auth/login")
    page.get_by_label("Email").fill(teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/teach/exchange")
    page.locator("input#file").set_input_files(str(deck))
    page.get_by_label("An Anki deck with my progress").check()
    page.get_by_role("button", name="Import").click()
    flashes = page.locator(".flashes")
    expect(flashes).to_contain_text("Imported 4 flashcards into the new article “Ports”")
    expect(flashes).to_contain_text("Your progress: 2 Anki reviews of 1 card replayed")
    assert serious_violations(page) == []
    _shot(page, "exchange-anki-report")
