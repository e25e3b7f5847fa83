"""A teacher runs a class in a real browser: registers, creates a class, builds a timed set from
two topics and assigns it; a student joins with the code and completes it; the teacher sees the
score in the gradebook, opens the item analysis and downloads the CSV. axe finds nothing serious
on the teacher's pages, at laptop and at phone width."""

from __future__ import annotations

import csv
import io
import os
import re

from playwright.sync_api import expect

from tests.builders import PASSWORD, enrol, make_assignment, make_class, make_set, seeded_questions
from tests.builders import take as take_attempt
from tests.e2e.conftest import log_in_after_sign_up, serious_violations

PHONE = {"width": 390, "height": 844}


def _shot(page, name: str) -> None:
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        os.makedirs(shots, exist_ok=True)
        page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)


def _register(page, email: str, name: str, role: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_label(role).check()
    page.get_by_role("button", name="Create account").click()
    log_in_after_sign_up(page, email, PASSWORD)


def _nav(page, name: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def _answer_every_question(page) -> None:
    """True for true/false questions, the first option otherwise; Next until Finish."""
    while True:
        kind = page.locator(".prompt .badge").inner_text()
        if kind in ("single choice", "true or false", "multiple select"):
            page.locator("#question-form input[name=answer]").first.check()
        elif kind == "matching":
            for select in page.locator("#question-form select").all():
                select.select_option(index=1)
        else:
            page.locator("#question-form input[name=answer]").fill("Russia")
        if page.locator("#finish-button").count():
            page.locator("#finish-button").click()
            return
        page.locator("#next-button").click()


def test_teacher_runs_a_class(page, browser, live_server, db):
    # The teacher: account, class, set from two topics with a time limit, assignment.
    _register(page, "teacher@example.org", "Class teacher", "Teacher")
    _nav(page, "Teach")
    page.get_by_label("Class name").fill("History 10B")
    page.get_by_role("button", name="Create class").click()
    expect(page.locator(".flashes")).to_contain_text("History 10B")
    code = page.locator("#join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{8}", code)
    _shot(page, "teach-class")

    _nav(page, "Teach")
    page.get_by_role("link", name="New quiz set").click()
    page.get_by_label("Title").fill("The pivot: economy and the military")
    page.get_by_label("Time limit in minutes").fill("10")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".flashes")).to_contain_text("Now add questions")

    draw = page.locator("#draw")
    # A draw holds one question per sentence: this topic has two with true/false questions.
    draw.get_by_label("Topic").select_option(label="— Labor Cooperation")
    draw.get_by_label("How many").fill("2")
    draw.get_by_label("Type").select_option(label="True false")
    draw.get_by_role("button", name="Add a random draw").click()
    expect(page.locator(".flashes")).to_contain_text("Random draw added")

    pick = page.locator("#pick")
    pick.get_by_label("Topic").select_option(label="— Military Cooperation")
    pick.get_by_label("Type").select_option(label="True false")
    pick.get_by_role("button", name="Show questions").click()
    boxes = page.locator("#pick input[name=question_ids]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Add the ticked questions").click()
    expect(page.locator(".flashes")).to_contain_text("2 questions added")
    expect(page.locator(".set-item")).to_have_count(3)
    expect(page.locator(".meta").first).to_contain_text("4 questions per attempt")
    assert serious_violations(page) == []
    _shot(page, "teach-builder")

    page.get_by_role("link", name="Preview as a student").click()
    expect(page.locator(".preview-question")).to_have_count(4)
    page.go_back()
    page.get_by_role("link", name="Assign to classes").click()
    page.get_by_label("History 10B").check()
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".flashes")).to_contain_text("Assigned to History 10B")

    # The student, in a browser of their own: join with the code, take the assignment.
    student_context = browser.new_context(base_url=live_server, viewport=PHONE)
    student = student_context.new_page()
    student.set_default_timeout(10_000)
    _register(student, "student@example.org", "Class student", "Student")
    student.goto("/join")
    student.get_by_label("Join code").fill(code.lower())
    student.get_by_role("button", name="Join the class").click()
    expect(student.locator(".flashes")).to_contain_text("You joined History 10B")
    row = student.locator(".assignment-row", has_text="The pivot")
    expect(row).to_contain_text("Not started")
    expect(row).to_contain_text("10 min")
    _shot(student, "student-assignments-phone")
    row.get_by_role("button", name="Start").click()
    expect(student.locator(".deadline")).to_contain_text("This attempt closes on")
    expect(student.locator("#time-left")).to_have_text(re.compile(r"Time left: \d+:\d\d\."))
    _answer_every_question(student)
    student.get_by_role("button", name="Submit and see my results").click()
    score = student.locator("#score strong").inner_text()  # e.g. "3 / 4"
    got, total = (float(x) for x in score.split(" / "))
    percent = round(100 * got / total)
    student.goto("/assignments")
    expect(student.locator(".assignment-row", has_text="The pivot")).to_contain_text(
        f"Submitted: {percent} %"
    )
    student_context.close()

    # The teacher: the score in the gradebook, the item analysis, the CSV.
    _nav(page, "Teach")
    page.get_by_role("link", name="History 10B").first.click()
    page.get_by_role("link", name="Gradebook", exact=True).click()
    student_row = page.locator("#gradebook tbody tr", has_text="Class student")
    expect(student_row).to_contain_text(f"{percent} %")
    expect(student_row).to_contain_text("1 attempt")
    assert serious_violations(page) == []
    _shot(page, "teach-gradebook")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download gradebook (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.reader(io.StringIO(handle.read())))
    assert rows[0][:3] == ["student", "email", "The pivot: economy and the military (%)"]
    assert rows[1][:4] == ["Class student", "student@example.org", f"{100 * got / total:.1f}", "1"]

    page.get_by_role("link", name="The pivot: economy and the military").click()
    expect(page.locator("h1")).to_contain_text("Item analysis")
    expect(page.locator("#analysis-summary")).to_contain_text("1 attempt by 1 student")
    expect(page.locator(".stats tbody tr")).to_have_count(4)
    assert serious_violations(page) == []
    _shot(page, "teach-analysis")
    page.get_by_role("link", name="All attempts").click()
    expect(page.get_by_role("link", name="All attempts")).to_have_attribute("aria-current", "page")


