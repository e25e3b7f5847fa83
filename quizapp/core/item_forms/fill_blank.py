"""The fill-in-blank question every generator form asks: one wording and one answer-set rule.

A form decides which words of a sentence to blank and how the sentence is shown (whether it
ends with a stop: a labelled bullet's words are no sentence and keep their own ending); the
prompt's lead, the explanation quoting the article, and the alias step over the accepted
answer live here, so a change to them reaches every form's blanks at once.
"""

from __future__ import annotations

from quizapp.core.aliases import AnswerContext, answer_set
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.question_types import QuestionType
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim

FILL_BLANK_LEAD = "Fill in the blank: "


def fill_blank_prompt(blanked: str) -> str:
    """The question as the student reads it: the lead, then the sentence with its blank."""
    return f"{FILL_BLANK_LEAD}{blanked}"


def fill_blank_draft(
    key: str,
    shown: ShownClaim,
    blanked: str,
    answer: str,
    answers: AnswerContext,
    *,
    kind: str | None = None,
    context: str = "",
) -> QuestionDraft:
    """A fill-in blank on ``shown``'s sentence, shown as ``blanked`` (its blank in place), taking
    ``answer`` and its aliases of ``kind`` (guessed from the answer when None). A ``context``
    line the prompt is read after is quoted before the sentence in the explanation. The aliases
    see the prompt, so none the prompt shows is accepted, and the claim's quote, so a country's
    names follow the paragraph's years (``aliases.answer_set``)."""
    claim = shown.claim
    prompt = fill_blank_prompt(blanked)
    said = with_stop(shown.text)
    if context:
        said = f"{with_stop(context)} {said}"
    return QuestionDraft(
        key=key,
        claim_key=claim.key,
        type=QuestionType.FILL_BLANK,
        prompt=prompt,
        explanation=f"The article says: “{said}”",
        accepted=answer_set([answer], answers, kind=kind, prompt=prompt, quote=claim.quote),
        difficulty=2,
        quote=claim.quote,
    )
