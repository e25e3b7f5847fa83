"""Moodle XML question files, read and written.

The parser is defusedxml's with DTDs forbidden: a file declaring entities (the "billion laughs"
expansion) or reaching outside itself is refused as a whole, before anything is built from it.
"""

from __future__ import annotations

import base64
import html
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from quizapp.core.import_limits import MAX_IMPORT_QUESTIONS, MAX_XML_ELEMENTS
from quizapp.core.interchange.categories import category_path
from quizapp.core.interchange.html_text import enclosed_spans, html_to_text, text_to_html
from quizapp.core.interchange.media_refs import (
    CHOICE_TYPES,
    EXPLANATION_PLACE,
    PLUGINFILE,
    ImportedFile,
    answer_feedback_place,
    files_elsewhere,
    moodle_choice_files,
    moodle_feedback_files,
    moodle_files,
    moodle_old_image,
    outcome_place,
)
from quizapp.core.interchange.moodle_fields import OUTCOME_TAGS, add_plain, add_text, read_text
from quizapp.core.interchange.records import (
    ANSWER_FEEDBACK_LEFT_OUT,
    ExportQuestion,
    ImportedQuestion,
    InterchangeError,
    NotImportable,
    ParsedBank,
    Skipped,
    difficulty_tag,
    keys_from_names,
    parse_fraction,
    partial_answers_left_out,
    too_many_questions,
)
from quizapp.core.media_files import EXTENSIONS
from quizapp.core.question_hints import one_hint
from quizapp.core.question_kinds import all_kinds, kind_of
from quizapp.core.translatable import N_, Phrase

# Our exports put the source quote in the general feedback under this class, so a Moodle
# student sees it and an import back finds it.
SOURCE_CLASS = "quizapp-source"
_SOURCE = (f'<blockquote class="{SOURCE_CLASS}">', "</blockquote>")
_MARKUP_PER_ELEMENT = 4
# Moodle's elements for the combined feedback, by the outcome each is shown for.
COMBINED_FEEDBACK_TAGS = OUTCOME_TAGS
REFUSED_DTD = (
    "The file declares a DTD or entities, which are refused for safety; Moodle's own "
    "exports never have one."
)


def write_moodle_xml(article_title: str, questions: Iterable[ExportQuestion]) -> bytes:
    """A Moodle XML file: a category per topic (under one named after the article), then its
    questions with their general feedback, source quote and tags."""
    quiz = ET.Element("quiz")
    topic: tuple[str, ...] | None = None
    for item in questions:
        if item.path != topic:
            topic = item.path
            category = ET.SubElement(quiz, "question", type="category")
            add_plain(category, "category", category_path(article_title, *topic))
        quiz.append(_question_element(item))
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def _question_element(item: ExportQuestion) -> ET.Element:
    question = item.question
    kind = kind_of(question.type)
    element = ET.Element("question", type=kind.moodle_type)
    add_plain(element, "name", item.name)
    text = ET.SubElement(element, "questiontext", format="html")
    ET.SubElement(text, "text").text = text_to_html(kind.moodle_prompt(question))
    _add_files(text, [f for f in item.files if f[0].get("place") == "prompt"])
    feedback = text_to_html(question.explanation)
    if question.quote:
        feedback += f'<blockquote class="{SOURCE_CLASS}">{html.escape(question.quote)}</blockquote>'
    general = ET.SubElement(element, "generalfeedback", format="html")
    ET.SubElement(general, "text").text = feedback
    _add_files(general, _files_at(item, EXPLANATION_PLACE))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    if item.key:  # Moodle keeps a question's idnumber through its own import and export
        ET.SubElement(element, "idnumber").text = item.key
    kind.write_moodle(question, element)
    if kind.type.value in CHOICE_TYPES:
        for choice, answer in zip(question.choices, element.findall("answer"), strict=False):
            place = f"choice:{choice.get('id')}"
            _add_files(answer, [f for f in item.files if f[0].get("place") == place])
    _add_feedback(element, item, kind)
    for hint in getattr(question, "hints", None) or ():
        add_text(element, "hint", hint, paragraphs=True)
    tags = ET.SubElement(element, "tags")
    own = [difficulty_tag(question.difficulty), *kind.moodle_tags(question)]
    for tag in dict.fromkeys([*own, *(getattr(question, "tags", None) or ())]):
        add_plain(tags, "tag", tag)
    return element


def _add_feedback(element: ET.Element, item: ExportQuestion, kind) -> None:
    """The pictures of each answer's feedback inside it, then the combined feedbacks with
    theirs: each where Moodle shows it."""
    for answer, place in kind.moodle_feedback_answers(element):
        said = answer.find("feedback")
        if (files := _files_at(item, _stored_place(place, item.question))) and said is None:
            said = add_text(answer, "feedback", "")
        _add_files(said, files)
    combined = getattr(item.question, "combined_feedback", None) or {}
    for outcome, tag in COMBINED_FEEDBACK_TAGS.items():
        files = _files_at(item, outcome_place(outcome))
        if combined.get(outcome) or files:
            said = add_text(element, tag, combined.get(outcome, ""), paragraphs=True)
            _add_files(said, files)


