"""Issue 22, point 3: an article's dated events and figures as matching questions, in place
of a second true/false (the second pass on forms beyond the blank)."""

from __future__ import annotations

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_generation import generate_items
from quizapp.core.question_types import QuestionType


def _questions(text: str):
    parsed = parse_article(text)
    return generate_items(extract_topics(parsed), parsed.title)[1]


CANAL = """The Canal
History
Construction of the canal began in 1859 and took ten years.
Troops from Britain occupied Egypt in 1882.
In 1956 President Nasser nationalised the canal company.
"""


def test_three_dated_events_make_a_timeline_in_place_of_a_second_true_false():
    questions = _questions(CANAL)
    timeline = [q for q in questions if q.key.startswith("gen-timeline-")]
    assert len(timeline) == 1
    assert timeline[0].type == QuestionType.MATCHING
    assert timeline[0].pairs == [
        ["In which year did construction of the canal begin?", "1859"],
        ["In which year did troops from Britain occupy Egypt?", "1882"],
        ["In which year did President Nasser nationalise the canal company?", "1956"],
    ]
    home = [q for q in questions if q.claim_key == timeline[0].claim_key]
    # Still at most two questions a claim; the timeline took the true/false's place.
    assert len(home) == 2
    assert not any(q.type == QuestionType.TRUE_FALSE for q in home)


def test_two_dated_events_make_no_timeline():
    two = CANAL.replace("In 1956 President Nasser nationalised the canal company.\n", "")
    assert not any(q.key.startswith("gen-timeline-") for q in _questions(two))


LIBRARY_FIGURES = """Library Report
Staff
The library employed 31 staff.
Volunteers gave 5,800 hours.
Printed books accounted for 148,000 loans.
"""


def test_three_figures_make_a_matching_question_of_their_numbers():
    figures = [q for q in _questions(LIBRARY_FIGURES) if q.key.startswith("gen-figures-")]
    assert len(figures) == 1
    assert figures[0].prompt == "Match each question to the number the article gives."
    assert figures[0].pairs == [
        ["How many staff did the library employ?", "31"],
        ["How many hours did volunteers give?", "5,800"],
        ["How many loans did printed books account for?", "148,000"],
    ]
