"""Zip archives read with limits on what they really hold, never on what they declare.

A zip's headers state each entry's size, and ``ZipFile.read`` decompresses a whole entry in
one call before cutting it to that size: an entry declaring 1 kB can still allocate gigabytes
on the way. Here entries are read a chunk at a time and their bytes counted as they come out
of the decompressor, against a budget; the number of entries is bounded before the central
directory is parsed. Every refusal is an :class:`UnsafeArchive` whose message a user can act
on; callers re-raise it as their own error.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from quizapp.core.errors import InputError
from quizapp.core.import_limits import MAX_ARCHIVE_ENTRIES, UNZIP_CHUNK
from quizapp.core.translatable import N_

# Each entry has one central directory record starting with this signature; counting them
# (a slight overcount when file data happens to hold it) bounds the entries before zipfile
# builds an object for each.
_CENTRAL_RECORD = b"PK\x01\x02"
# What a damaged, truncated, encrypted or oddly compressed entry raises while it is read.
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError)
_OPEN_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


class UnsafeArchive(InputError):
    """The archive cannot be read within its limits, or is not a readable zip."""


class ByteBudget:
    """Bytes an archive may unpack to, spent as they are decompressed."""

    def __init__(self, limit: int, what: str) -> None:
        self.limit = limit
        self.spent = 0
        self.what = what

    def refusal(self) -> UnsafeArchive:
        return UnsafeArchive(
            N_("%(what)s unpacks to more than %(limit)s MB, more than can be imported."),
            what=self.what,
            limit=self.limit // (1024 * 1024),
        )

    def spend(self, count: int) -> None:
        self.spent += count
        if self.spent > self.limit:
            raise self.refusal()


def open_archive(data: bytes, not_a_zip: str, max_entries: int = MAX_ARCHIVE_ENTRIES):
    """``data`` as a ZipFile with at most ``max_entries`` entries; UnsafeArchive(``not_a_zip``)
    when it is not a zip at all."""
    if data.count(_CENTRAL_RECORD) > max_entries:
        raise UnsafeArchive(f"The archive holds more than {max_entries} files.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _OPEN_ERRORS as error:
        raise UnsafeArchive(not_a_zip) from error
    if len(archive.infolist()) > max_entries:
        archive.close()
        raise UnsafeArchive(f"The archive holds more than {max_entries} files.")
    return archive


def entry_chunks(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ByteBudget
) -> Iterator[bytes]:
    """The entry's bytes a chunk at a time, each counted against ``budget`` before it is
    given out. zipfile checks the CRC at the end: a damaged entry raises UnsafeArchive."""
    if info.file_size > budget.limit - budget.spent:
        raise budget.refusal()  # an honest header already says it is too large
    try:
        with archive.open(info) as entry:
            while chunk := entry.read(UNZIP_CHUNK):
                budget.spend(len(chunk))
                yield chunk
    except _READ_ERRORS as error:
        raise UnsafeArchive(f"The archive's file {info.filename!r} is damaged.") from error


def copy_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ByteBudget, out: BinaryIO
) -> None:
    for chunk in entry_chunks(archive, info, budget):
        out.write(chunk)


def checked_copy(
    data: bytes,
    *,
    budget: ByteBudget,
    needed: Callable[[str], bool],
    not_a_zip: str,
) -> bytes:
    """A new zip with the same entries, made only of bytes counted against ``budget``: the
    entries ``needed`` names are copied (their real bytes), the others left empty.

    A library that reads the copy with ``ZipFile.read`` then meets exactly the bytes already
    counted: no entry can unpack to more than it was checked at. Entries are first counted
    without being kept, so a bomb is refused before any of it is held in memory.
    """
    with open_archive(data, not_a_zip) as archive:
        # One entry per name, the last as ZipFile.read would pick it; folders carry no data.
        files = {i.filename: i for i in archive.infolist() if not i.is_dir()}
        for info in files.values():
            if needed(info.filename):
                for _chunk in entry_chunks(archive, info, budget):
                    pass
        budget.spent = 0  # counted once; the copy below reads the same bytes again
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for name, info in files.items():
                with copy.open(name, "w") as target:
                    if needed(name):
                        copy_entry(archive, info, budget, target)
        return out.getvalue()
