"""The review page says why a claim got no question in the teacher's language: the core gives
the reason as a whole sentence with the article's words as values, the page translates it, and
no English reason is left on a Russian page."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.models import Article, Flashcard, ItemStatus

POINTING_ARTICLE = """Worm bins
A worm bin turns kitchen scraps into compost within a few months.
This composting process needs a damp bedding of shredded paper and cardboard.
"""
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
RUSSIAN_ARTICLE = """Транссибирская магистраль
Транссибирская магистраль связывает Москву с Владивостоком с 1916 года.
Она проходит через Урал, Сибирь и Дальний Восток России.
"""
# What only an English reason says: none of it may be left on a translated page.
ENGLISH_REASON_WORDS = ("it has a card", "not asked", "unresolved", "points back", "cannot be")


def _review_page(client, db, teacher, title: str, text: str) -> str:
    response = client.post(
        "/teach/articles/new",
        data={"title": title, "text": text},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    article = db.session.scalar(
        sa.select(Article).where(Article.owner_id == teacher.id, Article.title == title)
    )
    page = client.get(f"/teach/articles/{article.id}").get_data(as_text=True)
    return " ".join(page.split())


def _teacher_speaking(db, make_teacher, language: str):
    teacher = make_teacher()
    teacher.language = language
    db.session.commit()
    return teacher


def test_a_russian_teacher_reads_why_a_claim_has_no_question_in_russian(
    client,
    db,
    make_teacher,
    login,
    shipped_catalogues,
):
    teacher = _teacher_speaking(db, make_teacher, "ru")
    login(client, teacher)
    page = _review_page(client, db, teacher, "Worm bins", POINTING_ARTICLE)
    # The article's own word ("This") stays as written; the sentence around it is Russian.
    assert (
        "Нет вопроса: оно начинается со слова «This», и неясно, к чему оно относится; "
        "карточка для него есть." in page
    )
    assert "No question" not in page
    assert not [words for words in ENGLISH_REASON_WORDS if words in page]


def test_a_table_and_a_sentence_pointing_at_it_are_explained_in_russian(
    client,
    db,
    make_teacher,
    login,
    shipped_catalogues,
):
    teacher = _teacher_speaking(db, make_teacher, "ru")
    login(client, teacher)
    page = _review_page(client, db, teacher, "Rivers of the plain", TABLE_ARTICLE)
    assert "Нет вопроса: таблица: о ней не спрашивают." in page
    assert (
        "Нет вопроса: оно ссылается на таблицу, а задание не может её показать: о нём не "
        "спрашивают." in page
    )
    assert not [words for words in ENGLISH_REASON_WORDS if words in page]


def test_a_russian_article_s_reasons_are_in_the_teacher_s_language_too(
    client,
    db,
    make_teacher,
    login,
    shipped_catalogues,
):
    teacher = _teacher_speaking(db, make_teacher, "zh")
    login(client, teacher)
    page = _review_page(client, db, teacher, "Транссиб", RUSSIAN_ARTICLE)
    # The neutral forms' reason, in Chinese, quoting the article's Russian word.
    assert "没有题目：它以“Она”开头，指向前一句；已为它制作了卡片。" in page
    assert not [words for words in ENGLISH_REASON_WORDS if words in page]


def test_an_english_teacher_reads_the_reason_as_before(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    page = _review_page(client, db, teacher, "Worm bins", POINTING_ARTICLE)
    assert "No question: it starts with an unresolved “This”; it has a card." in page


def test_a_draft_held_back_from_accept_all_says_why_in_russian(
    client,
    db,
    make_teacher,
    login,
    shipped_catalogues,
):
    teacher = _teacher_speaking(db, make_teacher, "ru")
    login(client, teacher)
    _review_page(client, db, teacher, "Worm bins", POINTING_ARTICLE)
    card = db.session.scalars(
        sa.select(Flashcard)
        .join(Article, Flashcard.article_id == Article.id)
        .where(Article.owner_id == teacher.id)
        .order_by(Flashcard.id)
    ).first()
    card.front = "Worm " * 401  # past the 2,000 characters a side may hold
    db.session.commit()
    accept = f"/teach/articles/{card.article_id}/topics/{card.claim.topic_id}/accept"
    said = "На каждой стороне карточки не больше 2000 символов."
    confirm = " ".join(client.get(accept).get_data(as_text=True).split())
    assert said in confirm and "at most" not in confirm
    done = client.post(accept, follow_redirects=True)
    assert said in " ".join(done.get_data(as_text=True).split())
    db.session.refresh(card)
    assert card.status == ItemStatus.DRAFT
