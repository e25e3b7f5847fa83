"""Who sees what: every teaching route walked as its owner, another teacher, a student and an
anonymous visitor; and every POST refused without a CSRF token.

The table must list every route of the ``teach`` and ``classroom`` blueprints, so a new route
cannot slip in without an answer here.
"""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from quizapp.core.roster_csv import read_roster
from quizapp.extensions import db as _db
from quizapp.models import Claim, Flashcard, Question, QuizSetItem, SchoolClass
from quizapp.services.roster_import import plan_roster
from tests.builders import (
    enrol,
    imported_article,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
    teacher_items,
)
from tests.services.test_article_namespaces import LOOKALIKE


@pytest.fixture
def world(db, make_teacher, make_student):
    owner, other, student, spare = make_teacher(), make_teacher(), make_student(), make_student()
    school_class = make_class(db, owner)
    enrol(db, school_class, student, spare)
    questions = seeded_questions(db, 3, "true_false")
    quiz_set = make_set(db, owner, questions)
    empty_set = make_set(db, owner, [], title="Empty")
    assignment = make_assignment(db, quiz_set, [school_class])
    attempt = take(db, assignment, student)
    claim_id = questions[0].claim_id
    mine, cards = teacher_items(db, owner, claim_id, "t-own")
    article = imported_article(db, owner, LOOKALIKE)
    claims = db.session.scalars(sa.select(Claim).filter_by(article_id=article.id)).all()
    drafts = db.session.scalars(sa.select(Question).filter_by(article_id=article.id)).all()
    draft_cards = db.session.scalars(sa.select(Flashcard).filter_by(article_id=article.id)).all()
    items = sorted(quiz_set.items, key=lambda i: i.position)
    return SimpleNamespace(
        owner=owner,
        other=other,
        student=student,
        spare=spare,
        school_class=school_class,
        quiz_set=quiz_set,
        empty_set=empty_set,
        assignment=assignment,
        attempt=attempt,
        question=mine[0],
        question2=mine[1],
        card=cards[0],
        card2=cards[1],
        claim_id=claim_id,
        item=items[0],
        item2=items[1],
        seeded_id=questions[2].id,
        topic_id=questions[0].claim.topic_id,
        article=article,
        article_claim=claims[0],
        article_claim2=claims[-1],
        draft_question=drafts[0],
        draft_card=draft_cards[0],
    )


def _settings(w):
    return {"title": "T", "attempts_allowed": "1", "grading_method": "highest", "feedback": "never"}


def _schedule(w):
    return {"title": "A", "classes": [w.school_class.id], "due_at": "2031-01-01T10:00"}


def _question(w):
    return {
        "claim_id": w.claim_id,
        "type": "true_false",
        "prompt": "P",
        "explanation": "E",
        "difficulty": "2",
        "answer_bool": "false",
    }


def _draw(w):
    return {"draw-topic": w.topic_id, "draw-count": "1"}


def _card(w):
    return {"claim_id": w.claim_id, "kind": "basic", "front": "F2", "back": "B2"}


def _paste(w):
    return {"title": "Another Pivot East", "text": LOOKALIKE}


ROSTER_CSV = b"New Student,new.student@example.org\n"


def _roster_file(w):
    return {"roster-file": (io.BytesIO(ROSTER_CSV), "roster.csv")}


def _roster_confirm(w):
    """The confirmation the owner's preview would show for ROSTER_CSV."""
    lines = read_roster(ROSTER_CSV.decode())
    plan = plan_roster(_db.session, w.school_class, lines)
    return {"text": ROSTER_CSV.decode(), "fingerprint": plan.fingerprint}


def _draft_card(w):
    return {"claim_id": w.draft_card.claim_id, "kind": "basic", "front": "F3", "back": "B3"}


