"""The parser's headings (Markdown, "Label:" lead-ins) and the segmentation of headless prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import OVERVIEW_TITLE, extract_topics
from quizapp.core.segmentation import group_paragraphs, label_groups, topic_count
from quizapp.core.sentences import sentence_bounds

GARDEN = Path(__file__).with_name("garden_prose.txt")


def test_markdown_headings_and_colon_lead_ins_are_headings_not_claims():
    text = (
        "# Title\n\n## The hive\n\nBees live in hives of many thousands.\n\n"
        "Key facts:\n\nA queen lays the eggs.\n"
    )
    parsed = parse_article(text)
    assert parsed.title == "Title"
    assert [s.heading for s in parsed.sections] == ["The hive", "Key facts"]
    quotes = [c.quote for t in extract_topics(parsed) for c in t.claims]
    assert not any("Key facts" in q or "hive\n" in q for q in quotes)


def test_a_long_sentence_ending_in_a_colon_stays_prose():
    text = "Title\n\nThe relationship has grown stronger across many different sectors:\n"
    (section,) = parse_article(text).sections
    assert [b.kind for b in section.blocks] == ["paragraph"]
    assert section.heading == "Relationship"  # named by its noun phrase, not by the sentence


def test_prose_without_headings_becomes_several_labelled_topics():
    parsed = parse_article(GARDEN.read_text())
    topics = extract_topics(parsed)
    titles = [t.title for t in topics]
    assert len(topics) >= 3
    assert OVERVIEW_TITLE not in titles
    assert len({t.key for t in topics}) == len(topics)
    assert all(t.claims for t in topics)
    # Every claim is still the article's text at its offsets.
    for topic in topics:
        for claim in topic.claims:
            assert parsed.text[claim.start : claim.end] == claim.quote


def test_topic_counts_by_length():
    assert [topic_count(n) for n in (1, 2, 4, 5, 9, 12, 60)] == [1, 2, 2, 3, 3, 4, 10]


def test_groups_cut_where_the_vocabulary_changes():
    paragraphs = [
        "Bees visit herbs. Bees make honey in hives.",
        "The hives hold bees and honey.",
        "Rainwater fills barrels. Barrels feed the drip hose.",
        "The drip hose waters tomatoes from the barrels.",
        "Tomatoes are weighed on Friday. Tomatoes are sold.",
        "The tomato harvest was forty kilograms of tomatoes.",
    ]
    assert group_paragraphs(paragraphs) == [[0, 1], [2, 3], [4, 5]]


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_bounds(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hannibal crossed the Alps c. 218 BC with his elephants.",  # "c. 218 BC" split at "c."
        "The lake holds approx. 5 cubic kilometres of water.",
        "Trade fell, e.g. in grain and timber, after the war.",
        "The U.S. dollar lost ground in bilateral trade.",
        "The theory of J. M. Keynes changed economic policy.",
        "The minister lived at No. 5 Downing Street for years.",
        "The fire destroyed St. Paul's Cathedral in 1666.",
        "He wrote the report (see p. 12) before the vote.",
    ],
)
def test_abbreviations_initials_and_circa_do_not_end_a_sentence(sentence):
    text = f"{sentence} The next sentence starts here."
    assert _sentences(text) == [sentence, "The next sentence starts here."]


def test_sentence_ends_are_found_after_acronyms_quotes_and_at_block_ends():
    text = 'Troops left the U.S. The war ended. She said "no." Then she left! Key facts:'
    assert _sentences(text) == [
        "Troops left the U.S.",
        "The war ended.",
        'She said "no."',
        "Then she left!",
        "Key facts:",
    ]


def test_a_which_clause_keeps_its_sentence_and_a_colon_inside_a_line_does_not_cut_it():
    text = (
        "Title\n\n## Arctic gas\n\n"
        "Its flagship project stands in the far north: the Yamal LNG plant at Sabetta, which "
        "ships gas to Asia. House bees add the enzyme invertase, which splits the sucrose.\n"
    )
    parsed = parse_article(text)
    quotes = [c.quote for t in extract_topics(parsed) for c in t.claims]
    assert quotes == [
        "Its flagship project stands in the far north: the Yamal LNG plant at Sabetta, which "
        "ships gas to Asia",
        "House bees add the enzyme invertase, which splits the sucrose",
    ]


def test_prose_topics_are_named_by_whole_noun_phrases_as_headings():
    groups = [
        "The burning of fossil fuels releases carbon dioxide. Power stations depend on the "
        "burning of fossil fuels, and the burning of fossil fuels warms the planet.",
        "Ships cross the Laptev Sea in summer. Ice covers the Laptev Sea for nine months, and "
        "the Laptev Sea route is short.",
        "Soil erosion strips farmland. Heavy rain speeds the soil erosion on bare fields, and "
        "roots slow the soil erosion.",
    ]
    # Not "Burning of fossil", "Laptev" and "Soil".
    assert label_groups(groups) == ["Fossil Fuels", "Laptev Sea", "Soil Erosion"]


def test_a_verb_after_a_noun_does_not_end_a_topic_name():
    groups = [
        "The water content falls as bees fan their wings. Bees lower the water content further.",
        "The sun turns liquid water into vapour. Liquid water also seeps into the ground.",
    ]
    assert label_groups(groups) == ["Water Content", "Liquid Water"]


def test_a_bare_noun_phrase_in_a_list_is_not_a_claim():
    text = (
        "Title\n\n## Arctic gas\n\nRussia ships liquefied gas from two large Arctic plants.\n\n"
        "- The Yamal LNG plant at Sabetta\n- Arctic LNG 2 on the Gydan peninsula\n"
        "- The plants ship most of their cargo to China and India.\n"
    )
    quotes = [c.quote for t in extract_topics(parse_article(text)) for c in t.claims]
    assert quotes == [
        "Russia ships liquefied gas from two large Arctic plants",
        "The plants ship most of their cargo to China and India",
    ]


def test_a_short_statement_ending_in_a_colon_is_a_claim_not_a_heading():
    text = (
        "Report\n\n## Loans\n\nTotal loans reached 231,000 items:\n\n"
        "- Printed Books: Printed books made up 160,000 loans.\n"
        "- E-books: E-book loans rose by a third.\n\n"
        "## The Two Stages\n\nPhotosynthesis runs in two linked stages:\n\n"
        "- Light Reactions: Light splits water in the thylakoids.\n\n"
        "Key facts:\n\n- Leaves look green because they reflect green light.\n"
    )
    parsed = parse_article(text)
    assert [s.heading for s in parsed.sections] == ["Loans", "The Two Stages", "Key facts"]
    quotes = [c.quote for t in extract_topics(parsed) for c in t.claims]
    assert "Total loans reached 231,000 items" in quotes
    assert "Photosynthesis runs in two linked stages" in quotes


def test_a_topic_is_named_by_what_it_is_about_not_when_nor_by_half_a_name():
    groups = [
        "The fire began on 2 September in a bakery. On 3 September it reached the river. By "
        "5 September Wren had plans for the new St Paul's Cathedral.",
        "In its final years the canal company sold shares. During those final years the canal "
        "company lost money, and in its final years it closed.",
    ]
    assert label_groups(groups) == ["St Paul's Cathedral", "Canal Company"]


def test_a_heading_said_twice_keeps_every_claim():
    text = (
        "T\n\n## Notes\n\nBees make honey in the summer months.\n\n"
        "## Notes\n\nWasps eat the honey in the autumn.\n"
    )
    (topic,) = extract_topics(parse_article(text))
    assert [(c.key, c.quote) for c in topic.claims] == [
        ("notes-1", "Bees make honey in the summer months"),
        ("notes-2", "Wasps eat the honey in the autumn"),
    ]
