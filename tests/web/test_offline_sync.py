"""Offline study's downloads and sync: ratings replayed in time order as an online session
would have made them, answers graded into the practice attempt, each event counted once,
conflicts told in words, bad queues refused whole."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa

from quizapp.core.clock import utcnow
from quizapp.models import (
    CardState,
    Claim,
    OfflineEvent,
    Question,
    QuizAttempt,
    Response,
    ReviewLog,
)
from quizapp.services.practice import question_candidates, topic_and_descendants
from quizapp.services.quizzes import load_attempt
from tests.builders import enrol, make_assignment, make_class, make_set, teacher_items
from tests.builders.offline import at_ms, flashcard_history, graded_answers, replay_online

RATINGS = (3, 1, 4, 2, 3)


def _key() -> str:
    return uuid.uuid4().hex


def _rating(card: int, rating: int, at: datetime, key: str | None = None) -> dict:
    return {"key": key or _key(), "kind": "rating", "at": at_ms(at), "card": card, "rating": rating}


def test_download_gives_todays_new_cards_and_the_next_days_reviews(client, db, make_student, login):
    student = make_student()
    student.new_cards_per_day = 3
    db.session.commit()
    login(client, student)
    body = client.get("/offline/cards").get_json()
    assert body["user"] == student.id and body["topics"]
    assert [c["seen"] for c in body["cards"]] == ["new"] * 3
    first = body["cards"][0]["id"]
    client.post("/cards/rate", data={"flashcard_id": first, "rating": "3"})  # due in 10 min
    cards = client.get("/offline/cards").get_json()["cards"]
    assert len(cards) == 2 + 1  # two new left today, and the card reviewed, due in the window
    rated = next(c for c in cards if c["id"] == first)
    assert rated["seen"] != "new" and rated["due"] is not None


def test_downloads_and_sync_need_a_login(client, db):
    assert client.get("/offline/cards").status_code == 401
    assert client.post("/offline/sync", json={"events": []}).status_code == 401
    assert client.post("/offline/practice", json={"topic": 1}).status_code == 401


def test_synced_ratings_equal_an_online_session_and_count_once(client, db, make_student, login):
    offline, online = make_student(), make_student()
    login(client, offline)
    cards = [c["id"] for c in client.get("/offline/cards").get_json()["cards"][:2]]
    start = utcnow().replace(microsecond=0) - timedelta(hours=2)
    plan = [(cards[i % 2], r, start + timedelta(minutes=7 * i)) for i, r in enumerate(RATINGS)]
    # The queue is sent out of order: the server puts it back in time order.
    events = [_rating(card, rating, at) for card, rating, at in reversed(plan)]
    response = client.post("/offline/sync", json={"events": events})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["applied"] == len(RATINGS)
    replay_online(db.session, online, events, None)
    assert flashcard_history(db.session, offline.id) == flashcard_history(db.session, online.id)
    before = flashcard_history(db.session, offline.id)
    again = client.post("/offline/sync", json={"events": events}).get_json()
    assert (again["applied"], again["already"]) == (0, len(RATINGS))
    assert sorted(again["received"]) == sorted(e["key"] for e in events)
    assert flashcard_history(db.session, offline.id) == before


def test_a_rating_older_than_a_review_on_another_device_is_reported(
    client, db, make_student, login
):
    student = make_student()
    login(client, student)
    card = client.get("/offline/cards").get_json()["cards"][0]["id"]
    client.post("/cards/rate", data={"flashcard_id": card, "rating": "3"})  # online, now
    stale = _rating(card, 1, utcnow() - timedelta(hours=1))
    body = client.post("/offline/sync", json={"events": [stale]}).get_json()
    assert body["applied"] == 0
    [note] = body["notes"]
    assert "rated on another device" in note["message"]
    assert "was not applied" in note["message"]
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 1
    # A retry is told again, and still changes nothing.
    again = client.post("/offline/sync", json={"events": [stale]}).get_json()
    assert again["notes"][0]["message"] == note["message"] and again["applied"] == 0
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 1


def test_a_bad_event_refuses_the_whole_queue(client, db, make_student, login):
    student = make_student()
    login(client, student)
    card = client.get("/offline/cards").get_json()["cards"][0]["id"]
    good = _rating(card, 3, utcnow() - timedelta(minutes=5))
    bad_queues = [
        {"events": [good, {**_rating(card, 7, utcnow()), "key": _key()}]},
        {"events": [good, _rating(card, 3, utcnow() + timedelta(days=1))]},
        {"events": [good, {**good}]},  # the same key twice
        {"events": [good, {"kind": "rating", "at": at_ms(utcnow()), "card": card, "rating": 3}]},
        {"events": "all of them"},
        ["not", "an", "object"],
    ]
    for queue in bad_queues:
        response = client.post("/offline/sync", json=queue)
        assert 400 <= response.status_code < 500, queue
        assert response.get_json()["error"]
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(OfflineEvent.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(CardState.id))) == 0


def _fields(inputs: str) -> list[list[str]]:
    """An answer a learner could give with the downloaded controls: the first option."""
    selects = re.findall(
        r'<select[^>]*name="(match-\d+)"[^>]*>.*?<option value="([^"]+)"', inputs, re.S
    )
    if selects:
        return [list(pair) for pair in selects]
    picked = re.search(r'name="answer" value="([^"]*)"', inputs)
    if picked and 'type="text"' not in inputs:
        return [["answer", picked[1]]]
    return [["answer", "42"]]


def test_answers_are_graded_into_the_practice_attempt(client, db, make_student, login):
    offline, online = make_student(), make_student()
    login(client, offline)
    topic = client.get("/offline/cards").get_json()["topics"][0]["id"]
    quiz = client.post("/offline/practice", json={"topic": topic, "length": 5}).get_json()
    text = str(quiz)
    assert "'correct'" not in text and "accepted" not in text  # no key goes offline
    start = utcnow().replace(microsecond=0) - timedelta(minutes=30)
    events = [
        {
            "key": _key(),
            "kind": "answer",
            "at": at_ms(start + timedelta(minutes=q["position"])),
            "attempt": quiz["attempt"],
            "position": q["position"],
            "fields": _fields(q["inputs"]),
        }
        for q in quiz["questions"]
    ]
    done_at = start + timedelta(minutes=20)
    events.append(
        {"key": _key(), "kind": "finish", "at": at_ms(done_at), "attempt": quiz["attempt"]}
    )
    body = client.post("/offline/sync", json={"events": events}).get_json()
    assert body["applied"] == len(events), body
    attempt = load_attempt(db.session, quiz["attempt"], offline.id)
    assert attempt.submitted_at == done_at
    # The same answers given online, on the same questions in the same order.
    twin = replay_online(db.session, online, events, attempt)
    graded = graded_answers(db.session, offline.id)
    assert len(graded) == len(quiz["questions"]) > 1
    assert graded == graded_answers(db.session, online.id)
    assert (attempt.score, attempt.max_score) == (twin.score, twin.max_score)
    again = client.post("/offline/sync", json={"events": events}).get_json()
    assert again["applied"] == 0 and again["already"] == len(events)
    assert (
        db.session.scalar(
            sa.select(sa.func.count(QuizAttempt.id)).where(QuizAttempt.user_id == offline.id)
        )
        == 1
    )


def test_a_gone_card_or_quiz_is_told_and_the_rest_syncs(client, db, make_student, login):
    owner, other = make_student(), make_student()
    login(client, owner)
    topic = client.get("/offline/cards").get_json()["topics"][0]["id"]
    quiz = client.post("/offline/practice", json={"topic": topic}).get_json()
    client.post("/auth/logout")
    login(client, other)
    card = client.get("/offline/cards").get_json()["cards"][0]["id"]
    now = utcnow() - timedelta(minutes=1)
    events = [
        # Another learner's quiz is told as one that is gone: its existence is not confirmed.
        {"key": _key(), "kind": "finish", "at": at_ms(now), "attempt": quiz["attempt"]},
        _rating(10**9, 3, now),  # a card deleted since the download
        _rating(card, 3, now),
    ]
    body = client.post("/offline/sync", json={"events": events}).get_json()
    assert body["applied"] == 1
    assert [n["message"].split(";")[0] for n in body["notes"]] == [
        "A card you rated offline is no longer open to you",  # a quiz's end comes last
        "A practice quiz you answered offline is no longer in your account (discarded?)",
    ]
    assert load_attempt(db.session, quiz["attempt"], owner.id).submitted_at is None
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 1


def test_offline_practice_never_downloads_an_assigned_question_whose_key_is_hidden(
    client, db, make_student, make_teacher, login
):
    student, teacher = make_student(), make_teacher()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    login(client, student)
    topic = client.get("/offline/cards").get_json()["topics"][0]["id"]
    in_topic = [
        c.question_id
        for c in question_candidates(
            db.session, student.id, topic_and_descendants(db.session, [topic])
        )
    ]
    kept, *hidden = in_topic
    questions = db.session.scalars(sa.select(Question).where(Question.id.in_(hidden))).all()
    make_assignment(db, make_set(db, teacher, questions, feedback="never"), [school_class])
    quiz = client.post("/offline/practice", json={"topic": topic, "length": 5}).get_json()
    attempt = load_attempt(db.session, quiz["attempt"], student.id)
    assert [slot.question_id for slot in attempt.questions] == [kept]


def test_a_card_the_learner_may_not_see_is_not_rated_nor_named(
    client, db, make_student, make_teacher, login
):
    student, teacher = make_student(), make_teacher()
    claim = db.session.scalar(sa.select(Claim.id).order_by(Claim.id).limit(1))
    _questions, [private] = teacher_items(db, teacher, claim, "offline", count=1)
    private.front = "A teacher's private card front"
    db.session.commit()
    login(client, student)
    event = _rating(private.id, 3, utcnow() - timedelta(minutes=1))
    body = client.post("/offline/sync", json={"events": [event]}).get_json()
    assert body["applied"] == 0
    assert body["notes"][0]["message"].startswith("A card you rated offline is no longer open")
    assert private.front not in str(body)
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 0


def test_a_refusal_after_events_were_applied_writes_nothing(client, db, make_student, login):
    student = make_student()
    login(client, student)
    body = client.get("/offline/cards").get_json()
    card, topic = body["cards"][0]["id"], body["topics"][0]["id"]
    quiz = client.post("/offline/practice", json={"topic": topic}).get_json()
    now = utcnow() - timedelta(minutes=2)
    first = quiz["questions"][0]
    answered = {
        "key": _key(),
        "kind": "answer",
        "at": at_ms(now),
        "attempt": quiz["attempt"],
        "position": first["position"],
        "fields": _fields(first["inputs"]),
    }
    no_such_question = {**answered, "key": _key(), "position": 99, "at": at_ms(now) + 1000}
    events = [_rating(card, 3, now), answered, no_such_question]
    response = client.post("/offline/sync", json={"events": events})
    assert response.status_code == 400
    assert "no question 99" in response.get_json()["error"]
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(ReviewLog.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(CardState.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(OfflineEvent.id))) == 0


def test_a_note_is_worded_in_the_learners_language(app):
    """Why an event was not applied reaches the offline page in the learner's language, its
    times in their zone and the nested refusal translated too."""
    from datetime import datetime

    from quizapp.offline.routes import sync_note_text
    from quizapp.services.errors import QuizError
    from quizapp.services.offline_sync import CARD_GONE, SyncNote

    rated_elsewhere = SyncNote(
        "Card %(card)s was rated on another device on %(then)s, after your offline rating of "
        "%(offline)s; the offline rating was not applied.",
        {
            "card": "“Soil”",
            "then": datetime(2030, 1, 31, 17, 5),
            "offline": datetime(2030, 1, 31, 9),
        },
    )
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert sync_note_text(SyncNote(CARD_GONE)).startswith("Карточка, которую вы оценили")
        text = sync_note_text(rated_elsewhere)
        assert text.startswith("Карточка “Soil” была оценена на другом устройстве")
        assert "янв." in text and "офлайн-оценка не применена" in text
        nested = SyncNote(
            "Card %(card)s: %(reason)s",
            {
                "card": "“Soil”",
                "reason": QuizError("This quiz has no question %(number)s.", number=3),
            },
        )
        assert sync_note_text(nested) == "Карточка “Soil”: В этом тесте нет вопроса 3."
