"""An Anki package's media list and files, read with their bytes counted: odd or damaged
lists are read as carrying nothing or refused with a message, never a crash."""

import io
import json
import zipfile

import pytest
import zstandard

from quizapp.core.interchange.anki_media import media_map, package_media
from quizapp.core.interchange.records import InterchangeError
from tests.builders.media import png_bytes


def _zip(**entries: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_the_older_list_is_json_and_only_wanted_files_are_read():
    package = _zip(media=json.dumps({"0": "a.png", "1": "b.png"}).encode(), **{"0": png_bytes()})
    assert package_media(package, {"a.png"}) == {"a.png": png_bytes()}
    assert package_media(package, {"b.png"}) == {}  # named, but not in the zip
    assert package_media(package, set()) == {}


def test_the_current_list_is_a_compressed_protobuf_and_files_are_compressed():
    name = b"hi.png"
    entry = b"\x0a" + bytes([len(name)]) + name  # MediaEntry{name = "hi.png"}
    listing = zstandard.ZstdCompressor().compress(b"\x0a" + bytes([len(entry)]) + entry)
    package = _zip(media=listing, **{"0": zstandard.ZstdCompressor().compress(png_bytes())})
    assert media_map(listing) == ({"0": "hi.png"}, True)
    assert package_media(package, {"hi.png"}) == {"hi.png": png_bytes()}


@pytest.mark.parametrize("listing", [b"[1, 2]", b"\xff\xfe", b"not json"])
def test_an_odd_older_list_carries_nothing(listing):
    assert package_media(_zip(media=listing, **{"0": png_bytes()}), {"a.png"}) == {}


def test_a_damaged_current_list_is_refused_with_a_message():
    broken = zstandard.ZstdCompressor().compress(b"\x0f\x01")  # a field of no wire type
    with pytest.raises(InterchangeError, match="damaged"):
        package_media(_zip(media=broken), {"a.png"})
    cut = zstandard.ZstdCompressor().compress(b"\x0a\x05ab")[:-3]  # a frame cut short
    with pytest.raises(InterchangeError, match="damaged"):
        package_media(_zip(media=cut), {"a.png"})
