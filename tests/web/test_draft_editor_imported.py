"""An imported Moodle question's hints and tags where a teacher reviews drafts: the review page
shows them, the draft editor edits them (refusing bad ones whole), an explanation the file did
not have shows as an empty box, and a kind without choices offers no choice-picture fields."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
import sqlalchemy as sa

from quizapp.core.interchange.drafts import NO_EXPLANATION
from quizapp.models import Question

MOODLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Solar system</text></category></question>
  <question type="numerical">
    <name><text>Planets count</text></name>
    <questiontext format="html"><text>How many planets orbit the Sun?</text></questiontext>
    <answer fraction="100"><text>8</text><tolerance>0</tolerance></answer>
    <tags><tag><text>planets</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>Largest planet</text></name>
    <questiontext format="html"><text>Which planet is the largest?</text></questiontext>
    <generalfeedback format="html"><text>Jupiter is a gas giant.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100"><text>Jupiter</text></answer>
    <answer fraction="0"><text>Saturn</text></answer>
    <answer fraction="0"><text>Mars</text></answer>
    <hint format="html"><text>It is a gas giant.</text></hint>
    <hint format="html"><text>It is named after the king of the Roman gods.</text></hint>
    <tags><tag><text>planets</text></tag><tag><text>giants</text></tag></tags>
  </question>
</quiz>
"""


@pytest.fixture
def imported(client, db, make_teacher, login) -> dict[str, Question]:
    login(client, make_teacher())
    response = client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(MOODLE), "planets.xml")},
        content_type="multipart/form-data",
    )
    assert response.status_code in (200, 302)
    questions = db.session.scalars(sa.select(Question).where(Question.tags.is_not(None))).all()
    found = {q.type: q for q in questions if "planets" in (q.tags or [])}
    assert set(found) == {"numerical", "single_choice"}
    return found


def _edit_url(question: Question) -> str:
    return f"/teach/articles/{question.article_id}/questions/{question.id}/edit"


def _post(question: Question, **extra) -> dict:
    return {
        "claim_id": question.claim_id,
        "type": question.type,
        "difficulty": question.difficulty,
        "prompt": question.prompt,
        "explanation": question.explanation,
        "choice_text": [c["text"] for c in question.choices],
        "choice_right": [str(i) for i, c in enumerate(question.choices) if c["correct"]],
        "accepted": "8" if question.type == "numerical" else "",
        **extra,
    }


def test_the_review_page_shows_each_question_s_hints_and_tags(client, imported):
    choice = imported["single_choice"]
    html = unescape(client.get(f"/teach/articles/{choice.article_id}").get_data(as_text=True))
    assert "2 hints" in html
    assert "It is named after the king of the Roman gods." in html
    assert "Tags: planets giants" in html


def test_the_draft_editor_shows_the_hints_and_tags_and_saves_edits(client, db, imported):
    choice = imported["single_choice"]
    html = unescape(client.get(_edit_url(choice)).get_data(as_text=True))
    assert "It is a gas giant.\n\nIt is named after the king of the Roman gods." in html
    assert re.search(r'name="tags"[^>]*value="planets giants"', html)
    response = client.post(
        _edit_url(choice), data=_post(choice, hints="Think big.", tags="planets jupiter")
    )
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Question, choice.id)
    assert saved.hints == ["Think big."]
    assert saved.tags == ["planets", "jupiter"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"hints": "\n\n".join(f"hint {n}" for n in range(11))}, "at most 10 hints"),
        ({"tags": "x" * 200}, "tag"),
    ],
)
def test_bad_hints_or_tags_are_refused_and_nothing_is_written(client, db, imported, extra, message):
    choice = imported["single_choice"]
    before = (list(choice.hints), list(choice.tags), choice.prompt, choice.status)
    response = client.post(_edit_url(choice), data=_post(choice, prompt="Changed?", **extra))
    assert response.status_code == 400
    assert message in unescape(response.get_data(as_text=True))
    db.session.expire_all()
    saved = db.session.get(Question, choice.id)
    assert (saved.hints, saved.tags, saved.prompt, saved.status) == before


def test_an_explanation_the_file_did_not_have_shows_as_an_empty_box(client, db, imported):
    numerical = imported["numerical"]
    assert numerical.explanation == NO_EXPLANATION
    html = unescape(client.get(_edit_url(numerical)).get_data(as_text=True))
    box = re.search(r'<textarea[^>]*name="explanation"[^>]*>([^<]*)</textarea>', html)
    assert box is not None and box.group(1).strip() == ""
    assert f'placeholder="{NO_EXPLANATION}"' in html
    assert not re.search(r'<textarea[^>]*name="explanation"[^>]*required', html)
    response = client.post(_edit_url(numerical), data=_post(numerical, explanation=""))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Question, numerical.id).explanation == NO_EXPLANATION


def test_a_written_explanation_is_still_required_and_shown(client, imported):
    choice = imported["single_choice"]
    html = unescape(client.get(_edit_url(choice)).get_data(as_text=True))
    assert "Jupiter is a gas giant.</textarea>" in html
    response = client.post(_edit_url(choice), data=_post(choice, explanation=""))
    assert response.status_code == 400


def test_choice_picture_fields_only_for_a_kind_with_choices(client, imported):
    numerical = client.get(_edit_url(imported["numerical"])).get_data(as_text=True)
    choice = client.get(_edit_url(imported["single_choice"])).get_data(as_text=True)
    assert 'name="option_file"' not in numerical
    assert 'name="option_file"' in choice


def test_a_request_without_the_tags_field_keeps_the_tags(client, db, imported):
    """As for hints: a form that does not send the field (the My-questions one) changes none."""
    choice = imported["single_choice"]
    response = client.post(_edit_url(choice), data=_post(choice))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Question, choice.id).tags == ["planets", "giants"]
