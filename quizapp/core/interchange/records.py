"""What an import yields and an export takes, independent of the file format."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.errors import InputError
from quizapp.core.import_limits import MAX_IMPORT_QUESTIONS
from quizapp.core.interchange.categories import bank_of_category, topic_path_of_category
from quizapp.core.interchange.media_refs import ImportedFile
from quizapp.core.translatable import N_, Joined, Phrase

# An item key kept from a file: at most the models' key length less room for a copy's prefix.
MAX_KEY = 140
# Tags carry the difficulty across formats that have no field for it.
DIFFICULTY_TAG = "difficulty-"
# An answer's weight in percent, in GIFT and in Moodle's cloze syntax: "%50%Berlin".
_WEIGHT = re.compile(r"^%(-?[\d.]+)%")


class InterchangeError(InputError):
    """The file as a whole cannot be read: nothing from it is imported."""


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); InterchangeError for any other encoding."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InterchangeError(
            N_(
                "The file is not UTF-8 text (byte %(byte)s cannot be read). Save it as UTF-8 "
                "and try again."
            ),
            byte=error.start,
        ) from error


def too_many_questions() -> InterchangeError:
    return InterchangeError(
        N_(
            "The file holds more than %(limit)s questions; at most %(limit)s can be imported "
            "at once. Split it into smaller files."
        ),
        limit=MAX_IMPORT_QUESTIONS,
    )


@dataclass
class ImportedQuestion:
    """One question read from a file, in the seed bank's raw shape (see ``core.bank``)."""

    raw: dict[str, Any]
    topic: str | None
    name: str
    tags: list[str] = field(default_factory=list)
    # What the reader left out or changed, each in a sentence, for the import report.
    changes: list[str] = field(default_factory=list)
    # The item's key as the file carries it (Moodle ``idnumber``, a GIFT title), so importing
    # a file into the article it came from updates its items; None when it carries none.
    key: str | None = None
    # The topic and its parents, outermost first, as the file's category path names them.
    topic_path: tuple[str, ...] = ()
    # The pictures and sound the file carries for it (stored when the question is saved).
    files: list[ImportedFile] = field(default_factory=list)

    @classmethod
    def filed(
        cls,
        raw: dict[str, Any],
        topic_path: tuple[str, ...],
        name: str,
        tags: list[str],
        changes: list[str],
        key: str | None,
    ) -> ImportedQuestion:
        """A question filed under ``topic_path`` (its topic the last name), keyed ``key``."""
        topic = topic_path[-1] if topic_path else None
        return cls(raw, topic, name, tags, changes, file_key(key), topic_path)


