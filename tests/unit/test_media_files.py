"""The checks every picture and sound passes before it is stored: type from the content,
size, pixels, and alt text for pictures."""

import pytest

from quizapp.core.errors import InputError
from quizapp.core.media_files import MediaLimits, checked_alt, inspect_media
from tests.builders.media import (
    SVG_WITH_SCRIPT,
    bomb_png_header,
    jpeg_bytes,
    mp3_bytes,
    png_bytes,
    wav_bytes,
)

LIMITS = MediaLimits()


def test_a_picture_is_known_by_its_content_with_its_pixels():
    info = inspect_media(png_bytes(5, 7), "C:\\Users\\t\\map.png", LIMITS)
    assert (info.mime_type, info.width, info.height) == ("image/png", 5, 7)
    assert info.original_name == "map.png"
    assert len(info.sha256) == 64 and info.is_image
    # A JPEG named .png is a JPEG: the name never decides the type.
    assert inspect_media(jpeg_bytes(), "map.png", LIMITS).mime_type == "image/jpeg"


@pytest.mark.parametrize(
    ("data", "mime"), [(wav_bytes(), "audio/wav"), (mp3_bytes(), "audio/mpeg")]
)
def test_sounds_are_known_by_their_first_bytes(data, mime):
    info = inspect_media(data, "greeting", LIMITS)
    assert (info.mime_type, info.width, info.height) == (mime, None, None)


def test_svg_is_refused_since_it_can_carry_script():
    with pytest.raises(InputError, match="script"):
        inspect_media(SVG_WITH_SCRIPT, "logo.svg", LIMITS)


def test_a_picture_over_the_pixel_limit_is_refused_before_it_is_decoded():
    with pytest.raises(InputError, match="more than the 25,000,000 pixels allowed"):
        inspect_media(bomb_png_header(), "bomb.png", LIMITS)
    with pytest.raises(InputError, match="6000 × 6000 pixels"):
        inspect_media(bomb_png_header(6000, 6000), "bomb.png", LIMITS)
    with pytest.raises(InputError, match="pixels"):
        inspect_media(png_bytes(20, 20), "big.png", MediaLimits(max_pixels=399))


def test_too_large_empty_and_unknown_files_are_refused_with_the_reason():
    with pytest.raises(InputError, match="more than the 10 allowed"):
        inspect_media(png_bytes(), "a.png", MediaLimits(max_bytes=10))
    with pytest.raises(InputError, match="empty"):
        inspect_media(b"", "a.png", LIMITS)
    with pytest.raises(InputError, match="neither a picture"):
        inspect_media(b"<html><script>x</script></html>", "page.png", LIMITS)
    with pytest.raises(InputError, match="not accepted"):
        inspect_media(wav_bytes(), "a.wav", MediaLimits(allowed_types=("image/png",)))


def test_a_truncated_picture_is_refused():
    with pytest.raises(InputError, match="cannot be read"):
        inspect_media(png_bytes(40, 40)[:60], "cut.png", LIMITS)


def test_pictures_need_alt_text_and_sounds_do_not():
    with pytest.raises(InputError, match="text alternative"):
        checked_alt("   ", "image/png")
    assert checked_alt(" A  map ", "image/png") == "A map"
    assert checked_alt("", "audio/wav") == ""
