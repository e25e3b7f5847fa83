"""Whether a claim's sentence leans on what came before it, and what makes it stand alone.

A sentence leans back when it opens with a connective ("However,", "As a result,"), a time
relative to something said before ("Two years later", "That year"), a pronoun or a
demonstrative with nothing in the sentence to stand for ("it", "his first ship", "such
purchases", "On this voyage", "All of them"), or a definite noun phrase that only the sentence
before explains ("The answer came from …", "The most important was …").

What resolves it, surest first:
- a connective that adds or contrasts ("However,", "Moreover,") is dropped: the rest stands;
- "this voyage", "The theory" become the fuller noun phrase with the same head noun earlier in
  the paragraph or its heading ("the Second Voyage", "The theory of plate tectonics");
- "They" opening a sentence becomes the previous sentence's plural subject ("The plates");
- otherwise the item is given the sentence before, verbatim as shown, as a context line
  (``Resolution.context``); when that sentence leans back too, the one before it as well, but
  never more (three sentences made prompts too long to read) and never across a heading: the
  first sentence of a section gets no context line from the section before.

Plain definite noun phrases whose referent the reading makes unique ("the ship", "the voyage")
stand as they are: a reader of the item knows which one is meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas

from quizapp.core.claims import TopicDraft
from quizapp.core.item_forms.grammar import is_base_verb, is_finite_verb, is_verb_only
from quizapp.core.leaning_reasons import (
    EXPLAINED_BY_BEFORE,
    OPENS_WITH_CONNECTIVE,
    OPENS_WITH_DEMONSTRATIVE,
    POINTS_BACK,
    TIME_FROM_BEFORE,
    UNRESOLVED_PRONOUN,
)
from quizapp.core.lexicon import is_function_word
from quizapp.core.pointing_phrases import points_back
from quizapp.core.subjects import ShownClaim
from quizapp.core.translatable import Phrase

# Connectives a sentence stands without: they add or contrast, they say no cause.
DROPPABLE_CONNECTIVE = re.compile(
    r"^(?:However|Moreover|Furthermore|In addition|Additionally|Indeed|In fact|Still|Also|"
    r"Nonetheless|Nevertheless|Even so|Of course),\s+(?=\S)"
)
# Connectives whose sentence says a consequence, a contrast or a sequel of the one before.
BINDING_CONNECTIVE = re.compile(
    r"^(?:As a result|Consequently|Therefore|Thus|Hence|Instead|In turn|By contrast|"
    r"In contrast|Similarly|Likewise|Meanwhile|Afterwards|Then|Yet|So|For example|"
    r"For instance|In response|In return|At the same time|Even then|Despite this|"
    r"Because of this|On the other hand|Otherwise|Eventually|Finally|Later|Soon)\b"
)
# A time counted from something the sentence does not say.
RELATIVE_TIME = re.compile(
    r"\b(?:(?:[A-Z]?[a-z]+|\d+) (?:years?|months?|weeks?|days?|decades?|centuries) "
    r"(?:later|afterwards?|earlier|before)|"
    r"(?:[Tt]he|[Tt]hat) (?:following|next|same|previous) (?:year|month|week|day|decade|spring|"
    r"summer|autumn|winter)|[Tt]hat (?:year|month|spring|summer|autumn|winter|day)|"
    r"^(?:Soon|Shortly) (?:after|afterwards)|^By then|^At (?:the|that) time|^Until then)\b"
)
PERSON_PRONOUNS = frozenset("he him his she her".split())
THING_PRONOUNS = frozenset("it its".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch(?: an?)?)\s+([a-z][\w\-]*)")
# "This made …", "These were …": a demonstrative standing alone as the subject.
BARE_DEMONSTRATIVE = re.compile(r"^(?:This|These|That|Those|Both)\b(?! who\b| which\b| that\b)")
# "of this kind", "in this way": a demonstrative with a noun that names nothing of its own.
EMPTY_HEADS = frozenset("kind way type sort form approach manner case time period".split())
# Sentence-initial definite phrases that only the sentence before explains.
POINTING_DEFINITE = re.compile(
    r"^The (?:(?:full|same|other|whole) )?(?!\w+ of\b)(answer|result|effect|theory|idea|plan|move|"
    r"decision|change|outcome|problem|question|latter|former|rest|remainder|same|"
    r"(?:most|least) \w+ (?:was|is|were|are)|(?:first|second|third|last|other) "
    r"(?:was|is|were|are))\b"
)
MAX_CONTEXT_SENTENCES = 2
HELPERS = frozenset(
    "has have had is are was were will would can could may might do does did".split()
)
MAX_MODIFIERS = 3
MAX_COMPLEMENT_WORDS = 4


@dataclass(frozen=True)
class Resolution:
    """``text``: the sentence as it can be shown alone (a connective dropped, a reference
    named); ``leans_back``: why it still needs what came before, or None when it stands;
    ``context``: the sentence(s) before, as shown, that resolve it ("" when none is known)."""

    text: str
    leans_back: Phrase | None = None
    context: str = ""


def _words(text: str) -> list[str]:
    return [w.strip(",;:()“”\"'") for w in text.split()]


IRREGULAR_PLURALS = frozenset("people children men women police cattle".split())


def _plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if not (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))):
        return False
    # A capitalised plural is a people ("East Germans voted in their first free elections"); other
    # capitalised words ending in s are mostly names ("Wales", "Athens").
    return word.islower() or (w.endswith("ans") and w != "orleans")


def _names_someone(before: list[str], capitalised: set[str]) -> bool:
    """A person named before the pronoun: two or more capitalised words not after "the"
    ("Henry Dunant saw …, and it shocked him"; never "the Space Shuttle Endeavour"), or a
    first word the article capitalises mid-sentence too ("Cook sailed …, where he …"), unless
    it names a plural ("Geneva citizens", a place)."""
    if before and before[0] in capitalised and not is_function_word(before[0].lower()):
        # "Geneva citizens took up his ideas": a place naming a plural is no person.
        if not (len(before) > 1 and before[1].islower() and _plural(before[1])):
            return True
    run = 0
    for index, word in enumerate(before):
        if word[:1].isupper() and not is_function_word(word.lower()):
            after_the = run == 0 and index > 0 and before[index - 1].lower() == "the"
            run = -99 if after_the else run + 1
            if run >= 2:
                return True
        else:
            run = 0
    return False


def _pronoun_unresolved(text: str, capitalised: set[str]) -> str:
    """The first pronoun with nothing before it in the sentence it can stand for, or ""."""
    words = _words(text)
    for index, word in enumerate(words):
        lower = word.lower()
        before = words[:index]
        if lower in PERSON_PRONOUNS and not _names_someone(before, capitalised):
            return word
        if lower in THING_PRONOUNS and _opening_only(before):
            return word
        if lower in ("it", "them") and _object_of_main_verb(before):
            return word
        if lower in PLURAL_PRONOUNS and not any(_plural(w) or w == "and" for w in before):
            return word
    return ""


def _object_of_main_verb(before: list[str]) -> bool:
    """ "Strong winds lifted it", "confirmed it": the object of the sentence's first verb,
    which stands for something the sentence before named (its subject is someone else)."""
    verbs = [i for i, w in enumerate(before) if w.islower() and w not in HELPERS and _is_verb(w)]
    return bool(verbs) and verbs[0] == len(before) - 1 and "," not in " ".join(before)


def _opening_only(before: list[str]) -> bool:
    """Nothing before "it" that it can stand for: an opening phrase of function words or a
    place ("For much of its lower course", "Below Bratislava it forms")."""
    if len(before) > 4:
        return False
    content = [w for w in before if not is_function_word(w.lower())]
    return len(content) <= 1 and not any(w[:1].islower() and len(w) > 3 for w in content)


def leans_back(text: str, capitalised: frozenset[str] | set[str] = frozenset()) -> Phrase | None:
    """Why ``text`` cannot be understood alone, or None when it can."""
    if BINDING_CONNECTIVE.match(text):
        return Phrase(OPENS_WITH_CONNECTIVE, word=text.split(",", 1)[0].split()[0])
    if RELATIVE_TIME.search(text):
        return Phrase(TIME_FROM_BEFORE)
    if BARE_DEMONSTRATIVE.match(text):
        return Phrase(OPENS_WITH_DEMONSTRATIVE, words=" ".join(text.split()[:2]))
    if POINTING_DEFINITE.match(text):
        return Phrase(EXPLAINED_BY_BEFORE, words=" ".join(text.split()[:2]))
    for match in DEMONSTRATIVE.finditer(text):
        head = match.group(1)
        earlier = text[: match.start()].lower()
        if head in ("who", "which", "that", "whose", "whom"):
            continue  # "Those who emit …": a relative clause says who is meant
        if _is_verb(head) and any(_plural(w) for w in _words(earlier)):
            continue  # "channels …, but these silted up": the plural just named
        if head in EMPTY_HEADS or _stem(head) not in earlier:
            return Phrase(POINTS_BACK, words=match.group(0))
    found = _pronoun_unresolved(text, set(capitalised))
    return Phrase(UNRESOLVED_PRONOUN, word=found) if found else points_back(text)


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _antecedent(head: str, earlier: list[str], capitalised: set[str]) -> str | None:
    """The fullest noun phrase ending in ``head`` in the earlier sentences (latest first):
    "this voyage" after the heading "The Second Voyage" is "the Second Voyage"."""
    for sentence in reversed(earlier):
        words = sentence.split()
        for index in range(len(words) - 1, -1, -1):
            if _stem(words[index].strip(",;:.")) != _stem(head):
                continue
            phrase = _modifiers(words, index) + [words[index].strip(",;:.")]
            phrase += _complement(words, index)
            if len(phrase) < 2:
                continue
            return " ".join(w if _kept_capital(w, capitalised) else w.lower() for w in phrase)
    return None


def _kept_capital(word: str, capitalised: set[str]) -> bool:
    """A heading's or title's word keeps its capital where the article's prose does."""
    bare = word.removesuffix("'s").removesuffix("’s")
    return bare in capitalised or word in capitalised