def _stored_place(place: str, question) -> str:
    """A kind's place for an answer's feedback by position ("feedback:choice:0") as the stored
    question names it, by its choice's id."""
    position = place.removeprefix("feedback:choice:")
    if place.startswith("feedback:choice:") and position.isdecimal():
        choices = question.choices or []
        if int(position) < len(choices):
            return answer_feedback_place(choices[int(position)]["id"])
    return place


def _files_at(item: ExportQuestion, place: str) -> list:
    return [f for f in item.files if f[0].get("place") == place]


def _add_files(text: ET.Element, files) -> None:
    """The prompt's pictures and sound: shown from the text as ``@@PLUGINFILE@@/name`` and
    carried beside it as base64, as Moodle's own export does (a feedback's the same way)."""
    if not files:
        return
    body = text.find("text")
    for entry, data in files:
        name = f"{entry['sha256'][:16]}.{EXTENSIONS.get(entry['type'], 'bin')}"
        address = html.escape(PLUGINFILE + name)
        if entry["type"].startswith("image/"):
            shown = f'<p><img src="{address}" alt="{html.escape(entry.get("alt", ""))}"></p>'
        else:
            shown = f'<p><audio controls><source src="{address}"></audio></p>'
        body.text = (body.text or "") + shown
        carried = ET.SubElement(text, "file", name=name, path="/", encoding="base64")
        carried.text = base64.b64encode(data).decode("ascii")


def read_moodle_xml(data: bytes) -> ParsedBank:
    """Every question of the file, or those the app has no type for in ``skipped``.

    Raises InterchangeError when the file is not well-formed XML, declares a DTD or entities,
    or is not a Moodle ``<quiz>``.
    """
    root = _parse(data)
    if root.tag != "quiz":
        raise InterchangeError(
            N_("This is not a Moodle XML question file: it starts with <%(tag)s>, not <quiz>."),
            tag=root.tag,
        )
    questions = root.findall("question")
    if len(questions) > MAX_IMPORT_QUESTIONS:
        raise too_many_questions()
    parsed = ParsedBank()
    topic: tuple[str, ...] = ()
    # The questions the file gives no idnumber (most older courses' exports), by their name.
    unkeyed: list[tuple[ImportedQuestion, str]] = []
    for number, element in enumerate(questions, start=1):
        moodle_type = element.get("type", "")
        if moodle_type == "category":
            topic = parsed.note_category(element.findtext("category/text") or "")
            continue
        name = (element.findtext("name/text") or "").strip() or Phrase(
            N_("question %(number)s"), number=number
        )
        prompt = read_text(element.find("questiontext"))
        kind = next((k for k in all_kinds() if k.reads_moodle(moodle_type, element, prompt)), None)
        if kind is None:
            parsed.skipped.append(Skipped(name, _unsupported(moodle_type)))
            continue
        explanation, quote = _feedback(element)
        raw = {
            "type": kind.type.value,
            "prompt": prompt,
            "explanation": explanation,
            "quote": quote,
            "combined_feedback": _combined_feedback(element),
            "hints": _hints(element),
        }
        try:
            raw.update(kind.read_moodle(element, prompt))
        except NotImportable as error:
            parsed.skipped.append(Skipped(name, error.reason))
            continue
        tags = [
            t.strip() for t in (e.text or "" for e in element.findall("tags/tag/text")) if t.strip()
        ]
        changes = [] if kind.keeps_answer_feedback else _left_out(element, kind.keeps_credit)
        changes += raw.pop("changes", [])
        files, file_changes = _files_of(element, kind)
        file_changes += _hint_options(element)
        question = ImportedQuestion.filed(
            raw, topic, name, tags, changes + file_changes, element.findtext("idnumber")
        )
        question.files = files
        parsed.questions.append(question)
        if question.key is None:
            unkeyed.append((question, element.findtext("name/text") or ""))
    keys_from_names(unkeyed)
    return parsed


def _parse(data: bytes) -> ET.Element:
    """The document's root, its elements counted as they are parsed: a file of millions of
    tiny elements (20 MB of "<b/>" took 450 MB) is refused at MAX_XML_ELEMENTS."""
    too_many = InterchangeError(
        N_(
            "The file has more than %(limit)s XML elements, more than any question bank; split "
            "it into smaller files."
        ),
        limit=f"{MAX_XML_ELEMENTS:,}",
    )
    # Every element opens with "<" (so do comments and HTML kept in CDATA, hence the margin):
    # a count at C speed refuses the grossest files before any is parsed.
    if data.count(b"<") > _MARKUP_PER_ELEMENT * MAX_XML_ELEMENTS:
        raise too_many
    root = None
    events = iterparse(io.BytesIO(data), events=("start",), forbid_dtd=True)
    try:
        for count, (_event, element) in enumerate(events, start=1):
            if count > MAX_XML_ELEMENTS:
                raise too_many
            root = element if root is None else root
    except DefusedXmlException as error:
        raise InterchangeError(REFUSED_DTD) from error
    except ET.ParseError as error:
        raise InterchangeError(
            N_("This is not well-formed XML: %(error)s."), error=str(error)
        ) from error
    if root is None:
        raise InterchangeError("This is not well-formed XML: it has no elements.")
    return root


