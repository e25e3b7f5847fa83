"""The refusals a user can cause, each with the HTTP status and the sentence the web layer shows.

One hierarchy for every service, so that one handler (``quizapp.errors``) answers them all the
same way: the message as JSON for scripts, on the error page for people. Flask-free: services
raise these, and only the web layer turns them into responses.
"""

from __future__ import annotations


class DomainError(Exception):
    """Something the user asked for that cannot be done; ``message`` says why, in English.

    ``template`` and ``params`` are the same sentence before its values went in
    (``"You have %(count)s tokens"``, ``{"count": 20}``), so the web layer can show it in the
    user's language (``quizapp.i18n.refusal_text``); a message given whole is its own template.
    """

    status = 400

    def __init__(self, message: str, **params: object) -> None:
        self.template = message
        self.params = params
        self.message = message % params if params else message
        super().__init__(self.message)


# Attempts, answers and flashcards: what a learner can get refused.


class QuizError(DomainError):
    """A refusal while studying (a quiz attempt, a flashcard, a practice or a review)."""


class NotYourAttempt(QuizError):
    status = 404  # 404, not 403: do not confirm that someone else's attempt exists


class AttemptClosed(QuizError):
    status = 409


class AnswerLocked(QuizError):
    status = 409


class BadAnswer(QuizError):
    status = 400


class NothingMissed(QuizError):
    status = 409


class NotDiscardable(QuizError):
    status = 409


class CardNotFound(QuizError):
    status = 404


class NothingToUndo(QuizError):
    status = 409


class AlreadyRated(QuizError):
    status = 409


class NotStudyable(QuizError):
    status = 409


# Teaching: classes, sets, assignments, articles and authoring.


class TeachingError(DomainError):
    """Bad input: the message says what to change."""

    status = 400


class NotFound(TeachingError):
    # Also for other teachers' objects: do not confirm that they exist.
    status = 404


class ReadOnly(TeachingError):
    status = 403


class NotNow(TeachingError):
    """Allowed in general but not in this state (closed, not yet open, no attempts left)."""

    status = 409


# Live games.


class LiveError(DomainError):
    """A refusal a player or host can cause."""


class GameNotFound(LiveError):
    status = 404


class GameOver(LiveError):
    status = 410


class NotAllowed(LiveError):
    status = 403


class Refused(LiveError):
    status = 409


# Accounts.


class AccountError(DomainError):
    """A change to an account that cannot be made (an email in use, an unknown time zone)."""


# LTI (the school's LMS).


class LtiError(DomainError):
    """A platform registration or a launch the tool refuses; the message says why."""

    status = 400


class LtiConflict(LtiError):
    """A launch that is valid but cannot be served yet (a course no teacher opened)."""

    status = 409


class LtiForbidden(LtiError):
    """A launch for someone quizapp opens to no one (a guest, an observer)."""

    status = 403