class NotImportable(ValueError):
    """A question of a file that cannot be kept at all: a kind's reader raises it with the
    reason (a :class:`Phrase` the web layer words), and the question is listed as skipped."""

    @property
    def reason(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Skipped:
    """A question the app cannot take, named as the file names it, and why. The name and the
    reason are phrases where the app words them (``core.translatable``): the import report
    shows them in the teacher's language."""

    name: str
    reason: str


@dataclass(frozen=True)
class Changed:
    """A question or card that was imported, but not quite as the file wrote it, and how."""

    name: str
    change: str


# Why a row or note makes no card (a CSV file's and an Anki package's).
NO_FRONT_OR_BACK = Phrase(N_("a card needs a front and a back"))


def side_too_long(limit: int) -> Phrase:
    return Phrase(N_("a side has more than %(limit)s characters"), limit=limit)


def none_importable(bare: str, template: str, skipped: list[Skipped]) -> InterchangeError:
    """A file of which nothing can be imported: ``template`` (with ``%(reasons)s``) naming the
    first few items skipped and why, or ``bare`` when it skipped none."""
    if not skipped:
        return InterchangeError(bare)
    reasons = Joined(
        "; ", (Phrase("%(name)s: %(reason)s", name=s.name, reason=s.reason) for s in skipped)
    )
    return InterchangeError(template, reasons=reasons)


ANSWER_FEEDBACK_LEFT_OUT = Phrase(
    N_("the feedback on its answers was left out: only choice questions keep a feedback per answer")
)


def partial_answers_left_out(texts: list[str]) -> Phrase:
    """The report's sentence for typed answers worth part of the mark, which are not kept."""
    quoted = ", ".join(f"“{text}”" for text in texts)
    return Phrase(
        N_(
            "answers worth part of the mark were left out (%(answers)s): only choice questions "
            "give part of the mark"
        ),
        answers=quoted,
    )


@dataclass
class ParsedBank:
    questions: list[ImportedQuestion] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # What the file calls its questions as a whole (its first category), for a new article's
    # title; None when it names none.
    title: str | None = None

    def note_category(self, path: str) -> tuple[str, ...]:
        """Take a category path the file sets: its topic path below the article, returned, and
        the file's title from the first one that names anything."""
        self.title = self.title or bank_of_category(path)
        return topic_path_of_category(path)


def file_key(text: str | None) -> str | None:
    """An item key as a file writes it, or None when it writes none or one too long to keep."""
    key = " ".join((text or "").split())
    return key if key and len(key) <= MAX_KEY else None


def keys_from_names(unkeyed: list[tuple[ImportedQuestion, str]]) -> None:
    """Key each question by its name (given beside it: a Moodle name where the file gives no
    idnumber, a GIFT title), so importing the file again into its article updates it in
    place: Moodle matches a question without idnumber by its name within its category. A name
    the file gives more than one question is qualified by its category path, so each keeps a
    key of its own from one import to the next; one with no name (or too long) stays unkeyed."""
    names = [" ".join(name.split()) for _question, name in unkeyed]
    repeated = Counter(names)
    for (question, _name), name in zip(unkeyed, names, strict=True):
        if name and repeated[name] > 1:
            name = "/".join((*question.topic_path, name))
        question.key = file_key(name)


@dataclass(frozen=True)
class ExportQuestion:
    """A question to write: its fields (as a ``QuestionDraft`` or the model has them), its topic
    (a Moodle category under the article's) and a stable name."""

    question: Any
    topic: str
    name: str
    # The topic's parents and itself, outermost first (``(topic,)`` when not given), and the
    # item's key for formats that carry one beside the name (Moodle's ``idnumber``).
    topic_path: tuple[str, ...] = ()
    key: str | None = None
    # The files it shows, each (its media entry, its bytes): what Moodle XML carries inline.
    files: tuple[tuple[dict[str, Any], bytes], ...] = ()

    @property
    def path(self) -> tuple[str, ...]:
        return self.topic_path or (self.topic,)


def difficulty_tag(difficulty: int) -> str:
    return f"{DIFFICULTY_TAG}{difficulty}"


def difficulty_from_tags(tags: list[str]) -> tuple[int, list[str]]:
    """The difficulty named by a tag (2 when none) and the other tags."""
    difficulty, rest = 2, []
    for tag in tags:
        value = tag.removeprefix(DIFFICULTY_TAG)
        if tag.startswith(DIFFICULTY_TAG) and value in ("1", "2", "3"):
            difficulty = int(value)
        else:
            rest.append(tag)
    return difficulty, rest


def format_fraction(percent: float) -> str:
    """A Moodle grade fraction as Moodle writes it: at most 5 decimals ("33.33333", "-50")."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def parse_fraction(text: str | None) -> float:
    """A fraction attribute or GIFT weight in percent; text that is not a number reads as 0."""
    try:
        return float((text or "0").strip())
    except ValueError:
        return 0.0


def split_weight(answer: str) -> tuple[float | None, str]:
    """A GIFT or Moodle cloze answer's leading weight ("%50%Berlin" -> 50.0, "Berlin"), or None
    and the answer as it is when it has none."""
    match = _WEIGHT.match(answer)
    if match is None:
        return None, answer
    return parse_fraction(match.group(1)), answer[match.end() :]


def is_full_marks(percent: float) -> bool:
    return abs(percent - 100.0) < 0.001


def multiple_select_fractions(correct: int, incorrect: int) -> tuple[float, float]:
    """(fraction of a correct choice, fraction of a wrong one) in percent, matching the app's
    right-minus-wrong grading: each right pick earns 1/n_correct, each wrong pick costs
    max(1/n_correct, 1/n_incorrect), so ticking everything never earns credit."""
    right = 100.0 / correct
    wrong = -100.0 * max(1 / correct, 1 / incorrect) if incorrect else 0.0
    return right, wrong