def test_teacher_pages_fit_a_phone_and_pass_axe(
    browser, live_server, db, make_teacher, make_student
):
    """Seeded class data, every teacher page at phone and laptop width: no page scrolls
    sideways (wide tables scroll in their own region) and axe finds nothing serious."""
    teacher = make_teacher(name="Class teacher")
    school_class = make_class(db, teacher, "History 10B")
    students = [make_student(name=n) for n in ("Student A", "Student B", "Student C")]
    enrol(db, school_class, *students)
    quiz_set = make_set(db, teacher, seeded_questions(db, 5, "single_choice"), title="Economy")
    assignment = make_assignment(db, quiz_set, [school_class], title="Economy homework")
    for index, student in enumerate(students):
        take_attempt(db, assignment, student, [k != index for k in range(5)])
    pages = {
        "home": "/teach/",
        "class": f"/teach/classes/{school_class.id}",
        "gradebook": f"/teach/classes/{school_class.id}/gradebook",
        "mastery": f"/teach/classes/{school_class.id}/mastery",
        "student": f"/teach/classes/{school_class.id}/students/{students[0].id}",
        "builder": f"/teach/sets/{quiz_set.id}?topic=&type=single_choice&difficulty=",
        "settings": f"/teach/sets/{quiz_set.id}/settings",
        "preview": f"/teach/sets/{quiz_set.id}/preview",
        "assign": f"/teach/sets/{quiz_set.id}/assign",
        "analysis": f"/teach/assignments/{assignment.id}/analysis",
        "items": "/teach/items",
        "question": "/teach/questions/new",
        "flashcard": "/teach/flashcards/new",
        "exchange": "/teach/exchange",
    }
    for width, viewport in (("laptop", {"width": 1280, "height": 900}), ("phone", PHONE)):
        context = browser.new_context(base_url=live_server, viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto("/auth/login")
        page.get_by_label("Email").fill(teacher.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        for name, url in pages.items():
            response = page.goto(url)
            assert response.status == 200, url
            _shot(page, f"teach-{name}-{width}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {width} width"
            assert serious_violations(page) == [], name
        context.close()
