"""Pictures and sound inside imported texts: which files a question's HTML shows (``<img>``,
``<audio>``, a link to a sound), with their alt text, and Moodle's files carried in the XML
(``<file name encoding="base64">`` named from the text as ``@@PLUGINFILE@@/name``)."""

from __future__ import annotations

import base64
import binascii
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

from quizapp.core.translatable import N_, Phrase

PLUGINFILE = "@@PLUGINFILE@@/"
_SOUND_ENDINGS = (".mp3", ".ogg", ".oga", ".wav", ".m4a")
# A file the Moodle file gives no name, in the report's sentence about it.
UNNAMED = Phrase(N_("(unnamed)"))
GIFT_HOLDS_NO_FILES = Phrase(
    N_(
        "its picture or sound was left out: a GIFT file names files but cannot carry them "
        "(export it as Moodle XML to keep them)"
    )
)


@dataclass(frozen=True)
class ImportedFile:
    """A file an imported item shows at ``place``, with the alt text its file gave it."""

    name: str
    data: bytes
    alt: str
    place: str


class _References(HTMLParser):
    """(address, alt text) of every picture and sound the markup shows, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "img" and values.get("src"):
            self.found.append((values["src"], values.get("alt", "")))
        elif tag in ("audio", "source", "video") and values.get("src"):
            self.found.append((values["src"], values.get("title", "")))
        elif tag == "a" and values.get("href", "").lower().endswith(_SOUND_ENDINGS):
            self.found.append((values["href"], ""))


def media_references(markup: str) -> list[tuple[str, str]]:
    """(address, alt text) of each picture and sound ``markup`` shows."""
    if "<" not in markup:
        return []
    parser = _References()
    parser.feed(markup)
    parser.close()
    return parser.found


def plugin_file_name(address: str) -> str | None:
    """The file name of a ``@@PLUGINFILE@@/…`` address (URL-decoded, query dropped), or None."""
    if not address.startswith(PLUGINFILE):
        return None
    return unquote(address[len(PLUGINFILE) :].split("?", 1)[0]).rsplit("/", 1)[-1]


def moodle_files(
    text_element: ET.Element | None, place: str
) -> tuple[list[ImportedFile], list[str]]:
    """The files a Moodle text element carries, each with the alt text its HTML gives it, and
    the report's sentences for what it names but does not carry (or carries unreadably)."""
    if text_element is None:
        return [], []
    markup = text_element.findtext("text") or ""
    alts: dict[str, str] = {}
    changes: list[str] = []
    for address, alt in media_references(markup):
        name = plugin_file_name(address)
        if name is not None:
            alts.setdefault(name, alt)
        elif not address.startswith("data:"):
            changes.append(
                Phrase(
                    N_(
                        "the file at %(address)s was left out: files of other sites are not fetched"
                    ),
                    address=address[:80],
                )
            )
    files = []
    for element in text_element.findall("file"):
        name = (element.get("name") or "").strip()
        try:
            data = base64.b64decode((element.text or "").encode("ascii"), validate=False)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            changes.append(
                Phrase(
                    N_("the file %(name)s was left out: it is not valid base64"),
                    name=name or UNNAMED,
                )
            )
            continue
        files.append(ImportedFile(name or "file", data, alts.pop(name, ""), place))
    changes += [
        Phrase(
            N_("the file %(name)s was left out: the question names it but does not carry it"),
            name=name,
        )
        for name in alts
    ]
    return files, changes


# The kinds whose Moodle answers are their choices, one to one and in order: an answer's
# files are shown with its choice (place "choice:<position>", then "choice:<id>" once stored).
CHOICE_TYPES = ("single_choice", "multiple_select", "poll")


def choice_place(position: int) -> str:
    return f"choice:{position}"


def moodle_choice_files(question: ET.Element) -> tuple[list[ImportedFile], list[str]]:
    """The files each ``<answer>`` carries, placed at its position among the answers."""
    files, changes = [], []
    for position, answer in enumerate(question.findall("answer")):
        found, said = moodle_files(answer, choice_place(position))
        files += found
        changes += said
    return files, changes


# Where a feedback's pictures are shown: the general feedback with the explanation, the
# combined feedbacks with the outcome they are told for, an answer's with its choice (by
# position on import, "feedback:choice:<id>" once stored, as choices' own files).
EXPLANATION_PLACE = "explanation"


def outcome_place(outcome: str) -> str:
    """The place of the combined feedback for "correct", "partial" or "incorrect"."""
    return f"feedback:{outcome}"


def answer_feedback_place(position_or_id: int | str) -> str:
    return f"feedback:choice:{position_or_id}"


def moodle_feedback_files(
    parts: list[tuple[ET.Element | None, str]],
) -> tuple[list[ImportedFile], list[str]]:
    """The files each feedback element carries, at its place; the same file twice at one
    place (a true/false answer's feedback repeated as the combined one) is kept once."""
    files: list[ImportedFile] = []
    changes: list[str] = []
    seen: set[tuple[bytes, str]] = set()
    for element, place in parts:
        found, said = moodle_files(element, place)
        files += [f for f in found if (f.data, f.place) not in seen]
        seen |= {(f.data, f.place) for f in found}
        changes += said
    return files, changes


def files_elsewhere(
    question: ET.Element,
    with_answers: bool = False,
    kept_parts: list[ET.Element | None] | None = None,
) -> list[str]:
    """The report's sentences for files a Moodle question carries outside its text (and its
    answers, ``with_answers``, and the feedbacks ``kept_parts`` whose files are kept) which no
    item here shows."""
    kept = [question.find("questiontext"), *(kept_parts or [])]
    if with_answers:
        kept += question.findall("answer")
    own = {id(f) for part in kept if part is not None for f in part.findall("file")}
    return [
        Phrase(
            N_(
                "the file %(name)s in an answer or feedback was left out: this kind of "
                "question shows no pictures or sound there"
            ),
            name=carried.get("name") or UNNAMED,
        )
        for carried in question.iter("file")
        if id(carried) not in own
    ]


def named_files(markup: str) -> list[str]:
    """The addresses of the pictures and sound a text shows (what GIFT names but cannot hold)."""
    return [address for address, _alt in media_references(markup)]


def moodle_old_image(question: ET.Element) -> tuple[list[ImportedFile], list[str]]:
    """The picture Moodle 1.9 kept beside the question text (``<image>`` naming it,
    ``<image_base64>`` carrying it), which Moodle's own import shows under the text; the
    report's sentence when the file names one it does not carry."""
    named = (question.findtext("image") or "").strip()
    carried = "".join((question.findtext("image_base64") or "").split())
    if not named and not carried:
        return [], []
    name = named.replace("\\", "/").rsplit("/", 1)[-1] or "image"
    if not carried:
        return [], [f"the picture {name} was left out: the question names it but does not carry it"]
    try:
        data = base64.b64decode(carried.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return [], [f"the picture {name} was left out: it is not valid base64"]
    return [ImportedFile(name, data, "", "prompt")], []
