"""Multi-gap cloze questions through the web: a teacher imports a Moodle file with one, a
student answers it gap by gap and sees each gap's mark and feedback, a teacher writes one in
Moodle's syntax in the question form, the exports carry it (Moodle XML) or say they do not
(GIFT), and a live game refuses it with a reason."""

from __future__ import annotations

import io

import sqlalchemy as sa

from quizapp.models import Claim, Question, Response
from quizapp.models.live_games import LiveGame
from quizapp.services.quizzes import create_attempt
from tests.builders import make_set, teacher_cloze

MOODLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Atlas/Capitals</text></category>
  </question>
  <question type="cloze">
    <name><text>capitals</text></name>
    <questiontext format="html"><text><![CDATA[<p>The capital of France is
      {1:SHORTANSWER:=Paris#Right~%50%Lutetia#Its old name}, Germany's is
      {2:MC:Bonn#Before 1990~=Berlin#Yes~Munich} and pi is {1:NM:=3.14:0.01#Close enough}.</p>]]>
    </text></questiontext>
    <generalfeedback format="html"><text>Capitals and a number.</text></generalfeedback>
  </question>
  <question type="cloze">
    <name><text>ticks</text></name>
    <questiontext format="html"><text>Pick {1:MULTIRESPONSE:=a~=b~c}</text></questiontext>
  </question>
</quiz>
"""


def _upload(client, name: str, data: bytes):
    return client.post(
        "/teach/exchange/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def _gap_form(*texts: str, action: str = "save") -> dict[str, str]:
    return {f"gap-{i}": text for i, text in enumerate(texts)} | {"action": action}


def test_an_imported_moodle_cloze_is_answered_gap_by_gap(
    db, client, make_teacher, make_student, login
):
    login(client, make_teacher())
    report = _upload(client, "atlas.xml", MOODLE).get_data(as_text=True)
    assert "Imported 1 question" in report
    assert "ticks" in report and "several options are ticked" in report  # skipped, and why
    question = db.session.scalar(sa.select(Question).where(Question.type == "cloze_gaps"))
    assert question.prompt.count("_____") == 3 and "{" not in question.prompt
    # The draft waits on the review page with its key, its marks and its feedback named.
    assert "Answer: Gap 1: Paris; Gap 2: Berlin; Gap 3: 3.14 ± 0.01" in report
    assert "Marks per gap: 1, 2, 1; 1 answer worth part of a gap; feedback on 5 answers" in report
    client.post("/auth/logout")

    student = make_student()
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    for label in ("Gap 1 of 3", "Gap 2 of 3", "Gap 3 of 3"):
        assert label in page
    # Screen readers name the gaps in the learner's language.
    russian = client.get(f"/quiz/{attempt.id}/1", headers={"Accept-Language": "ru"})
    assert "Пропуск 2 из 3" in russian.get_data(as_text=True)
    assert 'name="gap-1"' in page and '<option value="Berlin"' in page
    assert "Fill in the 3 gaps in the text." in page

    # An option the dropdown does not have: refused, nothing saved.
    refused = client.post(f"/quiz/{attempt.id}/1", data=_gap_form("Paris", "Rome", "3.14"))
    assert refused.status_code == 400 and "Gap 2 of 3: choose one of its options" in (
        refused.get_data(as_text=True)
    )
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0

    checked = client.post(
        f"/quiz/{attempt.id}/1",
        data=_gap_form("Lutetia", "Berlin", "pi", action="check"),
        headers={"Accept": "application/json"},
    )
    assert checked.status_code == 200
    response = db.session.scalar(sa.select(Response))
    assert response.score == (0.5 + 2 + 0) / 4
    feedback = checked.get_json()["feedback_html"]
    assert "Partly correct." in feedback
    assert "Gap 1 of 3: “Lutetia”, partly right (0.5 of 1 mark). Its old name." in feedback
    assert "Gap 2 of 3: “Berlin”, right (2 of 2 marks). Yes." in feedback
    assert "The right answer: 3.14 ± 0.01." in feedback
    marked = checked.get_json()["answer_html"]
    assert "Gap 1 of 3: partly right" in marked and "Gap 3 of 3: not right" in marked

    assert client.post(f"/quiz/{attempt.id}/submit").status_code == 302
    results = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert "Gap 1: Lutetia; Gap 2: Berlin; Gap 3: pi" in results
    assert "Gap 2 of 3: “Berlin”, right (2 of 2 marks). Yes." in results


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))


FORM = {
    "type": "cloze_gaps",
    "prompt": "Paris is in {1:SA:=France#Yes}; the Rhine flows into the {2:MCV:=North Sea~Baltic}.",
    "choices": "",
    "accepted": "",
    "pairs": "",
    "difficulty": "2",
    "explanation": "Geography.",
    "quote": "",
}


def test_a_teacher_writes_a_cloze_in_the_question_form(db, client, make_teacher, login):
    login(client, make_teacher())
    data = {**FORM, "claim_id": _claim(db).id}
    assert client.post("/teach/questions/new", data=data).status_code == 302
    question = db.session.scalar(sa.select(Question).where(Question.type == "cloze_gaps"))
    assert question.prompt == "Paris is in _____; the Rhine flows into the _____."
    assert [c["gap"]["type"] for c in question.choices] == ["SHORTANSWER", "MULTICHOICE_V"]
    # The edit form gives the text back in the syntax the teacher typed it in.
    page = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "{2:MULTICHOICE_V:=North Sea~%0%Baltic}" in page
    for prompt, message in (
        ("No gaps at all.", "The text has no gap"),
        ("It is {1:SA:%50%Paris}.", "Gap 1 needs an answer worth full marks"),
    ):
        refused = client.post("/teach/questions/new", data={**data, "prompt": prompt})
        assert refused.status_code == 400 and message in refused.get_data(as_text=True)
    count = sa.select(sa.func.count()).where(Question.type == "cloze_gaps")
    assert db.session.scalar(count) == 1


def test_exports_carry_a_cloze_in_moodle_xml_and_say_gift_cannot(db, client, make_teacher, login):
    teacher = make_teacher()
    question = teacher_cloze(db, teacher, _claim(db).id, "geo")
    article = question.claim.article.slug
    login(client, teacher)
    xml = client.get(f"/teach/exchange/export?article={article}&format=moodle-xml")
    assert xml.status_code == 200
    assert b'<question type="cloze">' in xml.data
    assert b"{2:MULTICHOICE:%0%Bonn#Before 1990~=Berlin#Yes~%0%Munich}" in xml.data
    gift = client.get(f"/teach/exchange/export?article={article}&format=gift")
    text = gift.get_data(as_text=True)
    assert f"// not carried: {question.key}: a cloze question with several gaps" in text
    assert "geo: the capital of France" not in text


def test_a_live_game_refuses_a_cloze_and_says_why(db, client, make_teacher, login):
    teacher = make_teacher()
    question = teacher_cloze(db, teacher, _claim(db).id, "live")
    quiz_set = make_set(db, teacher, [question])
    login(client, teacher)
    page = client.get(f"/live/host/new/{quiz_set.id}").get_data(as_text=True)
    assert "does not play: Cloze questions with several gaps do not play live" in page
    refused = client.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20})
    assert refused.status_code in (400, 409)
    assert "multi-gap cloze" in refused.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(LiveGame.id))) == 0


def test_the_command_line_round_trip_keeps_a_cloze_and_gift_reports_it(
    db, runner, tmp_path, make_teacher
):
    teacher = make_teacher()
    question = teacher_cloze(db, teacher, _claim(db).id, "trip")
    article = question.claim.article.slug
    gaps = [c["gap"] for c in question.choices]
    out = tmp_path / "bank.xml"
    result = runner.invoke(
        args=["bank", "export", "--article", article, "--format", "moodle-xml", "-o", str(out)]
    )
    assert result.exit_code == 0 and "Not carried" not in result.output
    result = runner.invoke(args=["bank", "import", str(out)])
    assert result.exit_code == 0, result.output
    back = db.session.scalar(
        sa.select(Question).where(Question.type == "cloze_gaps", Question.id != question.id)
    )
    assert (back.prompt, [c["gap"] for c in back.choices]) == (question.prompt, gaps)
    assert back.key == question.key  # the idnumber came back
    # Into the article it came from, the same file changes nothing.
    result = runner.invoke(
        args=["bank", "import", str(out), "--article", article, "--author", teacher.email]
    )
    assert result.exit_code == 0, result.output
    assert "cloze gaps: 0 updated, 1 unchanged, 0 new" in result.output

    gift = tmp_path / "bank.gift"
    result = runner.invoke(
        args=["bank", "export", "--article", article, "--format", "gift", "-o", str(gift)]
    )
    assert result.exit_code == 0
    assert f"Not carried: {question.key}: a cloze question with several gaps" in result.output


def test_a_learner_reads_each_gaps_feedback_in_their_language(
    app, db, client, make_teacher, make_student, login, monkeypatch
):
    """Before, a Russian learner read "Gap 1 of 1: “paris city”, partly right (0.5 of 1 mark).
    The right answer: Paris." and "cloze gaps" in English beside Russian words."""
    with app.app_context():  # the shipped catalogues, loaded afresh for the test
        monkeypatch.setattr(app.extensions["babel"].instance.domain_instance, "cache", {})
    login(client, make_teacher())
    _upload(client, "capitals.gift", b"::Q:: Capital of France? {=%100%Paris =%50%paris city}")
    question = db.session.scalar(sa.select(Question).where(Question.type == "cloze_gaps"))
    client.post("/auth/logout")
    student = make_student()
    login(client, student)
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    russian = {"Accept-Language": "ru", "Accept": "application/json"}
    page = client.get(f"/quiz/{attempt.id}/1", headers=russian).get_data(as_text=True)
    assert "Заполните 1 пропуск в тексте." in page and "Fill in the gap" not in page
    checked = client.post(
        f"/quiz/{attempt.id}/1", data=_gap_form("paris city", action="check"), headers=russian
    )
    feedback = checked.get_json()["feedback_html"]
    assert (
        "Пропуск 1 из 1: «paris city» — частично верно (0,5 из 1 балла). Правильный ответ: Paris."
        in feedback
    ), feedback
    assert "Ответ: Пропуск 1: Paris." in feedback
    assert "Gap" not in feedback and "right" not in feedback
    client.post(f"/quiz/{attempt.id}/submit")
    results = client.get(f"/quiz/{attempt.id}/results", headers=russian).get_data(as_text=True)
    assert "заполните пропуски" in results and "cloze gaps" not in results
    assert "Пропуск 1: paris city" in results and "Gap 1" not in results
    # The file had no explanation: the one it is stored with is said in Russian too.
    assert "К этому вопросу не приложено объяснение." in results
    # The English page says what it said before.
    english = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert "Gap 1 of 1: “paris city”, partly right (0.5 of 1 mark). The right answer: Paris." in (
        english
    )


def test_the_review_page_names_a_gaps_marks_in_the_teachers_language(
    app, db, client, make_teacher, login, monkeypatch
):
    """Before, "Marks per gap: 1; 1 answer worth part of a gap" stayed English."""
    with app.app_context():  # the shipped catalogues, loaded afresh for the test
        monkeypatch.setattr(app.extensions["babel"].instance.domain_instance, "cache", {})
    login(client, make_teacher())
    gift = b"::Q:: Capital of France? {=%100%Paris =%50%paris city#Not its name}"
    english = _upload(client, "capitals.gift", gift).get_data(as_text=True)
    assert "Marks per gap: 1; 1 answer worth part of a gap; feedback on 1 answer" in english
    article_id = db.session.scalar(
        sa.select(Question.article_id).where(Question.type == "cloze_gaps")
    )
    page = client.get(f"/teach/articles/{article_id}", headers={"Accept-Language": "ru"})
    text = page.get_data(as_text=True)
    assert (
        "Баллы за пропуски: 1; 1 ответ стоит части баллов пропуска; обратная связь к 1 ответу"
        in text
    ), text
    assert "заполните пропуски" in text and "Marks per gap" not in text


def test_an_offline_quiz_gives_a_cloze_instruction_in_the_learners_language(
    db, client, make_teacher, make_student, login, monkeypatch, shipped_catalogues
):
    """The offline page shows the prompt the download gives; a cloze's is the app's own
    sentence, so it comes in the learner's language (it came in English)."""
    from quizapp.services import offline_download

    question = teacher_cloze(db, make_teacher(), _claim(db).id, "offline")
    student = make_student()
    attempt = create_attempt(db.session, student.id, [question])
    db.session.commit()
    monkeypatch.setattr(offline_download, "start_offline_practice", lambda *_args, **_kw: attempt)
    login(client, student)
    topic = client.get("/offline/cards").get_json()["topics"][0]["id"]
    quiz = client.post(
        "/offline/practice", json={"topic": topic}, headers={"Accept-Language": "ru"}
    ).get_json()
    (only,) = quiz["questions"]
    assert only["prompt"] == "Заполните 3 пропуска в тексте."
