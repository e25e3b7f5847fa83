"""Polls: a teacher's question with choices and no right answer. Authored in the editor, added
to sets, answered and saved in homework, never scored, never practised or reviewed again, left
out of item analysis; played live with a distribution at the reveal and no points."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from quizapp.models import Claim, Question, QuizAttempt
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveAnswer, LiveGame, LivePlayer
from quizapp.services.class_mastery import class_mastery
from quizapp.services.daily_review import missed_questions
from quizapp.services.gradebook import student_topic_results
from quizapp.services.item_analysis import analyse_assignment
from quizapp.services.learner_scheduler import learner_scheduler
from quizapp.services.live_state import game_event
from quizapp.services.practice import question_candidates
from quizapp.services.progress import accuracy_by_day, topic_progress
from quizapp.services.quizzes import create_attempt, save_answer, submit_attempt
from tests.builders import enrol, make_assignment, make_class, make_set, seeded_questions, take
from tests.web.test_live_game import answer, host_command, join, player_id

EPOCH = datetime(2000, 1, 1)
POLL_FORM = {
    "type": "poll",
    "prompt": "How confident are you about the Power of Siberia pipeline?",
    "choices": "Very\nSomewhat\nNot at all",
    "difficulty": "2",
    "explanation": "A check-in before the lesson.",
    "quote": "",
    "accepted": "",
    "pairs": "",
}


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))


def _authored_poll(db, client, teacher, login) -> Question:
    login(client, teacher)
    data = {**POLL_FORM, "claim_id": _claim(db).id}
    assert client.post("/teach/questions/new", data=data).status_code == 302
    return db.session.scalar(sa.select(Question).where(Question.type == "poll"))


def test_a_teacher_authors_a_poll_with_no_right_answer(db, client, make_teacher, login):
    poll = _authored_poll(db, client, make_teacher(), login)
    assert [c["text"] for c in poll.choices] == ["Very", "Somewhat", "Not at all"]
    assert not any(c["correct"] for c in poll.choices)
    assert poll.claim_id == _claim(db).id  # every item points to a claim: the one picked
    for choices, message in (
        ("* Very\nNot at all", "no right answer"),
        ("Only one", "2 to 8 choices"),
        ("\n".join(f"Option {i}" for i in range(9)), "2 to 8 choices"),
        ("Very\nvery", "Duplicate choices"),
    ):
        data = {**POLL_FORM, "choices": choices, "claim_id": _claim(db).id}
        refused = client.post("/teach/questions/new", data=data)
        assert refused.status_code == 400 and message in refused.get_data(as_text=True)
    # The editor's rows (a text and a tick each): the rows' texts, and no tick allowed.
    rows = {**POLL_FORM, "choices": "", "claim_id": _claim(db).id}
    rows["choice_text"] = ["Ready", "Not yet", ""]
    assert client.post("/teach/questions/new", data=rows).status_code == 302
    ticked = client.post("/teach/questions/new", data={**rows, "choice_right": "0"})
    assert ticked.status_code == 400 and "untick every choice" in ticked.get_data(as_text=True)
    polls = db.session.scalars(
        sa.select(Question).where(Question.type == "poll").order_by(Question.id)
    ).all()
    assert [[c["text"] for c in p.choices] for p in polls] == [
        ["Very", "Somewhat", "Not at all"],
        ["Ready", "Not yet"],
    ]


def test_homework_saves_the_poll_answer_and_scores_the_others_only(
    db, client, make_teacher, make_student, login
):
    teacher, student = make_teacher(), make_student()
    poll = _authored_poll(db, client, teacher, login)
    client.post("/auth/logout")
    (choice,) = seeded_questions(db, 1, "single_choice")
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    quiz_set = make_set(db, teacher, [poll, choice], feedback="immediately")
    assignment = make_assignment(db, quiz_set, [school_class])
    attempt = take(db, assignment, student, [None, None], submit=False)
    slots = {slot.question_id: slot for slot in attempt.questions}
    save_answer(db.session, attempt, slots[choice.id], _right(choice))
    save_answer(db.session, attempt, slots[poll.id], poll.choices[1]["id"])
    submit_attempt(db.session, attempt)
    db.session.commit()
    assert (attempt.score, attempt.max_score, attempt.percent) == (1.0, 1.0, 100.0)
    assert slots[poll.id].response.answer == poll.choices[1]["id"]

    login(client, student)
    page = client.get(f"/quiz/{attempt.id}/results").get_data(as_text=True)
    assert "Poll: your answer" in page and "Somewhat" in page
    assert "Practise the" not in page  # the poll is not "missed"
    assert "1 / 1" in page

    # Item analysis judges the choice question only; the poll has no key to judge.
    analysis = analyse_assignment(db.session, assignment, "first")
    assert [q.question.id for q in analysis.questions] == [choice.id]
    # A poll in the shared bank (an operator's import): practice never draws it; answered in
    # a practice quiz, the daily review never asks it again (it is never "wrong").
    poll.origin = "curated"
    practice = create_attempt(db.session, student.id, [poll])
    db.session.flush()
    save_answer(db.session, practice, practice.questions[0], poll.choices[0]["id"], check=True)
    submit_attempt(db.session, practice)
    db.session.commit()
    assert (practice.score, practice.max_score) == (0.0, 0.0)
    assert poll.id not in {c.question_id for c in question_candidates(db.session, student.id, [])}
    assert poll.id not in missed_questions(db.session, student, utcnow())
    poll.origin = "teacher"  # the tests' clean-up removes teachers' items, not the bank's
    db.session.commit()
    # Mastery and accuracy count the choice question's answer alone.
    scheduler = learner_scheduler(db.session, student)
    answered = [
        (p.answered, p.accuracy)
        for p in topic_progress(db.session, student.id, scheduler, utcnow())
        if p.answered
    ]
    assert answered == [(1, 1.0)]  # the choice question; neither poll answer
    # The teacher's figures too: the class heatmap and the student's results by topic.
    heatmap = class_mastery(db.session, school_class, utcnow())
    assert {t for (_s, t) in heatmap.cells} == {choice.claim.topic_id}
    results = student_topic_results(db.session, student.id, [assignment.id])
    assert [(r.topic.id, r.questions) for r in results] == [(choice.claim.topic_id, 1)]
    assert [n for _day, _acc, n in accuracy_by_day(db.session, student.id, EPOCH, utcnow())] == [1]


def _right(question: Question) -> str:
    return next(c["id"] for c in question.choices if c["correct"])


def test_a_poll_plays_live_with_a_distribution_and_no_points(
    app, db, client, make_teacher, make_student, login
):
    teacher = make_teacher()
    poll = _authored_poll(db, client, teacher, login)
    (choice,) = seeded_questions(db, 1, "single_choice")
    quiz_set = make_set(db, teacher, [poll, choice])
    page = client.get(f"/live/host/new/{quiz_set.id}").get_data(as_text=True)
    assert "2 of 2 questions will play" in page
    client.post(f"/live/host/new/{quiz_set.id}", data={"seconds": 20, "allow_guests": "y"})
    client.post("/auth/logout")
    game = db.session.scalar(sa.select(LiveGame).where(LiveGame.quiz_set_id == quiz_set.id))
    game.teacher = teacher
    names = ("Ann", "Ben", "Cat")
    ann = make_student(name="Ann")  # signed in: her answers also go to her own record
    users = {"Ann": ann}
    phones = {name: join(app, game.pin, nickname=name, user=users.get(name))[0] for name in names}
    ids = {name: player_id(db, game, name) for name in names}
    host_command(client, game, "start")
    picks = {"Ann": 0, "Ben": 0}
    for name, index in picks.items():
        assert (
            answer(phones[name], game, ids[name], 0, poll.choices[index]["id"]).status_code == 200
        )
    refused = answer(phones["Cat"], game, ids["Cat"], 0, "not-a-choice")
    assert refused.status_code == 400

    db.session.expire_all()
    with app.app_context():
        during = game_event(db.session, db.session.get(LiveGame, game.id), utcnow())
    assert during["host"]["answered"] == 2 and "reveal" not in during["public"]

    assert answer(phones["Cat"], game, ids["Cat"], 0, poll.choices[2]["id"]).status_code == 200
    db.session.expire_all()
    stored = db.session.get(LiveGame, game.id)
    assert stored.status == "reveal"
    with app.app_context():
        event = game_event(db.session, stored, utcnow())
    reveal = event["public"]["reveal"]
    chart = [(r["text"], r["count"], r["correct"]) for r in reveal["chart"]]
    assert chart == [("Very", 2, False), ("Somewhat", 0, False), ("Not at all", 1, False)]
    assert reveal["correct"] == [] and reveal["graded"] is False
    points = db.session.scalars(sa.select(LiveAnswer.points)).all()
    assert points == [0, 0, 0]
    assert {row["score"] for row in event["public"]["leaderboard"]} == {0}
    assert db.session.scalar(sa.select(sa.func.count(LivePlayer.id))) == 3
    # Ann's own record has the answer, worth no marks: nothing for her progress to count.
    mirror = db.session.scalar(sa.select(QuizAttempt).where(QuizAttempt.user_id == ann.id))
    assert (mirror.score, mirror.max_score) == (0.0, 0.0)
    assert [slot.max_mark for slot in mirror.questions] == [0.0]
