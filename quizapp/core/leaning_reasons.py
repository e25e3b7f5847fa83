"""Why a sentence cannot be understood without the one before (``references.leans_back``):
English templates with the article's pointing words as values. A teacher never reads one
alone: the review page says it inside a whole sentence (``unasked_reasons``), so these are
not marked for translation; their English (``str(reason)``) serves listings and tests."""

from __future__ import annotations

OPENS_WITH_CONNECTIVE = "it opens with “%(word)s…”, which points back"
TIME_FROM_BEFORE = "its time is counted from something said before"
OPENS_WITH_DEMONSTRATIVE = "it opens with “%(words)s”, which points back"
EXPLAINED_BY_BEFORE = "“%(words)s” is explained only by what comes before"
POINTS_BACK = "“%(words)s” points back"
UNRESOLVED_PRONOUN = "it has an unresolved “%(word)s”"
STANDS_FOR_BEFORE = "“%(word)s” stands for something said before"
THERE_POINTS_BACK = "“There” points back to a place said before"
