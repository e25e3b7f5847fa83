"""A no-op marker for words the core gives the interface, so ``pybabel extract`` finds them.

The core has no Flask and no request, so it cannot translate: it returns the English words, and
the page that shows them passes them through gettext (``N_`` is one of Babel's default
keywords). Only words with no data in them are marked: a sentence with a number or a name in
it is worded by the page itself.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802  (the name gettext tools look for)
    """``text`` unchanged; marks it for the catalogue."""
    return text
