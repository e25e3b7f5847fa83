"""Days are the learner's: the streak, "done today" and the heatmap count days in the learner's
time zone, and CSV exports write times in the exporting teacher's zone with the offset."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from quizapp.models.base import utcnow
from tests.builders import (
    add_review,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


def test_dashboard_counts_today_and_the_streak_in_los_angeles(client, db, make_student, login):
    learner = make_student()
    learner.time_zone = "America/Los_Angeles"
    db.session.commit()
    zone = ZoneInfo("America/Los_Angeles")
    local_now = datetime.now(UTC).astimezone(zone)
    midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    midnight_utc = midnight.astimezone(UTC).replace(tzinfo=None)
    # One review a minute before the learner's midnight, one a minute after: the same UTC
    # day (LA's midnight is 07:00 or 08:00 UTC), two local days.
    add_review(db.session, learner.id, midnight_utc - timedelta(minutes=1))
    add_review(db.session, learner.id, midnight_utc + timedelta(minutes=1))
    login(client, learner)
    page = client.get("/study").get_data(as_text=True)
    assert "1 / 20" in page, "done today counts the local day only"
    assert "2 days</strong> in a row" in page
    # Whitespace folded as a browser shows it (templates wrap long lines).
    progress = " ".join(client.get("/progress").get_data(as_text=True).split())
    assert "2 active days in the last 26 weeks; current streak 2 days." in progress


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_responses_csv_writes_the_teachers_zone_with_its_offset(
    client, db, make_teacher, make_student, login
):
    teacher = make_teacher()
    teacher.time_zone = "Pacific/Auckland"
    db.session.commit()
    school_class = make_class(db, teacher)
    student = make_student(name="Night Owl")
    enrol(db, school_class, student)
    questions = seeded_questions(db, 2, "true_false")
    assignment = make_assignment(db, make_set(db, teacher, questions), [school_class])
    # 23:30 UTC on the 24th is 12:30 on the 25th in Auckland (UTC+13 in November).
    answered = datetime(2026, 11, 24, 23, 30)
    take(db, assignment, student, now=answered)
    login(client, teacher)
    for url in (
        f"/teach/classes/{school_class.id}/responses.csv",
        f"/teach/assignments/{assignment.id}/responses.csv",
    ):
        header, *rows = _csv(client.get(url))
        row = rows[0]
        assert row[header.index("answered_at")] == "2026-11-25T12:30:00+13:00"
        assert row[header.index("attempt_started")] == "2026-11-25T12:30:00+13:00"
        # Read back, the offset gives the stored instant exactly.
        moment = datetime.fromisoformat(row[header.index("answered_at")])
        assert moment.astimezone(UTC).replace(tzinfo=None) == answered
    # A teacher in UTC sees +00:00, not a bare time that could be any zone.
    teacher.time_zone = "UTC"
    db.session.commit()
    header, *rows = _csv(client.get(f"/teach/classes/{school_class.id}/responses.csv"))
    assert rows[0][header.index("answered_at")] == "2026-11-24T23:30:00+00:00"
    assert utcnow() > answered  # the answer lies in the past, as a real one would
