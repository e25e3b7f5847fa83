"""What every kind of question knows how to do; one subclass per :class:`QuestionType`.

A kind never touches Flask or the database: it works on anything shaped like a question (the
``Question`` model, a ``QuestionDraft``), on plain mappings from a form, and on grading keys.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, NoReturn, Protocol

from quizapp.core.errors import InputError
from quizapp.core.grading import Grade, GradingKey
from quizapp.core.interchange.gift_text import GiftQuestion, escape
from quizapp.core.question_types import QuestionType
from quizapp.core.translatable import N_, Phrase

Fail = Callable[[str], NoReturn]

BLANK = "_____"
MAX_OPTIONS = 12  # choices, accepted answers or pairs a teacher may type
MAX_OPTION = 500  # characters in one of them
MAX_TEXT_ANSWER = 2000  # longer typed answers are refused, not silently cut
PAIR_SEPARATOR = "|"


class FormAnswerError(InputError):
    """A submitted form holds an answer no honest form for this question could have sent."""


# The typed kinds' refusal of an answer too long to keep (the form's maxlength says so first).
ANSWERS_LIMITED = N_("Answers are limited to %(limit)s characters.")


class QuestionLike(Protocol):
    type: str
    prompt: str
    explanation: str
    choices: list[dict[str, Any]]
    accepted: list[str]
    pairs: list[list[str]]
    answer_bool: bool | None


class FormData(Protocol):
    """The part of werkzeug's ``MultiDict`` a kind reads."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def getlist(self, key: str) -> list[Any]: ...