def _modifiers(words: list[str], index: int) -> list[str]:
    found: list[str] = []
    start = max(0, index - MAX_MODIFIERS)
    for position in range(index - 1, start - 1, -1):
        word = words[position]
        bare = word.strip("“”\"'")
        if bare != word or word.endswith((",", ";", ":")) or bare.lower() in ("the", "a", "an"):
            break
        if position > 0 and words[position - 1].lower() == "to" and is_base_verb(bare):
            break  # "to make ammonia": "this ammonia" is "the ammonia", never "the make ammonia"
        if is_function_word(bare.lower()) or bare.lower() in ("this", "these", "such"):
            break
        if bare.islower() and (_plural(bare) or _only_a_verb(bare)):
            break  # "where banks lend reserves": a clause, not a modifier of "reserves"
        found.insert(0, bare)
    return found


def _complement(words: list[str], index: int) -> list[str]:
    """ "of plate tectonics", "to the East": a short phrase after the head noun, up to a
    function word, a verb or a comma."""
    rest = words[index + 1 : index + 2 + MAX_COMPLEMENT_WORDS]
    if not rest or rest[0] not in ("of", "to") or words[index].endswith((",", ";", ":")):
        return []
    found = [rest[0]]
    for position, word in enumerate(rest[1:]):
        bare = word.strip(",;:.")
        if bare.lower() == "the" and position == 0:
            found.append(bare)
            continue
        if is_function_word(bare.lower()) or (bare.islower() and _is_verb(bare)):
            break
        found.append(bare)
        if bare != word:
            break
    return found if len(found) > 1 and not is_function_word(found[-1].lower()) else []


