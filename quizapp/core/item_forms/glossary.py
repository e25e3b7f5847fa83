"""A reading's glossary ("Key terms" with "Export quota: a legal limit on …" lines) as items.

Each entry is a topic of its own under the glossary's heading, holding one claim that starts
in the middle of a sentence ("a legal limit on …"), so the claim rules gave it no question and
a stub card ("Export quota: a legal limit on the amount of a good that may be …"), which
reviewers marked ambiguous. An entry is what a teacher asks first: a card asks what the term
means, a question asks for the term from its definition, and three or more entries make a
matching question.
"""

from __future__ import annotations

from quizapp.core.aliases import AnswerContext, answer_set
from quizapp.core.claims import TopicDraft
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft
from quizapp.core.item_forms.definitions import GLOSSARY_HEADING, Definition, glossary_entry
from quizapp.core.item_forms.drafts import terms_matching
from quizapp.core.item_headings import shares_a_word
from quizapp.core.question_types import QuestionType
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim


def glossary_definition(
    topic: TopicDraft, shown: ShownClaim, parent_title: str
) -> Definition | None:
    """The entry a claim is, when its topic is a one-claim entry under a glossary's heading."""
    if topic.parent_key is None or len(topic.claims) != 1:
        return None
    if not GLOSSARY_HEADING.search(parent_title):
        return None
    return glossary_entry(topic.title, shown.text)


def glossary_card(topic: TopicDraft, shown: ShownClaim, entry: Definition) -> FlashcardDraft:
    """ "What does “export quota” mean?" / "Export quota: a legal limit on …"."""
    key = shown.claim.key
    return FlashcardDraft(
        f"gen-card-def-{key}", key, entry.card_front, f"{topic.title}: {with_stop(shown.text)}"
    )


def glossary_question(
    topic: TopicDraft, shown: ShownClaim, entry: Definition, answers: AnswerContext
) -> QuestionDraft | None:
    """The term asked from its definition; None when the definition names the term ("a magnet
    that keeps its magnetism" for "permanent magnet")."""
    if shares_a_word(entry.term, entry.definition):
        return None
    claim = shown.claim
    # The label's bracketed abbreviation ("Rare earth elements (REEs)") is right too.
    also = [part.strip(" ()") for part in topic.title.split("(")[1:]]
    return QuestionDraft(
        key=f"gen-def-{claim.key}",
        claim_key=claim.key,
        type=QuestionType.SHORT_ANSWER,
        prompt=entry.question,
        explanation=f"The article's key terms say: “{topic.title}: {with_stop(shown.text)}”",
        accepted=answer_set([entry.term, *also], answers, kind="word", prompt=entry.question),
        difficulty=2,
        quote=claim.quote,
    )


def glossary_matching(entries: list[tuple[ShownClaim, Definition]]) -> QuestionDraft | None:
    """Match each term to its definition, when the glossary holds three or more that do not
    name their own term (the article's own definitions are matched the same way)."""
    return terms_matching(entries, "Match each term to what the article's key terms say it is.")
