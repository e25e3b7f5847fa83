"""A learner's days are counted in the learner's time zone (the service that counts them)."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa

from quizapp.models import CardState, Flashcard, Question, Response, live
from quizapp.services import progress
from quizapp.services.progress import activity_by_day, local_today
from quizapp.services.quizzes import create_attempt
from tests.builders import add_review

NOW = datetime(2026, 11, 25, 12, 0)


def test_a_review_after_midnight_in_auckland_counts_on_the_new_local_day(db, make_student):
    learner = make_student()
    learner.time_zone = "Pacific/Auckland"  # UTC+13 in November (daylight time)
    db.session.commit()
    # 00:30 on the 25th in Auckland, then 23:45 on the 23rd in Auckland.
    add_review(db.session, learner.id, datetime(2026, 11, 24, 11, 30))
    add_review(db.session, learner.id, datetime(2026, 11, 23, 10, 45))
    since = datetime(2026, 11, 1, 0, 0)
    local = activity_by_day(db.session, learner.id, since, NOW, "Pacific/Auckland")
    assert local == {date(2026, 11, 25): 1, date(2026, 11, 23): 1}
    # The same moments in UTC fall on other days: what the old count showed.
    assert activity_by_day(db.session, learner.id, since, NOW) == {
        date(2026, 11, 24): 1,
        date(2026, 11, 23): 1,
    }
    assert local_today(datetime(2026, 11, 24, 12, 0), "Pacific/Auckland") == date(2026, 11, 25)
    # India is half an hour off a whole hour: 18:29 UTC is 23:59, 18:31 UTC the next day.
    add_review(db.session, learner.id, datetime(2026, 11, 10, 18, 29))
    add_review(db.session, learner.id, datetime(2026, 11, 10, 18, 31))
    kolkata = activity_by_day(
        db.session, learner.id, datetime(2026, 11, 10, 0, 0), NOW, "Asia/Kolkata"
    )
    assert kolkata[date(2026, 11, 10)] == 1 and kolkata[date(2026, 11, 11)] == 1


def test_days_either_side_of_a_daylight_saving_change_are_the_learners_own(db, make_student):
    learner = make_student()
    # Auckland leaves daylight time at 14:00 UTC on 4 April 2026 (UTC+13, then UTC+12).
    # 00:30 on the 5th in daylight time; 23:30 on the 5th and 00:30 on the 6th in standard time.
    add_review(db.session, learner.id, datetime(2026, 4, 4, 11, 30))
    add_review(db.session, learner.id, datetime(2026, 4, 5, 11, 30))
    add_review(db.session, learner.id, datetime(2026, 4, 5, 12, 30))
    since = datetime(2026, 3, 1, 0, 0)
    assert activity_by_day(db.session, learner.id, since, NOW, "Pacific/Auckland") == {
        date(2026, 4, 5): 2,
        date(2026, 4, 6): 1,
    }


def test_accuracy_and_the_due_forecast_count_the_learners_days(db, make_student):
    learner = make_student()
    questions = db.session.scalars(sa.select(Question).where(live(Question)).limit(2)).all()
    attempt = create_attempt(db.session, learner.id, questions)
    db.session.flush()
    # 11:30 UTC on the 24th is 00:30 on the 25th in Auckland; 10:45 UTC is 23:45 on the 24th.
    for slot, moment, score in zip(
        attempt.questions,
        (datetime(2026, 11, 24, 11, 30), datetime(2026, 11, 24, 10, 45)),
        (1.0, 0.0),
        strict=True,
    ):
        db.session.add(
            Response(
                slot_id=slot.id,
                user_id=learner.id,
                question_id=slot.question_id,
                answer=None,
                score=score,
                correct=bool(score),
                answered_at=moment,
                checked=True,  # shown right or wrong, so the learner's accuracy counts it
            )
        )
    card = db.session.scalar(sa.select(Flashcard).where(live(Flashcard)).limit(1))
    db.session.add(
        CardState(
            user_id=learner.id,
            flashcard_id=card.id,
            fsrs={},
            state=2,
            due=datetime(2026, 11, 24, 11, 30),
            stability=3.0,
            last_review=None,
        )
    )
    db.session.commit()
    since = datetime(2026, 11, 1, 0, 0)
    assert progress.accuracy_by_day(db.session, learner.id, since, NOW, "Pacific/Auckland") == [
        (date(2026, 11, 24), 0.0, 1),
        (date(2026, 11, 25), 1.0, 1),
    ]
    assert progress.accuracy_by_day(db.session, learner.id, since, NOW) == [
        (date(2026, 11, 24), 0.5, 2)
    ]
    # At 10:00 UTC on the 24th it is 23:00 on the 24th in Auckland: the card falls due tomorrow
    # there, and later today in UTC.
    now = datetime(2026, 11, 24, 10, 0)
    auckland = progress.due_forecast(db.session, learner.id, now, "Pacific/Auckland")
    assert auckland[0] == (date(2026, 11, 24), 0) and auckland[1] == (date(2026, 11, 25), 1)
    assert progress.due_forecast(db.session, learner.id, now)[0] == (date(2026, 11, 24), 1)
