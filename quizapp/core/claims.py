"""Turn a parsed article into topics and claims: verbatim spans of the article with offsets.

A claim is one sentence, or one clause of a long sentence where a participle or a connector
("…, with …", "…, including …", "…, potentially …") starts a second statement that a learner can
be asked about on its own. Each claim keeps its sentence's span too, so a flashcard can show the
claim in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.article_parser import Block, ParsedArticle
from quizapp.core.item_forms.grammar import split_clause
from quizapp.core.languages import ENGLISH, word_count
from quizapp.core.lexicon import UNRESOLVED_STARTS, content_words
from quizapp.core.sentences import sentence_bounds
from quizapp.core.text import slugify
from quizapp.core.translatable import N_, Phrase

OVERVIEW_TITLE = "Overview"
# Clause connectors after a comma that start a separately testable statement.
# Not "which": a relative clause says something of its sentence's noun and cannot stand alone.
CLAUSE_CONNECTORS = {"with", "including", "often", "potentially", "particularly"}
MIN_CLAUSE_WORDS = 4
# "At its height it linked …", "When she finds …": a subject pronoun a few words in.
SUBJECT_PRONOUNS = frozenset({"it", "she", "he", "they"})
# A bullet this short without a full stop is a list entry ("- Grain and timber"), not a claim.
MAX_LIST_ENTRY_WORDS = 12
# A claim with fewer content words than this makes no item: there is nothing to ask.
MIN_CONTENT_WORDS = 4
STOPWORDS = frozenset(
    """a an the and or of to in on for with by as at from into its their this that these those is
    are was were be been has have had it both such which who also over more most other than
    there within between across among""".split()
)


# A Markdown table is structure: it is listed for the teacher as one claim, never asked, and
# so is a sentence that points at it (a card or a question cannot show the table). The review
# page shows these after "No question:".
TABLE_REASON = Phrase(N_("a table: not asked"))
POINTS_AT_TABLE_REASON = Phrase(N_("it points at a table, which an item cannot show: not asked"))
POINTS_AT_TABLE = re.compile(
    r"\b(?:following|next|below)\s+table\b|\btables?\s+(?:below|above)\b"
    r"|\b(?:this|the)\s+table\s+(?:shows|lists|gives|sets out|summari[sz]es|compares)\b",
    re.IGNORECASE,
)


def is_table(quote: str) -> bool:
    """Whether a claim's quote is a Markdown table (its first row "| … |")."""
    return quote.lstrip().startswith("|") and quote.rstrip().endswith("|")


def not_asked_reason(quote: str, sentence: str) -> Phrase | None:
    """Why a claim gets no item at all, card included (a table, or a sentence pointing at
    one: "The table below shows …"), or None when items may be made of it."""
    if is_table(quote):
        return TABLE_REASON
    if POINTS_AT_TABLE.search(sentence or quote):
        return POINTS_AT_TABLE_REASON
    return None


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class TopicDraft:
    key: str
    title: str
    parent_key: str | None
    position: int
    kind: str  # "section", "subtopic"
    claims: list[ClaimDraft] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimDraft:
    key: str
    topic_key: str
    quote: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    key_terms: tuple[str, ...]
    sentence: str = ""  # the whole sentence the claim is part of, as in the article

    @property
    def is_whole_sentence(self) -> bool:
        return self.start == self.sentence_start

    @property
    def span_in_sentence(self) -> tuple[int, int]:
        return self.start - self.sentence_start, self.end - self.sentence_start


def _sentence_spans(text: str, start: int, language: str = "en") -> list[Span]:
    """Sentence spans of ``text`` (which starts at ``start`` in the article)."""
    return [Span(start + begin, start + end) for begin, end in sentence_bounds(text, language)]


# What a claim's quote leaves off its sentence's end, in every script.
TRAILING_MARKS = " .!?:;,\u3002\uff01\uff1f\uff1a\uff1b\uff0c"


def _whole_sentence(article: str, sentence: Span) -> list[Span]:
    """The sentence as one claim: the clause rules are English, so other languages keep their
    sentences whole."""
    quote = article[sentence.start : sentence.end].rstrip(TRAILING_MARKS)
    return [Span(sentence.start, sentence.start + len(quote))]


