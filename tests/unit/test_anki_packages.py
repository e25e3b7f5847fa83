"""Anki packages checked with Anki's own library (the ``anki`` package): it reads what we write,
and we read what it writes. No database: the packages come from the core."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from datetime import timedelta

import pytest
from anki.collection import Collection, ExportAnkiPackageOptions
from anki.import_export_pb2 import ExportLimit

from quizapp.core.anki_export import CardSchedule, ExportCard, anki_package
from quizapp.core.interchange.anki_import import NOT_A_PACKAGE, read_apkg
from quizapp.core.interchange.records import InterchangeError
from quizapp.models.base import utcnow
from tests.builders.anki import into_anki


def test_a_learners_progress_carries_over_to_anki(tmp_path):
    cards = [
        ExportCard("k-new", "Rason?", "A port", "Rason is a port.", "Trade"),
        ExportCard(
            "k-seen", "Power of _____", "Siberia", "Power of Siberia.", "Energy", kind="cloze"
        ),
    ]
    plan = CardSchedule(
        due=utcnow() + timedelta(days=5),
        interval_days=12,
        stability=14.2,
        difficulty=4.5,
        reps=4,
        lapses=1,
    )
    col = into_anki(tmp_path, anki_package("quizapp", cards, {"k-seen": plan}))
    try:
        by_front = {}
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            by_front[note.fields[0]] = note.cards()[0]
        seen = by_front["Power of {{c1::Siberia}}"]
        new = by_front["Rason?"]
        assert new.type == 0  # new stays new
        assert (seen.type, seen.ivl, seen.reps, seen.lapses) == (2, 12, 4, 1)
        assert 4 <= seen.due - col.sched.today <= 6
        assert seen.memory_state is not None
        assert round(seen.memory_state.stability, 1) == 14.2
    finally:
        col.close()


def _anki_made_package(tmp_path, legacy: bool = True) -> bytes:
    tmp_path.mkdir(exist_ok=True)
    col = Collection(str(tmp_path / "source.anki2"))
    try:
        deck = col.decks.id("Ports")
        basic = col.models.by_name("Basic")
        note = col.new_note(basic)
        note["Front"], note["Back"] = "Rason", "a <b>North Korean</b> port"
        note.tags = ["quizapp::Trade"]
        col.add_note(note, deck)
        cloze = col.new_note(col.models.by_name("Cloze"))
        cloze["Text"] = "The {{c1::Power of Siberia}} carries gas."
        col.add_note(cloze, deck)
        two_gaps = col.new_note(col.models.by_name("Cloze"))
        two_gaps["Text"] = "{{c1::Russia}} and {{c2::China}}"
        col.add_note(two_gaps, deck)
        typed = col.new_note(col.models.by_name("Basic (type in the answer)"))
        typed["Front"], typed["Back"] = "Capital?", "Pyongyang"
        col.add_note(typed, deck)
        other = col.models.copy(col.models.by_name("Basic"))
        other["name"] = "Vocabulary"
        col.models.rename_field(other, other["flds"][0], "Word")
        col.models.update_dict(other)
        word = col.new_note(col.models.by_name("Vocabulary"))
        word["Word"], word["Back"] = "pivot", "a turn"
        col.add_note(word, deck)
        out = tmp_path / "from-anki.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(
                with_scheduling=False, with_media=False, legacy=legacy
            ),
            limit=ExportLimit(),
        )
        return out.read_bytes()
    finally:
        col.close()


def test_we_read_what_anki_writes(tmp_path):
    parsed = read_apkg(_anki_made_package(tmp_path))
    cards = {(c.card.kind, c.card.front, c.card.back, c.topic) for c in parsed.cards}
    assert cards == {
        ("basic", "Rason", "a North Korean port", "Trade"),
        ("cloze", "The _____ carries gas.", "Power of Siberia", "Ports"),
        ("cloze", "_____ and China", "Russia", "Ports"),  # two gaps: a card for each
        ("cloze", "Russia and _____", "China", "Ports"),
        ("basic", "Capital?", "Pyongyang", "Ports"),  # the typed answer shows on the back
        ("basic", "pivot", "a turn", "Ports"),  # a note type of its own: its template says
    }
    assert parsed.skipped == []


def test_the_newest_anki_format_is_read_as_the_older_one(tmp_path):
    older = read_apkg(_anki_made_package(tmp_path / "older", legacy=True))
    (tmp_path / "newer").mkdir()
    newer = read_apkg(_anki_made_package(tmp_path / "newer", legacy=False))
    assert [(c.card.front, c.card.back, c.topic) for c in newer.cards] == [
        (c.card.front, c.card.back, c.topic) for c in older.cards
    ]


def _zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name.replace("_", "."), data)
    return buffer.getvalue()


def test_broken_packages_are_refused_whole(tmp_path):
    broken_db = tmp_path / "broken.sqlite"
    sqlite3.connect(broken_db).execute("CREATE TABLE col (id integer)").connection.commit()
    cases = [
        (b"this is not a zip", NOT_A_PACKAGE),
        (_zip(media=b"{}"), "holds no Anki collection"),
        (_zip(collection_anki2=b"SQLite format 3\x00" + b"\x00" * 50), "damaged"),
        (_zip(collection_anki2=broken_db.read_bytes()), "damaged"),
        (_zip(collection_anki2=b"garbage" * 100), "damaged"),
    ]
    for data, message in cases:
        with pytest.raises(InterchangeError, match=message):
            read_apkg(data)