AR = "/teach/articles/{w.article.id}"
AR_TOPIC = AR + "/topics/{w.article_claim.topic_id}"
C = "/teach/classes/{w.school_class.id}"
S = "/teach/sets/{w.quiz_set.id}"
A = "/teach/assignments/{w.assignment.id}"
# (endpoint, method, url, form data, owner's status, scoped to the owner's objects).
# Destructive routes come last so the owner's walk does not pull the ground from under itself.
ROUTES = [
    ("teach.home", "GET", "/teach/", None, 200, False),
    ("teach.new_class", "GET", "/teach/classes/new", None, 200, False),
    ("teach.new_class", "POST", "/teach/classes/new", lambda w: {"name": "N"}, 302, False),
    ("teach.class_page", "GET", C, None, 200, True),
    ("teach.new_code", "POST", C + "/code", None, 302, True),
    ("teach.preview_roster", "POST", C + "/roster/preview", _roster_file, 200, True),
    ("teach.import_roster", "POST", C + "/roster/import", _roster_confirm, 302, True),
    ("teach.class_gradebook", "GET", C + "/gradebook", None, 200, True),
    ("teach.gradebook_csv", "GET", C + "/gradebook.csv", None, 200, True),
    ("teach.class_responses_csv", "GET", C + "/responses.csv", None, 200, True),
    ("teach.class_mastery", "GET", C + "/mastery", None, 200, True),
    ("teach.student_page", "GET", C + "/students/{w.student.id}", None, 200, True),
    (
        "teach.student_attempt",
        "GET",
        C + "/students/{w.student.id}/attempts/{w.attempt.id}",
        None,
        200,
        True,
    ),
    ("teach.new_set", "GET", "/teach/sets/new", None, 200, False),
    ("teach.new_set", "POST", "/teach/sets/new", _settings, 302, False),
    ("teach.builder", "GET", S, None, 200, True),
    ("teach.set_settings", "GET", S + "/settings", None, 200, True),
    ("teach.set_settings", "POST", S + "/settings", _settings, 302, True),
    ("teach.preview", "GET", S + "/preview", None, 200, True),
    ("teach.add_items", "POST", S + "/items", lambda w: {"question_ids": [w.seeded_id]}, 302, True),
    ("teach.add_draw", "POST", S + "/draws", _draw, 302, True),
    (
        "teach.move_item",
        "POST",
        S + "/items/{w.item2.id}/move",
        lambda w: {"direction": "up"},
        302,
        True,
    ),
    ("teach.assign", "GET", S + "/assign", None, 200, True),
    ("teach.assign", "POST", S + "/assign", _schedule, 302, True),
    ("teach.edit_assignment", "GET", A + "/edit", None, 200, True),
    ("teach.edit_assignment", "POST", A + "/edit", _schedule, 302, True),
    ("teach.analysis", "GET", A + "/analysis", None, 200, True),
    ("teach.assignment_responses_csv", "GET", A + "/responses.csv", None, 200, True),
    ("teach.items", "GET", "/teach/items", None, 200, False),
    ("teach.new_question", "GET", "/teach/questions/new", None, 200, False),
    ("teach.new_question", "POST", "/teach/questions/new", _question, 302, False),
    ("teach.edit_question", "GET", "/teach/questions/{w.question.id}/edit", None, 200, True),
    ("teach.edit_question", "POST", "/teach/questions/{w.question.id}/edit", _question, 302, True),
    ("teach.new_flashcard", "GET", "/teach/flashcards/new", None, 200, False),
    ("teach.new_flashcard", "POST", "/teach/flashcards/new", _card, 302, False),
    ("teach.edit_flashcard", "GET", "/teach/flashcards/{w.card.id}/edit", None, 200, True),
    ("teach.edit_flashcard", "POST", "/teach/flashcards/{w.card.id}/edit", _card, 302, True),
    ("teach.exchange", "GET", "/teach/exchange", None, 200, False),
    ("teach.import_bank", "POST", "/teach/exchange/import", None, 400, False),
    (
        "teach.preview_cards",
        "POST",
        "/teach/exchange/cards/preview",
        lambda w: {"text": "Rason\tport"},
        200,
        False,
    ),
    (
        "teach.import_pasted_cards",
        "POST",
        "/teach/exchange/cards/import",
        lambda w: {"text": "Rason\tport", "name": "Deck"},
        302,
        False,
    ),
    (
        "teach.export_bank",
        "GET",
        "/teach/exchange/export?article=article-russia-pivot-east&format=gift",
        None,
        200,
        False,
    ),
    ("teach.copy_item", "POST", "/teach/questions/{w.question.id}/copy", None, 302, True),
    ("teach.copy_item", "POST", "/teach/flashcards/{w.card.id}/copy", None, 302, True),
    ("teach.remove_item", "POST", S + "/items/{w.item.id}/remove", None, 302, True),
    ("teach.delete_item", "POST", "/teach/questions/{w.question2.id}/delete", None, 302, True),
    ("teach.delete_item", "POST", "/teach/flashcards/{w.card2.id}/delete", None, 302, True),
    ("teach.delete_set", "POST", "/teach/sets/{w.empty_set.id}/delete", None, 302, True),
    ("teach.articles", "GET", "/teach/articles", None, 200, False),
    ("teach.import_article", "GET", "/teach/articles/new", None, 200, False),
    ("teach.import_article", "POST", "/teach/articles/new", _paste, 302, False),
    ("teach.review_article", "GET", AR, None, 200, True),
    ("teach.reimport_article", "GET", AR + "/reimport", None, 200, True),
    ("teach.reimport_article", "POST", AR + "/reimport", _paste, 302, True),
    (
        "teach.decide_item",
        "POST",
        AR + "/questions/{w.draft_question.id}/decide",
        lambda w: {"decision": "accept"},
        302,
        True,
    ),
    ("teach.edit_draft", "GET", AR + "/flashcards/{w.draft_card.id}/edit", None, 200, True),
    ("teach.edit_draft", "POST", AR + "/flashcards/{w.draft_card.id}/edit", _draft_card, 302, True),
    ("teach.accept_claim", "POST", AR + "/claims/{w.article_claim.id}/accept", None, 302, True),
    ("teach.accept_topic", "GET", AR_TOPIC + "/accept", None, 200, True),
    ("teach.accept_topic", "POST", AR_TOPIC + "/accept", None, 302, True),
    (
        "teach.change_topic",
        "POST",
        AR + "/topics/{w.article_claim.topic_id}",
        lambda w: {"action": "rename", "title": "Renamed"},
        302,
        True,
    ),
    (
        "teach.share_article",
        "POST",
        AR + "/share",
        lambda w: {"classes": [w.school_class.id]},
        302,
        True,
    ),
    (
        "teach.set_article_language",
        "POST",
        AR + "/language",
        lambda w: {"language": "de"},
        302,
        True,
    ),
    # Only an admin publishes to everyone; a teacher, owner or not, is refused.
    ("teach.publish_article", "POST", AR + "/publish", lambda w: {"published": "1"}, 403, False),
    ("teach.drop_claim", "POST", AR + "/claims/{w.article_claim2.id}/drop", None, 302, True),
    ("teach.remove_student", "POST", C + "/students/{w.spare.id}/remove", None, 302, True),
]
# The students' side: (endpoint, method, url, data, status for the enrolled student,
# for another teacher (not in the class), for anonymous).
CLASSROOM = [
    ("classroom.assignments", "GET", "/assignments", None, 200, 200),
    ("classroom.join", "GET", "/join", None, 200, 200),
    ("classroom.join", "POST", "/join", lambda w: {"code": "WRONG"}, 400, 400),
    ("classroom.join_link", "GET", "/join/{w.school_class.join_code}", None, 200, 200),
    ("classroom.join_link", "POST", "/join/NOSUCHCODE", None, 404, 404),
    ("classroom.start", "POST", "/assignments/{w.assignment.id}/start", None, 302, 404),
]


