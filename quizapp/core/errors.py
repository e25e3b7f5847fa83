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
    """Input from a user the core cannot take; ``str(error)`` is the sentence to show them."""


class ContractError(QuizappError, ValueError):
    """A caller broke the function's contract: a bug in the caller, not a user's mistake."""
