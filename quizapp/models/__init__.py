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
# LTI 1.3 (the school's LMS).
from quizapp.models.lti import (  # noqa: E402
    LtiContextLink,
    LtiDeployment,
    LtiGradeOutbox,
    LtiLaunchValue,
    LtiPlatform,
    LtiResourceLink,
    LtiToolKey,
    LtiUserLink,
)

__all__ += [
    "LtiContextLink",
    "LtiDeployment",
    "LtiGradeOutbox",
    "LtiLaunchValue",
    "LtiPlatform",
    "LtiResourceLink",
    "LtiToolKey",
    "LtiUserLink",
]
# Offline study: the idempotency keys of synced events.
from quizapp.models.offline import OfflineEvent  # noqa: E402

__all__ += ["OfflineEvent"]
# The JSON API: personal access tokens, idempotency keys.
from quizapp.models.api import ApiToken, IdempotencyKey, TokenScope  # noqa: E402

__all__ += ["ApiToken", "IdempotencyKey", "TokenScope"]
# Pictures and sound on items.
from quizapp.models.media import MediaBlob, MediaFile  # noqa: E402

__all__ += ["MediaBlob", "MediaFile"]