# Words in "-ing" that are prepositions, not participles ("On 14 February 1779, during …").
ING_PREPOSITIONS = frozenset({"during", "according", "regarding", "concerning", "following"})
# "…, hoping that …", "…, showing that …": a participle whose object is a clause says nothing
# without its sentence.
CLAUSE_OBJECT = re.compile(r"\s+(?:that|whether|how|why)\b")
VERB_SHAPE = re.compile(r"\b[a-z]+(?:ing|ed)\b")


def _starts_a_statement(word: str, after: str) -> bool:
    """Whether ", <word> <after>" starts a clause a learner can be asked about on its own."""
    if word.lower() in CLAUSE_CONNECTORS:
        # "…, with HMS Adventure as a companion ship": no verb, so no statement of its own.
        upto = after.split(",")[0]
        return word.lower() != "with" or bool(VERB_SHAPE.search(upto))
    if not (word.islower() and word.endswith("ing")) or word in ING_PREPOSITIONS:
        return False
    return not CLAUSE_OBJECT.match(after)


def _says_something(before: str) -> bool:
    """ "Magnetic stripes in the rocks on either side of the ridges, recording …": a subject
    with no verb before the cut is no statement, so the sentence stays whole."""
    return "," in before or split_clause(before, for_recall=True) is not None


def _clause_spans(article: str, sentence: Span) -> list[Span]:
    """Split a sentence at ", <connector>" or ", <participle>" into clauses of enough words."""
    text = article[sentence.start : sentence.end]
    cuts = [0]
    for match in re.finditer(r",\s+(\w+)", text):
        if _starts_a_statement(match.group(1), text[match.end() :]) and _says_something(
            text[cuts[-1] : match.start()].lstrip(", ")
        ):
            cuts.append(match.start())
    cuts.append(len(text))
    pieces: list[tuple[int, int]] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        begin = begin + len(text[begin:]) - len(text[begin:].lstrip(", "))
        if pieces and len(text[begin:end].split()) < MIN_CLAUSE_WORDS:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((begin, end))
    spans = []
    for begin, end in pieces:
        clause = text[begin:end].rstrip(" .!?:;,")
        spans.append(Span(sentence.start + begin, sentence.start + begin + len(clause)))
    return spans


# Why a claim cannot stand alone (``claim_problem``). Never shown as they are: the review page
# says each inside a whole sentence (``unasked_reasons``), so these need no translation.
MID_SENTENCE = "starts in the middle of a sentence"
UNRESOLVED_START = "starts with an unresolved “%(word)s”"
UNRESOLVED_IN_OPENING = "its opening clause has an unresolved “%(word)s”"
SAYS_TOO_LITTLE = "says too little"
# The problems a context line (the sentence before) may resolve.
UNRESOLVED_PROBLEMS = frozenset({UNRESOLVED_START, UNRESOLVED_IN_OPENING})


def claim_problem(claim: ClaimDraft, shown: str | None = None) -> Phrase | None:
    """Why a claim cannot stand as an item on its own, or None when it can.

    A claim shown to a student starts its sentence (a later clause is shown inside its whole
    sentence), so the sentence must not open with a word pointing back to something unsaid
    ("It", "This engagement"); ``shown`` is the sentence as shown, after any pronoun was
    resolved. The claim itself must say something: four content words.
    """
    shown = claim.sentence if shown is None else shown
    first = shown.split()[0] if shown.split() else ""
    if first[:1].islower():
        return Phrase(MID_SENTENCE)
    if first.lower().strip("\"“'‘(") in UNRESOLVED_STARTS:
        return Phrase(UNRESOLVED_START, word=first)
    opening = [w.lower().strip(",") for w in shown.split()[1:4]]
    pronoun = next((w for w in opening if w in SUBJECT_PRONOUNS), None)
    if pronoun:
        return Phrase(UNRESOLVED_IN_OPENING, word=pronoun)
    if len(content_words(claim.quote)) < MIN_CONTENT_WORDS:
        return Phrase(SAYS_TOO_LITTLE)
    return None


