"""Pictures and sound through the formats that hold them: Moodle XML (``<file>`` in base64,
named from the text as ``@@PLUGINFILE@@``) and Anki packages (the media map), in and out;
GIFT, which cannot hold files, says so per item."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest
import sqlalchemy as sa
from flask import current_app

from quizapp.core.interchange.anki_import import read_apkg
from quizapp.models import Article, Flashcard, MediaFile, Question
from quizapp.services.interchange import export_file, import_file
from quizapp.services.media import media_sink, media_store
from tests.builders.anki import anki_notes, into_anki
from tests.builders.anki_decks import add_note, anki_package
from tests.builders.media import SVG_WITH_SCRIPT, mp3_bytes, png_bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _moodle_question(text: str, files: dict[str, bytes], name: str = "Greeting") -> str:
    carried = "".join(
        f'<file name="{file}" path="/" encoding="base64">{_b64(data)}</file>'
        for file, data in files.items()
    )
    return f"""<question type="multichoice">
    <name><text>{name}</text></name>
    <questiontext format="html"><text><![CDATA[{text}]]></text>{carried}</questiontext>
    <generalfeedback format="html"><text>It is Russian.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>Russian</text></answer>
    <answer fraction="0" format="html"><text>Korean</text></answer>
    <answer fraction="0" format="html"><text>Chinese</text></answer>
  </question>"""


def _moodle_file(*questions: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><quiz>' + "".join(questions) + "</quiz>"
    ).encode()


def _import(db, name: str, data: bytes, teacher):
    report = import_file(
        db.session,
        name,
        data,
        importer_id=teacher.id,
        media=media_sink(current_app.config, db.session),
    )
    db.session.commit()
    return report


def _questions(db, slug: str) -> list[Question]:
    article = db.session.scalar(sa.select(Article).where(Article.slug == slug))
    return list(
        db.session.scalars(
            sa.select(Question).where(Question.article_id == article.id).order_by(Question.id)
        )
    )


def test_moodle_files_arrive_with_the_question_and_go_back_out(db, make_teacher):
    teacher = make_teacher()
    listen = _moodle_question(
        '<p>Listen to this greeting.</p><p><audio controls><source src="@@PLUGINFILE@@/'
        'greeting.mp3"></audio></p><p><img src="@@PLUGINFILE@@/flag%20map.png" alt="A flag"></p>',
        {"greeting.mp3": mp3_bytes(), "flag map.png": png_bytes()},
    )
    report = _import(db, "greetings.xml", _moodle_file(listen), teacher)
    assert report.changed == []
    (question,) = _questions(db, report.article_slug)
    assert question.prompt == "Listen to this greeting."
    kinds = sorted((e["type"], e["alt"], e["place"]) for e in question.media)
    assert kinds == [("audio/mpeg", "", "prompt"), ("image/png", "A flag", "prompt")]

    # As an operator exports (imported questions are drafts, which a teacher's export leaves out).
    store = media_store(current_app.config, db.session)
    exported = export_file(db.session, report.article_slug, "moodle-xml", store=store)
    text = ET.fromstring(exported).find("question[@type='multichoice']/questiontext")
    carried = {f.get("name"): base64.b64decode(f.text) for f in text.findall("file")}
    assert sorted(carried.values()) == sorted([mp3_bytes(), png_bytes()])
    body = text.findtext("text")
    assert all(f"@@PLUGINFILE@@/{name}" in body for name in carried)
    assert 'alt="A flag"' in body

    # Read back (into a new article), the files are the same stored files.
    again = _import(db, "again.xml", exported, teacher)
    (copy,) = _questions(db, again.article_slug)
    assert sorted(e["sha256"] for e in copy.media) == sorted(e["sha256"] for e in question.media)
    assert copy.prompt == question.prompt
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MediaFile)) == 2


def test_moodle_files_that_cannot_come_are_named_in_the_report(db, make_teacher):
    refused = _moodle_question(
        '<p>Which logo?</p><img src="@@PLUGINFILE@@/logo.svg" alt="Logo">'
        '<img src="@@PLUGINFILE@@/missing.png" alt="Gone">'
        '<img src="https://example.org/far.png" alt="Far">'
        '<img src="@@PLUGINFILE@@/plain.png">',
        {"logo.svg": SVG_WITH_SCRIPT, "plain.png": png_bytes()},
        name="Logos",
    )
    # Moodle's hints are not kept, nor the files in them.
    refused = refused.replace(
        "<text>It is Russian.</text></generalfeedback>",
        "<text>It is Russian.</text></generalfeedback><hint><text>Look at the colours.</text>"
        f'<file name="k.png" path="/" encoding="base64">{_b64(png_bytes())}</file>'
        "</hint>",
    )
    report = _import(db, "logos.xml", _moodle_file(refused), make_teacher())
    said = " | ".join(c.change for c in report.changed if c.name == "Logos")
    assert "logo.svg was left out" in said and "can carry script" in said
    assert "missing.png was left out: the question names it but does not carry it" in said
    assert "https://example.org/far.png was left out" in said
    assert "plain.png came without a text alternative" in said
    assert "k.png in an answer or feedback was left out" in said
    (question,) = _questions(db, report.article_slug)
    assert [(e["type"], e["alt"]) for e in question.media] == [("image/png", "plain")]


def test_gift_says_per_item_that_it_cannot_carry_files(db, make_teacher):
    gift = (
        '::Greeting::[html]<p>Listen</p><audio src\\="@@PLUGINFILE@@/hi.mp3"></audio>'
        "{=Russian ~Korean}\n\n::Plain::Is Moscow a capital?{T}\n"
    )
    report = _import(db, "greetings.gift", gift.encode(), make_teacher())
    assert [
        (c.name, "GIFT file names files but cannot carry them" in c.change) for c in report.changed
    ] == [("Greeting", True)]


def _deck_with_media(tmp_path, *, legacy: bool) -> bytes:
    def fill(col):
        picture = col.media.write_data("amur.png", png_bytes())
        sound = col.media.write_data("privet.mp3", mp3_bytes())
        add_note(
            col, "Basic", "Russian", Front=f'<img src="{picture}" alt="The Amur">', Back="Amur"
        )
        add_note(
            col, "Basic", "Russian", Front="Listen to this greeting", Back=f"Privet [sound:{sound}]"
        )

    return anki_package(tmp_path, fill, legacy=legacy, with_media=True)


@pytest.mark.parametrize("legacy", [False, True])
def test_anki_media_arrive_and_an_image_only_side_is_a_card(db, tmp_path, make_teacher, legacy):
    package = _deck_with_media(tmp_path, legacy=legacy)
    assert sorted(len(c.files) for c in read_apkg(package).cards) == [1, 1]
    report = _import(db, "russian.apkg", package, make_teacher())
    assert report.changed == [] and report.total == 2
    article = db.session.scalar(sa.select(Article).where(Article.slug == report.article_slug))
    cards = db.session.scalars(
        sa.select(Flashcard).where(Flashcard.article_id == article.id).order_by(Flashcard.id)
    ).all()
    shown = {(c.front, c.back): [(e["type"], e["alt"], e["place"]) for e in c.media] for c in cards}
    assert shown == {
        ("", "Amur"): [("image/png", "The Amur", "front")],
        ("Listen to this greeting", "Privet"): [("audio/mpeg", "", "back")],
    }
    assert all(c.status == "published" for c in cards)


def test_an_exported_deck_carries_its_files_into_anki(db, tmp_path, make_teacher):
    teacher = make_teacher()
    report = _import(db, "russian.apkg", _deck_with_media(tmp_path, legacy=False), teacher)
    store = media_store(current_app.config, db.session)
    data = export_file(db.session, report.article_slug, "apkg", teacher.id, store)
    col = into_anki(tmp_path / "out", data) if (tmp_path / "out").mkdir() is None else None
    try:
        fronts = sorted(note.fields[0] for note in anki_notes(col))
        backs = sorted(note.fields[1] for note in anki_notes(col))
        media_folder = col.media.dir()
        picture = next(f for f in fronts if f.startswith("<img"))
        name = picture.split('src="')[1].split('"')[0]
        assert 'alt="The Amur"' in picture
        with open(f"{media_folder}/{name}", "rb") as stored:
            assert stored.read() == png_bytes()
        assert any("[sound:" in back for back in backs)
    finally:
        col.close()


def test_a_choices_picture_stays_with_its_choice_in_and_out(db, make_teacher):
    flags = _moodle_question("<p>Which flag is Russia's?</p>", {}, name="Flags").replace(
        '<answer fraction="100" format="html"><text>Russian</text></answer>',
        '<answer fraction="100" format="html"><text><![CDATA[Russian <img '
        'src="@@PLUGINFILE@@/ru.png" alt="White, blue and red bands">]]></text>'
        f'<file name="ru.png" path="/" encoding="base64">{_b64(png_bytes(3, 3))}</file></answer>',
    )
    report = _import(db, "flags.xml", _moodle_file(flags), make_teacher())
    assert report.changed == []
    (question,) = _questions(db, report.article_slug)
    (entry,) = question.media
    right = next(c for c in question.choices if c["correct"])
    assert right["text"] == "Russian" and entry["place"] == f"choice:{right['id']}"
    assert entry["alt"] == "White, blue and red bands"

    store = media_store(current_app.config, db.session)
    exported = export_file(db.session, report.article_slug, "moodle-xml", store=store)
    answers = ET.fromstring(exported).findall("question[@type='multichoice']/answer")
    carried = [a for a in answers if a.find("file") is not None]
    assert [a.get("fraction") for a in carried] == ["100"]
    assert base64.b64decode(carried[0].find("file").text) == png_bytes(3, 3)
    assert 'alt="White, blue and red bands"' in carried[0].findtext("text")
