"""The world the endpoint fuzzing runs in: two teachers, an admin and two students with
classes, sets, assignments, attempts of every question type, articles and a live game; the ids
of each kind of thing (the actor's own and other people's); and a logged-in client per role.

Built once per module (building it takes seconds, a request milliseconds); the requests change
it as they go, which the property does not mind: whatever state they leave, the next request
must still get a clear answer.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from quizapp.core.question_types import QuestionType
from quizapp.core.vocabulary import GameStatus
from quizapp.models import Claim, Flashcard, Question, Topic, User
from quizapp.models.base import utcnow
from quizapp.models.live_games import LiveGame, LivePlayer
from quizapp.services.api_tokens import create_token
from quizapp.services.live_games import SECONDS_CHOICES, create_game, join_game
from quizapp.services.live_join_links import join_token
from quizapp.services.live_moves import run_command
from tests.builders import (
    GARDEN,
    enrol,
    imported_article,
    log_in,
    make_assignment,
    make_class,
    make_set,
    make_user,
    seeded_questions,
    take,
    teacher_cloze,
    teacher_items,
    teacher_numerical,
    teacher_poll,
)
from tests.services.test_article_namespaces import LOOKALIKE

ROLES = ("student", "teacher", "admin", "anonymous")


def _item_ids(items: tuple[list[Question], list[Flashcard]]) -> tuple[list[int], list[int]]:
    questions, cards = items
    return [q.id for q in questions], [c.id for c in cards]


def _ids(db, model, *where) -> list[int]:
    return list(db.session.scalars(sa.select(model.id).where(*where).order_by(model.id)))


def _live_game(db, teacher: User, student: User, quiz_set) -> LiveGame:
    """A game asking its first question, the student playing."""
    now = utcnow()
    game = create_game(
        db.session, quiz_set, teacher.id, seconds=max(SECONDS_CHOICES), allow_guests=True
    )
    join_game(db.session, game, student, "", now)
    run_command(db.session, game, "start", now)
    db.session.commit()
    assert game.status == GameStatus.QUESTION
    return game


def _combinations(db, article, quiz_set, school_class, students, attempt) -> dict[str, list[tuple]]:
    """Ids that belong together in one URL (see fuzz_targets.Target.together)."""
    in_article = (Question.article_id == article.id,)
    drafts = [(article.id, "questions", i) for i in _ids(db, Question, *in_article)[:4]]
    drafts += [
        (article.id, "flashcards", i)
        for i in _ids(db, Flashcard, Flashcard.article_id == article.id)[:4]
    ]
    return {
        "article_topic": [(article.id, i) for i in _ids(db, Topic, Topic.article_id == article.id)],
        "article_claim": [(article.id, i) for i in _ids(db, Claim, Claim.article_id == article.id)],
        "article_item": drafts,
        "set_item": [(quiz_set.id, item.id) for item in quiz_set.items],
        "class_student": [(school_class.id, student.id) for student in students],
        "attempt_position": [(attempt.id, slot.position) for slot in attempt.questions],
    }


def build_world(db, secret_key: str) -> dict:
    """Everything the routes act on; returns the accounts and the id pools by kind."""
    teacher, other = make_user(db.session, "teacher"), make_user(db.session, "teacher")
    admin = make_user(db.session, "admin")
    student, classmate = make_user(db.session, "student"), make_user(db.session, "student")
    mine, theirs = make_class(db, teacher), make_class(db, other, name="Other class")
    enrol(db, mine, student, classmate)
    enrol(db, theirs, student)
    # One question of each type, so an answer is posted to every kind of form; the seed bank
    # holds no poll nor numerical question, so the teacher writes them.
    written = (QuestionType.POLL, QuestionType.NUMERICAL, QuestionType.CLOZE)
    banked = [t for t in QuestionType if t not in written]
    mixed = [seeded_questions(db, 1, t.value)[0] for t in banked]
    mixed.append(teacher_poll(db, teacher, mixed[0].claim_id, "fuzz"))
    mixed.append(teacher_numerical(db, teacher, mixed[0].claim_id, "fuzz"))
    mixed.append(teacher_cloze(db, teacher, mixed[0].claim_id, "fuzz"))
    choice = seeded_questions(db, 3, "single_choice")
    own_set = make_set(db, teacher, mixed, title="Mixed")
    live_set = make_set(db, teacher, choice, title="Live")
    empty_set = make_set(db, teacher, [], title="Empty")
    other_set = make_set(db, other, choice, title="Theirs")
    homework = make_assignment(db, own_set, [mine])
    other_homework = make_assignment(db, other_set, [theirs])
    open_attempt = take(db, homework, student, [None] * len(mixed), submit=False)
    done_attempt = take(db, other_homework, student)
    classmate_attempt = take(db, homework, classmate, submit=False)
    claim_id = mixed[0].claim_id
    own_questions, own_cards = _item_ids(teacher_items(db, teacher, claim_id, "fuzz-own"))
    other_questions, other_cards = _item_ids(teacher_items(db, other, claim_id, "fuzz-other"))
    own_article = imported_article(db, teacher, LOOKALIKE, "notes.txt")
    other_article = imported_article(db, other, GARDEN, "garden.txt")
    seeded_article = mixed[0].claim.article_id
    articles = [own_article.id, other_article.id, seeded_article]
    game = _live_game(db, teacher, student, live_set)
    other_game = create_game(db.session, other_set, other.id, seconds=20, allow_guests=False)
    db.session.commit()
    games = [game.id, other_game.id]
    # The API is fuzzed with the student's write token; the tokens whose revocation is fuzzed
    # are another of theirs and another user's (never the one the API requests carry).
    api = create_token(db.session, student, "fuzz", "write")
    spare = create_token(db.session, student, "spare", "read").token
    others_token = create_token(db.session, other, "theirs", "write").token
    db.session.commit()
    pools = {
        "user": [student.id, classmate.id, teacher.id, other.id, admin.id],
        "class": [mine.id, theirs.id],
        "set": [own_set.id, live_set.id, empty_set.id, other_set.id],
        "item": [i.id for s in (own_set, other_set) for i in s.items],
        "assignment": [homework.id, other_homework.id],
        "attempt": [open_attempt.id, done_attempt.id, classmate_attempt.id],
        "position": list(range(1, len(mixed) + 2)),
        "question": own_questions + other_questions + [q.id for q in mixed],
        "flashcard": own_cards + other_cards + _ids(db, Flashcard, Flashcard.claim_id == claim_id),
        "claim": _ids(db, Claim, Claim.article_id.in_(articles))[:12],
        "topic": _ids(db, Topic, Topic.article_id.in_(articles))[:12],
        "article": articles,
        # The host's own game thrice: a request for another's game stops at the host check.
        "game": [game.id, game.id, game.id, other_game.id],
        "player": _ids(db, LivePlayer, LivePlayer.game_id.in_(games)),
        "item_id": own_questions + other_questions + own_cards + other_cards,
        "api_token": [spare.id, others_token.id],
        **_combinations(db, own_article, own_set, mine, (student, classmate), open_attempt),
    }
    texts = {
        "join_code": [mine.join_code, theirs.join_code],
        "pin": [game.pin, other_game.pin],
        "join_token": [join_token(secret_key, g) for g in (game, other_game)],
        "slug": [a.slug for a in (own_article, other_article)] + [mixed[0].claim.article.slug],
    }
    accounts = {"student": student, "teacher": teacher, "admin": admin}
    return {
        "pools": pools,
        "texts": texts,
        "accounts": {r: u.id for r, u in accounts.items()},
        "api_secret": api.secret,
    }


class Actors:
    """A logged-in test client per role, logged in again after a route that ends sessions;
    for ``api``, a client with no session that sends the student's API token (and one
    ``Idempotency-Key``, so only the first valid review is rated, the rest refused or replayed)."""

    def __init__(self, app: Flask, db, accounts: dict[str, int], api_secret: str = "") -> None:
        self.app, self.db, self.accounts = app, db, accounts
        self.api_secret = api_secret
        self.clients: dict[str, object] = {}

    def client(self, role: str):
        if role == "anonymous":
            return self.app.test_client()  # fresh: a login or a join never carries over
        if role == "api":
            client = self.app.test_client()
            client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {self.api_secret}"
            client.environ_base["HTTP_IDEMPOTENCY_KEY"] = "fuzz-review"
            return client
        if role not in self.clients:
            client = self.app.test_client()
            user = self.db.session.get(User, self.accounts[role])
            response = log_in(client, user)  # the email may have been changed by a request
            assert response.status_code == 302, f"{role} could not log in"
            self.clients[role] = client
        return self.clients[role]

    def forget(self, role: str) -> None:
        self.clients.pop(role, None)
