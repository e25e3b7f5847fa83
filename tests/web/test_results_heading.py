"""A practice quiz's results heading: short on a phone, its topics one line that opens."""

from __future__ import annotations

import lxml.html

from quizapp.models import QuizAttempt
from tests.builders import start_practice_quiz


def test_a_practice_over_many_topics_has_a_short_heading_and_a_topics_line(
    client, db, make_student, login
):
    """Before, the heading was the attempt's title: "Practice: Overview, Strengthening … and
    11 more topics: results", nine lines at 390 px."""
    login(client, make_student())
    response = start_practice_quiz(client, {"length": "20"})
    attempt = db.session.get(QuizAttempt, int(response.location.split("/")[2]))
    asked = {slot.question.claim.topic.title for slot in attempt.questions}
    assert len(asked) > 3 and "more topics" in attempt.title
    client.post(f"/quiz/{attempt.id}/submit")
    page = lxml.html.fromstring(client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True))
    assert page.xpath("string(//h1)").strip() == "Practice results"
    topics = page.get_element_by_id("results-topics")
    assert topics.tag == "details" and topics.get("open") is None
    assert topics.xpath("string(summary)") == f"{len(asked)} topics"
    assert {li.text_content() for li in topics.xpath(".//li")} == asked
