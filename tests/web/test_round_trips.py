"""Round trips through ``flask bank export`` and ``flask bank import``: keys and the topic tree
come back, and a file imported into the article it came from updates its items in place."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import sqlalchemy as sa

from quizapp.models import Article, Claim, Flashcard, Question, Response, Topic
from tests.builders.teaching import enrol, make_assignment, make_class, make_set, take
from tests.conftest import SEED_SLUG


def _export(runner, tmp_path, fmt: str, slug: str = SEED_SLUG, name: str | None = None):
    out = tmp_path / (name or f"bank.{ {'moodle-xml': 'xml'}.get(fmt, fmt) }")
    result = runner.invoke(args=["bank", "export", "--article", slug, "--format", fmt, "-o", out])
    assert result.exit_code == 0, result.output
    return out


def _import(runner, path, slug: str, author=None) -> str:
    args = ["bank", "import", str(path), "--article", slug]
    result = runner.invoke(args=args + (["--author", author.email] if author else []))
    assert result.exit_code == 0, result.output
    return result.output


def _live_questions(db, slug: str) -> list[Question]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Question)
            .join(Article, Question.article_id == Article.id)
            .where(Article.slug == slug, ~Question.retired)
            .order_by(Question.id)
        )
    )


def _updated(output: str) -> int:
    """How many items the import report says it updated, over every kind."""
    return sum(int(n) for n in re.findall(r"(\d+) updated", output))


def _article(db, slug: str) -> Article:
    return db.session.scalar(sa.select(Article).where(Article.slug == slug))


def _tree(article: Article) -> set[tuple[str, ...]]:
    """Every topic of the article as its path of titles, outermost first."""
    by_id = {t.id: t for t in article.topics}

    def path(topic):
        return (*path(by_id[topic.parent_id]), topic.title) if topic.parent_id else (topic.title,)

    return {path(t) for t in article.topics}


def test_the_seed_bank_into_its_own_article_changes_nothing(db, runner, tmp_path):
    before = [
        (q.id, q.key, q.prompt, q.accepted, q.choices) for q in _live_questions(db, SEED_SLUG)
    ]
    text_before = _article(db, SEED_SLUG).text
    topics_before = _tree(_article(db, SEED_SLUG))
    assert len(before) >= 68  # the seed bank's questions, all of them exported
    for fmt in ("moodle-xml", "gift"):
        output = _import(runner, _export(runner, tmp_path, fmt), SEED_SLUG)
        assert "Imported 0 questions" in output, output
        assert " 0 new" in output and "unchanged" in output
        assert " updated, " in output and _updated(output) == 0
        after = [
            (q.id, q.key, q.prompt, q.accepted, q.choices) for q in _live_questions(db, SEED_SLUG)
        ]
        assert after == before, fmt
        db.session.expire_all()
        article = _article(db, SEED_SLUG)
        assert article.text == text_before and _tree(article) == topics_before


def _answered_question(db, make_teacher, make_student, slug: str) -> tuple[Question, Response]:
    """The article's first question, which a student has answered in an assignment."""
    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    question = _live_questions(db, slug)[0]
    assignment = make_assignment(db, make_set(db, teacher, [question]), [school_class])
    take(db, assignment, student)
    response = db.session.scalar(sa.select(Response).where(Response.question_id == question.id))
    assert response is not None
    return question, response


def _edit_moodle_prompt(path, key: str, prompt: str) -> None:
    tree = ET.parse(path)
    element = next(q for q in tree.getroot() if q.findtext("idnumber") == key)
    element.find("questiontext/text").text = f"<p>{prompt}</p>"
    tree.write(path, encoding="utf-8", xml_declaration=True)


def test_an_edited_prompt_updates_that_question_and_keeps_its_answers(
    db, runner, tmp_path, make_teacher, make_student
):
    # The bank goes into an operator's article of its own (every test starts from the seeded
    # article as it is); that article's export then comes back edited.
    _import(runner, _export(runner, tmp_path, "moodle-xml"), "bank-copy")
    question, response = _answered_question(db, make_teacher, make_student, "bank-copy")
    question_id, key, response_id = question.id, question.key, response.id
    count = len(_live_questions(db, "bank-copy"))
    path = _export(runner, tmp_path, "moodle-xml", "bank-copy", "copy.xml")
    _edit_moodle_prompt(path, key, "Which statement does the reading make, as edited?")
    output = _import(runner, path, "bank-copy")
    assert _updated(output) == 1 and "Imported 0 questions" in output, output
    questions = _live_questions(db, "bank-copy")
    assert len(questions) == count
    edited = db.session.get(Question, question_id)
    assert (
        edited.key == key and edited.prompt == "Which statement does the reading make, as edited?"
    )
    kept = db.session.get(Response, response_id)
    assert kept is not None and kept.question_id == question_id


