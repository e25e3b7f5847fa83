"""Nothing silent on import: every part of an item a file loses or changes is a line of the report
naming the item and the reason, and a teacher's item lands as a draft for review instead of
published; an operator's import with no author (nobody's review page holds it) keeps the item
as the import would put it, the printed report its record. Each format, one real-shaped file."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.core.interchange.records import ANSWER_FEEDBACK_LEFT_OUT
from quizapp.core.question_kinds.typed_gap import KEPT_AS_ONE_GAP
from quizapp.models import Article, Flashcard, ItemStatus, Question
from quizapp.services.anki_exchange import DRAFT_NOTE
from quizapp.services.interchange import import_file
from tests.builders.anki_decks import add_note, anki_package, changed_package

# A GIFT exam as teachers write them: a choice question whose answers carry feedback (kept),
# and a short answer with "#feedback", kept as a cloze question of one gap (a short answer
# keeps no feedback), which the report says.
GIFT_EXAM = """\
$CATEGORY: $course$/Geography

::Capital of France::What is the capital of France? {
  =Paris#Right: the Seine runs through it.
  ~Lyon#No, that is the third city.
}

::Longest river::Name the longest river in France. {=Loire#Yes, about 1,000 km.}
"""

# A Moodle export with a question type the app has none like (drag and drop into text), a
# short answer with feedback on its answer (kept as a one-gap cloze question), and a multiple
# choice question kept whole.
MOODLE_BANK = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Chemistry</text></category></question>
  <question type="ddwtos">
    <name><text>Noble gases</text></name>
    <questiontext format="html"><text>Helium and [[1]] are noble gases.</text></questiontext>
    <dragbox><text>neon</text><group>1</group></dragbox>
  </question>
  <question type="shortanswer">
    <name><text>Symbol of gold</text></name>
    <questiontext format="html"><text>What is the chemical symbol of gold?</text></questiontext>
    <answer fraction="100"><text>Au</text><feedback><text>From aurum.</text></feedback></answer>
  </question>
  <question type="multichoice">
    <name><text>Lightest element</text></name>
    <questiontext format="html"><text>Which element is the lightest?</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>Hydrogen</text></answer>
    <answer fraction="0"><text>Helium</text></answer>
  </question>
</quiz>
"""


def _questions(db, slug: str) -> dict[str, Question]:
    rows = db.session.scalars(sa.select(Question).join(Article).where(Article.slug == slug))
    return {q.prompt: q for q in rows}


def _cards(db, slug: str) -> dict[str, Flashcard]:
    rows = db.session.scalars(sa.select(Flashcard).join(Article).where(Article.slug == slug))
    return {c.front: c for c in rows}


def test_a_gift_short_answer_kept_as_a_gap_for_its_feedback_is_reported_by_name(db):
    report = import_file(db.session, "exam.gift", GIFT_EXAM.encode())
    db.session.flush()
    assert [(c.name, c.change) for c in report.changed] == [("Longest river", KEPT_AS_ONE_GAP)]
    # An operator's import: nobody's review page would hold a draft, so the report is the record.
    assert report.skipped == [] and report.drafts == 0
    questions = _questions(db, report.article_slug)
    river = questions["Name the longest river in France. _____"]
    assert (river.type, river.status) == ("cloze_gaps", "published")
    assert river.choices[0]["gap"]["answers"] == [
        {"text": "Loire", "fraction": 1.0, "feedback": "Yes, about 1,000 km."}
    ]
    capital = questions["What is the capital of France?"]
    assert capital.status == ItemStatus.PUBLISHED
    assert [c["feedback"] for c in capital.choices] == [
        "Right: the Seine runs through it.",
        "No, that is the third city.",
    ]


def test_an_unknown_moodle_type_is_skipped_by_name_and_a_kept_feedback_reported(db):
    report = import_file(db.session, "chemistry.xml", MOODLE_BANK.encode())
    db.session.flush()
    assert [(s.name, s.reason) for s in report.skipped] == [
        ("Noble gases", "the app has no question type like Moodle's 'ddwtos'")
    ]
    assert [(c.name, c.change) for c in report.changed] == [("Symbol of gold", KEPT_AS_ONE_GAP)]
    questions = _questions(db, report.article_slug)
    assert set(questions) == {
        "What is the chemical symbol of gold? _____",
        "Which element is the lightest?",
    }
    gold = questions["What is the chemical symbol of gold? _____"]
    assert gold.status == ItemStatus.PUBLISHED
    assert gold.choices[0]["gap"]["answers"] == [
        {"text": "Au", "fraction": 1.0, "feedback": "From aurum."}
    ]
    assert questions["Which element is the lightest?"].status == ItemStatus.PUBLISHED
    assert report.drafts == 0 and report.total == 2


def test_a_csv_row_with_too_many_columns_is_reported_and_its_card_drafted(db, make_teacher):
    teacher = make_teacher()
    deck = "front,back\nNitrogen,a gas\nOxygen,a gas, colourless\n"
    report = import_file(db.session, "gases.csv", deck.encode(), importer_id=teacher.id)
    db.session.flush()
    assert [(c.name, c.change) for c in report.changed] == [
        (
            "row 3",
            "3 cells where the file has 2 columns: a comma inside a side was not quoted, so "
            "the last column is read as “a gas, colourless”; check it",
        )
    ]
    cards = _cards(db, report.article_slug)
    assert (cards["Oxygen"].back, cards["Oxygen"].status) == ("a gas, colourless", "draft")
    assert (cards["Nitrogen"].back, cards["Nitrogen"].status) == ("a gas", "published")
    assert report.drafts == 1


def test_an_anki_card_whose_template_is_gone_is_skipped_and_a_lost_picture_drafts_its_card(
    db, make_teacher, tmp_path
):
    def fill(col):
        add_note(col, "Basic", "Rivers", Front="Longest river of France", Back="Loire")
        add_note(col, "Basic (and reversed card)", "Rivers", Front="Seine", Back="Paris")
        add_note(
            col,
            "Cloze",
            "Rivers",
            Text="The {{c1::Rhône}} flows south",
            Back_Extra='Lyon <img src="https://example.org/lyon.png">',
        )

    # The reversed type's second template removed: a note type the reader cannot render whole.
    package = changed_package(
        anki_package(tmp_path, fill),
        "DELETE FROM templates WHERE ord = 1 AND ntid = "
        "(SELECT id FROM notetypes WHERE name = 'Basic (and reversed card)')",
    )
    teacher = make_teacher()
    report = import_file(db.session, "rivers.apkg", package, importer_id=teacher.id)
    db.session.flush()
    assert [s.reason for s in report.skipped] == ["its note type has no template for this card"]
    assert report.skipped[0].name.endswith("(Basic (and reversed card)), card 2")
    assert [c.change for c in report.changed] == [
        f"its picture https://example.org/lyon.png in Back Extra is not kept: {DRAFT_NOTE}"
    ]
    cards = _cards(db, report.article_slug)
    assert {front: card.status for front, card in cards.items()} == {
        "Longest river of France": "published",
        "Seine": "published",
        "The _____ flows south": "draft",
    }
    assert cards["The _____ flows south"].back == "Rhône"
    assert cards["The _____ flows south"].back_extra == "Lyon"  # its words are kept
    assert report.drafts == 1


def test_the_command_line_names_what_was_lost(db, runner, tmp_path):
    bank = tmp_path / "chemistry.xml"
    bank.write_text(MOODLE_BANK)
    result = runner.invoke(args=["bank", "import", str(bank)])
    assert result.exit_code == 0, result.output
    assert "Skipped Noble gases: the app has no question type like Moodle's 'ddwtos'" in (
        result.output
    )
    assert f"Changed Symbol of gold: {KEPT_AS_ONE_GAP}" in result.output
    assert "wait as drafts" not in result.output  # no author: nobody to review a draft


# A matching question keeps no feedback per answer (numerical ones do, since they learnt to).
CLEAN_MATCH = "::Classes::Match each animal {=cat -> mammal =frog -> amphibian}\n"
LOSSY_MATCH = (
    "::Classes::Match each animal {=cat -> mammal#Fur. =frog -> amphibian =newt -> amphibian}\n"
)
PROMPT = "Match each animal"


def test_an_operators_update_that_loses_a_part_is_reported_and_kept_published(db):
    first = import_file(db.session, "exam.gift", CLEAN_MATCH.encode(), article_slug="zoo-exam")
    db.session.flush()
    animals = _questions(db, first.article_slug)[PROMPT]
    assert animals.status == ItemStatus.PUBLISHED
    again = import_file(db.session, "exam.gift", LOSSY_MATCH.encode(), article_slug="zoo-exam")
    db.session.flush()
    assert (sum(again.updated.values()), again.total, again.drafts) == (1, 0, 0)
    assert [(c.name, c.change) for c in again.changed] == [("Classes", ANSWER_FEEDBACK_LEFT_OUT)]
    assert animals.status == ItemStatus.PUBLISHED
    assert [left for left, _right in animals.pairs] == ["cat", "frog", "newt"]


def test_a_teachers_update_that_loses_a_part_sends_the_question_back_to_draft(db, make_teacher):
    teacher = make_teacher()
    first = import_file(db.session, "exam.gift", CLEAN_MATCH.encode(), importer_id=teacher.id)
    db.session.flush()
    animals = _questions(db, first.article_slug)[PROMPT]
    animals.status = ItemStatus.PUBLISHED  # the teacher accepted it on the review page
    again = import_file(
        db.session,
        "exam.gift",
        LOSSY_MATCH.encode(),
        importer_id=teacher.id,
        article_slug=first.article_slug,
    )
    db.session.flush()
    assert again.drafts == 1
    assert [(c.name, c.change) for c in again.changed] == [("Classes", ANSWER_FEEDBACK_LEFT_OUT)]
    assert animals.status == ItemStatus.DRAFT
