"""Real-shaped picture and sound files, built in memory: what a teacher would upload."""

from __future__ import annotations

import io
import struct
import wave

from PIL import Image


def png_bytes(width: int = 4, height: int = 3, color: str = "teal") -> bytes:
    """A PNG of ``width`` × ``height`` pixels in one colour."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(width: int = 4, height: int = 3) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(out, "JPEG")
    return out.getvalue()


def wav_bytes(frames: int = 800) -> bytes:
    """A tenth of a second of silence, as an 8 kHz mono WAV file."""
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\0" * frames)
    return out.getvalue()


def mp3_bytes() -> bytes:
    """An ID3v2 tag followed by one silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz)."""
    tag = b"ID3" + bytes([4, 0, 0]) + bytes([0, 0, 0, 0])
    frame = b"\xff\xfb\x90\x64" + b"\0" * 413
    return tag + frame


def bomb_png_header(width: int = 50_000, height: int = 50_000) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels: what a decompression bomb announces."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
