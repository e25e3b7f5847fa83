"""Issue 22, fifth pass, questions: each failure case reviewers found at first look on the
unseen-3 readings, in the shape of the reading's sentence.

1. False options and statements broken or false by their look (which-statement, true/false).
2. Context lines that give a year away or refute a false year.
3. When-rephrases that lose their subject or take a participle for the verb.
4. Answers shown by another heading's number or by a formula's count.
"""

from __future__ import annotations

import pytest

from quizapp.core.answer_targets import ArticleFacts
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.answer_shown import shows_its_answer
from quizapp.core.item_forms.asides import aside_year_question
from quizapp.core.item_forms.quantities import year_question
from quizapp.core.item_generation import generate_items
from quizapp.core.item_variants import false_statement
from quizapp.core.question_types import QuestionType


def _false(sentence: str, context: str = "") -> str | None:
    facts = ArticleFacts.build("The Reading", [sentence])
    return false_statement(sentence, facts, seed=7, context=context)


# --- 1. false forms that refute themselves or break the sentence ---------------------------


@pytest.mark.parametrize(
    ("sentence", "give_away"),
    [
        # the formula counts the atoms: "eight atoms in a molecule of nitrogen gas (N2)"
        ("The two atoms in a molecule of nitrogen gas (N2) are held together by a bond", "(N2)"),
        # "long" of time: "farmers have short grown clover" is no English
        ("This is why farmers have long grown clover or beans in rotation", "short grown"),
        # "short of" is an idiom: "otherwise long of oxygen"
        (
            "In soils that are waterlogged or otherwise short of oxygen, bacteria use nitrate",
            "long of",
        ),
        # the world's known trend: "glaciers are shrinking as the climate cools"
        ("The glaciers that feed the rivers are shrinking as the climate warms", "cools"),
        # a quoted slogan: "rich country, weak army"
        ('Under the slogan "rich country, strong army", Japan built up its industry', "weak"),
        # a rank: "the fourth-smallest lake in the world"
        ("The sea was once the fourth-largest lake in the world", "smallest"),
        # the list before the number counts it: "… compass as six inventions"
        (
            "Bacon named printing, gunpowder and the magnetic compass as three inventions",
            "compass as",
        ),
        # "dust from the wet seabed"
        ("Winds now carry salt and dust from the dry seabed", "wet"),
    ],
)
def test_a_false_form_never_refutes_itself(sentence, give_away):
    changed = _false(sentence)
    if changed is None:
        return
    if give_away in ("(N2)", "compass as"):
        # the count may not change; another part of the sentence may
        assert [w for w in sentence.split() if w in ("two", "three")] == [
            w for w in changed.split() if w in ("two", "three")
        ], changed
    else:
        assert give_away not in changed, changed


def test_a_false_year_keeps_its_side_of_the_context_lines_years():
    # "In July 1853 … He returned the next year …, and in 1848 the shogunate signed …"
    context = "In July 1853 Commodore Perry sailed into Edo Bay with four warships."
    sentence = "He returned the next year with a larger fleet, and in 1854 the shogunate signed it"
    for seed in range(20):
        facts = ArticleFacts.build("The Reading", [sentence])
        changed = false_statement(sentence, facts, seed=seed, context=context)
        assert changed is None or "in 18" not in changed or int(changed.split(" in ")[1][:4]) > 1853


# --- 2 and 4. answers given away by a context line, a heading's number or a formula ----------


def _blank(prompt: str, answer: str) -> QuestionDraft:
    return QuestionDraft(
        key="gen-fill-x-1",
        claim_key="x-1",
        type=QuestionType.FILL_BLANK,
        prompt=prompt,
        explanation="",
        accepted=[answer],
    )


