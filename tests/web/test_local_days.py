"""Days are the learner's: the streak, "done today" and the heatmap count days in the learner's
time zone, and CSV exports write times in the exporting teacher's zone with the offset."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from quizapp.models import Flashcard, ReviewLog
from quizapp.models.base import utcnow
from quizapp.services.progress import activity_by_day, local_today
from tests.builders import (
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)


def _review(db, user, moment: datetime) -> None:
    card_id = db.session.scalar(sa.select(Flashcard.id).limit(1))
    db.session.add(
        ReviewLog(
            user_id=user.id, flashcard_id=card_id, rating=3, reviewed_at=moment, state_after={}
        )
    )
    db.session.commit()


def _utc(year, month, day, hour, minute) -> datetime:
    return datetime(year, month, day, hour, minute)


def test_a_review_after_midnight_in_auckland_counts_on_the_new_local_day(db, make_student):
    learner = make_student()
    learner.time_zone = "Pacific/Auckland"  # UTC+13 in November (daylight time)
    db.session.commit()
    _review(db, learner, _utc(2026, 11, 24, 11, 30))  # 00:30 on the 25th in Auckland
    _review(db, learner, _utc(2026, 11, 23, 10, 45))  # 23:45 on the 23rd in Auckland
    since = _utc(2026, 11, 1, 0, 0)
    local = activity_by_day(db.session, learner.id, since, "Pacific/Auckland")
    assert local == {date(2026, 11, 25): 1, date(2026, 11, 23): 1}
    # The same moments in UTC fall on other days: what the old count showed.
    assert activity_by_day(db.session, learner.id, since) == {
        date(2026, 11, 24): 1,
        date(2026, 11, 23): 1,
    }
    assert local_today(_utc(2026, 11, 24, 12, 0), "Pacific/Auckland") == date(2026, 11, 25)
    # India is half an hour off a whole hour: 18:29 UTC is 23:59, 18:31 UTC the next day.
    _review(db, learner, _utc(2026, 11, 10, 18, 29))
    _review(db, learner, _utc(2026, 11, 10, 18, 31))
    kolkata = activity_by_day(db.session, learner.id, _utc(2026, 11, 10, 0, 0), "Asia/Kolkata")
    assert kolkata[date(2026, 11, 10)] == 1 and kolkata[date(2026, 11, 11)] == 1


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
    _review(db, learner, midnight_utc - timedelta(minutes=1))
    _review(db, learner, midnight_utc + timedelta(minutes=1))
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
    answered = _utc(2026, 11, 24, 23, 30)
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
