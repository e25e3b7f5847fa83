"""Small text helpers shared by the content pipeline."""

from __future__ import annotations

import re
import unicodedata
import zlib

# Cyrillic letters written in Latin ones, so a Russian heading keeps a readable key.
CYRILLIC_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziiklmnoprstufye", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ю": "yu", "я": "ya", "ъ": "", "ь": "", "і": "i", "ї": "i", "є": "ie", "ґ": "g"},
    }
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def slugify(text: str) -> str:
    """A stable, URL-safe key.

    "Implications of Russia's Eastern Pivot" -> "implications-of-russias-eastern-pivot";
    Cyrillic is written in Latin letters ("История" -> "istoriya"), and a text with Chinese
    characters gets a checksum of them ("三峡大坝" -> "zh-…"), so two Chinese headings never
    share the one key their missing letters would give.
    """
    folded = text.lower().translate(CYRILLIC_TO_LATIN)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    folded = folded.replace("'", "").replace("\u2019", "")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if HAN.search(text):
        return "-".join(filter(None, (slug, f"zh-{zlib.crc32(text.encode()):08x}")))
    return slug or "topic"