def _call(client, method, url, data, w):
    url = url.format(w=w)
    payload = data(w) if data else {}
    return client.get(url) if method == "GET" else client.post(url, data=payload)


def test_the_tables_cover_every_teaching_route(app):
    listed = {e for e, *_ in ROUTES} | {e for e, *_ in CLASSROOM}
    registered = {
        r.endpoint
        for r in app.url_map.iter_rules()
        if r.endpoint.startswith(("teach.", "classroom."))
    }
    assert registered == listed


def test_the_owner_may_do_everything(client, db, world, login):
    login(client, world.owner)
    wrong = []
    for endpoint, method, url, data, status, _scoped in ROUTES:
        got = _call(client, method, url, data, world).status_code
        if got != status:
            wrong.append((endpoint, method, got, status))
    assert wrong == []


def test_another_teacher_gets_404_for_everything_of_the_owner(client, db, world, login):
    login(client, world.other)
    wrong = []
    for endpoint, method, url, data, status, scoped in ROUTES:
        expected = 404 if scoped else status  # unscoped routes act on their own things
        got = _call(client, method, url, data, world).status_code
        if got != expected:
            wrong.append((endpoint, method, got, expected))
    for endpoint, method, url, data, _student, other in CLASSROOM:
        got = _call(client, method, url, data, world).status_code
        if got != other:
            wrong.append((endpoint, method, got, other))
    assert wrong == []
    assert (
        db.session.scalar(
            sa.select(SchoolClass.name).where(SchoolClass.id == world.school_class.id)
        )
        == world.school_class.name
    )


