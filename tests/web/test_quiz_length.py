"""Quizzes of the length asked (issue 22): a topic quiz asked for 10 gave 1 to 3 questions, one
per claim, and the page did not say so."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import QuizAttempt, Topic

SMALL = "Economic Resilience"  # one claim: its quiz always had 1 question
SECTION = "Implications of Russia's Eastern Pivot"


def _topic(db, title: str) -> Topic:
    return db.session.scalar(sa.select(Topic).filter_by(title=title))


def _notice(html: str) -> str:
    found = re.search(r'id="pool-notice"[^>]*>(.*?)</div>', html, re.S)
    assert found, "the page says nothing of the quiz length"
    return " ".join(re.sub(r"<[^>]+>", " ", found[1]).split())


def _promised(html: str) -> str | None:
    found = re.search(r'name="promised" type="hidden" value="(\d+)"', html)
    return found[1] if found else None


def test_a_tiny_topic_says_how_long_its_quiz_will_be_before_it_starts(
    client, db, make_student, login
):
    login(client, make_student())
    topic = _topic(db, SMALL)
    page = client.get(f"/quiz/new?topic={topic.id}").get_data(as_text=True)
    said = _notice(page)
    found = re.match(r"This topic has (\d+) questions?; the quiz will have (\d+)\.", said)
    assert found, said
    length = int(found[2])
    assert 1 < length < 10  # a second item of another form, where there was one before
    # The section and the whole article are offered, each with its longer quiz.
    assert f"/quiz/new?topic={topic.parent_id}" in page and "the section" in said
    assert f"/quiz/new?article={topic.article_id}" in page and "the whole article" in said

    # Sent as it is, the form says so again and offers the shorter quiz; nothing starts yet.
    data = {"topics": [str(topic.id)], "length": "10"}
    response = client.post("/quiz/new", data=data)
    assert response.status_code == 200 and db.session.scalar(sa.select(QuizAttempt.id)) is None
    html = response.get_data(as_text=True)
    assert f"the quiz will have {length}." in _notice(html)
    assert f"Start a quiz of {length} questions" in html
    response = client.post("/quiz/new", data={**data, "promised": _promised(html)})
    assert response.status_code == 302
    attempt = db.session.scalar(sa.select(QuizAttempt))
    assert len(attempt.questions) == length  # exactly what the page said


def test_a_quiz_has_the_length_asked_where_the_topics_have_enough(client, db, make_student, login):
    login(client, make_student())
    section = _topic(db, SECTION)
    response = client.post("/quiz/new", data={"topics": [str(section.id)], "length": "5"})
    assert response.status_code == 302  # enough questions: no notice, the quiz starts
    attempt = db.session.scalar(sa.select(QuizAttempt))
    assert len(attempt.questions) == 5


def test_a_promise_for_other_topics_is_not_taken_for_these(client, db, make_student, login):
    login(client, make_student())
    small, section = _topic(db, SMALL), _topic(db, SECTION)
    told = _promised(
        client.post("/quiz/new", data={"topics": [str(small.id)], "length": "20"}).get_data(
            as_text=True
        )
    )
    data = {"topics": [str(small.id), str(section.id)], "length": "20", "promised": told}
    response = client.post("/quiz/new", data=data)
    assert response.status_code == 200
    assert "These topics have" in _notice(response.get_data(as_text=True))


def test_a_topic_without_questions_offers_no_empty_quiz(client, db, make_student, login):
    login(client, make_student())
    small = _topic(db, SMALL)
    empty = Topic(article_id=small.article_id, key="empty", title="Empty", position=99)
    db.session.add(empty)
    db.session.commit()
    said = _notice(client.get(f"/quiz/new?topic={empty.id}").get_data(as_text=True))
    assert said.startswith("This topic has 0 questions; the quiz will have 0.")
    assert "the whole article" in said
    response = client.post("/quiz/new", data={"topics": [str(empty.id)], "length": "10"})
    html = response.get_data(as_text=True)
    assert 400 <= response.status_code < 500 and "Start a quiz of 0" not in html
    assert "There are no questions in the topics you chose." in html
