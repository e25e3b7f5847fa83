"""Database models, one module per area."""

from quizapp.models.accounts import Role, User
from quizapp.models.content import Article, ArticleTag, Claim, Flashcard, Question, Topic
from quizapp.models.learning import (
    AttemptQuestion,
    CardState,
    FsrsParameters,
    QuizAttempt,
    Response,
    ReviewLog,
)

__all__ = [
    "Article", "ArticleTag", "AttemptQuestion", "CardState", "Claim", "Flashcard", "FsrsParameters",
    "Question",
    "QuizAttempt", "Response", "ReviewLog", "Role", "Topic", "User",
]  # fmt: skip
