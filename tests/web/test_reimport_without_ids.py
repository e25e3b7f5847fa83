"""A Moodle file without ``<idnumber>`` imported again into its own article updates in place.

Most Moodle exports of older courses carry no idnumber. Before, each question of such a file
got a fresh key, so importing the file again into the article it made added every question and
its claim a second time instead of reporting them unchanged. Moodle matches a question without
id by its name within its category; so does the import now.
"""

from __future__ import annotations

import io

import sqlalchemy as sa

from quizapp.models import Article, Claim, Question


def _question(name: str, prompt: str, right: str, wrong: str) -> str:
    return f"""
  <question type="multichoice">
    <name><text>{name}</text></name>
    <questiontext format="html"><text>{prompt}</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>{right}</text></answer>
    <answer fraction="0"><text>{wrong}</text></answer>
  </question>"""


def _category(path: str) -> str:
    return f'<question type="category"><category><text>{path}</text></category></question>'


# "Q1" twice, in two categories: Moodle's own names repeat like that across a course.
PLANETS = (
    '<?xml version="1.0" encoding="UTF-8"?><quiz>'
    + _category("$course$/top/Planets/Inner")
    + _question("Q1", "Which planet is closest to the Sun?", "Mercury", "Venus")
    + _question("Hottest", "Which planet is the hottest?", "Venus", "Mercury")
    + _category("$course$/top/Planets/Outer")
    + _question("Q1", "Which planet is the largest?", "Jupiter", "Saturn")
    + "</quiz>"
)


# A GIFT title is the question's Moodle name: "Q1" twice, in two categories, the same way.
PLANETS_GIFT = (
    "$CATEGORY: $course$/top/Planets/Inner\n\n"
    "::Q1:: Which planet is closest to the Sun? {=Mercury ~Venus}\n\n"
    "$CATEGORY: $course$/top/Planets/Outer\n\n"
    "::Q1:: Which planet is the largest? {=Jupiter ~Saturn}\n"
)


def _upload(client, text: str, into: str | None = None, filename: str = "planets.xml"):
    data: dict = {"file": (io.BytesIO(text.encode()), filename)}
    if into is not None:
        data["into"] = into
    return client.post(
        "/teach/exchange/import",
        data=data,
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def _stored(db, article_id: int) -> tuple[list[tuple[int, str]], int]:
    db.session.expire_all()
    questions = db.session.scalars(
        sa.select(Question).where(Question.article_id == article_id).order_by(Question.id)
    )
    claims = db.session.scalar(
        sa.select(sa.func.count(Claim.id)).where(Claim.article_id == article_id)
    )
    return [(q.id, q.prompt) for q in questions], claims


def test_the_same_file_again_is_unchanged_and_a_changed_one_updates_in_place(
    client, db, make_teacher, login
):
    teacher = make_teacher()
    login(client, teacher)
    assert _upload(client, PLANETS).status_code == 200
    article_id = db.session.scalar(sa.select(Article.id).where(Article.owner_id == teacher.id))
    questions, claims = _stored(db, article_id)
    assert len(questions) == 3

    again = _upload(client, PLANETS, into=str(article_id))
    assert again.status_code == 200
    text = again.get_data(as_text=True)
    assert "single choice: 0 updated, 3 unchanged, 0 new" in text, text
    assert _stored(db, article_id) == (questions, claims)

    # The outer "Q1" reworded: that question takes it, matched by its name in its category.
    changed = PLANETS.replace("Which planet is the largest?", "Which planet is the biggest?")
    text = _upload(client, changed, into=str(article_id)).get_data(as_text=True)
    assert "single choice: 1 updated, 2 unchanged, 0 new" in text, text
    after, after_claims = _stored(db, article_id)
    assert [q_id for q_id, _prompt in after] == [q_id for q_id, _prompt in questions]
    assert after[2][1] == "Which planet is the biggest?" and after_claims == claims


def test_gift_titles_shared_across_categories_are_matched_within_each(
    client, db, make_teacher, login
):
    teacher = make_teacher()
    login(client, teacher)
    _upload(client, PLANETS_GIFT, filename="planets.gift")
    article_id = db.session.scalar(sa.select(Article.id).where(Article.owner_id == teacher.id))
    stored = _stored(db, article_id)
    assert len(stored[0]) == 2

    text = _upload(client, PLANETS_GIFT, into=str(article_id), filename="planets.gift")
    assert "single choice: 0 updated, 2 unchanged, 0 new" in text.get_data(as_text=True)
    assert _stored(db, article_id) == stored
