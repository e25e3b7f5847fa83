"""A service's refusal in the reader's language, for the blueprints whose services mark their
messages (``quizapp.core.translatable.N_``): the quiz and the live game.

The app's own handler (``quizapp.errors.refused``) answers it as always: JSON for scripts, the
error page for people. A message with data in it (a number, a name) is not in the catalogue and
stays as the service wrote it.
"""

from __future__ import annotations

from flask import Blueprint
from flask_babel import gettext

from quizapp.errors import refused
from quizapp.services.errors import DomainError


def refused_in_reader_language(error: DomainError):
    """``error``'s message translated where the catalogue has it, then the usual answer."""
    error.message = gettext(error.message)
    return refused(error)


def translate_refusals(bp: Blueprint) -> None:
    """Refusals raised in ``bp``'s views are answered in the reader's language."""
    bp.register_error_handler(DomainError, refused_in_reader_language)
