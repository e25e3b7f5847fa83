"""How a claim is shown to a student: its whole sentence, its subject named.

A clause ("…, which are crucial for the country's stability") is shown inside its whole sentence
so that it keeps its subject. When a sentence opens with "She"/"He" in an article about one
person (or has one a few words in: "In 1891 she moved …"), or opens with "It" right after a
sentence about the article's subject, the pronoun is replaced by that subject ("Marie Curie
was born …"), and an opening "Her"/"His" by its possessive ("Ada Lovelace's notes …"); any
other opening pronoun stays, and such a claim makes no question (see
``claims.claim_problem``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims import ClaimDraft, TopicDraft
from quizapp.core.legacy_keys import legacy_answer

PERSON_NAME = re.compile(r"(?:[A-Z][\w'’\-]+ ){1,2}[A-Z][\w'’\-]+")


@dataclass(frozen=True)
class ShownClaim:
    """``text`` is the sentence as shown; ``text[span[0]:span[1]]`` is the claim itself."""

    claim: ClaimDraft
    text: str
    span: tuple[int, int]
    legacy_answer: str | None = None


def article_subject(title: str, first_sentence: str) -> str | None:
    """What the article is about, when its title names it and its first sentence starts with it:
    "Marie Curie: A Life in Science" + "Marie Curie was …" -> "Marie Curie"."""
    # "Marie Curie: A Life in Science", "John Snow and the Broad Street Pump": the name first.
    head = re.split(r":| and | – | - |, ", title)[0].strip()
    for candidate in (head, head.removeprefix("The ")):
        if candidate and first_sentence.startswith((candidate + " ", "The " + candidate + " ")):
            return head if first_sentence.startswith(head) else "The " + candidate
    return None


def _resolved(sentence: str, subject: str | None, previous: str) -> str:
    if not subject:
        return sentence
    first = sentence.split(" ", 1)[0]
    is_person = PERSON_NAME.fullmatch(subject) is not None and not subject.startswith("The ")
    if first in ("She", "He") and is_person:
        return subject + sentence[len(first) :]
    if first in ("Her", "His") and is_person:
        # "Her notes on a machine …" in a life of Ada Lovelace: "Ada Lovelace's notes …".
        return f"{subject}'s" + sentence[len(first) :]
    # "In 1891 she moved to Paris": the subject of the opening clause, a few words in.
    opening = re.match(r"^((?:\S+ ){1,3})(she|he) ", sentence)
    if opening and is_person:
        return opening.group(1) + subject + sentence[opening.end() - 1 :]
    bare = subject.removeprefix("The ")
    if first == "It" and (previous.startswith(subject) or previous.startswith(bare)):
        return subject + sentence[len(first) :]
    return sentence


def shown_claims(topics: list[TopicDraft], title: str) -> list[ShownClaim]:
    """Every claim with the sentence it is shown in, in reading order."""
    claims = [c for t in topics for c in t.claims]
    if not claims:
        return []
    subject = article_subject(title, claims[0].sentence)
    shown, previous = [], ""
    for topic in topics:
        previous = ""
        for claim in topic.claims:
            sentence = claim.sentence.rstrip()
            body = sentence.rstrip(".!?:;")
            text = _resolved(body, subject, previous)
            shift = len(text) - len(body)
            start, end = claim.span_in_sentence
            start = 0 if start == 0 else start + shift
            end = min(len(text), end + shift)
            shown.append(ShownClaim(claim, text, (start, end), legacy_answer(claim, title)))
            previous = claim.sentence
    return shown
