"""Forms beyond the blank (issue 22, points 2, 3 and 5): each form on the sentences the issue
names, distractors a student must think about, and a card for every claim."""

from __future__ import annotations

from collections import Counter

from bench.item_quality import article_figures, is_fragment, question_form
from quizapp import ROOT
from quizapp.core.answer_targets import (
    ArticleFacts,
    Target,
    candidate_targets,
    gives_away,
    numbers,
)
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.grading import GradingKey, grade_answer
from quizapp.core.item_forms.causes import effect_of
from quizapp.core.item_forms.definitions import definition_of
from quizapp.core.item_forms.grammar import question, split_clause
from quizapp.core.item_forms.quantities import count_question, year_question
from quizapp.core.item_forms.recall import recall_card
from quizapp.core.item_forms.roles import (
    birthplace_question,
    named_role_question,
    role_question,
)
from quizapp.core.item_generation import generate_items
from quizapp.core.item_variants import distractors, false_statement
from quizapp.core.question_types import QuestionType

WATER_CYCLE = """The Water Cycle
Evaporation is the process by which liquid water turns into water vapour. Transpiration is the \
process by which plants release water vapour through their leaves. Condensation is the process \
by which water vapour turns back into liquid droplets. Precipitation is the process by which \
water falls from clouds as rain, snow, sleet or hail. Together, evaporation and transpiration \
are often described as evapotranspiration. Condensation releases latent heat. About 97 percent \
of the Earth's water is salt water in the oceans. A water molecule spends on average about nine \
days in the atmosphere. This vapour rises into the cooler air above the ground.
"""


def _generate(text: str):
    parsed = parse_article(text)
    topics = extract_topics(parsed)
    cards, questions = generate_items(topics, parsed.title)
    return topics, cards, questions


def _accepts(question, given: str) -> bool:
    """Whether ``given`` (typed, or the text of an option) is right."""
    if question.choices:
        return any(c["correct"] and c["text"] == given for c in question.choices)
    key = GradingKey(type=question.type, accepted=tuple(question.accepted))
    return grade_answer(key, given).correct


# --- definitions and terms ----------------------------------------------------------------------


def test_a_process_by_which_definition_asks_for_the_term_and_makes_a_two_sided_card():
    found = definition_of(
        "Evaporation is the process by which liquid water turns into water vapour"
    )
    assert found is not None
    assert found.term == "evaporation"
    assert found.question == (
        "What is the process by which liquid water turns into water vapour called?"
    )
    assert found.card_front == "What is evaporation?"


def test_a_term_described_as_asks_what_the_pair_is_called():
    found = definition_of(
        "Together, evaporation and transpiration are often described as evapotranspiration"
    )
    assert found is not None and found.term == "evapotranspiration"
    assert found.question == "What are evaporation and transpiration together often described as?"


def test_a_name_is_not_defined_as_a_term():
    # "The Hanseatic League was an alliance …": more than one alliance fits; not a definition.
    assert definition_of("The Hanseatic League was an alliance of merchant guilds") is None


# --- causes and effects -------------------------------------------------------------------------


def test_condensation_releases_latent_heat_asks_what_it_releases():
    found = effect_of("Condensation releases latent heat", set())
    assert found is not None
    assert (found.question, found.answer) == ("What does condensation release?", "latent heat")


def test_an_effect_is_never_half_a_list():
    # "red and blue light": "red" alone would be a wrong key.
    assert effect_of("Chlorophyll absorbs red and blue light strongly", set()) is None


def test_a_condition_makes_a_what_happens_card():
    found = effect_of("As moist air rises and cools, the vapour condenses into droplets", set())
    assert found is not None and found.question is None
    assert (
        found.card_front == "What happens, according to the article, as moist air rises and cools?"
    )


# --- numbers and dates on the rephrased clause ---------------------------------------------------


def test_a_year_is_asked_on_the_clause_turned_round():
    found = year_question("In 1898 the couple announced two new elements", set())
    assert found is not None
    assert (found.prompt, found.answer) == (
        "In which year did the couple announce two new elements?",
        "1898",
    )
    # Two verbs: only the first statement is turned round.
    second = year_question("In 2021 the ship ran aground and blocked it for six days", set())
    assert second is not None and second.prompt == "In which year did the ship run aground?"
    troops = year_question("British troops occupied Egypt in 1882", {"British", "Egypt"})
    assert troops is not None and troops.prompt == "In which year did British troops occupy Egypt?"


