"""The files an Anki package carries for its cards: its ``media`` list maps the numbered zip
entries ("0", "1", …) to the names the notes use (``<img src="map.png">``, ``[sound:hi.mp3]``).

Older packages write the list as JSON and each file as it is; the current format (with
``collection.anki21b``) writes it as a zstd-compressed protobuf ``MediaEntries`` and each file
zstd-compressed. Every byte is counted as it is unpacked, like the collection's.
"""

from __future__ import annotations

import json

import zstandard

from quizapp.core.bounded_zip import ByteBudget, UnsafeArchive, entry_chunks, open_archive
from quizapp.core.import_limits import MAX_PACKAGE_MEDIA_BYTES, UNZIP_CHUNK
from quizapp.core.interchange.records import InterchangeError
from quizapp.core.translatable import N_, Phrase

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_MAP_BYTES = 16 * 1024 * 1024
NOT_A_PACKAGE = "This is not an Anki package: an .apkg file is a zip archive."


def _unzstd(data: bytes, budget: ByteBudget) -> bytes:
    out = bytearray()
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True)
        while chunk := reader.read(UNZIP_CHUNK):
            budget.spend(len(chunk))
            out += chunk
    except zstandard.ZstdError as error:
        raise UnsafeArchive("The package's media are damaged.") from error
    return bytes(out)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value, shift = 0, 0
    while at < len(data):
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7
    raise UnsafeArchive("The package's media list is damaged.")


def _fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """(field number, value) of a protobuf message: varints as ints, the rest as bytes."""
    found, at = [], 0
    while at < len(data):
        key, at = _varint(data, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = _varint(data, at)
        elif wire == 2:
            size, at = _varint(data, at)
            if at + size > len(data):
                raise UnsafeArchive("The package's media list is damaged.")
            value, at = data[at : at + size], at + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, at = data[at : at + size], at + size
        else:
            raise UnsafeArchive("The package's media list is damaged.")
        found.append((number, value))
    return found


def _protobuf_map(data: bytes) -> dict[str, str]:
    """``MediaEntries``: entry i is zip entry "i" unless it names its legacy one (field 255)."""
    mapping = {}
    for index, (number, entry) in enumerate(_fields(data)):
        if number != 1 or not isinstance(entry, bytes):
            continue
        values = dict(_fields(entry))
        name = values.get(1)
        zip_name = values.get(255, index)
        if isinstance(name, bytes):
            mapping[str(zip_name)] = name.decode("utf-8", "replace")
    return mapping


def media_map(raw: bytes) -> tuple[dict[str, str], bool]:
    """{zip entry: file name}, and whether the files are zstd-compressed (current format)."""
    if raw.startswith(ZSTD_MAGIC):
        return _protobuf_map(
            _unzstd(raw, ByteBudget(_MAP_BYTES, Phrase(N_("The media list"))))
        ), True
    try:
        loaded = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError):
        return {}, False
    if not isinstance(loaded, dict):
        return {}, False
    return {str(k): str(v) for k, v in loaded.items()}, False


def package_media(data: bytes, wanted: set[str]) -> dict[str, bytes]:
    """The bytes of each file named in ``wanted`` that the package carries, by name.

    Raises InterchangeError when the media unpack to more than MAX_PACKAGE_MEDIA_BYTES."""
    if not wanted:
        return {}
    try:
        with open_archive(data, NOT_A_PACKAGE) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            if "media" not in infos:
                return {}
            map_budget = ByteBudget(_MAP_BYTES, Phrase(N_("The package's media list")))
            mapping, compressed = media_map(
                b"".join(entry_chunks(archive, infos["media"], map_budget))
            )
            budget = ByteBudget(MAX_PACKAGE_MEDIA_BYTES, Phrase(N_("The package's media")))
            found = {}
            for zip_name, name in mapping.items():
                if name in wanted and zip_name in infos and name not in found:
                    blob = b"".join(entry_chunks(archive, infos[zip_name], budget))
                    if compressed and blob.startswith(ZSTD_MAGIC):
                        blob = _unzstd(blob, budget)
                    found[name] = blob
            return found
    except UnsafeArchive as error:
        raise InterchangeError(str(error)) from error
