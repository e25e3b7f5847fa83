"""Files are stored once by content hash, in the folder or the database as configured."""

import pytest
import sqlalchemy as sa

from quizapp.core.errors import InputError
from quizapp.core.media_files import MediaLimits
from quizapp.models import MediaBlob, MediaFile
from quizapp.services.media import (
    DatabaseStore,
    FolderStore,
    media_store,
    reference,
    replace_place,
    store_media,
)
from tests.builders.media import png_bytes, wav_bytes


def test_the_same_file_twice_is_one_row_and_one_file(db, tmp_path, make_teacher):
    teacher = make_teacher()
    store = FolderStore(tmp_path)
    first = store_media(db.session, store, png_bytes(), "map.png", MediaLimits(), teacher.id)
    again = store_media(db.session, store, png_bytes(), "copy.png", MediaLimits(), None)
    assert again.id == first.id and first.original_name == "map.png"
    assert store.get(first.sha256) == png_bytes()
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [first.sha256]


def test_the_database_store_keeps_bytes_in_the_transaction(db):
    store = DatabaseStore(db.session)
    media = store_media(db.session, store, wav_bytes(), "hello.wav", MediaLimits())
    db.session.commit()
    assert store.get(media.sha256) == wav_bytes()
    assert media.mime_type == "audio/wav" and media.width is None
    # A refused file writes nothing.
    with pytest.raises(InputError):
        store_media(db.session, store, b"not a file", "x.png", MediaLimits())
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MediaBlob)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MediaFile)) == 1


def test_the_store_is_the_one_the_configuration_names(db, app):
    assert isinstance(media_store(app.config, db.session), FolderStore)
    chosen = media_store({**app.config, "MEDIA_STORE": "database"}, db.session)
    assert isinstance(chosen, DatabaseStore)


def test_a_reference_needs_alt_text_for_a_picture_and_replaces_its_place(db, tmp_path):
    picture = store_media(db.session, FolderStore(tmp_path), png_bytes(), "a.png", MediaLimits())
    with pytest.raises(InputError, match="text alternative"):
        reference(picture, "", "front")
    entry = reference(picture, "A red square", "front")
    assert entry["type"] == "image/png" and entry["sha256"] == picture.sha256
    entries = replace_place(
        [{"place": "front", "id": 0}, {"place": "back", "id": 1}], "front", entry
    )
    assert [e["place"] for e in entries] == ["back", "front"]
    assert replace_place(entries, "front", None) == [{"place": "back", "id": 1}]
