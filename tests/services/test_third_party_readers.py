"""Our exports of real files' items, read by other people's parsers: Moodle XML by a generic
XML parser (Python's own ElementTree, not the app's reader), an Anki package by Anki's library
(``anki``), GIFT by pygiftparser where it is installed. Media and fractions must come out as
the original files had them."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import xml.etree.ElementTree as ET

import pytest
from flask import current_app

from bench.interchange_corpus import CORPUS, import_corpus_file
from quizapp.services.interchange import export_file
from quizapp.services.media import media_store
from tests.builders.anki import anki_notes, into_anki


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _import(db, teacher, name: str):
    result = import_corpus_file(db.session, CORPUS / name, teacher.id)
    db.session.commit()
    return result


def _export(db, result, fmt: str, teacher_id: int | None = None) -> bytes:
    # As an operator exports: imported questions are drafts, which a teacher's export leaves out.
    store = media_store(current_app.config, db.session)
    return export_file(db.session, result.article_slug, fmt, teacher_id, store)


def test_moodle_xml_export_parses_with_fractions_and_files_intact(db, make_teacher):
    teacher = make_teacher()
    sound = _import(db, teacher, "moodle-xml/multichoice.xml")
    exported = ET.fromstring(_export(db, sound, "moodle-xml"))
    (question,) = exported.findall("question[@type='multichoice']")
    assert question.findtext("single") == "true"
    answers = question.findall("answer")
    texts = [a.findtext("text") for a in answers]  # each with its flag shown after the words
    assert [t.split("<p>")[0] for t in texts] == ["English", "French", "German", "Danish"]
    assert [a.get("fraction") for a in answers] == ["0", "100", "0", "0"]
    assert [a.findtext("feedback/text") for a in answers][:2] == [
        "<p>Sorry, listen again.</p>",
        "<p>Yes, well done!</p>",
    ]
    # Every file the original carried comes out as base64, byte for byte, where it was.
    source = ET.parse(CORPUS / "moodle-xml/multichoice.xml").getroot()
    original = {_sha(base64.b64decode(f.text)) for f in source.iter("file")}
    prompt_files = question.findall("questiontext/file")
    answer_files = [a.find("file") for a in answers]
    assert [f.get("encoding") for f in prompt_files + answer_files] == ["base64"] * 5
    assert {_sha(base64.b64decode(f.text)) for f in prompt_files + answer_files} == original
    assert all(
        f"@@PLUGINFILE@@/{f.get('name')}" in text
        for text, f in zip(texts, answer_files, strict=True)
    )

    capitals = _import(db, teacher, "moodle-xml/qtype_multichoice.testquestion.moodle.xml")
    (select,) = ET.fromstring(_export(db, capitals, "moodle-xml")).findall(
        "question[@type='multichoice']"
    )
    assert select.findtext("single") == "false"
    assert [(a.findtext("text"), a.get("fraction")) for a in select.findall("answer")] == [
        ("Tokyo", "0"),
        ("Spain", "0"),
        ("London", "50"),
        ("Barcelona", "0"),
        ("Paris", "50"),
    ]
    assert select.findtext("partiallycorrectfeedback/text") == (
        "<p>Your answer is partially correct.</p>"
    )


def test_gift_export_fractions_read_back_by_a_generic_look(db, make_teacher):
    """GIFT's weights written as Moodle writes them ("~%50%yellow", "~%-100%red")."""
    result = _import(db, make_teacher(), "gift/moodle_questions.gift.txt")
    text = _export(db, result, "gift").decode()
    assert "~%50%yellow" in text and "~%-100%red" in text and "~%50%off-beige" in text


def _alts(markup: str) -> list[str]:
    return re.findall(r'alt="([^"]*)"', markup or "")


