"""A teacher finds their questions and flashcards, and the article's bank, by tag: the tags of
the items they may use are offered with counts (never another teacher's), the choice is in the
address, a tag no item has is said so under the field, one no tag could be is a 400, and the
list costs the same queries however many items hold the tag."""

from __future__ import annotations

import re

import sqlalchemy as sa

from quizapp.models import Claim, User
from tests.builders import teacher_items


def _claim_id(db) -> int:
    return db.session.scalar(sa.select(Claim.id).where(Claim.key == "economic-cooperation-3"))


def _section(page: str, section_id: str) -> str:
    return re.search(rf'id="{section_id}">(.*?)</ul>', page, re.S).group(1)


def test_the_list_shows_only_the_items_with_the_chosen_tag(
    client, db, make_teacher, login, tag_seeded_cards
):
    teacher = make_teacher()
    questions, cards = teacher_items(db, teacher, _claim_id(db), "own", count=3)
    questions[0].tags, cards[1].tags = ["exam-B"], ["Exam-b", "geo"]  # the spelling most use shows
    bank_card = tag_seeded_cards(1, "exam-B")[0]
    db.session.commit()
    login(client, teacher)
    page = client.get("/teach/items?tag=EXAM-B").get_data(as_text=True)
    assert re.search(r'<option selected value="exam-B">exam-B \(3 items\)</option>', page)
    assert '<option value="geo">geo (1 item)</option>' in page
    assert _section(page, "my-questions").count('class="bank-item"') == 1
    assert questions[0].prompt in _section(page, "my-questions")
    assert f"/teach/flashcards/{cards[1].id}/edit" in _section(page, "my-flashcards")
    assert _section(page, "my-flashcards").count('class="bank-item"') == 1
    assert "The article's flashcards (1)" in page and bank_card.front in page
    assert "The article's question bank (0)" in page
    everything = client.get("/teach/items").get_data(as_text=True)
    assert _section(everything, "my-questions").count('class="bank-item"') == 3


def test_another_teachers_tags_are_never_offered(client, db, make_teacher, login):
    other, teacher = make_teacher(), make_teacher()
    _questions, cards = teacher_items(db, other, _claim_id(db), "theirs", count=1)
    cards[0].tags = ["their-secret"]
    db.session.commit()
    login(client, teacher)
    assert "their-secret" not in client.get("/teach/items").get_data(as_text=True)
    page = client.get("/teach/items?tag=their-secret").get_data(as_text=True)
    assert "No question or flashcard you can use has the tag “their-secret”." in page
    assert 'aria-invalid="true"' in page
    assert "The article's flashcards (0)" in page


def test_a_tag_longer_than_any_tag_is_refused(client, db, make_teacher, login):
    login(client, make_teacher())
    answer = client.get("/teach/items?tag=" + "x" * 101)
    assert answer.status_code == 400
    assert "A tag has at most 100 characters." in answer.get_data(as_text=True)


def test_the_tag_filter_costs_the_same_however_many_items_hold_it(
    client, db, make_teacher, login, count_queries, tag_seeded_cards
):
    teacher = make_teacher()
    teacher_id = teacher.id
    login(client, teacher)

    def cost() -> int:
        db.session.remove()
        with count_queries() as queries:
            assert client.get("/teach/items?tag=exam").status_code == 200
        return len(queries)

    tag_seeded_cards(1, "exam")
    few = cost()
    tag_seeded_cards(30, "exam", "geo")
    teacher = db.session.get(User, teacher_id)  # the count started the session afresh
    questions, cards = teacher_items(db, teacher, _claim_id(db), "own", count=20)
    for item in [*questions, *cards]:
        item.tags = ["exam", "b1"]
    db.session.commit()
    assert cost() == few
