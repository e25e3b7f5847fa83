"""Quiz sets: settings and their validation, the builder (pick, draw, order), the preview."""

from __future__ import annotations

import sqlalchemy as sa
from markupsafe import escape

from quizapp.models import Claim, Question, QuizSet, QuizSetItem, Topic
from tests.builders import make_set, seeded_questions

SETTINGS = {
    "title": "Week 3: the pivot",
    "time_limit_minutes": "20",
    "attempts_allowed": "2",
    "grading_method": "average",
    "shuffle_questions": "y",
    "feedback": "after_due",
}


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count(model.id)))


def _topic(db, title: str) -> Topic:
    return db.session.scalar(sa.select(Topic).where(Topic.title == title))


def test_create_a_set_with_its_settings(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    response = client.post("/teach/sets/new", data=SETTINGS)
    assert response.status_code == 302
    quiz_set = db.session.scalar(sa.select(QuizSet))
    assert (quiz_set.title, quiz_set.time_limit_minutes, quiz_set.attempts_allowed) == (
        "Week 3: the pivot",
        20,
        2,
    )
    assert quiz_set.grading_method == "average" and quiz_set.feedback == "after_due"
    assert quiz_set.shuffle_questions and not quiz_set.shuffle_choices
    assert response.location.endswith(f"/teach/sets/{quiz_set.id}")


def test_an_empty_time_limit_means_none(client, db, make_teacher, login):
    login(client, make_teacher())
    response = client.post("/teach/sets/new", data={**SETTINGS, "time_limit_minutes": ""})
    # Saved, not refused: a refusal saves no set, and "no set" would read as "no limit" too.
    assert response.status_code == 302
    quiz_set = db.session.scalars(sa.select(QuizSet)).one()
    assert quiz_set.title == SETTINGS["title"] and quiz_set.time_limit_minutes is None


def test_bad_settings_are_refused_with_a_message_and_nothing_written(
    client, db, make_teacher, login
):
    login(client, make_teacher())
    cases = [
        ({"time_limit_minutes": "0"}, b"Number must be between 1 and 600"),
        ({"time_limit_minutes": "abc"}, b"Not a valid integer value"),
        ({"attempts_allowed": "-1"}, b"Number must be between 0 and 20"),
        ({"attempts_allowed": ""}, b"This field is required"),
        ({"grading_method": "median"}, b"Not a valid choice"),
        ({"feedback": "sometimes"}, b"Not a valid choice"),
        ({"title": ""}, b"This field is required"),
    ]
    for change, message in cases:
        response = client.post("/teach/sets/new", data={**SETTINGS, **change})
        assert response.status_code == 400, change
        assert message in response.data, change
    assert _count(db, QuizSet) == 0


def test_changing_settings(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, seeded_questions(db, 2))
    login(client, teacher)
    form = client.get(f"/teach/sets/{quiz_set.id}/settings").get_data(as_text=True)
    assert 'value="Pivot quiz"' in form
    response = client.post(
        f"/teach/sets/{quiz_set.id}/settings", data={**SETTINGS, "grading_method": "last"}
    )
    assert response.status_code == 302
    db.session.refresh(quiz_set)
    assert quiz_set.grading_method == "last" and quiz_set.time_limit_minutes == 20
    bad = client.post(
        f"/teach/sets/{quiz_set.id}/settings", data={**SETTINGS, "time_limit_minutes": "601"}
    )
    assert bad.status_code == 400
    db.session.refresh(quiz_set)
    assert quiz_set.time_limit_minutes == 20


def test_builder_filters_by_topic_type_and_difficulty(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, [])
    login(client, teacher)
    topic = _topic(db, "Economic Cooperation")
    page = client.get(f"/teach/sets/{quiz_set.id}?topic={topic.id}&type=true_false&difficulty=")
    html = page.get_data(as_text=True)
    expected = db.session.scalars(
        sa.select(Question.id)
        .join(Claim)
        .where(Claim.topic_id == topic.id, Question.type == "true_false")
    ).all()
    assert f"{len(expected)} matching questions" in html
    for question_id in expected:
        assert f'value="{question_id}"' in html
    assert html.count('name="question_ids"') == len(expected)
    hard = client.get(f"/teach/sets/{quiz_set.id}?topic=&type=&difficulty=3").get_data(as_text=True)
    assert "difficulty 3" in hard and "difficulty 1" not in hard.split("Pick questions")[1]


def test_pick_questions_in_order_and_skip_duplicates(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, [])
    a, b, c = seeded_questions(db, 3)
    login(client, teacher)
    url = f"/teach/sets/{quiz_set.id}/items"
    assert client.post(url, data={"question_ids": [b.id, a.id]}).status_code == 302
    assert client.post(url, data={"question_ids": [a.id, c.id]}).status_code == 302
    items = db.session.scalars(
        sa.select(QuizSetItem)
        .where(QuizSetItem.quiz_set_id == quiz_set.id)
        .order_by(QuizSetItem.position)
    ).all()
    assert [i.question_id for i in items] == [b.id, a.id, c.id]
    assert [i.position for i in items] == [1, 2, 3]


def test_questions_that_cannot_be_used_are_refused(client, db, make_teacher, login):
    teacher, other = make_teacher(), make_teacher()
    quiz_set = make_set(db, teacher, [])
    theirs = Question(
        key="t-other-1",
        claim_id=seeded_questions(db, 1)[0].claim_id,
        type="true_false",
        prompt="P",
        explanation="E",
        answer_bool=True,
        origin="teacher",
        author_id=other.id,
    )
    db.session.add(theirs)
    db.session.commit()
    login(client, teacher)
    url = f"/teach/sets/{quiz_set.id}/items"
    for data in (
        {"question_ids": [theirs.id]},
        {"question_ids": ["99999"]},
        {"question_ids": []},
        {"question_ids": ["x"]},
    ):
        response = client.post(url, data=data)
        assert response.status_code == 400, data
    assert _count(db, QuizSetItem) == 0


def test_random_draw_from_a_topic_and_too_small_a_pool(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, [])
    topic = _topic(db, "Military Cooperation")
    login(client, teacher)
    url = f"/teach/sets/{quiz_set.id}/draws"

    def draw(**fields):
        data = {"topic": topic.id, "count": "2", "question_type": "", "difficulty": "", **fields}
        return client.post(url, data={f"draw-{k}": v for k, v in data.items()})

    assert draw(count="2", question_type="true_false").status_code == 302
    item = db.session.scalar(sa.select(QuizSetItem))
    assert (item.topic_id, item.draw_count, item.question_type, item.difficulty) == (
        topic.id,
        2,
        "true_false",
        None,
    )
    too_many = draw(count="40")
    # A draw holds one question per claim: the topic's three sentences are its limit.
    assert too_many.status_code == 400
    assert b"Only 3 questions on different sentences match" in too_many.data
    for bad in (
        {"count": "0"},
        {"topic": "99999"},
        {"question_type": "essay"},
        {"difficulty": "4"},
    ):
        assert draw(**bad).status_code == 400, bad
    assert _count(db, QuizSetItem) == 1


def test_reorder_and_remove_items(client, db, make_teacher, login):
    teacher = make_teacher()
    a, b, c = seeded_questions(db, 3)
    quiz_set = make_set(db, teacher, [a, b, c])
    items = {i.question_id: i.id for i in quiz_set.items}
    login(client, teacher)
    base = f"/teach/sets/{quiz_set.id}/items"
    client.post(f"{base}/{items[c.id]}/move", data={"direction": "up"})
    client.post(f"{base}/{items[a.id]}/move", data={"direction": "up"})  # already first: no-op
    assert _order(db, quiz_set) == [a.id, c.id, b.id]
    client.post(f"{base}/{items[a.id]}/move", data={"direction": "down"})
    assert _order(db, quiz_set) == [c.id, a.id, b.id]
    client.post(f"{base}/{items[a.id]}/remove")
    assert _order(db, quiz_set) == [c.id, b.id]
    positions = db.session.scalars(sa.select(QuizSetItem.position).order_by(QuizSetItem.position))
    assert list(positions) == [1, 2]
    sideways = client.post(f"{base}/{items[b.id]}/move", data={"direction": "sideways"})
    assert sideways.status_code == 400
    assert client.post(f"{base}/{items[a.id]}/remove").status_code == 404  # gone already


def _order(db, quiz_set) -> list[int]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(QuizSetItem.question_id)
            .where(QuizSetItem.quiz_set_id == quiz_set.id)
            .order_by(QuizSetItem.position)
        )
    )