def test_moodle_xml_export_carries_the_pictures_of_every_feedback(db, make_teacher):
    # Moodle's true/false fixture: a picture in its general feedback and in each answer's.
    result = _import(db, make_teacher(), "moodle-xml/truefalse.xml")
    exported = ET.fromstring(_export(db, result, "moodle-xml"))
    source = ET.parse(CORPUS / "moodle-xml/truefalse.xml").getroot()
    for ours, theirs in zip(
        exported.findall("question[@type='truefalse']"),
        source.findall("question[@type='truefalse']"),
        strict=True,
    ):
        for where in ("generalfeedback", "answer/feedback"):
            carried = [_sha(base64.b64decode(f.text)) for f in ours.findall(f"{where}/file")]
            original = [_sha(base64.b64decode(f.text)) for f in theirs.findall(f"{where}/file")]
            assert carried == original, where
            # Shown from the text with the alt text the file gave it.
            assert [_alts(t.text) for t in ours.findall(f"{where}/text")] == [
                _alts(t.text) for t in theirs.findall(f"{where}/text")
            ]


# pygiftparser asks for the locale the old way when it loads.
@pytest.mark.filterwarnings("ignore:'locale.getdefaultlocale':DeprecationWarning")
def test_gift_export_parses_with_pygiftparser(db, make_teacher):
    # pygiftparser (1.1, 2017) pins Markdown < 3.1 through a dependency, so `make install` adds
    # it without its pins (see the Makefile); CI fails rather than skip when it is missing.
    if os.environ.get("REQUIRE_THIRD_PARTY_READERS"):
        import pygiftparser.parser as parser
    else:
        parser = pytest.importorskip("pygiftparser.parser")
    result = _import(db, make_teacher(), "gift/moodle_questions.gift.txt")
    exported = _export(db, result, "gift").decode()
    path = os.path.join(current_app.instance_path, "export.gift")
    os.makedirs(current_app.instance_path, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(exported)
    with open(path, encoding="utf-8") as source:
        questions = {q.title: q for q in parser.parseFile(source)}
    colours = questions["colours"].answers
    assert type(colours).__name__ == "MultipleChoicesSet"
    assert [(a.answer.strip(), float(a.fraction)) for a in colours.answers] == [
        ("yellow", 50.0),
        ("red", -100.0),
        ("off-beige", 50.0),
        ("blue", -100.0),
    ]


def test_apkg_export_opens_in_anki_with_its_media(db, make_teacher, tmp_path):
    teacher = make_teacher()
    result = _import(db, teacher, "apkg/anki_corpus.apkg")
    data = _export(db, result, "apkg")
    col = into_anki(tmp_path, data)
    try:
        notes = anki_notes(col)
        assert col.card_count() == 9
        flag = next(n for n in notes if "flag" in n.fields[0])
        picture = flag.fields[0].split('src="')[1].split('"')[0]
        sound = flag.fields[1].split("[sound:")[1].split("]")[0]
        media = col.media.dir()
        with open(os.path.join(media, picture), "rb") as stored:
            assert _sha(stored.read()) == flag_media_sha(result, "image/png")
        with open(os.path.join(media, sound), "rb") as stored:
            assert _sha(stored.read()) == flag_media_sha(result, "audio/mpeg")
        clozes = [n for n in notes if n.note_type()["name"].startswith("Cloze")]
        texts = sorted(n.fields[0] for n in clozes)
        # The card that blanks two places goes back as the one note with both, in order.
        assert "The {{c1::Danube}} flows through {{c1::Vienna}} into the Black Sea." in texts
        assert "{{c1::Canberra}} is the capital of Australia." in texts
    finally:
        col.close()


def flag_media_sha(result, mime: str) -> str:
    """The stored file's hash for the flag card's picture or sound, from the import."""
    import sqlalchemy as sa

    from quizapp.extensions import db
    from quizapp.models import Article, Flashcard

    card = db.session.scalar(
        sa.select(Flashcard)
        .join(Article, Flashcard.article_id == Article.id)
        .where(Article.slug == result.article_slug, Flashcard.front.contains("flag"))
    )
    return next(m["sha256"] for m in card.media if m["type"] == mime)
