"""Per-learner FSRS: the parameters in use, fitting them from the review log, and the
retention and workload figures the progress page shows.

Fitting runs from the ``flask fsrs fit`` command (a cron job in production), never inside a web
request: the optimizer takes seconds on a large log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import sqlalchemy as sa
from fsrs import Scheduler
from sqlalchemy.orm import Session

from quizapp.core.clock import aware
from quizapp.core.fsrs_fitting import (
    DEFAULT_PARAMETERS,
    ReviewRecord,
    propose_parameters,
)
from quizapp.core.retention_stats import (
    WINDOWS,
    WORKLOAD_FORECAST_DAYS,
    RetentionFigure,
    ReviewWithPrevious,
    WorkloadForecast,
    suggest_retention,
    true_retention_from_pairs,
    workload_forecast,
)
from quizapp.models import CardState, Flashcard, FsrsParameters, ReviewLog, User
from quizapp.services.flashcards import kept_parameters, scheduler_for
from quizapp.services.visibility import open_to_learners


def current_parameters(session: Session, user_id: int) -> FsrsParameters | None:
    return session.scalar(kept_parameters(user_id))


def learner_scheduler(session: Session, user: User) -> Scheduler:
    row = current_parameters(session, user.id)
    return scheduler_for(user, row.parameters if row else None)


def recent_reviews_with_previous(
    session: Session, user_id: int, since: datetime
) -> list[ReviewWithPrevious]:
    """Reviews after ``since``, each with its card's previous review time (SQL ``LAG``)."""
    previous = sa.func.lag(ReviewLog.reviewed_at).over(
        partition_by=ReviewLog.flashcard_id, order_by=(ReviewLog.reviewed_at, ReviewLog.id)
    )
    ranked = (
        sa.select(
            ReviewLog.rating,
            ReviewLog.reviewed_at,
            # type_coerce: SQLite hands a window function's value back as text.
            sa.type_coerce(previous, sa.DateTime()).label("previous_at"),
        )
        .where(ReviewLog.user_id == user_id)
        .subquery()
    )
    rows = session.execute(sa.select(ranked).where(ranked.c.reviewed_at > since))
    return [
        ReviewWithPrevious(rating, aware(at), aware(previous) if previous else None)
        for rating, at, previous in rows
    ]


def review_records(session: Session, user_id: int) -> list[ReviewRecord]:
    rows = session.execute(
        sa.select(
            ReviewLog.flashcard_id, ReviewLog.rating, ReviewLog.reviewed_at, ReviewLog.duration_ms
        )
        .where(ReviewLog.user_id == user_id)
        .order_by(ReviewLog.reviewed_at, ReviewLog.id)
    )
    return [
        ReviewRecord(card, rating, aware(moment), duration)
        for card, rating, moment, duration in rows
    ]


@dataclass(frozen=True)
class FitOutcome:
    kept: bool
    message: str


def fit_learner(session: Session, user: User, now: datetime | None = None) -> FitOutcome:
    """Fit the learner's parameters and keep them only if they predict later reviews better.

    Every outcome is recorded as a row, so the page can say when parameters were last checked.
    The learner keeps working parameters whatever happens.
    """
    reviews = review_records(session, user.id)
    current = current_parameters(session, user.id)
    current_params = list(current.parameters) if current and current.parameters else None
    decision = propose_parameters(current_params, reviews)
    row = FsrsParameters(
        user_id=user.id,
        parameters=list(decision.parameters) if decision.keep_new else None,
        kept=decision.keep_new,
        n_reviews=len(reviews),
        current_log_loss=decision.current_loss,
        candidate_log_loss=decision.candidate_loss,
        reason=decision.reason,
    )
    session.add(row)
    return FitOutcome(decision.keep_new, decision.reason)


@lru_cache(maxsize=256)
def _suggested(parameters: tuple[float, ...]) -> float:
    # The optimizer simulates a year; the result only changes when the parameters do.
    return suggest_retention(parameters)


@dataclass(frozen=True)
class SchedulingSummary:
    desired_retention: float
    true_retention: dict[str, RetentionFigure]
    parameters: tuple[float, ...]
    fitted: FsrsParameters | None
    forecast: WorkloadForecast
    due_per_day: list[int]
    suggested_retention: float


def scheduling_summary(session: Session, user: User, now: datetime) -> SchedulingSummary:
    """True vs desired retention, the parameters in use, and the 30-day workload forecast.

    The forecast adds the learner's cards already scheduled (their next due date) to fsrs-rs's
    simulation of the cards not yet introduced, at the learner's new-card limit.
    """
    moment = aware(now)
    fitted = current_parameters(session, user.id)
    parameters = tuple(fitted.parameters) if fitted and fitted.parameters else DEFAULT_PARAMETERS
    since = (moment - max(WINDOWS.values())).replace(tzinfo=None)
    retention = true_retention_from_pairs(
        recent_reviews_with_previous(session, user.id, since), moment
    )
    seen = sa.select(CardState.flashcard_id).where(CardState.user_id == user.id)
    unseen = session.scalar(
        sa.select(sa.func.count(Flashcard.id)).where(
            open_to_learners(Flashcard), Flashcard.id.not_in(seen)
        )
    )
    forecast = workload_forecast(
        parameters,
        user.desired_retention,
        max(unseen or 0, 1),
        max(user.new_cards_per_day, 1),
        WORKLOAD_FORECAST_DAYS,
    )
    today = moment.date()
    due = [0] * WORKLOAD_FORECAST_DAYS
    for (when,) in session.execute(sa.select(CardState.due).where(CardState.user_id == user.id)):
        offset = max((when.date() - today).days, 0)
        if offset < WORKLOAD_FORECAST_DAYS:
            due[offset] += 1
    return SchedulingSummary(
        desired_retention=user.desired_retention,
        true_retention=retention,
        parameters=parameters,
        fitted=fitted,
        forecast=forecast,
        due_per_day=[d + s for d, s in zip(due, forecast.reviews_per_day, strict=False)],
        suggested_retention=_suggested(parameters),
    )