def _only_a_verb(word: str) -> bool:
    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and not ({"ADJ", "NOUN"} & set(lemmas))


def _plural_present(word: str) -> bool:
    """ "float", "move": a verb form that agrees with a plural subject."""
    return not word.endswith("s") and "VERB" in getAllLemmas(word)


def _is_verb(word: str) -> bool:
    return is_verb_only(word) or is_finite_verb(word)


def _named(text: str, earlier: list[str], capitalised: set[str]) -> str:
    """Demonstratives and pointing definites replaced by the earlier phrase they stand for."""
    for match in list(DEMONSTRATIVE.finditer(text))[:1]:
        head = match.group(1)
        if _inside_quotation(text, match.start()):
            continue  # quoted words are the speaker's: "tear down this wall!" stays as said
        if head in EMPTY_HEADS or " " in match.group(0).split(head)[0].strip():
            continue  # "such a cost": no earlier phrase is sure
        if is_function_word(head) or _only_a_verb(head):
            continue  # "This is why …", "This gave him …": "this" alone, no noun to name
        if match.group(0).lower().startswith("such"):
            continue
        phrase = _antecedent(head, earlier, capitalised)
        if phrase:
            named = phrase[0].upper() + phrase[1:] if match.start() == 0 else phrase
            if match.start() > 0 and not named.lower().startswith("the "):
                named = f"the {named}" if named[:1].islower() else named
            text = text[: match.start()] + named + text[match.end() :]
    opening = re.match(r"^The ([a-z]+)\b", text)
    if opening and POINTING_DEFINITE.match(text):
        phrase = _antecedent(opening.group(1), earlier, capitalised)
        if phrase and " of " in phrase:
            text = "The " + phrase.removeprefix("the ") + text[opening.end() :]
    return text


