"""An imported question's written credit and feedback through the web: shown after a checked
answer and in the review, and kept when a teacher edits the question's wording."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Question
from quizapp.services.interchange import import_file
from quizapp.services.quizzes import create_attempt
from tests.unit.test_credit_and_feedback import PARTIAL_SINGLE


def _imported(db, teacher) -> Question:
    import_file(db.session, "capitals.xml", PARTIAL_SINGLE, importer_id=teacher.id)
    db.session.commit()
    return db.session.scalar(sa.select(Question).where(Question.author_id == teacher.id))


def test_a_partly_right_choice_shows_its_feedback_and_the_partial_feedback(
    client, db, make_teacher, make_student, login
):
    question = _imported(db, make_teacher())
    student = make_student()
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    login(client, student)
    melbourne = question.choices[1]["id"]
    body = client.post(
        f"/quiz/{attempt.id}/1",
        data={"answer": melbourne, "action": "check"},
        headers={"Accept": "application/json"},
    ).get_json()
    assert body["feedback"]["score"] == 0.8 and body["feedback"]["correct"] is False
    assert body["feedback"]["said"] == ["It was the seat until 1927.", "Close."]
    assert "Partly correct." in body["feedback_html"]
    assert '<p class="specific-feedback">It was the seat until 1927.</p>' in body["feedback_html"]
    assert body["feedback"]["marks"][melbourne] == "partial"
    assert "Your answer: partly right" in body["answer_html"]
    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    results = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert '<p class="specific-feedback">Close.</p>' in results
    assert "0.8 / 1" in results


def test_editing_the_wording_keeps_fractions_and_feedback_but_new_ticks_drop_the_fractions(
    client, db, make_teacher, login
):
    teacher = make_teacher()
    question = _imported(db, teacher)
    login(client, teacher)
    data = {
        "type": "single_choice",
        "claim_id": question.claim_id,
        "difficulty": "2",
        "prompt": "Which city is the capital of Australia?",
        "explanation": "Canberra was chosen as a compromise.",
        "quote": "",
        "accepted": "",
        "pairs": "",
        "choices": "* Canberra\nMelbourne (Victoria)\nSydney\nPerth",
    }
    edit = f"/teach/articles/{question.article_id}/questions/{question.id}/edit"
    assert client.post(edit, data=data).status_code == 302
    db.session.refresh(question)
    assert [c.get("fraction") for c in question.choices] == [1.0, 0.8, 0.75, 0.0]
    assert question.choices[1]["text"] == "Melbourne (Victoria)"
    assert question.choices[1]["feedback"] == "It was the seat until 1927."
    assert question.combined_feedback["partial"] == "Close."

    retick = {**data, "choices": "Canberra\n* Melbourne (Victoria)\nSydney\nPerth"}
    assert client.post(edit, data=retick).status_code == 302
    db.session.refresh(question)
    assert all("fraction" not in c for c in question.choices)
    assert question.choices[0]["feedback"] == "Yes, since 1913."


def test_teachers_see_the_written_marks_and_feedbacks_where_they_review_and_edit(
    client, db, make_teacher, login
):
    teacher = make_teacher()
    question = _imported(db, teacher)
    login(client, teacher)
    credit = (
        "Marks: Canberra 100 %, Melbourne 80 %, Sydney 75 %; feedback on 3 choices; "
        "feedback when correct / partly correct / incorrect"
    )
    review = client.get(f"/teach/articles/{question.article_id}").get_data(as_text=True)
    assert credit in review
    edit = f"/teach/articles/{question.article_id}/questions/{question.id}/edit"
    form = client.get(edit).get_data(as_text=True)
    assert 'id="written-credit"' in form and credit in form