def test_preview_shows_the_questions_as_a_student_sees_them(client, db, make_teacher, login):
    teacher = make_teacher()
    questions = seeded_questions(db, 3, "single_choice")
    quiz_set = make_set(db, teacher, questions)
    login(client, teacher)
    page = client.get(f"/teach/sets/{quiz_set.id}/preview").get_data(as_text=True)
    assert "Question 1 of 3" in page and "Question 3 of 3" in page
    for question in questions:
        # As the page writes them: escaped ("Russia&#39;s engagement …").
        assert str(escape(question.prompt)) in page
        for choice in question.choices:
            assert str(escape(choice["text"])) in page
    assert 'type="radio"' in page  # the quiz's own answer inputs
    assert "not shown to students" in page


def test_preview_of_a_draw_shows_one_possible_draw(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, [])
    topic = _topic(db, "Economic Cooperation")
    quiz_set.items.append(QuizSetItem(position=1, topic_id=topic.id, draw_count=3))
    db.session.commit()
    login(client, teacher)
    page = client.get(f"/teach/sets/{quiz_set.id}/preview").get_data(as_text=True)
    assert "Question 3 of 3" in page and "one possible draw" in page


def test_delete_an_unassigned_set(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, seeded_questions(db, 2))
    login(client, teacher)
    assert client.post(f"/teach/sets/{quiz_set.id}/delete").status_code == 302
    assert _count(db, QuizSet) == 0 and _count(db, QuizSetItem) == 0


