"""A teacher's import of a Russian .txt and a Chinese .md: the language is told and kept, the
sentences end where the language ends them, and the items are the language-neutral ones."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from quizapp.core.grading import GradingKey, grade_answer
from quizapp.models import Claim, Flashcard, Question, Topic
from quizapp.services.article_library import ArticleUpload, import_upload

READINGS = Path(__file__).resolve().parents[2] / "seed" / "corpus" / "languages"


def _import(db, teacher_id: int, name: str):
    upload = ArticleUpload(name, (READINGS / name).read_bytes())
    article, _ = import_upload(db.session, upload, teacher_id)
    db.session.flush()
    return article


def _rows(db, model, article):
    return db.session.scalars(
        sa.select(model).where(model.article_id == article.id).order_by(model.id)
    ).all()


def test_russian_text_file_imports_as_russian_with_whole_sentences(db, make_teacher):
    article = _import(db, make_teacher().id, "transsib.txt")
    assert article.language == "ru"
    assert article.title == "Транссибирская магистраль"
    topics = [t.title for t in _rows(db, Topic, article)]
    assert topics[:2] == ["Самая длинная железная дорога", "Начало строительства"]
    quotes = [c.quote for c in _rows(db, Claim, article)]
    # Initials, "т. е." and a year's "г." inside a sentence do not end it.
    assert "Главным сторонником стройки был министр финансов С. Ю. Витте" in quotes
    assert any(q.endswith("т. е. будущий император Николай II") for q in quotes)
    assert "Поэтому в 1908 г. начали строить Амурскую железную дорогу по территории России" in (
        quotes
    )
    questions = _rows(db, Question, article)
    assert questions and {q.type for q in questions} == {"fill_blank"}
    year = next(q for q in questions if "Амурскую" in q.prompt)
    assert year.accepted == ["1908"]
    assert len(_rows(db, Flashcard, article)) == len(quotes)


def test_chinese_markdown_imports_as_chinese_and_splits_at_full_stops(db, make_teacher):
    article = _import(db, make_teacher().id, "sanxia.md")
    assert article.language == "zh"
    topics = _rows(db, Topic, article)
    assert [t.title for t in topics][:2] == ["位置与规模", "漫长的准备"]
    assert len({t.key for t in topics}) == len(topics)  # no two headings share a key
    quotes = [c.quote for c in _rows(db, Claim, article)]
    assert quotes[0] == "三峡大坝位于湖北省宜昌市三斗坪镇，建在长江西陵峡中段"
    assert "三峡工程的首要任务是防洪" in quotes
    questions = _rows(db, Question, article)
    built = next(q for q in questions if "全线建成" in q.prompt)
    assert built.prompt == "填空：大坝主体工程于_____年全线建成。"
    key = GradingKey(type=built.type, accepted=tuple(built.accepted))
    assert grade_answer(key, "２００６").correct  # typed with full-width digits
    assert not grade_answer(key, "2016").correct
    # A sentence opening with a pronoun ("它是…") gets a card, no question.
    pronoun = next(c for c in _rows(db, Claim, article) if c.quote.startswith("它"))
    assert not [q for q in questions if q.claim_id == pronoun.id]


def test_english_import_is_marked_english_and_keeps_every_form(db, make_teacher):
    text = (READINGS.parent / "photosynthesis.txt").read_bytes()
    article, _ = import_upload(db.session, ArticleUpload("photosynthesis.txt", text), None)
    db.session.flush()
    assert article.language == "en"
    assert {"true_false", "single_choice"} <= {q.type for q in _rows(db, Question, article)}
