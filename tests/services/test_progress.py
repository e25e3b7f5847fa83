"""Progress figures as the service computes them."""

from __future__ import annotations

from datetime import date, timedelta

from quizapp.services.progress import streak


def test_streak_counts_consecutive_days():
    today = date(2026, 11, 25)
    days = {today - timedelta(days=i): 1 for i in (1, 2, 3, 5)}
    assert streak(days, today) == 3
    assert streak({**days, today: 4}, today) == 4
    assert streak({}, today) == 0
