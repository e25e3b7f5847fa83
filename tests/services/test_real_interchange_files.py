"""Real files that others wrote (``tests/data/interchange/``, sources and licences in its
SOURCES.md) imported as a teacher's upload: per file, how many items the file holds (counted
without the app's readers), how many were kept, which were changed and which skipped, each
with its reason; then a few items per file checked field by field against what the file says,
read by hand. Nothing silent: every item is kept or skipped, and every difference between a
kept item and its file is a line of the report (the lists below are the whole report)."""

from __future__ import annotations

import base64
import hashlib
import unicodedata
import xml.etree.ElementTree as ET

import pytest
import sqlalchemy as sa

from bench.interchange_corpus import CORPUS, corpus_files, count_items, import_corpus_file
from quizapp.core.question_kinds.typed_gap import KEPT_AS_ONE_GAP
from quizapp.models import Article, Claim, Flashcard, MediaFile, Question, Topic

# Each file: (items, kept, {changed item: number of report lines}, {skipped item: reason}).
EXPECTED = {
    "apkg/anki_corpus.apkg": (9, 9, None, {}),
    "apkg/anki_corpus_legacy.apkg": (9, 9, None, {}),
    "gift/moodle_questions.gift.txt": (
        9,
        8,
        {"Shortanswer": 1},
        {"Q8": "an essay question (empty braces): the app has no essay questions"},
    ),
    "gift/pygiftparser_example_test4.txt": (30, 30, {"question at line 13": 1}, {}),
    "gift/pygiftparser_example_test5.txt": (
        40,
        40,
        {f"question at line {n}": 1 for n in (22, 43, 176, 183)},
        {},
    ),
    "gift/pygiftparser_gift_file_all_questions.txt": (
        19,
        17,
        {},
        {
            "question at line 84": "an essay question",
            "question at line 89": "a description without answers",
        },
    ),
    # A multi-gap cloze question: its gaps kept (core/question_kinds/cloze.py), and the picture
    # in its general feedback, shown with the explanation.
    "moodle-xml/multianswer.xml": (1, 1, {}, {}),
    "moodle-xml/multichoice.xml": (1, 1, {}, {}),
    "moodle-xml/nested_categories_with_questions.xml": (
        5,
        4,
        {},
        {"Kappa Essay Question": "no question type like Moodle's 'essay'"},
    ),
    "moodle-xml/qtype_match.testquestion.moodle.xml": (1, 1, {}, {}),
    # Its two hints are kept (a learner practising may reveal them), so nothing is reported.
    "moodle-xml/qtype_multichoice.testquestion.moodle.xml": (1, 1, {}, {}),
    # A short answer with part marks and feedback: kept as a cloze question of one gap.
    "moodle-xml/qtype_shortanswer.testquestion.moodle.xml": (1, 1, {"shortanswer-001": 1}, {}),
    "moodle-xml/sample_questions_with_old_image_tag.xml": (
        2,
        2,
        {"mcq with image": 1, "cloze question with image": 1},
        {},
    ),
    # Every picture kept: in the text, the general feedback and each answer's feedback.
    "moodle-xml/truefalse.xml": (2, 2, {}, {}),
}


@pytest.fixture
def imported(db, make_teacher):
    """``imported(name)``: the corpus file imported by a new teacher, as the bench does."""

    def run(name: str):
        result = import_corpus_file(db.session, CORPUS / name, make_teacher().id)
        db.session.commit()
        return result

    return run


def _items(db, model, result) -> list:
    """The questions or cards the import kept, in the file's order."""
    return list(
        db.session.scalars(
            sa.select(model)
            .join(Article, model.article_id == Article.id)
            .where(Article.slug == result.article_slug)
            .order_by(model.id)
        )
    )


def _by_prompt(db, result) -> dict[str, Question]:
    """The kept questions by prompt, in composed Unicode (the exams write some accents as a
    letter and a combining mark, and keep them so)."""
    return {unicodedata.normalize("NFC", q.prompt): q for q in _items(db, Question, result)}


