"""The errors the domain core raises, under one root.

Two meanings, and the web layer (``quizapp.errors``) answers each once:

- :class:`InputError`: something a user gave cannot be taken (an empty article, a file that
  cannot be read, an answer that does not fit its question); the message says why, in words
  for that user. Answered with a 400 and the message, never a 500.
- :class:`ContractError`: a caller broke a function's promise (a score out of range, an
  unknown mode, a naive datetime). A bug in the calling code, never the user's doing, so it
  stays a 500 and is logged.

Both keep ``ValueError`` as a base: they are bad values, and callers that catch
``ValueError`` (and ``pytest.raises(ValueError)``) go on working.
"""

from __future__ import annotations


class QuizappError(Exception):
    """Root of every error the domain core raises."""


class InputError(QuizappError, ValueError):
    """Input from a user the core cannot take; ``str(error)`` is the sentence to show them.

    As a service's ``DomainError``: ``template`` and ``params`` are that sentence before its
    values went in (marked ``N_`` where it is written), so the web layer can word it in the
    user's language (``quizapp.i18n.refusal_text``); a message given whole is its own template.
    """

    def __init__(self, message: str, **params: object) -> None:
        self.template = message
        self.params = params
        self.message = message % params if params else message
        super().__init__(self.message)


class ContractError(QuizappError, ValueError):
    """A caller broke the function's contract: a bug in the caller, not a user's mistake."""
