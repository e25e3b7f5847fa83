"""Load and validate a curated question bank (YAML) written for one article.

Validation is all-or-nothing: the first problem raises :class:`BankError` naming the file, the
item and the reason, before anything reaches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quizapp.core.aliases import AnswerContext, answer_set
from quizapp.core.errors import InputError
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft
from quizapp.core.question_hints import question_hints
from quizapp.core.question_kinds import UnknownKind, kind_of
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.question_kinds.choice_credit import combined_feedback
from quizapp.core.translatable import N_, Phrase
from quizapp.core.vocabulary import ItemOrigin

__all__ = ["BLANK", "Bank", "BankError", "load_bank", "validate_question_fields"]


class BankError(InputError):
    """A malformed bank: ``str()`` reads "file: item: reason"."""

    def __init__(self, file: str, item: str, reason: str) -> None:
        super().__init__(f"{file}: {item}: {reason}")
        self.file, self.item, self.reason = file, item, reason


@dataclass(frozen=True)
class Bank:
    questions: list[QuestionDraft]
    flashcards: list[FlashcardDraft]


def _text(raw: Mapping[str, Any], field: str, fail) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        fail(Phrase(N_("'%(field)s' is missing or empty"), field=field))
    return value.strip()


def validate_question_fields(
    raw: Mapping[str, Any],
    fail,
    *,
    origin: str = ItemOrigin.CURATED,
    answers: AnswerContext | None = None,
    keep_answers: Iterable[str] = (),
) -> QuestionDraft:
    """Check one question's common fields, then its kind's own; shared by the seed bank, teachers'
    authoring and imports.

    Typed answers get their aliases here (``aliases.answer_set``), so every item that is saved
    carries them: ``answers`` is what the article says (the item's own text when not given);
    ``keep_answers`` are the answers an edited item had already, which get no aliases again.
    """
    try:
        kind = kind_of(raw.get("type"))
    except UnknownKind:
        fail(Phrase(N_("unknown type %(type)s"), type=repr(raw.get("type"))))
    difficulty = raw.get("difficulty", 2)
    if difficulty not in (1, 2, 3):
        fail(N_("difficulty must be 1, 2 or 3"))
    draft: dict[str, Any] = {
        "key": str(raw.get("key", "")),
        "claim_key": str(raw.get("claim", "")),
        "type": kind.type,
        "prompt": _text(raw, "prompt", fail),
        "explanation": _text(raw, "explanation", fail),
        "difficulty": difficulty,
        "quote": raw.get("quote"),
        "origin": origin,
        "combined_feedback": combined_feedback(raw.get("combined_feedback"), fail),
        "hints": question_hints(raw.get("hints"), fail),
    }
    kind.validate(raw, draft, fail)
    if draft.get("accepted"):
        if answers is None:
            own_text = " ".join(str(draft[f] or "") for f in ("prompt", "explanation", "quote"))
            answers = AnswerContext.of_text(own_text)
        draft["accepted"] = answer_set(
            draft["accepted"], answers, keep=keep_answers, prompt=draft["prompt"]
        )
    return QuestionDraft(**draft)


def _check_provenance(draft_quote: Any, claim_quote: str | None, article: str, fail) -> None:
    if claim_quote is None:
        fail("unknown claim key")
    if draft_quote is None:
        return
    if not isinstance(draft_quote, str) or draft_quote not in article:
        fail(f"quote is not verbatim in the article: {draft_quote!r}")
    if draft_quote not in claim_quote:
        fail("quote is not part of its claim")


def load_bank(path: Path, article_text: str, claim_quotes: Mapping[str, str]) -> Bank:
    """Parse and validate the bank at ``path`` against the article and its claims."""
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise BankError(name, "(file)", f"bad YAML: {error}") from error
    if not isinstance(data, dict):
        raise BankError(name, "(file)", "expected a mapping with 'questions' and 'flashcards'")
    seen: set[str] = set()
    questions, cards = [], []
    answers = AnswerContext.of_text(article_text)
    for section in ("questions", "flashcards"):
        for index, raw in enumerate(data.get(section) or []):
            label = f"{section}[{index}]"
            if isinstance(raw, dict) and raw.get("key"):
                label = f"{section}[{index}] {raw['key']}"

            def fail(reason: str, label: str = label) -> None:
                raise BankError(name, label, reason)

            if not isinstance(raw, dict) or not raw.get("key"):
                fail("every item needs a 'key'")
            if raw["key"] in seen:
                fail("duplicate key")
            seen.add(raw["key"])
            claim_key = str(raw.get("claim", ""))
            _check_provenance(raw.get("quote"), claim_quotes.get(claim_key), article_text, fail)
            if section == "questions":
                questions.append(validate_question_fields(raw, fail, answers=answers))
            else:
                front, back = _text(raw, "front", fail), _text(raw, "back", fail)
                cards.append(
                    FlashcardDraft(raw["key"], claim_key, front, back, origin=ItemOrigin.CURATED)
                )
    return Bank(questions, cards)
