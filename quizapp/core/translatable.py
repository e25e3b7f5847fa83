"""``N_``: marks a sentence the core or a service writes as one the interface translates.

The core and the services know no language and import nothing of Flask: they mark their
shown sentences with ``N_`` (babel's keyword, so ``make translations`` extracts them) and the
web layer passes them through ``gettext`` when it shows them, in the viewer's language.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Returns ``message`` unchanged; only marks it for extraction."""
    return message
