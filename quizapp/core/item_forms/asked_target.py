"""The blank's key asked as a question: "Condensation releases latent heat" with "latent heat"
as its key asks "What does condensation release?", and with "Condensation" as its key "What
releases latent heat?"; "Wren designed St Paul's" asks "Who designed St Paul's?".

Only the sentence's first statement is asked, only when the key is the whole subject or the
whole object right after the verb, and only in a shape whose grammar is sure: a plural subject
in the present ("Bees carry …" -> "What carry …?") or a passive makes no question here, and
the claim keeps its blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection

from quizapp.core.aliases import AnswerContext, answer_set
from quizapp.core.answer_targets import Target
from quizapp.core.gazetteer import country_code
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.grammar import (
    Clause,
    base_form,
    main_clause,
    question,
    split_clause,
)
from quizapp.core.item_forms.roles import PERSON_VERBS
from quizapp.core.legacy_keys import item_key
from quizapp.core.lexicon import UNRESOLVED_STARTS
from quizapp.core.question_types import QuestionType
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim

# Auxiliaries a singular subject takes, so "What was …?" agrees with any answer.
SINGULAR_AUXILIARIES = frozenset("is was has".split())
# What follows an object and still belongs to its statement.
MODIFIER_END = re.compile(r",|;| (?:and|but|or|which|that|who|because|so|while|whereas) ")


@dataclass(frozen=True)
class TargetQuestion:
    prompt: str
    answer: str


def _lemmas(word: str) -> dict:
    return getAllLemmas(word.lower())


def _resolved(text: str) -> bool:
    return not {w.lower() for w in re.findall(r"[\w']+", text)} & UNRESOLVED_STARTS


def _agrees_with_any_subject(clause: Clause) -> bool:
    """ "What releases …", "What was …", "Who designed …": a verb that would not change with
    the answer's number. "Forager bees suck …" would become "What suck …?"."""
    if clause.auxiliary:
        return clause.auxiliary in SINGULAR_AUXILIARIES
    base = base_form(clause.verb)
    past = clause.verb in (getInflection(base, "VBD") or ())
    third = clause.verb in (getInflection(base, "VBZ") or ())
    return past or third


def _subject_question(clause: Clause, key: str, kind: str) -> TargetQuestion | None:
    if not _agrees_with_any_subject(clause) or not _resolved(clause.rest):
        return None
    if kind == "entity" and country_code(key) and not clause.auxiliary:
        wh = "Which country"  # "Moldova touches the Danube …" -> "Which country touches …?"
    elif kind == "entity":
        if clause.auxiliary or clause.verb not in PERSON_VERBS:
            return None  # a name that may be a country or a firm: "Who" or "What" is unsure
        wh = "Who"
    elif kind == "word":
        wh = "What"
    else:
        return None  # a year or a number: the when and how-many forms ask those
    verb = clause.auxiliary or clause.verb
    if clause.auxiliary and clause.rest.split(" ", 1)[0] in ("a", "an", "the"):
        return None  # "X was a British navigator": the definition and role forms ask that
    return TargetQuestion(f"{wh} {verb} {clause.rest}?", key)


def _object_question(clause: Clause, key: str, kind: str, names: set[str]) -> TargetQuestion | None:
    if clause.auxiliary or kind != "word":
        # "was built …" turned round reads badly; numbers have their own forms; a name may be
        # a person's ("What did Marie Curie marry?")
        return None
    if not _resolved(clause.subject) or clause.subject.split()[0].lower() in ("a", "an"):
        return None
    after = clause.rest[len(key) :]
    if after and not after.startswith((" ", ",", ";")):
        return None  # the key ends mid-word
    if re.match(r"^,? (?:and|or) ", after) or after.startswith(","):
        return None  # "fences, livestock and farms": half a list is no answer
    cut = MODIFIER_END.search(after)
    if cut and cut.group(0).strip() in ("and", "or"):
        return None  # "between 6.0 and 7.0": the narrowing phrase would be cut in half
    if "NOUN" not in _lemmas(key.split()[-1]):
        return None  # "grow best": an adverb after the verb is no object
    modifier = (after[: cut.start()] if cut else after).strip()
    if not _resolved(modifier):
        return None
    asked = question("What", clause, modifier, names)
    return TargetQuestion(asked, key) if asked else None


def target_question(
    sentence: str, key: str, start: int, kind: str, names: set[str]
) -> TargetQuestion | None:
    """The key ``sentence[start:start + len(key)]`` asked as who or what, or None."""
    first = main_clause(sentence.rstrip(" ."))
    if start + len(key) > len(first):
        return None  # the key is in a later statement of the sentence
    clause = split_clause(first)
    if clause is None or not _resolved(clause.subject):
        return None
    subject = clause.subject
    bare_subject = re.sub(r"^(?:The|the) ", "", subject)
    if start == 0 and key in (subject, bare_subject) and first.startswith(subject):
        return _subject_question(clause, key, kind)
    verb_end = first.find(f" {clause.verb} ", len(subject)) if clause.verb else -1
    if verb_end < 0:
        return None
    object_start = verb_end + len(clause.verb) + 2
    if first[object_start:].startswith(("the ", "a ", "an ")) and not key.startswith(
        ("the ", "a ", "an ")
    ):
        object_start = first.index(" ", object_start) + 1
        clause = Clause(clause.subject, "", clause.verb, first[object_start:])
    if start != object_start:
        return None
    return _object_question(clause, key, kind, names)


def asked_target(
    shown: ShownClaim, target: Target, answers: AnswerContext, names: set[str]
) -> QuestionDraft | None:
    """The claim's blank asked as who or what ("What does condensation release?"), typed, with
    the blank's aliases; None when the sentence's grammar does not make that sure."""
    claim = shown.claim
    if shown.span[0] != 0 or target.end > shown.span[1]:
        return None  # a later clause shares its sentence: its first statement is not its own
    text = shown.text[: shown.span[1]]
    asked = target_question(text, target.text, target.start, target.kind, names)
    if asked is None:
        return None
    accepted = answer_set(
        [target.text], answers, kind=target.kind, prompt=asked.prompt, quote=claim.quote
    )
    return QuestionDraft(
        key=item_key("gen-ask", claim, target.text, shown.legacy_answer),
        claim_key=claim.key,
        type=QuestionType.SHORT_ANSWER,
        prompt=asked.prompt,
        explanation=f"The article says: “{with_stop(shown.text)}”",
        accepted=accepted,
        difficulty=2,
        quote=claim.quote,
    )
