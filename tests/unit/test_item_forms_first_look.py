"""Faults that teachers found at first look on the rebuilt generator (issue 22), each named
after the item that showed it."""

from __future__ import annotations

from collections import Counter

from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_forms.asides import aside_year_question
from quizapp.core.item_forms.phrase_cloze import PhraseCloze, phrase_cloze
from quizapp.core.item_forms.quantities import year_question
from quizapp.core.item_forms.recall import recall_card
from quizapp.core.item_forms.terms import called_question
from quizapp.core.item_generation import generate_items
from quizapp.core.item_headings import MAX_HEADING_QUESTIONS_PER_SET, heading_question
from quizapp.core.subjects import it_resolved, shown_claims

COOK = {"Cook", "Royal Society", "Venus", "Sun", "Tahiti", "England", "HMS Endeavour"}


def test_a_when_question_refuses_a_year_that_dates_an_infinitive_of_its_own():
    # 1769 is the year of the transit of Venus; the voyage was planned (and sailed) earlier.
    assert (
        year_question(
            "The voyage was planned with the Royal Society to observe the transit of Venus "
            "across the Sun from Tahiti in June 1769.",
            COOK,
        )
        is None
    )


def test_a_when_question_is_not_asked_of_an_event_that_happens_more_than_once():
    # Cook returned to England after his first voyage (1771) and again after his second (1775).
    assert year_question("Cook returned to England in 1771.", COOK) is None


def test_a_when_question_still_asks_the_main_verbs_own_year():
    asked = year_question("Cook's third voyage began in 1776.", COOK)
    assert asked is not None
    assert asked.answer == "1776"


def test_a_recall_card_blanks_a_whole_phrase_not_the_rest_after_a_stub():
    # "The ships returned …" / "… to Hawaii for the winter": the front pinned no answer.
    card = recall_card("The ships returned to Hawaii for the winter.", (0, 43))
    assert card is not None
    assert card.front == "The ships returned to _____ for the winter."
    assert card.back == "Hawaii"


def test_a_recall_card_never_cuts_inside_a_noun_phrase():
    # "Continental crust is …", "In his spare …", "Power plants …": cut after one to three words.
    for sentence, front, back in (
        (
            "Continental crust is thicker and less dense, so it floats higher and rarely sinks.",
            "Continental crust is _____, so it floats higher and rarely sinks.",
            "thicker and less dense",
        ),
        (
            "In his spare time he studied mathematics and navigation.",
            "In his spare time he studied _____.",
            "mathematics and navigation",
        ),
        (
            "The rains finally returned at the end of the decade.",
            "The rains finally returned at _____.",
            "the end of the decade",
        ),
    ):
        found = phrase_cloze(sentence)
        assert found == PhraseCloze(front, back), sentence


def test_a_recall_card_blanks_no_clause_verb_or_pointing_phrase():
    # "Most geologists think _____, however, is slab pull", "Economists call such a cost …",
    # "new crust also slides away", "had been _____ (joined)": none pins a phrase.
    assert phrase_cloze("Economists call such a cost an externality.") is None
    found = phrase_cloze(
        "Most geologists think the largest single force, however, is slab pull: the cold, "
        "dense edge of a subducting plate sinks."
    )
    assert found is None or found.back != "the largest single force"
    ridge = phrase_cloze(
        "At the ridges, the raised new crust also slides away under its own weight, an effect "
        "known as ridge push."
    )
    assert ridge is not None and ridge.back == "its own weight"


def _shown(text: str) -> dict[str, str]:
    parsed = parse_article(text)
    return {s.claim.quote: s.text for s in shown_claims(extract_topics(parsed), parsed.title)}


def _items(text: str):
    parsed = parse_article(text)
    return generate_items(extract_topics(parsed), parsed.title)


COOK_TEXT = """James Cook: Navigator of the Pacific

James Cook was a British navigator who led three voyages of exploration across the Pacific.

From Farm to Sea

Cook was born in 1728 in the village of Marton in Yorkshire. As a young man he was apprenticed \
to John Walker, a shipowner in the port of Whitby. In his spare time he studied mathematics and \
navigation. In January 1773 his two ships made the first recorded crossing of the Antarctic \
Circle. With HMS Resolution and HMS Discovery, he set out to find a Northwest Passage.
"""

PLATES_TEXT = """Plate Tectonics

Plate tectonics is the theory that the outer shell of the Earth is split into plates.

The Layers Involved

The lithosphere, the rigid outer layer of the Earth, is made of the crust and the uppermost \
part of the mantle. It is broken into seven or eight major plates and many smaller ones. Beneath \
it lies the asthenosphere, a hotter and weaker layer of the upper mantle.

Drifting Continents

In 1912 the German scientist Alfred Wegener proposed an idea known as continental drift. He \
pointed to the way the coasts of South America and Africa fit together.
"""


