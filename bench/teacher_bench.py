"""How fast are the gradebook and the item analysis for a full class, served by a real server?

Run from the repository root:  .venv/bin/python -m bench.teacher_bench [--requests 20]

What it does:

1. Builds a scratch SQLite database in a temporary directory: migrations, the seeded article
   and bank (``services.seeding.seed_article``), a teacher, a class of 40 students, 20 quiz
   sets of 30 questions each assigned to the class, and one submitted attempt per student
   and assignment: 800 attempts, 24,000 answered questions, bulk-inserted. A student's chance
   of answering right depends on their ability and the question's difficulty, so the item
   statistics have something to measure.
2. Serves the app with gunicorn (one sync worker, a free local port, ``DATABASE_URL`` pointing
   at the scratch database, ``SECRET_KEY`` set), logs in through the login form (with its CSRF
   token) using urllib and a cookie jar, requests each page once to warm up, then times
   ``--requests`` requests per page: the full round trip as the browser would see it.
3. Counts the SQL queries each page issues, in process with Flask's test client and an
   SQLAlchemy ``before_cursor_execute`` listener on the same database.

The pages: the class gradebook, the item analysis of one assignment (first attempts, all
attempts), the class mastery heatmap, and the gradebook CSV.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import secrets
import statistics
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from bench.scratch import seeded_app
from bench.server import start_gunicorn, stop_gunicorn
from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    AttemptQuestion,
    Question,
    QuizAttempt,
    Response,
    SchoolClass,
    User,
)
from quizapp.models.base import utcnow
from tests.builders import enrol, make_assignment, make_class, make_set, make_user

STUDENTS = 40
ASSIGNMENTS = 20
QUESTIONS_PER_SET = 30
PASSWORD = "benchmark password"
TEACHER_EMAIL = "teacher@bench.example"


def _answer(question: Question, right: bool, rng: random.Random):
    """A right or a wrong answer in the stored shape for the question's type."""
    if question.type in ("single_choice", "multiple_select"):
        correct = [c["id"] for c in question.choices if c["correct"]]
        wrong = [c["id"] for c in question.choices if not c["correct"]]
        if question.type == "single_choice":
            return correct[0] if right else rng.choice(wrong)
        return sorted(correct) if right else sorted(rng.sample(wrong, 1))
    if question.type == "true_false":
        return question.answer_bool if right else not question.answer_bool
    if question.type == "matching":
        pairs = dict(question.pairs)
        if right:
            return pairs
        lefts, rights = list(pairs), list(pairs.values())
        return dict(zip(lefts, rights[1:] + rights[:1], strict=True))
    return question.accepted[0] if right else "no idea"


def _people() -> tuple[User, SchoolClass, list[User]]:
    teacher = make_user(db.session, "teacher", TEACHER_EMAIL, "Bench Teacher", PASSWORD)
    school_class = make_class(db, teacher, "Class of 40")
    # One scrypt hash for everyone: hashing 40 passwords would only time the hash.
    students = [
        User(
            email=f"s{i}@bench.example",
            display_name=f"Student {i:02d}",
            role="student",
            password_hash=teacher.password_hash,
        )
        for i in range(STUDENTS)
    ]
    db.session.add_all(students)
    db.session.flush()
    enrol(db, school_class, *students)
    return teacher, school_class, students


def _assignments(rng, teacher, school_class, questions) -> list[tuple[Assignment, list[int]]]:
    methods = ("highest", "last", "first", "average")
    made = []
    for index in range(ASSIGNMENTS):
        chosen = rng.sample(questions, QUESTIONS_PER_SET)
        quiz_set = make_set(
            db,
            teacher,
            chosen,
            title=f"Set {index + 1}",
            time_limit_minutes=30,
            attempts_allowed=2,
            grading_method=methods[index % 4],
        )
        due = utcnow() - timedelta(days=ASSIGNMENTS - index)
        assignment = make_assignment(
            db,
            quiz_set,
            [school_class],
            due_at=due,
            accept_late=True,
            title=f"Homework {index + 1}",
        )
        made.append((assignment, [q.id for q in chosen]))
    return made


