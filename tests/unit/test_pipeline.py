"""The content pipeline: parse, claims, generated items (no app, no database)."""

from __future__ import annotations

from quizapp import ROOT
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import claim_problem, extract_topics, key_terms
from quizapp.core.item_generation import generate_items
from quizapp.core.question_types import QuestionType

ARTICLE = (ROOT / "seed" / "article-russia-pivot-east.txt").read_text(encoding="utf-8")

PROSE = """A Short History of Tea
Tea was first drunk in China as a medicine. Traders later carried it along the Silk Road, \
and by the seventeenth century it had reached Europe.

Tea in Britain
The East India Company imported tea in large amounts. Afternoon tea became a custom in the \
nineteenth century, popularised by the Duchess of Bedford.
"""


def test_parse_finds_title_sections_bullets_and_keywords():
    parsed = parse_article(ARTICLE)
    assert parsed.title.startswith("Russia's Pivot to the East")
    headings = [s.heading for s in parsed.sections]
    assert headings == [
        None,
        "Strengthening Sino-Russian Relations",
        "Engagement with North Korea",
        "Implications of Russia's Eastern Pivot",
        "Conclusion",
        "Long-Tail Keywords:",
    ]
    labels = [b.label for s in parsed.sections for b in s.blocks if b.label]
    assert len(labels) == 9 and "Economic Resilience" in labels
    assert "Russia China relations analysis" in parsed.keywords
    for section in parsed.sections:
        for block in section.blocks:
            assert ARTICLE[block.start : block.start + len(block.text)] == block.text


def test_claims_are_verbatim_spans_and_keywords_are_not_claims():
    topics = extract_topics(parse_article(ARTICLE))
    claims = [c for t in topics for c in t.claims]
    assert len(claims) >= 30
    assert len({c.key for c in claims}) == len(claims)
    for claim in claims:
        assert ARTICLE[claim.start : claim.end] == claim.quote
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
    assert not any("relations analysis" in c.quote for c in claims)


def test_topics_cover_every_section_and_bullet_label():
    topics = extract_topics(parse_article(ARTICLE))
    titles = [t.title for t in topics]
    assert len(topics) >= 12
    assert titles[0] == "Overview" and titles[-1] == "Conclusion"
    economic = next(t for t in topics if t.title == "Economic Resilience")
    assert economic.parent_key == "implications-of-russias-eastern-pivot"


def test_sentence_split_keeps_abbreviations_together():
    topics = extract_topics(parse_article(ARTICLE))
    quotes = [c.quote for t in topics for c in t.claims]
    assert any("counter U.S. influence, both nations" in q for q in quotes)


def test_key_terms_prefer_proper_noun_phrases():
    terms = key_terms("Key projects include the Power of Siberia gas pipeline")
    assert terms == ("Power of Siberia",)
    assert key_terms("including food and energy supplies") == ("supplies",)


def test_every_claim_has_a_card_and_questions_point_to_usable_claims():
    topics = extract_topics(parse_article(ARTICLE))
    claims = {c.key: c for t in topics for c in t.claims}
    cards, questions = generate_items(topics, "Russia's Pivot")
    usable = {k for k, c in claims.items() if claim_problem(c) is None}
    # Every claim has a card but three whose only cue was a stub that pins nothing ("Russia's
    # engagement is _____", "There have been …", "This alignment challenges …"): eighth pass.
    stubs = {"engagement-with-north-korea-2", "labor-cooperation-1", "geopolitical-realignment-1"}
    assert {c.claim_key for c in cards} == set(claims) - stubs
    # A claim that points back is asked only with the sentence before as its context line, or
    # with its reference named ("This pivot" -> "Russia's pivot to the East").
    for question in questions:
        if question.claim_key not in usable and not question.prompt.startswith("(Context: "):
            opening = " ".join(claims[question.claim_key].quote.split()[:2])
            assert opening not in question.prompt, question.prompt
    # No two cards alike: a sentence card only when no cloze shows the same sentence.
    fronts = [c.front for c in cards]
    assert len(fronts) == len(set(fronts))
    for question in questions:
        assert question.claim_key in claims
        assert question.quote and question.quote in ARTICLE


def test_generated_fill_blank_answers_come_from_the_claim():
    topics = extract_topics(parse_article(ARTICLE))
    claims = {c.key: c for t in topics for c in t.claims}
    _, questions = generate_items(topics)
    fills = [q for q in questions if q.type == QuestionType.FILL_BLANK]
    assert fills
    for q in fills:
        assert q.accepted[0] in claims[q.claim_key].quote
        assert q.prompt.count("_____") == 1


def test_generated_false_statements_change_the_claim_not_the_frame():
    topics = extract_topics(parse_article(ARTICLE))
    claims = {c.key: c for t in topics for c in t.claims}
    _, questions = generate_items(topics)
    falses = [q for q in questions if q.type == QuestionType.TRUE_FALSE and not q.answer_bool]
    assert falses
    for q in falses:
        statement = q.prompt.split(": ", 1)[1].rstrip(".")
        assert statement not in claims[q.claim_key].quote
        assert "under the heading" not in q.prompt


def test_single_choice_questions_have_exactly_one_correct_choice():
    _, questions = generate_items(extract_topics(parse_article(ARTICLE)))
    for q in questions:
        if q.type == QuestionType.SINGLE_CHOICE:
            assert sum(c["correct"] for c in q.choices) == 1


def test_prose_article_without_bullets_still_gives_topics_claims_and_items():
    parsed = parse_article(PROSE)
    topics = extract_topics(parsed)
    assert [t.title for t in topics] == ["Overview", "Tea in Britain"]
    claims = [c for t in topics for c in t.claims]
    assert len(claims) >= 4
    for claim in claims:
        assert PROSE[claim.start : claim.end] == claim.quote
    cards, questions = generate_items(topics, parsed.title)
    assert len(cards) >= 3
    assert any(q.type == QuestionType.FILL_BLANK for q in questions)
