"""Classes, sets, assignments and attempts with chosen answers, for tests and benchmarks."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from types import SimpleNamespace

import sqlalchemy as sa

from quizapp.core.bank import validate_question_fields
from quizapp.core.item_drafts import choice_id
from quizapp.core.question_kinds import kind_of
from quizapp.core.question_types import QuestionType
from quizapp.core.vocabulary import ItemOrigin
from quizapp.models import (
    Article,
    Assignment,
    Claim,
    Enrollment,
    Flashcard,
    Question,
    QuizAttempt,
    QuizSet,
    QuizSetItem,
    SchoolClass,
    Topic,
    User,
)
from quizapp.models.base import utcnow
from quizapp.services.article_library import ArticleUpload, import_upload
from quizapp.services.assignments import start_assignment_attempt
from quizapp.services.choice_ids import with_opaque_ids
from quizapp.services.classes import new_join_code
from quizapp.services.quizzes import save_answer, submit_attempt


def make_class(db, teacher: User, name: str = "Year 10 History") -> SchoolClass:
    school_class = SchoolClass(
        teacher_id=teacher.id, name=name, join_code=new_join_code(db.session)
    )
    db.session.add(school_class)
    db.session.commit()
    return school_class


def enrol(db, school_class: SchoolClass, *students: User) -> None:
    for student in students:
        db.session.add(Enrollment(class_id=school_class.id, student_id=student.id))
    db.session.commit()


def teacher_items(
    db, author: User, claim_id: int, tag: str, count: int = 2
) -> tuple[list[Question], list[Flashcard]]:
    """``count`` true/false questions and ``count`` flashcards of ``author``'s own (origin
    "teacher") on one claim, saved: what a teacher writes in the bank, seen by no one else."""
    questions = [
        Question(
            key=f"{tag}-q{i}",
            claim_id=claim_id,
            type="true_false",
            prompt=f"{tag} {i}",
            explanation="E",
            answer_bool=True,
            origin=ItemOrigin.TEACHER,
            author_id=author.id,
        )
        for i in range(count)
    ]
    cards = [
        Flashcard(
            key=f"{tag}-c{i}",
            claim_id=claim_id,
            front="F",
            back="B",
            origin=ItemOrigin.TEACHER,
            author_id=author.id,
        )
        for i in range(count)
    ]
    db.session.add_all(questions + cards)
    db.session.commit()
    return questions, cards


def teacher_poll(db, author: User, claim_id: int, tag: str) -> Question:
    """A poll of ``author``'s own on one claim, saved: the seed bank holds no poll, and a
    teacher's poll is what every class sees."""
    poll = Question(
        key=f"{tag}-poll",
        claim_id=claim_id,
        type="poll",
        prompt=f"{tag}: how sure are you?",
        explanation="A check-in.",
        choices=[
            {"id": choice_id(i), "text": text, "correct": False}
            for i, text in enumerate(["Very", "Somewhat", "Not at all"])
        ],
        origin=ItemOrigin.TEACHER,
        author_id=author.id,
    )
    db.session.add(poll)
    db.session.commit()
    return poll


def teacher_numerical(db, author: User, claim_id: int, tag: str) -> Question:
    """A numerical question of ``author``'s own, saved (the seed bank holds none): 3.14 within
    0.01 for full marks, 3.1 within 0.1 for half, in metres or centimetres."""
    question = Question(
        key=f"{tag}-numerical",
        claim_id=claim_id,
        type="numerical",
        prompt=f"{tag}: how long is the rod, in metres?",
        explanation="It is 3.14 m long.",
        choices=[
            {
                "id": "a",
                "text": "3.14",
                "correct": True,
                "fraction": 1.0,
                "value": 3.14,
                "tolerance": 0.01,
            },
            {
                "id": "b",
                "text": "3.1",
                "correct": False,
                "fraction": 0.5,
                "value": 3.1,
                "tolerance": 0.1,
            },
        ],
        pairs=[["m", "1"], ["cm", "100"]],
        origin=ItemOrigin.TEACHER,
        author_id=author.id,
    )
    db.session.add(question)
    db.session.commit()
    return question


