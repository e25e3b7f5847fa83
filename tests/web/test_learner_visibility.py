"""A student sees, studies and rates only what is open to them: a card, question, topic or
article of a reading not shared with their class answers 404 by id, and nothing is written."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from markupsafe import escape

from quizapp.models import (
    ArticleShare,
    CardState,
    Flashcard,
    Question,
    QuizAttempt,
    ReviewLog,
    Topic,
)
from quizapp.models.base import utcnow
from quizapp.services.article_library import ArticleUpload, import_upload
from quizapp.services.daily_review import missed_questions
from quizapp.services.quizzes import create_attempt, save_answer, submit_attempt
from tests.builders import enrol, make_class, wrong_answer
from tests.builders.articles import GARDEN


@pytest.fixture
def garden(db, make_teacher, make_student):
    """A teacher's reading, every item accepted, shared with one class (``member`` is in it,
    ``outsider`` is not)."""
    teacher, member, outsider = make_teacher(), make_student(), make_student()
    school_class = make_class(db, teacher, name="Garden club")
    enrol(db, school_class, member)
    upload = ArticleUpload("garden.txt", GARDEN.encode(), title="Garden notebook")
    article, _ = import_upload(db.session, upload, teacher.id)
    db.session.flush()
    for model in (Question, Flashcard):
        db.session.execute(
            sa.update(model).where(model.article_id == article.id).values(status="published")
        )
    db.session.add(ArticleShare(article_id=article.id, class_id=school_class.id))
    db.session.commit()
    cards = db.session.scalars(sa.select(Flashcard).filter_by(article_id=article.id)).all()
    topics = db.session.scalars(sa.select(Topic).filter_by(article_id=article.id)).all()
    return SimpleNamespace(
        teacher=teacher,
        member=member,
        outsider=outsider,
        article=article,
        card=cards[0],
        topic=topics[0],
    )


def _ratings(db, user) -> tuple[int, int]:
    states = sa.select(sa.func.count(CardState.id)).where(CardState.user_id == user.id)
    logs = sa.select(sa.func.count(ReviewLog.id)).where(ReviewLog.user_id == user.id)
    return db.session.scalar(states), db.session.scalar(logs)


def test_a_student_cannot_rate_a_card_of_a_reading_not_shared_with_them(client, db, garden, login):
    login(client, garden.outsider)
    rating = {"flashcard_id": garden.card.id, "rating": "3"}
    assert client.post("/cards/rate", data=rating).status_code == 404
    as_json = client.post("/cards/rate", data=rating, headers={"Accept": "application/json"})
    assert as_json.status_code == 404 and "rated" not in as_json.get_json()
    assert _ratings(db, garden.outsider) == (0, 0)
    undo = client.post("/cards/undo")
    assert undo.status_code == 409  # nothing of theirs to undo
    assert str(escape(garden.card.front)) not in undo.get_data(as_text=True)


def test_a_student_in_the_class_rates_it(client, db, garden, login):
    login(client, garden.member)
    rating = {"flashcard_id": garden.card.id, "rating": "3"}
    assert client.post("/cards/rate", data=rating).status_code == 302
    assert _ratings(db, garden.member) == (1, 1)


def test_undo_after_the_reading_was_unshared_shows_nothing_and_keeps_the_rating(
    client, db, garden, login
):
    login(client, garden.member)
    client.post("/cards/rate", data={"flashcard_id": garden.card.id, "rating": "3"})
    db.session.execute(sa.delete(ArticleShare).where(ArticleShare.article_id == garden.article.id))
    db.session.commit()
    undo = client.post("/cards/undo", follow_redirects=True)
    assert undo.status_code == 404
    assert str(escape(garden.card.front)) not in undo.get_data(as_text=True)
    assert _ratings(db, garden.member) == (1, 1)


def test_a_student_cannot_open_an_unshared_reading_by_id(client, db, garden, login):
    login(client, garden.outsider)
    topic = garden.topic.id
    refused = {
        f"/topics/{topic}": client.get(f"/topics/{topic}").status_code,
        "/articles/<slug>": client.get(f"/articles/{garden.article.slug}").status_code,
        "/cards?topic": client.get(f"/cards?topic={topic}").status_code,
        "/cards?article": client.get(f"/cards?article={garden.article.id}").status_code,
        "export": client.get(f"/cards/export.apkg?topic={topic}").status_code,
        "/quiz/new?article": client.get(f"/quiz/new?article={garden.article.id}").status_code,
        "practice": client.post("/quiz/new", data={"topics": [topic], "length": "5"}).status_code,
        "/progress?article": client.get(f"/progress?article={garden.article.id}").status_code,
    }
    assert {name: status for name, status in refused.items() if status not in (400, 404)} == {}
    found = client.get("/search?q=compost heap").get_data(as_text=True)
    assert "fruit peel" not in found
    shown = client.get("/cards").get_data(as_text=True)
    assert str(escape(garden.card.front)) not in shown


def test_a_question_missed_in_a_reading_since_unshared_is_not_asked_again(
    client, db, garden, login
):
    """The daily review re-asks missed questions; once the reading is no longer shared with
    the learner, its questions are no more theirs to see than its cards are to rate."""
    question = db.session.scalars(
        sa.select(Question).where(
            Question.article_id == garden.article.id, Question.type == "true_false"
        )
    ).first()
    attempt = create_attempt(db.session, garden.member.id, [question])
    db.session.flush()
    save_answer(db.session, attempt, attempt.questions[0], wrong_answer(question), check=True)
    submit_attempt(db.session, attempt)
    db.session.commit()
    assert missed_questions(db.session, garden.member, utcnow()) == [question.id]

    db.session.execute(sa.delete(ArticleShare).where(ArticleShare.article_id == garden.article.id))
    db.session.commit()
    assert missed_questions(db.session, garden.member, utcnow()) == []
    login(client, garden.member)
    started = client.post("/review/start")
    if started.status_code == 302:
        review = db.session.get(QuizAttempt, int(started.location.split("/")[2]))
        assert question.id not in [slot.question_id for slot in review.questions]
    else:
        assert started.status_code in (400, 409)  # nothing else to review


def test_practise_what_i_missed_leaves_out_a_reading_since_unshared(client, db, garden, login):
    """As the daily review does: a missed question of a reading no longer shared with the
    learner is not asked again, and with none left the learner is told why."""
    question = db.session.scalars(
        sa.select(Question).where(
            Question.article_id == garden.article.id, Question.type == "true_false"
        )
    ).first()
    attempt = create_attempt(db.session, garden.member.id, [question])
    db.session.flush()
    save_answer(db.session, attempt, attempt.questions[0], wrong_answer(question), check=True)
    submit_attempt(db.session, attempt)
    db.session.execute(sa.delete(ArticleShare).where(ArticleShare.article_id == garden.article.id))
    db.session.commit()
    attempts = sa.select(sa.func.count(QuizAttempt.id)).where(
        QuizAttempt.user_id == garden.member.id
    )
    before = db.session.scalar(attempts)

    login(client, garden.member)
    response = client.post(f"/quiz/{attempt.id}/missed")
    assert response.status_code == 409
    assert "no longer open to you" in response.get_data(as_text=True)
    assert db.session.scalar(attempts) == before