def _unsupported(moodle_type: str) -> Phrase:
    if moodle_type == "multichoice":
        return Phrase(N_("a choice question the app cannot grade the same way"))
    if not moodle_type:
        return Phrase(N_("the app has no question type like Moodle's 'untyped'"))
    return Phrase(N_("the app has no question type like Moodle's '%(type)s'"), type=moodle_type)


def _combined_feedback(element: ET.Element) -> dict[str, str]:
    """The feedbacks for a correct, partly correct and incorrect answer that are not empty."""
    texts = {
        outcome: read_text(element.find(tag)) for outcome, tag in COMBINED_FEEDBACK_TAGS.items()
    }
    return {outcome: text for outcome, text in texts.items() if text}


def _files_of(element: ET.Element, kind) -> tuple[list[ImportedFile], list[str]]:
    """The files the question shows (in its text, Moodle 1.9's picture, its choices, its
    feedbacks), each at its place, and the report's sentences for those it cannot keep."""
    files, changes = moodle_files(element.find("questiontext"), "prompt")
    old_files, old_changes = moodle_old_image(element)
    files, changes = files + old_files, changes + old_changes
    choices = kind.type.value in CHOICE_TYPES
    if choices:
        answer_files, answer_changes = moodle_choice_files(element)
        files, changes = files + answer_files, changes + answer_changes
    feedbacks = _feedback_parts(element, kind)
    feedback_files, feedback_changes = moodle_feedback_files(feedbacks)
    files, changes = files + feedback_files, changes + feedback_changes
    kept = [part for part, _place in feedbacks]
    return files, changes + files_elsewhere(element, with_answers=choices, kept_parts=kept)


def _feedback_parts(element: ET.Element, kind) -> list[tuple[ET.Element | None, str]]:
    """(feedback element, media place) of every feedback whose pictures the item keeps: the
    general one, the combined ones, and each answer's the kind keeps."""
    parts = [(element.find("generalfeedback"), EXPLANATION_PLACE)]
    parts += [(element.find(tag), outcome_place(o)) for o, tag in COMBINED_FEEDBACK_TAGS.items()]
    parts += [(a.find("feedback"), place) for a, place in kind.moodle_feedback_answers(element)]
    return parts


def _hints(element: ET.Element) -> list[str]:
    """The texts of the question's ``<hint>`` elements that say something, in order."""
    return [one_hint(text) for text in map(read_text, element.findall("hint")) if text]


HINT_OPTIONS_LEFT_OUT = N_(
    "what its hints do to a wrong try (show how many are right, clear the wrong ones) was left "
    "out: the app shows hints before the one answer, as text"
)
# The children of Moodle's <hint> that steer a multi-try question rather than say something.
_HINT_OPTIONS = ("shownumcorrect", "clearwrong", "options")


def _hint_options(element: ET.Element) -> list[str]:
    """The report's sentence for hints that set what a wrong try shows (their text is kept)."""
    hints = [h for h in element.findall("hint") if read_text(h)]
    steering = any(
        (option := h.find(tag)) is not None and (option.text or "1").strip() not in ("", "0")
        for h in hints
        for tag in _HINT_OPTIONS
    )
    return [HINT_OPTIONS_LEFT_OUT] if steering else []


def _left_out(element: ET.Element, keeps_credit: bool = False) -> list[str]:
    """The report's sentences for what a kind that is not a choice drops: feedback on its
    answers, and answers worth part of the mark."""
    answers = element.findall("answer")
    partial = [
        read_text(answer)
        for answer in answers
        if 0 < parse_fraction(answer.get("fraction")) < 100 - 0.001
    ]
    changes = [partial_answers_left_out(partial)] if partial and not keeps_credit else []
    if any(read_text(answer.find("feedback")) for answer in answers):
        changes.append(ANSWER_FEEDBACK_LEFT_OUT)
    return changes


def _feedback(element: ET.Element) -> tuple[str, str | None]:
    """(general feedback as text, the source quote our exports put in it)."""
    raw = element.findtext("generalfeedback/text") or ""
    spans = enclosed_spans(raw, *_SOURCE)
    quote = html_to_text(raw[spans[0][1] : spans[0][2]]) if spans else None
    kept, position = [], 0
    for start, _inner, _inner_end, end in spans:
        kept.append(raw[position:start])
        position = end
    rest = "".join(kept) + raw[position:]
    general = element.find("generalfeedback")
    if general is not None and general.get("format") not in ("html", "moodle_auto_format", None):
        return rest.strip(), quote
    return html_to_text(rest), quote