CLOZE_TEXT = (
    "{tag}: the capital of France is {{1:SHORTANSWER:=Paris#Right~%50%Lutetia#Its old name}}, "
    "Germany's is {{2:MULTICHOICE:Bonn#Before 1990~=Berlin#Yes~Munich}} and pi is "
    "{{1:NUMERICAL:=3.14:0.01#Close enough}}."
)


def teacher_cloze(db, author: User, claim_id: int, tag: str) -> Question:
    """A multi-gap cloze question of ``author``'s own, saved (the seed bank holds none): a
    short answer worth 1 (a half-marks answer beside it), a dropdown worth 2 and a number
    within 0.01 worth 1."""
    text = CLOZE_TEXT.format(tag=tag)
    kind = kind_of(QuestionType.CLOZE.value)
    raw = {"type": QuestionType.CLOZE.value, "prompt": text, "explanation": "Geography."}
    raw |= kind.raw_from_authoring(SimpleNamespace(prompt=text), _refuse)
    draft = validate_question_fields(raw, _refuse, origin=ItemOrigin.TEACHER)
    question = Question(
        key=f"{tag}-cloze",
        claim_id=claim_id,
        type=QuestionType.CLOZE.value,
        prompt=draft.prompt,
        explanation=draft.explanation,
        choices=with_opaque_ids(draft.choices),
        origin=ItemOrigin.TEACHER,
        author_id=author.id,
    )
    db.session.add(question)
    db.session.commit()
    return question


def _refuse(reason: str):
    raise ValueError(reason)


def imported_article(db, owner: User, text: str, filename: str = "notes.txt") -> Article:
    """``text`` imported by ``owner`` as a file named ``filename``: their own draft article."""
    article, _ = import_upload(db.session, ArticleUpload(filename, text.encode()), owner.id)
    db.session.commit()
    return article


def seeded_questions(db, count: int, qtype: str | None = None, topic: str | None = None):
    """Live seeded questions in a stable order, optionally of one type or topic title."""
    stmt = (
        sa.select(Question)
        .join(Claim, Question.claim_id == Claim.id)
        .join(Topic, Claim.topic_id == Topic.id)
        .where(~Question.retired, Question.origin != "teacher")
        .order_by(Question.id)
    )
    if qtype:
        stmt = stmt.where(Question.type == qtype)
    if topic:
        stmt = stmt.where(Topic.title == topic)
    questions = list(db.session.scalars(stmt.limit(count)))
    assert len(questions) == count, f"only {len(questions)} seeded questions match"
    return questions


def make_set(db, teacher: User, questions: Sequence[Question], **settings) -> QuizSet:
    values = {
        "title": "Pivot quiz",
        "attempts_allowed": 0,
        "grading_method": "highest",
        "feedback": "after_submission",
        **settings,
    }
    quiz_set = QuizSet(teacher_id=teacher.id, **values)
    for position, question in enumerate(questions, start=1):
        quiz_set.items.append(QuizSetItem(position=position, question_id=question.id))
    db.session.add(quiz_set)
    db.session.commit()
    return quiz_set


def make_assignment(
    db,
    quiz_set: QuizSet,
    classes: Sequence[SchoolClass],
    *,
    due_at: datetime | None = None,
    open_at: datetime | None = None,
    accept_late: bool = False,
    title: str | None = None,
) -> Assignment:
    assignment = Assignment(
        quiz_set=quiz_set,
        title=title or quiz_set.title,
        due_at=due_at or utcnow() + timedelta(days=7),
        open_at=open_at,
        accept_late=accept_late,
    )
    assignment.classes = list(classes)
    db.session.add(assignment)
    db.session.commit()
    return assignment


def correct_answer(question: Question):
    qtype = question.type
    if qtype == "poll":  # no right answer: any choice is an answer
        return question.choices[0]["id"]
    if qtype == "single_choice":
        return next(c["id"] for c in question.choices if c["correct"])
    if qtype == "multiple_select":
        return sorted(c["id"] for c in question.choices if c["correct"])
    if qtype == "true_false":
        return question.answer_bool
    if qtype == "matching":
        return {left: right for left, right in question.pairs}
    if qtype == "numerical":
        return next(c["text"] for c in question.choices if c["correct"])
    if qtype == "cloze_gaps":
        return {
            c["id"]: next(a["text"] for a in c["gap"]["answers"] if a["fraction"] >= 1)
            for c in question.choices
        }
    return question.accepted[0]


