"""Read an answer out of a submitted form, and describe answers and keys in words.

The question's kind (``core.question_kinds``) does the work; this module turns its refusals into
the quiz's :class:`BadAnswer`.
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext, ngettext
from werkzeug.datastructures import MultiDict

from quizapp.core.interchange.drafts import NO_EXPLANATION
from quizapp.core.question_kinds import FormAnswerError, describe_answer, describe_key, kind_of
from quizapp.core.question_kinds.base import MAX_TEXT_ANSWER
from quizapp.core.translatable import N_, Joined, Phrase
from quizapp.i18n import worded
from quizapp.models import AttemptQuestion
from quizapp.services.errors import BadAnswer

__all__ = [
    "MAX_TEXT_ANSWER",
    "answer_from_form",
    "core_message",
    "describe_answer",
    "describe_key",
    "shown_text",
    "shown_title",
]

# The words the question kinds give in English with no data in them (marked with ``N_`` in
# ``core.question_kinds``): only these are looked up, so a learner's own typed answer, or a
# choice's text, is shown as written.
# "Other answers" is a live game chart's last bar (services.live_questions.OTHER_ANSWERS);
# "Practice quiz" is the title a practice attempt is stored with (services.quizzes);
# NO_EXPLANATION the explanation an imported question without one is stored with.
CORE_WORDS = frozenset(
    {"True", "False", "No answer", "Other answers", "Practice quiz", NO_EXPLANATION}
)


def answer_from_form(slot: AttemptQuestion, form: MultiDict) -> Any:
    """The JSON-able answer the form carries for this slot's question (None when blank)."""
    question = slot.question
    try:
        return kind_of(question.type).answer_from_form(question, form)
    except FormAnswerError as error:
        # Its sentence's template and values, so the page words it in the learner's language.
        raise BadAnswer(error.template, **error.params) from error


def shown_text(text: str) -> str:
    """``text`` (an answer, a key or a feedback line in words) in the reader's language where
    the core made it: one of its own words ("True", "No answer") or a phrase ("Gap 2 of 3:
    …", "Paris (also accepted: paris)"); anything else (a teacher's own text) unchanged."""
    if isinstance(text, Phrase | Joined):
        return str(worded(text))
    return gettext(text) if text in CORE_WORDS else text


# The shapes of the titles practice and live attempts are stored with, in English, by
# services.practice.practice_title, services.attempt_followups and services.live_games.
_MORE_TOPICS = re.compile(r"^Practice: (?P<topics>.+) and (?P<rest>\d+) more topics?$")
# A practice quiz of the questions with a tag: " (tag: verbs)" after its topics (a tag is one
# word: no spaces).
_TAGGED = re.compile(r"^(?P<title>Practice: .+) \(tag: (?P<tag>\S+)\)$")
_FIXED_TITLES = {
    "Practice: all topics": N_("Practice: all topics"),
    "Practice: what I missed": N_("Practice: what I missed"),
}


def shown_title(title: str) -> str:
    """An attempt's stored title in the reader's language where the app made it (a practice
    quiz's or a live game's); a teacher's own title, as written."""
    if tagged := _TAGGED.match(title):
        return gettext(
            "%(title)s (tag: %(tag)s)", title=shown_title(tagged["title"]), tag=tagged["tag"]
        )
    if title in _FIXED_TITLES or title in CORE_WORDS:
        return gettext(title)
    if more := _MORE_TOPICS.match(title):
        rest = int(more["rest"])
        return ngettext(
            "Practice: %(topics)s and %(num)d more topic",
            "Practice: %(topics)s and %(num)d more topics",
            rest,
            topics=more["topics"],
        )
    if title.startswith("Practice: "):
        return gettext("Practice: %(topics)s", topics=title.removeprefix("Practice: "))
    if title.startswith("Live game: "):
        return gettext("Live game: %(title)s", title=title.removeprefix("Live game: "))
    return title


def core_message(text: str) -> str:
    """A message of the core or a service marked with ``N_`` (no data in it), in the reader's
    language; any other text unchanged. Plain text: the page escapes it."""
    return gettext(text)
