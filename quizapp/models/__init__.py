"""Database models, one module per area."""

from quizapp.models.accounts import Role, User
from quizapp.models.content import Article, ArticleTag, Claim, Flashcard, Question, Topic

__all__ = ["Article", "ArticleTag", "Claim", "Flashcard", "Question", "Role", "Topic", "User"]
