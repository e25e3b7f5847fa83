"""A zone's UTC offset over a stretch of time, as spans between daylight saving changes (what
the database uses to put stored times on a learner's calendar)."""

from __future__ import annotations

from datetime import datetime

from quizapp.core.time_zones import offset_spans

YEAR = (datetime(2026, 1, 1), datetime(2026, 12, 31))


def test_daylight_saving_changes_are_found_to_the_second():
    assert offset_spans("Pacific/Auckland", *YEAR) == (
        (datetime(2026, 1, 1), 13 * 60),
        (datetime(2026, 4, 4, 14, 0), 12 * 60),  # 03:00 NZDT becomes 02:00 NZST
        (datetime(2026, 9, 26, 14, 0), 13 * 60),
    )
    assert offset_spans("America/Los_Angeles", *YEAR)[1:] == (
        (datetime(2026, 3, 8, 10, 0), -7 * 60),
        (datetime(2026, 11, 1, 9, 0), -8 * 60),
    )
    # Lord Howe Island moves by half an hour.
    assert [offset for _, offset in offset_spans("Australia/Lord_Howe", *YEAR)] == [660, 630, 660]


def test_zones_without_changes_have_one_span_and_unknown_names_are_utc():
    assert offset_spans("Asia/Kolkata", *YEAR) == ((datetime(2026, 1, 1), 330),)
    assert offset_spans("Not/A_Zone", *YEAR) == ((datetime(2026, 1, 1), 0),)
