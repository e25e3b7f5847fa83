"""Load and validate a curated question bank (YAML) written for one article.

Validation is all-or-nothing: the first problem raises :class:`BankError` naming the file, the
item and the reason, before anything reaches the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft, choice_id
from quizapp.core.question_types import QuestionType

BLANK = "_____"
CHOICE_TYPES = {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_SELECT}


class BankError(ValueError):
    """A malformed bank: ``str()`` reads "file: item: reason"."""

    def __init__(self, file: str, item: str, reason: str) -> None:
        super().__init__(f"{file}: {item}: {reason}")
        self.file, self.item, self.reason = file, item, reason


@dataclass(frozen=True)
class Bank:
    article_file: str
    questions: list[QuestionDraft]
    flashcards: list[FlashcardDraft]


def _text(raw: Mapping[str, Any], field: str, fail) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        fail(f"'{field}' is missing or empty")
    return value.strip()


def validate_question_fields(
    raw: Mapping[str, Any], fail, *, origin: str = "curated"
) -> QuestionDraft:
    """Check one question's fields by type; shared by the seed bank and teachers' authoring."""
    try:
        qtype = QuestionType(raw.get("type"))
    except ValueError:
        fail(f"unknown type {raw.get('type')!r}")
    difficulty = raw.get("difficulty", 2)
    if difficulty not in (1, 2, 3):
        fail("difficulty must be 1, 2 or 3")
    draft: dict[str, Any] = {
        "key": str(raw.get("key", "")),
        "claim_key": str(raw.get("claim", "")),
        "type": qtype,
        "prompt": _text(raw, "prompt", fail),
        "explanation": _text(raw, "explanation", fail),
        "difficulty": difficulty,
        "quote": raw.get("quote"),
        "origin": origin,
    }
    if qtype in CHOICE_TYPES:
        choices = raw.get("choices") or []
        if len(choices) < 2:
            fail("needs at least two choices")
        texts = [str(c.get("text", "")).strip() for c in choices]
        if any(not t for t in texts):
            fail("a choice has no text")
        if len({t.casefold() for t in texts}) != len(texts):
            fail("duplicate choices")
        correct = sum(bool(c.get("correct")) for c in choices)
        if qtype is QuestionType.SINGLE_CHOICE and correct != 1:
            fail(f"a single-choice question needs exactly one correct choice, found {correct}")
        if qtype is QuestionType.MULTIPLE_SELECT and correct < 1:
            fail("a multiple-select question needs at least one correct choice")
        draft["choices"] = [
            {"id": choice_id(i), "text": t, "correct": bool(c.get("correct"))}
            for i, (t, c) in enumerate(zip(texts, choices, strict=True))
        ]
    elif qtype is QuestionType.TRUE_FALSE:
        if not isinstance(raw.get("answer"), bool):
            fail("a true/false question needs 'answer: true' or 'answer: false'")
        draft["answer_bool"] = raw["answer"]
    elif qtype in (QuestionType.FILL_BLANK, QuestionType.SHORT_ANSWER):
        accepted = [str(a).strip() for a in raw.get("accepted") or [] if str(a).strip()]
        if not accepted:
            fail("needs at least one accepted answer")
        if qtype is QuestionType.FILL_BLANK and draft["prompt"].count(BLANK) != 1:
            fail(f"a fill-in-the-blank prompt needs exactly one {BLANK}")
        draft["accepted"] = accepted
    elif qtype is QuestionType.MATCHING:
        pairs = raw.get("pairs") or []
        if len(pairs) < 2 or any(not isinstance(p, list | tuple) or len(p) != 2 for p in pairs):
            fail("matching needs at least two [left, right] pairs")
        pairs = [[str(a).strip(), str(b).strip()] for a, b in pairs]
        for side in (0, 1):
            if len({p[side].casefold() for p in pairs}) != len(pairs):
                fail("duplicate items in a matching question")
        draft["pairs"] = pairs
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
                questions.append(validate_question_fields(raw, fail))
            else:
                front, back = _text(raw, "front", fail), _text(raw, "back", fail)
                cards.append(FlashcardDraft(raw["key"], claim_key, front, back, origin="curated"))
    return Bank(str(data.get("article", "")), questions, cards)
