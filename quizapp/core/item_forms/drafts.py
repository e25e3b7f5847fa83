"""A claim's items in the forms of this package: which form fits, and its drafts.

Every form that fits a whole-sentence claim, in this order, gives a question: a definition, a
person or thing by its role, a year or a count, an effect; the first also gives the claim's card
(unless a cloze does). A form's question is dropped (its card kept) when its key is in the
article's title or is cued by its own prompt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from quizapp.core.aliases import AnswerContext, answer_set
from quizapp.core.answer_targets import ArticleFacts, Target, gives_away
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft, choice_id
from quizapp.core.item_forms.asides import aside_year_question
from quizapp.core.item_forms.causes import effect_of
from quizapp.core.item_forms.definitions import Definition, classification_of, definition_of
from quizapp.core.item_forms.identity import (
    country_question,
    kind_question,
    superlative_first_question,
    superlative_question,
)
from quizapp.core.item_forms.objects import object_question
from quizapp.core.item_forms.quantities import century_question, count_question, year_question
from quizapp.core.item_forms.roles import (
    birthplace_question,
    named_role_question,
    role_question,
)
from quizapp.core.item_forms.terms import called_question
from quizapp.core.item_headings import shares_a_word
from quizapp.core.item_variants import match_case
from quizapp.core.number_format import number_value
from quizapp.core.question_types import QuestionType
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim

MIN_TERM_CHOICES = 4
MIN_MATCHED_TERMS = 3
MAX_MATCHED_TERMS = 4


@dataclass(frozen=True)
class FormDraft:
    """What a form asks of a claim: a card, and a question when its key is safe to ask."""

    form: str  # def | called | role | identity | when | howmany | cause | what | where
    card_front: str
    prompt: str | None = None
    answer: str | None = None
    kind: str = "word"  # the answer's kind, for its aliases: word | entity | year | number
    also: tuple[str, ...] = ()  # more accepted forms the question's wording makes right


@dataclass(frozen=True)
class FormContext:
    facts: ArticleFacts
    names: set[str]  # the article's names, for a key's aliases
    terms: list[str]  # every term the article defines, for a definition's options
    capitalised: set[str] = field(default_factory=set)  # words kept capitalised in a question
    answers: AnswerContext = field(default_factory=AnswerContext)  # for the alias step


def _definition(text: str, names: set[str]) -> FormDraft | None:
    found = definition_of(text)
    return found and FormDraft(
        "def", found.card_front, found.question, found.term, "word", found.also
    )


def _called(text: str, names: set[str]) -> FormDraft | None:
    found = called_question(text)
    if found is None:
        return None
    kind = "entity" if found.answer[:1].isupper() or found.answer.startswith("the ") else "word"
    return FormDraft("called", found.prompt, found.prompt, found.answer, kind)


def _role(text: str, names: set[str]) -> FormDraft | None:
    found = (
        role_question(text, names)
        or named_role_question(text, names)
        or birthplace_question(text, names)
    )
    return found and FormDraft("role", found.prompt, found.prompt, found.answer, "entity")


def _identity(text: str, names: set[str]) -> FormDraft | None:
    country = country_question(text, names)
    if country:
        return FormDraft("identity", country.prompt, country.prompt, country.answer, "entity")
    picked = superlative_first_question(text, names)
    if picked:
        return FormDraft("identity", picked.prompt, picked.prompt, picked.answer, "entity")
    found = superlative_question(text, names) or kind_question(text, names)
    return found and FormDraft("identity", found.prompt, found.prompt, found.answer, "word")


def _year(text: str, names: set[str]) -> FormDraft | None:
    found = year_question(text, names) or century_question(text, names) or aside_year_question(text)
    return found and FormDraft(
        found.form, found.prompt, found.prompt, found.answer, found.kind, found.also
    )


def _count(text: str, names: set[str]) -> FormDraft | None:
    found = count_question(text, names)
    return found and FormDraft(
        found.form, found.prompt, found.prompt, found.answer, found.kind, found.also
    )


def _classified(text: str, names: set[str]) -> FormDraft | None:
    """ "A bacterium is a single-celled living thing": a card asks what the term is; no
    question, since the class fits many things."""
    found = classification_of(text)
    return found and FormDraft("def", found.card_front)


def _effect(text: str, names: set[str]) -> FormDraft | None:
    found = effect_of(text, names)
    return found and FormDraft("cause", found.card_front, found.question, found.answer, "word")


def _object(text: str, names: set[str]) -> FormDraft | None:
    found = object_question(text, names)
    kind = "entity" if found and found.form == "where" else "word"
    return found and FormDraft(found.form, found.prompt, found.prompt, found.answer, kind)


FORMS: tuple[Callable[[str, set[str]], FormDraft | None], ...] = (
    _definition,
    _called,
    _role,
    _identity,
    _year,
    _count,
    _effect,
    _object,
    _classified,
)


def claim_forms(shown: ShownClaim, context: FormContext) -> list[FormDraft]:
    """Every form that fits a whole-sentence claim, in order of preference, each question
    cleared of give-aways ("In which year did Marie Curie marry …?" and "Which physicist did
    Marie Curie marry in 1895?" ask different things of one sentence)."""
    if shown.span[0] != 0:
        return []  # a later clause shares its sentence: the sentence's forms are not its own
    text = shown.text[: shown.span[1]]
    found_all: list[FormDraft] = []
    for form in FORMS:
        found = form(text, context.capitalised or context.names)
        if found is None or _asks_the_title_person(found, context.facts):
            continue
        asked = [f for f in found_all if f.prompt and f.answer]
        if (
            found.prompt
            and found.answer
            and (_unsafe(found, context.facts) or any(_gives_each_other(found, f) for f in asked))
        ):
            found = FormDraft(found.form, found.card_front)
        found_all.append(found)
    return found_all


def _asks_the_title_person(found: FormDraft, facts: ArticleFacts) -> bool:
    """ "Who argued …?" in a life of the one who argued: the answer to any "who" of a
    biography is its title person, so neither the question nor its card asks for them ("Pierre
    Curie" in a life of Marie Curie is still asked: "Pierre" is no title word)."""
    words = (found.answer or "").removeprefix("the ").split()
    return found.form == "role" and bool(words) and all(facts.in_title(w) for w in words)


def _gives_each_other(one: FormDraft, other: FormDraft) -> bool:
    """ "In which year did the library spend 2.3 million dollars?" and "How many dollars did
    the library spend in 2024?": each prompt holds the other's key, so only the first is asked."""
    return bool(
        (other.answer and other.answer in (one.prompt or ""))
        or (one.answer and one.answer in (other.prompt or ""))
    )


def _unsafe(found: FormDraft, facts: ArticleFacts) -> bool:
    """The key is the title's, or the prompt cues it ("condensation" in "… condenses"). A
    defined term may share a stem with its definition ("evapotranspiration" is evaporation and
    transpiration): that is how the term is learnt, so only the term itself must be absent."""
    answer, prompt = found.answer or "", found.prompt or ""
    if facts.in_title(answer):
        return True
    if found.kind in ("year", "number"):
        return gives_away(Target(answer, 0, 0, found.kind, value=number_value(answer)), prompt)
    if found.form == "def":
        return answer.casefold() in prompt.casefold()
    return shares_a_word(answer, prompt)


def form_card(shown: ShownClaim, found: FormDraft) -> FlashcardDraft:
    """A two-sided card: the form's question on the front, the article's sentence on the back."""
    claim = shown.claim
    return FlashcardDraft(
        f"gen-card-{found.form}-{claim.key}", claim.key, found.card_front, with_stop(shown.text)
    )


def form_question(
    shown: ShownClaim, found: FormDraft, context: FormContext, seed: int
) -> QuestionDraft | None:
    """The form's question: typed, or, for a term with enough of the article's other terms to
    choose from, single choice among them (every option a term the article defines otherwise)."""
    if not (found.prompt and found.answer):
        return None
    claim = shown.claim
    base = {
        "key": f"gen-{found.form}-{claim.key}",
        "claim_key": claim.key,
        "prompt": found.prompt,
        "explanation": f"The article says: “{with_stop(shown.text)}”",
        "difficulty": 2,
        "quote": claim.quote,
    }
    # Another term named in the prompt ("evaporation and transpiration together") is no option.
    others = [
        t
        for t in context.terms
        if t.casefold() != found.answer.casefold() and t.casefold() not in found.prompt.casefold()
    ]
    if found.form == "def" and len(others) >= MIN_TERM_CHOICES - 1 and seed % 2 == 0:
        start = seed % len(others)
        wrong = (others[start:] + others[:start])[: MIN_TERM_CHOICES - 1]
        options = sorted([found.answer, *(match_case(w, found.answer) for w in wrong)])
        choices = [
            {"id": choice_id(i), "text": text, "correct": text == found.answer}
            for i, text in enumerate(options)
        ]
        return QuestionDraft(type=QuestionType.SINGLE_CHOICE, choices=choices, **base)
    # The form's own other wordings ("16th century") are given answers, before the aliases.
    accepted = answer_set(
        [found.answer, *found.also], context.answers, kind=found.kind, prompt=found.prompt
    )
    return QuestionDraft(type=QuestionType.SHORT_ANSWER, accepted=accepted, **base)


def defined_terms(usable: list[ShownClaim]) -> list[tuple[ShownClaim, Definition]]:
    """Every definition of the article, in reading order, one per term."""
    found: dict[str, tuple[ShownClaim, Definition]] = {}
    for shown in usable:
        if shown.span[0] == 0:
            definition = definition_of(shown.text[: shown.span[1]])
            if definition:
                found.setdefault(definition.term.casefold(), (shown, definition))
    return list(found.values())


def terms_matching(
    definitions: list[tuple[ShownClaim, Definition]],
    prompt: str = "Match each term to what the article says it is.",
) -> QuestionDraft | None:
    """Match each term to its definition, when the article defines three or more; a definition
    that shares a word with its term ("evaporation and transpiration" for
    "evapotranspiration") is left out."""
    pairs = [(shown, d) for shown, d in definitions if not shares_a_word(d.term, d.definition)][
        :MAX_MATCHED_TERMS
    ]
    if len(pairs) < MIN_MATCHED_TERMS:
        return None
    first = pairs[0][0].claim
    return QuestionDraft(
        key=f"gen-terms-{first.key}",
        claim_key=first.key,
        type=QuestionType.MATCHING,
        prompt=prompt,
        explanation="Each definition is the article's own.",
        pairs=[[d.term, d.definition] for _, d in pairs],
        difficulty=2,
        quote=first.quote,
    )
