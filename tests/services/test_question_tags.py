"""Moodle XML's ``<tags>`` (and GIFT's ``[tag:…]`` comments) arrive on each question, but for
the tags the formats use for themselves (difficulty, a poll's mark), and leave with it again;
a file imported again into its article updates them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import sqlalchemy as sa

from quizapp.models import Article, Question
from quizapp.services.interchange import import_file
from quizapp.services.question_exchange import export_questions

BANK = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>Sun</text></name>
    <questiontext format="html"><text>The Sun is a star.</text></questiontext>
    <idnumber>sun-1</idnumber>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
    <tags>
      <tag><text>difficulty-3</text></tag>
      <tag><text>astro::stars</text></tag>
      <tag><text>Exam-B</text></tag>
    </tags>
  </question>
  <question type="truefalse">
    <name><text>Moon</text></name>
    <questiontext format="html"><text>The Moon is a planet.</text></questiontext>
    <idnumber>moon-1</idnumber>
    <answer fraction="0"><text>true</text></answer>
    <answer fraction="100"><text>false</text></answer>
    <tags><tag><text>solar system</text></tag></tags>
  </question>
</quiz>
"""


def _questions(db, slug: str) -> dict[str, Question]:
    db.session.expire_all()
    stmt = sa.select(Question).join(Article).where(Article.slug == slug)
    return {q.key: q for q in db.session.scalars(stmt)}


def test_moodle_tags_arrive_and_a_tag_with_a_space_is_a_change(db, make_teacher):
    teacher = make_teacher()
    report = import_file(db.session, "sky.xml", BANK.encode(), importer_id=teacher.id)
    db.session.commit()
    stored = _questions(db, report.article_slug)
    assert stored["sun-1"].tags == ["astro::stars", "Exam-B"]
    assert stored["sun-1"].difficulty == 3
    assert stored["moon-1"].tags == ["solar_system"]
    changes = {c.name: c.change for c in report.changed}
    assert "“solar system” is kept as “solar_system”" in changes["Moon"]
    assert "Sun" not in changes


def test_tags_go_round_through_moodle_xml_and_gift(db):
    # An operator's import keeps each question's status: published, so exported.
    report = import_file(db.session, "sky.xml", BANK.encode())
    db.session.commit()
    slug = report.article_slug
    xml = export_questions(db.session, slug, "moodle-xml")
    sun = next(q for q in ET.fromstring(xml).iter("question") if q.findtext("idnumber") == "sun-1")
    assert [t.text for t in sun.findall("tags/tag/text")] == [
        "difficulty-3",
        "astro::stars",
        "Exam-B",
    ]
    gift = export_questions(db.session, slug, "gift").decode("utf-8")
    assert "// [tag:difficulty-3] [tag:astro::stars] [tag:Exam-B]" in gift
    for name, data in (("again.xml", xml), ("again.gift", gift.encode())):
        copy = import_file(db.session, name, data)
        db.session.commit()
        tags = {key: q.tags for key, q in _questions(db, copy.article_slug).items()}
        assert tags == {"sun-1": ["astro::stars", "Exam-B"], "moon-1": ["solar_system"]}, name


def test_a_file_imported_again_updates_a_questions_tags(db, make_teacher):
    teacher = make_teacher()
    report = import_file(db.session, "sky.xml", BANK.encode(), importer_id=teacher.id)
    db.session.commit()
    slug = report.article_slug
    again = BANK.replace("<tag><text>Exam-B</text></tag>", "")
    second = import_file(
        db.session, "sky.xml", again.encode(), importer_id=teacher.id, article_slug=slug
    )
    db.session.commit()
    assert second.updated["true_false"] == 1
    assert _questions(db, slug)["sun-1"].tags == ["astro::stars"]