def test_a_count_and_a_share_are_asked_as_how_many_and_what_percentage():
    days = count_question("A water molecule spends on average about nine days in the air", set())
    assert days is not None and days.answer == "nine"
    assert days.prompt == ("About how many days does a water molecule spend on average in the air?")
    share = count_question("About 97 percent of the Earth's water is salt water", set())
    assert share is not None and share.answer == "97"
    assert share.prompt == "About what percentage of the Earth's water is salt water?"
    churches = count_question("The fire consumed 87 parish churches and the old cathedral", set())
    assert (
        churches is not None and churches.prompt == "How many parish churches did the fire consume?"
    )
    # An ordinal is not a count ("How many century …?").
    assert count_question("The league lost its power during the 16th century", set()) is None


def test_a_person_is_asked_by_their_role():
    found = role_question(
        "Antoine Galland, a French scholar, translated the tales into French", {"Antoine Galland"}
    )
    assert found is not None
    assert (found.prompt, found.answer) == (
        "Which French scholar translated the tales into French?",
        "Antoine Galland",
    )


def test_the_clause_is_split_at_its_verb_not_at_a_noun():
    clause = split_clause("Joint military exercises have also increased in scope")
    assert clause is not None and clause.subject == "Joint military exercises"
    assert clause.auxiliary == "have"
    # An opening phrase with a pronoun is not a subject.
    assert split_clause("At its height it linked nearly 200 towns") is None
    turned = split_clause("The couple announced two new elements")
    assert turned is not None
    assert question("What", turned, "", set()) == "What did the couple announce?"


# --- every claim a card, and a question ---------------------------------------------------------


def test_the_issues_key_sentences_get_a_question_and_a_card():
    topics, cards, questions = _generate(WATER_CYCLE)
    by_quote = {c.quote: c.key for t in topics for c in t.claims}
    asked = {q.claim_key: q for q in questions}
    carded = {c.claim_key: c for c in cards}
    evaporation = by_quote[
        "Evaporation is the process by which liquid water turns into water vapour"
    ]
    together = by_quote[
        "Together, evaporation and transpiration are often described as evapotranspiration"
    ]
    latent = by_quote["Condensation releases latent heat"]
    for key in (evaporation, together, latent):
        assert key in asked and key in carded
    assert carded[evaporation].front == "What is evaporation?"
    assert _accepts(asked[latent], "latent heat")
    assert _accepts(asked[together], "evapotranspiration")
    # Every claim has a card, even one that opens by pointing back ("This vapour …").
    assert set(carded) == set(by_quote.values())


def test_a_definition_chosen_among_the_articles_terms_never_gives_the_key_away_by_case():
    _, _, questions = _generate(WATER_CYCLE)
    choices = [q for q in questions if q.key.startswith("gen-def-") and q.choices]
    assert choices
    for q in choices:
        texts = [c["text"] for c in q.choices]
        # The capitalised key among lower-case options would stand out.
        assert all(t[:1].islower() for t in texts), texts
        assert len(set(texts)) == len(texts) >= 4


def test_a_topics_terms_are_matched_to_their_definitions():
    _, _, questions = _generate(WATER_CYCLE)
    matching = [q for q in questions if q.key.startswith("gen-terms-")]
    assert len(matching) == 1
    terms = [term for term, _ in matching[0].pairs]
    assert "evaporation" in terms and len(terms) >= 3
    # A definition never holds its own term.
    for term, definition in matching[0].pairs:
        assert term[:5] not in definition.lower()


def test_a_recall_card_for_a_later_clause_asks_for_the_clause():
    text = (
        "Russia has provided economic assistance to North Korea, including food and energy supplies"
    )
    card = recall_card(text, (56, len(text)))
    assert card is not None
    assert card.front == "Russia has provided economic assistance to North Korea, including …"
    assert card.back == "… food and energy supplies."


# --- distractors a student must think about -----------------------------------------------------

