"""How an article's review splits its rows into pages: no last page of a claim or two."""

from __future__ import annotations

import pytest

from quizapp.services.article_review import (
    REVIEW_PAGE_CLAIMS,
    SHORT_LAST_PAGE,
    page_count,
    page_of,
    rows_on_page,
)


def _rows(n: int) -> list[tuple[int, int]]:
    """n claims, ten to a topic."""
    return [(index // 10, index) for index in range(n)]


@pytest.mark.parametrize(
    ("claims", "pages"),
    [
        (0, 1),
        (1, 1),
        (REVIEW_PAGE_CLAIMS, 1),
        (REVIEW_PAGE_CLAIMS + 1, 1),  # one claim over: it joins the page
        (REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE - 1, 1),
        (REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE, 2),
        (3 * REVIEW_PAGE_CLAIMS + 1, 3),
    ],
)
def test_a_short_rest_joins_the_last_full_page(claims: int, pages: int) -> None:
    assert page_count(_rows(claims)) == pages


def test_every_claim_is_on_the_page_page_of_names() -> None:
    rows = _rows(3 * REVIEW_PAGE_CLAIMS + 2)
    pages = page_count(rows)
    assert pages == 3
    assert page_of(rows, claim_id=0) == 1
    assert page_of(rows, claim_id=REVIEW_PAGE_CLAIMS) == 2
    assert page_of(rows, claim_id=len(rows) - 1) == 3  # the rest, on the last page
    assert page_of(rows, topic_id=len(rows) // 10) == 3
    assert page_of(rows, claim_id=10_000) == 1  # not there: the first page


@pytest.mark.parametrize("claims", range(0, 300))
def test_the_pages_show_every_row_once_on_the_page_page_of_names(claims: int) -> None:
    rows = _rows(claims)
    pages = page_count(rows)
    shown = [rows_on_page(rows, page, pages) for page in range(1, pages + 1)]
    assert [row for page in shown for row in page] == rows  # in order, none twice, none lost
    assert all(len(page) < REVIEW_PAGE_CLAIMS + SHORT_LAST_PAGE for page in shown)
    assert all(len(page) >= SHORT_LAST_PAGE for page in shown) or pages == 1
    for number, page in enumerate(shown, start=1):
        assert all(page_of(rows, claim_id=claim) == number for _, claim in page)