def test_a_he_or_his_a_few_words_in_is_the_person_the_article_is_about():
    # "As a young man he was apprenticed", "his two ships", "…, he set out": no antecedent shown.
    shown = " ".join(_shown(COOK_TEXT).values())
    assert "As a young man James Cook was apprenticed" in shown
    assert "In his spare time James Cook studied" in shown
    assert "In January 1773 James Cook's two ships made" in shown
    assert "With HMS Resolution and HMS Discovery, James Cook set out" in shown


def test_an_it_is_the_subject_of_the_sentence_before_and_he_the_person_it_introduced():
    # "It is broken into …", "Beneath it lies …", "He pointed …": unresolved at first look.
    shown = " ".join(_shown(PLATES_TEXT).values())
    assert "The lithosphere is broken into seven or eight major plates" in shown
    assert "Beneath the lithosphere lies the asthenosphere" in shown
    assert "Alfred Wegener pointed to the way" in shown


def test_an_it_that_stands_for_nothing_or_for_a_plural_stays():
    assert it_resolved("It is thought that the plates move", "The lithosphere is rigid.") == (
        "It is thought that the plates move"
    )
    assert it_resolved("It is slow", "The plates ride on the asthenosphere.") == "It is slow"


def test_a_card_that_points_back_with_such_shows_the_sentence_before():
    # "Economists call …" / "… such a cost an externality": which cost was never said.
    cards, _ = _items(
        "Prices\n\nCarbon Costs\n\nThose who emit carbon dioxide do not pay for the damage it "
        "causes, so they have little reason to cut it. Economists call such a cost an "
        "externality.\n"
    )
    front = next(c.front for c in cards if "Economists call" in c.front)
    assert "do not pay for the damage" in front


LIFE_TEXT = """James Cook: Navigator of the Pacific

James Cook was a British navigator who led three voyages of exploration across the Pacific.

From Farm to Sea

Cook was born in the village of Marton in Yorkshire, the son of a farm labourer. In his spare \
time Cook studied mathematics and navigation.

The First Voyage

Cook was given command of HMS Endeavour, a former Whitby collier. Cook charted the coastline of \
New Zealand and the east coast of Australia.

The Second Voyage

Cook commanded HMS Resolution and crossed the Antarctic Circle. Cook charted islands of the \
southern ocean and tested a marine chronometer.

The Third Voyage

Cook set out to find a Northwest Passage around the north of the American continent. Cook \
charted the northwest coast of North America and sailed through the Bering Strait.
"""


def _heading_questions(text: str) -> list[str]:
    """The which-heading questions of a claim that has other questions too (the strict rule)."""
    parsed = parse_article(text)
    topics = extract_topics(parsed)
    topic_of = {c.key: t for t in topics for c in t.claims}
    asked: Counter[str | None] = Counter()
    found = []
    for shown in shown_claims(topics, parsed.title):
        question = heading_question(topic_of[shown.claim.key], shown, topics, asked)
        if question:
            found.append(question.prompt)
    return found


def test_a_which_heading_question_needs_another_heading_that_lures():
    # "In his spare time he studied mathematics and navigation": only the early-life heading
    # fits, guessable without the article.
    asked = _heading_questions(LIFE_TEXT)
    assert not any("spare time" in prompt for prompt in asked)


def test_at_most_two_which_heading_questions_for_one_set_of_headings():
    # Ten in one article at first look.
    assert 1 <= len(_heading_questions(LIFE_TEXT)) <= MAX_HEADING_QUESTIONS_PER_SET


def _claims(text: str) -> list[str]:
    return [c.quote for t in extract_topics(parse_article(text)) for c in t.claims]


def test_a_clause_with_no_statement_of_its_own_keeps_its_sentence():
    # "hoping that …", "showing that …", "with HMS Adventure as a companion ship", "On 14
    # February 1779" and a subject with no verb stood as claims at first look.
    text = (
        "Cook\n\nVoyages\n\nMany farmers responded by ploughing still more land, hoping that "
        "larger harvests would make up for lower prices. After Tahiti he spent six months "
        "charting the coastline of New Zealand, showing that it consisted of two main islands. "
        "On his second voyage Cook commanded HMS Resolution, with HMS Adventure as a companion "
        "ship. On 14 February 1779, during a confrontation over a stolen boat at Kealakekua Bay, "
        "Cook was killed. Magnetic stripes in the rocks on either side of the ridges, recording "
        "reversals of the magnetic field, confirmed it.\n"
    )
    claims = _claims(text)
    assert len(claims) == 5, claims
    assert not any(
        c.startswith(("hoping", "showing", "with", "during", "recording")) for c in claims
    )