HISTORY = [
    "The first bridge opened in 1932 after years of delay",
    "The old harbour closed in 1979 when trade moved away",
    "A second bridge opened in 1987 to carry the railway",
    "The town hall burned down in 1901 during a storm",
    "The museum opened in 1923 in the former customs house",
    "The tram line was extended in 1958 to the new estates",
    "The ferry service ended in 1996 after the tunnel opened",
    "A flood covered the lower streets in 1947 for a week",
]


def test_year_options_are_near_the_key_and_not_reused_across_an_articles_questions():
    facts = ArticleFacts.build("A Harbour Town", HISTORY)
    used: Counter = Counter()
    asked = 0
    for seed, sentence in enumerate(HISTORY):
        year = next(n for n in numbers(sentence) if n.kind == "year")
        target = Target(year.text, year.start, year.end, "year", value=year.value)
        options = distractors(target, sentence, facts, seed, used=used)
        assert options is not None
        asked += 1
        key = int(year.text)
        assert all(abs(int(o) - key) <= 40 for o in options), (key, options)
        # The key is not the earliest or latest of the four when the pool allows otherwise.
        assert min(map(int, options)) < key < max(map(int, options)) or len(options) < 3
    # 1932, 1979 and 1987 were each offered in six questions of one article: now no wrong
    # option appears in more than half of them.
    assert max(used.values()) <= asked // 2, used.most_common(3)


def test_a_country_is_never_offered_among_neighbours_the_article_never_names():
    sentence = "In summer most visitors climb the volcano in Japan"
    facts = ArticleFacts.build("Mountains", [sentence, "Mount Fuji is a volcano."])
    japan = next(n for n in facts.entities(sentence) if n.text == "Japan")
    # North Korea, South Korea and Vietnam would test geography, not the article.
    assert distractors(japan, sentence, facts, seed=3) is None


def test_a_blank_never_sits_inside_a_word():
    sentence = "Exports of grain grew quickly in the late 1990s across the whole region"
    facts = ArticleFacts.build("Grain", [sentence])
    targets = candidate_targets(sentence, (0, len(sentence)), facts)
    assert "1990" not in [t.text for t in targets]  # "the late _____s"


def test_a_false_statement_changes_a_quality_into_its_plausible_opposite():
    facts = ArticleFacts.build("Honey", ["Ripe honey is so rich in sugar that moulds cannot grow"])
    changed = false_statement("Ripe honey is so rich in sugar that moulds cannot grow", facts, 1)
    assert (
        changed is not None and changed != "Ripe honey is so rich in sugar that moulds cannot grow"
    )
    assert "not" not in changed.replace("cannot", "") or "can grow" in changed


def test_every_question_of_a_form_is_typed_with_its_key_or_has_one_right_option():
    _, _, questions = _generate(WATER_CYCLE)
    for q in questions:
        if q.type == QuestionType.SHORT_ANSWER:
            assert q.accepted and q.accepted[0] and "_____" not in q.prompt
        elif q.type == QuestionType.SINGLE_CHOICE:
            assert sum(c["correct"] for c in q.choices) == 1


def test_a_number_word_is_given_away_by_the_same_word_in_another_case():
    six = Target("Six", 0, 3, "number", value=6.0)
    assert gives_away(six, "_____ molecules of carbon dioxide and six molecules of water")


def test_an_opening_her_in_a_life_names_its_subject():
    text = (
        "Ada Lovelace: A Life\n"
        "Ada Lovelace was an English mathematician who wrote the first computer program.\n"
        "Her notes on a machine that was never built still shape how people think about "
        "computing.\n"
    )
    topics, cards, questions = _generate(text)
    notes = next(c.key for t in topics for c in t.claims if c.quote.startswith("Her notes"))
    shown = " ".join(c.front + c.back for c in cards if c.claim_key == notes)
    assert "Ada Lovelace's notes on a machine" in shown


def test_a_thing_named_with_its_role_is_asked_by_the_role():
    found = role_question(
        "The Monument, a stone column 61 metres tall, was built near Pudding Lane",
        {"Monument", "Pudding Lane"},
    )
    assert found is not None
    assert found.prompt == "Which stone column 61 metres tall was built near Pudding Lane?"
    assert found.answer == "the Monument"  # so "Monument" is accepted as well
    # A titled name would refuse the name without its title: not asked.
    titled = "The Lord Mayor, Sir Thomas Bloodworth, hesitated to order houses pulled down"
    assert role_question(titled, {"Sir Thomas Bloodworth"}) is None


