"""Rephrased forms beyond the blank (issue 22, fourth pass): what and where on a clear verb's
object or place, definitions as an activity or between commas, and the blank's key asked as
who or what; each with the shapes it must not turn into a question."""

from __future__ import annotations

from quizapp.core.item_forms.asked_target import target_question
from quizapp.core.item_forms.definitions import definition_of
from quizapp.core.item_forms.objects import object_question
from quizapp.core.item_forms.roles import role_question


def test_what_on_the_object_of_a_clear_verb() -> None:
    sentence = "The International Committee of the Red Cross received the Nobel Peace Prize in 1917"
    asked = object_question(sentence, set())
    assert asked is not None
    assert asked.prompt == "What did the International Committee of the Red Cross receive in 1917?"
    assert asked.answer == "the Nobel Peace Prize"


def test_where_on_the_place_a_verb_of_going_names() -> None:
    asked = object_question("Cook returned to England in 1771", {"Cook", "England"})
    assert asked is not None
    assert (asked.prompt, asked.answer, asked.form) == (
        "Where did Cook return in 1771?",
        "England",
        "where",
    )


def test_no_what_or_where_question_when_the_answer_is_unsure() -> None:
    # Half a list is no answer.
    assert (
        object_question("The storms buried fences, killed livestock and ruined farms", set())
        is None
    )
    # "his first ship": which ship is in the sentence before.
    assert (
        object_question("NASA named the Space Shuttle Endeavour after his first ship", set())
        is None
    )
    # A pronoun subject, a subject that is any one of many, a verb of no plain meaning.
    assert object_question("It adopted a third emblem", set()) is None
    assert object_question("A price introduced a border adjustment", set()) is None
    assert (
        object_question("The movement grew in step with the wars it tried to limit", set()) is None
    )
    # Too little to know which: "What does the government fix?".
    assert object_question("The government fixes the price per tonne", set()) is None
    # A place the article does not name, and a vague object.
    assert object_question("Cook returned to port in 1771", {"Cook"}) is None
    assert object_question("The bank found a way to lend", set()) is None


def test_definitions_as_an_activity_and_between_commas() -> None:
    found = definition_of(
        "Monetary policy is the management of money and credit by a central bank in order to "
        "keep prices stable"
    )
    assert found is not None and found.term == "monetary policy"
    assert found.question.startswith("What is the management of money and credit")
    found = definition_of(
        "The lithosphere, the rigid outer layer of the Earth, is made of the crust and the "
        "uppermost part of the mantle"
    )
    assert found is not None
    assert (found.term, found.question) == (
        "lithosphere",
        "What is the rigid outer layer of the Earth called?",
    )


def test_no_definition_from_a_place_a_list_or_a_clause_between_commas() -> None:
    assert definition_of("Paris is the capital of France") is None
    assert definition_of("The decision, a major one, was taken by a committee") is None
    assert definition_of("The storms, the dust and the heat, drove families west") is None
    assert definition_of("The river, a highway that carried grain, flows east") is None


def test_the_blank_key_asked_as_who_or_what() -> None:
    sentence = "Condensation releases latent heat"
    asked = target_question(sentence, "latent heat", sentence.index("latent"), "word", set())
    assert asked is not None and asked.prompt == "What does condensation release?"
    asked = target_question(sentence, "Condensation", 0, "word", set())
    assert asked is not None and asked.prompt == "What releases latent heat?"
    asked = target_question("Wren designed St Paul's Cathedral", "Wren", 0, "entity", {"Wren"})
    assert asked is not None and asked.prompt == "Who designed St Paul's Cathedral?"
    sentence = (
        "Moldova touches the Danube for less than a kilometre, but that stretch gives it access"
    )
    asked = target_question(sentence, "Moldova", 0, "entity", {"Moldova"})
    assert asked is not None
    assert asked.prompt == "Which country touches the Danube for less than a kilometre?"


def test_no_who_or_what_on_the_key_when_the_grammar_is_unsure() -> None:
    # A plural subject in the present: "What suck nectar …?".
    sentence = "Forager bees suck nectar from flowers"
    assert target_question(sentence, "Forager bees", 0, "word", set()) is None
    # A person's name as the object: "What did Marie Curie marry?".
    sentence = "Marie Curie married the physicist Pierre Curie"
    key = "Pierre Curie"
    assert target_question(sentence, key, sentence.index(key), "entity", {key}) is None
    # A name as the subject of a verb anyone or anything does: "Who" or "What" is unsure.
    assert target_question("Airbus opened a plant", "Airbus", 0, "entity", {"Airbus"}) is None
    # Half a list, and a key in the sentence's second statement.
    sentence = "The storms buried fences, killed livestock and ruined farms"
    assert target_question(sentence, "fences", sentence.index("fences"), "word", set()) is None
    sentence = "Most of the delta lies in Romania and the rest in Ukraine"
    key_at = sentence.index("Ukraine")
    assert target_question(sentence, "Ukraine", key_at, "entity", {"Ukraine"}) is None
    # An adverb after the verb, and a narrowing phrase cut at its "and".
    sentence = "Most vegetables grow best in slightly acid soil with a pH between 6.0 and 7.0"
    assert target_question(sentence, "best", sentence.index("best"), "word", set()) is None
    sentence = "The mill grinds grain between two stones and water"
    assert target_question(sentence, "grain", sentence.index("grain"), "word", set()) is None
    # A year or a number: the when and how-many forms ask those.
    assert target_question("1990 saw a new tax", "1990", 0, "year", set()) is None


def test_who_with_a_role_that_has_its_own_clause() -> None:
    names = {"Henry Dunant"}
    asked = role_question(
        "Henry Dunant, a Swiss businessman who was travelling in the region, saw thousands of "
        "wounded soldiers left with almost no care",
        names,
    )
    assert asked is not None and asked.answer == "Henry Dunant"
    assert asked.prompt == (
        "Which Swiss businessman who was travelling in the region saw thousands of wounded "
        "soldiers left with almost no care?"
    )
    # A full name the article names once, then by its surname, is a name as well.
    sentence = "Henry Dunant, a Swiss businessman, wrote a book"
    assert role_question(sentence, {"Dunant"}) is not None
    assert role_question("Henry Dunant, a Swiss businessman, wrote a book", set()) is None
    # Any other clause in the role, and a word after the comma that is no past tense.
    sentence = "Henry Dunant, a Swiss businessman who was born in Geneva, saw the wounded"
    assert role_question(sentence, names) is None
    assert role_question("Henry Dunant, a Swiss businessman, fund the school", names) is None
