"""What makes a password too weak to accept, without Flask: short, guessable, or built from
the account's own name or email."""

from __future__ import annotations

MIN_PASSWORD_LENGTH = 10
MIN_DISTINCT_CHARACTERS = 5
# The most common passwords of at least the minimum length in public breach lists; the
# length and variety rules already refuse the shorter ones (123456, password, qwerty, ...).
COMMON_PASSWORDS = frozenset(
    """
1234567890 0123456789 0987654321 1234512345 1q2w3e4r5t qwertyuiop 1qaz2wsx3edc password12
password123 password1! iloveyou12 qwerty1234 qwerty12345 abcdef1234 abc1234567 zaq12wsx12
letmein123 welcome123 administrator passw0rd12 football12 baseball12 1q2w3e4r5t6y asdfghjkl1
superman12 trustno1234 princess12 sunshine12 changeme12 monkey1234 dragon1234 starwars12
""".split()
)


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Why ``password`` is refused, as a sentence for the form, or None when it is fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    lowered = password.lower()
    if len(set(lowered)) < MIN_DISTINCT_CHARACTERS or lowered.isdigit():
        return "This password is too easy to guess: mix more kinds of characters, or use words."
    if lowered in COMMON_PASSWORDS:
        return "This password is one of the most common ones; choose another."
    words = [email.lower().partition("@")[0], *name.lower().split()]
    personal = [word for word in words if len(word) >= 4]
    if any(part in lowered for part in personal):
        return "Do not build the password from your name or email."
    return None