def test_the_corpus_is_every_file_sources_md_names():
    names = {f"{p.parent.name}/{p.name}" for p in corpus_files()}
    assert names == set(EXPECTED)
    sources = (CORPUS / "SOURCES.md").read_text()
    assert all(f"`{name}`" in sources for name in names)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_is_kept_or_skipped_item_by_item_and_every_change_reported(imported, name):
    items, kept, changed, skipped = EXPECTED[name]
    assert count_items(CORPUS / name) == items
    result = imported(name)
    assert (result.items, result.kept, len(result.skipped)) == (items, kept, len(skipped))
    assert result.unaccounted == 0  # nothing dropped without a line in the report
    assert {s.name for s in result.skipped} == set(skipped)
    for item in result.skipped:
        assert skipped[item.name] in item.reason, item
    if changed is not None:
        assert {n: len(lines) for n, lines in result.changed.items()} == changed


def test_moodle_multichoice_keeps_its_sound_flags_and_feedback(db, imported):
    result = imported("moodle-xml/multichoice.xml")
    (question,) = _items(db, Question, result)
    assert question.type == "single_choice"
    assert question.prompt == "Listen to this greeting:\nWhat language is being spoken?"
    assert [(c["text"], c["correct"], c["feedback"]) for c in question.choices] == [
        ("English", False, "Sorry, listen again."),
        ("French", True, "Yes, well done!"),
        ("German", False, "Sorry, listen again."),
        ("Danish", False, "Sorry, listen again."),
    ]
    # The sound in the text and a flag on each choice, byte for byte as the file carries them.
    root = ET.parse(CORPUS / "moodle-xml/multichoice.xml").getroot()
    carried = {f.get("name"): base64.b64decode(f.text) for f in root.iter("file")}
    assert list(carried) == [
        "bonjour.mp3",
        "flag-uk.jpg",
        "flag-france.jpg",
        "flag-german.jpg",
        "flag-denmark.jpg",
    ]
    media = question.media
    assert [(m["type"], m["alt"]) for m in media] == [
        ("audio/mpeg", ""),
        ("image/jpeg", "British Flag"),
        ("image/jpeg", "French flag"),
        ("image/jpeg", "German flag"),
        ("image/jpeg", "Denmark flag"),
    ]
    assert media[0]["place"] == "prompt"
    assert [m["place"] for m in media[1:]] == [f"choice:{c['id']}" for c in question.choices]
    hashes = {hashlib.sha256(data).hexdigest(): name for name, data in carried.items()}
    assert [hashes[m["sha256"]] for m in media] == list(carried)
    stored = db.session.scalar(sa.select(MediaFile).where(MediaFile.sha256 == media[0]["sha256"]))
    assert stored.size == len(carried["bonjour.mp3"])


def test_moodle_true_false_keeps_its_picture_and_its_feedback_pictures(db, imported):
    result = imported("moodle-xml/truefalse.xml")
    false, true = _items(db, Question, result)
    assert (false.type, false.answer_bool) == ("true_false", False)
    assert false.prompt == (
        "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Education."
    )
    assert false.explanation == "For further information, see the documentation about Moodle."
    root = ET.parse(CORPUS / "moodle-xml/truefalse.xml").getroot()
    carried = {f.get("name"): base64.b64decode(f.text) for f in root.iter("file")}
    names = {hashlib.sha256(data).hexdigest(): name for name, data in carried.items()}
    # Each picture where Moodle shows it, with the alt text the file gave it: the general
    # feedback's with the explanation, an answer's with the outcome that answer earns.
    assert [(names[m["sha256"]], m["alt"], m["place"]) for m in false.media] == [
        ("logo.jpg", "Moodle logo", "prompt"),
        ("infos.jpg", "Informations", "explanation"),
        ("thumbdown.jpg", "Thumb down", "feedback:incorrect"),
        ("thumbup.jpg", "Thumb up", "feedback:correct"),
    ]
    assert true.answer_bool is True
    assert true.prompt.endswith("Dynamic Learning Environment.")
    # The feedback on its answers is its feedback for a correct and an incorrect answer.
    assert false.combined_feedback == {
        "correct": "Your answer is correct.",
        "incorrect": "Your answer is incorrect.",
    }
    assert result.changed == {}


