"""Importing an article in the browser: drafts, bad input that writes nothing, one transaction,
re-import that keeps reviewed items, and who sees what."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
import sqlalchemy as sa

from quizapp.models import Article, Claim, Flashcard, ItemStatus, Question, Topic
from quizapp.services.article_review import (
    REVIEW_PAGE_CLAIMS,
    SHORT_LAST_PAGE,
    page_count,
    page_of,
    review_rows,
)
from tests.builders import GARDEN, enrol, make_class, start_practice_quiz


def _articles(db) -> int:
    return db.session.scalar(sa.select(sa.func.count(Article.id)))


def _import(client, **data):
    form = {
        "title": "Our garden",
        "text": GARDEN,
        "source_url": "https://example.org/garden",
        "source_author": "Class 7B",
        "licence_note": "CC BY 4.0",
    } | data
    return client.post("/teach/articles/new", data=form, content_type="multipart/form-data")


def test_pasted_prose_becomes_a_draft_article_with_several_topics(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    response = _import(client)
    assert response.status_code == 302
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    assert response.location.endswith(f"/teach/articles/{article.id}")
    assert (article.title, article.source_author, article.licence_note, article.published) == (
        "Our garden",
        "Class 7B",
        "CC BY 4.0",
        False,
    )
    titles = db.session.scalars(sa.select(Topic.title).filter_by(article_id=article.id)).all()
    assert len(titles) >= 3 and "Overview" not in titles
    statuses = set(db.session.scalars(sa.select(Question.status).filter_by(article_id=article.id)))
    assert statuses == {ItemStatus.DRAFT}
    page = client.get(response.location).get_data(as_text=True)
    assert "drafts to review" in page and "Worms turn the waste" in page


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=612, height=792)
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "The file is empty."),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8, "not text"),
        ("scan.pdf", None, "no text layer"),
        (
            "menu.html",
            b"<html><body><nav><a href='/'>Home</a><a href='/b'>Blog</a></nav>"
            b"<footer>Contact</footer></body></html>",
            "only navigation",
        ),
        ("notes.odt", b"whatever it is", "cannot be imported"),
    ],
)
def test_bad_files_get_a_clear_message_and_write_nothing(
    client, db, make_teacher, name, data, message, login
):
    login(client, make_teacher())
    before = _articles(db)
    data = _blank_pdf() if data is None else data
    response = _import(client, text="", upload=(io.BytesIO(data), name))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _articles(db) == before


def test_a_50_mb_upload_is_refused_on_the_form(client, db, make_teacher, login):
    login(client, make_teacher())
    before = _articles(db)
    response = _import(client, text="", upload=(io.BytesIO(b"a " * (25 * 1024 * 1024)), "big.txt"))
    assert response.status_code == 413
    assert "larger than 10 MB" in response.get_data(as_text=True)
    assert "<form" in response.get_data(as_text=True)
    assert _articles(db) == before


def test_text_in_another_encoding_is_imported_readably(client, db, make_teacher, login):
    login(client, make_teacher())
    data = ("Caf\u00e9 au lait\n\n" + GARDEN.replace("gym", "caf\u00e9")).encode("cp1252")
    assert (
        _import(client, title="", text="", upload=(io.BytesIO(data), "cafe.txt")).status_code == 302
    )
    article = db.session.scalar(sa.select(Article).where(Article.slug.startswith("cafe")))
    assert "behind the caf\u00e9." in article.text


def test_missing_text_or_title_is_a_form_error(client, db, make_teacher, login):
    login(client, make_teacher())
    before = _articles(db)
    assert "Give the pasted text a title" in _import(client, title="").get_data(as_text=True)
    assert "Paste the article" in _import(client, text="").get_data(as_text=True)
    assert _articles(db) == before


def test_a_pasted_text_opening_with_its_title_needs_no_title_field(client, db, make_teacher, login):
    login(client, make_teacher())
    text = "The School Garden: A Year of Growing\n\n" + GARDEN
    assert _import(client, title="", text=text).status_code == 302
    article = db.session.scalar(sa.select(Article).order_by(Article.id.desc()))
    assert article.title == "The School Garden: A Year of Growing"
    assert not article.text.startswith("Pasted")


def test_a_crash_halfway_leaves_no_half_article(client, db, make_teacher, monkeypatch, login):
    from quizapp.services import seeding

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(seeding, "_retire_missing", broken)
    login(client, make_teacher())
    before = _articles(db)
    with pytest.raises(RuntimeError):
        _import(client)
    db.session.rollback()
    assert _articles(db) == before
    assert (
        db.session.scalar(
            sa.select(sa.func.count(Topic.id)).where(Topic.article_id.not_in(sa.select(Article.id)))
        )
        == 0
    )


def test_reimport_keeps_reviewed_items_of_unchanged_claims(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    _import(client)
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    claims = {
        c.quote: c for c in db.session.scalars(sa.select(Claim).filter_by(article_id=article.id))
    }
    kept_claim = claims["Worms turn the waste into dark soil within three months"]
    changed_claim = claims["The hives produced twelve jars of honey last summer"]
    for claim in (kept_claim, changed_claim):
        assert (
            client.post(f"/teach/articles/{article.id}/claims/{claim.id}/accept").status_code == 302
        )
    reviewed = set(db.session.scalars(sa.select(Question.id).filter_by(claim_id=kept_claim.id)))
    card = db.session.scalar(sa.select(Flashcard).filter_by(claim_id=kept_claim.id))
    edit = client.post(
        f"/teach/articles/{article.id}/flashcards/{card.id}/edit",
        data={
            "claim_id": kept_claim.id,
            "kind": "basic",
            "front": "What do worms do?",
            "back": "They turn waste into soil.",
        },
    )
    assert edit.status_code == 302
    changed = GARDEN.replace(
        "The hives produced twelve jars of honey last summer.",
        "The hives produced fifteen jars of honey last summer.",
    )
    response = client.post(
        f"/teach/articles/{article.id}/reimport", data={"title": "Our garden", "text": changed}
    )
    assert response.status_code == 302
    db.session.expire_all()
    card = db.session.get(Flashcard, card.id)
    assert (card.front, card.status) == ("What do worms do?", ItemStatus.PUBLISHED)
    # Every reviewed question of the unchanged claim stands, and nothing is drafted beside them.
    after = {
        q.id: q for q in db.session.scalars(sa.select(Question).filter_by(claim_id=kept_claim.id))
    }
    assert reviewed and all(
        after[i].status == ItemStatus.PUBLISHED and not after[i].retired for i in reviewed
    )
    assert set(after) == reviewed
    rewritten = db.session.get(Claim, changed_claim.id)
    assert "fifteen jars" in rewritten.quote
    assert set(
        db.session.scalars(
            sa.select(Question.status).filter_by(claim_id=rewritten.id, retired=False)
        )
    ) == {ItemStatus.DRAFT}
    assert _articles(db) == db.session.scalar(sa.select(sa.func.count(Article.id)))


def test_students_of_shared_classes_see_the_article_and_others_get_404(
    client, db, make_teacher, make_student, login
):
    teacher, insider, outsider = make_teacher(), make_student(), make_student()
    shared, other = make_class(db, teacher), make_class(db, teacher, name="Other")
    enrol(db, shared, insider)
    enrol(db, other, outsider)
    login(client, teacher)
    _import(client)
    article = db.session.scalar(sa.select(Article).where(Article.owner_id == teacher.id))
    # A claim the generator made questions from (it makes none from a plain description).
    claim = db.session.scalar(
        sa.select(Claim).filter_by(article_id=article.id).where(Claim.quote.startswith("Worms"))
    )
    client.post(f"/teach/articles/{article.id}/claims/{claim.id}/accept")
    client.post(f"/teach/articles/{article.id}/share", data={"classes": [shared.id]})
    reader = f"/articles/{article.slug}"
    assert article.title in client.get("/").get_data(as_text=True)  # its owner's home page

    client.post("/auth/logout")
    login(client, outsider)
    assert client.get(reader).status_code == 404
    assert client.get(f"/quiz/new?article={article.id}").status_code == 404
    assert article.title not in client.get("/library").get_data(as_text=True)
    assert article.title not in client.get("/").get_data(as_text=True)

    client.post("/auth/logout")
    login(client, insider)
    assert client.get(reader).status_code == 200
    assert article.title in client.get("/library").get_data(as_text=True)
    assert article.title in client.get("/").get_data(as_text=True)
    start = start_practice_quiz(client, {"length": "10"}, f"/quiz/new?article={article.id}")
    assert start.status_code == 302
    page = client.get(start.location).get_data(as_text=True)
    published = set(
        db.session.scalars(
            sa.select(Question.prompt).filter_by(article_id=article.id, status=ItemStatus.PUBLISHED)
        )
    )
    assert published and any(p.split("_")[0][:30] in page for p in published)


def test_the_review_page_of_a_long_article_has_bounded_queries(
    client, db, make_teacher, count_queries, login
):
    teacher = make_teacher()
    login(client, teacher)
    _import(client, text=GARDEN * 1)
    small = db.session.scalar(sa.select(Article.id).where(Article.owner_id == teacher.id))
    large = _long_article(client, db)
    claims = db.session.scalar(sa.select(sa.func.count(Claim.id)).filter_by(article_id=large))
    assert claims >= 150
    counts = []
    for article_id in (small, large):
        db.session.expunge_all()  # requests share the test's session: start each one cold
        with count_queries() as queries:
            assert client.get(f"/teach/articles/{article_id}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 15, counts


def _long_article(client, db) -> int:
    long_text = "\n\n".join(
        f"{p.strip()} Section {i} adds a point about plot {i}."
        for i in range(12)
        for p in GARDEN.split("\n\n")
    )
    _import(client, title="Long garden", text=long_text)
    return db.session.scalar(sa.select(Article.id).where(Article.title == "Long garden"))


def test_a_long_article_is_reviewed_a_page_at_a_time(client, db, make_teacher, login):
    login(client, make_teacher())
    article_id = _long_article(client, db)
    claims = set(db.session.scalars(sa.select(Claim.id).filter_by(article_id=article_id)))
    pages = page_count(review_rows(db.session, db.session.get(Article, article_id)))
    assert pages >= 4
    seen: list[int] = []
    for page in range(1, pages + 1):
        html = client.get(f"/teach/articles/{article_id}?page={page}").get_data(as_text=True)
        assert f"Page {page} of {pages}" in html
        shown = [int(n) for n in re.findall(r'class="review-claim" id="claim-(\d+)"', html)]
        assert 0 < len(shown) < REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE
        seen += shown
    assert sorted(seen) == sorted(claims)  # every claim once, none twice
    # Every topic is in the contents, with the page it starts on.
    first = client.get(f"/teach/articles/{article_id}").get_data(as_text=True)
    topics = db.session.scalars(sa.select(Topic.id).filter_by(article_id=article_id)).all()
    assert all(f"#topic-{t}" in first for t in topics)
    # Out of range or not a number: the last page, or the first.
    last = client.get(f"/teach/articles/{article_id}?page=999").get_data(as_text=True)
    assert f"Page {pages} of {pages}" in last
    assert "Page 1 of" in client.get(f"/teach/articles/{article_id}?page=x").get_data(as_text=True)

    # A decision on the last page comes back to that page, at its claim.
    question_id, claim_id = db.session.execute(
        sa.select(Question.id, Question.claim_id)
        .where(Question.claim_id.in_(shown))  # the last page's claims
        .limit(1)
    ).one()
    response = client.post(
        f"/teach/articles/{article_id}/questions/{question_id}/decide", data={"decision": "accept"}
    )
    assert response.location.endswith(f"?page={pages}#claim-{claim_id}")
    # Dropping a claim stays on its page; moving a topic follows it to where it now starts.
    response = client.post(f"/teach/articles/{article_id}/claims/{claim_id}/drop")
    assert f"?page={pages}#topic-" in response.location
    last_topic = db.session.scalars(
        sa.select(Topic).filter_by(article_id=article_id).order_by(Topic.position)
    ).all()[-1]
    response = client.post(
        f"/teach/articles/{article_id}/topics/{last_topic.id}", data={"action": "up"}
    )
    assert response.location.endswith(f"#topic-{last_topic.id}")
    rows = review_rows(db.session, db.session.get(Article, article_id))
    expected = page_of(rows, topic_id=last_topic.id)
    assert (f"?page={expected}#" in response.location) == (expected > 1)


def test_a_short_last_page_joins_the_one_before(client, db, make_teacher, login):
    """Dropping claims until the rest is short folds the last page into the one before: the
    page then shows up to 49 rows, and a drop that folds it comes back to a page that exists."""
    login(client, make_teacher())
    article_id = _long_article(client, db)
    article = db.session.get(Article, article_id)

    def rows():
        db.session.expire_all()
        return review_rows(db.session, article)

    def drop_last_claim_of_a_full_topic() -> str:
        current = rows()
        counts = Counter(topic for topic, claim in current if claim is not None)
        topic, claim = next((t, c) for t, c in reversed(current) if c and counts[t] > 1)
        response = client.post(f"/teach/articles/{article_id}/claims/{claim}/drop")
        assert response.status_code == 302
        return response.location

    full = len(rows()) // REVIEW_PAGE_CLAIMS  # pages of 40
    while len(rows()) > full * REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE:
        drop_last_claim_of_a_full_topic()
    assert page_count(rows()) == full + 1  # a last page of 10 rows stands on its own
    location = drop_last_claim_of_a_full_topic()
    current = rows()
    assert len(current) == full * REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE - 1
    assert page_count(current) == full
    # Back on the page where the claim's neighbours now are, not on one past the end.
    assert f"?page={full}#topic-" in location
    html = client.get(f"/teach/articles/{article_id}?page={full}").get_data(as_text=True)
    assert f"Page {full} of {full}" in html
    shown = [int(n) for n in re.findall(r'class="review-claim" id="claim-(\d+)"', html)]
    first = (full - 1) * REVIEW_PAGE_CLAIMS
    assert shown == [claim for _, claim in current[first:] if claim is not None]


PRONOUN_ARTICLE = """Worm bins
A worm bin turns kitchen scraps into compost within a few months.
This composting process needs a damp bedding of shredded paper and cardboard.
"""


def test_the_review_page_says_why_a_claim_has_no_question_and_counts_them(
    client, db, make_teacher, login
):
    login(client, make_teacher())
    response = _import(client, title="Worm bins", text=PRONOUN_ARTICLE)
    page = client.get(response.location).get_data(as_text=True)
    assert page.count("No question:") == 1
    # "This composting process …" points back to something unsaid: a card, no question, a
    # reason ("This process needs …" alone would be a stub that pins nothing: no card at all).
    assert "No question: it starts with an unresolved “This”; it has a card." in page
    # It is counted; the first claim is asked as its card is ("turns _____ into compost").
    assert "1 claim without a question" in " ".join(page.split())
    claim = db.session.scalar(sa.select(Claim).where(Claim.quote.like("This composting process%")))
    assert db.session.scalar(sa.select(sa.func.count(Flashcard.id)).filter_by(claim_id=claim.id))


HEADED = (
    "The Water Cycle\n\n## Where the Water Is\n\n"
    "About 97 percent of the water on Earth is salt water held in the oceans.\n\n"
    "Most of the fresh water is frozen in the ice caps of Greenland and Antarctica.\n\n"
    "## Evaporation\n\nThe Sun heats the oceans and turns liquid water into vapour.\n\n"
    "## Condensation\n\nCooling vapour condenses into droplets that gather as clouds.\n"
)


def _topic_with_cards(db, article_id: int) -> tuple[Topic, list[Flashcard]]:
    cards = db.session.scalars(
        sa.select(Flashcard)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(Flashcard.article_id == article_id, Claim.topic_id.is_not(None))
    ).all()
    topic = db.session.get(Topic, cards[0].claim.topic_id)
    return topic, [c for c in cards if c.claim.topic_id == topic.id]


def test_a_topic_rename_reaches_its_cards_and_the_deck_export(client, db, make_teacher, login):
    from quizapp.services.deck_exchange import export_deck

    login(client, make_teacher())
    _import(client, title="The Water Cycle", text=HEADED)
    article = db.session.scalar(sa.select(Article).where(Article.title == "The Water Cycle"))
    topic, cards = _topic_with_cards(db, article.id)
    old = topic.title
    assert cards and all(c.front.startswith(f"{old}: ") for c in cards)
    ids = {c.id for c in cards}
    response = client.post(
        f"/teach/articles/{article.id}/topics/{topic.id}",
        data={"action": "rename", "title": "Total amount of water"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    renamed = [db.session.get(Flashcard, i) for i in ids]  # the same items, the same ids
    assert all(c.front.startswith("Total amount of water: ") for c in renamed)
    exported = export_deck(db.session, article.slug, "csv").decode()
    assert "Total amount of water: " in exported and f"{old}: " not in exported

    # A re-import of the same text keeps the teacher's name, on the topic and on its cards.
    response = client.post(
        f"/teach/articles/{article.id}/reimport", data={"title": "The Water Cycle", "text": HEADED}
    )
    assert response.status_code == 302
    db.session.expire_all()
    fronts = db.session.scalars(
        sa.select(Flashcard.front)
        .join(Claim, Flashcard.claim_id == Claim.id)
        .where(Claim.topic_id == topic.id, Flashcard.retired.is_(False))
    ).all()
    assert fronts and all(f.startswith("Total amount of water: ") for f in fronts)


def test_a_topic_rename_reaches_the_heading_questions_that_name_it(db, make_teacher):
    from quizapp.services.article_library import ArticleUpload, import_upload
    from quizapp.services.article_review import rename_topic

    text = (
        "Garden Jobs\n\n## Care\n\nThe garden needs care all year round.\n\n"
        "- Watering: Water deeply once a week so that the roots grow down.\n"
        "- Mulching: A layer of straw keeps the soil moist in summer.\n"
        "- Pests: Slugs eat young lettuce leaves at night after rain.\n"
        "- Pruning: Cut the tomato side shoots every week in July.\n"
    )
    article, _ = import_upload(
        db.session, ArticleUpload("jobs.txt", text.encode()), make_teacher().id
    )
    db.session.flush()
    named = sa.select(Question).where(
        Question.article_id == article.id, Question.key.like("gen-heading-%")
    )
    headings = db.session.scalars(named).all()
    assert any(c["text"] == "Mulching" for q in headings for c in q.choices)
    topic = db.session.scalar(sa.select(Topic).filter_by(article_id=article.id, title="Mulching"))
    rename_topic(db.session, topic, "Straw mulch")
    db.session.flush()
    db.session.expire_all()
    texts = [c["text"] for q in db.session.scalars(named) for c in q.choices]
    explanations = " ".join(q.explanation for q in db.session.scalars(named))
    assert "Straw mulch" in texts and "Mulching" not in texts
    assert "“Mulching”" not in explanations


def test_reimport_keeps_a_prose_topic_whose_name_is_now_found_differently(
    client, db, make_teacher, login, monkeypatch
):
    """A prose topic named "Burning of fossil" by an older labeller is the same topic when the
    text is imported again: same topic, claims and items, none retired."""
    from quizapp.core import article_parser, segmentation

    def older_labels(groups: list[str]) -> list[str]:
        return ["Burning of fossil", *segmentation.label_groups(groups)[1:]]

    login(client, make_teacher())
    with monkeypatch.context() as patch:
        patch.setattr(article_parser, "label_groups", older_labels)
        _import(client)
    article = db.session.scalar(sa.select(Article).where(Article.title == "Our garden"))
    topic = db.session.scalar(
        sa.select(Topic).filter_by(article_id=article.id, title="Burning of fossil")
    )
    claims = db.session.scalars(sa.select(Claim).filter_by(topic_id=topic.id)).all()
    ids = [c.id for c in claims]
    items = [
        *db.session.scalars(sa.select(Flashcard).where(Flashcard.claim_id.in_(ids))),
        *db.session.scalars(sa.select(Question).where(Question.claim_id.in_(ids))),
    ]
    assert items
    topics_before = _count_topics(db, article.id)

    response = client.post(
        f"/teach/articles/{article.id}/reimport", data={"title": "Our garden", "text": GARDEN}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert _count_topics(db, article.id) == topics_before
    assert db.session.get(Topic, topic.id).key == "burning-of-fossil"
    for item in items:
        row = db.session.get(type(item), item.id)
        assert not row.retired and row.claim.topic_id == topic.id, row.key


def _count_topics(db, article_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Topic.id)).where(Topic.article_id == article_id)
    )


def test_an_uploaded_brief_is_named_by_its_own_title_not_its_file(client, db, make_teacher, login):
    brief = (
        "Russia's Pivot to the East: Deepening Ties with China and North Korea\n"
        "A brief on Moscow's turn towards Asia\n"
        "Overview\n"
        "In the wake of increasing international sanctions and diplomatic isolation "
        "from the West,\n"
        "Russia has been actively reorienting its foreign policy and economic "
        "partnerships towards\n"
        "the East. The pivot is most notably characterized by deeper ties with China.\n"
    )
    login(client, make_teacher())
    upload = (io.BytesIO(brief.encode()), "isw-north-korea-joins-war.txt")
    assert _import(client, title="", text="", upload=upload).status_code == 302
    article = db.session.scalar(sa.select(Article).order_by(Article.id.desc()))
    assert article.title == brief.splitlines()[0]  # not "Isw north korea joins war"
    topics = db.session.scalars(sa.select(Topic.title).filter_by(article_id=article.id)).all()
    assert topics == ["Overview"]
    quotes = db.session.scalars(sa.select(Claim.quote).filter_by(article_id=article.id)).all()
    assert quotes[0].startswith("In the wake of increasing international sanctions")


def test_merged_topics_cards_take_the_name_of_the_topic_they_join(client, db, make_teacher, login):
    login(client, make_teacher())
    _import(client, title="The Water Cycle", text=HEADED)
    article = db.session.scalar(sa.select(Article).where(Article.title == "The Water Cycle"))
    topics = {
        t.title: t for t in db.session.scalars(sa.select(Topic).filter_by(article_id=article.id))
    }
    merged, into = topics["Where the Water Is"], topics["Evaporation"]
    moved = db.session.scalars(
        sa.select(Flashcard.id).join(Claim).where(Claim.topic_id == merged.id)
    ).all()
    assert moved
    response = client.post(
        f"/teach/articles/{article.id}/topics/{merged.id}",
        data={"action": "merge", "into": into.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    fronts = [db.session.get(Flashcard, i).front for i in moved]
    assert all(f.startswith("Evaporation: ") for f in fronts), fronts


STUB_ARTICLE = """Castle guards
The wardens of the castle check every visitor's ticket at the gate.
Wardens do not carry swords.
"""


def test_the_review_page_says_a_claim_with_only_a_stub_cannot_be_asked(
    client, db, make_teacher, login
):
    login(client, make_teacher())
    response = _import(client, title="Castle guards", text=STUB_ARTICLE)
    page = " ".join(client.get(response.location).get_data(as_text=True).split())
    # "Wardens do _____." pins nothing: no card is made, and the page says so, not "it has a card".
    assert "it cannot be asked: no card either" in page
    claim = db.session.scalar(sa.select(Claim).where(Claim.quote.like("Wardens do%")))
    assert not db.session.scalar(
        sa.select(sa.func.count(Flashcard.id)).filter_by(claim_id=claim.id)
    )


TABLE_ARTICLE = """Rivers of the plain

