"""How long do the biggest imports take: 2,000 Moodle XML questions, an .apkg of 10,000 notes?

Run from the repository root:  .venv/bin/python -m bench.interchange_bench [--corpus]

What it does: builds a scratch SQLite database in a temporary directory (migrations, the seeded
article and bank), then
1. writes a Moodle XML file of 2,000 questions (the seeded bank's 151 questions of all six types,
   repeated with numbered prompts, over 14 topics) and times ``flask bank import`` of it as the
   command does it: read, validate, write the article, claims and questions, commit;
2. writes an .apkg of 10,000 notes (half Basic, half Cloze) with the app's own exporter and
   times the same import of it.
Each import runs three times, each into an article of its own; the table gives every run.

With ``--corpus`` it instead imports each real file of ``tests/data/interchange/`` (Moodle's
fixtures, public GIFT exams, Anki packages; see its SOURCES.md) as a teacher's upload, into the
same kind of scratch database, and prints per file: items (counted without the app's readers),
kept, changed and skipped, then every change and skip with its reason
(``bench.interchange_corpus``).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace

import sqlalchemy as sa

from bench.interchange_corpus import corpus_files, import_corpus_file, table
from bench.scratch import seeded_app
from quizapp.core.anki_export import ExportCard, anki_package
from quizapp.core.interchange.moodle_xml import write_moodle_xml
from quizapp.core.interchange.records import ExportQuestion
from quizapp.core.item_drafts import QuestionDraft
from quizapp.extensions import db
from quizapp.models import Claim, Question, Topic
from quizapp.services.interchange import import_file
from tests.builders.users import make_user

QUESTIONS = 2000
NOTES = 10_000
RUNS = 3
LIMIT_S = 10.0


def _questions() -> list[ExportQuestion]:
    rows = db.session.execute(
        sa.select(Question, Topic.title)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .order_by(Question.id)
    ).all()
    out = []
    for i in range(QUESTIONS):
        question, topic = rows[i % len(rows)]
        draft = QuestionDraft(
            key=question.key,
            claim_key="",
            type=question.type,
            prompt=f"{question.prompt} ({i})",
            explanation=question.explanation,
            difficulty=question.difficulty,
            choices=question.choices,
            accepted=question.accepted,
            pairs=question.pairs,
            answer_bool=question.answer_bool,
            quote=question.quote,
        )
        out.append(ExportQuestion(draft, topic, f"q{i}"))
    out.sort(key=lambda item: item.topic)
    return out


def _cards() -> list[ExportCard]:
    base = ExportCard("k", "", "", "Russia and China opened the Power of Siberia.", "Energy")
    return [
        replace(
            base,
            key=f"k{i}",
            front=f"The _____ pipeline ({i})",
            back="Power of Siberia",
            kind="cloze",
        )
        if i % 2
        else replace(base, key=f"k{i}", front=f"Which pipeline? ({i})", back="Power of Siberia")
        for i in range(NOTES)
    ]


def _time_import(name: str, data: bytes) -> list[float]:
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        # An article of its own per run: an Anki deck imported again into the article it went
        # into adds only its new cards, which would time nothing.
        report = import_file(db.session, name, data, article_slug=f"bench-{name}-{run}")
        db.session.commit()
        times.append(time.perf_counter() - start)
        assert report.total > 0 and not report.skipped, report.skipped[:3]
    return times


def corpus() -> None:
    """Each corpus file imported by a teacher of its own (so no file's keys meet another's)."""
    with tempfile.TemporaryDirectory() as tmp:
        app = seeded_app(f"sqlite:///{tmp}/corpus.sqlite")
        with app.app_context():
            results = []
            for path in corpus_files():
                teacher = make_user(db.session, "teacher")
                results.append(import_corpus_file(db.session, path, teacher.id))
                db.session.commit()
    print("\n".join(table(results)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="import the real files instead")
    if parser.parse_args().corpus:
        corpus()
        return
    with tempfile.TemporaryDirectory() as tmp:
        app = seeded_app(f"sqlite:///{tmp}/bench.sqlite")
        with app.app_context():
            xml = write_moodle_xml("Bench", _questions())
            apkg = anki_package("Bench", _cards())
            results = [
                (
                    f"Moodle XML, {QUESTIONS} questions ({len(xml) / 1e6:.1f} MB)",
                    _time_import("bench.xml", xml),
                ),
                (
                    f".apkg, {NOTES} notes ({len(apkg) / 1e6:.1f} MB)",
                    _time_import("bench.apkg", apkg),
                ),
            ]
    print("| import | run 1 s | run 2 s | run 3 s | under 10 s |")
    print("|---|---:|---:|---:|---|")
    for label, times in results:
        cells = " | ".join(f"{t:.2f}" for t in times)
        print(f"| {label} | {cells} | {'yes' if max(times) < LIMIT_S else 'NO'} |")


if __name__ == "__main__":
    main()
