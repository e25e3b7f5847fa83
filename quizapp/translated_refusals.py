"""A service's refusal in the reader's language, for the blueprints whose services mark their
messages (``quizapp.core.translatable.N_``): the quiz and the live game.

The app's own handler (``quizapp.errors.refused``) answers it as always: JSON for scripts, the
error page for people. A message with data in it is worded from its template and values
(``DomainError.template``, ``params``); a message not in the catalogue stays as it was written.
"""

from __future__ import annotations

from flask import Blueprint
from flask_babel import gettext

from quizapp.errors import refused
from quizapp.services.errors import DomainError


def in_reader_language(error: DomainError) -> DomainError:
    """``error`` with its message translated where the catalogue has it."""
    error.message = gettext(error.template, **error.params)
    return error


def refused_in_reader_language(error: DomainError):
    """``error``'s message translated where the catalogue has it, then the usual answer."""
    return refused(in_reader_language(error))


def translate_refusals(bp: Blueprint) -> None:
    """Refusals raised in ``bp``'s views are answered in the reader's language."""
    bp.register_error_handler(DomainError, refused_in_reader_language)
