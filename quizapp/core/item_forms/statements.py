"""True/false statements of a claim, and true statements for the claims no other form asks.

A statement is the claim's sentence as shown (a claim that starts its sentence), true as the
article says it or false as ``item_variants`` changes it, in one frame either way.
"""

from __future__ import annotations

from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.question_types import QuestionType
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim

# The same frame for true and false statements, so the frame tells nothing about the answer.
TRUE_FALSE_FRAME = "True or false, according to the article: "


def statement_of(shown: ShownClaim) -> str | None:
    """The claim as a statement: only a claim that starts its sentence is one."""
    if not shown.claim.is_whole_sentence:
        return None
    return shown.text[: shown.span[1]].rstrip(" ,;:")


def true_false(shown: ShownClaim, statement: str, as_false: str | None) -> QuestionDraft:
    claim = shown.claim
    said = with_stop(statement)
    if as_false is None:
        key, text, answer = f"gen-tf-{claim.key}", said, True
        explanation = f"True: the article says “{said}”"
    else:
        key, text, answer = f"gen-tf-false-{claim.key}", with_stop(as_false), False
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


def true_statements_for_the_unasked(
    usable: list[ShownClaim],
    questions: list[QuestionDraft],
    falsifiable: list[tuple[ShownClaim, str, str]],
) -> list[QuestionDraft]:
    """The questions, with each whole-sentence claim no other form asks asked as a true
    statement (reviewers kept the article's own sentences as true statements; unseen-6 had 38
    of 138 claims unasked). The article's statements stay no more often true than false, so a
    student who answers "True" to all learns nothing: where needed, a true statement of a claim
    the article lets us contradict is made false instead (the claim is still asked)."""
    asked = {q.claim_key for q in questions}
    unasked = [(s, text) for s in usable if s.claim.key not in asked and (text := statement_of(s))]
    answers = [q.answer_bool for q in questions if q.key.startswith("gen-tf-")]
    room = answers.count(False) - answers.count(True)
    changed = {
        shown.claim.key: (shown, statement, false) for shown, statement, false in falsifiable
    }
    # The shortest true statements turn false first: the unasked claims are mostly short ones
    # (no figure, no name), and short statements must not all be true.
    flippable = sorted(
        (q for q in questions if q.key == f"gen-tf-{q.claim_key}" and q.claim_key in changed),
        key=lambda q: len(q.prompt),
    )
    flipped = {}
    for question in flippable:
        if room >= len(unasked):
            break
        flipped[question.key] = true_false(*changed[question.claim_key])  # gen-tf-false-…
        room += 2
    out = [flipped.get(q.key, q) for q in questions]
    return out + [true_false(shown, text, None) for shown, text in unasked[: max(room, 0)]]
