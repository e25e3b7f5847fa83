"""The item analysis pages: the worked example's report and its switch, and an assignment
nobody has attempted yet."""

from __future__ import annotations

import lxml.html

from tests.builders import (
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
)


def test_the_page_and_its_switch(client, db, analysed, login):
    teacher, assignment, (q1, _q2, _q3) = analysed
    login(client, teacher)
    first = client.get(f"/teach/assignments/{assignment.id}/analysis").get_data(as_text=True)
    assert "<strong>4</strong> attempts by 4 students" in first
    assert "aria-current=page>First attempts" in first
    # Four responses: the discrimination index (70.7 worked by hand) is not shown, only why.
    assert "70.7" not in first and "too few responses to judge" in first
    assert "low discrimination" not in first
    every = client.get(f"/teach/assignments/{assignment.id}/analysis?attempts=all").get_data(
        as_text=True
    )
    assert "<strong>5</strong> attempts by 4 students" in every and "76.4" not in every
    assert "aria-current=page>All attempts" in every
    assert q1.prompt in every


def test_no_attempts_yet(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    school_class = make_class(db, teacher)
    assignment = make_assignment(db, make_set(db, teacher, seeded_questions(db, 2)), [school_class])
    login(client, teacher)
    page = client.get(f"/teach/assignments/{assignment.id}/analysis")
    assert page.status_code == 200 and b"No submitted attempt yet" in page.data


def test_too_few_responses_show_no_discrimination_figure(client, analysed, login):
    """Before, four responses showed "−100.0" beside "too few responses to judge"."""
    teacher, assignment, _questions = analysed
    login(client, teacher)
    page = lxml.html.fromstring(
        client.get(f"/teach/assignments/{assignment.id}/analysis").get_data(as_text=True)
    )
    rows = page.xpath("//table[contains(@class, 'stats')]/tbody/tr")
    assert len(rows) == 3
    for row in rows:
        cells = [cell.text_content().strip() for cell in row.xpath("./td")]
        # responses, facility, SD, discrimination index, discriminative efficiency, flags
        assert cells[5] == "too few responses to judge"
        assert cells[3] == cells[4] == "— (too few responses)"
