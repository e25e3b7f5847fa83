"""What makes a password too weak to accept, without Flask: short, guessable, or built from
the account's own name or email.

Guessable is judged offline by zxcvbn (MIT licence, no network): it ships frequency lists from
public breaches (30,000 passwords) and dictionaries of words and names, and finds the patterns
people build from them (``Summer2024!``: a word and a year; ``P@ssw0rd2024``: a common password
in leetspeak and a year; keyboard walks, repeats, sequences, dates).
"""

from __future__ import annotations

from zxcvbn import zxcvbn
from zxcvbn.matching import RANKED_DICTIONARIES

from quizapp.core.translatable import N_

MIN_PASSWORD_LENGTH = 10
MIN_DISTINCT_CHARACTERS = 5
# zxcvbn's score: 3 means about 10^8 guesses or more, safe against online guessing and a
# slow hash offline; 2 and below fall to a small dictionary-and-pattern attack.
MIN_STRENGTH_SCORE = 3
# zxcvbn's own ceiling; the characters past it cannot make a password weaker.
SCORED_LENGTH = 72
# The breached passwords zxcvbn ships, by rank (most common first).
COMMON_PASSWORDS = RANKED_DICTIONARIES["passwords"]
# The refusals, marked for the catalogues (the forms show them translated; see
# quizapp/auth/forms.py). zxcvbn's own warning, in English only, goes into GUESSABLE.
TOO_SHORT = N_("Use at least %(count)s characters.")
TOO_SIMPLE = N_("This password is too easy to guess: mix more kinds of characters, or use words.")
TOO_COMMON = N_("This password is one of the most common ones; choose another.")
PERSONAL = N_("Do not build the password from your name or email.")
GUESSABLE = "This password is too easy to guess{reason}; a few unrelated words are stronger."
GUESSABLE_IN_SHORT = N_("This password is too easy to guess; a few unrelated words are stronger.")


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Why ``password`` is refused, as a sentence for the form, or None when it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return TOO_SHORT % {"count": MIN_PASSWORD_LENGTH}
    lowered = password.lower()
    if len(set(lowered)) < MIN_DISTINCT_CHARACTERS or lowered.isdigit():
        return TOO_SIMPLE
    if lowered in COMMON_PASSWORDS:
        return TOO_COMMON
    words = [email.lower().partition("@")[0], *name.lower().split()]
    personal = [word for word in words if len(word) >= 4]
    if any(part in lowered for part in personal):
        return PERSONAL
    strength = zxcvbn(password[:SCORED_LENGTH], user_inputs=[w for w in words if w])
    if strength["score"] < MIN_STRENGTH_SCORE:
        warning = strength["feedback"]["warning"].rstrip(".")
        reason = f" ({warning[:1].lower()}{warning[1:]})" if warning else ""
        return GUESSABLE.format(reason=reason)
    return None
