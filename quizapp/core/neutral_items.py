"""Items for an article in a language the generator's rules do not know (they are English).

Run on Russian or Chinese text, the English rules would blank a preposition, negate a sentence
with "not" or name a noun phrase of the wrong words. So such an article gets only the forms that
need no grammar:

* a card per claim: its topic and the start of its sentence on the front, the claim verbatim on
  the back;
* a fill-in blank on a year, a number or a name the sentence holds (a name: capitalised words
  inside the sentence, ranked by that language's word frequencies, rarest first; in German,
  which capitalises every noun, only a rare word after a preposition of place; Chinese writes
  no capitals, so it gets numbers and years only).

A claim opening with a pronoun ("Он", "它") gets the card only: its blank would not say what
it is about.

The words an item adds around the article's sentence ("Fill in the blank:", "The article
says:") are in the article's language where it is one of ours: they are part of the item, stored
with it and read by every learner of the article, whatever language their interface speaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims import ClaimDraft, TopicDraft
from quizapp.core.item_drafts import FlashcardDraft, QuestionDraft
from quizapp.core.item_generation import generate_items
from quizapp.core.languages import GENERATOR_LANGUAGES, has_han
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.question_types import QuestionType
from quizapp.core.text import slugify
from quizapp.core.translatable import N_, Phrase
from quizapp.core.word_frequency import word_zipf

# What the review page says of an article that gets these forms only.
NEUTRAL_FORMS_NOTE = N_(
    "The question rules are written for English: for this language only cards and fill-in "
    "blanks on years, numbers and names are made."
)
YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
# Digits with thousands separators as Russian (spaces) and English (commas) write them.
NUMBER = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?!\d)|(?<![\d.,])\d+(?:[.,]\d+)?"
)
CAPITALISED_RUN = re.compile(
    r"(?<![\w-])[A-ZА-ЯЁÄÖÜ][\w-]*(?:\s+(?:[A-ZА-ЯЁÄÖÜ][\w-]*|[IVX]+)(?![\w-]))*"
)
# The lead of a fill-in blank and the explanation quoting the article, in the article's language
# (English for a language not listed). Each quotes in that language's own quotation marks.
ITEM_WORDS = {
    "ru": ("Заполните пропуск: ", "В статье сказано: «{}»"),
    "uk": ("Заповніть пропуск: ", "У статті сказано: «{}»"),
    "de": ("Ergänzen Sie die Lücke: ", "Im Artikel steht: „{}“"),
    "fr": ("Complétez le blanc : ", "L’article dit : « {} »"),
    "es": ("Completa el espacio: ", "El artículo dice: «{}»"),
    "zh": ("填空：", "文章原文：“{}”"),
    "ja": ("空欄を埋めてください：", "記事の原文：「{}」"),
}
ENGLISH_WORDS = ("Fill in the blank: ", "The article says: “{}”")
PRONOUN_STARTS = frozenset(
    """он она оно они это этот эта эти его её их там тогда здесь
    er sie es dies diese dieser dieses dort damals ihr ihre ihren sein seine seinen
    它 他 她 他们 它们 这 这个 这些 该 此 其""".split()
)
# German writes every noun with a capital, so a capitalised word is a name only where a name
# stands: after a preposition of place ("bei Skagen", "in Holtenau"), and rare in the language
# (Zipf), not a plural after "in" ("in Städten").
NAME_PREPOSITIONS = {"de": frozenset("in im bei nach durch aus".split())}
MAX_NAME_ZIPF = 3.0
# A capitalised Russian adjective standing alone ("Западную и Восточную Сибирь", "Тихого
# океана") is half a name: no blank on its own.
RUSSIAN_ADJECTIVE = re.compile(
    r"(?:ая|яя|ую|юю|ой|ей|ый|ий|ое|ее|ого|его|ому|ему|ые|ие|ых|их|ым|им)$"
)
START_SHARE = 3  # the card's front shows a third of the sentence
STEM_LETTERS = 6


@dataclass(frozen=True)
class Blank:
    text: str
    start: int
    end: int


def _opening_word(sentence: str) -> str:
    if has_han(sentence[:1]):
        return next(
            (p for p in sorted(PRONOUN_STARTS, key=len, reverse=True) if sentence.startswith(p)), ""
        )
    words = sentence.split()
    return words[0].strip("«»\"'“„(").lower() if words else ""


def _after_place_word(sentence: str, start: int, language: str = "de") -> bool:
    before = sentence[:start].split()
    return bool(before) and before[-1] in NAME_PREPOSITIONS[language]


def _names(sentence: str, language: str) -> list[Blank]:
    """Runs of capitalised words after the sentence's first word, rarest first."""
    found = []
    for match in CAPITALISED_RUN.finditer(sentence):
        if match.start() == 0 or len(match.group()) < 3:
            continue
        rarity = min(word_zipf(word, language) for word in match.group().split())
        if language in NAME_PREPOSITIONS and not _after_place_word(sentence, match.start()):
            continue
        if (
            language == "ru"
            and " " not in match.group()
            and RUSSIAN_ADJECTIVE.search(match.group())
        ):
            continue
        if rarity <= MAX_NAME_ZIPF or language not in NAME_PREPOSITIONS:
            found.append((rarity, Blank(match.group(), match.start(), match.end())))
    return [blank for _, blank in sorted(found, key=lambda pair: pair[0])]


