"""Why an offline event was not applied (a :class:`SyncNote`), and how its record keeps it.

A note is a sentence's template (marked ``N_``) and its values, so the web layer words it in
the learner's language (``quizapp.offline.routes.sync_note_text``). Its record
(``OfflineEvent.note``) keeps the English sentence and, beside it as JSON, the template and
values, so a retried sync tells the note again in the learner's language; a record written
before that (plain English) is told as it was written, translated when it is a fixed sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from quizapp.core.errors import InputError
from quizapp.core.time_zones import to_local
from quizapp.core.translatable import Joined, Phrase, as_data, from_data
from quizapp.services.errors import DomainError


class StoredTitle(str):
    """A practice attempt's title as stored (in English where the app made it: "Practice: all
    topics"), which the web layer shows in the learner's language (``quiz.answers.shown_title``)."""


@dataclass(frozen=True)
class SyncNote:
    """Why an event was not applied: an English sentence's template (marked ``N_``) and its
    values, so the web layer can word it in the learner's language. A value may be a moment
    (a naive UTC datetime, written in the learner's zone), a refusal (worded in its turn), a
    phrase of the core or an attempt's :class:`StoredTitle`."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    def english(self, zone: str) -> str:
        """The sentence in English, as the event's record keeps it."""
        values = {name: _english_value(value, zone) for name, value in self.params.items()}
        return self.template % values if values else self.template

    def record(self, zone: str) -> str:
        """What the event's record keeps: the English sentence, and the template and values
        to word it again (JSON)."""
        kept = {"said": self.english(zone), "template": self.template}
        kept["params"] = {name: _kept(value) for name, value in self.params.items()}
        return json.dumps(kept, ensure_ascii=False)

    @classmethod
    def from_record(cls, note: str) -> SyncNote:
        """The note a record keeps (``record``'s inverse); plain text, as records written
        before kept it, is its own template."""
        try:
            kept = json.loads(note)
        except ValueError:
            return cls(note)
        if not isinstance(kept, dict) or "template" not in kept:
            return cls(note)
        return cls(kept["template"], {k: _restored(v) for k, v in kept["params"].items()})


def _english_value(value: object, zone: str) -> object:
    if isinstance(value, datetime):
        return to_local(value, zone).strftime("%d %b %Y, %H:%M")
    if isinstance(value, DomainError | InputError):
        return str(value)
    return value


def _kept(value: object) -> Any:
    """A note's value as JSON that ``_restored`` turns back into what words it the same."""
    if isinstance(value, datetime):
        return {"moment": value.isoformat()}
    if isinstance(value, DomainError | InputError):
        params = {name: _kept(v) for name, v in value.params.items()}
        return {"refusal": _kept(value.template), "params": params}
    if isinstance(value, StoredTitle):
        return {"title": str(value)}
    if isinstance(value, Phrase | Joined):
        return as_data(value)
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _restored(value: Any) -> object:
    if not isinstance(value, dict):
        return value
    if "moment" in value:
        return datetime.fromisoformat(value["moment"])
    if "title" in value:
        return StoredTitle(value["title"])
    if "refusal" in value:
        params = {name: _restored(v) for name, v in value["params"].items()}
        return DomainError(_restored(value["refusal"]), **params)
    return from_data(value)
