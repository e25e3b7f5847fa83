"""Generate flashcards and questions from topics and claims.

Every item stands on a whole claim: a later clause is shown inside its whole sentence, a
sentence opening with an unresolved pronoun or saying too little makes no item. Blanks go where
a student must know something (see ``answer_targets``); each answer carries its aliases
(``aliases``); true/false statements are about half false, made by changing what the claim
says with the article's own material (``item_variants``); a claim gets at most two questions.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass

from quizapp.core.aliases import accepted_answers
from quizapp.core.answer_targets import ArticleFacts, Target, candidate_targets
from quizapp.core.claims import ClaimDraft, TopicDraft, claim_problem
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft, choice_id
from quizapp.core.item_headings import heading_question, matching_question
from quizapp.core.item_variants import distractors, false_statement
from quizapp.core.legacy_keys import item_key
from quizapp.core.number_format import number_value
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.question_types import QuestionType
from quizapp.core.subjects import ShownClaim, shown_claims
from quizapp.core.vocabulary import CardKind

# The same frame for true and false statements, so the frame tells nothing about the answer.
TRUE_FALSE_FRAME = "True or false, according to the article: "
# One claim, one question per quiz: the pool holds at most this many generated questions a claim.
MAX_QUESTIONS_PER_CLAIM = 2


def _seed(claim: ClaimDraft) -> int:
    """A stable per-claim number, so the same article always gives the same items."""
    return zlib.crc32(claim.key.encode())


def _target(shown: ShownClaim, facts: ArticleFacts, heading: str) -> Target | None:
    found = candidate_targets(shown.text, shown.span, facts, extra_shown=heading)
    return found[0] if found else None


def _blanked(shown: ShownClaim, target: Target) -> str:
    return shown.text[: target.start] + BLANK + shown.text[target.end :]


def _card(
    topic: TopicDraft, shown: ShownClaim, target: Target | None, alone: bool
) -> FlashcardDraft | None:
    """A cloze on the claim's target; without one, a label-to-claim card only when the claim is
    the one sentence under a bullet's label (``alone``): "Watering: what does the article
    say?" has one answer then, "Overview: what does the article say?" never does."""
    claim = shown.claim
    if target is None and not (alone and claim.is_whole_sentence and topic.kind == "subtopic"):
        return None
    if target is None:
        front = f"{topic.title}: what does the article say?"
        return FlashcardDraft(f"gen-card-{claim.key}", claim.key, front, f"{shown.text}.")
    front = f"{topic.title}: {_blanked(shown, target)}."
    key = item_key("gen-card", claim, target.text, shown.legacy_answer)
    return FlashcardDraft(key, claim.key, front, target.text, kind=CardKind.CLOZE)


def _fill_blank(shown: ShownClaim, target: Target, names) -> QuestionDraft:
    claim = shown.claim
    return QuestionDraft(
        key=item_key("gen-fill", claim, target.text, shown.legacy_answer),
        claim_key=claim.key,
        type=QuestionType.FILL_BLANK,
        prompt=f"Fill in the blank: {_blanked(shown, target)}.",
        explanation=f"The article says: “{shown.text}.”",
        accepted=accepted_answers(target.text, target.kind, names),
        difficulty=2,
        quote=claim.quote,
    )


def _multiple_choice(shown: ShownClaim, target: Target, facts) -> QuestionDraft | None:
    claim = shown.claim
    wrong = distractors(target, shown.text, facts, _seed(claim))
    if not wrong:
        return None
    options = [target.text, *wrong]
    if target.kind in ("year", "number"):
        options.sort(key=lambda text: number_value(text) or 0.0)
    else:
        options.sort()
    choices = [
        {"id": choice_id(i), "text": text, "correct": text == target.text}
        for i, text in enumerate(options)
    ]
    return QuestionDraft(
        key=f"gen-mc-{claim.key}",
        claim_key=claim.key,
        type=QuestionType.SINGLE_CHOICE,
        prompt=f"Which completes the sentence from the article? “{_blanked(shown, target)}.”",
        explanation=f"The article says: “{shown.text}.”",
        choices=choices,
        difficulty=2,
        quote=claim.quote,
    )


def _statement(shown: ShownClaim) -> str | None:
    """The claim as a statement: only a claim that starts its sentence is one."""
    if not shown.claim.is_whole_sentence:
        return None
    return shown.text[: shown.span[1]].rstrip(" ,;:")