def _stem(answer: str) -> str:
    """Enough of an answer to tell a name in another case ("Владивостоком", "Владивостока")."""
    return answer.lower()[:STEM_LETTERS]


def blank_of(
    sentence: str, title: str, language: str, asked: frozenset[str] = frozenset()
) -> Blank | None:
    """The sentence's blank: a year, else a name, else a number; none the title gives away,
    and one not ``asked`` already (stems of earlier answers) when the sentence has another."""
    years = [Blank(m.group(), m.start(), m.end()) for m in YEAR.finditer(sentence)]
    numbers = [Blank(m.group(), m.start(), m.end()) for m in NUMBER.finditer(sentence)]
    numbers = [n for n in numbers if not n.text.rstrip("0").endswith((".", ","))]
    names = [] if has_han(sentence) else _names(sentence, language)
    fits = [b for b in (*years, *names, *numbers) if b.text not in title]
    fresh = [b for b in fits if _stem(b.text) not in asked]
    return (fresh or fits or [None])[0]


def _front_start(sentence: str) -> str:
    """The first third of the sentence: characters in Chinese, words elsewhere."""
    if has_han(sentence):
        return sentence[: max(4, len(sentence) // START_SHARE)]
    words = sentence.split()
    return " ".join(words[: max(3, len(words) // START_SHARE)])


def _card(topic: TopicDraft, claim: ClaimDraft) -> FlashcardDraft:
    front = f"{topic.title}: {_front_start(claim.quote)} …"
    return FlashcardDraft(f"gen-card-start-{claim.key}", claim.key, front, claim.quote)


def _accepted(answer: str) -> list[str]:
    """The answer as the article writes it, and its digits without separators ("9 288")."""
    plain = re.sub(r"(?<=\d)[ \u00a0\u202f,](?=\d{3})", "", answer)
    return list(dict.fromkeys([answer, plain]))


def _fill_blank(claim: ClaimDraft, blank: Blank, language: str) -> QuestionDraft:
    sentence = claim.sentence or claim.quote
    shown = sentence[: blank.start] + BLANK + sentence[blank.end :]
    lead, says = ITEM_WORDS.get(language, ENGLISH_WORDS)
    return QuestionDraft(
        key=f"gen-fill-{claim.key}-{slugify(blank.text)}",
        claim_key=claim.key,
        type=QuestionType.FILL_BLANK,
        prompt=f"{lead}{shown}",
        explanation=says.format(sentence),
        accepted=_accepted(blank.text),
        quote=claim.quote,
    )


def neutral_items(
    topics: list[TopicDraft], title: str, language: str
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """A card for every claim and a fill-in blank where its sentence holds one (see above)."""
    cards: list[FlashcardDraft] = []
    questions: list[QuestionDraft] = []
    asked: set[str] = set()
    for topic in topics:
        for claim in topic.claims:
            cards.append(_card(topic, claim))
            sentence = claim.sentence or claim.quote
            if _opening_word(sentence) in PRONOUN_STARTS:
                continue
            blank = blank_of(sentence, title, language, frozenset(asked))
            if blank is not None:
                asked.add(_stem(blank.text))
                questions.append(_fill_blank(claim, blank, language))
    return cards, questions


# Why a claim of such an article got no question, after "No question:" on the review page.
OPENS_WITH_PRONOUN = N_(
    "it opens with “%(word)s”, which points back to a sentence before; it has a card"
)
NOTHING_TO_ASK = N_("its sentence holds no year, number or name to ask for; it has a card")


def why_no_neutral_question(sentence: str) -> Phrase:
    """Why a claim of such an article got no question, as the review page says it."""
    opening = _opening_word(sentence.strip())
    if opening in PRONOUN_STARTS:
        written = opening if has_han(opening) else sentence.split()[0].strip("«»\"'“„(")
        return Phrase(OPENS_WITH_PRONOUN, word=written)
    return Phrase(NOTHING_TO_ASK)


def items_for_language(
    topics: list[TopicDraft], title: str, language: str
) -> tuple[list[FlashcardDraft], list[QuestionDraft]]:
    """Every form the generator knows for an English article; the neutral forms otherwise."""
    if language in GENERATOR_LANGUAGES:
        return generate_items(topics, title)
    return neutral_items(topics, title, language)