## Flow

The three rivers of the plain carry most of the rain that falls on the northern hills.
The table below shows how long each river is.

| River | Length |
|---|---|
| Alder | 120 km |
| Brook | 95 km |

The Alder floods the low meadows every spring when the snow on the hills melts.
"""


def test_the_review_page_lists_a_table_as_not_asked(client, db, make_teacher, login):
    login(client, make_teacher())
    response = _import(client, title="Rivers of the plain", text=TABLE_ARTICLE)
    page = " ".join(client.get(response.location).get_data(as_text=True).split())
    # The table is one claim, shown to the teacher and counted, never a row as a sentence.
    assert "No question: a table: not asked." in page
    assert "it points at a table, which an item cannot show: not asked" in page
    table = db.session.scalar(sa.select(Claim).where(Claim.quote.like("| River%")))
    assert table is not None and table.quote.endswith("| Brook | 95 km |")
    assert not db.session.scalar(
        sa.select(sa.func.count(Claim.id)).where(Claim.quote == "|---|---|")
    )
    for model in (Flashcard, Question):
        assert not db.session.scalar(
            sa.select(sa.func.count(model.id)).filter_by(claim_id=table.id)
        )
    # The review page and the reader show it as a table, not as rows of pipes.
    assert '<th scope="col">River</th>' in page and "<td>Alder</td><td>120 km</td>" in page
    assert "| Alder |" not in page
    article = db.session.get(Article, table.article_id)
    reader = " ".join(client.get(f"/articles/{article.slug}").get_data(as_text=True).split())
    assert '<table class="markdown-table" lang="en">' in reader
    assert '<th scope="col">Length</th>' in reader and "<td>Brook</td><td>95 km</td>" in reader
    assert "| Alder |" not in reader and "|---|" not in reader
    # Nothing is made of a table: no empty "from this paragraph" fold under it.
    assert reader.count('<details class="claim-items">') == 3  # the three paragraphs'