def test_a_year_the_sentence_works_out_from_the_context_line_is_shown():
    # "November 1867 … On 3 January _____ the restoration was proclaimed" -> 1868
    sentence = "On 3 January 1868 the restoration was proclaimed"
    blank = _blank("Fill in the blank: On 3 January _____ the restoration was proclaimed.", "1868")
    context = "In November 1867 the last shogun handed back power."
    assert shows_its_answer(blank, "Rule", context, sentence)
    # "July 1853 … He returned the next year, and in _____" -> 1854
    sentence = "He returned the next year with a larger fleet, and in 1854 the shogunate signed"
    blank = _blank(f"Fill in the blank: {sentence.replace('1854', '_____')}.", "1854")
    assert shows_its_answer(blank, "Rule", "In July 1853 Perry sailed into Edo Bay.", sentence)


def test_a_year_only_near_the_context_lines_still_needs_the_article():
    # "In 1889 Japan adopted a written constitution." then "… which first met in _____" (1890):
    # reviewers marked it fine; 1889 is a lure, not a give-away.
    sentence = "It created a parliament called the Imperial Diet, which first met in 1890"
    blank = _blank(f"Fill in the blank: {sentence.replace('1890', '_____')}.", "1890")
    context = "In 1889 Japan adopted a written constitution."
    assert not shows_its_answer(blank, "Saigo Takamori", context, sentence)


def test_a_count_spelled_by_a_formula_in_the_prompt_is_shown():
    # "The _____ atoms in a molecule of nitrogen gas (N2)" -> two
    blank = _blank("Fill in the blank: The _____ atoms in a molecule of nitrogen gas (N2).", "two")
    assert shows_its_answer(blank)


def _items(text: str):
    parsed = parse_article(text)
    return generate_items(extract_topics(parsed), parsed.title)


WATER = """Water and Power in Central Asia
Summary
Two great rivers carry most of the water on which the five former Soviet republics depend.
Two Rivers, Five States
The Amu Darya begins in the Pamirs and forms part of the border with Afghanistan.
"""


def test_a_number_another_heading_holds_is_no_blank():
    # "the _____ former Soviet republics" under the article's heading "Two Rivers, Five States"
    _, questions = _items(WATER)
    answers = {a.lower() for q in questions for a in q.accepted}
    assert not answers & {"two", "five", "2", "5"}, answers


PERRY = """Opening
Rule
In July 1853 Commodore Matthew Perry sailed into Edo Bay with four warships. \
He returned the next year with a larger fleet, and in 1854 the shogunate signed a treaty.
"""


def test_the_next_years_date_after_a_context_line_is_not_asked():
    _, questions = _items(PERRY)
    for question in questions:
        assert "1854" not in question.accepted
        assert not any(c.get("correct") and c["text"] == "1854" for c in question.choices)


# --- 3. when-rephrases that lose their subject ------------------------------------------------


def test_a_bare_act_noun_gets_no_when_question():
    # "Construction began in 1976" -> "In which year did construction begin?" (of what?)
    assert year_question("Construction began in 1976, in the Soviet era", set()) is None
    found = year_question("Construction of the canal began in 1859", set())
    assert found and found.prompt == "In which year did construction of the canal begin?"


def test_a_participle_is_not_taken_for_the_verb():
    # "a commercial treaty negotiated by … Harris went further" -> "did … negotiate by … went"
    sentence = "In 1858 a commercial treaty negotiated by the consul Townsend Harris went further"
    assert year_question(sentence, set()) is None


def test_an_aside_after_a_phrases_last_name_is_the_phrases():
    # "The Karakum Canal in Turkmenistan, begun in 1954" -> "was Turkmenistan begun?"
    sentence = "The Karakum Canal in Turkmenistan, begun in 1954, is 1,000 kilometres long"
    assert aside_year_question(sentence) is None
    found = aside_year_question("Lübeck, founded in 1143, led the league")
    assert found and found.prompt == "In which year was Lübeck founded?"


GAS = """Nitrogen
A Plentiful Gas
The two atoms in a molecule of nitrogen gas (N2) are held together by a very strong triple bond.
"""


def test_neither_a_formula_nor_the_count_it_spells_is_a_blank():
    # "The _____ atoms in a molecule of nitrogen gas (N2)" and "nitrogen gas (_____)"
    _, questions = _items(GAS)
    answers = {a.lower() for q in questions for a in q.accepted}
    assert not answers & {"two", "2", "n2"}, answers
