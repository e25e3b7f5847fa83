"""Pages of a list: ``?page=2&per_page=50`` (``per_page`` at most ``MAX_PER_PAGE``), answered
with an envelope (``items``, ``page``, ``per_page``, ``total``) and RFC 8288 ``Link`` headers
(``first``, ``prev``, ``next``, ``last``)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
import sqlalchemy as sa
from flask import request, url_for

from quizapp.extensions import db

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 100_000  # past any real list; keeps OFFSET within the database's integer range


class PageArgs(ma.Schema):
    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=MAX_PAGE))
    per_page = ma.fields.Integer(
        load_default=DEFAULT_PER_PAGE, validate=ma.validate.Range(min=1, max=MAX_PER_PAGE)
    )


class PageSchema(ma.Schema):
    page = ma.fields.Integer(required=True)
    per_page = ma.fields.Integer(required=True)
    total = ma.fields.Integer(required=True, metadata={"description": "items in every page"})


_PAGES: dict[type, type[ma.Schema]] = {}


def page_of(item_schema: type[ma.Schema]) -> type[ma.Schema]:
    """The envelope schema of a page of ``item_schema`` (one class per item schema, so the
    OpenAPI document names each once)."""
    if item_schema not in _PAGES:
        name = item_schema.__name__.removesuffix("Schema") + "PageSchema"
        fields = {"items": ma.fields.List(ma.fields.Nested(item_schema), required=True)}
        _PAGES[item_schema] = type(name, (PageSchema,), fields)
    return _PAGES[item_schema]


def _link(page: int, per_page: int) -> str:
    args = {**request.view_args, **request.args.to_dict(), "page": page, "per_page": per_page}
    return url_for(request.endpoint, **args)


def paginate(stmt: sa.Select, args: dict[str, int]) -> tuple[dict[str, Any], dict[str, str]]:
    """One page of ``stmt`` (which must have an ORDER BY) and its ``Link`` header."""
    page, per_page = args["page"], args["per_page"]
    total = db.session.scalar(
        sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())
    )
    items = list(db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)))
    return page_envelope(items, page, per_page, total or 0)


def paginate_list(values: list, args: dict[str, int]) -> tuple[dict[str, Any], dict[str, str]]:
    """As :func:`paginate`, for a list a service built whole (a teacher's classes)."""
    page, per_page = args["page"], args["per_page"]
    start = (page - 1) * per_page
    return page_envelope(values[start : start + per_page], page, per_page, len(values))


def page_envelope(
    items: list, page: int, per_page: int, total: int
) -> tuple[dict[str, Any], dict[str, str]]:
    last = max(1, -(-total // per_page))
    links = [f'<{_link(1, per_page)}>; rel="first"', f'<{_link(last, per_page)}>; rel="last"']
    if page > 1:
        links.append(f'<{_link(min(page - 1, last), per_page)}>; rel="prev"')
    if page < last:
        links.append(f'<{_link(page + 1, per_page)}>; rel="next"')
    body = {"items": items, "page": page, "per_page": per_page, "total": total}
    return body, {"Link": ", ".join(links)}
