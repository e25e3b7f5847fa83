"""Imported questions through the same validation as the seed bank and teachers' own."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.core.bank import validate_question_fields
from quizapp.core.import_limits import MAX_IMPORT_QUESTIONS
from quizapp.core.interchange.media_refs import ImportedFile
from quizapp.core.interchange.records import (
    Changed,
    ParsedBank,
    Skipped,
    difficulty_from_tags,
    too_many_questions,
)
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_tags import normalise_tags
from quizapp.core.question_kinds import kind_of
from quizapp.core.translatable import N_, Phrase
from quizapp.core.vocabulary import ItemOrigin

MAX_TEXT = 4000  # characters in a prompt, explanation or option
# Stored as the explanation of an imported question that had none; pages word it in the
# reader's language (``quiz.answers.shown_text``).
NO_EXPLANATION = N_("No explanation came with this question.")


class _Refused(Exception):
    pass


def _refuse(reason: str) -> None:
    raise _Refused(reason)


@dataclass
class ImportedDraft:
    draft: QuestionDraft
    topic: str | None
    name: str
    key: str | None = None
    topic_path: tuple[str, ...] = ()
    # The typed answers as the file wrote them, before aliases were added: what a stored
    # question's answers are compared with when the file updates it.
    written_accepted: list[str] = field(default_factory=list)
    files: list[ImportedFile] = field(default_factory=list)
    # What the reader (or storing its files) left out or changed, each in a sentence: an
    # item with any lands as a draft.
    changes: list[str] = field(default_factory=list)
    # Its tags but for those the formats use for themselves (difficulty, a poll's mark).
    tags: list[str] = field(default_factory=list)


@dataclass
class CheckedBank:
    drafts: list[ImportedDraft] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)


def check_imported(parsed: ParsedBank) -> CheckedBank:
    """Each question validated as the seed bank's are; a failing one is skipped with the reason.

    Raises InterchangeError when the file holds more than MAX_IMPORT_QUESTIONS questions
    (the readers refuse such a file before this, as soon as they count one too many).
    """
    if len(parsed.questions) + len(parsed.skipped) > MAX_IMPORT_QUESTIONS:
        raise too_many_questions()
    checked = CheckedBank(skipped=list(parsed.skipped))
    for item in parsed.questions:
        raw = dict(item.raw)
        raw["difficulty"], other_tags = difficulty_from_tags(item.tags)
        if not str(raw.get("explanation") or "").strip():
            raw["explanation"] = NO_EXPLANATION
        try:
            if any(len(str(v)) > MAX_TEXT for v in (raw.get("prompt"), raw["explanation"])):
                _refuse(Phrase(N_("its text is longer than %(limit)s characters"), limit=MAX_TEXT))
            draft = validate_question_fields(raw, _refuse, origin=ItemOrigin.TEACHER)
        except _Refused as reason:
            checked.skipped.append(Skipped(item.name, reason.args[0]))
            continue
        written = [str(a).strip() for a in raw.get("accepted") or [] if str(a).strip()]
        own = set(kind_of(draft.type).moodle_tags(draft))  # a poll's mark is its type
        tags = normalise_tags(tag for tag in other_tags if tag not in own)
        changes = [*item.changes, *tags.changes]
        checked.drafts.append(
            ImportedDraft(
                draft,
                item.topic,
                item.name,
                item.key,
                item.topic_path,
                written,
                item.files,
                changes,
                tags.tags,
            )
        )
        checked.changed += [Changed(item.name, change) for change in changes]
    return checked