def _attempt_rows(rng, assignments, students, by_id):
    """Rows for one submitted attempt per student and assignment, with every answer."""
    attempts, slots, responses = [], [], []
    ability = {s.id: rng.uniform(0.3, 0.95) for s in students}
    for assignment, question_ids in assignments:
        for student in students:
            attempt_id = len(attempts) + 1
            started = assignment.due_at - timedelta(hours=rng.uniform(1, 48))
            score = 0.0
            for position, question_id in enumerate(question_ids, 1):
                question = by_id[question_id]
                right = rng.random() < ability[student.id] - 0.1 * (question.difficulty - 2)
                score += float(right)
                slot_id = len(slots) + 1
                slots.append(
                    dict(
                        id=slot_id,
                        attempt_id=attempt_id,
                        question_id=question_id,
                        position=position,
                        choice_order=[],
                        max_mark=1.0,
                    )
                )
                responses.append(
                    dict(
                        id=slot_id,
                        slot_id=slot_id,
                        user_id=student.id,
                        question_id=question_id,
                        score=float(right),
                        correct=right,
                        checked=False,
                        answer=_answer(question, right, rng),
                        answered_at=started + timedelta(seconds=20 * position),
                    )
                )
            attempts.append(
                dict(
                    id=attempt_id,
                    user_id=student.id,
                    kind="assignment",
                    title=assignment.title,
                    assignment_id=assignment.id,
                    started_at=started,
                    deadline=started + timedelta(minutes=30),
                    submitted_at=started + timedelta(minutes=15),
                    score=score,
                    max_score=float(len(question_ids)),
                    late_after=assignment.due_at,
                    is_late=False,
                    feedback="after_submission",
                    feedback_after=assignment.due_at,
                )
            )
    return attempts, slots, responses


def build_database(url: str, seed: int = 7) -> dict[str, int]:
    """Migrate, seed and fill the scratch database; returns the ids the pages need."""
    rng = random.Random(seed)
    app = seeded_app(url)
    with app.app_context():
        teacher, school_class, students = _people()
        questions = list(db.session.scalars(sa.select(Question).where(~Question.retired)))
        assignments = _assignments(rng, teacher, school_class, questions)
        by_id = {q.id: q for q in questions}
        attempts, slots, responses = _attempt_rows(rng, assignments, students, by_id)
        # Core bulk inserts: one executemany per table.
        db.session.execute(sa.insert(QuizAttempt), attempts)
        db.session.execute(sa.insert(AttemptQuestion), slots)
        db.session.execute(sa.insert(Response), responses)
        db.session.commit()
        ids = {
            "class_id": school_class.id,
            "assignment_id": assignments[-1][0].id,
            "attempts": len(attempts),
            "responses": len(responses),
        }
        db.engine.dispose()
    return ids


def pages(ids: dict[str, int]) -> dict[str, str]:
    c, a = ids["class_id"], ids["assignment_id"]
    return {
        "gradebook": f"/teach/classes/{c}/gradebook",
        "item analysis (first attempts)": f"/teach/assignments/{a}/analysis",
        "item analysis (all attempts)": f"/teach/assignments/{a}/analysis?attempts=all",
        "mastery heatmap": f"/teach/classes/{c}/mastery",
        "gradebook CSV": f"/teach/classes/{c}/gradebook.csv",
    }


def count_queries(url: str, ids: dict[str, int]) -> dict[str, int]:
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False}
    )
    counts = {}
    with app.app_context():
        engine = db.engine
    client = app.test_client()
    client.post("/auth/login", data={"email": TEACHER_EMAIL, "password": PASSWORD})
    for name, path in pages(ids).items():
        statements: list[str] = []

        def record(conn, cursor, statement, *args, statements=statements):
            statements.append(statement)

        sa.event.listen(engine, "before_cursor_execute", record)
        try:
            assert client.get(path).status_code == 200, path
        finally:
            sa.event.remove(engine, "before_cursor_execute", record)
        counts[name] = len(statements)
    return counts


def _opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def login(opener, base: str) -> None:
    form = opener.open(f"{base}/auth/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"email": TEACHER_EMAIL, "password": PASSWORD, "csrf_token": token}
    ).encode()
    landing = opener.open(f"{base}/auth/login", data=data).read().decode()
    assert "Bench Teacher" in landing, "login failed"


def time_pages(base: str, ids: dict[str, int], requests: int) -> dict[str, list[float]]:
    opener = _opener()
    login(opener, base)
    timings = {}
    for name, path in pages(ids).items():
        opener.open(base + path).read()  # warm up (templates compiled, caches filled)
        samples = []
        for _ in range(requests):
            start = time.perf_counter()
            with opener.open(base + path) as response:
                body = response.read()
                assert response.status == 200 and body
            samples.append(1000 * (time.perf_counter() - start))
        timings[name] = samples
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="teacher-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        started = time.perf_counter()
        ids = build_database(url)
        print(
            f"Database: {STUDENTS} students, {ASSIGNMENTS} assignments x {QUESTIONS_PER_SET} "
            f"questions, {ids['attempts']} attempts, {ids['responses']} responses "
            f"(built in {time.perf_counter() - started:.1f} s)"
        )
        queries = count_queries(url, ids)
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": secrets.token_hex(16)}
        server, port = start_gunicorn(env, new_session=True)
        try:
            timings = time_pages(f"http://127.0.0.1:{port}", ids, args.requests)
        finally:
            stop_gunicorn(server)
    print(f"\n{args.requests} timed requests per page after one warm-up request.\n")
    print("| page | SQL queries | median ms | p90 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for name, samples in timings.items():
        ordered = sorted(samples)
        p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
        median = statistics.median(samples)
        print(f"| {name} | {queries[name]} | {median:.1f} | {p90:.1f} | {ordered[-1]:.1f} |")


if __name__ == "__main__":
    main()
