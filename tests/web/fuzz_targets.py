"""What the endpoint fuzzing sends to each route (tests/web/test_fuzz_endpoints.py): who sends
it, what its URL's variables and its fields are drawn from.

``WRITES`` must name every route that takes POST, PUT, PATCH or DELETE; ``READS`` names the
pages whose query string is a form (searches, filters, pickers).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hypothesis import strategies as st

from quizapp.auth.forms import (
    ApiTokenForm,
    LoginForm,
    NewPasswordForm,
    ProfileForm,
    RegisterForm,
    ResetRequestForm,
)
from quizapp.live.forms import JoinForm as LiveJoinForm
from quizapp.live.forms import NewGameForm
from quizapp.lti.forms import LinkAssignmentForm, PickSetForm, PlatformForm
from quizapp.quiz.forms import PracticeForm
from quizapp.services.live_moves import COMMANDS
from quizapp.study.forms import StudySettingsForm
from quizapp.teach.article_forms import ArticleImportForm, ShareForm
from quizapp.teach.authoring_forms import FlashcardForm, QuestionForm
from quizapp.teach.exchange_forms import (
    BankExportForm,
    BankImportForm,
    CardsPasteForm,
    CardsSaveForm,
)
from quizapp.teach.forms import (
    AddQuestionsForm,
    AssignForm,
    ClassForm,
    ConfirmJoinForm,
    DrawForm,
    ItemFilterForm,
    JoinForm,
    QuestionFilterForm,
    SetSettingsForm,
)
from quizapp.teach.roster_forms import ROSTER_FORM_PREFIX, RosterConfirmForm, RosterUploadForm
from tests.web.fuzz_values import (
    FormBody,
    JsonBody,
    hostile_text,
    id_text,
    json_values,
    number_text,
)

KINDS = ("questions", "flashcards")


@dataclass(frozen=True)
class Target:
    """How to fuzz one endpoint: who sends it, what its URL's variables are drawn from (a pool
    of ids, or a tuple of literal values), and its body (None: whatever junk fields)."""

    role: str
    body: FormBody | JsonBody | None = None
    path: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    # Variables drawn together, most of the time, from a pool of combinations that exist
    # (a topic of this article, an item of this set): apart, they would rarely meet.
    together: tuple[tuple[str, ...], str] | None = None
    ends_session: bool = False  # logs the actor out: log in again before the next request


def _quiz_answer(pools):
    answer = st.one_of(hostile_text(), st.sampled_from(["true", "false", "a", "b", "c", "d"]))
    fields = {f"match-{i}": hostile_text() for i in range(4)}
    return {
        "answer": answer,
        "action": st.sampled_from(["next", "back", "finish", "check"]) | hostile_text(),
        **fields,
    }


def _rating(pools):
    return {
        "flashcard_id": id_text(pools["flashcard"]),
        "rating": st.sampled_from(["1", "2", "3", "4"]) | number_text(),
        "duration_ms": number_text(),
        "seen": hostile_text(),
        "topic": id_text(pools["topic"]),
        "article": id_text(pools["article"]),
        "mode": st.sampled_from(["review"]) | hostile_text(),
    }


def _offline_queue(pools):
    """A queue from the offline page: ratings, answers and quiz ends, well formed or not."""
    times = st.integers(1_577_836_800_000, 2_000_000_000_000) | json_values()
    event = st.fixed_dictionaries(
        {
            "key": st.text("abcdef0123456789", min_size=8, max_size=40) | json_values(),
            "kind": st.sampled_from(["rating", "answer", "finish"]) | json_values(),
            "at": times,
        },
        optional={
            "card": st.sampled_from(pools["flashcard"]) | json_values(),
            "rating": st.integers(0, 5) | json_values(),
            "duration_ms": st.integers(-5, 10**7) | json_values(),
            "attempt": st.sampled_from(pools["attempt"]) | json_values(),
            "position": st.integers(0, 6) | json_values(),
            "fields": st.lists(st.tuples(st.just("answer"), hostile_text()).map(list), max_size=3)
            | json_values(),
        },
    )
    return {"events": st.lists(event, max_size=4)}


def _review(pools):
    """A review as the API takes it (JSON numbers), or as a careless client sends it."""
    numbers = st.integers() | st.sampled_from([1, 2, 3, 4])
    return {
        "flashcard_id": st.sampled_from(pools["flashcard"]) | numbers,
        "rating": numbers,
        "duration_ms": numbers | st.none(),
    }


def _topic_change(pools):
    return {
        "action": st.sampled_from(["rename", "up", "down", "merge"]) | hostile_text(),
        "title": hostile_text(),
        "into": id_text(pools["topic"]),
    }


def _live_answer(pools):
    return {
        "player": st.sampled_from(pools["player"]) | json_values(),
        "index": st.integers(-2, 5) | json_values(),
        "answer": st.sampled_from(["a", "b", "c", "true"]) | json_values(),
    }


def _flashcard_fields(pools):
    """A draft is a question or a flashcard: the flashcard form's own fields, beside the
    question form's."""
    kinds = st.sampled_from(["basic", "cloze"]) | hostile_text()
    return {"kind": kinds, "front": hostile_text(), "back": hostile_text()}


