"""Teachers' own questions and flashcards: every type, the bank's validation, read-only seeded
items that can be copied, and no access to another teacher's items."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp.models import Claim, Flashcard, Question
from tests.builders import (
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)

BASE = {
    "difficulty": "2",
    "explanation": "Because the article says so.",
    "quote": "",
    "choices": "",
    "accepted": "",
    "pairs": "",
}


def _claim(db) -> Claim:
    return db.session.scalar(sa.select(Claim).where(Claim.key == "economic-cooperation-3"))


def _teacher_questions(db) -> list[Question]:
    return list(db.session.scalars(sa.select(Question).where(Question.origin == "teacher")))


VALID = {
    "single_choice": {
        "prompt": "Which pipeline?",
        "choices": "* Power of Siberia\nNord Stream\nDruzhba",
    },
    "multiple_select": {"prompt": "Which apply?", "choices": "* Gas\n* Oil\nWheat"},
    "true_false": {"prompt": "The pipeline carries gas.", "answer_bool": "true"},
    "fill_blank": {"prompt": "The Power of _____ pipeline.", "accepted": "Siberia\nSibir"},
    "short_answer": {"prompt": "Name the pipeline.", "accepted": "Power of Siberia"},
    "matching": {"prompt": "Match them.", "pairs": "Gas | Pipeline\nOil | Tanker"},
}


@pytest.mark.parametrize("qtype", list(VALID))
def test_create_a_question_of_every_type(client, db, make_teacher, qtype, login):
    teacher = make_teacher()
    login(client, teacher)
    claim = _claim(db)
    data = {**BASE, "type": qtype, "claim_id": claim.id, **VALID[qtype]}
    response = client.post("/teach/questions/new", data=data)
    assert response.status_code == 302, response.data
    (question,) = _teacher_questions(db)
    assert question.type == qtype and question.author_id == teacher.id
    assert question.claim_id == claim.id and question.key.startswith(f"t{teacher.id}-")
    if qtype == "single_choice":
        assert [(c["text"], c["correct"]) for c in question.choices] == [
            ("Power of Siberia", True),
            ("Nord Stream", False),
            ("Druzhba", False),
        ]
        ids = [c["id"] for c in question.choices]  # opaque: nothing says which came first
        assert len(set(ids)) == 3 and not set(ids) & {"a", "b", "c"}
    if qtype == "matching":
        assert question.pairs == [["Gas", "Pipeline"], ["Oil", "Tanker"]]
    if qtype == "true_false":
        assert question.answer_bool is True
    if qtype == "fill_blank":
        assert question.accepted == ["Siberia", "Sibir"]


INVALID = [
    (
        {"type": "single_choice", "choices": "Power of Siberia\nNord Stream"},
        "exactly one correct choice",
    ),
    ({"type": "single_choice", "choices": "* Only one"}, "at least two choices"),
    ({"type": "multiple_select", "choices": "* Gas\n* gas"}, "Duplicate choices"),
    ({"type": "true_false", "answer_bool": ""}, "true or false"),
    ({"type": "fill_blank", "prompt": "No blank here", "accepted": "x"}, "exactly one _____"),
    ({"type": "short_answer", "accepted": ""}, "at least one accepted answer"),
    ({"type": "matching", "pairs": "Gas - Pipeline\nOil | Tanker"}, "left | right"),
    ({"type": "matching", "pairs": "Gas | Pipeline"}, "at least two [left, right] pairs"),
    ({"type": "short_answer", "accepted": "x", "explanation": ""}, "This field is required"),
    ({"type": "short_answer", "accepted": "x", "quote": "words not in the claim"}, "word for word"),
    ({"type": "short_answer", "accepted": "x", "claim_id": "999999"}, "Not a valid choice"),
    ({"type": "essay", "accepted": "x"}, "Not a valid choice"),
    ({"type": "short_answer", "accepted": "x", "difficulty": "5"}, "Not a valid choice"),
]


@pytest.mark.parametrize(("change", "message"), INVALID)
def test_invalid_questions_get_400_a_message_and_nothing_is_written(
    client, db, make_teacher, change, message, login
):
    login(client, make_teacher())
    data = {
        **BASE,
        "type": "short_answer",
        "prompt": "Name it.",
        "claim_id": _claim(db).id,
        **change,
    }
    response = client.post("/teach/questions/new", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _teacher_questions(db) == []


def test_a_quote_from_the_claim_is_accepted(client, db, make_teacher, login):
    login(client, make_teacher())
    claim = _claim(db)
    quote = claim.quote.split(",")[0]
    data = {
        **BASE,
        "type": "short_answer",
        "prompt": "Name it.",
        "accepted": "x",
        "claim_id": claim.id,
        "quote": quote,
    }
    assert client.post("/teach/questions/new", data=data).status_code == 302
    assert _teacher_questions(db)[0].quote == quote


def test_edit_own_question_and_a_failed_edit_changes_nothing(client, db, make_teacher, login):
    login(client, make_teacher())
    claim = _claim(db)
    client.post(
        "/teach/questions/new",
        data={**BASE, "type": "single_choice", "claim_id": claim.id, **VALID["single_choice"]},
    )
    (question,) = _teacher_questions(db)
    form = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "* Power of Siberia" in form
    edited = {
        **BASE,
        "type": "single_choice",
        "claim_id": claim.id,
        "prompt": "Which one?",
        "choices": "Power of Siberia\n* Nord Stream\nDruzhba",
    }
    assert client.post(f"/teach/questions/{question.id}/edit", data=edited).status_code == 302
    db.session.refresh(question)
    assert question.prompt == "Which one?" and question.choices[1]["correct"]
    bad = {**edited, "prompt": "Broken", "choices": "no\ncorrect"}
    assert client.post(f"/teach/questions/{question.id}/edit", data=bad).status_code == 400
    db.session.refresh(question)
    assert question.prompt == "Which one?"


def test_seeded_items_are_read_only_but_can_be_copied(client, db, make_teacher, login):
    teacher = make_teacher()
    seeded = seeded_questions(db, 1, "single_choice")[0]
    login(client, teacher)
    assert client.get(f"/teach/questions/{seeded.id}/edit").status_code == 403
    data = {
        **BASE,
        "type": "true_false",
        "claim_id": seeded.claim_id,
        "prompt": "x",
        "answer_bool": "true",
    }
    assert client.post(f"/teach/questions/{seeded.id}/edit", data=data).status_code == 403
    assert client.post(f"/teach/questions/{seeded.id}/delete").status_code == 403
    response = client.post(f"/teach/questions/{seeded.id}/copy")
    (copy,) = _teacher_questions(db)
    assert response.location.endswith(f"/teach/questions/{copy.id}/edit")
    assert copy.key != seeded.key and copy.author_id == teacher.id and copy.origin == "teacher"
    assert (copy.prompt, copy.choices, copy.claim_id) == (
        seeded.prompt,
        seeded.choices,
        seeded.claim_id,
    )
    edited = {
        **BASE,
        "type": "single_choice",
        "claim_id": copy.claim_id,
        "prompt": "My version",
        "choices": "* Yes\nNo",
    }
    assert client.post(f"/teach/questions/{copy.id}/edit", data=edited).status_code == 302
    db.session.refresh(seeded)
    assert seeded.prompt != "My version" and seeded.origin != "teacher"


def test_another_teachers_items_do_not_exist_for_me(client, db, make_teacher, login):
    author, other = make_teacher(), make_teacher()
    login(client, author)
    client.post(
        "/teach/questions/new",
        data={**BASE, "type": "true_false", "claim_id": _claim(db).id, **VALID["true_false"]},
    )
    (question,) = _teacher_questions(db)
    client.post("/auth/logout")
    login(client, other)
    assert client.get(f"/teach/questions/{question.id}/edit").status_code == 404
    assert client.post(f"/teach/questions/{question.id}/copy").status_code == 404
    assert client.post(f"/teach/questions/{question.id}/delete").status_code == 404
    assert question.prompt not in client.get("/teach/items").get_data(as_text=True)
    assert len(_teacher_questions(db)) == 1


def test_flashcards_create_validate_copy(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    claim = _claim(db)
    ok = client.post(
        "/teach/flashcards/new",
        data={
            "claim_id": claim.id,
            "kind": "cloze",
            "front": "The Power of _____ pipeline",
            "back": "Siberia",
        },
    )
    assert ok.status_code == 302
    bad = client.post(
        "/teach/flashcards/new",
        data={"claim_id": claim.id, "kind": "cloze", "front": "No blank", "back": "x"},
    )
    assert bad.status_code == 400 and b"exactly one _____" in bad.data
    cards = db.session.scalars(sa.select(Flashcard).where(Flashcard.origin == "teacher")).all()
    assert len(cards) == 1 and cards[0].author_id == teacher.id
    seeded = db.session.scalar(sa.select(Flashcard).where(Flashcard.origin != "teacher").limit(1))
    assert client.get(f"/teach/flashcards/{seeded.id}/edit").status_code == 403
    copied = client.post(f"/teach/flashcards/{seeded.id}/copy")
    assert copied.status_code == 302 and "/teach/flashcards/" in copied.location
    edit = client.post(
        copied.location, data={"claim_id": claim.id, "kind": "basic", "front": "Q?", "back": "A."}
    )
    assert edit.status_code == 302


def test_delete_or_retire(client, db, make_teacher, make_student, login):
    teacher = make_teacher()
    login(client, teacher)
    claim = _claim(db)
    for prompt in ("Unused", "Used"):
        client.post(
            "/teach/questions/new",
            data={
                **BASE,
                "type": "true_false",
                "claim_id": claim.id,
                "prompt": prompt,
                "answer_bool": "true",
            },
        )
    unused, used = sorted(_teacher_questions(db), key=lambda q: q.prompt != "Unused")
    school_class = make_class(db, teacher)
    student = make_student()
    enrol(db, school_class, student)
    take(db, make_assignment(db, make_set(db, teacher, [used]), [school_class]), student)
    client.post(f"/teach/questions/{unused.id}/delete")
    response = client.post(f"/teach/questions/{used.id}/delete", follow_redirects=True)
    assert "Retired" in response.get_data(as_text=True)
    remaining = _teacher_questions(db)
    assert [q.prompt for q in remaining] == ["Used"] and remaining[0].retired


def test_my_questions_can_go_into_a_set(client, db, make_teacher, login):
    teacher = make_teacher()
    login(client, teacher)
    client.post(
        "/teach/questions/new",
        data={**BASE, "type": "true_false", "claim_id": _claim(db).id, **VALID["true_false"]},
    )
    (question,) = _teacher_questions(db)
    quiz_set = make_set(db, teacher, [])
    found = client.get(f"/teach/sets/{quiz_set.id}?type=true_false").get_data(as_text=True)
    # Only the teacher's own question is marked theirs, not the seeded ones beside it.
    assert question.prompt in found and " ".join(found.split()).count(" · yours") == 1
    assert (
        client.post(
            f"/teach/sets/{quiz_set.id}/items", data={"question_ids": [question.id]}
        ).status_code
        == 302
    )


ANSWERED = "Students have answered this question; copy it to change its answer."


def _answered_question(client, db, make_teacher, make_student, login, qtype: str) -> Question:
    """A teacher's question of ``qtype`` that a student has answered in an assignment."""
    teacher = make_teacher()
    login(client, teacher)
    client.post(
        "/teach/questions/new",
        data={**BASE, "type": qtype, "claim_id": _claim(db).id, **VALID[qtype]},
    )
    (question,) = _teacher_questions(db)
    school_class = make_class(db, teacher)
    student = make_student()
    enrol(db, school_class, student)
    take(db, make_assignment(db, make_set(db, teacher, [question]), [school_class]), student)
    return question


