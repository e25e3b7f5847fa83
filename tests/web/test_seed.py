"""`flask seed`: the content bar, provenance, idempotency, edits in place, and bad banks."""

from __future__ import annotations

from collections import Counter

import pytest
import sqlalchemy as sa
import yaml

from quizapp.models import (
    Article,
    ArticleTag,
    AttemptQuestion,
    Claim,
    Flashcard,
    Question,
    Response,
    Topic,
)
from quizapp.services.quizzes import create_attempt, save_answer
from tests.conftest import ARTICLE, BANK


def _count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_content_bar_for_the_seed_article(db):
    assert _count(db, Topic) >= 12
    assert _count(db, Claim) >= 30
    questions = db.session.scalars(sa.select(Question).where(~Question.retired)).all()
    # Generated items are fewer than before and worth keeping: at most two per claim, none on
    # a fragment or an unresolved "This …" (docs/item-quality.md).
    assert len(questions) >= 65
    generated = [q for q in questions if q.origin == "generated"]
    assert 8 <= len(generated) <= 2 * _count(db, Claim)
    types = Counter(q.type for q in questions)
    assert len(types) >= 5, types
    assert all(q.explanation.strip() and q.claim_id for q in questions)
    live_cards = sa.select(Flashcard.claim_id).where(~Flashcard.retired)
    carded = set(db.session.scalars(live_cards))
    assert len(carded) >= 5
    titles = set(db.session.scalars(sa.select(Topic.title)))
    assert {"Overview", "Conclusion", "Economic Resilience", "Labor Cooperation"} <= titles


def test_every_quote_is_the_article_text_at_its_offsets(db):
    article = db.session.scalar(sa.select(Article))
    for claim in db.session.scalars(sa.select(Claim)):
        assert article.text[claim.start_offset : claim.end_offset] == claim.quote
    for question in db.session.scalars(sa.select(Question)):
        if question.quote:
            assert question.quote in question.claim.quote


def test_answers_are_supported_by_the_claim(db):
    """Fill-in answers appear in the claim; every bank item's supporting quote is in it."""
    for q in db.session.scalars(sa.select(Question).where(Question.type == "fill_blank")):
        quote = q.claim.quote.casefold()
        assert any(a.casefold().removeprefix("the ") in quote for a in q.accepted), q.key


def test_keywords_become_tags_not_claims(db):
    tags = set(db.session.scalars(sa.select(ArticleTag.name)))
    assert "Russia pivot to Asia sanctions impact" in tags
    assert not db.session.scalar(sa.select(Claim.id).where(Claim.quote.contains("Asia sanctions")))


def test_seed_twice_changes_nothing(runner, db):
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "Nothing changed" in result.output
    assert "Economic Resilience" in result.output  # the summary by topic


def test_edited_bank_updates_items_in_place(runner, db, tmp_path):
    data = yaml.safe_load(BANK.read_text())
    item = data["questions"][0]
    before = db.session.scalar(sa.select(Question).where(Question.key == item["key"]))
    before_id, old_prompt = before.id, before.prompt
    item["prompt"] = old_prompt + " (edited)"
    edited = tmp_path / "bank.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True))
    try:
        result = runner.invoke(args=["seed", "--bank", str(edited)])
        assert result.exit_code == 0, result.output
        assert "1 questions updated" in result.output
        db.session.expire_all()
        after = db.session.scalar(sa.select(Question).where(Question.key == item["key"]))
        assert after.id == before_id and after.prompt.endswith("(edited)")
    finally:
        assert runner.invoke(args=["seed"]).exit_code == 0


def test_seed_gives_curated_items_saved_before_the_alias_step_their_aliases_in_place(runner, db):
    """A curated item stored before every item got its aliases keeps its id, and learners'
    answers to it, and gains them at the next ``flask seed``."""
    question = db.session.scalar(sa.select(Question).where(Question.key == "ec-dollar-blank"))
    question_id = question.id
    question.accepted = ["U.S. dollar", "US dollar", "dollar", "American dollar"]  # as stored
    db.session.commit()
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    after = db.session.scalar(sa.select(Question).where(Question.key == "ec-dollar-blank"))
    assert after.id == question_id and {"USD", "United States dollar"} <= set(after.accepted)


def _first(data: dict, qtype: str) -> dict:
    return next(q for q in data["questions"] if q["type"] == qtype)


def _unknown_claim(data: dict) -> None:
    data["questions"][0]["claim"] = "no-such-claim"


def _zero_correct(data: dict) -> None:
    for choice in _first(data, "single_choice")["choices"]:
        choice["correct"] = False


def _two_correct(data: dict) -> None:
    for choice in _first(data, "single_choice")["choices"][:2]:
        choice["correct"] = True


def _duplicate_choices(data: dict) -> None:
    choices = _first(data, "multiple_select")["choices"]
    choices[1]["text"] = choices[0]["text"]


def _quote_not_verbatim(data: dict) -> None:
    data["questions"][3]["quote"] = "Russia loves sanctions"


