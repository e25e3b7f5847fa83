"""One teacher's private article and own items stay theirs: every teaching page, walked as a
second teacher, shows none of its question text, answers or claims, and every path that takes
an id (copy, write on a claim, add to a set, draw, export) refuses it.

The walk is ``test_teach_access.ROUTES`` (which must list every teaching route) as the owner of
that table's objects, who is the second teacher here; a first teacher, the author, holds the
private content.
"""

# The walk's world is test_teach_access's fixture, imported: its name is taken again by every
# test that asks for it.
# ruff: noqa: F811

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from markupsafe import escape

from quizapp.core.question_kinds import all_kinds, describe_key
from quizapp.models import (
    ArticleShare,
    Claim,
    Flashcard,
    Question,
    QuizSetItem,
    Topic,
)
from quizapp.services.article_library import ArticleUpload, import_upload
from tests.builders import enrol, make_assignment, make_class, make_set
from tests.builders.articles import GARDEN
from tests.web.test_teach_access import ROUTES, world  # noqa: F401  (the fixture)

# Words of the garden article and of the author's own question that nothing public contains.
PRIVATE_WORDS = ("compost", "beekeeper", "tomato", "rainwater", "quince", "marzipan")
OWN_PROMPT = "Which quince grows beside the marzipan orchard?"
OWN_ANSWER = "The golden quince of the marzipan orchard"


@pytest.fixture
def private(db, world, make_teacher, make_student):
    """The author's private article, every item of it accepted, shared with the author's
    class, in a set assigned with no feedback; and the author's own question."""
    author, pupil = make_teacher(), make_student()
    school_class = make_class(db, author, name="Garden club")
    enrol(db, school_class, pupil)
    upload = ArticleUpload("garden.txt", GARDEN.encode(), title="Garden notebook")
    article, _ = import_upload(db.session, upload, author.id)
    db.session.flush()
    for model in (Question, Flashcard):
        db.session.execute(
            sa.update(model).where(model.article_id == article.id).values(status="published")
        )
    claims = db.session.scalars(sa.select(Claim).filter_by(article_id=article.id)).all()
    own = Question(
        key="t-author-own",
        claim_id=claims[0].id,
        type="short_answer",
        prompt=OWN_PROMPT,
        explanation="The orchard keeps its quince under marzipan nets.",
        accepted=[OWN_ANSWER],
        origin="teacher",
        author_id=author.id,
    )
    db.session.add_all([own, ArticleShare(article_id=article.id, class_id=school_class.id)])
    db.session.commit()
    questions = db.session.scalars(sa.select(Question).filter_by(article_id=article.id)).all()
    cards = db.session.scalars(sa.select(Flashcard).filter_by(article_id=article.id)).all()
    quiz_set = make_set(db, author, questions, title="Garden test", feedback="never")
    make_assignment(db, quiz_set, [school_class])
    topics = db.session.scalars(sa.select(Topic).filter_by(article_id=article.id)).all()
    assert questions and cards and len(claims) > 3
    return SimpleNamespace(
        author=author,
        pupil=pupil,
        school_class=school_class,
        article=article,
        claims=claims,
        topics=topics,
        questions=questions,
        own=own,
        cards=cards,
    )


def _markers(db, private) -> list[str]:
    """What must not appear: the private words, the start of every claim (pickers cut quotes),
    every prompt of its own, and every answer long enough to be telling. A prompt that other
    articles' questions share word for word ("Which of these statements does the article
    make?") tells nothing of this one."""
    texts = [*PRIVATE_WORDS, OWN_ANSWER]
    texts += [claim.quote[:40] for claim in private.claims]
    shared = set(
        db.session.scalars(
            sa.select(Question.prompt).where(Question.article_id != private.article.id)
        )
    )
    for question in private.questions:
        if question.prompt not in shared:
            texts.append(question.prompt[:60])
        key = describe_key(question)
        if len(key) >= 10:
            texts.append(key)
    return [str(escape(text)) for text in texts]


def _option_values(page: str, name: str) -> set[int]:
    """The values offered by the select named ``name`` (a claim or topic picker)."""
    values: set[int] = set()
    for select in re.findall(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S):
        values |= {int(v) for v in re.findall(r'<option[^>]*value="(\d+)"', select)}
    return values


def _pages(world, private) -> list[tuple[str, int]]:
    """Every teaching GET route of the table with the status its owner gets, then the variants
    a list, picker or search page takes (200 each)."""
    urls: list[str] = []
    urls += [f"/teach/items?page={page}" for page in range(1, 12)]
    urls += [f"/teach/items?type={kind.type}" for kind in all_kinds()]
    builder = f"/teach/sets/{world.quiz_set.id}"
    urls += [f"{builder}?topic=&type={kind.type}" for kind in all_kinds()]
    urls += [f"{builder}?difficulty={level}" for level in (1, 2, 3)]
    urls += [f"/teach/questions/new?claim={claim.id}" for claim in private.claims[:2]]
    urls += ["/", "/library", "/search?q=garden", "/search?q=orchard", "/study", "/cards"]
    urls.append(f"/live/host/new/{world.quiz_set.id}")  # a teacher's live game of their set
    gets = [
        (url.format(w=world), status)
        for _e, method, url, _d, status, _s in ROUTES
        if method == "GET"
    ]
    return gets + [(url, 200) for url in urls]