@pytest.mark.parametrize(
    ("qtype", "change"),
    [
        ("single_choice", {"type": "true_false", "answer_bool": "true"}),
        ("single_choice", {"type": "matching", "pairs": "a | b\nc | d"}),
        ("single_choice", {"choices": "Power of Siberia\n* Nord Stream\nDruzhba"}),
        ("single_choice", {"choices": "* Power of Siberia\nNord Stream"}),
        ("short_answer", {"accepted": "Nord Stream"}),
        ("matching", {"pairs": "Gas | Tanker\nOil | Pipeline"}),
        ("true_false", {"answer_bool": "false"}),
    ],
)
def test_an_answered_questions_answer_cannot_change(
    client, db, make_teacher, make_student, login, qtype, change
):
    question = _answered_question(client, db, make_teacher, make_student, login, qtype)
    before = (question.type, question.choices, question.accepted, question.pairs)
    data = {**BASE, "type": qtype, "claim_id": question.claim_id, **VALID[qtype], **change}
    response = client.post(f"/teach/questions/{question.id}/edit", data=data)
    assert response.status_code == 409 and ANSWERED in response.get_data(as_text=True)
    db.session.expire_all()
    assert (question.type, question.choices, question.accepted, question.pairs) == before


def test_an_answered_questions_wording_can_change(client, db, make_teacher, make_student, login):
    question = _answered_question(client, db, make_teacher, make_student, login, "single_choice")
    form = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "Students have answered this question:" in form
    data = {
        **BASE,
        "type": "single_choice",
        "claim_id": question.claim_id,
        "prompt": "Which pipeline, again?",
        "explanation": "Reworded.",
        "difficulty": "3",
        "choices": "* The Power of Siberia\nNord Stream\nDruzhba",
    }
    response = client.post(f"/teach/questions/{question.id}/edit", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert question.prompt == "Which pipeline, again?" and question.difficulty == 3
    assert question.choices[0]["text"] == "The Power of Siberia" and question.choices[0]["correct"]


def test_odd_claim_and_item_ids_get_4xx_not_500(client, db, make_teacher, login):
    login(client, make_teacher())
    assert client.get("/teach/questions/new?claim=²").status_code == 200  # ignored, form shown
    for kind in ("questions", "flashcards"):
        assert client.get(f"/teach/{kind}/{'9' * 30}/edit").status_code == 404


def test_a_teachers_answers_get_the_alias_step_and_a_deleted_alias_stays_deleted(
    client, db, make_teacher, login
):
    """Issue 22: the alias table reached generated items only; a teacher's "North Korea"
    refused "Democratic People's Republic of Korea"."""
    login(client, make_teacher())
    data = {**BASE, "type": "short_answer", "claim_id": _claim(db).id, "prompt": "Which?"}
    response = client.post("/teach/questions/new", data={**data, "accepted": "North Korea\n17th"})
    assert response.status_code == 302
    (question,) = _teacher_questions(db)
    assert question.accepted[:2] == ["North Korea", "17th"]
    assert {"Democratic People's Republic of Korea", "DPRK", "seventeenth"} <= set(
        question.accepted
    )
    form = client.get(f"/teach/questions/{question.id}/edit").get_data(as_text=True)
    assert "DPRK" in form  # the teacher sees every accepted answer, and may delete one
    kept = [a for a in question.accepted if a != "DPRK"]
    edited = {**data, "accepted": "\n".join(kept)}
    assert client.post(f"/teach/questions/{question.id}/edit", data=edited).status_code == 302
    db.session.expire_all()
    assert question.accepted == kept


def test_an_answered_question_saved_unchanged_keeps_its_answers(
    client, db, make_teacher, make_student, login
):
    """Saved again as it is, a question's answers are not expanded again, so a question students
    answered (saved before the alias step, with an answer it would now expand) can still be
    reworded."""
    question = _answered_question(client, db, make_teacher, make_student, login, "short_answer")
    question.accepted = ["Power of Siberia", "17th"]  # as saved before the alias step
    db.session.commit()
    data = {**BASE, "type": "short_answer", "claim_id": question.claim_id}
    edited = {**data, "prompt": "Reworded", "accepted": "Power of Siberia\n17th"}
    assert client.post(f"/teach/questions/{question.id}/edit", data=edited).status_code == 302
    db.session.expire_all()
    assert question.prompt == "Reworded" and question.accepted == ["Power of Siberia", "17th"]


def test_a_range_or_an_odd_number_before_million_is_saved_as_typed(client, db, make_teacher, login):
    """The alias step read the number before "million" as a float: a teacher's "2–3 million"
    answered 500 instead of saving."""
    login(client, make_teacher())
    typed = ["2–3 million", "1.5-2 billion", "3/4 million", "3.5.1 million"]
    data = {
        **BASE,
        "type": "short_answer",
        "claim_id": _claim(db).id,
        "prompt": "How many?",
        "accepted": "\n".join(typed),
    }
    response = client.post("/teach/questions/new", data=data)
    assert response.status_code == 302
    (question,) = _teacher_questions(db)
    assert question.accepted[: len(typed)] == typed


def test_a_teachers_own_question_stays_listed_and_editable_when_its_article_is_unpublished(
    client, db, make_teacher, login
):
    from quizapp.models import Article

    teacher = make_teacher()
    login(client, teacher)
    claim = _claim(db)
    data = {**BASE, "type": "true_false", "claim_id": claim.id, **VALID["true_false"]}
    assert client.post("/teach/questions/new", data=data).status_code == 302
    (question,) = _teacher_questions(db)
    db.session.execute(
        sa.update(Article).where(Article.id == claim.article_id).values(published=False)
    )
    db.session.commit()

    assert "The pipeline carries gas." in client.get("/teach/items").get_data(as_text=True)
    assert client.get(f"/teach/questions/{question.id}/edit").status_code == 200
    edited = {**data, "prompt": "The pipeline carries gas east."}
    response = client.post(f"/teach/questions/{question.id}/edit", data=edited)
    assert response.status_code == 302, response.data
    db.session.expire_all()
    assert db.session.get(Question, question.id).prompt == "The pipeline carries gas east."