def _change_moodle_answer(path, key: str) -> None:
    """The question's marks moved round its answers: another answer is the right one."""
    tree = ET.parse(path)
    element = next(q for q in tree.getroot() if q.findtext("idnumber") == key)
    answers = element.findall("answer")
    fractions = [a.get("fraction") for a in answers]
    assert len(set(fractions)) > 1, fractions
    for answer, fraction in zip(answers, fractions[1:] + fractions[:1], strict=True):
        answer.set("fraction", fraction)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def test_a_new_answer_for_an_answered_question_comes_in_beside_it(
    db, runner, tmp_path, make_teacher, make_student
):
    """Learners' answers keep their marks: a file that gives an answered question another
    right answer adds the file's version as a new question, reported, and leaves the stored
    one (and every response to it) as it was."""
    _import(runner, _export(runner, tmp_path, "moodle-xml"), "bank-copy")
    question, response = _answered_question(db, make_teacher, make_student, "bank-copy")
    question_id, key, choices = question.id, question.key, question.choices
    count = len(_live_questions(db, "bank-copy"))
    path = _export(runner, tmp_path, "moodle-xml", "bank-copy", "copy.xml")
    _change_moodle_answer(path, key)
    output = _import(runner, path, "bank-copy")
    assert "Imported 1 question" in output and _updated(output) == 0, output
    assert "learners have answered the question stored under its key" in output, output
    questions = _live_questions(db, "bank-copy")
    assert len(questions) == count + 1
    kept = db.session.get(Question, question_id)
    assert (kept.key, kept.choices) == (key, choices)
    assert db.session.get(Response, response.id).question_id == question_id
    added = questions[-1]
    assert added.key != key  # an operator's import: published, as its other questions
    assert [c["correct"] for c in added.choices] != [c["correct"] for c in choices]


def test_a_teacher_over_the_bank_keys_gets_copies_never_edits(db, runner, tmp_path, make_teacher):
    teacher = make_teacher()
    seeded = _live_questions(db, SEED_SLUG)
    bank = {q.id: (q.key, q.prompt) for q in seeded}
    path = _export(runner, tmp_path, "moodle-xml")
    _edit_moodle_prompt(path, seeded[0].key, "A teacher's own wording")
    output = _import(runner, path, SEED_SLUG, author=teacher)
    assert f"Imported {len(seeded)} questions" in output, output
    mine = [q for q in _live_questions(db, SEED_SLUG) if q.author_id == teacher.id]
    assert len(mine) == len(seeded) and all(q.origin == "teacher" for q in mine)
    assert {q.key for q in mine} == {f"t{teacher.id}-{key}" for key, _ in bank.values()}
    for question_id, (key, prompt) in bank.items():  # the bank is as it was
        stored = db.session.get(Question, question_id)
        assert (stored.key, stored.prompt, stored.author_id) == (key, prompt, None)
    # Again: the teacher's copies are theirs to update; still no edit of the bank, no new copy.
    _edit_moodle_prompt(path, seeded[0].key, "A teacher's second wording")
    output = _import(runner, path, SEED_SLUG, author=teacher)
    assert "Imported 0 questions" in output and _updated(output) == 1, output
    copy = db.session.scalar(
        sa.select(Question).where(Question.key == f"t{teacher.id}-{seeded[0].key}")
    )
    assert copy.prompt == "A teacher's second wording"
    assert db.session.get(Question, seeded[0].id).prompt == bank[seeded[0].id][1]


def _category(path: str) -> str:
    return f'<question type="category"><category><text>{path}</text></category></question>'


def _true(key: str, text: str) -> str:
    return (
        f'<question type="truefalse"><name><text>{key}</text></name><idnumber>{key}</idnumber>'
        f'<questiontext format="html"><text>{text}</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question>'
    )


TREE_XML = "\n".join(
    [
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>',
        _category("$course$/top/Earth/Rocks/Igneous"),
        _true("rock-1", "Basalt cools from lava."),
        _category("$course$/top/Earth/Minerals/Igneous"),
        _true("mineral-1", "Olivine forms in igneous rock."),
        _category("$course$/top/Earth/Rocks"),
        _true("rock-2", "Granite is a rock."),
        "</quiz>",
    ]
)
TREE = {("Rocks",), ("Rocks", "Igneous"), ("Minerals",), ("Minerals", "Igneous")}