def _one(name: str, values):
    """One field a view reads itself; ``values`` a strategy, or a function of the pools."""
    return lambda pools: {name: values(pools) if callable(values) else values}


def known_or_hostile(pool: list) -> st.SearchStrategy[str]:
    """One of the real values (a join code, a PIN), or anything else."""
    return st.sampled_from([str(v) for v in pool]) | hostile_text()


TEACHER, STUDENT, ADMIN, ANON = "teacher", "student", "admin", "anonymous"
API = "api"  # the student's API token, no session (tests/web/fuzz_world.py, Actors)
CLAIM = {"claim_id": "claim"}
ARTICLE_CLAIM = (("article_id", "claim_id"), "article_claim")
ARTICLE = {"article_id": "article"}
CLASS = {"class_id": "class"}
SET = {"set_id": "set"}
# Every route that writes, by endpoint. Destructive ones come last, so the routes before them
# find the world whole.
WRITES: dict[str, Target] = {
    "auth.login": Target(ANON, FormBody(LoginForm)),
    "auth.register": Target(ANON, FormBody(RegisterForm)),
    "account.reset_request": Target(ANON, FormBody(ResetRequestForm)),
    "account.reset_password": Target(ANON, FormBody(NewPasswordForm), {"token": "text"}),
    "account.welcome": Target(ANON, FormBody(NewPasswordForm), {"token": "text"}),
    "account.settings": Target(
        STUDENT,
        FormBody(
            ProfileForm,
            extra=lambda pools: {
                "form": st.sampled_from(["profile", "password"]) | hostile_text(),
                **{f"pw-{n}": hostile_text() for n in ("current_password", "password", "confirm")},
            },
        ),
    ),
    "classroom.join": Target(
        STUDENT, FormBody(JoinForm, extra=_one("code", lambda p: known_or_hostile(p["join_code"])))
    ),
    "classroom.join_link": Target(STUDENT, FormBody(ConfirmJoinForm), {"code": "join_code"}),
    "classroom.start": Target(STUDENT, None, {"assignment_id": "assignment"}),
    "quiz.new": Target(STUDENT, FormBody(PracticeForm, ids={"topics": "topic"})),
    "quiz.question": Target(
        STUDENT,
        FormBody(extra=_quiz_answer),
        {"attempt_id": "attempt", "position": "position"},
        together=(("attempt_id", "position"), "attempt_position"),
    ),
    "study.rate": Target(STUDENT, FormBody(extra=_rating)),
    "api_tokens.tokens": Target(STUDENT, FormBody(ApiTokenForm)),
    "api_tokens.revoke": Target(STUDENT, None, {"token_id": "api_token"}),
    "api_study.post_review": Target(API, JsonBody(_review)),
    "study.undo": Target(STUDENT),
    "offline.download_practice": Target(
        STUDENT,
        JsonBody(
            lambda pools: {
                "topic": st.sampled_from(pools["topic"]),
                "length": st.sampled_from([5, 10, 20]),
            }
        ),
    ),
    "offline.sync": Target(STUDENT, JsonBody(_offline_queue)),
    "study.settings": Target(STUDENT, FormBody(StudySettingsForm)),
    "study.start_review": Target(
        STUDENT, FormBody(extra=_one("article", lambda p: id_text(p["article"])))
    ),
    "live.join": Target(
        STUDENT, FormBody(LiveJoinForm, extra=_one("pin", lambda p: known_or_hostile(p["pin"])))
    ),
    "live.join_by_link": Target(
        ANON,
        FormBody(LiveJoinForm),
        {"token": "join_token"},  # the QR code's signed link
    ),
    "live.answer": Target(STUDENT, JsonBody(_live_answer), {"game_id": "game"}),
    "live.command": Target(
        TEACHER,
        JsonBody(lambda pools: {"command": st.sampled_from(COMMANDS) | json_values()}),
        {"game_id": "game"},
    ),
    "live.new_game": Target(TEACHER, FormBody(NewGameForm), SET),
    "teach.new_class": Target(TEACHER, FormBody(ClassForm)),
    "teach.new_code": Target(TEACHER, None, CLASS),
    "teach.preview_roster": Target(
        TEACHER, FormBody(RosterUploadForm, prefix=ROSTER_FORM_PREFIX), CLASS
    ),
    "teach.import_roster": Target(TEACHER, FormBody(RosterConfirmForm), CLASS),
    "teach.new_set": Target(TEACHER, FormBody(SetSettingsForm)),
    "teach.set_settings": Target(TEACHER, FormBody(SetSettingsForm), SET),
    "teach.add_items": Target(
        TEACHER, FormBody(AddQuestionsForm, ids={"question_ids": "question"}), SET
    ),
    "teach.add_draw": Target(
        TEACHER, FormBody(DrawForm, prefix="draw", ids={"draw-topic": "topic"}), SET
    ),
    "teach.move_item": Target(
        TEACHER,
        FormBody(extra=_one("direction", st.sampled_from(["up", "down"]) | hostile_text())),
        {**SET, "item_id": "item"},
        together=(("set_id", "item_id"), "set_item"),
    ),
    "teach.assign": Target(TEACHER, FormBody(AssignForm, ids={"classes": "class"}), SET),
    "teach.edit_assignment": Target(
        TEACHER, FormBody(AssignForm, ids={"classes": "class"}), {"assignment_id": "assignment"}
    ),
    "teach.new_question": Target(TEACHER, FormBody(QuestionForm, ids=CLAIM)),
    "teach.edit_question": Target(
        TEACHER, FormBody(QuestionForm, ids=CLAIM), {"question_id": "question"}
    ),
    "teach.new_flashcard": Target(TEACHER, FormBody(FlashcardForm, ids=CLAIM)),
    "teach.edit_flashcard": Target(
        TEACHER, FormBody(FlashcardForm, ids=CLAIM), {"card_id": "flashcard"}
    ),
    "teach.import_bank": Target(TEACHER, FormBody(BankImportForm, ids={"into": "article"})),
    "teach.preview_cards": Target(TEACHER, FormBody(CardsPasteForm)),
    "teach.import_pasted_cards": Target(TEACHER, FormBody(CardsSaveForm)),
    "teach.import_article": Target(TEACHER, FormBody(ArticleImportForm)),
    "teach.reimport_article": Target(TEACHER, FormBody(ArticleImportForm), ARTICLE),
    "teach.copy_item": Target(TEACHER, None, {"kind": KINDS, "item_id": "item_id"}),
    "teach.decide_item": Target(
        TEACHER,
        FormBody(extra=_one("decision", st.sampled_from(["accept", "reject"]) | hostile_text())),
        {**ARTICLE, "kind": KINDS, "item_id": "item_id"},
        together=(("article_id", "kind", "item_id"), "article_item"),
    ),
    "teach.edit_draft": Target(
        TEACHER,
        FormBody(QuestionForm, ids=CLAIM, extra=_flashcard_fields),
        {**ARTICLE, "kind": KINDS, "item_id": "item_id"},
        together=(("article_id", "kind", "item_id"), "article_item"),
    ),
    "teach.accept_claim": Target(TEACHER, None, {**ARTICLE, **CLAIM}, together=ARTICLE_CLAIM),
    "teach.accept_topic": Target(
        TEACHER,
        None,
        {**ARTICLE, "topic_id": "topic"},
        together=(("article_id", "topic_id"), "article_topic"),
    ),
    "teach.change_topic": Target(
        TEACHER,
        FormBody(extra=_topic_change),
        {**ARTICLE, "topic_id": "topic"},
        together=(("article_id", "topic_id"), "article_topic"),
    ),
    "teach.share_article": Target(TEACHER, FormBody(ShareForm, ids={"classes": "class"}), ARTICLE),
    "teach.set_article_language": Target(
        TEACHER,
        FormBody(extra=_one("language", st.sampled_from(["ru", "zh", "en"]) | hostile_text())),
        ARTICLE,
    ),
    "teach.publish_article": Target(
        ADMIN,
        FormBody(extra=_one("published", st.sampled_from(["1", "0"]) | hostile_text())),
        ARTICLE,
    ),
    "quiz.practise_missed": Target(STUDENT, None, {"attempt_id": "attempt"}),
    "quiz.submit": Target(STUDENT, None, {"attempt_id": "attempt"}),
    "quiz.discard": Target(STUDENT, None, {"attempt_id": "attempt"}),
    "teach.drop_claim": Target(TEACHER, None, {**ARTICLE, **CLAIM}, together=ARTICLE_CLAIM),
    "teach.remove_item": Target(
        TEACHER, None, {**SET, "item_id": "item"}, together=(("set_id", "item_id"), "set_item")
    ),
    "teach.delete_item": Target(TEACHER, None, {"kind": KINDS, "item_id": "item_id"}),
    "teach.remove_student": Target(
        TEACHER,
        None,
        {**CLASS, "student_id": "user"},
        together=(("class_id", "student_id"), "class_student"),
    ),
    "teach.delete_set": Target(TEACHER, None, SET),
    "lti.login": Target(ANON, FormBody(extra=lambda pools: _lti_login_fields())),
    "lti.launch": Target(
        ANON, FormBody(extra=lambda pools: {"id_token": _lti_token(), "state": hostile_text()})
    ),
    "lti.register": Target(ADMIN, FormBody(PlatformForm)),
    "lti.delete": Target(ADMIN, None, {"platform_id": ("1", "2")}),
    "lti.deep_link_page": Target(TEACHER, FormBody(PickSetForm, ids={"quiz_set": "set"})),
    "lti.sync_class_roster": Target(TEACHER, None, CLASS),
    "lti.link_page": Target(
        TEACHER,
        FormBody(LinkAssignmentForm, ids={"assignment": "assignment"}),
        {"link_id": ("1", "2")},
    ),
    "auth.logout": Target(STUDENT, ends_session=True),
}


