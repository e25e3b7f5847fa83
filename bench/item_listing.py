"""Every generated item of a folder of readings, listed under its claim, for labelling by hand.

Run from the repository root:
    python -m bench.item_listing seed/corpus/unseen OUT_DIR

Each reading goes through a teacher's import (``extract_article``, then the parser and the
generator, with the title the parser finds), and ``OUT_DIR/<reading>.md`` lists its topics and
claims in order, each claim with its cards and questions numbered (``*`` marks a right option)
and, where it has no question, the reason the review page gives. The labelling rubric is in
``docs/item-quality.md``; first-look labels live beside the listings in ``docs/item-labels/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft
from quizapp.core.item_generation import why_no_question
from quizapp.core.languages import GENERATOR_LANGUAGES
from quizapp.core.neutral_items import items_for_language, why_no_neutral_question
from quizapp.core.text_extraction import extract_article


def question_lines(number: int, question: QuestionDraft) -> list[str]:
    lines = [f"{number}. QUESTION ({question.type}, key {question.key})"]
    lines.append(f"  prompt: {question.prompt}")
    lines += [f"    {'*' if c.get('correct') else ' '} {c['text']}" for c in question.choices]
    if question.accepted:
        # Grading forgives these without listing them (``grading.normalize_text``).
        lines.append(f"  accepted answers: {question.accepted} (case, accents, thousands commas)")
    lines += [f"    pair: {left!r} -> {right!r}" for left, right in question.pairs]
    if question.answer_bool is not None:
        lines.append(f"  answer: {question.answer_bool}")
    return [*lines, ""]


def card_lines(number: int, card: FlashcardDraft) -> list[str]:
    return [
        f"{number}. CARD ({card.kind}, key {card.key})",
        f"  front: {card.front}",
        f"  back: {card.back}",
        "",
    ]


def listing(path: Path) -> tuple[str, int]:
    """The markdown listing of one reading, and how many items it holds."""
    parsed = parse_article(extract_article(path.name, path.read_bytes()).text)
    topics = extract_topics(parsed)
    # What the app makes for the reading's language (a Russian one gets the neutral forms).
    cards, questions = items_for_language(topics, parsed.title, parsed.language)
    out = [f"# {path.name}", "", f"Title as read: {parsed.title!r}", ""]
    number = 0
    for topic in topics:
        out += [f"## Topic: {topic.title}", ""]
        for claim in topic.claims:
            out += [f"### Claim {claim.key}", f"> {claim.quote}", ""]
            for card in (c for c in cards if c.claim_key == claim.key):
                number += 1
                out += card_lines(number, card)
            asked = [q for q in questions if q.claim_key == claim.key]
            for question in asked:
                number += 1
                out += question_lines(number, question)
            if not asked:
                carded = any(c.claim_key == claim.key for c in cards)
                sentence = claim.sentence or claim.quote
                reason = (
                    why_no_question(claim.quote, sentence, carded)
                    if parsed.language in GENERATOR_LANGUAGES
                    else why_no_neutral_question(sentence)
                )
                out += [f"(no question for this claim: {reason})", ""]
    claim_keys = {c.key for t in topics for c in t.claims}
    loose = [q for q in questions if q.claim_key not in claim_keys]
    if loose:
        out += ["## Items not tied to one listed claim", ""]
        for question in loose:
            number += 1
            out += question_lines(number, question)
    return "\n".join(out), number


def main() -> None:
    folder, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md") or path.stem == "README":
            continue
        text, count = listing(path)
        (out_dir / f"{path.stem}.md").write_text(text + "\n", encoding="utf-8")
        print(f"{path.name}: {count} items")


if __name__ == "__main__":
    main()