def _true_false(shown: ShownClaim, statement: str, as_false: str | None) -> QuestionDraft:
    claim = shown.claim
    said = f"{statement}."
    if as_false is None:
        key, text, answer = f"gen-tf-{claim.key}", said, True
        explanation = f"True: the article says “{said}”"
    else:
        key, text, answer = f"gen-tf-false-{claim.key}", f"{as_false}.", False
        explanation = f"False: the article says “{said}”"
    return QuestionDraft(
        key=key,
        claim_key=claim.key,
        type=QuestionType.TRUE_FALSE,
        prompt=f"{TRUE_FALSE_FRAME}{text}",
        explanation=explanation,
        answer_bool=answer,
        difficulty=2,
        quote=claim.quote,
    )


def _true_false_items(shown_list: list[ShownClaim], facts) -> dict[str, QuestionDraft]:
    """About half false: only claims that can be made false are asked, alternately true and
    false in a stable order, so true and false statements come from the same kind of claim."""
    falsifiable = []
    for shown in shown_list:
        statement = _statement(shown)
        changed = statement and false_statement(statement, facts, _seed(shown.claim))
        if statement and changed:
            falsifiable.append((shown, statement, changed))
    falsifiable.sort(key=lambda item: _seed(item[0].claim))
    items = {}
    for index, (shown, statement, changed) in enumerate(falsifiable):
        as_false = changed if index % 2 else None
        items[shown.claim.key] = _true_false(shown, statement, as_false)
    return items


@dataclass(frozen=True)
class _ArticleContext:
    """What every claim's questions are drawn from: the whole article's facts and items."""

    topics: list[TopicDraft]
    facts: ArticleFacts
    names: set[str]
    true_false: dict[str, QuestionDraft]


def _claim_questions(
    shown: ShownClaim,
    topic: TopicDraft,
    target: Target | None,
    context: _ArticleContext,
) -> list[QuestionDraft]:
    """A claim's questions in order of preference, at most ``MAX_QUESTIONS_PER_CLAIM``."""
    mine: list[QuestionDraft | None] = []
    if target is not None:
        choice = None
        if target.kind != "word" and _seed(shown.claim) % 2 == 0:
            choice = _multiple_choice(shown, target, context.facts)
        mine.append(choice or _fill_blank(shown, target, context.names))
    mine.append(context.true_false.get(shown.claim.key))
    mine.append(heading_question(topic, shown, context.topics))
    return [q for q in mine if q][:MAX_QUESTIONS_PER_CLAIM]


def _matching_questions(
    topics: list[TopicDraft], usable: list[ShownClaim], questions: list[QuestionDraft]
) -> list[QuestionDraft]:
    """One matching question per top-level topic, on a claim that has room for another."""
    per_claim = Counter(question.claim_key for question in questions)
    found = []
    for topic in topics:
        if topic.parent_key is None:
            match = matching_question(topic, topics, usable)
            if match and per_claim[match.claim_key] < MAX_QUESTIONS_PER_CLAIM:
                found.append(match)
    return found


def _alone_sentences(
    usable: list[ShownClaim], topic_of: dict[str, TopicDraft], targets: dict[str, Target | None]
) -> set[str]:
    """Keys of claims whose sentence is the only one in its topic and has no cloze card."""
    sentences_in_topic = Counter(
        topic_of[s.claim.key].key for s in usable if s.claim.is_whole_sentence
    )
    # A sentence with a cloze card needs no second card saying the same sentence.
    with_cloze = {s.claim.sentence_start for s in usable if targets[s.claim.key]}
    return {
        s.claim.key
        for s in usable
        if sentences_in_topic[topic_of[s.claim.key].key] == 1
        and s.claim.sentence_start not in with_cloze
    }


def generate_items(
    topics: list[TopicDraft], title: str = ""
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """All generated flashcards and questions for the article's topics, in reading order."""
    all_shown = shown_claims(topics, title)
    facts = ArticleFacts.build(title, [s.text for s in all_shown])
    usable = [s for s in all_shown if claim_problem(s.claim, s.text) is None]
    context = _ArticleContext(
        topics, facts, set(facts.entity_sentences), _true_false_items(usable, facts)
    )
    topic_of = {c.key: t for t in topics for c in t.claims}
    targets = {s.claim.key: _target(s, facts, topic_of[s.claim.key].title) for s in usable}
    alone = _alone_sentences(usable, topic_of, targets)
    cards: list[FlashcardDraft] = []
    questions: list[QuestionDraft] = []
    for shown in usable:
        key = shown.claim.key
        card = _card(topic_of[key], shown, targets[key], key in alone)
        if card:
            cards.append(card)
        questions.extend(_claim_questions(shown, topic_of[key], targets[key], context))
    questions.extend(_matching_questions(topics, usable, questions))
    return cards, questions
