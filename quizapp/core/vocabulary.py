"""The closed sets of words the app stores besides question types: how an attempt came about,
when its feedback shows, where an item came from, a card's kind and a live game's stage.

Each is a ``StrEnum``, like ``QuestionType``: the values are the strings stored in the database
(in plain string columns, so no migration), written in exports and sent in JSON, so they must
never change; every member compares equal to its plain string, so rows read back as ``str``
match them.
"""

from enum import StrEnum


class AttemptKind(StrEnum):
    """How a quiz attempt came about."""

    PRACTICE = "practice"
    REVIEW = "review"  # the daily review's missed questions
    ASSIGNMENT = "assignment"
    LIVE = "live"  # a live class game's questions, scored for the player's history


class FeedbackTiming(StrEnum):
    """When a learner sees right or wrong, the explanations and the review of an attempt."""

    IMMEDIATELY = "immediately"
    AFTER_SUBMISSION = "after_submission"
    AFTER_DUE = "after_due"
    NEVER = "never"


class ItemOrigin(StrEnum):
    """Where a flashcard or question came from: the generator, a curated bank (the seed bank,
    an operator's import), or a teacher (then it has an author and only they see it)."""

    GENERATED = "generated"
    CURATED = "curated"
    TEACHER = "teacher"


class CardKind(StrEnum):
    """A flashcard's kind: a front and a back, or a front with one blank the back fills."""

    BASIC = "basic"
    CLOZE = "cloze"


class GameStatus(StrEnum):
    """Where a live game is: waiting for players, a question open, its answer shown, over."""

    LOBBY = "lobby"
    QUESTION = "question"
    REVEAL = "reveal"
    FINISHED = "finished"