def test_the_line_under_a_markdown_title_is_its_subtitle_not_a_claim():
    # "A policy brief on making emitters pay …" stood as the first claim.
    text = (
        "Pricing Carbon: Lessons from Three Decades\nA policy brief on making emitters pay for "
        "the greenhouse gases they release\n\n## Overview\n\nCarbon pricing puts a cost on each "
        "tonne of carbon dioxide released into the air.\n"
    )
    parsed = parse_article(text)
    assert parsed.subtitle and parsed.subtitle.startswith("A policy brief")
    assert not any("policy brief" in c for c in _claims(text))


def test_a_when_question_never_drops_the_noun_after_a_possessive():
    # "In which year did James Cook's reach England?": "crew" was dropped.
    asked = aside_year_question(
        "James Cook's crew completed the voyage and reached England in 1780"
    )
    assert asked is None or "crew" in asked.prompt


def test_an_imperatives_recall_card_blanks_its_object():
    # "Pair a high domestic price with a border adjustment …" cut after its verb's object.
    found = phrase_cloze(
        "Pair a high domestic price with a border adjustment so that industry does not simply "
        "move abroad"
    )
    assert found is not None and found.back == "a high domestic price"


def test_an_object_it_is_never_replaced_by_the_clause_before():
    # "Crops failed, and the dry, loose topsoil had nothing to hold it. Strong winds lifted it
    # …" became "Strong winds lifted Crops failed into …".
    assert (
        it_resolved(
            "Strong winds lifted it into huge clouds of dust",
            "Crops failed, and the dry, loose topsoil had nothing to hold it.",
        )
        == "Strong winds lifted it into huge clouds of dust"
    )


def test_no_when_question_on_a_subordinate_clause():
    # "In which year did when the Great Depression begin?"
    assert (
        year_question(
            "When the Great Depression began in 1929, prices fell even further, and many "
            "ploughed fields were left bare.",
            {"Great Depression"},
        )
        is None
    )


def test_he_is_never_a_place_the_sentence_before_names():
    # "He argued …" after "Alfred Wegener pointed to … South America and Africa" became
    # "South America argued …".
    assert it_resolved(
        "He argued that the continents had once formed a single supercontinent",
        "Alfred Wegener pointed to the way the coasts of South America and Africa fit together.",
    ).startswith("Alfred Wegener argued")


def test_a_called_question_never_asks_what_the_caller_is_called():
    # "… which he. What was this he called?", "What was this people called?"
    assert called_question("He argued for a supercontinent, which he called Pangaea") is None
    assert called_question("Winds lifted dust that people called black blizzards") is None


def test_a_claim_no_other_form_can_ask_still_gets_a_which_heading_question():
    # Capping which-heading questions must not leave a claim without any question.
    parsed = parse_article(LIFE_TEXT)
    topics = extract_topics(parsed)
    topic_of = {c.key: t for t in topics for c in t.claims}
    spare = next(s for s in shown_claims(topics, parsed.title) if "spare time" in s.text)
    full: Counter[str | None] = Counter({topic_of[spare.claim.key].parent_key: 9})
    topic = topic_of[spare.claim.key]
    assert heading_question(topic, spare, topics, full) is None
    assert heading_question(topic, spare, topics, full, only_question=True) is not None


def test_a_possessive_its_after_a_common_noun_subject_is_left_for_the_context_line():
    # "Much of its work is done by six working groups" after "The chairmanship rotates …" became
    # "Much of the chairmanship's work", a key the article does not say (it is the Council's).
    sentence = "Much of its work is done by six working groups"
    assert it_resolved(sentence, "The chairmanship rotates every two years.") == sentence
    # A name before stays sure: "In the EU ETS's first phase".
    assert it_resolved(
        "In its first phase most allowances were given away",
        "The EU ETS was launched in 2005.",
    ).startswith("In the EU ETS's first phase")


def test_a_life_titled_by_a_short_name_is_about_the_person_its_first_sentence_names_in_full():
    # "Charles Darwin" over "Charles Robert Darwin was …": every "He …" card of the biography
    # kept its pronoun (or a two-sentence context) because the subject went unrecognised.
    from quizapp.core.subjects import article_subject

    first = "Charles Robert Darwin was an English naturalist."
    assert article_subject("Charles Darwin", first) == "Charles Darwin"
    assert article_subject("Charles Darwin", "Charles Dickens was a novelist.") is None


def test_a_possessive_college_or_cathedral_name_is_blanked_whole():
    # "His father then sent him to _____'s College": the name is "Christ's College".
    from quizapp.core.answer_targets import ArticleFacts

    sentence = "His father then sent him to Christ's College at the University of Cambridge."
    facts = ArticleFacts.build("A Life", [sentence])
    names = [t.text for t in facts.entities(sentence)]
    assert "Christ's College" in names and "Christ" not in names
    # A possessive that says whose something is stays apart.
    owner = "They compared Darwin's notes with Wallace's essay."
    assert "Darwin's notes" not in [
        t.text for t in ArticleFacts.build("A Life", [owner]).entities(owner)
    ]
