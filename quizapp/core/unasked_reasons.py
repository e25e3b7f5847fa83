"""Why a claim got no generated question, as the review page says it to a teacher after
"No question:".

Each reason is one whole sentence marked ``N_`` with the article's words as named values, so
a translator sees the sentence a teacher reads, never pieces glued together. A claim whose
only cue was a stub has no card either (``has_card`` False): its sentence says it cannot be
asked instead of "it has a card". What the generator decides is not changed here: these
sentences only word the reasons ``claims.claim_problem``, ``claims.not_asked_reason`` and
``references.leans_back`` give.
"""

from __future__ import annotations

from quizapp.core.claims import (
    MID_SENTENCE,
    SAYS_TOO_LITTLE,
    UNRESOLVED_IN_OPENING,
    UNRESOLVED_START,
    ClaimDraft,
    claim_problem,
    not_asked_reason,
)
from quizapp.core.leaning_reasons import (
    EXPLAINED_BY_BEFORE,
    OPENS_WITH_CONNECTIVE,
    OPENS_WITH_DEMONSTRATIVE,
    POINTS_BACK,
    STANDS_FOR_BEFORE,
    THERE_POINTS_BACK,
    TIME_FROM_BEFORE,
    UNRESOLVED_PRONOUN,
)
from quizapp.core.references import leans_back
from quizapp.core.translatable import N_, Phrase

# (with a card, with no card) for each reason a claim cannot stand alone.
AFTER_PROBLEM = {
    MID_SENTENCE: (
        N_("it starts in the middle of a sentence; it has a card"),
        N_(
            "it starts in the middle of a sentence; it cannot be asked: no card either, since "
            "no cue on its words pins a single answer"
        ),
    ),
    UNRESOLVED_START: (
        N_("it starts with an unresolved “%(word)s”; it has a card"),
        N_(
            "it starts with an unresolved “%(word)s”; it cannot be asked: no card either, "
            "since no cue on its words pins a single answer"
        ),
    ),
    UNRESOLVED_IN_OPENING: (
        N_("its opening clause has an unresolved “%(word)s”; it has a card"),
        N_(
            "its opening clause has an unresolved “%(word)s”; it cannot be asked: no card "
            "either, since no cue on its words pins a single answer"
        ),
    ),
    SAYS_TOO_LITTLE: (
        N_("it says too little; it has a card"),
        N_(
            "it says too little; it cannot be asked: no card either, since no cue on its "
            "words pins a single answer"
        ),
    ),
}

# (with a card, with no card) for each way a sentence leans on the one before, when even
# shown after that sentence it has no blank with a single right answer.
AFTER_LEANING = {
    OPENS_WITH_CONNECTIVE: (
        N_(
            "it opens with “%(word)s…”, which points back, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "it opens with “%(word)s…”, which points back, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it cannot be asked: no "
            "card either, since no cue on its words pins a single answer"
        ),
    ),
    TIME_FROM_BEFORE: (
        N_(
            "its time is counted from something said before, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "its time is counted from something said before, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it cannot be asked: no "
            "card either, since no cue on its words pins a single answer"
        ),
    ),
    OPENS_WITH_DEMONSTRATIVE: (
        N_(
            "it opens with “%(words)s”, which points back, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "it opens with “%(words)s”, which points back, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it cannot be asked: no "
            "card either, since no cue on its words pins a single answer"
        ),
    ),
    EXPLAINED_BY_BEFORE: (
        N_(
            "“%(words)s” is explained only by what comes before, and the sentence before does "
            "not resolve it or leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "“%(words)s” is explained only by what comes before, and the sentence before does "
            "not resolve it or leaves no blank with a single right answer; it cannot be asked: "
            "no card either, since no cue on its words pins a single answer"
        ),
    ),
    POINTS_BACK: (
        N_(
            "“%(words)s” points back, and the sentence before does not resolve it or leaves no "
            "blank with a single right answer; it has a card"
        ),
        N_(
            "“%(words)s” points back, and the sentence before does not resolve it or leaves no "
            "blank with a single right answer; it cannot be asked: no card either, since no "
            "cue on its words pins a single answer"
        ),
    ),
    UNRESOLVED_PRONOUN: (
        N_(
            "it has an unresolved “%(word)s”, and the sentence before does not resolve it or "
            "leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "it has an unresolved “%(word)s”, and the sentence before does not resolve it or "
            "leaves no blank with a single right answer; it cannot be asked: no card either, "
            "since no cue on its words pins a single answer"
        ),
    ),
    STANDS_FOR_BEFORE: (
        N_(
            "“%(word)s” stands for something said before, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "“%(word)s” stands for something said before, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it cannot be asked: no "
            "card either, since no cue on its words pins a single answer"
        ),
    ),
    THERE_POINTS_BACK: (
        N_(
            "“There” points back to a place said before, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it has a card"
        ),
        N_(
            "“There” points back to a place said before, and the sentence before does not "
            "resolve it or leaves no blank with a single right answer; it cannot be asked: no "
            "card either, since no cue on its words pins a single answer"
        ),
    ),
}

# (with a card, with no card) for a claim that stands alone but has nothing to ask: no term,
# number, name, effect or statement the article lets a question contradict.
NO_FORM_FITS = (
    N_(
        "no question has a single right answer here (no term, number, name, effect or "
        "statement the article lets us contradict); it has a card"
    ),
    N_(
        "no question has a single right answer here (no term, number, name, effect or "
        "statement the article lets us contradict); it cannot be asked: no card either, since "
        "no cue on its words pins a single answer"
    ),
)


def why_no_question(quote: str, sentence: str, has_card: bool = True) -> Phrase:
    """Why a claim got no generated question, as the review page says it to a teacher; a claim
    with no card either (``has_card`` False) is said to be one that cannot be asked."""
    never = not_asked_reason(quote, sentence)
    if never:
        return never
    card = 0 if has_card else 1
    claim = ClaimDraft("", "", quote, 0, 0, 0, 0, (), sentence)
    problem = claim_problem(claim, sentence.strip())
    if problem is not None:
        return Phrase(AFTER_PROBLEM[problem.template][card], **problem.params)
    # Shown after the sentence before, it may still have no blank with one right answer.
    pointing = leans_back(sentence.strip())
    if pointing is not None:
        return Phrase(AFTER_LEANING[pointing.template][card], **pointing.params)
    return Phrase(NO_FORM_FITS[card])