def test_a_student_gets_403_on_every_teacher_route(client, db, world, login):
    login(client, world.student)
    wrong = []
    for endpoint, method, url, data, _status, _scoped in ROUTES:
        got = _call(client, method, url, data, world).status_code
        if got != 403:
            wrong.append((endpoint, method, got))
    for endpoint, method, url, data, expected, _other in CLASSROOM:
        got = _call(client, method, url, data, world).status_code
        if got != expected:
            wrong.append((endpoint, method, got, expected))
    assert wrong == []
    assert len(world.quiz_set.items) == 3


# A join link is shared with people who may have no account yet: it shows them the class,
# with sign-up and log-in links that come back to it (tests/web/test_join_link_onboarding.py).
SHOWN_TO_VISITORS = {("classroom.join_link", "GET")}


def test_an_anonymous_visitor_is_sent_to_log_in(client, db, world):
    wrong = []
    for endpoint, method, url, data, *_ in ROUTES + CLASSROOM:
        response = _call(client, method, url, data, world)
        if (endpoint, method) in SHOWN_TO_VISITORS:
            if response.status_code != 200:
                wrong.append((endpoint, method, response.status_code))
        elif response.status_code != 302 or "/auth/login" not in response.location:
            wrong.append((endpoint, method, response.status_code))
    assert wrong == []


def test_a_student_sees_only_their_own_attempts(client, db, world, login):
    login(client, world.spare)  # in the same class, but this is not their attempt
    attempt = world.attempt
    for page in ("1", "results", "submit"):
        assert client.get(f"/quiz/{attempt.id}/{page}").status_code == 404, page
    page = client.get("/assignments").get_data(as_text=True)
    assert "Submitted" not in page and "Not started" in page


def test_every_post_without_a_csrf_token_is_refused(app, client, db, world, login):
    login(client, world.owner)
    posts = [(e, u, d) for e, m, u, d, *_ in ROUTES if m == "POST"]
    posts += [(e, u, d) for e, m, u, d, *_ in CLASSROOM if m == "POST"]
    items_before = db.session.scalar(sa.select(sa.func.count(QuizSetItem.id)))
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        wrong = []
        for endpoint, url, data in posts:
            response = client.post(url.format(w=world), data=data(world) if data else {})
            if response.status_code != 400 or b"not sent by this site" not in response.data:
                wrong.append((endpoint, response.status_code))
        assert wrong == []
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(QuizSetItem.id))) == items_before
    school_class = db.session.get(SchoolClass, world.school_class.id)
    assert school_class.join_code == world.school_class.join_code


def test_out_of_range_ids_are_404_or_400_never_500(client, db, world, login):
    login(client, world.owner)
    huge = 10**20
    assert client.get(f"/teach/classes/{huge}").status_code == 404
    assert client.get(f"/teach/sets/{huge}/preview").status_code == 404
    assert client.post(f"/teach/sets/{world.quiz_set.id}/items/{huge}/remove").status_code == 404
    added = client.post(f"/teach/sets/{world.quiz_set.id}/items", data={"question_ids": [huge]})
    assert added.status_code == 400
