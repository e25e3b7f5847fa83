"""Generate flashcards and questions from topics and claims.

Every claim gets a card: a cloze on what a student must know, a two-sided card in the form the
sentence takes (a definition, an effect, a year, a role: ``item_forms``), or a recall card on
the claim's own words. Every claim that can stand on its own gets a question: first in the form
its sentence takes, then a blank where a student must know something (``answer_targets``), a
true/false statement (about half false, changed with the article's own material:
``item_variants``), a which-heading question, and, when none of those fits, a which-statement
question among statements the article contradicts. A claim whose sentence opens with an
unresolved pronoun or says too little gets a card only, and the review page says why
(``claims.claim_problem``). Each typed answer carries its aliases (``aliases``); a claim gets
at most two questions.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace

from quizapp.core.aliases import AnswerContext
from quizapp.core.answer_targets import MONTHS, ArticleFacts, Target, candidate_targets
from quizapp.core.claims import (
    UNRESOLVED_PROBLEMS,
    ClaimDraft,
    TopicDraft,
    claim_problem,
    not_asked_reason,
)
from quizapp.core.item_context import holds_answer, with_context
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft, choice_id
from quizapp.core.item_forms.answer_shown import shows_its_answer
from quizapp.core.item_forms.asked_target import asked_target
from quizapp.core.item_forms.card_blanks import (
    cue_pins_nothing,
    poor_blank,
    repeated_in,
    spelled_by_an_acronym,
    spelled_by_initials,
)
from quizapp.core.item_forms.drafts import (
    FormContext,
    FormDraft,
    claim_forms,
    defined_terms,
    form_card,
    form_question,
    terms_matching,
)
from quizapp.core.item_forms.fill_blank import fill_blank_draft
from quizapp.core.item_forms.glossary import (
    glossary_card,
    glossary_definition,
    glossary_matching,
    glossary_question,
)
from quizapp.core.item_forms.leaning import leaning_question
from quizapp.core.item_forms.recall import Recall, recall_card
from quizapp.core.item_forms.recall_questions import bullet_question, recall_question
from quizapp.core.item_forms.self_refuting import (
    counted_by_a_formula,
    counted_by_a_list_before,
    formula_counts,
    given_by_a_contrast,
    given_by_arithmetic,
    worked_out_from_context,
)
from quizapp.core.item_forms.statements import (
    TRUE_FALSE_FRAME,
    statement_of,
    true_false,
    true_statements_for_the_unasked,
)
from quizapp.core.item_forms.timeline import with_matchings
from quizapp.core.item_forms.which_statement import (
    Statement,
    bounds_of,
    option_pool,
    stands_as_option,
    wrong_options,
)
from quizapp.core.item_headings import heading_question, matching_question
from quizapp.core.item_variants import distractors, false_statement
from quizapp.core.legacy_keys import item_key
from quizapp.core.lexicon import NUMBER_WORDS
from quizapp.core.number_format import number_value
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.question_types import QuestionType
from quizapp.core.references import StandaloneClaims, standalone_claims
from quizapp.core.sentences import with_stop
from quizapp.core.subjects import ShownClaim, shown_claims
from quizapp.core.unasked_reasons import why_no_question
from quizapp.core.vocabulary import CardKind

__all__ = ["TRUE_FALSE_FRAME", "generate_items", "glossed_in_brackets", "why_no_question"]

# One claim, one question per quiz: the pool holds at most this many generated questions a claim.
MAX_QUESTIONS_PER_CLAIM = 2
RECALL_CARD_PREFIX = "gen-card-recall-"


def _seed(claim: ClaimDraft) -> int:
    """A stable per-claim number, so the same article always gives the same items."""
    return zlib.crc32(claim.key.encode())


def _target(
    shown: ShownClaim, facts: ArticleFacts, seen_with: str, context: str = ""
) -> Target | None:
    """The claim's best blank; ``seen_with`` is what the student sees beside it (its heading,
    the article's headings' numbers) and ``context`` its context line: "five" beside "Two
    Rivers, Five States", 1854 after "July 1853 …" and "the next year", "two" beside "(N2)"
    are no blanks."""
    found = candidate_targets(shown.text, shown.span, facts, extra_shown=seen_with)
    found = [
        t
        for t in found
        if not counted_by_a_formula(shown.text, t.text.split()[0])
        and not counted_by_a_list_before(shown.text, t.start, t.text.split()[0])
        and not formula_counts(t.text)  # "nitrogen gas (_____)": N2 is known, not learnt
        and t.text not in MONTHS
        and not worked_out_from_context(context, shown.text, t.text)
        and not glossed_in_brackets(shown.text, t.start, t.end)
        and not _number_given(shown.text, t, context)
        and not spelled_by_initials(shown.text, t.start, t.end, f"{context} {seen_with}")
    ]
    return found[0] if found else None


def _number_given(text: str, target: Target, context: str) -> bool:
    """A number the sentence's other numbers, or its context line's, add up to ("slow by 7 …
    fast by 45 … gain about _____": 38), or one its wording contrasts with its neighbour ("at
    least _____, not three"): reviewers marked both trivial."""
    if target.kind != "number":
        return False
    rest = f"{context} {text[: target.start]} {text[target.end :]}"
    after, before = text[target.end :], text[: target.start]
    return given_by_arithmetic(rest, target.text) or given_by_a_contrast(after, target.text, before)


def glossed_in_brackets(text: str, start: int, end: int) -> bool:
    """A blank beside its own gloss: "Rare earth elements (_____)" -> REEs, "_____ (EU)" -> the
    European Union; reviewers marked both trivial, the brackets say the answer."""
    inside = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    return inside or text[end : end + 2] == " ("


def _heading_numbers(topics: list[TopicDraft]) -> str:
    """The numbers of every heading of the article: "Five" of "Two Rivers, Five States" gives
    "the _____ former Soviet republics" away wherever the claim stands."""
    words = (w for t in topics for w in re.findall(r"[\w']+", t.title))
    return " ".join(w for w in words if w.lower() in NUMBER_WORDS or w.isdigit())


def _blanked(shown: ShownClaim, target: Target) -> str:
    return shown.text[: target.start] + BLANK + shown.text[target.end :]


def _card(
    topic: TopicDraft,
    shown: ShownClaim,
    target: Target | None,
    form: FormDraft | None,
    facts: ArticleFacts,
    context: str = "",
) -> tuple[FlashcardDraft | None, Recall | None]:
    """A cloze on the claim's target; else a two-sided card in the claim's form; else a recall
    card: the start of the sentence on the front, the claim's words on the back (returned with
    the recall it shows, which ``_recall_question`` asks). No answer the card's context line
    holds ("the Swiss" after "the Swiss government called …"), and no recall whose cue pins
    nothing ("T cells do _____", "When it is …"): such a claim has no card."""
    claim = shown.claim
    if target is not None and holds_answer(context, target.text):
        target = None
    if form is not None and form.answer and holds_answer(context, form.answer):
        form = None
    if target is not None:
        front = with_stop(f"{topic.title}: {_blanked(shown, target)}")
        key = item_key("gen-card", claim, target.text, shown.legacy_answer)
        return FlashcardDraft(key, claim.key, front, target.text, kind=CardKind.CLOZE), None
    if form is not None:
        return form_card(shown, form), None
    # A phrase the title or the card's label holds is no answer, nor one plain English fills.
    recall = recall_card(
        shown.text,
        shown.span,
        answer_ok=lambda answer: (
            not (
                facts.in_title(answer)
                or holds_answer(context, answer)
                or poor_blank(answer, topic.title)
                or repeated_in(answer, shown.text)
            )
        ),
        in_context=bool(context),
    )
    # A blank read after its context line is pinned by that line too ("… at least four
    # satellites. The reason is its own _____."); an open-ended stub is not.
    if recall is None or cue_pins_nothing(recall.front, context if recall.cloze else ""):
        return None, None
    if recall.cloze and _spelled_out(recall, context):
        return None, None
    front = f"{topic.title}: {recall.front}"
    # A phrase cloze is shown as the whole sentence with its answer marked, as a cloze is.
    kind = CardKind.CLOZE if recall.cloze and front.count(BLANK) == 1 else CardKind.BASIC
    card = FlashcardDraft(f"{RECALL_CARD_PREFIX}{claim.key}", claim.key, front, recall.back, kind)
    return card, recall


def _spelled_out(recall: Recall, context: str) -> bool:
    """A recall blank an acronym gives away: a list's initials ("MMR … _____, mumps and
    rubella") or a name's ("the GWR … “_____'s Wonderful Railway”")."""
    if spelled_by_an_acronym(recall.front, recall.back):
        return True
    if BLANK not in recall.front:
        return False
    at = recall.front.index(BLANK)
    filled = recall.front.replace(BLANK, recall.back, 1)
    return spelled_by_initials(filled, at, at + len(recall.back), context)


def _fill_blank(shown: ShownClaim, target: Target, answers: AnswerContext) -> QuestionDraft:
    key = item_key("gen-fill", shown.claim, target.text, shown.legacy_answer)
    blanked = with_stop(_blanked(shown, target))
    return fill_blank_draft(key, shown, blanked, target.text, answers, kind=target.kind)


def _multiple_choice(shown: ShownClaim, target: Target, context) -> QuestionDraft | None:
    claim = shown.claim
    seed = _seed(claim)
    wrong = distractors(target, shown.text, context.facts, seed, used=context.used_options)
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
    blanked = with_stop(_blanked(shown, target))
    return QuestionDraft(
        key=f"gen-mc-{claim.key}",
        claim_key=claim.key,
        type=QuestionType.SINGLE_CHOICE,
        prompt=f"Which completes the sentence from the article? “{blanked}”",
        explanation=f"The article says: “{with_stop(shown.text)}”",
        choices=choices,
        difficulty=2,
        quote=claim.quote,
    )


def _falsifiable(
    usable: list[ShownClaim], facts, contexts: dict[str, str]
) -> list[tuple[ShownClaim, str, str]]:
    """(claim, statement, changed statement) for every claim the article lets us contradict;
    a claim shown after a context line is changed only in ways that line does not refute."""
    found = []
    for shown in usable:
        statement = statement_of(shown)
        context = contexts.get(shown.claim.key, "")
        changed = statement and false_statement(statement, facts, _seed(shown.claim), context)
        if statement and changed:
            found.append((shown, statement, changed))
    return found


def _true_false_items(
    falsifiable: list[tuple[ShownClaim, str, str]], room: set[str]
) -> dict[str, QuestionDraft]:
    """About half false: of the claims with room for a question, those that can be made false
    are asked, true or false so that no word of the statements leans either way (``_answers``):
    a student who learnt that statements with "and" are true would learn nothing here."""
    chosen = sorted(
        (item for item in falsifiable if item[0].claim.key in room),
        key=lambda item: _seed(item[0].claim),
    )
    answers = _answers([statement for _, statement, _ in chosen])
    items = {}
    for (shown, statement, changed), is_true in zip(chosen, answers, strict=True):
        items[shown.claim.key] = true_false(shown, statement, None if is_true else changed)
    return items


def _answers(statements: list[str]) -> list[bool]:
    """True or false for each statement, in turn: whichever keeps the article's statements
    half true and each word's statements nearest half true so far (alternating on a tie)."""
    lean: Counter[str] = Counter()  # per word: statements made true minus made false
    balance = 0
    answers = []
    for index, statement in enumerate(statements):
        words = set(re.findall(r"\w+", statement.lower()))

        def cost(sign: int, words=words) -> int:
            return sum(abs(lean[w] + sign) for w in words)

        if abs(balance) >= 1:
            is_true = balance < 0  # keep true and false within one of each other
        elif cost(1) != cost(-1):
            is_true = cost(1) < cost(-1)
        else:
            is_true = index % 2 == 0
        sign = 1 if is_true else -1
        balance += sign
        lean.update({w: sign for w in words})
        answers.append(is_true)
    return answers


def _which_statement(
    shown: ShownClaim, falsifiable: list[tuple[ShownClaim, str, str]], context: _ArticleContext
) -> QuestionDraft | None:
    """Which of these does the article say? The claim's sentence among two statements the
    article contradicts, each changed in a way a strict checker accepts (``which_statement``)."""
    statement = statement_of(shown)
    if statement is None or not stands_as_option(statement, shown.claim.sentence):
        return None
    said = with_stop(statement)
    if context.option_pool is None:  # the same for every claim of the article: made once
        statements = [
            Statement(s.claim.sentence_start, text, s.claim.sentence) for s, text, _ in falsifiable
        ]
        bounds = bounds_of(context.facts.title_prefixes, _heading_numbers(context.topics))
        context.option_pool = option_pool(statements, context.facts, bounds)
    pool = context.option_pool
    own = shown.claim.sentence_start
    wrong = wrong_options(said, pool, own, _seed(shown.claim), context.used_statements)
    if wrong is None:
        return None
    options = sorted([said, *wrong], key=lambda text: zlib.crc32(text.encode()))
    choices = [
        {"id": choice_id(i), "text": text, "correct": text == said}
        for i, text in enumerate(options)
    ]
    claim = shown.claim
    return QuestionDraft(
        key=f"gen-said-{claim.key}",
        claim_key=claim.key,
        type=QuestionType.SINGLE_CHOICE,
        prompt="Which of these statements does the article make?",
        explanation=f"The article says: “{said}”; the others change what it says.",
        choices=choices,
        difficulty=2,
        quote=claim.quote,
    )


@dataclass
class _ArticleContext:
    """What every claim's questions are drawn from: the whole article's facts and items."""

    topics: list[TopicDraft]
    facts: ArticleFacts
    forms: FormContext
    names: set[str]
    answers: AnswerContext  # what the alias step needs to know of the article
    # Options already given to the article's choice questions, so none recurs in most of them.
    used_options: Counter = field(default_factory=Counter)
    used_statements: Counter = field(default_factory=Counter)
    option_pool: list[tuple[int, str]] | None = None  # clean wrong options of which-statements
    # Which-heading questions asked per set of sibling headings, so few are.
    headings_asked: Counter = field(default_factory=Counter)


def _first_questions(
    shown: ShownClaim, target: Target | None, forms: list[FormDraft], context: _ArticleContext
) -> list[QuestionDraft]:
    """The claim's form questions, then its blank (unless a form asks for the same answer)."""
    mine: list[QuestionDraft] = []
    for form in forms:
        asked = form_question(shown, form, context.forms, _seed(shown.claim))
        if asked:
            mine.append(asked)
    # A blank whose answer a form asks, or whose answer a form's prompt holds, is not asked.
    if target is not None and all(
        form.answer != target.text and target.text not in (form.prompt or "") for form in forms
    ):
        choice = asked_target(shown, target, context.answers, context.forms.capitalised)
        if choice is None and target.kind != "word" and _seed(shown.claim) % 2 == 0:
            choice = _multiple_choice(shown, target, context)
        mine.append(choice or _fill_blank(shown, target, context.answers))
    return mine


def _matching_questions(
    topics: list[TopicDraft], usable: list[ShownClaim], questions: list[QuestionDraft]
) -> list[QuestionDraft]:
    """One matching question per top-level topic, and one of the article's terms, each on a
    claim that has room for another."""
    per_claim = Counter(question.claim_key for question in questions)
    found = []
    matches = [matching_question(t, topics, usable) for t in topics if t.parent_key is None]
    matches.append(terms_matching(defined_terms(usable)))
    for match in matches:
        if match and per_claim[match.claim_key] < MAX_QUESTIONS_PER_CLAIM:
            found.append(match)
            per_claim[match.claim_key] += 1
    return found


def _article_context(
    topics: list[TopicDraft],
    facts: ArticleFacts,
    usable: list[ShownClaim],
    answers: AnswerContext,
) -> _ArticleContext:
    names = set(facts.entity_sentences)
    terms = [d.term for _, d in defined_terms(usable)]
    # Words the article capitalises mid-sentence ("British") keep their capital in a question.
    capitalised = names | facts.mid_sentence_capitals
    forms = FormContext(facts, names, terms, capitalised, answers)
    return _ArticleContext(topics, facts, forms, names, answers)


def _last_questions(
    shown: ShownClaim,
    first: list[QuestionDraft],
    true_false: QuestionDraft | None,
    topic: TopicDraft,
    context: _ArticleContext,
    falsifiable: list[tuple[ShownClaim, str, str]],
    seen_with: str = "",
    context_line: str = "",
) -> list[QuestionDraft]:
    """The claim's questions: its first ones, true/false, which heading, at most two; else a
    which-statement question; else a which-heading question even past the article's few."""
    asked = context.headings_asked
    mine = [*first, true_false, heading_question(topic, shown, context.topics, asked)]
    heading = seen_with or topic.title
    mine = [q for q in mine if q and not shows_its_answer(q, heading, context_line, shown.text)]
    mine = mine[:MAX_QUESTIONS_PER_CLAIM]
    if not mine:
        # After a context line the key is the one option that continues it: reviewers saw it;
        # a blank on the claim's own sentence, after the same line, is asked instead.
        if context_line:
            said = leaning_question(
                shown, context_line, context.answers, heading, context.facts.in_title
            )
        else:
            said = _which_statement(shown, falsifiable, context)
        said = said or heading_question(topic, shown, context.topics, asked, only_question=True)
        mine = [said] if said else []
    return mine


def _usable(resolved: StandaloneClaims) -> list[ShownClaim]:
    """Claims that can be asked: they stand alone, or lean back on a sentence the item can
    show before them ("Two years later, …" after "Cook joined the navy in 1755.")."""
    found = []
    for shown in resolved.shown:
        key = shown.claim.key
        problem = claim_problem(shown.claim, shown.text)
        if key in resolved.contexts:
            if problem is None or problem.template in UNRESOLVED_PROBLEMS:
                found.append(shown)
        elif problem is None and key not in resolved.leaning:
            found.append(shown)
    return found


def _answer_context(
    topics: list[TopicDraft], all_shown: list[ShownClaim], facts: ArticleFacts
) -> AnswerContext:
    """What the alias step knows of the article: a topic's claims as a paragraph, so a
    sentence with no year is dated by its paragraph's."""
    paragraphs = [
        " ".join(dict.fromkeys(s.text for s in all_shown if s.claim.topic_key == t.key))
        for t in topics
    ]
    return AnswerContext.of_text("\n\n".join(paragraphs), names=set(facts.entity_sentences))


def _targets(
    usable: list[ShownClaim], facts: ArticleFacts, seen_with: dict[str, str], contexts
) -> dict[str, Target | None]:
    """Each usable claim's best blank, given what is seen beside it and its context line."""
    return {
        s.claim.key: _target(s, facts, seen_with[s.claim.key], contexts.get(s.claim.key, ""))
        for s in usable
    }


def _askable(topics: list[TopicDraft]) -> list[TopicDraft]:
    """The topics without the claims no item may be made of (a table, a sentence pointing at
    one)."""
    return [
        replace(t, claims=[c for c in t.claims if not not_asked_reason(c.quote, c.sentence)])
        for t in topics
    ]


def generate_items(
    topics: list[TopicDraft], title: str = ""
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """All generated flashcards and questions for the article's topics, in reading order; a
    table, and a sentence pointing at one, get none (``claims.not_asked_reason``)."""
    topics = _askable(topics)
    first_shown = shown_claims(topics, title)
    facts = ArticleFacts.build(title, [s.text for s in first_shown])
    resolved = standalone_claims(first_shown, topics, facts.mid_sentence_capitals, title)
    all_shown = resolved.shown
    usable = _usable(resolved)
    # Statements that need a context line are no options of another claim's question.
    standing = [s for s in usable if s.claim.key not in resolved.contexts]
    answers = _answer_context(topics, all_shown, facts)
    context = _article_context(topics, facts, standing, answers)
    topic_of = {c.key: t for t in topics for c in t.claims}
    # What a student sees or has read beside each claim: no blank's answer may stand in it.
    counts = _heading_numbers(topics)
    seen_with = {key: f"{topic_of[key].title} {counts}" for key in (s.claim.key for s in usable)}
    targets = _targets(usable, facts, seen_with, resolved.contexts)
    forms = {s.claim.key: claim_forms(s, context.forms) for s in usable}
    first = {
        s.claim.key: _first_questions(s, targets[s.claim.key], forms[s.claim.key], context)
        for s in usable
    }
    with_matchings(standing, forms, first, MAX_QUESTIONS_PER_CLAIM)
    falsifiable = _falsifiable(usable, facts, resolved.contexts)
    room = {key for key, mine in first.items() if len(mine) < MAX_QUESTIONS_PER_CLAIM}
    true_false = _true_false_items(falsifiable, room)
    standing_falses = [f for f in falsifiable if f[0].claim.key not in resolved.contexts]
    cards: list[FlashcardDraft] = []
    questions: list[QuestionDraft] = []
    for shown in all_shown:
        key = shown.claim.key
        form = (forms.get(key) or [None])[0]
        context_line = resolved.contexts.get(key, "")
        card, recall = _card(topic_of[key], shown, targets.get(key), form, facts, context_line)
        if card:
            cards.append(card)
        if key in first:
            asked = _last_questions(
                shown,
                first[key],
                true_false.get(key),
                topic_of[key],
                context,
                standing_falses,
                seen_with[key],
                context_line,
            )
            questions += asked or recall_question(shown, recall, answers)
        else:
            questions += bullet_question(shown, recall, answers, topic_of[key])
    questions = true_statements_for_the_unasked(usable, questions, falsifiable)
    questions.extend(_matching_questions(topics, standing, questions))
    glossary = _with_glossary(cards, questions, all_shown, topics, set(first), answers)
    cards, questions = glossary
    return with_context(cards, questions, resolved.contexts, topic_of)


def _with_glossary(
    cards: list[FlashcardDraft],
    questions: list[QuestionDraft],
    all_shown: list[ShownClaim],
    topics: list[TopicDraft],
    asked: set[str],
    answers: AnswerContext,
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """The drafts with each glossary entry's card and question ("What does “export quota”
    mean?"), and a matching question of the glossary's terms."""
    entries = []
    titles = {t.key: t.title for t in topics}
    topic_of = {c.key: t for t in topics for c in t.claims}
    for shown in all_shown:
        key = shown.claim.key
        topic = topic_of[key]
        parent = titles.get(topic.parent_key or "", "")
        entry = None if key in asked else glossary_definition(topic, shown, parent)
        if entry is None:
            continue
        entries.append((shown, entry))
        card = glossary_card(topic_of[key], shown, entry)
        cards = [card if c.claim_key == key else c for c in cards]
        if all(c.claim_key != key for c in cards):
            cards.append(card)
        question = glossary_question(topic_of[key], shown, entry, answers)
        questions = [*questions, question] if question else questions
    matching = glossary_matching(entries)
    return cards, [*questions, matching] if matching else questions
