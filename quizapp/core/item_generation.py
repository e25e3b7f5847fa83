"""Generate flashcards and questions from topics and claims.

Generated items only say what the structure and text of the article say: a claim's own words
(cloze and true statements), the heading a bullet sits under (which-area questions, matching,
and false statements that put a claim under the wrong heading). Statements that need judgement
(false facts, distractors from outside the article) are left to the curated bank.
"""

from __future__ import annotations

import re

from quizapp.core.claims import ClaimDraft, TopicDraft
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft, choice_id
from quizapp.core.question_types import QuestionType

BLANK = "_____"
MIN_WORDS_AROUND_BLANK = 4
MAX_HEADING_CHOICES = 4
MAX_MATCHING_PAIRS = 4


def _blanked(quote: str, term: str) -> str | None:
    """The quote with the first whole-word ``term`` blanked, if enough context remains."""
    pattern = re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])")
    if not pattern.search(quote):
        return None
    blanked = pattern.sub(BLANK, quote, count=1)
    if len(blanked.replace(BLANK, "").split()) < MIN_WORDS_AROUND_BLANK:
        return None
    return blanked


def _cloze_term(claim: ClaimDraft, title: str = "") -> tuple[str, str] | None:
    # Names in the article's title (Russia, China) are in every answer; blank something rarer.
    terms = sorted(claim.key_terms, key=lambda term: (term in title, -len(term)))
    for term in terms:
        blanked = _blanked(claim.quote, term)
        if blanked:
            return term, blanked
    return None


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _as_shown(claim: ClaimDraft, text: str) -> str:
    """A whole sentence starts with a capital; a clause shows it continues one ("… including")."""
    return _sentence_case(text) if claim.start == claim.sentence_start else f"… {text}"


def flashcards_for(topic: TopicDraft, claim: ClaimDraft, title: str) -> list[FlashcardDraft]:
    """One card per claim: a cloze on its key term, else a topic-to-claim card."""
    cloze = _cloze_term(claim, title)
    if cloze:
        term, blanked = cloze
        front = f"{topic.title}: {_as_shown(claim, blanked)}."
        return [FlashcardDraft(f"gen-card-{claim.key}", claim.key, front, term, kind="cloze")]
    front = f"{topic.title}: what does the article say?"
    return [FlashcardDraft(f"gen-card-{claim.key}", claim.key, front, _sentence_case(claim.quote))]


def _fill_blank(claim: ClaimDraft, title: str) -> QuestionDraft | None:
    cloze = _cloze_term(claim, title)
    if not cloze:
        return None
    term, blanked = cloze
    return QuestionDraft(
        key=f"gen-fill-{claim.key}",
        claim_key=claim.key,
        type=QuestionType.FILL_BLANK,
        prompt=f"Fill in the blank: {_as_shown(claim, blanked)}.",
        explanation=f"The article says: “{claim.quote}”.",
        accepted=[term],
        difficulty=2,
        quote=claim.quote,
    )


def _true_statement(claim: ClaimDraft) -> QuestionDraft | None:
    # Only whole sentences: a clause alone ("including food and energy supplies") is no statement.
    if claim.start != claim.sentence_start:
        return None
    return QuestionDraft(
        key=f"gen-tf-{claim.key}",
        claim_key=claim.key,
        type=QuestionType.TRUE_FALSE,
        prompt=f"True or false: according to the article, {claim.quote[0].lower()}"
        f"{claim.quote[1:]}.",
        explanation=f"True: the article says “{claim.quote}”.",
        answer_bool=True,
        difficulty=1,
        quote=claim.quote,
    )


def _sibling_titles(topic: TopicDraft, topics: list[TopicDraft]) -> list[str]:
    return [t.title for t in topics if t.parent_key == topic.parent_key and t is not topic]


def _heading_questions(topic: TopicDraft, claim: ClaimDraft, topics: list[TopicDraft]):
    """Which heading is this claim under, and a false statement placing it under a sibling."""
    siblings = _sibling_titles(topic, topics)
    if topic.parent_key is None or len(siblings) < 2:
        return []
    labels = [topic.title, *siblings[: MAX_HEADING_CHOICES - 1]]
    # Sorting keeps the correct answer from always being first; the quiz may shuffle again.
    labels.sort()
    choices = [
        {"id": choice_id(i), "text": label, "correct": label == topic.title}
        for i, label in enumerate(labels)
    ]
    parent = next(t for t in topics if t.key == topic.parent_key)
    where = f"under “{topic.title}” in the section “{parent.title}”"
    wrong = siblings[0]
    return [
        QuestionDraft(
            key=f"gen-heading-{claim.key}",
            claim_key=claim.key,
            type=QuestionType.SINGLE_CHOICE,
            prompt=f"Under which heading does the article say: “{claim.quote}”?",
            explanation=f"The article says this {where}.",
            choices=choices,
            difficulty=2,
            quote=claim.quote,
        ),
        QuestionDraft(
            key=f"gen-tf-heading-{claim.key}",
            claim_key=claim.key,
            type=QuestionType.TRUE_FALSE,
            prompt=f"True or false: the article says “{claim.quote}” under the heading “{wrong}”.",
            explanation=f"False: the article says this {where}, not under “{wrong}”.",
            answer_bool=False,
            difficulty=3,
            quote=claim.quote,
        ),
    ]


def _matching(parent: TopicDraft, topics: list[TopicDraft]) -> QuestionDraft | None:
    children = [t for t in topics if t.parent_key == parent.key and t.claims]
    if len(children) < 3:
        return None
    children = children[:MAX_MATCHING_PAIRS]
    first = children[0].claims[0]
    return QuestionDraft(
        key=f"gen-match-{parent.key}",
        claim_key=first.key,
        type=QuestionType.MATCHING,
        prompt=f"Match each heading of “{parent.title}” to what the article says under it.",
        explanation="Each statement is quoted from the article under its heading.",
        pairs=[[t.title, _sentence_case(t.claims[0].quote)] for t in children],
        difficulty=2,
        quote=first.quote,
    )


def generate_items(
    topics: list[TopicDraft], title: str = ""
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """All generated flashcards and questions for the article's topics, in reading order."""
    cards: list[FlashcardDraft] = []
    questions: list[QuestionDraft] = []
    for topic in topics:
        for claim in topic.claims:
            cards.extend(flashcards_for(topic, claim, title))
            for draft in (_fill_blank(claim, title), _true_statement(claim)):
                if draft:
                    questions.append(draft)
            questions.extend(_heading_questions(topic, claim, topics))
        if topic.parent_key is None:
            match = _matching(topic, topics)
            if match:
                questions.append(match)
    return cards, questions
