"""A queue of offline events applied as if the learner had been online when they happened.

Ratings go through the flashcard page's own path (``flashcards.rate_card``: the learner's
scheduler, the visibility and new-card rules, ``rating_writes``) at the time each was made, in
time order, so each card's FSRS state and review log come out as an online session's. Answers
are graded by the server's grader into the practice attempt the download drew
(``quizzes.save_answer``), and ``finish`` submits it at its time.

Each event's idempotency key is stored (``OfflineEvent``, unique per learner): a key seen
before is skipped, so a retried sync counts once. An event that cannot be placed (a card rated
on another device after this rating was made, the day's new cards used up, an attempt already
submitted, a card or quiz deleted since) is not applied; the learner is told why in plain
words, and a retry tells them again. A malformed event (``core.offline_events``), or one the
offline page could never have made (a question the quiz does not have, an assignment's
attempt), refuses the whole sync (the web layer rolls back): nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from quizapp.core.clock import naive
from quizapp.core.offline_events import QueuedEvent, in_time_order
from quizapp.core.question_kinds import FormAnswerError, kind_of
from quizapp.core.review_replay import moment
from quizapp.core.translatable import N_
from quizapp.core.vocabulary import AttemptKind
from quizapp.models import CardState, Flashcard, OfflineEvent, QuizAttempt, User
from quizapp.services.errors import (
    AnswerLocked,
    AttemptClosed,
    BadAnswer,
    CardNotFound,
    NotStudyable,
    NotYourAttempt,
    QuizError,
)
from quizapp.services.flashcards import rate_card
from quizapp.services.quizzes import load_attempt, save_answer, submit_attempt
from quizapp.services.sync_notes import StoredTitle, SyncNote

_NOT_APPLIED = (AttemptClosed, AnswerLocked, BadAnswer, CardNotFound, NotStudyable)
# Gone since the download: told, and the rest of the queue still syncs (one deleted card must
# not hold back every other rating).
CARD_GONE = N_("A card you rated offline is no longer open to you; its rating was not kept.")
ATTEMPT_GONE = N_(
    "A practice quiz you answered offline is no longer in your account (discarded?); "
    "its answers were not kept."
)


@dataclass
class SyncOutcome:
    applied: int = 0
    already: int = 0  # keys a previous sync received
    notes: list[tuple[str, SyncNote]] = field(default_factory=list)  # (key, why)
    received: list[str] = field(default_factory=list)  # every key of the request

    def as_json(self, word: Callable[[SyncNote], str]) -> dict:
        """The outcome for the offline page, each note worded by ``word``."""
        return {
            "applied": self.applied,
            "already": self.already,
            "notes": [{"key": key, "message": word(note)} for key, note in self.notes],
            "received": self.received,
        }


def _card_label(front: str) -> str:
    return f"“{front[:60]}{'…' if len(front) > 60 else ''}”"


class _Applier:
    """Applies one learner's new events in time order; each returns None or why it was not."""

    def __init__(self, session: Session, user: User) -> None:
        self.session = session
        self.user = user
        self.attempts: dict[int, QuizAttempt] = {}

    def rating(self, event: QueuedEvent, at: datetime) -> SyncNote | None:
        card = self.session.get(Flashcard, event.card)
        if card is None:  # deleted since the download
            return SyncNote(CARD_GONE)
        last = self.session.scalar(
            sa.select(CardState.last_review).where(
                CardState.user_id == self.user.id, CardState.flashcard_id == card.id
            )
        )
        if last is not None and naive(at) <= last:
            # Its history has moved past this moment: placing it now would rewrite reviews.
            return SyncNote(
                N_(
                    "Card %(card)s was rated on another device on %(then)s, after your "
                    "offline rating of %(offline)s; the offline rating was not applied."
                ),
                {"card": _card_label(card.front), "then": last, "offline": naive(at)},
            )
        try:
            rate_card(self.session, self.user, card.id, event.rating, event.duration_ms, now=at)
        except CardNotFound:
            # Not its text: the card may be one the learner may no longer (or never) see.
            return SyncNote(CARD_GONE)
        except _NOT_APPLIED as error:
            return SyncNote(
                N_("Card %(card)s: %(reason)s"), {"card": _card_label(card.front), "reason": error}
            )
        return None

    def _attempt(self, attempt_id: int) -> QuizAttempt | None:
        """The learner's practice attempt, or None if it is not in their account (discarded
        online since the download; or never theirs, which is told the same way)."""
        if attempt_id not in self.attempts:
            try:
                attempt = load_attempt(self.session, attempt_id, self.user.id)
            except NotYourAttempt:
                return None
            if attempt.kind != AttemptKind.PRACTICE or attempt.assignment_id is not None:
                raise QuizError("Only practice quizzes are answered offline.")
            self.attempts[attempt_id] = attempt
        return self.attempts[attempt_id]

    def answer(self, event: QueuedEvent, at: datetime) -> SyncNote | None:
        attempt = self._attempt(event.attempt)
        if attempt is None:
            return SyncNote(ATTEMPT_GONE)
        slot = next((s for s in attempt.questions if s.position == event.position), None)
        if slot is None:
            raise QuizError(N_("This quiz has no question %(number)s."), number=event.position)
        form = MultiDict(list(event.fields))
        try:
            answer = kind_of(slot.question.type).answer_from_form(slot.question, form)
            save_answer(self.session, attempt, slot, answer, now=naive(at))
        except (FormAnswerError, *_NOT_APPLIED) as error:
            reason: object = error
        else:
            return None
        return SyncNote(
            N_("%(quiz)s, question %(number)s: %(reason)s"),
            {"quiz": StoredTitle(attempt.title), "number": event.position, "reason": reason},
        )

    def finish(self, event: QueuedEvent, at: datetime) -> SyncNote | None:
        attempt = self._attempt(event.attempt)
        if attempt is None:
            return SyncNote(ATTEMPT_GONE)
        if attempt.submitted_at is not None:
            return None  # submitted online meanwhile: its answers are as it was submitted
        submit_attempt(self.session, attempt, now=naive(at))
        return None


def sync_queue(session: Session, user: User, events: list[QueuedEvent]) -> SyncOutcome:
    """Apply the events not received before, in time order; never commits."""
    outcome = SyncOutcome(received=[event.key for event in events])
    keys = [event.key for event in events]
    known = {
        row.key: row
        for row in session.scalars(
            sa.select(OfflineEvent).where(
                OfflineEvent.user_id == user.id, OfflineEvent.key.in_(keys)
            )
        )
    }
    applier = _Applier(session, user)
    for event in in_time_order(events):
        if event.key in known:
            outcome.already += 1
            if known[event.key].note:
                # As the first sync told it, worded again in the learner's language.
                outcome.notes.append((event.key, SyncNote.from_record(known[event.key].note)))
            continue
        at = moment(event.at_ms)
        record = OfflineEvent(
            user_id=user.id, key=event.key, kind=event.kind, happened_at=naive(at)
        )
        session.add(record)
        # Flushed first: the learner's write opens the request's transaction (PostgreSQL), so a
        # rating's single statement cannot commit alone; a concurrent retry of the same key
        # fails here on the unique constraint, before anything of it is applied.
        session.flush()
        note = getattr(applier, event.kind)(event, at)
        if note is None:
            outcome.applied += 1
        else:
            record.applied, record.note = False, note.record(user.time_zone)
            outcome.notes.append((event.key, note))
    session.flush()
    return outcome
