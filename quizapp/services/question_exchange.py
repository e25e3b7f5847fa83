"""Question banks in and out: Moodle XML and GIFT files of an article's questions.

An import validates every question first (``core.interchange``) and writes nothing when the
file as a whole is unreadable; questions the app has no type for are skipped with the reason.
Where the questions land is decided by ``import_landing.landing_for_import``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from quizapp.core.interchange.drafts import ImportedDraft, check_imported
from quizapp.core.interchange.formats import (
    Holds,
    format_named,
    format_of_filename,
    unknown_file_message,
)
from quizapp.core.interchange.records import (
    Changed,
    ExportQuestion,
    InterchangeError,
    ParsedBank,
    Skipped,
    none_importable,
)
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.translatable import N_, Phrase
from quizapp.models import Article, Claim, Flashcard, ItemStatus, Question, Topic
from quizapp.models.content import QUESTION_CONTENT_FIELDS
from quizapp.services.authoring import answer_key, is_answered
from quizapp.services.choice_ids import with_opaque_ids
from quizapp.services.errors import NotFound
from quizapp.services.import_landing import (
    ClaimSource,
    Landing,
    attach_claims,
    landing_for_import,
)
from quizapp.services.import_updates import Matched, match_by_key, may_update
from quizapp.services.media import (
    MediaSink,
    MediaStore,
    at_choice_ids,
    export_files,
    stored_files,
)
from quizapp.services.visibility import usable_article, usable_items


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
    # Items that lost or changed a part on the way (each listed in ``changed``) and so wait
    # as drafts though the import would have published them.
    drafts: int = 0
    # Whether the import made the article (else it went into one the importer chose).
    new_article: bool = True

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
    found = format_named(fmt) or format_of_filename(filename)
    if found is None or found.holds != Holds.QUESTIONS:
        raise InterchangeError(unknown_file_message())
    return import_bank(
        session,
        found.reader(data),
        filename,
        importer_id=importer_id,
        article_slug=article_slug,
        media=media,
    )


def import_bank(
    session: Session,
    parsed: ParsedBank,
    filename: str,
    *,
    importer_id: int | None = None,
    article_slug: str | None = None,
    media: MediaSink | None = None,
) -> ImportReport:
    """Import every question ``parsed`` holds that the app can take; one that lost or changed
    a part on the way (each change in the report) lands as a draft. Raises InterchangeError,
    with nothing added to the session, when it holds none the app can take."""
    checked = check_imported(parsed)
    if not checked.drafts:
        raise none_importable(
            N_("The file holds no question the app can import."),
            N_("The file holds no question the app can import (%(reasons)s)."),
            checked.skipped[:5],
        )
    # A new article is named as the file names its questions (its first category), else
    # after the file.
    landing = landing_for_import(session, importer_id, filename, article_slug, title=parsed.title)
    report = ImportReport(
        landing.article.slug,
        landing.article.title,
        skipped=checked.skipped,
        changed=checked.changed,
        new_article=landing.created_article,
    )
    keys = [item.key for item in checked.drafts]
    matched = match_by_key(session, Question, landing, checked.drafts, keys)
    beside = _keep_answered_keys(session, landing, report, matched)
    _update_existing(session, media, landing, report, matched.existing)
    claim_ids = _claim_ids(session, landing, matched.new, beside)
    rows = []
    for (item, key), claim_id in zip(matched.new, claim_ids, strict=True):
        entries = _stored(session, media, item, landing, report)
        row = {**_question_row(item.draft, key, claim_id, landing), "tags": item.tags}
        # Nothing silent: a question that lost or changed a part (listed in the report)
        # waits as a draft for a person to look at it, never goes straight to learners.
        status = landing.lost_part_status(bool(item.changes), row["status"])
        report.drafts += int(status == ItemStatus.DRAFT != row["status"])
        row["status"] = status
        rows.append({**row, "media": at_choice_ids(entries, row["choices"])})
        report.imported[str(item.draft.type)] += 1
    if rows:
        session.execute(sa.insert(Question), rows)  # one statement for thousands of questions
    return report


ANSWERED_ELSEWHERE = Phrase(
    N_(
        "learners have answered the question stored under its key, and the file gives it "
        "another answer; it was added as a new question beside that one, whose answers stay "
        "as marked"
    )
)


def _claim_ids(
    session: Session, landing: Landing, new: list[tuple[ImportedDraft, str]], beside: dict
) -> list[int]:
    """A claim id per new question: for a version added beside an answered question, that
    question's claim (the same sentence, not a second copy of it in the article), else the one
    ``attach_claims`` finds or makes."""
    others = [item for item, _key in new if id(item) not in beside]
    attached = iter(
        attach_claims(
            session,
            landing,
            [
                ClaimSource(item.topic, item.draft.quote, item.draft.prompt, item.topic_path)
                for item in others
            ],
        )
    )
    return [beside[id(item)] if id(item) in beside else next(attached) for item, _key in new]


def _keep_answered_keys(
    session: Session, landing: Landing, report: ImportReport, matched: Matched
) -> dict[int, int]:
    """A file's question whose answer (type, right choices, accepted answers, pairs) differs
    from the stored one it would update is added as a new question instead when learners have
    answered the stored one: their answers and marks must keep meaning what they meant (the
    question editor refuses the same change). Returns the claim id of the answered question
    each such new one goes beside, by ``id()`` of the file's item."""
    beside: dict[int, int] = {}
    kept = []
    for item, question in matched.existing:
        if _same_answer(question, item) or not is_answered(session, question):
            kept.append((item, question))
            continue
        earlier = _added_beside_before(session, landing, item, {q.id for _i, q in kept})
        if earlier is not None:
            kept.append((item, earlier))  # the same file again: that copy, not another one
            continue
        report.changed.append(Changed(item.name, ANSWERED_ELSEWHERE))
        item.changes.append(ANSWERED_ELSEWHERE)  # a person looks before learners see it
        matched.new.append((item, landing.item_key()))
        beside[id(item)] = question.claim_id
    matched.existing = kept
    return beside


