"""Real interchange files (``tests/data/interchange/``, sources in its SOURCES.md) imported one
by one as a teacher's upload is, each summed up: items in the file, kept, changed (with what
changed, from the import report) and skipped (with the reason).

The items in a file are counted without the app's readers, so a reader that drops an item
without a word shows as a gap between "items" and kept + skipped: Moodle XML by its
``<question>`` elements that are not categories (stdlib ElementTree), GIFT by its blank-line
separated blocks that hold more than comments and ``$CATEGORY`` lines, an Anki package by the
cards Anki's own library (``anki``) finds in it.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app
from sqlalchemy.orm import Session

from quizapp import ROOT
from quizapp.core.interchange.formats import format_named
from quizapp.core.interchange.records import InterchangeError, Skipped
from quizapp.core.interchange.sniffing import sniff_format
from quizapp.services.interchange import import_file
from quizapp.services.media import media_sink

CORPUS = ROOT / "tests" / "data" / "interchange"
# Moodle's embedded-answers ("cloze") questions with more than one gap are a question kind of
# their own, being built separately; until it lands they are skipped, and said so here.
MULTIANSWER_NOTE = "a multi-gap cloze question kind is being built; until then these are skipped"


def corpus_files() -> list[Path]:
    """Every corpus file, by format folder then name."""
    return sorted(
        path
        for path in CORPUS.glob("*/*")
        if path.is_file() and path.suffix not in (".py", ".md", ".pyc")
    )


def count_items(path: Path) -> int:
    """The questions or cards in the file, counted without the app's readers."""
    data = path.read_bytes()
    if path.suffix == ".apkg":
        return _anki_cards(path)
    if data.lstrip().startswith(b"<"):
        root = ET.fromstring(data)
        return sum(1 for q in root.iter("question") if q.get("type") != "category")
    return _gift_blocks(data.decode("utf-8-sig"))


def _gift_blocks(text: str) -> int:
    count = 0
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if any(not (line.startswith("//") or line.startswith("$CATEGORY:")) for line in lines):
            count += 1
    return count


def _anki_cards(path: Path) -> int:
    # Anki's library is a test dependency (AGPL, 40 MB), imported only when a deck is counted.
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    with tempfile.TemporaryDirectory() as folder:
        col = Collection(str(Path(folder) / "count.anki2"))
        try:
            col.import_anki_package(
                ImportAnkiPackageRequest(
                    package_path=str(path),
                    options=ImportAnkiPackageOptions(with_scheduling=True),
                )
            )
            return col.card_count()
        finally:
            col.close()


# The report's names for what it says of a whole deck rather than of a card.
_DECK_WIDE = ("review history",)


@dataclass
class FileResult:
    """One corpus file through a teacher's upload: what the report said of it."""

    path: Path
    items: int
    kept: int = 0
    changed: dict[str, list[str]] = field(default_factory=dict)  # item name -> what changed
    skipped: list[Skipped] = field(default_factory=list)
    refused: str | None = None  # the whole file was refused, and why
    media: int = 0  # pictures and sound stored with the kept items
    article_slug: str | None = None  # where the kept items landed

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"

    @property
    def changed_items(self) -> list[str]:
        """The kept items the report says changed; an Anki deck's review history is
        said of the deck, not of an item."""
        return [n for n in self.changed if not n.startswith(_DECK_WIDE)]

    @property
    def unaccounted(self) -> int:
        """Items neither kept nor skipped: what a reader lost without a word (0 is right)."""
        return self.items - self.kept - len(self.skipped)


def import_corpus_file(session: Session, path: Path, teacher_id: int) -> FileResult:
    """Import ``path`` as the teacher's upload does (content sniffed, pictures stored) and sum
    up the report; a file refused whole is read again to list what it skipped."""
    data = path.read_bytes()
    result = FileResult(path, count_items(path))
    try:
        report = import_file(
            session,
            path.name,
            data,
            importer_id=teacher_id,
            media=media_sink(current_app.config, session),
        )
    except InterchangeError as error:
        result.refused = str(error)
        result.skipped = _skipped_of(path.name, data)
        return result
    session.flush()
    result.kept = report.total + sum(report.updated.values()) + sum(report.unchanged.values())
    result.skipped = list(report.skipped)
    for change in report.changed:
        result.changed.setdefault(change.name, []).append(change.change)
    result.article_slug = report.article_slug
    result.media = _stored_media(session, report.article_slug)
    return result


def _skipped_of(filename: str, data: bytes) -> list[Skipped]:
    fmt = format_named(sniff_format(filename, data))
    try:
        parsed = fmt.reader(data) if fmt else None
    except InterchangeError:
        return []
    return list(getattr(parsed, "skipped", []))


def _stored_media(session: Session, slug: str) -> int:
    import sqlalchemy as sa

    from quizapp.models import Article, Flashcard, Question

    total = 0
    for model in (Question, Flashcard):
        rows = session.scalars(
            sa.select(model.media)
            .join(Article, model.article_id == Article.id)
            .where(Article.slug == slug)
        )
        total += sum(len(entries or []) for entries in rows)
    return total


def table(results: list[FileResult]) -> list[str]:
    """The per-file table, then each file's changes and skips with their reasons."""
    lines = [
        "| file | items | kept | changed | skipped | media kept | deck-wide notes | unaccounted |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.items} | {r.kept} | {len(r.changed_items)} | {len(r.skipped)} | "
            f"{r.media} | {len(r.changed) - len(r.changed_items)} | {r.unaccounted} |"
        )
    for r in results:
        if not (r.changed or r.skipped or r.refused):
            continue
        lines += ["", f"{r.name}:"]
        if r.refused:
            lines.append(f"- file refused: {r.refused}")
        for name, changes in r.changed.items():
            lines += [f"- changed {name}: {change}" for change in changes]
        for skipped in r.skipped:
            note = f" ({MULTIANSWER_NOTE})" if "cloze" in skipped.reason else ""
            lines.append(f"- skipped {skipped.name}: {skipped.reason}{note}")
    return lines
