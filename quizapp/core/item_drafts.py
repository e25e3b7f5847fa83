"""Plain records of flashcards and questions, before they reach the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizapp.core.vocabulary import CardKind, ItemOrigin

DIFFICULTY_LABELS = {1: "easy", 2: "medium", 3: "hard"}


@dataclass(frozen=True)
class FlashcardDraft:
    key: str
    claim_key: str
    front: str
    back: str
    kind: str = CardKind.BASIC
    origin: str = ItemOrigin.GENERATED


@dataclass(frozen=True)
class QuestionDraft:
    """A question; ``choices`` are dicts ``{"id", "text", "correct"}`` with stable ids."""

    key: str
    claim_key: str
    type: str
    prompt: str
    explanation: str
    difficulty: int = 2
    choices: list[dict[str, Any]] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)
    answer_bool: bool | None = None
    quote: str | None = None
    origin: str = ItemOrigin.GENERATED
    # Feedback by outcome ("correct", "partial", "incorrect"), as an imported question wrote it.
    combined_feedback: dict[str, str] = field(default_factory=dict)
    # What a learner may reveal, one after another, before answering (Moodle's hints).
    hints: list[str] = field(default_factory=list)


def choice_id(position: int) -> str:
    """Stable choice ids by position ("a", "b", …) so edits to a text keep learners' answers."""
    return chr(ord("a") + position)