def test_the_topic_tree_and_keys_go_round_through_moodle_xml_and_gift(db, runner, tmp_path):
    source = tmp_path / "earth.xml"
    source.write_text(TREE_XML, encoding="utf-8")
    _import(runner, source, "earth")
    assert _tree(_article(db, "earth")) == TREE
    keys = {q.key: q.claim.topic.title for q in _live_questions(db, "earth")}
    assert keys == {"rock-1": "Igneous", "mineral-1": "Igneous", "rock-2": "Rocks"}
    xml = _export(runner, tmp_path, "moodle-xml", "earth", "earth-out.xml").read_text()
    assert "<idnumber>rock-1</idnumber>" in xml and "$course$/top/earth/Minerals/Igneous" in xml
    gift = _export(runner, tmp_path, "gift", "earth", "earth.gift").read_text()
    assert "$CATEGORY: $course$/top/earth/Rocks/Igneous" in gift and "::rock-1::" in gift
    for name, slug in (("earth-out.xml", "earth-xml"), ("earth.gift", "earth-gift")):
        _import(runner, tmp_path / name, slug)
        assert _tree(_article(db, slug)) == TREE, name
        back = {q.key: q.claim.topic.title for q in _live_questions(db, slug)}
        assert back == keys, name
        # Into the article it came from: nothing new, nothing changed.
        output = _import(runner, tmp_path / name, "earth")
        assert "true false: 0 updated, 3 unchanged, 0 new" in output, output
    assert len(_live_questions(db, "earth")) == 3


def _cards(db, slug: str) -> dict[str, tuple]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(Flashcard.key, Flashcard.id, Flashcard.front, Flashcard.back, Topic.title)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .join(Article, Flashcard.article_id == Article.id)
        .where(Article.slug == slug, ~Flashcard.retired)
    )
    return {key: rest for key, *rest in rows}


def test_csv_cards_keep_keys_and_topics_and_update_in_place(db, runner, tmp_path):
    seeded = _cards(db, SEED_SLUG)
    path = _export(runner, tmp_path, "csv")
    _import(runner, path, "deck-copy")
    copied = _cards(db, "deck-copy")
    assert {k: (f, b, t) for k, (_, f, b, t) in copied.items()} == {
        k: (f, b, t) for k, (_, f, b, t) in seeded.items()
    }
    output = _import(runner, path, "deck-copy")
    assert "Imported 0 flashcards" in output and _updated(output) == 0, output
    key = sorted(copied)[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(copied[key][2], "An edited back", 1), encoding="utf-8")
    output = _import(runner, path, "deck-copy")
    assert _updated(output) == 1, output
    after = _cards(db, "deck-copy")
    assert after[key][0] == copied[key][0] and after[key][2] == "An edited back"
    assert len(after) == len(copied)


def test_a_csv_topic_cell_names_a_sub_topic(db, runner, tmp_path):
    path = tmp_path / "wars.csv"
    path.write_text(
        "front,back,topic,key\nFirst battle,Bull Run,Wars::Civil,w-1\nArmistice,1918,Wars,w-2\n",
        encoding="utf-8",
    )
    _import(runner, path, "wars")
    assert _tree(_article(db, "wars")) == {("Wars",), ("Wars", "Civil")}
    assert {k: row[3] for k, row in _cards(db, "wars").items()} == {"w-1": "Civil", "w-2": "Wars"}


def test_a_key_twice_in_a_file_or_too_long_to_keep_makes_new_items(db, runner, tmp_path):
    long_key = "k" * 200
    source = tmp_path / "twice.xml"
    source.write_text(
        "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>',
                _category("$course$/top/Earth/Rocks"),
                _true("rock-1", "Basalt cools from lava."),
                _true("rock-1", "Granite is a rock."),
                _true(long_key, "Pumice floats."),
                "</quiz>",
            ]
        ),
        encoding="utf-8",
    )
    output = _import(runner, source, "twice")
    assert "Imported 3 questions" in output, output
    keys = [q.key for q in _live_questions(db, "twice")]
    assert keys[0] == "rock-1" and len(set(keys)) == 3 and long_key not in keys
    # Again: the kept key matches its question; the others have no key in the file to match.
    output = _import(runner, source, "twice")
    assert "true false: 0 updated, 1 unchanged, 2 new" in output, output