def test_preview_questions_are_separate_radio_groups(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, seeded_questions(db, 2, "true_false"))
    login(client, teacher)
    page = client.get(f"/teach/sets/{quiz_set.id}/preview").get_data(as_text=True)
    # Radios named alike in one form would be one group: ticking question 2 would clear 1.
    forms = page.split('<form class="preview-form"')[1:]
    assert len(forms) == 2 and all(f.count('type="radio"') == 2 for f in forms)


def test_garbage_in_the_search_filters_is_ignored_not_a_500(client, db, make_teacher, login):
    teacher = make_teacher()
    quiz_set = make_set(db, teacher, [])
    login(client, teacher)
    for query in ("topic=abc&type=zzz&difficulty=x", "topic=99999", "difficulty=7"):
        assert client.get(f"/teach/sets/{quiz_set.id}?{query}").status_code == 200, query
        assert client.get(f"/teach/items?{query}").status_code == 200, query


def test_each_item_button_names_its_item(client, db, make_teacher, login):
    teacher = make_teacher()
    first, second = seeded_questions(db, 2, "true_false")
    quiz_set = make_set(db, teacher, [first, second])
    topic = _topic(db, "Economic Cooperation")
    quiz_set.items.append(QuizSetItem(position=3, topic_id=topic.id, draw_count=1))
    db.session.commit()
    login(client, teacher)
    page = client.get(f"/teach/sets/{quiz_set.id}").get_data(as_text=True)
    hidden = '<span class="visually-hidden"> item {}: {}'
    assert "Move down" + hidden.format(1, escape(first.prompt[:30])) in page
    assert "Move up" + hidden.format(2, escape(second.prompt[:30])) in page
    assert "Remove" + hidden.format(3, "random draw from Economic Cooperation") in page
