"""The draft editor's choice rows (a text and a tick per choice) and "Accept all in this topic"."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Claim, Flashcard, ItemStatus, Question
from tests.builders import GARDEN


@pytest.fixture
def garden(client, db, make_teacher, login):
    """A teacher's imported article, every item a draft."""
    login(client, make_teacher())
    client.post(
        "/teach/articles/new",
        data={"title": "Our garden", "text": GARDEN},
        content_type="multipart/form-data",
    )
    return db.session.scalar(sa.select(Article).where(Article.title == "Our garden"))


def _single_choice(db, article) -> Question:
    return db.session.scalars(
        sa.select(Question)
        .filter_by(article_id=article.id, type="single_choice")
        .order_by(Question.id)
    ).first()


def _rows_post(question: Question, texts: list[str], right: list[int], **extra) -> dict:
    return {
        "claim_id": question.claim_id,
        "type": "single_choice",
        "difficulty": question.difficulty,
        "prompt": question.prompt,
        "explanation": question.explanation,
        "choice_text": texts,
        "choice_right": [str(i) for i in right],
        **extra,
    }


def test_the_editor_shows_one_row_per_choice_with_the_right_one_ticked(client, db, garden):
    question = _single_choice(db, garden)
    page = client.get(f"/teach/articles/{garden.id}/questions/{question.id}/edit")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    texts = re.findall(r'name="choice_text" value="([^"]*)"', html)
    assert texts[: len(question.choices)] == [c["text"] for c in question.choices]
    assert len(texts) >= len(question.choices) + 2  # spare rows for a page without its script
    ticked = re.findall(r'type="radio" name="choice_right"\s+value="(\d+)" checked', html)
    assert ticked == [str(i) for i, c in enumerate(question.choices) if c["correct"]]
    assert 'name="choices"' not in html  # no "* 86" text box any more


def test_rows_save_the_ticked_choice_and_keep_the_choice_ids(client, db, garden):
    question = _single_choice(db, garden)
    ids = [c["id"] for c in question.choices]
    texts = ["Clay", "Sand", "Compost", ""]  # an empty spare row is left out
    response = client.post(
        f"/teach/articles/{garden.id}/questions/{question.id}/edit",
        data=_rows_post(question, texts, [2]),
    )
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Question, question.id)
    assert [(c["text"], c["correct"]) for c in saved.choices] == [
        ("Clay", False),
        ("Sand", False),
        ("Compost", True),
    ]
    kept = min(len(ids), 3)
    assert [c["id"] for c in saved.choices][:kept] == ids[:kept]  # earlier answers keep meaning
    assert saved.status == ItemStatus.PUBLISHED


@pytest.mark.parametrize(
    ("texts", "right", "message"),
    [
        (["Clay", "Sand", "Compost"], [0, 2], "exactly one correct choice, found 2"),
        (["Clay", "Sand", "Compost"], [], "exactly one correct choice, found 0"),
        (["Clay", "", ""], [0], "at least two choices"),
        (["Clay", "Sand", ""], [2], "A ticked choice has no text."),
        (["Clay", "clay"], [0], "Duplicate choices"),
    ],
)
def test_a_wrong_answer_key_is_shown_on_the_choices_with_what_was_typed(
    client, db, garden, texts, right, message
):
    question = _single_choice(db, garden)
    before = question.choices
    response = client.post(
        f"/teach/articles/{garden.id}/questions/{question.id}/edit",
        data=_rows_post(question, texts, right, prompt="A prompt the teacher typed"),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    error = re.search(r'<p class="field-error" id="choice-rows-error">([^<]*)</p>', html)
    assert error and message in error.group(1)
    shown = re.findall(r'name="choice_text" value="([^"]*)"', html)
    assert [t for t in shown if t] == [t for t in texts if t]
    assert "A prompt the teacher typed" in html
    for i in right:
        assert re.search(rf'name="choice_right"\s+value="{i}" checked', html)
    db.session.expire_all()
    kept = db.session.get(Question, question.id)
    assert (kept.choices, kept.status) == (before, ItemStatus.DRAFT)


def test_the_text_format_still_saves_a_draft(client, db, garden):
    """Scripts and the teacher's own question form post choices as text, "*" marking the key."""
    question = _single_choice(db, garden)
    data = _rows_post(question, [], [])
    del data["choice_text"], data["choice_right"]
    data["choices"] = "Clay\n* Compost"
    response = client.post(f"/teach/articles/{garden.id}/questions/{question.id}/edit", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Question, question.id).choices
    assert [(c["text"], c["correct"]) for c in saved] == [("Clay", False), ("Compost", True)]


def _topic_with_drafts(db, article):
    question = _single_choice(db, article)
    return db.session.get(Claim, question.claim_id).topic, question


def _topic_items(db, topic):
    claims = sa.select(Claim.id).where(Claim.topic_id == topic.id)
    return [
        *db.session.scalars(sa.select(Question).where(Question.claim_id.in_(claims))),
        *db.session.scalars(sa.select(Flashcard).where(Flashcard.claim_id.in_(claims))),
    ]


def test_accept_all_in_a_topic_asks_first_then_accepts_the_drafts_that_pass(client, db, garden):
    topic, broken = _topic_with_drafts(db, garden)
    broken.choices = [{**c, "correct": False} for c in broken.choices]  # no right answer
    db.session.commit()
    items = _topic_items(db, topic)
    assert len(items) > 2
    review = client.get(f"/teach/articles/{garden.id}").get_data(as_text=True)
    assert f"/teach/articles/{garden.id}/topics/{topic.id}/accept" in review

    confirm = client.get(f"/teach/articles/{garden.id}/topics/{topic.id}/accept")
    page = confirm.get_data(as_text=True)
    assert confirm.status_code == 200
    assert f"{len(items) - 1} drafts</strong> pass the checks" in page
    assert "1 draft will stay a draft" in page and "exactly one correct choice" in page
    db.session.expire_all()
    assert {i.status for i in _topic_items(db, topic)} == {
        ItemStatus.DRAFT
    }  # asking writes nothing

    done = client.post(
        f"/teach/articles/{garden.id}/topics/{topic.id}/accept", follow_redirects=True
    )
    page = done.get_data(as_text=True)
    assert f"{len(items) - 1} drafts accepted in “{topic.title}”." in page
    assert "1 stays a draft" in page and "exactly one correct choice" in page
    db.session.expire_all()
    statuses = {i.id: i.status for i in _topic_items(db, topic) if isinstance(i, Question)}
    assert statuses.pop(broken.id) == ItemStatus.DRAFT
    assert set(statuses.values()) <= {ItemStatus.PUBLISHED}
    others = db.session.scalars(
        sa.select(Question.status)
        .join(Claim, Question.claim_id == Claim.id)
        .where(Claim.article_id == garden.id, Claim.topic_id != topic.id)
    )
    assert set(others) == {ItemStatus.DRAFT}  # other topics are left as they were


def test_one_draft_left_is_accepted_by_name_not_as_all_one(client, db, garden):
    """ "Accept all 1 draft" read oddly (tried as a new user would): one draft left in a claim
    or a topic is "Accept the draft"; more keep "Accept all N drafts"."""
    topic, question = _topic_with_drafts(db, garden)
    for item in _topic_items(db, topic):
        item.status = ItemStatus.PUBLISHED
    question.status = ItemStatus.DRAFT
    db.session.commit()
    review = client.get(f"/teach/articles/{garden.id}").get_data(as_text=True)
    assert "Accept the draft in this topic" in review and "Accept the draft<" in review
    assert "Accept all 1 draft" not in review
