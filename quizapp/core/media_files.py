"""What a picture or sound file is, read from its bytes: the checks every upload and import
passes before it is stored (type, size, pixels), and its content hash.

The type is read from the content, never from the name or the type a browser claims, so a
page saved as ``.png`` is refused. SVG is refused (it can carry script); so is an image whose
pixels exceed the limit before it is decoded (a small file can unpack into gigabytes).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from quizapp.core.errors import InputError
from quizapp.core.translatable import N_

# The MIME type of each kind of file an item may carry, by the name Pillow gives its format.
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
AUDIO_TYPES = ("audio/mpeg", "audio/ogg", "audio/wav", "audio/mp4")
ALLOWED_TYPES = (*IMAGE_TYPES.values(), *AUDIO_TYPES)
# The extension a file of each type is given on export (Anki and Moodle name files).
EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
    "audio/wav": "wav",
    "audio/mp4": "m4a",
}
MAX_NAME = 255
MAX_ALT = 500


@dataclass(frozen=True)
class MediaLimits:
    """The deployment's limits (``MEDIA_*`` in the config): allowed types, bytes, pixels."""

    allowed_types: tuple[str, ...] = ALLOWED_TYPES
    max_bytes: int = 5 * 1024 * 1024
    max_pixels: int = 25_000_000


@dataclass(frozen=True)
class MediaInfo:
    """A file that passed the checks: its hash, type, size and, for an image, its pixels."""

    sha256: str
    mime_type: str
    size: int
    width: int | None
    height: int | None
    original_name: str

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")


def _audio_type(data: bytes) -> str | None:
    """The audio type the file's first bytes announce, or None."""
    head = data[:16]
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"M4B", b"mp4", b"iso"):
        return "audio/mp4"
    return None


def _image_facts(data: bytes, max_pixels: int) -> tuple[str, int, int] | None:
    """(type, width, height) of an image Pillow recognises, or None for a file that is no
    image. Refuses a format we do not serve and an image over ``max_pixels``, checked from its
    header before a pixel is decoded."""
    with warnings.catch_warnings():
        # Pillow's own bomb guard warns past its limit; ours is stricter and says so in words.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                fmt, (width, height) = image.format or "", image.size
                if fmt in IMAGE_TYPES and width * height <= max_pixels:
                    image.verify()  # a truncated or corrupt file is refused here
        except Image.DecompressionBombError:
            # Pillow's own refusal, far past any sane limit: same answer as ours.
            raise InputError(
                N_("The picture has more than the %(limit)s pixels allowed: make it smaller."),
                limit=f"{max_pixels:,}",
            ) from None
        except UnidentifiedImageError:
            return None if not _looks_like_svg(data) else ("image/svg+xml", 0, 0)
        except (OSError, SyntaxError, ValueError) as error:
            raise InputError(
                N_("The picture cannot be read (%(error)s)."), error=str(error)
            ) from None
    if fmt not in IMAGE_TYPES:
        raise InputError(
            N_("%(format)s pictures are not accepted: use PNG, JPEG, GIF or WebP."),
            format=fmt or "This",
        )
    if width * height > max_pixels:
        raise InputError(
            N_(
                "The picture is %(width)s × %(height)s pixels, more than the %(limit)s allowed: "
                "make it smaller."
            ),
            width=width,
            height=height,
            limit=f"{max_pixels:,}",
        )
    return IMAGE_TYPES[fmt], width, height


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower()


def inspect_media(data: bytes, filename: str, limits: MediaLimits) -> MediaInfo:
    """The facts of an uploaded or imported file, once it passed every check.

    Raises :class:`InputError` with a sentence for the teacher: empty, too large, a type that
    is not allowed (SVG included), an image over the pixel limit or one that cannot be read.
    """
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()[:MAX_NAME] or "file"
    if not data:
        raise InputError(N_("%(name)s is empty."), name=name)
    if len(data) > limits.max_bytes:
        raise InputError(
            N_("%(name)s is %(size)s bytes, more than the %(limit)s allowed."),
            name=name,
            size=f"{len(data):,}",
            limit=f"{limits.max_bytes:,}",
        )
    width = height = None
    mime = _audio_type(data)
    if mime is None:
        facts = _image_facts(data, limits.max_pixels)
        if facts is None:
            raise InputError(
                N_(
                    "%(name)s is neither a picture (PNG, JPEG, GIF, WebP) nor a sound "
                    "(MP3, Ogg, WAV, M4A)."
                ),
                name=name,
            )
        mime, width, height = facts
    if mime not in limits.allowed_types:
        if mime == "image/svg+xml":
            raise InputError(
                N_("%(name)s: files of type %(type)s are not accepted (it can carry script)."),
                name=name,
                type=mime,
            )
        raise InputError(
            N_("%(name)s: files of type %(type)s are not accepted."), name=name, type=mime
        )
    return MediaInfo(
        sha256=hashlib.sha256(data).hexdigest(),
        mime_type=mime,
        size=len(data),
        width=width,
        height=height,
        original_name=name,
    )


def checked_alt(alt: str | None, mime_type: str) -> str:
    """The alt text to keep: required for a picture (a screen reader reads it instead), optional
    for a sound; refused past MAX_ALT characters."""
    text = " ".join((alt or "").split())
    if mime_type.startswith("image/") and not text:
        raise InputError(N_("A picture needs a text alternative: describe what it shows."))
    if len(text) > MAX_ALT:
        raise InputError(
            N_("The text alternative is longer than %(limit)s characters."), limit=MAX_ALT
        )
    return text