def test_a_second_teacher_sees_nothing_private_on_any_teaching_page(
    client, db, world, private, login
):
    login(client, world.owner)
    markers = _markers(db, private)
    private_claims = {claim.id for claim in private.claims}
    private_topics = {topic.id for topic in private.topics}
    leaks = []
    for url, status in _pages(world, private):
        response = client.get(url)
        assert response.status_code == status, url
        page = response.get_data(as_text=True)
        leaks += [(url, marker) for marker in markers if marker.casefold() in page.casefold()]
        if _option_values(page, "claim_id") & private_claims:
            leaks.append((url, "a private claim offered"))
        for name in ("topic", "draw-topic", "topics"):
            if _option_values(page, name) & private_topics:
                leaks.append((url, f"a private topic offered in {name}"))
    assert leaks == []


def test_every_export_a_second_teacher_may_ask_for_holds_nothing_private(
    client, db, world, private, login
):
    login(client, world.owner)
    page = client.get("/teach/exchange").get_data(as_text=True)
    (exports,) = re.findall(r'<select[^>]*name="article"[^>]*>(.*?)</select>', page, re.S)
    offered = re.findall(r'<option[^>]*value="([a-z0-9-]+)"', exports)
    assert private.article.slug not in offered
    # Nor is another teacher's article offered to import into.
    assert private.article.id not in _option_values(page, "into")
    markers = [*PRIVATE_WORDS, OWN_ANSWER]
    for slug in offered:
        if slug in ("moodle-xml", "gift", "csv", "apkg"):
            continue
        for fmt in ("moodle-xml", "gift", "csv"):
            response = client.get(f"/teach/exchange/export?article={slug}&format={fmt}")
            assert response.status_code == 200, (slug, fmt)
            text = response.get_data(as_text=True)
            assert [m for m in markers if m.casefold() in text.casefold()] == [], (slug, fmt)
    for fmt in ("moodle-xml", "gift", "csv", "apkg"):
        refused = client.get(f"/teach/exchange/export?article={private.article.slug}&format={fmt}")
        assert refused.status_code in (400, 404), fmt


def _question_form(claim_id: int) -> dict[str, object]:
    return {
        "claim_id": claim_id,
        "type": "true_false",
        "prompt": "Planted here by someone else?",
        "explanation": "E",
        "difficulty": "2",
        "answer_bool": "true",
    }


def test_a_second_teacher_can_take_nothing_private_by_id(client, db, world, private, login):
    login(client, world.owner)
    counts = {
        model: db.session.scalar(sa.select(sa.func.count(model.id)))
        for model in (Question, Flashcard)
    }
    set_items = db.session.scalar(sa.select(sa.func.count(QuizSetItem.id)))
    refused = []
    for question in [private.own, *private.questions[:3]]:
        response = client.post(f"/teach/questions/{question.id}/copy")
        if response.status_code != 404:
            refused.append(("copy question", question.id, response.status_code))
    response = client.post(f"/teach/flashcards/{private.cards[0].id}/copy")
    if response.status_code != 404:
        refused.append(("copy card", response.status_code))
    claim = private.claims[1].id
    response = client.post("/teach/questions/new", data=_question_form(claim))
    if response.status_code != 400:
        refused.append(("question on a private claim", response.status_code))
    card = {"claim_id": claim, "kind": "basic", "front": "F", "back": "B"}
    response = client.post("/teach/flashcards/new", data=card)
    if response.status_code != 400:
        refused.append(("card on a private claim", response.status_code))
    edit = f"/teach/questions/{world.question.id}/edit"
    response = client.post(edit, data=_question_form(claim))
    if response.status_code != 400:
        refused.append(("own question moved to a private claim", response.status_code))
    builder = f"/teach/sets/{world.quiz_set.id}"
    ids = {"question_ids": [private.questions[0].id]}
    response = client.post(f"{builder}/items", data=ids)
    if response.status_code != 400:
        refused.append(("add to a set", response.status_code))
    draw = {"draw-topic": private.topics[0].id, "draw-count": "1"}
    response = client.post(f"{builder}/draws", data=draw)
    if response.status_code != 400:
        refused.append(("draw from a private topic", response.status_code))
    assert refused == []
    db.session.expire_all()
    assert {
        model: db.session.scalar(sa.select(sa.func.count(model.id)))
        for model in (Question, Flashcard)
    } == counts
    assert db.session.scalar(sa.select(sa.func.count(QuizSetItem.id))) == set_items
    assert db.session.get(Question, world.question.id).claim_id == world.claim_id


def test_the_author_still_uses_their_own_article(client, db, world, private, login):
    login(client, private.author)
    page = client.get("/teach/questions/new").get_data(as_text=True)
    assert {claim.id for claim in private.claims} <= _option_values(page, "claim_id")
    assert str(escape(OWN_PROMPT)) in client.get("/teach/items").get_data(as_text=True)
    topic = private.questions[0].claim.topic_id
    listed = client.get(f"/teach/items?topic={topic}").get_data(as_text=True)
    assert str(escape(private.questions[0].prompt)) in listed
    response = client.post(f"/teach/questions/{private.questions[0].id}/copy")
    assert response.status_code == 302
    response = client.post("/teach/questions/new", data=_question_form(private.claims[1].id))
    assert response.status_code == 302
    export = client.get(f"/teach/exchange/export?article={private.article.slug}&format=gift")
    assert export.status_code == 200 and OWN_ANSWER in export.get_data(as_text=True)