def lines_of(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def limit_lines(lines: list[str], what: str, fail: Fail) -> list[str]:
    """``lines`` when within MAX_OPTIONS lines of MAX_OPTION characters each; else ``fail``."""
    too_many, too_long = _LINE_LIMITS[what]
    if len(lines) > MAX_OPTIONS:
        fail(Phrase(too_many, limit=MAX_OPTIONS))
    if any(len(line) > MAX_OPTION for line in lines):
        fail(Phrase(too_long, limit=MAX_OPTION))
    return lines


# The editor's refusals of too many lines, or too long a line, by what the lines are.
_LINE_LIMITS = {
    "choices": (
        N_("At most %(limit)s choices."),
        N_("Each of the choices has at most %(limit)s characters."),
    ),
    "accepted answers": (
        N_("At most %(limit)s accepted answers."),
        N_("Each of the accepted answers has at most %(limit)s characters."),
    ),
    "pairs": (
        N_("At most %(limit)s pairs."),
        N_("Each of the pairs has at most %(limit)s characters."),
    ),
}


class QuestionKind:
    """One kind of question: how it is validated, answered, graded, described and exchanged.

    Subclasses set the class attributes and override what differs; the defaults suit questions
    whose answer is picked from ``choices``.
    """

    type: ClassVar[QuestionType]
    label: ClassVar[str]
    # The partial under templates/ that renders the answer controls.
    input_template: ClassVar[str]
    # A sentence shown above the controls ("Select all that apply."), or None.
    hint: ClassVar[str | None] = None
    # The authoring form's field that holds this kind's answer (choices, accepted, ...).
    authoring_field: ClassVar[str]
    # Whether item analysis lists the most frequent typed answers.
    tallies_typed_answers: ClassVar[bool] = False
    # Whether the answer is one of a few listed options, so keys 1-9 can pick them.
    numbered_options: ClassVar[bool] = False
    # Whether the options are shuffled in every sitting, whatever the set says: for a kind
    # whose stored order is the key (matching: row i's answer is the i-th right), showing
    # that order would show the answers.
    always_shuffled: ClassVar[bool] = False
    # Whether answers are marked: a poll's are saved and counted, never scored, and its
    # question stays out of practice, reviews, mastery and item analysis.
    graded: ClassVar[bool] = True
    # Whether the answer controls show the prompt themselves (a cloze's gaps sit inside its
    # text): the question's legend is then ``legend`` instead of the prompt.
    prompt_in_controls: ClassVar[bool] = False
    # Why a live game does not play this kind, or None when it does (tiles or a typed answer).
    live_refusal: ClassVar[str | None] = None

    # --- authoring and validation ------------------------------------------------------------

    @property
    def has_choices(self) -> bool:
        """Whether a teacher writes the answer as choices (so a choice may carry a picture)."""
        return self.authoring_field == "choices"

    def raw_from_authoring(self, fields: Any, fail: Fail) -> dict[str, Any]:
        """The type's fields in the seed bank's shape from a teacher's form (text per line)."""
        raise NotImplementedError

    def authoring_text(self, question: QuestionLike) -> dict[str, str]:
        """The authoring form's text fields for a stored question, where the kind does not
        keep them as typed (a numerical question's values); {} for the rest."""
        return {}

    def validate(self, raw: Mapping[str, Any], draft: dict[str, Any], fail: Fail) -> None:
        """Check the type's own fields of ``raw`` and add them to ``draft``; ``fail`` if bad."""
        raise NotImplementedError

    def legend(self, question: QuestionLike) -> str:
        """What the question page shows above the controls: the prompt, unless the controls
        show it (``prompt_in_controls``)."""
        return question.prompt

    # --- live games: a question played as tiles on phones -----------------------------------

    def tiles(self, question: QuestionLike) -> list[dict[str, str]] | None:
        """The options a live game shows as tiles (id and text), or None when this kind cannot
        be answered with a tap (typed answers, matching)."""
        return None

    def right_tile_ids(self, question: QuestionLike) -> list[str]:
        """The ids of the tiles that are right."""
        return []

    # Whether a player taps several tiles, then sends them (a list of tile ids), rather than
    # sending the one tile tapped. The phone's script reads this, never the kind's name.
    tiles_pick_several: ClassVar[bool] = False

    def tile_answer(self, tile_id: str) -> Any:
        """The answer one tapped tile sends, in the shape ``grade`` takes: its id by default."""
        return tile_id

    def choice_order(self, question: QuestionLike) -> list[str]:
        """The ids a quiz may shuffle, in their stored order."""
        return [c["id"] for c in question.choices]

    def answer_from_form(self, question: QuestionLike, form: FormData) -> Any:
        """The JSON-able answer the form carries (None when blank); raises FormAnswerError."""
        raise NotImplementedError

    def grade(self, key: GradingKey, answer: object) -> Grade:
        """Grade a non-empty answer against ``key`` (see ``core.grading``)."""
        raise NotImplementedError

    def describe_answer(self, question: QuestionLike, answer: Any) -> str:
        """A non-empty answer in words, for the review."""
        return str(answer)

    def describe_key(self, question: QuestionLike) -> str:
        """The correct answer in words."""
        raise NotImplementedError

    # Whether the kind keeps a feedback text per answer (choices do); an import of a kind
    # that does not lists the feedback it left out.
    keeps_answer_feedback: ClassVar[bool] = False
    # Whether answers worth part of the mark are kept (checked for the kinds that keep no
    # feedback per answer; those that do keep their answers' credit with it).
    keeps_credit: ClassVar[bool] = False

    def answer_feedback(self, question: QuestionLike, answer: Any) -> list[str]:
        """What the question says to this particular answer (a picked choice's feedback)."""
        return []

    def answer_feedback_places(self, question: QuestionLike, answer: Any) -> list[str]:
        """The media places of the feedbacks ``answer_feedback`` draws on (a picked choice's
        "feedback:choice:<id>"), whose pictures are shown with them."""
        return []

    # --- item analysis ------------------------------------------------------------------------

    def analysis_choices(self, question: QuestionLike) -> list[tuple[str, str, bool]]:
        """(id, text, correct) of each option whose picks item analysis counts; [] for none."""
        return []

    def picked_choice_ids(self, answer: Any) -> list[str]:
        """The option ids a non-empty answer picked (only for kinds with analysis choices)."""
        return [str(answer)]

    # --- interchange: Moodle XML -------------------------------------------------------------

    # The ``type`` attribute of a Moodle ``<question>`` this kind is written as.
    moodle_type: ClassVar[str]

    def reads_moodle(self, moodle_type: str, element: ET.Element, prompt: str) -> bool:
        """Whether a Moodle question of ``moodle_type`` (text ``prompt``) becomes this kind."""
        return moodle_type == self.moodle_type

    def read_moodle(self, element: ET.Element, prompt: str) -> dict[str, Any]:
        """The type's raw fields (as ``validate`` takes them) from a Moodle ``<question>``; may
        also set "prompt" when the kind rewrites the text (cloze), and "changes": what the
        import report lists as changed. Raises NotImportable for a question it cannot keep."""
        raise NotImplementedError

    def moodle_feedback_answers(self, element: ET.Element) -> list[tuple[ET.Element, str]]:
        """(``<answer>``, media place) for each Moodle answer whose feedback this kind keeps:
        the files in that feedback are shown there. [] for kinds that keep none."""
        return []

    def moodle_prompt(self, question: QuestionLike) -> str:
        """The question text as Moodle shows it, before HTML escaping."""
        return question.prompt

    def write_moodle(self, question: QuestionLike, element: ET.Element) -> None:
        """Add the type's own children to a Moodle ``<question>`` element."""
        raise NotImplementedError

    def moodle_tags(self, question: QuestionLike) -> list[str]:
        """Tags the kind adds to the exported question (a poll marks itself)."""
        return []

    # --- interchange: GIFT --------------------------------------------------------------------

    def reads_gift(self, parsed: GiftQuestion) -> bool:
        """Whether a GIFT question with these answers becomes this kind."""
        raise NotImplementedError

    def read_gift(self, parsed: GiftQuestion) -> dict[str, Any]:
        """The raw fields, "prompt" included, of a GIFT question."""
        raise NotImplementedError

    def gift_prompt(self, parsed: GiftQuestion) -> str:
        """The prompt: text after the braces makes a "missing word" question with a blank."""
        if parsed.after.strip():
            return (parsed.before + BLANK + parsed.after).strip()
        return parsed.before.strip()

    def write_gift(self, question: QuestionLike) -> tuple[str, str, str]:
        """(text before the braces, the answers inside them, text after), GIFT-escaped."""
        return escape(question.prompt), self.gift_answers(question), ""

    def gift_answers(self, question: QuestionLike) -> str:
        raise NotImplementedError

    def gift_refusal(self, question: QuestionLike) -> str | None:
        """Why GIFT cannot carry this question (the export notes it and leaves it out), or
        None when it can."""
        return None
