"""A learner practises the questions with a tag, as they study the cards with one: the set-up
page offers the tags with their counts, says how many questions the tag has before the quiz
starts, and the attempt is named for it; a tag no question holds is said under the field and an
overlong one is a 400, neither writing an attempt; the page costs the same queries however many
questions hold the tag."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import QuizAttempt, Topic
from tests.builders.practice import start_practice_quiz


def _notice(html: str) -> str:
    found = re.search(r'id="pool-notice"[^>]*>(.*?)</div>', html, re.S)
    assert found, "the page says nothing of the quiz length"
    return " ".join(re.sub(r"<[^>]+>", " ", found[1]).split())


def _no_attempt(db) -> bool:
    db.session.expire_all()
    return db.session.scalar(sa.select(QuizAttempt.id)) is None


def test_the_tags_are_offered_with_counts_and_a_quiz_draws_only_the_tags_questions(
    client, db, make_student, login, tag_seeded_questions
):
    tagged = tag_seeded_questions(3, "verbs")
    login(client, make_student())
    page = client.get("/quiz/new").get_data(as_text=True)
    assert re.search(r'<option value="verbs">\s*verbs \(3 questions\)</option>', page)
    assert 'id="pool-notice"' not in page  # no tag, no topic: nothing to tell yet

    first = client.post("/quiz/new", data={"length": "10", "tag": "verbs"})
    said = _notice(first.get_data(as_text=True))
    assert first.status_code == 200 and _no_attempt(db)
    found = re.match(
        r"In these topics, the tag “verbs” has 3 questions; the quiz will have (\d)\.", said
    )
    assert found, said
    response = start_practice_quiz(client, {"length": "10", "tag": "verbs"})
    assert response.status_code == 302
    attempt = db.session.scalar(sa.select(QuizAttempt))
    assert {slot.question_id for slot in attempt.questions} <= {q.id for q in tagged}
    assert len(attempt.questions) == int(found[1])
    assert attempt.title.startswith("Practice: ") and attempt.title.endswith(" (tag: verbs)")
    question = client.get(response.location).get_data(as_text=True)
    assert " (tag: verbs)" in question


def test_a_tags_link_tells_its_questions_before_the_form_is_sent(
    client, db, make_student, login, tag_seeded_questions
):
    tagged = tag_seeded_questions(2, "Verbs")
    login(client, make_student())
    page = client.get("/quiz/new?tag=VERBS").get_data(as_text=True)
    assert re.search(r'<option selected value="Verbs">\s*Verbs \(2 questions\)</option>', page)
    assert _notice(page).startswith("In these topics, the tag “Verbs” has 2 questions")
    topic_id = tagged[0].claim.topic_id
    in_topic = sum(q.claim.topic_id == topic_id for q in tagged)
    one = client.get(f"/quiz/new?topic={topic_id}&tag=verbs").get_data(as_text=True)
    assert _notice(one).startswith(f"In this topic, the tag “Verbs” has {in_topic} question")
    # A larger scope offered for a longer quiz keeps the tag.
    for link in re.findall(r'href="(/quiz/new\?[^"]+)"', one):
        assert "tag=Verbs" in link


def test_a_tag_no_question_holds_is_said_under_the_field_and_starts_nothing(
    client, db, make_student, login, tag_seeded_questions
):
    tag_seeded_questions(2, "verbs")
    login(client, make_student())
    response = client.post("/quiz/new", data={"length": "10", "tag": "nouns"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and _no_attempt(db)
    assert "None of the questions you can practise here has the tag “nouns”." in html
    assert 'id="pool-notice"' not in html
    shown = client.get("/quiz/new?tag=nouns")
    assert shown.status_code == 200
    assert "None of the questions you can practise here has the tag “nouns”." in shown.get_data(
        as_text=True
    )


def test_topics_without_the_tags_questions_are_told_so_on_the_form(
    client, db, make_student, login, tag_seeded_questions
):
    (question,) = tag_seeded_questions(1, "verbs")
    other = db.session.scalar(
        sa.select(Topic.id).where(Topic.id != question.claim.topic_id, Topic.parent_id.is_(None))
    )
    login(client, make_student())
    response = client.post(
        "/quiz/new", data={"topics": [str(other)], "length": "10", "tag": "verbs"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and _no_attempt(db)
    assert "No question in the topics you chose has the tag “verbs”." in html
    assert 'name="tag"' in html  # the form is shown again, to choose another tag or topic


def test_a_tag_longer_than_any_tag_is_refused(client, db, make_student, login):
    login(client, make_student())
    long_tag = "x" * 101
    for response in (
        client.post("/quiz/new", data={"length": "10", "tag": long_tag}),
        client.get("/quiz/new?tag=" + long_tag),
    ):
        assert response.status_code == 400
        assert "A tag has at most 100 characters." in response.get_data(as_text=True)
    assert _no_attempt(db)


def test_the_page_costs_the_same_queries_however_many_questions_hold_the_tag(
    client, db, make_student, login, tag_seeded_questions, count_queries
):
    login(client, make_student())

    def cost(url: str) -> int:
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    tag_seeded_questions(2, "verbs")
    few = cost("/quiz/new?tag=verbs")
    tag_seeded_questions(40, "verbs", "exam", "b1")
    assert cost("/quiz/new?tag=verbs") == few
    assert cost("/quiz/new") <= few  # no tag: the tags are listed, no quiz length to tell


def test_a_tagged_title_and_notice_are_worded_in_the_learners_language(
    app, client, db, make_student, login, tag_seeded_questions, shipped_catalogues
):
    from quizapp.quiz.answers import shown_title

    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert shown_title("Practice: Soil (tag: verbs)") == "Тренировка: Soil (метка: verbs)"
        assert shown_title("Practice: all topics (tag: b1)") == "Тренировка: все темы (метка: b1)"
        assert shown_title("Practice: Soil and 2 more topics (tag: b1)").endswith(
            "ещё 2 темы (метка: b1)"
        )
    tag_seeded_questions(3, "verbs")
    login(client, make_student())
    page = client.get("/quiz/new?tag=verbs", headers={"Accept-Language": "ru"}).get_data(
        as_text=True
    )
    assert "Только вопросы с меткой" in page and "verbs (3 вопроса)" in page
    assert _notice(page).startswith("В этих темах с меткой «verbs» 3 вопроса;")


def test_an_article_the_learner_may_not_see_offers_none_of_its_tags(
    client, db, make_student, login, tag_seeded_questions
):
    (question,) = tag_seeded_questions(1, "verbs")
    login(client, make_student())
    assert "verbs (1 question)" in client.get("/quiz/new").get_data(as_text=True)
    question.claim.article.published = False  # restored by the tables' clean-up after the test
    db.session.commit()
    page = client.get("/quiz/new").get_data(as_text=True)
    assert "verbs" not in page
    answer = client.post("/quiz/new", data={"length": "10", "tag": "verbs"})
    assert answer.status_code == 400 and _no_attempt(db)
