"""The API's items carry a question's hints as practice shows them: in order, to a learner who
may practise the question; none while an assignment of theirs holds it back (an assigned quiz
shows no hints); and one query for a page's hints, however many items have them."""

from __future__ import annotations

from quizapp.core.clock import utcnow
from quizapp.services.practice_hints import revealable_hints
from tests.builders import bearer, enrol, make_assignment, make_class, make_set
from tests.fixtures import HINTS


def _get(client, path: str, headers, **query):
    response = client.get("/api/v1" + path, headers=headers, query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _held_back(db, teacher, student, questions, feedback: str = "never"):
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    make_assignment(db, make_set(db, teacher, questions, feedback=feedback), [school_class])


def test_an_item_carries_its_hints_in_order(client, db, make_student, hinted_questions):
    question, *_ = hinted_questions(1)
    student = bearer(db, make_student(), "read")
    assert _get(client, f"/items/{question.id}", student)["hints"] == HINTS
    topic = question.claim.topic_id
    items = _get(client, f"/topics/{topic}/items", student, per_page=100)["items"]
    assert {item["id"]: item["hints"] for item in items}[question.id] == HINTS
    assert all(item["hints"] == [] for item in items if item["id"] != question.id)


def test_an_item_an_assignment_holds_back_carries_no_hints(
    client, db, make_student, make_teacher, hinted_questions
):
    held, free = hinted_questions(2)
    student = make_student()
    _held_back(db, make_teacher(), student, [held])
    token = bearer(db, student, "read")
    assert _get(client, f"/items/{held.id}", token)["hints"] == []
    assert _get(client, f"/items/{free.id}", token)["hints"] == HINTS
    items = _get(client, f"/topics/{held.claim.topic_id}/items", token, per_page=100)["items"]
    hints = {item["id"]: item["hints"] for item in items}
    assert hints[held.id] == [] and hints[free.id] == HINTS
    # Another learner, not in the class, practises it with its hints.
    other = bearer(db, make_student(), "read")
    assert _get(client, f"/items/{held.id}", other)["hints"] == HINTS


def test_a_pages_hints_cost_one_query_however_many_items_have_them(
    client, db, make_student, hinted_questions, count_queries
):
    (first,) = hinted_questions(1)
    token = bearer(db, make_student(), "read")
    path = f"/topics/{first.claim.topic_id}/items"

    def cost() -> int:
        db.session.expire_all()  # the caller is loaded each time, as in a request of its own
        with count_queries() as queries:
            _get(client, path, token, per_page=100)
        return len(queries)

    cost()  # the token's first use is recorded once
    one = cost()
    hinted_questions(6)
    assert cost() == one


def test_revealable_hints_leave_out_what_an_assignment_hides_until_its_feedback_shows(
    db, make_student, make_teacher, hinted_questions
):
    held, after_due, free = hinted_questions(3)
    student, teacher = make_student(), make_teacher()
    _held_back(db, teacher, student, [held])
    _held_back(db, teacher, student, [after_due], feedback="immediately")
    shown = revealable_hints(db.session, student.id, [held, after_due, free], utcnow())
    assert shown == {after_due.id: HINTS, free.id: HINTS}
    assert revealable_hints(db.session, student.id, [], utcnow()) == {}
