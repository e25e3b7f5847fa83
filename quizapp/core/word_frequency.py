"""How common a word is in its own language, on wordfreq's Zipf scale (7: "the", 3: once per
million words, 0: unknown).

The English generator asks ``lexicon.english_zipf``; an article in another language asks here
with its language, so a Russian name is ranked by the Russian list and not found rare merely
because English never writes it. Chinese is looked up in wordfreq's list directly: its
``zipf_frequency`` would first cut the text into words with jieba, a large dependency, and the
words asked about here are already cut.
"""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import available_languages, get_frequency_dict, zipf_frequency

# Languages wordfreq can cut into words without an optional tokenizer (jieba, MeCab).
SEGMENTED_LANGUAGES = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=4)
def _frequencies(language: str) -> dict[str, float]:
    return get_frequency_dict(language)


@lru_cache(maxsize=8192)
def word_zipf(word: str, language: str) -> float:
    """Zipf frequency of ``word`` in ``language`` (0 when unknown or the language has no list)."""
    if language not in available_languages():
        return 0.0
    if language in SEGMENTED_LANGUAGES:
        frequency = _frequencies(language).get(word.lower(), 0.0)
        return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
    return zipf_frequency(word.lower(), language)