def _added_beside_before(
    session: Session, landing: Landing, item: ImportedDraft, taken: set[int]
) -> Question | None:
    """The question an earlier import of this version added beside the answered one: in the
    article, live, the importer's to update, with the file's prompt and answer (a fresh key
    is all that tells it apart otherwise). Without it, importing one file twice would add the
    new version twice."""
    stmt = sa.select(Question).where(
        Question.article_id == landing.article.id,
        ~Question.retired,
        Question.prompt == item.draft.prompt,
    )  # the type is part of the answer key _same_answer compares
    for question in session.scalars(stmt.order_by(Question.id)):
        free = question.id not in taken and may_update(question, landing.author_id)
        if free and _same_answer(question, item):
            return question
    return None


def _same_answer(question: Question, item: ImportedDraft) -> bool:
    """Whether the file's version of ``question`` keeps its answer key (as the update would
    write it: choice ids by position, the stored accepted answers when the file repeats them)."""
    accepted = (
        question.accepted if item.written_accepted == question.accepted else item.draft.accepted
    )
    incoming = {
        "type": str(item.draft.type),
        "choices": with_opaque_ids(item.draft.choices, stored=question.choices),
        "accepted": accepted,
        "pairs": item.draft.pairs,
        "answer_bool": item.draft.answer_bool,
    }
    stored = {
        name: getattr(question, name)
        for name in ("type", "choices", "accepted", "pairs", "answer_bool")
    }
    return answer_key(incoming) == answer_key(stored)


def _update_existing(
    session: Session,
    media: MediaSink | None,
    landing: Landing,
    report: ImportReport,
    existing: list[tuple[ImportedDraft, Question]],
) -> None:
    """Give each question the file carries by a key the article has the file's content and
    files, counted as updated or unchanged; one updated with a part lost waits as a draft."""
    for item, question in existing:
        updated = update_question(question, item)
        if item.files:  # a file without any (GIFT) keeps the files the item has
            entries = at_choice_ids(
                _stored(session, media, item, landing, report), question.choices
            )
            updated = updated or entries != question.media
            question.media = entries
        status = landing.lost_part_status(updated and bool(item.changes), question.status)
        if status != question.status:
            question.status = status  # what it lost waits for a person to look
            report.drafts += 1
        counter = report.updated if updated else report.unchanged
        counter[str(item.draft.type)] += 1


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
    item.changes += changes
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
    # Both question formats carry tags: a file's are the question's.
    compared["tags"], stored["tags"] = item.tags, list(question.tags or ())
    content["tags"] = item.tags
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
        raise NotFound(N_("There is no article “%(slug)s”."), slug=article_slug)
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
    """The article's live questions as a file in the question format named ``fmt``, a category
    per topic; ``teacher_id`` limits them to what that teacher sees (seeded and their own).
    A format that holds files (Moodle XML) carries each item's files from ``store``."""
    found = format_named(fmt)
    if found is None or found.holds != Holds.QUESTIONS:
        raise InterchangeError(
            N_("Unknown question format %(format)s: use moodle-xml or gift."), format=repr(fmt)
        )
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
            files=export_files(store if found.media else None, q.media),
        )
        for q, topic in session.execute(stmt)
    ]
    return found.writer(article.title, items)
