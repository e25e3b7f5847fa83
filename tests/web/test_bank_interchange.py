"""``flask bank export`` and ``flask bank import``: round trips through the database, reports of
what was skipped, and files refused whole with nothing written."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Article, Claim, Question
from tests.conftest import SEED_SLUG

COMPARED = (
    "type",
    "prompt",
    "explanation",
    "difficulty",
    "pairs",
    "answer_bool",
    "quote",
)


def _fingerprint(question: Question) -> tuple:
    choices = tuple((c["text"], c["correct"]) for c in question.choices)
    return (*(getattr(question, name) for name in COMPARED), choices)


def _questions_of(db, slug: str) -> list[Question]:
    return list(
        db.session.scalars(
            sa.select(Question)
            .join(Claim)
            .join(Article)
            .where(Article.slug == slug, ~Question.retired)
            .order_by(Question.id)
        )
    )


def _seed_title(db) -> str:
    return db.session.scalar(sa.select(Article.title).where(Article.slug == SEED_SLUG))


def _counts(db) -> tuple[int, int, int]:
    return tuple(
        db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (Article, Claim, Question)
    )


def test_export_then_import_gives_the_same_questions(db, runner, tmp_path):
    seeded = _questions_of(db, SEED_SLUG)
    for fmt, name in (("moodle-xml", "bank.xml"), ("gift", "bank.gift")):
        out = tmp_path / name
        result = runner.invoke(
            args=["bank", "export", "--article", SEED_SLUG, "--format", fmt, "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        result = runner.invoke(args=["bank", "import", str(out)])
        assert result.exit_code == 0, result.output
        assert f"Imported {len(seeded)} questions" in result.output
        # A new article each time, named as the file names its questions: the article's title.
        newest = db.session.scalar(sa.select(Article).order_by(Article.id.desc()).limit(1))
        assert newest.title == _seed_title(db) and newest.slug != SEED_SLUG
        slug = newest.slug
        imported = _questions_of(db, slug)
        assert sorted(map(_fingerprint, imported)) == sorted(map(_fingerprint, seeded))
        # Every exported answer comes back in its place; an import, like any save, may add
        # aliases after them (``aliases.answer_set``).
        accepted = sorted(((q.prompt, q.quote), q.accepted) for q in imported)
        for (_, back), (_, sent) in zip(
            accepted, sorted(((q.prompt, q.quote), q.accepted) for q in seeded), strict=True
        ):
            assert back[: len(sent)] == sent
        article = db.session.scalar(sa.select(Article).where(Article.slug == slug))
        for question in imported:  # every imported item points at a verbatim span
            claim = question.claim
            assert article.text[claim.start_offset : claim.end_offset] == claim.quote
            assert question.origin == "curated" and question.author_id is None


def test_import_into_the_same_article_finds_the_source_claims(db, runner, tmp_path, make_teacher):
    teacher = make_teacher()
    out = tmp_path / "again.xml"
    runner.invoke(
        args=["bank", "export", "--article", SEED_SLUG, "--format", "moodle-xml", "-o", str(out)]
    )
    text_before = db.session.scalar(sa.select(Article.text).where(Article.slug == SEED_SLUG))
    result = runner.invoke(
        args=["bank", "import", str(out), "--article", SEED_SLUG, "--author", teacher.email]
    )
    assert result.exit_code == 0, result.output
    mine = list(db.session.scalars(sa.select(Question).where(Question.author_id == teacher.id)))
    assert mine and all(q.origin == "teacher" for q in mine)
    # Every seeded question carries its source quote, so each finds its claim again and the
    # article's text is left as it was.
    assert all(q.quote and q.quote in q.claim.quote for q in mine)
    assert {q.claim.article.slug for q in mine} == {SEED_SLUG}
    db.session.expire_all()
    text_after = db.session.scalar(sa.select(Article.text).where(Article.slug == SEED_SLUG))
    assert text_after == text_before


def test_import_reports_what_it_skipped(db, runner, tmp_path):
    gift = tmp_path / "mixed bank.gift"
    gift.write_text(
        "::tf::The pipeline carries gas. {TRUE}\n\n::num::2 + 2? {#4}\n\n::essay::Discuss. {}\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["bank", "import", str(gift), "--article", "my-bank"])
    assert result.exit_code == 0, result.output
    assert "Imported 2 questions into" in result.output
    assert "Skipped essay: an essay question" in result.output
    assert [q.prompt for q in _questions_of(db, "my-bank")] == [
        "The pipeline carries gas.",
        "2 + 2?",
    ]


def test_a_bad_file_is_refused_and_nothing_is_written(db, runner, tmp_path):
    before = _counts(db)
    cases = {
        "broken.xml": b"<quiz><question type='truefalse'>",
        "bomb.xml": b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>',
        "braces.gift": b"Who? {=a ~b\n\nFine? {TRUE}\n",
        "latin1.gift": "Qui est enterr\u00e9? {=personne}".encode("latin-1"),
        "only-essays.gift": b"Discuss. {}\n",
        "notes.docx": b"PK\x03\x04",
    }
    messages = {
        "broken.xml": "not well-formed",
        "bomb.xml": "DTD or entities",
        "braces.gift": "Line 1: the braces",
        "latin1.gift": "not UTF-8",
        "only-essays.gift": "no question the app can import",
        "notes.docx": "Moodle XML (.xml)",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = runner.invoke(args=["bank", "import", str(path)])
        assert result.exit_code == 1, (name, result.output)
        assert "Nothing was imported" in result.output and messages[name] in result.output, name
    assert _counts(db) == before


def test_export_of_an_unknown_article_says_so(db, runner, tmp_path):
    result = runner.invoke(
        args=[
            "bank",
            "export",
            "--article",
            "nope",
            "--format",
            "gift",
            "-o",
            str(tmp_path / "x.gift"),
        ]
    )
    assert result.exit_code == 1 and "There is no article" in result.output


def test_decks_go_out_and_come_back_as_csv_and_anki(db, runner, tmp_path):
    from quizapp.models import Flashcard

    def cards_of(slug):
        return sorted(
            db.session.execute(
                sa.select(Flashcard.front, Flashcard.back, Flashcard.kind)
                .join(Claim)
                .join(Article)
                .where(Article.slug == slug, ~Flashcard.retired)
            ).all()
        )

    seeded = cards_of(SEED_SLUG)
    assert {kind for *_, kind in seeded} == {"basic", "cloze"}
    for fmt in ("csv", "apkg"):
        out = tmp_path / f"deck.{fmt}"
        result = runner.invoke(
            args=["bank", "export", "--article", SEED_SLUG, "--format", fmt, "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        result = runner.invoke(args=["bank", "import", str(out), "--article", f"deck-{fmt}"])
        assert result.exit_code == 0, result.output
        assert f"Imported {len(seeded)} flashcards" in result.output
        assert cards_of(f"deck-{fmt}") == seeded