def test_moodle_question_types_fixtures_keep_fractions_pairs_and_feedback(db, imported):
    result = imported("moodle-xml/qtype_multichoice.testquestion.moodle.xml")
    (question,) = _items(db, Question, result)
    assert (question.type, question.prompt) == (
        "multiple_select",
        "Find the capital cities in Europe.",
    )
    assert question.explanation == "Berlin, Paris and London"
    assert [(c["text"], c["fraction"]) for c in question.choices] == [
        ("Tokyo", 0.0),
        ("Spain", 0.0),
        ("London", 0.5),
        ("Barcelona", 0.0),
        ("Paris", 0.5),
    ]
    assert question.combined_feedback == {
        "correct": "Your answer is correct.",
        "partial": "Your answer is partially correct.",
        "incorrect": "Your answer is incorrect.",
    }
    assert "Multi-choice-001" not in result.changed
    assert question.hints == ["First hint", "Second hint"]

    result = imported("moodle-xml/qtype_match.testquestion.moodle.xml")
    (matching,) = _items(db, Question, result)
    assert matching.pairs == [
        ["frog", "amphibian"],
        ["cat", "mammal"],
        ["newt", "amphibian"],
        ["", "insect"],  # Moodle's extra wrong answer: a subquestion with no text
    ]
    assert matching.explanation == "General feedback."
    assert matching.combined_feedback["correct"] == "Well done!"

    result = imported("moodle-xml/qtype_shortanswer.testquestion.moodle.xml")
    (short,) = _items(db, Question, result)
    # "Name an amphibian: __________": the gap where the line of underscores was.
    assert (short.type, short.prompt) == ("cloze_gaps", "Name an amphibian: _____")
    assert short.explanation == "Generalfeedback: frog or toad would have been OK."
    (gap,) = [c["gap"] for c in short.choices]
    assert (gap["type"], gap["weight"]) == ("SHORTANSWER", 1)  # usecase 0
    assert gap["answers"] == [
        {"text": "frog", "fraction": 1.0, "feedback": "Frog is a very good answer."},
        {"text": "toad", "fraction": 0.8, "feedback": "Toad is an OK good answer."},
        {"text": "*", "fraction": 0.0, "feedback": "That is a bad answer."},
    ]
    assert result.changed["shortanswer-001"] == [KEPT_AS_ONE_GAP]


def test_moodle_19_image_field_arrives_with_the_question(db, imported):
    result = imported("moodle-xml/sample_questions_with_old_image_tag.xml")
    cloze, question = _items(db, Question, result)
    assert (cloze.type, question.type) == ("cloze_gaps", "single_choice")
    assert [(c["text"], c["correct"]) for c in question.choices] == [
        ("wrong answer", False),
        ("another wrong answer", False),
        ("right answer", True),
    ]
    root = ET.parse(CORPUS / "moodle-xml/sample_questions_with_old_image_tag.xml").getroot()
    carried = base64.b64decode(
        "".join(root.findall("question")[2].findtext("image_base64").split())
    )
    (picture,) = question.media
    assert (picture["type"], picture["place"]) == ("image/png", "prompt")
    assert picture["sha256"] == hashlib.sha256(carried).hexdigest()


def test_moodle_multianswer_keeps_every_gap_its_marks_feedback_and_pictures(db, imported):
    result = imported("moodle-xml/multianswer.xml")
    (question,) = _items(db, Question, result)
    assert question.type == "cloze_gaps"
    assert question.prompt.endswith(
        "* San Francisco: _____\n* Tucson: _____\n* Los Angeles: _____\n* Phoenix: _____\n"
        "The capital of France is _____."
    )
    gaps = [c["gap"] for c in question.choices]
    assert [g["type"] for g in gaps] == ["MULTICHOICE"] * 4 + ["SHORTANSWER"]
    assert [(a["text"], a["fraction"]) for a in gaps[4]["answers"]] == [
        ("Paris", 1.0),
        ("Marseille", 0.5),
        ("*", 0.0),
    ]
    assert gaps[1]["answers"][1] == {"text": "Arizona", "fraction": 1.0, "feedback": "OK"}
    assert sorted(m["alt"] for m in question.media) == [
        "Arizona flag",
        "California flag",
        "Moodle logo",
    ]
    (logo,) = [m for m in question.media if m["alt"] == "Moodle logo"]
    assert logo["place"] == "explanation"  # in its general feedback
    assert result.changed == {}


