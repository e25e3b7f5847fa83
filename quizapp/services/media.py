"""Storing pictures and sound once by content hash, in the store the deployment chose, and the
references items keep to them. Never commits: the caller's transaction holds the row.

An item refers to its files in its ``media`` list, one entry per file::

    {"id": 3, "sha256": "ab12…", "type": "image/png", "alt": "A map of the Amur", "place": "prompt"}

``place`` says where it is shown: a question's ``prompt``, a card's ``front`` or ``back``. The
list lives on the item (a JSON column) so every page that shows items gets their files without
a query more, and a copy of an item takes its files along.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.core.errors import InputError
from quizapp.core.interchange.media_refs import ImportedFile
from quizapp.core.media_files import MediaInfo, MediaLimits, checked_alt, inspect_media
from quizapp.core.translatable import N_, Phrase
from quizapp.models import MediaBlob, MediaFile

QUESTION_PLACES = ("prompt",)
CARD_PLACES = ("front", "back")


class MediaStore(Protocol):
    """Where the bytes of files live, addressed by their sha256."""

    def put(self, sha256: str, data: bytes) -> None: ...

    def get(self, sha256: str) -> bytes | None: ...


class FolderStore:
    """Files in a folder, ``ab/ab12…`` (two-letter subfolders keep any one folder small)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, sha256: str, data: bytes) -> None:
        path = self._path(sha256)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: a reader never sees half a file, and a rolled-back
        # upload leaves at most a whole file that the next upload of it reuses.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)

    def get(self, sha256: str) -> bytes | None:
        path = self._path(sha256)
        return path.read_bytes() if path.is_file() else None


class DatabaseStore:
    """Files as rows of ``media_blob``, in the caller's transaction: a rolled-back upload
    leaves nothing behind, and every app server sees the same files."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, sha256: str, data: bytes) -> None:
        if self.session.get(MediaBlob, sha256) is None:
            self.session.add(MediaBlob(sha256=sha256, data=data))

    def get(self, sha256: str) -> bytes | None:
        return self.session.scalar(sa.select(MediaBlob.data).where(MediaBlob.sha256 == sha256))


def media_store(config: Mapping[str, Any], session: Session) -> MediaStore:
    """The store ``MEDIA_STORE`` names."""
    if config["MEDIA_STORE"] == "database":
        return DatabaseStore(session)
    return FolderStore(config["MEDIA_FOLDER"])


def media_limits(config: Mapping[str, Any]) -> MediaLimits:
    return MediaLimits(
        allowed_types=tuple(config["MEDIA_TYPES"]),
        max_bytes=config["MEDIA_MAX_BYTES"],
        max_pixels=config["MEDIA_MAX_PIXELS"],
    )


def _row(info: MediaInfo, uploader_id: int | None) -> MediaFile:
    return MediaFile(
        sha256=info.sha256,
        mime_type=info.mime_type,
        size=info.size,
        width=info.width,
        height=info.height,
        original_name=info.original_name,
        uploader_id=uploader_id,
    )


def store_media(
    session: Session,
    store: MediaStore,
    data: bytes,
    filename: str,
    limits: MediaLimits,
    uploader_id: int | None = None,
) -> MediaFile:
    """The stored file with ``data``'s content: the existing row when the same bytes were
    stored before, else a new one. Raises :class:`InputError` for a file the limits refuse,
    before anything is written."""
    info = inspect_media(data, filename, limits)
    existing = session.scalar(sa.select(MediaFile).where(MediaFile.sha256 == info.sha256))
    if existing is None:
        try:
            # Two teachers uploading the same file at once: the second finds the first's row.
            with session.begin_nested():
                existing = _row(info, uploader_id)
                session.add(existing)
        except IntegrityError:
            existing = session.scalars(
                sa.select(MediaFile).where(MediaFile.sha256 == info.sha256)
            ).one()
    store.put(info.sha256, data)
    return existing


def reference(media: MediaFile, alt: str | None, place: str) -> dict[str, Any]:
    """An item's entry for ``media`` shown at ``place``; a picture needs ``alt``
    (:class:`InputError` otherwise)."""
    return {
        "id": media.id,
        "sha256": media.sha256,
        "type": media.mime_type,
        "alt": checked_alt(alt, media.mime_type),
        "place": place,
    }


def replace_place(
    entries: Iterable[dict[str, Any]], place: str, new: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """``entries`` with ``place``'s file replaced by ``new`` (or removed when None)."""
    kept = [dict(entry) for entry in entries if entry.get("place") != place]
    return kept + ([new] if new is not None else [])


def at_place(entries: Iterable[dict[str, Any]] | None, place: str) -> list[dict[str, Any]]:
    """The files shown at ``place``, in the order they were added."""
    return [entry for entry in entries or () if entry.get("place") == place]


