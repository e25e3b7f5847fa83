"""A claim whose sentence leans on the one before gets a blank shown after that sentence,
only where that sentence resolves it (``item_forms.leaning``)."""

from __future__ import annotations

from quizapp.core.aliases import AnswerContext
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import ClaimDraft, extract_topics
from quizapp.core.item_forms.leaning import KEY_PREFIX, context_resolves, leaning_question
from quizapp.core.item_generation import generate_items
from quizapp.core.subjects import ShownClaim

KNOWN_AS = "That date is now celebrated as the Day of Forest Planting."
BEFORE_KNOWN_AS = "In 1872 the state council set aside 10 April for planting trees."


def _shown(sentence: str) -> ShownClaim:
    claim = ClaimDraft("t-1", "t", sentence, 0, len(sentence), 0, len(sentence), (), sentence)
    return ShownClaim(claim, sentence, (0, len(sentence.rstrip("."))))


def _asked(sentence: str, context: str, heading: str = "Ecology"):
    return leaning_question(_shown(sentence), context, AnswerContext.of_text(""), heading)


def test_a_this_sentence_gets_a_blank_on_its_own_term():
    question = _asked(KNOWN_AS, BEFORE_KNOWN_AS)
    assert question is not None
    assert question.key == f"{KEY_PREFIX}t-1"
    assert "Forest Planting" in question.accepted
    assert question.prompt == "Fill in the blank: That date is now celebrated as the Day of _____."


def test_no_blank_whose_answer_the_context_line_holds():
    context = "In 1872 the council named 10 April the Day of Forest Planting."
    question = _asked(KNOWN_AS, context)
    assert question is None or "Forest Planting" not in question.accepted


def test_no_blank_whose_answer_the_heading_holds():
    question = _asked(KNOWN_AS, BEFORE_KNOWN_AS, heading="Forest Planting")
    assert question is None or "Forest Planting" not in question.accepted


def test_a_context_of_two_sentences_leans_back_further():
    two = f"Nebraska had few trees. {BEFORE_KNOWN_AS}"
    assert not context_resolves(KNOWN_AS, two)
    assert _asked(KNOWN_AS, two) is None


def test_a_context_that_itself_leans_back_resolves_nothing():
    assert not context_resolves(KNOWN_AS, "That year it set aside 10 April for planting trees.")


def test_no_context_no_question():
    assert _asked(KNOWN_AS, "") is None


def test_a_he_needs_a_person_named_in_full_as_the_context_s_subject():
    sentence = "The book ends with a famous sentence in which he describes how forms evolved."
    assert not context_resolves(sentence, "Darwin then wrote a shorter version of his work.")
    assert not context_resolves(sentence, "The Origin of Species was published in 1859.")
    assert context_resolves(sentence, "In 1859 Charles Darwin published a shorter version.")


def test_a_he_the_sentence_names_itself_needs_no_person_before():
    sentence = "There Charles Darwin collected finches, and he was told about the tortoises."
    assert context_resolves(sentence, "In September 1835 the ship reached the islands.")


def test_a_they_needs_a_plural_in_the_context():
    sentence = "They include the Inuit Circumpolar Council and the Saami Council."
    assert context_resolves(sentence, "Six organisations take part as Permanent Participants.")
    assert not context_resolves(sentence, "The Council was founded in 1996.")


def test_a_sentence_about_the_text_itself_is_resolved_by_none():
    sentence = "This brief describes the main forum for cooperation in the region."
    assert not context_resolves(sentence, "The sea ice is retreating fast.")


def test_a_claim_inside_its_sentence_gets_no_leaning_blank():
    sentence = f"{KNOWN_AS[:-1]}, and schools plant trees on it."
    shown = _shown(sentence)
    later = ClaimDraft(
        "t-2", "t", "and schools plant trees on it", 60, len(sentence), 0, len(sentence), ()
    )
    moved = ShownClaim(later, shown.text, (60, len(sentence)))
    assert leaning_question(moved, BEFORE_KNOWN_AS, AnswerContext.of_text("")) is None


ARTICLE = """Trees on the Plains

## A new holiday

In 1872 the state council set aside 10 April for planting trees. That date is now \
celebrated as the Day of Forest Planting.
"""


def test_the_article_s_leaning_claim_is_asked_after_its_context_line():
    parsed = parse_article(ARTICLE)
    _, questions = generate_items(extract_topics(parsed), parsed.title)
    leaning = [q for q in questions if q.key.startswith(KEY_PREFIX)]
    assert len(leaning) == 1
    assert leaning[0].prompt.startswith(f"(Context: {BEFORE_KNOWN_AS}) Fill in the blank: ")
    assert "Forest Planting" in leaning[0].accepted


def test_no_blank_cut_inside_a_quotation():
    sentence = 'Its last line promised that "trees shall be planted to strengthen the young state."'
    question = _asked(sentence, "In 1872 the state council issued a charter for the plains.")
    assert question is None or not any('"' in a or "”" in a for a in question.accepted)


def test_no_blank_on_a_lone_verb_a_student_could_swap():
    sentence = "The theory explains where most earthquakes happen and how mountain ranges rise."
    context = "Plate tectonics is the theory that the outer shell is broken into plates."
    question = _asked(sentence, context)
    assert question is None or "rise" not in question.accepted


def test_a_long_sentence_that_explains_its_own_blank_gets_none():
    sentence = (
        "The two groups need water at different times of year: the downstream states need it "
        "released in summer, when crops grow, while the upstream states would rather store it "
        "in summer and release it through their turbines in winter, when demand is highest."
    )
    context = "Uzbekistan and Kazakhstan lie downstream, where farming needs irrigation."
    assert _asked(sentence, context) is None


def test_a_forecast_gets_no_blank():
    sentence = "As these ties evolve, their impact on trade will warrant close observation."
    context = "The new ties with its neighbours are reshaping the region's trade."
    assert _asked(sentence, context) is None