def test_a_card_whose_opening_refers_back_leads_with_the_sentence_before():
    text = (
        "Neighbours\n"
        "Russia and China signed new trade agreements over the past decade.\n"
        "The growing cooperation between these nations raises concerns among their neighbours.\n"
    )
    topics, cards, _ = _generate(text)
    growing = next(c.key for t in topics for c in t.claims if c.quote.startswith("The growing"))
    front = next(c.front for c in cards if c.claim_key == growing)
    assert "Russia and China signed new trade agreements" in front


def test_a_name_given_with_its_role_as_the_object_is_asked_by_the_role():
    found = named_role_question(
        "In 1895 Marie Curie married the physicist Pierre Curie", {"Marie Curie", "Pierre Curie"}
    )
    assert found is not None
    assert (found.prompt, found.answer) == (
        "Which physicist did Marie Curie marry in 1895?",
        "Pierre Curie",
    )
    # Not inside a place phrase ("in the bakery of Thomas Farriner"), not in a passive.
    bakery = "The fire began shortly after midnight in the bakery of Thomas Farriner"
    assert named_role_question(bakery, {"Thomas Farriner"}) is None
    passive = "The project was promoted by the French diplomat Ferdinand de Lesseps"
    assert named_role_question(passive, {"Ferdinand de Lesseps"}) is None


def test_the_bench_counts_forms_and_claims_with_a_question_and_a_card():
    assert question_form("gen-def-water-1") == "definition"
    assert question_form("gen-tf-false-water-2") == "true/false"
    assert question_form("gen-said-water-3") == "which statement"
    assert question_form("gen-terms-water-1") == "matching terms"
    # A question of its own shows no article sentence, so it is never a fragment.
    assert not is_fragment("Which physicist did Marie Curie marry in 1895?")
    assert is_fragment("which hold the green pigment chlorophyll")
    figures = article_figures(ROOT / "seed" / "corpus" / "heldout" / "water-cycle.txt", {})
    claims_covered, claims = figures["covered"]
    assert claims == 12 and claims_covered >= 11
    assert figures["not_verbatim"][0] > 0


def test_a_number_counted_by_the_list_after_it_is_never_asked_nor_changed():
    sentence = (
        "The league kept four large foreign trading posts, in London, Bruges, Bergen and Novgorod"
    )
    facts = ArticleFacts.build("The Hanseatic League", [sentence])
    assert "four" not in [t.text for t in candidate_targets(sentence, (0, len(sentence)), facts)]
    assert false_statement(sentence, facts, seed=2) is None or "four" in false_statement(
        sentence, facts, seed=2
    )


def test_a_name_for_definition_and_a_when_card_and_a_plural_subjects_why():
    magma = definition_of("Magma is the name for molten rock while it is still underground")
    assert magma is not None and magma.term == "magma"
    assert magma.question == "What is the name for molten rock while it is still underground?"
    volcano = definition_of(
        "A volcano is an opening in the Earth's crust through which molten rock escapes"
    )
    assert volcano is not None and volcano.card_front == "What is a volcano?"
    when = effect_of("Explosive eruptions happen when gas trapped in thick magma builds up", set())
    assert when is not None and when.card_front == "When do explosive eruptions happen?"
    why = effect_of("Scientists measure small earthquakes because these often rise first", set())
    assert why is not None and why.card_front == "Why do scientists measure small earthquakes?"


def test_a_recall_card_keeps_an_adverb_with_its_verb():
    text = "Russia has consistently advocated for a peaceful resolution to the nuclear crisis"
    card = recall_card(text, (0, len(text)))
    # The adverb stays with its verb, and the blank is the whole phrase after its preposition.
    assert card is not None
    assert card.front == "Russia has consistently advocated for _____ to the nuclear crisis."
    assert card.back == "a peaceful resolution"


def test_a_birthplace_is_asked_as_where():
    found = birthplace_question(
        "Marie Curie was born Maria Skłodowska in Warsaw on 7 November 1867",
        {"Marie Curie", "Warsaw"},
    )
    assert found is not None
    assert (found.prompt, found.answer) == ("Where was Marie Curie born?", "Warsaw")
    # A place the article does not name as one is not asked.
    assert birthplace_question("Ada was born in London", {"Ada"}) is None