def _lti_login_fields():
    names = ("iss", "login_hint", "client_id", "target_link_uri", "lti_message_hint")
    return {name: hostile_text() for name in names}


def _lti_token():
    """A JWT's shape (three base64 parts) with any text in it, or any text at all."""
    part = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
    return st.builds(lambda a, b, c: f"{a}.{b}.{c}", part, part, part) | hostile_text()


def _article_and_topic(pools):
    return {"article": id_text(pools["article"]), "topic": id_text(pools["topic"])}


def _filters(pools):
    return {"page": number_text()}


# Pages whose query string is a form, by endpoint.
READS: dict[str, Target] = {
    "auth.login": Target(ANON, FormBody(extra=_one("next", hostile_text()))),
    "lti.login": Target(ANON, FormBody(extra=lambda pools: _lti_login_fields())),
    "main.search_page": Target(STUDENT, FormBody(extra=_one("q", hostile_text()))),
    "study.dashboard": Target(STUDENT, FormBody(extra=_article_and_topic)),
    "study.review": Target(STUDENT, FormBody(extra=_article_and_topic)),
    "study.progress_page": Target(STUDENT, FormBody(extra=_article_and_topic)),
    "study.cards": Target(
        STUDENT,
        FormBody(
            extra=lambda pools: {
                **_article_and_topic(pools),
                **{
                    k: st.sampled_from(["1", "review"]) | hostile_text()
                    for k in ("mode", "reveal", "undo")
                },
                "tag": hostile_text(),
            }
        ),
    ),
    "study.export_deck": Target(
        STUDENT,
        FormBody(
            extra=lambda pools: {
                **_article_and_topic(pools),
                "progress": hostile_text(),
                "tag": hostile_text(),
            }
        ),
    ),
    "quiz.new": Target(
        STUDENT, FormBody(extra=lambda pools: {**_article_and_topic(pools), "tag": hostile_text()})
    ),
    "live.join": Target(ANON, FormBody(extra=_one("pin", lambda p: known_or_hostile(p["pin"])))),
    "teach.items": Target(
        TEACHER, FormBody(ItemFilterForm, ids={"topic": "topic"}, extra=_filters)
    ),
    "teach.builder": Target(TEACHER, FormBody(QuestionFilterForm, ids={"topic": "topic"}), SET),
    "teach.review_article": Target(TEACHER, FormBody(extra=_filters), ARTICLE),
    "teach.analysis": Target(
        TEACHER,
        FormBody(extra=_one("attempts", st.sampled_from(["all", "first"]) | hostile_text())),
        {"assignment_id": "assignment"},
    ),
    "teach.export_bank": Target(
        TEACHER,
        FormBody(
            BankExportForm,
            extra=lambda pools: {"article": known_or_hostile(pools["slug"])},
        ),
    ),
    "teach.new_question": Target(
        TEACHER, FormBody(extra=_one("claim", lambda p: id_text(p["claim"])))
    ),
}