def at_choice_ids(
    entries: Iterable[dict[str, Any]], choices: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """``entries`` with each file an import placed at a choice's position ("choice:2", or its
    feedback's "feedback:choice:2") placed at that choice's stored id instead ("choice:c-…"),
    which reordering never changes."""
    ids = [choice.get("id") for choice in choices or ()]
    placed = []
    for entry in entries:
        where = str(entry.get("place", ""))
        for prefix in ("choice:", "feedback:choice:"):
            position = where.removeprefix(prefix)
            if where.startswith(prefix) and position.isdecimal() and int(position) < len(ids):
                entry = dict(entry, place=f"{prefix}{ids[int(position)]}")
        placed.append(entry)
    return placed


def readable_media(session: Session, sha256: str) -> MediaFile | None:
    """The stored file with this hash, or None."""
    return session.scalar(sa.select(MediaFile).where(MediaFile.sha256 == sha256))


@dataclass(frozen=True)
class Upload:
    """What a form sent for one place: a new file (``data``), a new alt text for the file
    already there, or its removal."""

    place: str
    data: bytes | None = None
    filename: str = ""
    alt: str | None = None
    remove: bool = False


def with_uploads(
    session: Session,
    store: MediaStore,
    limits: MediaLimits,
    entries: Iterable[dict[str, Any]] | None,
    uploads: Iterable[Upload],
    uploader_id: int | None,
) -> list[dict[str, Any]]:
    """An item's files after ``uploads``: each place's file replaced, re-described or removed.

    Every file and alt text is checked before it is stored, so an :class:`InputError` (a type
    not allowed, too large, too many pixels, a picture without alt text) leaves nothing in the
    database; the caller rolls back.
    """
    result = [dict(entry) for entry in entries or ()]
    for upload in uploads:
        current = at_place(result, upload.place)
        if upload.remove:
            result = replace_place(result, upload.place, None)
        elif upload.data:
            info = inspect_media(upload.data, upload.filename, limits)
            alt = checked_alt(upload.alt, info.mime_type)
            media = store_media(session, store, upload.data, upload.filename, limits, uploader_id)
            result = replace_place(result, upload.place, reference(media, alt, upload.place))
        elif current and upload.alt is not None:
            entry = dict(current[0], alt=checked_alt(upload.alt, current[0]["type"]))
            result = replace_place(result, upload.place, entry)
    return result


def places_shown(entries: Iterable[dict[str, Any]] | None, uploads: Iterable[Upload]) -> set[str]:
    """The places that will have a file once ``uploads`` are applied (a card side with a
    picture may have no text)."""
    shown = {entry.get("place") for entry in entries or ()}
    for upload in uploads:
        if upload.remove:
            shown.discard(upload.place)
        elif upload.data:
            shown.add(upload.place)
    return {place for place in shown if place}


@dataclass(frozen=True)
class MediaSink:
    """Where an import puts the files it carries, and the limits they pass first."""

    store: MediaStore
    limits: MediaLimits


def media_sink(config: Mapping[str, Any], session: Session) -> MediaSink:
    return MediaSink(media_store(config, session), media_limits(config))


def stored_files(
    session: Session,
    sink: MediaSink | None,
    files: Iterable[ImportedFile],
    uploader_id: int | None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """The media entries of an imported item's files, each stored once, and the report's
    sentences: a file the limits refuse is left out with the reason, and a picture whose file
    gave no alt text gets its file name as one until a teacher describes it."""
    entries: list[dict[str, Any]] = []
    changes: list[str] = []
    for imported in files:
        if sink is None:
            changes.append(
                Phrase(
                    N_("the file %(name)s was left out: no media store was given"),
                    name=imported.name,
                )
            )
            continue
        try:
            info = inspect_media(imported.data, imported.name, sink.limits)
        except InputError as error:
            changes.append(
                Phrase(
                    N_("the file %(name)s was left out: %(reason)s"),
                    name=imported.name,
                    reason=error,
                )
            )
            continue
        alt = " ".join(imported.alt.split())
        if info.is_image and not alt:
            alt = Path(info.original_name).stem.replace("_", " ").replace("-", " ") or "picture"
            changes.append(
                Phrase(
                    N_(
                        "the picture %(name)s came without a text alternative: its file name "
                        "stands in for one until you describe it"
                    ),
                    name=info.original_name,
                )
            )
        media = store_media(
            session, sink.store, imported.data, imported.name, sink.limits, uploader_id
        )
        entries.append(reference(media, alt[:500], imported.place))
    return entries, changes


def export_files(
    store: MediaStore | None,
    entries: Iterable[dict[str, Any]] | None,
    places: Iterable[str] | None = None,
) -> tuple[tuple[dict[str, Any], bytes], ...]:
    """(entry, bytes) of an item's files at ``places`` (all when None) for an export; a file
    the store no longer has is left out (the export still carries the item)."""
    if store is None:
        return ()
    wanted = set(places) if places is not None else None
    found = []
    for entry in entries or ():
        if wanted is not None and entry.get("place") not in wanted:
            continue
        if (data := store.get(entry["sha256"])) is not None:
            found.append((entry, data))
    return tuple(found)
