"""Question banks in and out: Moodle XML and GIFT files of an article's questions.

An import validates every question first (``core.interchange``) and writes nothing when the
file as a whole is unreadable; questions the app has no type for are skipped with the reason.
Where the questions land is decided by ``import_landing.landing_for_import``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.interchange.drafts import ImportedDraft, check_imported
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.interchange.moodle_xml import read_moodle_xml, write_moodle_xml
from quizapp.core.interchange.records import (
    Changed,
    ExportQuestion,
    InterchangeError,
    ParsedBank,
    Skipped,
)
from quizapp.core.item_drafts import QuestionDraft
from quizapp.models import Article, Claim, Flashcard, Question, Topic
from quizapp.models.content import QUESTION_CONTENT_FIELDS
from quizapp.services.choice_ids import with_opaque_ids
from quizapp.services.errors import NotFound
from quizapp.services.import_landing import (
    ClaimSource,
    Landing,
    attach_claims,
    landing_for_import,
)
from quizapp.services.import_updates import match_by_key
from quizapp.services.media import (
    MediaSink,
    MediaStore,
    at_choice_ids,
    export_files,
    stored_files,
)
from quizapp.services.visibility import usable_article, usable_items

QUESTION_FORMATS = {"moodle-xml": ".xml", "gift": ".gift"}
_FORMAT_READERS: dict[str, Callable[[bytes], ParsedBank]] = {
    "moodle-xml": read_moodle_xml,
    "gift": lambda data: read_gift(decode_text(data)),
}
_READERS = {
    ".xml": _FORMAT_READERS["moodle-xml"],
    ".gift": _FORMAT_READERS["gift"],
    ".txt": _FORMAT_READERS["gift"],
}


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); InterchangeError for any other encoding."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InterchangeError(
            f"The file is not UTF-8 text (byte {error.start} cannot be read). Save it as UTF-8 "
            f"and try again."
        ) from error


def is_question_file(filename: str) -> bool:
    return PurePath(filename).suffix.lower() in _READERS


@dataclass
class ImportReport:
    article_slug: str
    article_title: str
    imported: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    noun: str = "question"  # what was imported: question | flashcard
    # Items imported, but not quite as the file wrote them: each with what changed.
    changed: list[Changed] = field(default_factory=list)
    # Items the file carried by key that the article already had, by kind: given the file's
    # content (``updated``) or already holding it (``unchanged``). ``imported`` counts new ones.
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.imported.values())

    @property
    def by_kind(self) -> str:
        """ "multiple choice: 1 updated, 67 unchanged, 0 new; true false: …", kind by kind."""
        kinds = sorted(set(self.imported) | set(self.updated) | set(self.unchanged))
        return "; ".join(
            f"{kind.replace('_', ' ')}: {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged, {self.imported[kind]} new"
            for kind in kinds
        )

    @property
    def counted(self) -> str:
        """ "1 question", "12 flashcards"."""
        return f"{self.total} {self.noun}{'' if self.total == 1 else 's'}"


def import_question_file(
    session: Session,
    filename: str,
    data: bytes,
    *,
    importer_id: int | None = None,
    article_slug: str | None = None,
    fmt: str | None = None,
    media: MediaSink | None = None,
) -> ImportReport:
    """Import every question of a Moodle XML (.xml) or GIFT (.gift, .txt) file; ``fmt``
    ("moodle-xml" or "gift", as the content showed) overrides the extension. The pictures and
    sound a Moodle file carries go to ``media`` (a file the limits refuse is reported).

    Raises InterchangeError, with nothing added to the session, when the file cannot be read
    or holds no question the app can take.
    """
    reader = _FORMAT_READERS.get(fmt or "") or _READERS.get(PurePath(filename).suffix.lower())
    if reader is None:
        raise InterchangeError("Import a Moodle XML file (.xml) or a GIFT file (.gift or .txt).")
    parsed = reader(data)
    checked = check_imported(parsed)
    if not checked.drafts:
        reasons = "; ".join(f"{s.name}: {s.reason}" for s in checked.skipped[:5])
        raise InterchangeError(
            "The file holds no question the app can import" + (f" ({reasons})." if reasons else ".")
        )
    # A new article is named as the file names its questions (its first category), else
    # after the file.
    landing = landing_for_import(session, importer_id, filename, article_slug, title=parsed.title)
    report = ImportReport(
        landing.article.slug,
        landing.article.title,
        skipped=checked.skipped,
        changed=checked.changed,
    )
    keys = [item.key for item in checked.drafts]
    matched = match_by_key(session, Question, landing, checked.drafts, keys)
    for item, question in matched.existing:
        updated = update_question(question, item)
        if item.files:  # a file without any (GIFT) keeps the files the item has
            entries = at_choice_ids(
                _stored(session, media, item, landing, report), question.choices
            )
            updated = updated or entries != question.media
            question.media = entries
        counter = report.updated if updated else report.unchanged
        counter[str(item.draft.type)] += 1
    claim_ids = attach_claims(
        session,
        landing,
        [
            ClaimSource(item.topic, item.draft.quote, item.draft.prompt, item.topic_path)
            for item, _key in matched.new
        ],
    )
    rows = []
    for (item, key), claim_id in zip(matched.new, claim_ids, strict=True):
        row = _question_row(item.draft, key, claim_id, landing)
        entries = _stored(session, media, item, landing, report)
        rows.append({**row, "media": at_choice_ids(entries, row["choices"])})
        report.imported[str(item.draft.type)] += 1
    if rows:
        session.execute(sa.insert(Question), rows)  # one statement for thousands of questions
    return report


def _stored(
    session: Session,
    media: MediaSink | None,
    item: ImportedDraft,
    landing: Landing,
    report: ImportReport,
) -> list[dict]:
    """The item's files stored, what became of each noted in the report."""
    entries, changes = stored_files(session, media, item.files, landing.author_id)
    report.changed += [Changed(item.name, change) for change in changes]
    return entries


