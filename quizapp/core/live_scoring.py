"""The rules of a live class game: points for speed, the server's clock, ranks, PINs, names.

Plain Python: no Flask, no models. Points follow Kahoot's documented rule ("How points work",
Kahoot support): a right answer earns ``round((1 - (response time / question timer) / 2) *
points possible)``, so from the full points down to half of them at the buzzer, and the full
points for any right answer within the first half second.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quizapp.core.errors import InputError
from quizapp.core.translatable import N_

POINTS_POSSIBLE = 1000
FULL_POINTS_WITHIN_MS = 500
PIN_DIGITS = 6
NICKNAME_MAX = 20
# An answer sent just before the buzzer may reach the server a moment after it; this much
# lateness is the network's, not the player's. Anything later is refused.
NETWORK_GRACE_MS = 300
# A typed answer on a phone is a word or a phrase; a longer one is refused, not cut.
TYPED_ANSWER_MAX = 200


class NicknameError(InputError):
    """A nickname nobody should see on the projector: empty, too long or unprintable."""


class TypedAnswerError(InputError):
    """A typed answer that cannot be graded: not text, blank, or too long."""


def clean_typed_answer(raw: object) -> str:
    """The typed answer as graded and kept: stripped; TypedAnswerError when it is not text,
    is blank (the player sends again) or is longer than ``TYPED_ANSWER_MAX``."""
    if not isinstance(raw, str):
        raise TypedAnswerError(N_("Type your answer as text."))
    text = raw.strip()
    if not text:
        raise TypedAnswerError(N_("Type an answer first."))
    if len(text) > TYPED_ANSWER_MAX:
        raise TypedAnswerError(
            N_("Answers are at most %(limit)s characters."), limit=TYPED_ANSWER_MAX
        )
    return text


def answer_points(score: float, elapsed_ms: int, timer_ms: int) -> int:
    """Points for one answer: 0 for a wrong one; a right one (``score`` 1, or a part of it
    for partial credit) from ``POINTS_POSSIBLE`` down to half of it as time runs out."""
    if score <= 0:
        return 0
    if elapsed_ms <= FULL_POINTS_WITHIN_MS:
        factor = 1.0
    else:
        factor = 1 - (min(elapsed_ms, timer_ms) / timer_ms) / 2
    return round(POINTS_POSSIBLE * score * factor)


@dataclass(frozen=True)
class QuestionClock:
    """When the open question started and when it ends, on the server's clock (naive UTC)."""

    started_at: datetime
    deadline: datetime

    def elapsed_ms(self, now: datetime) -> int:
        return max(0, int((now - self.started_at) / timedelta(milliseconds=1)))

    def remaining_ms(self, now: datetime) -> int:
        return max(0, int((self.deadline - now) / timedelta(milliseconds=1)))

    def accepts_answer_at(self, now: datetime) -> bool:
        """True until the deadline plus the network's grace."""
        return now <= self.deadline + timedelta(milliseconds=NETWORK_GRACE_MS)

    def resumed(self, now: datetime, remaining_ms: int, timer_ms: int) -> QuestionClock:
        """The clock after a pause: ``remaining_ms`` left from ``now``, the start moved so
        elapsed time leaves out the pause."""
        deadline = now + timedelta(milliseconds=remaining_ms)
        return QuestionClock(deadline - timedelta(milliseconds=timer_ms), deadline)


def open_clock(now: datetime, seconds: int) -> QuestionClock:
    return QuestionClock(now, now + timedelta(seconds=seconds))


@dataclass(frozen=True)
class Standing:
    player_id: int
    nickname: str
    score: int
    rank: int


def standings(players: Iterable[tuple[int, str, int]]) -> list[Standing]:
    """Players ``(id, nickname, score)`` best first; equal scores share a rank (1, 1, 3)."""
    ordered = sorted(players, key=lambda p: (-p[2], p[1].casefold(), p[0]))
    result: list[Standing] = []
    for position, (player_id, nickname, score) in enumerate(ordered, start=1):
        rank = result[-1].rank if result and result[-1].score == score else position
        result.append(Standing(player_id, nickname, score, rank))
    return result


def new_pin(rng: random.Random, taken: Sequence[str] = ()) -> str:
    """A PIN of ``PIN_DIGITS`` digits, not starting with 0 (it is read aloud), not in ``taken``."""
    while True:
        pin = str(rng.randrange(10 ** (PIN_DIGITS - 1), 10**PIN_DIGITS))
        if pin not in taken:
            return pin


def normalise_pin(raw: str) -> str | None:
    """The PIN as typed ("123 456", "123-456") or None when it cannot be one."""
    digits = re.sub(r"[\s-]", "", raw or "")
    return digits if re.fullmatch(rf"[0-9]{{{PIN_DIGITS}}}", digits) else None


def clean_nickname(raw: str) -> str:
    """The nickname as shown: spaces collapsed, at most ``NICKNAME_MAX`` characters.

    Raises NicknameError for an empty, over-long or unprintable name (control or format
    characters, which could hide or reorder text on the projector).
    """
    name = " ".join(unicodedata.normalize("NFC", raw or "").split())
    if not name:
        raise NicknameError(N_("Choose a nickname."))
    if len(name) > NICKNAME_MAX:
        raise NicknameError(N_("Nicknames are at most %(limit)s characters."), limit=NICKNAME_MAX)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in name):
        raise NicknameError(N_("That nickname has characters that cannot be shown."))
    return name


def nickname_key(name: str) -> str:
    """What makes two nicknames the same: "Ann" and "ANN" cannot both play."""
    return name.casefold()