def key_terms(quote: str) -> tuple[str, ...]:
    """Proper-noun phrases of a quote (e.g. "Power of Siberia"), else its longest content word."""
    phrases = re.findall(
        r"(?:[A-Z][\w.\-']*(?:\s+(?:of|the)\s+|\s+)?)*[A-Z][\w.\-']*(?:\s+dollar)?", quote
    )
    words = quote.split()
    first = words[0] if words else ""
    terms: list[str] = []
    for phrase in phrases:
        phrase = phrase.strip(" ,'")
        phrase = phrase.removesuffix("'s")
        if phrase.endswith(".") and phrase.count(".") == 1:
            phrase = phrase[:-1]
        if phrase == first or len(phrase) < 3 or phrase.lower() in STOPWORDS:
            continue
        if phrase.startswith(first + " ") and first in {"The", "This", "Both", "Key", "By", "As"}:
            phrase = phrase[len(first) + 1 :]
        if phrase and phrase not in terms:
            terms.append(phrase)
    if not terms:
        content = [
            w.strip(".,:;'\"").removesuffix("'s")
            for w in words
            if w.lower() not in STOPWORDS | CLAUSE_CONNECTORS and not w.endswith(("ly", "ing"))
        ]
        if content:
            terms.append(max(content, key=len))
    return tuple(terms)


def is_lead_in_line(block: Block) -> bool:
    """A line that only announces what follows ("Key takeaways:", "Steps to follow:") states
    nothing; a full sentence ending in a colon ("… have several important implications:") is
    still a claim, and curated items may point at it."""
    text = block.text.rstrip()
    if text.endswith("\uff1a"):
        return True  # a Chinese lead-in: the parser takes a short one for a heading
    return text.endswith(":") and len(content_words(text)) < MIN_CONTENT_WORDS


def is_list_entry(block: Block) -> bool:
    """A bullet without a label that is no sentence ("- The Yamal LNG plant at Sabetta"): an
    entry of a list, which says nothing on its own."""
    text = block.text.rstrip()
    return (
        block.kind == "bullet"
        and block.label is None
        and not text.endswith((".", "!", "?", "\u3002", "\uff01", "\uff1f"))
        and word_count(text) <= MAX_LIST_ENTRY_WORDS
    )


def _block_claims(
    article: ParsedArticle, block: Block, topic: TopicDraft, counter: list[int]
) -> None:
    if is_lead_in_line(block) or is_list_entry(block):
        return
    if block.kind == "table":
        _add_claim(article, topic, counter, Span(block.start, block.start + len(block.text)))
        return
    english = article.language == ENGLISH
    for sentence in _sentence_spans(block.text, block.start, article.language):
        clauses = _clause_spans if english else _whole_sentence
        for clause in clauses(article.text, sentence):
            _add_claim(article, topic, counter, clause, sentence)


def _add_claim(
    article: ParsedArticle,
    topic: TopicDraft,
    counter: list[int],
    clause: Span,
    sentence: Span | None = None,
) -> None:
    """Append the claim quoting ``clause`` of ``sentence`` (the clause itself when None)."""
    sentence = sentence or clause
    quote = article.text[clause.start : clause.end]
    counter[0] += 1
    topic.claims.append(
        ClaimDraft(
            key=f"{topic.key}-{len(topic.claims) + 1}",
            topic_key=topic.key,
            quote=quote,
            start=clause.start,
            end=clause.end,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            key_terms=key_terms(quote) if not is_table(quote) else (),
            sentence=article.text[sentence.start : sentence.end],
        )
    )


def extract_topics(article: ParsedArticle) -> list[TopicDraft]:
    """Topics in reading order (a section, then its sub-topics), each with its claims."""
    topics: list[TopicDraft] = []
    counter = [0]
    for section in article.sections:
        if section.is_keywords:
            continue
        title = section.heading or OVERVIEW_TITLE
        # A heading said twice ("Notes", a PDF's running header) goes on in the same topic:
        # two topics with one key would share claim keys, and one claim would overwrite another.
        parent = next((t for t in topics if t.key == slugify(title)), None)
        if parent is None:
            parent = TopicDraft(slugify(title), title, None, len(topics), "section")
            topics.append(parent)
        for block in section.blocks:
            target = parent
            if block.label:
                key = slugify(block.label)
                target = next((t for t in topics if t.key == key), None) or TopicDraft(
                    key, block.label, parent.key, len(topics), "subtopic"
                )
                if target not in topics:
                    topics.append(target)
            _block_claims(article, block, target, counter)
    return topics