PLURAL_SUBJECT = re.compile(r"^((?:The )?(?:[a-z][\w\-]* ){0,2}[a-z][\w\-]*[^s\W]s) ([a-z]+)\b")
PLURAL_VERBS = frozenset("are were have had can could will would may might must do did".split())


# "The International Red Cross and Red Crescent Movement is …": a name as the subject.
NAMED_SUBJECT = re.compile(
    r"^((?:The )?[A-Z][\w'’\-]*(?: (?:[A-Z][\w'’\-]*|and|of|for))*) "
    r"(?:is|was|has|had|[a-z]+(?:ed|es|s))\b"
)


def _it_named(text: str, previous: str) -> str:
    """ "It grew from …" after "The International Red Cross and Red Crescent Movement is …":
    the name, when the sentence before opens with one (a name is never plural here)."""
    if not text.startswith("It ") or not previous:
        return text
    found = NAMED_SUBJECT.match(previous)
    name = found.group(1) if found else ""
    # A bare one-word name ("Geneva hosts …") is too often not what "It" stands for.
    if len(name.split()) < 2 or name.split()[-1][:1].islower() or name.endswith("s"):
        return text
    return f"{name}{text[2:]}"


def _they_named(text: str, previous: str) -> str:
    """ "They move …" after "The plates float on …": "The plates move …"."""
    if text.startswith("It "):
        return _it_named(text, previous)
    if not text.startswith("They ") or not previous:
        return text
    found = PLURAL_SUBJECT.match(previous)
    verb = found.group(2) if found else ""
    if not (verb in PLURAL_VERBS or _is_verb(verb) or _plural_present(verb)):
        return text
    subject = found.group(1)
    return f"{subject[:1].upper()}{subject[1:]}{text[4:]}"


def standalone(
    text: str,
    earlier: list[str],
    heading: str = "",
    capitalised: set[str] | None = None,
    before: list[str] | None = None,
    title: str = "",
) -> Resolution:
    """``text`` (a sentence as shown) made to stand alone where that is sure; ``earlier`` are
    the paragraph's sentences before it, as shown, nearest last, where a reference is named;
    ``before`` the sentences a context line may come from (``earlier`` when not given)."""
    capitalised = capitalised or set()
    dropped = DROPPABLE_CONNECTIVE.sub("", text)
    if dropped != text:
        dropped = dropped[:1].upper() + dropped[1:]
    named = _named(dropped, [t for t in (title, heading) if t] + earlier, capitalised)
    named = _they_named(named, earlier[-1] if earlier else "")
    reason = leans_back(named, capitalised)
    if not reason or (not earlier and heading and reason.template == EXPLAINED_BY_BEFORE):
        # The first sentence under a heading: "The decision is taken by …" under "Who
        # Decides" leans on its heading, not on the section before.
        return Resolution(named)
    return Resolution(named, reason, _context(earlier if before is None else before, capitalised))


