"""What an imported question says after an answer, as Moodle shows it (issue 23): a numerical
question tells the feedback of the value that marked the number, and pictures inside any
feedback (general, per answer, combined) are shown with it, with their alt text, when the
learner checks an answer and in the results. Text that is no number is still refused."""

from __future__ import annotations

import html
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from quizapp.models import Article, Question, Response
from quizapp.services.interchange import import_file
from quizapp.services.media import media_sink
from quizapp.services.quizzes import create_attempt

FILE = Path(__file__).parents[1] / "unit" / "interchange_files" / "feedback_pictures.xml"


def _imported(db, teacher) -> dict[str, Question]:
    """The fixture's questions, imported by ``teacher`` with their files, by prompt."""
    report = import_file(
        db.session,
        FILE.name,
        FILE.read_bytes(),
        importer_id=teacher.id,
        media=media_sink(current_app.config, db.session),
    )
    db.session.commit()
    assert report.changed == []  # every feedback and picture kept
    article = db.session.scalar(sa.select(Article).where(Article.slug == report.article_slug))
    questions = db.session.scalars(sa.select(Question).where(Question.article_id == article.id))
    return {q.prompt: q for q in questions}


def _picture(question: Question, alt: str) -> str:
    (entry,) = [m for m in question.media if m["alt"] == alt]
    return f'src="/media/{entry["sha256"]}" alt="{html.escape(alt, quote=True)}"'


def _check(client, attempt, position: int, answer: str):
    return client.post(f"/quiz/{attempt.id}/{position}", data={"answer": answer, "action": "check"})


def _checked(db, client, student, question: Question, answer: str):
    """A new practice attempt of ``question`` with ``answer`` checked (a checked answer is
    final), and its page."""
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    assert _check(client, attempt, 1, answer).status_code in (200, 302)
    return attempt, client.get(f"/quiz/{attempt.id}/1").text


def test_a_learner_is_told_the_feedback_of_the_number_and_sees_its_picture(
    db, client, make_teacher, make_student, login
):
    pi = _imported(db, make_teacher())["What is pi to two decimals?"]
    student = make_student()
    login(client, student)

    # Text that is no number: a 400 that says so, and nothing saved.
    attempt = create_attempt(db.session, student.id, [pi])
    db.session.commit()
    refused = _check(client, attempt, 1, "three")
    assert refused.status_code == 400 and "is not a number" in refused.text
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0

    _, page = _checked(db, client, student, pi, "3.3")
    assert '<p class="specific-feedback">Roughly.</p>' in page
    assert "Close enough." not in page and "Completely wrong." not in page
    # The general feedback's picture is shown with the explanation, with its alt text.
    assert _picture(pi, "A circle and its diameter") in page
    assert _picture(pi, "A green tick") not in page

    _, page = _checked(db, client, student, pi, "314e-2 rad")
    assert '<p class="specific-feedback">Close enough.</p>' in page
    assert _picture(pi, "A green tick") in page

    attempt, page = _checked(db, client, student, pi, "9")
    assert '<p class="specific-feedback">Completely wrong.</p>' in page
    assert _picture(pi, "A red cross") in page and _picture(pi, "A green tick") not in page

    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    results = client.get(f"/quiz/{attempt.id}/results").text
    assert '<p class="specific-feedback">Completely wrong.</p>' in results
    assert _picture(pi, "A red cross") in results
    assert _picture(pi, "A circle and its diameter") in results


def test_a_picked_choices_feedback_picture_and_the_outcomes_are_shown(
    db, client, make_teacher, make_student, login
):
    capital = _imported(db, make_teacher())["Which city is the capital of Australia?"]
    sydney, canberra = capital.choices[1]["id"], capital.choices[0]["id"]
    student = make_student()
    login(client, student)

    # A choice the question does not have: refused, nothing saved.
    attempt = create_attempt(db.session, student.id, [capital])
    db.session.commit()
    refused = _check(client, attempt, 1, "no-such-choice")
    assert 400 <= refused.status_code < 500
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0

    _, page = _checked(db, client, student, capital, sydney)
    assert "The largest city, not the capital." in page and "Look again at the map." in page
    assert _picture(capital, "Sydney harbour") in page
    assert _picture(capital, "A gold star") not in page

    attempt, page = _checked(db, client, student, capital, canberra)
    assert "Yes, since 1913." in page and "Well done." in page
    assert _picture(capital, "A gold star") in page
    assert _picture(capital, "Sydney harbour") not in page
    client.post(f"/quiz/{attempt.id}/submit")
    results = client.get(f"/quiz/{attempt.id}/results").text
    assert "Yes, since 1913." in results and _picture(capital, "A gold star") in results


def test_a_teacher_editing_the_wording_keeps_each_values_feedback_and_pictures(
    db, client, make_teacher, login
):
    teacher = make_teacher()
    pi = _imported(db, teacher)["What is pi to two decimals?"]
    before = ([c.get("feedback") for c in pi.choices], list(pi.media), pi.combined_feedback)
    login(client, teacher)
    address = f"/teach/articles/{pi.article_id}/questions/{pi.id}/edit"
    page = client.get(address)
    assert page.status_code == 200
    assert "3.14:0.01\n%50%3:0.5\n%25%22\nunit: rad = 1" in page.text
    form = {
        "claim_id": pi.claim_id,
        "type": "numerical",
        "prompt": "What is pi, to two decimals?",
        "choices": "",
        "accepted": "3.14:0.01\n%50%3:0.5\n%25%22\nunit: rad = 1",
        "pairs": "",
        "difficulty": "2",
        "explanation": pi.explanation,
        "quote": pi.quote or "",
    }
    saved = client.post(address, data=form)
    assert saved.status_code == 302, saved.text
    db.session.expire_all()
    pi = db.session.get(Question, pi.id)
    assert pi.prompt == "What is pi, to two decimals?"
    assert ([c.get("feedback") for c in pi.choices], pi.media, pi.combined_feedback) == before
