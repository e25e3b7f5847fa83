"""A question for a claim whose sentence leans on the one before, shown after that sentence.

"This direction is known as conventional current" means nothing alone; after "(Context: Before
electrons were discovered, scientists chose to show the current flowing from the positive
terminal …)" it is a fair blank. Such a claim got no question: its own forms refuse a sentence
opening on "This"/"They", and a which-statement after a context line is given away by the one
option that goes on from it. Here it gets a fill-in blank on one phrase of its own sentence
(``phrase_cloze``, else ``tail_cloze``), prompted after the same context line
(``item_context.with_context`` adds it).

Made only where the context line resolves the reference: a person's pronoun needs a person
named in it, a plural one a plural; never a sentence about the text itself ("This brief …"),
never an answer the context line, the heading or the title holds, and the question passes the
answer-shown check with the context line as what is shown beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizapp.core.aliases import AnswerContext
from quizapp.core.item_context import holds_answer
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.answer_shown import shows_its_answer
from quizapp.core.item_forms.card_blanks import poor_blank
from quizapp.core.item_forms.fill_blank import fill_blank_draft
from quizapp.core.item_forms.grammar import is_base_verb
from quizapp.core.item_forms.phrase_cloze import phrase_cloze
from quizapp.core.item_forms.recall import tail_cloze
from quizapp.core.item_forms.which_statement import ABOUT_THE_TEXT
from quizapp.core.references import leans_back
from quizapp.core.sentences import sentence_bounds, with_stop
from quizapp.core.subjects import ShownClaim

KEY_PREFIX = "gen-fill-lean-"
# Past this, the rest of the sentence tends to explain its own blank ("The two groups need
# water at _____: the downstream states need it released in summer, …"), and the prompt with
# its context line runs past what a student reads.
MAX_SENTENCE_WORDS = 35
# A forecast ("their impact … will warrant close observation", "Whether it lasts will depend
# on agreements …") has no answer a student can check: the blank's words are one way of many.
FORECAST = re.compile(r"\b(?:will|may|might)\b", re.IGNORECASE)
QUOTE_MARKS = re.compile(r"[\"“”]")
PERSON_WORDS = frozenset("he him his she her himself herself".split())
PLURAL_WORDS = frozenset("they them their themselves".split())
# The context line's subject is a person named in full ("Charles Darwin read …", "In 1838
# Charles Darwin read …"): only then does a "he"/"his" surely stand for that person.
PERSON_SUBJECT = re.compile(  # never "The Origin of …"
    r"^(?:(?:In|On|By|From) [^,]*?\d{4},? )?"  # an opening date: "In 1838 "
    r"(?!The |An? )[A-Z][\w'’\-]+ (?:[A-Z]\. )?[A-Z]\w+[,\s]+[a-z]"
)
PLURAL_NOUN = re.compile(r"\b[a-z]{3,}(?<![su]s)(?<!is)s\b")


def _pointing_words(sentence: str) -> set[str]:
    """The pronoun the sentence leaves unresolved, lower-cased, as ``leans_back`` quotes it."""
    reason = leans_back(sentence)
    return {w.lower() for w in re.findall(r"“(\w+)”", str(reason))} if reason else set()


def context_resolves(sentence: str, context: str) -> bool:
    """Whether ``context`` can stand for what ``sentence`` points back to. It is one sentence
    that stands alone (a context line of two means the sentence before leans back further);
    a "he"/"his" needs a person named in full as its subject, a "they"/"their" a plural; a
    sentence about the text itself ("This brief describes …") is resolved by none."""
    if not context or ABOUT_THE_TEXT.match(sentence) or len(sentence_bounds(context)) != 1:
        return False
    if leans_back(context):
        return False
    # Only the pronoun the sentence leaves unresolved needs the context ("There Charles Darwin
    # collected …, and he was told …" names its own "he").
    words = _pointing_words(sentence)
    if words & PERSON_WORDS and not PERSON_SUBJECT.match(context):
        return False
    return not (words & PLURAL_WORDS and not PLURAL_NOUN.search(context))


def leaning_question(
    shown: ShownClaim,
    context: str,
    answers: AnswerContext,
    shown_with: str = "",
    in_title: Callable[[str], bool] = lambda answer: False,
) -> QuestionDraft | None:
    """A fill-in blank on the claim's own sentence, to be shown after its ``context`` line;
    ``shown_with`` is what else the student sees (its heading), ``in_title`` whether the
    article's title holds an answer. None for a later clause, a long sentence or a forecast,
    when the context does not resolve the sentence, or when no phrase pins one answer that
    the context, heading or title does not give."""
    claim = shown.claim
    start, end = shown.span
    sentence = shown.text[:end]
    unfit = len(sentence.split()) > MAX_SENTENCE_WORDS or FORECAST.search(sentence)
    if start > 0 or unfit or not context_resolves(shown.text, context):
        return None

    def answer_ok(answer: str) -> bool:
        given = f"{context} {shown_with}"
        return not (
            holds_answer(given, answer)
            or in_title(answer)
            or poor_blank(answer, shown_with)
            or QUOTE_MARKS.search(answer)  # "imperial rule.”": cut inside a quotation
            or (" " not in answer and is_base_verb(answer))  # "how mountain ranges _____"
        )

    blanked = phrase_cloze(sentence, answer_ok) or tail_cloze(sentence, answer_ok)
    if blanked is None:
        return None
    key = f"{KEY_PREFIX}{claim.key}"
    blanked_sentence = with_stop(blanked.front.rstrip(" ."))
    question = fill_blank_draft(
        key, shown, blanked_sentence, blanked.back, answers, context=context
    )
    if shows_its_answer(question, f"{shown_with} {context}", context, shown.text):
        return None
    return question