def _context(earlier: list[str], capitalised: set[str]) -> str:
    """The sentence before; when it leans back too, the one before it as well (at most
    ``MAX_CONTEXT_SENTENCES``); "" when even those do not stand."""
    for count in range(1, MAX_CONTEXT_SENTENCES + 1):
        if len(earlier) < count:
            return ""
        first = earlier[-count]
        if first[:1].islower():
            # A labelled bullet's fragment ("launched in 1843, the first large ship …") names
            # nothing without its label: shown alone it resolves no "she" or "it".
            return ""
        if not leans_back(first, capitalised):
            return " ".join(_sentence(s) for s in earlier[-count:])
    return ""


def _sentence(text: str) -> str:
    text = text.strip()
    # A sentence may end inside its closing quote: '… "tear down this wall!"' takes no stop.
    return text if text.rstrip("\"”’'").endswith((".", "!", "?")) else f"{text}."


def _inside_quotation(text: str, position: int) -> bool:
    """Whether ``position`` falls between an opening and a closing quotation mark."""
    before = text[:position]
    straight = before.count('"') % 2 == 1
    return straight or before.count("“") > before.count("”")


@dataclass(frozen=True)
class StandaloneClaims:
    """Every claim as it can be shown alone, and per claim key why it still leans back and
    the context line that resolves it (absent when none is known)."""

    shown: list[ShownClaim]
    leaning: dict[str, Phrase]
    contexts: dict[str, str]


def standalone_claims(
    all_shown: list[ShownClaim], topics: list[TopicDraft], capitalised: set[str], title: str = ""
) -> StandaloneClaims:
    """Each claim's sentence resolved within its paragraph (its topic's sentences before it,
    and its heading); a later clause shares its sentence's resolution."""
    heading_of = {c.key: t.title for t in topics for c in t.claims}
    topic_of = {c.key: t.key for t in topics for c in t.claims}
    shown, leaning, contexts = [], {}, {}
    earlier: list[str] = []  # the paragraph's sentences, resolved
    # The section's: a context line never comes from across a heading ("Both countries align
    # …" under "Diplomatic Coordination" was shown after a sentence on military exercises).
    reading: list[str] = []
    sentence, topic, done, end = None, None, Resolution(""), 0
    for item in all_shown:
        claim = item.claim
        if claim.sentence != sentence:
            if sentence is not None:
                earlier.append(done.text)
                reading.append(done.text)
            if topic_of.get(claim.key) != topic:
                topic, earlier = topic_of.get(claim.key), []
                if _heading_between(end, claim.sentence_start, heading_of.get(claim.key, "")):
                    reading = []
            sentence, end = claim.sentence, claim.sentence_end
            heading = heading_of.get(claim.key, "")
            done = standalone(item.text, earlier, heading, capitalised, reading, title)
        shown.append(_moved(item, done.text))
        if done.leans_back:
            leaning[claim.key] = done.leans_back
            if done.context:
                contexts[claim.key] = done.context
    return StandaloneClaims(shown, leaning, contexts)


# A label that leads into a list ("Key takeaways:") continues its section: its bullets lean
# on the paragraph before ("- It became a daily custom" after "Tea reached Britain …").
LEAD_IN_LABEL = re.compile(
    r"^(?:(?:key|main) (?:takeaways|points|facts|ideas)|summary|in (?:short|brief)|highlights)$",
    re.IGNORECASE,
)


def _heading_between(end: int, start: int, heading: str) -> bool:
    """A heading line stands between two sentences: the gap holds its text. A headless
    article's paragraphs get made-up topic titles with no line of their own in between."""
    return start - end >= len(heading) > 0 and not LEAD_IN_LABEL.match(heading)


def _moved(item: ShownClaim, text: str) -> ShownClaim:
    """``item`` shown as ``text``, its claim's span moved by what the sentence's start gained."""
    if text == item.text:
        return item
    shift = len(text) - len(item.text)
    start, end = item.span
    start = 0 if start == 0 else max(0, start + shift)
    end = max(start, min(len(text), end + shift))
    return ShownClaim(item.claim, text, (start, end), item.legacy_answer)