def test_moodle_nested_categories_become_nested_topics(db, imported):
    result = imported("moodle-xml/nested_categories_with_questions.xml")
    rows = db.session.execute(
        sa.select(Question.prompt, Topic.title)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(Question.id.in_([q.id for q in _items(db, Question, result)]))
        .order_by(Question.id)
    ).all()
    assert [tuple(r) for r in rows] == [
        ("Testing Iota Question", "Iota"),
        ("Testing Kappa Question", "Kappa"),
        ("Testing Lambda Question", "Lambda"),
        ("Testing Mu Question", "Mu"),
    ]


def test_moodle_gift_fixture_formats_fractions_and_numbers(db, imported):
    result = imported("gift/moodle_questions.gift.txt")
    questions = {q.key: q for q in _items(db, Question, result)}
    matching = questions["Moodle activities"]
    # "[html]", "[moodle]", "[plain]", "[markdown]" name each text's format: none is text.
    assert matching.prompt == "Match the activity to the description."
    assert matching.pairs[0] == ["An activity supporting asynchronous discussions.", "Forum"]
    assert matching.pairs[3][0] == "A collection of web pages that anyone can add to or edit."
    assert matching.pairs[4] == ["", "Chat"]
    spectrum = questions["Q2"]
    assert [(c["text"], c["correct"], c["feedback"]) for c in spectrum.choices] == [
        ("yellow", True, "right; good!"),
        ("red", False, "wrong, it's yellow"),
        ("blue", False, "wrong, it's yellow"),
    ]
    colours = questions["colours"]
    assert [(c["text"], c["fraction"]) for c in colours.choices] == [
        ("yellow", 0.5),
        ("red", -1.0),
        ("off-beige", 0.5),
        ("blue", -1.0),
    ]
    number = questions["Q5"]  # "{#3:2~#Completely wrong}": 3 ± 2, the "~" only feedback
    assert [(c["value"], c["tolerance"], c["fraction"]) for c in number.choices] == [
        (3.0, 2.0, 1.0)
    ]
    # Moodle's "any other answer" is what an incorrect answer is told.
    assert number.combined_feedback == {"incorrect": "Completely wrong"}
    assert "Q5" not in result.changed
    animal = questions["Shortanswer"]  # "=%50%Cat#…": a cloze question of one gap
    assert animal.prompt == "Which is the best animal? _____"
    assert animal.choices[0]["gap"] == {
        "type": "SHORTANSWER",
        "weight": 1,
        "answers": [
            {"text": "Frog", "fraction": 1.0, "feedback": "Good!"},
            {"text": "Cat", "fraction": 0.5, "feedback": "What is it with Moodlers and cats?"},
            {"text": "*", "fraction": 0.0, "feedback": "Completely wrong"},
        ],
    }
    assert result.changed["Shortanswer"] == [KEPT_AS_ONE_GAP]
    absolute = questions["Q1"]
    assert absolute.answer_bool is False
    # "{FALSE#42 is the Ultimate Answer.#You gave the right answer.}": wrong, then right.
    assert absolute.combined_feedback == {
        "incorrect": "42 is the Ultimate Answer.",
        "correct": "You gave the right answer.",
    }
    assert absolute.explanation == (
        "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    )


def test_a_teachers_gift_exams_keep_their_answers(db, imported):
    result = imported("gift/pygiftparser_example_test5.txt")
    questions = _by_prompt(db, result)
    place = questions[
        "¿Cómo se denomina al lugar donde se ubica un equipo o dispositivo que se utilizará "
        "para conectarse a la red? _____"
    ]
    assert place.type == "cloze_gaps"
    assert [(a["text"], a["fraction"]) for a in place.choices[0]["gap"]["answers"]] == [
        ("área de trabajo", 1.0),
        ("area de trabajo", 0.8),
        ("área trabajo", 0.8),
        ("area trabajo", 0.5),
    ]
    assert result.changed["question at line 22"] == [KEPT_AS_ONE_GAP]
    principle = questions[
        "¿Cuál de los siguientes NO es un principio fundamental del cableado estructurado?"
    ]
    assert [c["text"] for c in principle.choices if c["correct"]] == [
        "Las redes deben diseñarse de forma que no tengamos que modificarlas en el futuro."
    ]
    assert len(principle.choices) == 4

    result = imported("gift/pygiftparser_example_test4.txt")
    questions = _by_prompt(db, result)
    # "GB" and "Gb" (gigabytes, gigabits) are different answers, as Moodle grades them.
    bigger = [
        q
        for q in _items(db, Question, result)
        if unicodedata.normalize("NFC", q.prompt).startswith("¿Cuál de las siguientes unidades")
    ]
    assert [[c["text"] for c in q.choices] for q in bigger] == [
        ["GB", "Gb", "MB", "TB"],
        ["GB", "Gb", "MB", "PB", "TB"],
    ]
    assert [[c["text"] for c in q.choices if c["correct"]] for q in bigger] == [["TB"], ["PB"]]
    formula = questions["La fórmula para calcular la velocidad de transferencia es:"]
    assert formula.choices[0] == {**formula.choices[0], "text": "Velocidad = Tamaño / Tiempo"}
    assert formula.choices[0]["correct"] is True


def test_pygiftparsers_all_questions_file(db, imported):
    result = imported("gift/pygiftparser_gift_file_all_questions.txt")
    questions = _by_prompt(db, result)
    tomb = questions["What two people are entombed in Grant's tomb?"]
    assert [(c["text"], c["fraction"], c["feedback"]) for c in tomb.choices] == [
        ("No one", -1.0, "Nooo, no es válido"),
        ("Grant", 0.5, "Muy bien"),
        ("Grant's wife", 0.5, "Perfecto."),
        ("Grant's father", -1.0, "No, esta no era."),
    ]
    capitals = questions["Match the following countries with their corresponding capitals."]
    assert capitals.pairs == [
        ["Canada", "Ottawa"],
        ["Italy", "Rome"],
        ["Japan", "Tokyo"],
        ["India", "New Delhi"],
    ]


@pytest.mark.parametrize("name", ["apkg/anki_corpus.apkg", "apkg/anki_corpus_legacy.apkg"])
def test_anki_decks_keep_every_card_and_their_media(db, imported, name):
    result = imported(name)
    cards = {c.front: c for c in _items(db, Flashcard, result)}
    assert cards["Capital of France?"].back == "Paris"
    assert cards["der Fluss"].back == "the river" and cards["the river"].back == "der Fluss"
    assert cards["_____ is the capital of Australia."].back == "Canberra"
    assert cards["Canberra is the capital of _____ (a country)."].back == "Australia"
    assert cards["The _____ flows through _____ into the Black Sea."].back == "Danube … Vienna"
    flag = cards["Which colour is this flag?"]
    assert flag.back == "Teal"
    assert [(m["type"], m["alt"], m["place"]) for m in flag.media] == [
        ("image/png", "A plain flag", "front"),
        ("audio/mpeg", "", "back"),
    ]
    assert result.media == 2
    # The notes' tags come along on their cards, so the report names none.
    assert cards["Capital of France?"].tags == ["capitals", "europe"]
    assert cards["der Fluss"].tags == cards["the river"].tags == ["german"]
    assert flag.tags == ["media"]
    assert not [n for n in result.changed if n.startswith("tag ")]
    # The cloze note's Back Extra is on the back of both its cards, below the answer.
    for front in (
        "_____ is the capital of Australia.",
        "Canberra is the capital of _____ (a country).",
    ):
        assert cards[front].back_extra == "Not Sydney, the largest city."
    assert cards["Capital of France?"].back_extra == ""
    assert not [n for n, lines in result.changed.items() if "Back Extra" in lines[0]]
    assert "review history" in result.changed
    assert len(result.changed_items) == 1  # the two-blank cloze
