"""GIFT question files (Moodle's text format), read and written.

Questions are separated by blank lines; ``//`` starts a comment line (``[tag:…]`` in one tags the
question); ``$CATEGORY:`` sets the category of the questions after it; ``::name::`` names one;
the answers sit in braces, and text after the braces makes a "missing word" question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.core.import_limits import MAX_IMPORT_QUESTIONS
from quizapp.core.interchange.categories import category_path
from quizapp.core.interchange.gift_text import (
    FORMAT,
    GiftAnswer,
    GiftQuestion,
    escape,
    formatted,
    hide_escapes,
    restore,
)
from quizapp.core.interchange.html_text import html_to_text
from quizapp.core.interchange.media_refs import GIFT_HOLDS_NO_FILES, PLUGINFILE, named_files
from quizapp.core.interchange.records import (
    ANSWER_FEEDBACK_LEFT_OUT,
    ExportQuestion,
    ImportedQuestion,
    InterchangeError,
    ParsedBank,
    Skipped,
    difficulty_tag,
    keys_from_names,
    partial_answers_left_out,
    split_weight,
    too_many_questions,
)
from quizapp.core.question_kinds import all_kinds, kind_of
from quizapp.core.translatable import N_, Phrase

SOURCE_COMMENT = "// source: "
NOT_CARRIED = "// not carried: "
HINTS_NOT_CARRIED = "its hints: GIFT has no form for them (Moodle XML keeps them)"
# A tag in a comment: "[tag:name]", "\\]" inside it a literal "]". The three alternatives
# never overlap and none crosses "[", so each comment is scanned once however many "[tag:" it
# holds without a closing "]".
_TAG = re.compile(r"\[tag:((?:\\\]|\\(?!\])|[^\\\[\]\x00-\x1f])+)\]")


def write_gift(article_title: str, questions: Iterable[ExportQuestion]) -> str:
    """A GIFT file: a ``$CATEGORY`` per topic, then its questions with tags, source quote and
    general feedback (``####``)."""
    out = [f"// Exported from quizapp: {article_title}", ""]
    topic: tuple[str, ...] | None = None
    for item in questions:
        if item.path != topic:
            topic = item.path
            out += [f"$CATEGORY: {category_path(article_title, *topic)}", ""]
        question = item.question
        kind = kind_of(question.type)
        refusal = kind.gift_refusal(question)
        if refusal is not None:
            # Nothing silent: the file itself says which item it leaves out, and why.
            out += [f"{NOT_CARRIED}{' '.join(item.name.split())}: {refusal}", ""]
            continue
        before, answers, after = kind.write_gift(question)
        if getattr(question, "hints", None):
            # The question is written; the comment names what of it is not.
            out.append(f"{NOT_CARRIED}{' '.join(item.name.split())}: {HINTS_NOT_CARRIED}")
        out.append("// " + " ".join(_tag_comments(question)))
        if question.quote:
            out.append(SOURCE_COMMENT + " ".join(question.quote.split()))
        feedback = f" ####{escape(question.explanation)}" if question.explanation else ""
        out += [f"::{escape(item.name)}::{before}{{{answers}{feedback}}}{after}", ""]
    return "\n".join(out)


def _tag_comments(question) -> list[str]:
    """``[tag:…]`` for the difficulty and each of the question's tags (a "]" in one escaped,
    as the reader takes it)."""
    tags = [difficulty_tag(question.difficulty), *(getattr(question, "tags", None) or ())]
    return ["[tag:" + tag.replace("]", "\\]") + "]" for tag in tags]


def not_carried(data: bytes) -> list[str]:
    """What a GIFT file written by ``write_gift`` says it left out, one line per item ("name:
    why"), for the export's report."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    return [line.removeprefix(NOT_CARRIED) for line in lines if line.startswith(NOT_CARRIED)]


def read_gift(text: str) -> ParsedBank:
    """Every question of the file, or those the app has no type for in ``skipped``.

    Raises InterchangeError, naming the line, when a question's braces do not pair up.
    """
    parsed = ParsedBank()
    topic: tuple[str, ...] = ()
    for first_line, lines in _blocks(text):
        comments = [line.strip() for line in lines if line.strip().startswith("//")]
        body = [line for line in lines if not line.strip().startswith("//")]
        if body and body[0].strip().startswith("$CATEGORY:"):
            topic = parsed.note_category(body[0].strip().removeprefix("$CATEGORY:"))
            body = body[1:]
        if not "".join(body).strip():
            continue
        if len(parsed.questions) + len(parsed.skipped) >= MAX_IMPORT_QUESTIONS:
            raise too_many_questions()
        question = _split(first_line, "\n".join(body))
        name = question.name or Phrase(N_("question at line %(line)s"), line=first_line)
        reason = _unsupported(question)
        kind = None if reason else next((k for k in all_kinds() if k.reads_gift(question)), None)
        if kind is None:
            parsed.skipped.append(
                Skipped(
                    name, reason or Phrase(N_("answers in a form no question type of the app has"))
                )
            )
            continue
        raw = {
            "type": kind.type.value,
            "explanation": question.general_feedback,
            "quote": _source(comments),
        }
        raw.update(kind.read_gift(question))
        tags = [m.group(1).replace("\\]", "]") for c in comments for m in _TAG.finditer(c)]
        changes = [] if kind.keeps_answer_feedback else _left_out(question, kind.keeps_credit)
        changes += raw.pop("changes", [])
        changes += _files_left_out("\n".join(body))
        # The title is the key: it is what Moodle keeps of a GIFT question (as its name) and
        # writes back, where a "// key:" comment would be dropped on Moodle's import.
        parsed.questions.append(
            ImportedQuestion.filed(raw, topic, name, tags, changes, question.name)
        )
    _key_by_titles(parsed.questions)
    return parsed


def _key_by_titles(questions: list[ImportedQuestion]) -> None:
    """Each question keyed by its title, a title two questions share told apart by their
    categories, as a Moodle name without idnumber is."""
    keys_from_names([(question, question.key or "") for question in questions])


def _files_left_out(written: str) -> list[str]:
    """The report's sentence for a question whose text names pictures or sound."""
    return [GIFT_HOLDS_NO_FILES] if named_files(written) or PLUGINFILE in written else []


def _blocks(text: str) -> Iterable[tuple[int, list[str]]]:
    """(first line number, lines) of each run of non-blank lines."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _split(first_line: int, text: str) -> GiftQuestion:
    hidden = hide_escapes(text).strip()
    name = ""
    if hidden.startswith("::"):
        end = hidden.find("::", 2)
        if end < 0:
            raise InterchangeError(
                f"Line {first_line}: a question name opens with :: but never closes."
            )
        name, hidden = restore(hidden[2:end]), hidden[end + 2 :]
    is_html = (match := FORMAT.match(hidden)) is not None and match.group(1) == "html"
    if match:
        hidden = hidden[match.end() :]
    opens, closes = hidden.count("{"), hidden.count("}")
    if opens != closes or opens > 1 or (opens and hidden.index("{") > hidden.index("}")):
        raise InterchangeError(
            f"Line {first_line}: the braces around the answers do not pair "
            f"up (write \\{{ or \\}} for a literal brace)."
        )
    if not opens:
        return GiftQuestion(name, _text(hidden, is_html), "", "", has_braces=False)
    start, end = hidden.index("{"), hidden.index("}")
    body, _, general = hidden[start + 1 : end].partition("####")
    question = GiftQuestion(
        name,
        _text(hidden[:start], is_html, strip=False),
        _text(hidden[end + 1 :], is_html, strip=False),
        body,
        general_feedback=formatted(restore(general)),
    )
    # A numerical body ("#3.14:0.01", "#=1..5 =%50%2..6") holds numbers its kind reads; read
    # as "="/"~" answers it would pass for a short answer or a choice question.
    question.answers = [] if body.lstrip().startswith("#") else _answers(body)
    return question


def _text(hidden: str, is_html: bool, strip: bool = True) -> str:
    text = restore(hidden, strip=strip)
    if is_html:
        edge_left = " " if text[:1].isspace() else ""
        edge_right = " " if text[-1:].isspace() else ""
        text = edge_left + html_to_text(text) + edge_right
    return text


def _answers(body: str) -> list[GiftAnswer]:
    answers = []
    for chunk in re.split(r"(?=[=~])", body):
        if not chunk or chunk[0] not in "=~":
            continue
        text = chunk[1:]
        weight, text = split_weight(text)
        text, _, feedback = text.partition("#")
        answers.append(GiftAnswer(chunk[0], formatted(text), weight, formatted(restore(feedback))))
    return answers


def _left_out(question: GiftQuestion, keeps_credit: bool = False) -> list[str]:
    """The report's sentences for what a kind that is not a choice drops: answers worth part
    of the mark ("=%50%somebody"), and "#feedback" on answers (a true/false question's
    "{T#if wrong#if right}" among them)."""
    partial = [restore(a.text) for a in question.answers if 0 < a.percent < 100 - 0.001]
    changes = [partial_answers_left_out(partial)] if partial and not keeps_credit else []
    # A numerical body starts with "#"; a "#" after that one is feedback.
    body = question.body.strip().removeprefix("#")
    if any(a.feedback for a in question.answers) or (not question.answers and "#" in body):
        changes.append(ANSWER_FEEDBACK_LEFT_OUT)
    return changes


def _unsupported(question: GiftQuestion) -> Phrase | None:
    body = question.body.strip()
    if not question.has_braces:
        return Phrase(N_("a description without answers: the app has no such items"))
    if not body:
        return Phrase(N_("an essay question (empty braces): the app has no essay questions"))
    return None


def _source(comments: list[str]) -> str | None:
    for comment in comments:
        if comment.startswith(SOURCE_COMMENT.strip()):
            return comment.removeprefix(SOURCE_COMMENT.strip()).strip() or None
    return None
