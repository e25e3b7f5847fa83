"""Home page, topic browser and article reader."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import login_required
from sqlalchemy.orm import selectinload

from quizapp.core.article_parser import parse_article
from quizapp.core.highlight import highlight_segments
from quizapp.extensions import db
from quizapp.models import Article, Claim, Topic
from quizapp.services.catalog import items_by_claim, topic_summaries

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    summaries = topic_summaries(db.session)
    articles = db.session.scalars(sa.select(Article).order_by(Article.id)).all()
    return render_template("main/home.html", summaries=summaries, articles=articles)


@bp.get("/favicon.ico")
def favicon():
    # Pages name the icon in <head>; this answers clients that ask the conventional path.
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.get("/topics/<id:topic_id>")
@login_required
def topic(topic_id: int):
    topic = db.get_or_404(Topic, topic_id)
    claims = topic.claims
    cards, questions = items_by_claim(db.session, [c.id for c in claims])
    children = db.session.scalars(
        sa.select(Topic).where(Topic.parent_id == topic.id).order_by(Topic.position)
    ).all()
    return render_template(
        "main/topic.html", topic=topic, claims=claims, cards=cards, questions=questions,
        children=children,
    )  # fmt: skip


@bp.get("/articles/<slug>")
@login_required
def reader(slug: str):
    article = db.first_or_404(sa.select(Article).where(Article.slug == slug))
    claims = db.session.scalars(
        sa.select(Claim)
        .where(Claim.article_id == article.id)
        .options(selectinload(Claim.topic))
        .order_by(Claim.start_offset)
    ).all()
    if not claims:
        abort(404, "This article has no claims yet.")
    spans = [(c.key, c.start_offset, c.end_offset) for c in claims]
    parsed = parse_article(article.text)
    sections = []
    for section in parsed.sections:
        if section.is_keywords:
            continue
        blocks = [
            (block, highlight_segments(article.text, block.start, block.start + len(block.text),
                                       spans))
            for block in section.blocks
        ]  # fmt: skip
        sections.append((section.heading, blocks))
    by_key = {c.key: c for c in claims}
    cards, questions = items_by_claim(db.session, [c.id for c in claims])
    return render_template(
        "main/reader.html", article=article, sections=sections, claims=by_key, cards=cards,
        questions=questions,
    )  # fmt: skip