def wrong_answer(question: Question):
    qtype = question.type
    if qtype == "poll":
        return question.choices[-1]["id"]
    if qtype == "single_choice":
        return next(c["id"] for c in question.choices if not c["correct"])
    if qtype == "multiple_select":
        return [next(c["id"] for c in question.choices if not c["correct"])]
    if qtype == "true_false":
        return not question.answer_bool
    if qtype == "matching":
        lefts = [left for left, _ in question.pairs]
        rights = [right for _, right in question.pairs]
        return dict(zip(lefts, rights[1:] + rights[:1], strict=True))
    if qtype == "numerical":
        return "-987654321"
    if qtype == "cloze_gaps":  # a choice gap must name one of its options
        return {
            c["id"]: next(a["text"] for a in c["gap"]["answers"] if a["fraction"] <= 0)
            for c in question.choices
            if any(a["fraction"] <= 0 for a in c["gap"]["answers"])
        }
    return "zzzz qqqq"


def take(
    db,
    assignment: Assignment,
    student: User,
    right: Sequence[bool | None] | None = None,
    *,
    now: datetime | None = None,
    submit: bool = True,
    seed: int = 0,
) -> QuizAttempt:
    """An attempt answering slot i right (True), wrong (False) or not at all (None).

    ``right`` None answers every question right. Returns the attempt, submitted if ``submit``.
    """
    now = now or utcnow()
    attempt = start_assignment_attempt(db.session, assignment, student.id, now, random.Random(seed))
    db.session.flush()
    for index, slot in enumerate(attempt.questions):
        wanted = True if right is None else right[index]
        if wanted is None:
            continue
        answer = correct_answer(slot.question) if wanted else wrong_answer(slot.question)
        save_answer(db.session, attempt, slot, answer, now=now)
    if submit:
        submit_attempt(db.session, attempt, now=now)
    db.session.commit()
    return attempt


def class_with_set(db, make_teacher, make_student, **set_settings):
    """A teacher, a student in their class, and a set of three seeded true/false questions."""
    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    quiz_set = make_set(db, teacher, seeded_questions(db, 3, "true_false"), **set_settings)
    return teacher, student, school_class, quiz_set


def attempts_of(db, student: User) -> list[QuizAttempt]:
    """The student's attempts, oldest first, read afresh."""
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(QuizAttempt).where(QuizAttempt.user_id == student.id).order_by(QuizAttempt.id)
        )
    )


def class_with_history(db, teacher: User, make_student, students: int, assignments: int):
    """A class of ``students`` who each took ``assignments`` assignments of four questions;
    every other student also has a second attempt whose time ran out unsubmitted."""
    school_class = make_class(db, teacher, f"{students} students")
    members = [make_student() for _ in range(students)]
    enrol(db, school_class, *members)
    # The seed has fewer true/false questions than 4 per set for 5 sets: sets reuse them.
    questions = seeded_questions(db, min(4 * assignments, 16), "true_false")
    made = []
    for index in range(assignments):
        quiz_set = make_set(
            db,
            teacher,
            [questions[(4 * index + k) % len(questions)] for k in range(4)],
            title=f"Set {index}",
            time_limit_minutes=30,
        )
        made.append(make_assignment(db, quiz_set, [school_class]))
    for number, student in enumerate(members):
        for assignment in made:
            pattern = [(number + k) % 3 != 0 for k in range(4)]
            take(db, assignment, student, pattern, now=utcnow() - timedelta(minutes=10))
            if number % 2:
                # A second, unfinished attempt whose time ran out: submitted by the page.
                late = take(
                    db,
                    assignment,
                    student,
                    [True, None, None, None],
                    submit=False,
                    now=utcnow() - timedelta(minutes=5),
                )
                late.deadline = utcnow() - timedelta(minutes=1)
    db.session.commit()
    return school_class, members, made
