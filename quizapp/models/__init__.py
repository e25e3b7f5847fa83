"""Database models, one module per area."""

from quizapp.models.accounts import RememberToken, Role, TeacherStatus, User
from quizapp.models.content import (
    Article,
    ArticleShare,
    ArticleTag,
    Claim,
    Flashcard,
    ItemStatus,
    Question,
    Topic,
    live,
)
from quizapp.models.learning import (
    AttemptQuestion,
    CardState,
    FsrsParameters,
    QuizAttempt,
    Response,
    ReviewLog,
)
from quizapp.models.teaching import (
    Assignment,
    AssignmentClass,
    Enrollment,
    QuizSet,
    QuizSetItem,
    SchoolClass,
)

__all__ = [
    "Article",
    "ArticleTag",
    "AttemptQuestion",
    "CardState",
    "Claim",
    "Flashcard",
    "FsrsParameters",
    "Question",
    "QuizAttempt",
    "RememberToken",
    "Response",
    "ReviewLog",
    "Role",
    "TeacherStatus",
    "Topic",
    "User",
]
# Teaching (classes, quiz sets, assignments).
__all__ += ["ArticleShare", "ItemStatus", "live"]
__all__ += ["Assignment", "AssignmentClass", "Enrollment", "QuizSet", "QuizSetItem", "SchoolClass"]
# Live class games.
# (live_games, not live: the package must keep `live`, the published-items condition)
from quizapp.models.live_games import LiveAnswer, LiveGame, LivePlayer  # noqa: E402

__all__ += ["LiveAnswer", "LiveGame", "LivePlayer"]
# Pictures and sound on items.
from quizapp.models.media import MediaBlob, MediaFile  # noqa: E402

__all__ += ["MediaBlob", "MediaFile"]