# case: (change to the bank, raw file text instead, reason expected in the message)
BAD_BANKS = {
    "bad YAML": (None, "questions: [unclosed", "bad YAML"),
    "unknown claim": (_unknown_claim, None, "unknown claim key"),
    "zero correct": (_zero_correct, None, "exactly one correct choice, found 0"),
    "two correct": (_two_correct, None, "exactly one correct choice, found 2"),
    "duplicate choices": (_duplicate_choices, None, "duplicate choices"),
    "quote not verbatim": (_quote_not_verbatim, None, "not verbatim"),
}


@pytest.mark.parametrize("case", BAD_BANKS)
def test_malformed_bank_stops_with_file_item_reason_and_writes_nothing(runner, db, tmp_path, case):
    mutate, raw, reason = BAD_BANKS[case]
    data = yaml.safe_load(BANK.read_text())
    if mutate:
        mutate(data)
    bank = tmp_path / "broken.yaml"
    bank.write_text(raw if raw is not None else yaml.safe_dump(data, allow_unicode=True))
    before = (_count(db, Question), _count(db, Flashcard), _count(db, Claim))
    prompts = dict(db.session.execute(sa.select(Question.key, Question.prompt)).all())

    result = runner.invoke(args=["seed", "--bank", str(bank), "--article", str(ARTICLE)])

    assert result.exit_code != 0
    assert "broken.yaml" in result.output and reason in result.output
    if raw is None:
        assert "questions[" in result.output  # names the item
    db.session.expire_all()
    assert (_count(db, Question), _count(db, Flashcard), _count(db, Claim)) == before
    assert dict(db.session.execute(sa.select(Question.key, Question.prompt)).all()) == prompts


PROSE_ARTICLE = """Coral Reefs Under Pressure
Coral reefs cover less than one percent of the ocean floor. They shelter about a quarter of \
all marine species.

Bleaching
When water grows too warm, corals expel the algae that feed them. Repeated bleaching \
leaves reefs weakened, with less time to recover between events.
"""


def test_another_prose_article_gets_topics_claims_and_generated_items(runner, db, tmp_path):
    article_file = tmp_path / "coral-reefs.txt"
    article_file.write_text(PROSE_ARTICLE)
    seed_questions = _count(db, Question)
    try:
        result = runner.invoke(args=["seed", "--article", str(article_file)])
        assert result.exit_code == 0, result.output
        article = db.session.scalar(sa.select(Article).where(Article.slug == "coral-reefs"))
        topics = db.session.scalars(sa.select(Topic).filter_by(article_id=article.id)).all()
        assert [t.title for t in topics] == ["Overview", "Bleaching"]
        claims = db.session.scalars(sa.select(Claim).filter_by(article_id=article.id)).all()
        assert len(claims) >= 4
        assert all(article.text[c.start_offset : c.end_offset] == c.quote for c in claims)
        assert _count(db, Question) > seed_questions
        # The seed article's items are untouched (nothing retired by another article).
        assert not db.session.scalar(sa.select(Question.id).where(Question.retired))
    finally:
        article = db.session.scalar(sa.select(Article).where(Article.slug == "coral-reefs"))
        if article:
            db.session.delete(article)
            db.session.commit()


def test_a_missing_bank_is_an_error(runner, db, tmp_path):
    result = runner.invoke(args=["seed", "--bank", str(tmp_path / "nope.yaml")])
    assert result.exit_code != 0 and "does not exist" in result.output


def test_reseeding_retires_items_the_generator_no_longer_makes_and_keeps_history(
    runner, db, make_student
):
    """An item of the first generator (a heading true/false) is retired with its answers kept;
    a generated item the new generator still makes keeps its id and its answers."""
    student = make_student()
    survivor = db.session.scalar(sa.select(Question).where(Question.key.like("gen-tf-%")))
    claim = survivor.claim
    old = Question(
        key=f"gen-tf-heading-{claim.key}",
        claim=claim,
        type="true_false",
        prompt="True or false: the article says this under the heading “Conclusion”.",
        explanation="False.",
        answer_bool=False,
        origin="generated",
        difficulty=3,
    )
    db.session.add(old)
    db.session.flush()
    attempt = create_attempt(db.session, student.id, [survivor, old])
    db.session.flush()
    for slot in attempt.questions:
        save_answer(db.session, attempt, slot, "true")
    db.session.commit()
    survivor_id, old_id = survivor.id, old.id
    try:
        result = runner.invoke(args=["seed"])
        assert result.exit_code == 0, result.output
        assert "1 questions retired" in result.output
        db.session.expire_all()
        assert db.session.get(Question, old_id).retired
        assert not db.session.get(Question, survivor_id).retired
        answered = db.session.scalars(sa.select(Response.question_id)).all()
        assert sorted(answered) == sorted([survivor_id, old_id])
    finally:
        db.session.execute(sa.delete(Response))
        db.session.execute(sa.delete(AttemptQuestion))
        db.session.execute(sa.delete(Question).where(Question.id == old_id))
        db.session.commit()