def _question_row(draft: QuestionDraft, key: str, claim_id: int, landing: Landing) -> dict:
    return {
        "key": key,
        "claim_id": claim_id,
        **_content(draft),
        "choices": with_opaque_ids(draft.choices),
        "origin": landing.question_origin,
        "author_id": landing.author_id,
        "article_id": landing.article.id,
        "status": landing.question_status,
    }


def _content(draft: QuestionDraft) -> dict:
    return {name: getattr(draft, name) for name in QUESTION_CONTENT_FIELDS} | {
        "type": str(draft.type)
    }


def update_question(question: Question, item: ImportedDraft) -> bool:
    """Give ``question`` the file's content when it differs (its id, claim and choice ids by
    position kept, so learners' answers keep meaning the same); True when it did."""
    content = _content(item.draft)
    # Compared as the file wrote them: the stored answers carry aliases the file repeats, and
    # choice ids are the store's own.
    content["accepted"] = item.written_accepted
    content["choices"] = with_opaque_ids(item.draft.choices, stored=question.choices)
    compared = dict(content, choices=_without_ids(content["choices"]))
    stored = {name: getattr(question, name) for name in QUESTION_CONTENT_FIELDS}
    stored["choices"] = _without_ids(question.choices)
    if compared == stored:
        return False
    if item.written_accepted != question.accepted:
        content["accepted"] = item.draft.accepted
    else:
        content["accepted"] = question.accepted
    for name, value in content.items():
        setattr(question, name, value)
    return True


def _without_ids(choices: list[dict] | None) -> list[dict]:
    return [{k: v for k, v in choice.items() if k != "id"} for choice in choices or []]


def article_to_export(session: Session, article_slug: str, teacher_id: int | None) -> Article:
    """The article at ``article_slug``; for a teacher, only one they may use (an operator's
    export, without ``teacher_id``, may name any)."""
    if teacher_id is not None:
        return usable_article(session, article_slug, teacher_id)
    article = session.scalar(sa.select(Article).where(Article.slug == article_slug))
    if article is None:
        raise NotFound(f"There is no article “{article_slug}”.")
    return article


def exported_items(
    stmt: sa.Select,
    model: type[Question] | type[Flashcard],
    article: Article,
    teacher_id: int | None,
) -> sa.Select:
    """``stmt`` (joined to the items' claims and topics) narrowed to the article's items that
    are not retired, in reading order; ``teacher_id`` keeps those the teacher may use (the
    live ones of the bank, and their own)."""
    stmt = stmt.where(Claim.article_id == article.id, ~model.retired).order_by(
        Topic.position, Topic.id, Claim.start_offset, model.id
    )
    if teacher_id is not None:
        stmt = stmt.where(usable_items(model, teacher_id))
    return stmt


def topic_paths(article: Article) -> dict[int, tuple[str, ...]]:
    """Each topic's title with its parents', outermost first, by topic id: the category path
    an export writes, so the tree comes back on import."""
    by_id = {topic.id: topic for topic in article.topics}

    def path(topic: Topic) -> tuple[str, ...]:
        parent = by_id.get(topic.parent_id) if topic.parent_id else None
        return (*path(parent), topic.title) if parent else (topic.title,)

    return {topic_id: path(topic) for topic_id, topic in by_id.items()}


def export_questions(
    session: Session,
    article_slug: str,
    fmt: str,
    teacher_id: int | None = None,
    store: MediaStore | None = None,
) -> bytes:
    """The article's live questions as a file in ``fmt`` ("moodle-xml" or "gift"), a category
    per topic; ``teacher_id`` limits them to what that teacher sees (seeded and their own).
    Moodle XML carries each prompt's files from ``store``; GIFT cannot hold files."""
    article = article_to_export(session, article_slug, teacher_id)
    stmt = (
        sa.select(Question, Topic.id)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
    )
    stmt = exported_items(stmt, Question, article, teacher_id)
    paths = topic_paths(article)
    items = [
        ExportQuestion(
            q,
            paths[topic][-1],
            q.key,
            topic_path=paths[topic],
            key=q.key,
            files=export_files(store if fmt == "moodle-xml" else None, q.media),
        )
        for q, topic in session.execute(stmt)
    ]
    if fmt == "moodle-xml":
        return write_moodle_xml(article.title, items)
    if fmt == "gift":
        return write_gift(article.title, items).encode("utf-8")
    raise InterchangeError(f"Unknown question format {fmt!r}: use moodle-xml or gift.")
