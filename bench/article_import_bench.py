"""How long does a teacher wait for an import, and what does the review page cost?

Run from the repository root:  .venv/bin/python -m bench.article_import_bench [--words 5000]

Builds a scratch SQLite database (migrations + seed) and a teacher, writes a prose article of
``--words`` words (paragraphs, no headings: the case that needs segmentation), then in process:

* times ``import_upload`` (extract, parse, segment, claims, drafts, database writes, commit) for
  a fresh article, five times, and the phases alone (extract; parse + claims; item drafts);
* requests the article's review page through the test client, counting SQL queries and timing it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time

import sqlalchemy as sa

from bench.scratch import seeded_app
from quizapp.core.article_parser import parse_article
from quizapp.core.claims import extract_topics
from quizapp.core.item_generation import generate_items
from quizapp.core.text_extraction import extract_article
from quizapp.extensions import db
from quizapp.models import Claim
from quizapp.services.article_library import ArticleUpload, import_upload
from tests.builders import make_user

PASSWORD = "bench password"
SUBJECTS = [
    "The river delta",
    "The northern harbour",
    "The old railway",
    "The village council",
    "The salt marsh",
    "The copper mine",
    "The weather station",
    "The ferry company",
    "The grain market",
    "The lighthouse keeper",
    "The school library",
    "The town museum",
]
VERBS = [
    "supplies",
    "protects",
    "employs",
    "records",
    "attracts",
    "connects",
    "measures",
    "feeds",
    "shelters",
    "finances",
]
OBJECTS = [
    "forty families",
    "migrating geese",
    "the coastal road",
    "rare orchids",
    "seasonal workers",
    "the spring floods",
    "local fishermen",
    "two new bridges",
    "the winter fair",
    "stone from the quarry",
    "the evening tide",
    "young apprentices",
]
TAILS = [
    "every year since the war",
    "during the dry months",
    "with help from the county",
    "according to the parish records",
    "despite the rising costs",
    "in most seasons",
]


def prose(words: int, seed: int = 7) -> str:
    """Paragraphs of plain sentences about varied subjects, about ``words`` words long."""
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        subject = rng.choice(SUBJECTS)
        sentences = []
        for _ in range(rng.randint(4, 6)):
            sentence = (
                f"{rng.choice([subject, subject, rng.choice(SUBJECTS)])} "
                f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
            )
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = prose(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        app = seeded_app(f"sqlite:///{tmp}/bench.sqlite", WTF_CSRF_ENABLED=False)
        with app.app_context():
            teacher = make_user(db.session, "teacher", "t@example.org", "Teacher", PASSWORD)

            started = time.perf_counter()
            extracted = extract_article("bench.txt", text.encode(), "Bench article")
            extract_s = time.perf_counter() - started
            started = time.perf_counter()
            topics = extract_topics(parse_article(extracted.text))
            parse_s = time.perf_counter() - started
            started = time.perf_counter()
            cards, questions = generate_items(topics, "Bench article")
            generate_s = time.perf_counter() - started

            totals, article = [], None
            for run in range(args.runs):
                upload = ArticleUpload(f"bench-{run}.txt", text.encode(), f"Bench article {run}")
                started = time.perf_counter()
                article, _report = import_upload(db.session, upload, teacher.id)
                db.session.commit()
                totals.append(time.perf_counter() - started)
            claims = db.session.scalar(
                sa.select(sa.func.count(Claim.id)).where(Claim.article_id == article.id)
            )
            article_id = article.id

        client = app.test_client()
        client.post("/auth/login", data={"email": "t@example.org", "password": PASSWORD})
        statements: list[str] = []
        with app.app_context():
            engine = db.engine
        sa.event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        review_times = []
        for _ in range(10):
            statements.clear()
            started = time.perf_counter()
            assert client.get(f"/teach/articles/{article_id}").status_code == 200
            review_times.append(time.perf_counter() - started)
        words = len(text.split())
        print(
            f"article: {words} words, {len(topics)} topics, {claims} claims, "
            f"{len(cards)} flashcards and {len(questions)} questions drafted"
        )
        print(
            f"phases: extract {extract_s * 1000:.0f} ms, parse + segment + claims "
            f"{parse_s * 1000:.0f} ms, item drafts {generate_s * 1000:.0f} ms"
        )
        print(
            f"import (all of it, with database writes and commit), {args.runs} runs: "
            f"median {statistics.median(totals):.2f} s, max {max(totals):.2f} s"
        )
        print(
            f"review page: {len(statements)} SQL queries, median "
            f"{statistics.median(review_times) * 1000:.0f} ms over 10 requests"
        )


if __name__ == "__main__":
    main()
