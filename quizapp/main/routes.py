"""Home page, topic browser and article reader."""

from __future__ import annotations

from bisect import bisect_left

import sqlalchemy as sa
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from quizapp.core.article_parser import Section, parse_article
from quizapp.core.highlight import highlight_segments
from quizapp.core.translatable import N_
from quizapp.extensions import db
from quizapp.models import Article, Claim, Topic
from quizapp.models.base import utcnow
from quizapp.services.article_library import listed_articles
from quizapp.services.catalog import items_by_claim, topic_summaries
from quizapp.services.learner_scheduler import learner_scheduler
from quizapp.services.progress import topic_progress
from quizapp.services.search import search
from quizapp.services.visibility import visible_articles, visible_topic

bp = Blueprint("main", __name__)
MAX_QUERY_CHARS = 200


@bp.get("/")
def home():
    articles = listed_articles(db.session, current_user)
    summaries = topic_summaries(db.session, [a.id for a in articles])
    return render_template("main/home.html", summaries=summaries, articles=articles)


@bp.get("/library")
@login_required
def library():
    """The articles open to the learner, each with its topics and the learner's progress."""
    articles = db.session.scalars(
        visible_articles(current_user).order_by(Article.published.desc(), Article.title)
    ).all()
    scheduler = learner_scheduler(db.session, current_user)
    progress = topic_progress(
        db.session, current_user.id, scheduler, utcnow(), [a.id for a in articles]
    )
    summaries = {s.topic.id: s for s in topic_summaries(db.session, [a.id for a in articles])}
    return render_template(
        "main/library.html", articles=articles, progress=progress, summaries=summaries
    )


def _visible_topic(topic_id: int) -> Topic:
    topic = visible_topic(db.session, current_user, topic_id)
    if topic is None:
        abort(404)
    return topic


@bp.get("/favicon.ico")
def favicon():
    # Pages name the icon in <head>; this answers clients that ask the conventional path.
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.get("/topics/<id:topic_id>")
@login_required
def topic(topic_id: int):
    topic = _visible_topic(topic_id)
    claims = topic.claims
    cards, questions = items_by_claim(db.session, [c.id for c in claims])
    children = db.session.scalars(
        sa.select(Topic).where(Topic.parent_id == topic.id).order_by(Topic.position)
    ).all()
    return render_template(
        "main/topic.html",
        topic=topic,
        claims=claims,
        cards=cards,
        questions=questions,
        children=children,
    )


@bp.get("/articles/<slug>")
@login_required
def reader(slug: str):
    article = db.first_or_404(visible_articles(current_user).where(Article.slug == slug))
    claims = db.session.scalars(
        sa.select(Claim)
        .where(Claim.article_id == article.id)
        .options(selectinload(Claim.topic))
        .order_by(Claim.start_offset)
    ).all()
    if not claims:
        abort(404, N_("This article has no claims yet."))
    spans = [(c.key, c.start_offset, c.end_offset) for c in claims]
    parsed = parse_article(article.text, article.language)
    starts = [c.start_offset for c in claims]
    sections = []
    for section in parsed.sections:
        if section.is_keywords:
            continue
        blocks = [
            (
                block,
                highlight_segments(article.text, block.start, block.start + len(block.text), spans),
            )
            for block in section.blocks
        ]
        sections.append((_section_heading(section, claims, starts), blocks))
    by_key = {c.key: c for c in claims}
    cards, questions = items_by_claim(db.session, [c.id for c in claims])
    return render_template(
        "main/reader.html",
        article=article,
        sections=sections,
        claims=by_key,
        cards=cards,
        questions=questions,
    )


def _section_heading(section: Section, claims: list[Claim], starts: list[int]) -> str | None:
    """The section's heading as its topic is named now: a teacher's rename (or merge) names
    the section in the reader too, as on its cards. The topic is that of the first claim in
    the section's own paragraphs (a labelled bullet's claims are its sub-topic's); a section
    with none keeps the heading the text gives it. ``starts`` are the claims' start offsets, in
    reading order."""
    if section.heading is None:
        return None
    for block in section.blocks:
        first = bisect_left(starts, block.start)
        inside = first < len(claims) and starts[first] < block.start + len(block.text)
        if inside and not block.label:
            return claims[first].topic.title
    return section.heading


@bp.get("/search")
@login_required
def search_page():
    query = request.args.get("q", "")[:MAX_QUERY_CHARS]
    hits = search(db.session, current_user, query) if query.strip() else []
    return render_template("main/search.html", query=query, hits=hits)
