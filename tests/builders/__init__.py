"""The one place tests and benchmarks build data: accounts (``users``), classes, sets,
assignments and attempts (``teaching``), a learner's bulk history (``history``), a practice
quiz started through the web (``practice``) and a short article to import (``articles``).

Import from here, ``from tests.builders import make_class``; benchmarks run as modules from the
repository root (``python -m bench.load``), so ``tests`` is importable without touching
``sys.path``. In tests, accounts come from the ``make_student``/``make_teacher`` fixtures and
logging in from the ``login`` fixture (tests/conftest.py).
"""

from tests.builders.api import bearer
from tests.builders.articles import GARDEN
from tests.builders.history import add_review, bulk_history
from tests.builders.practice import start_practice_quiz
from tests.builders.teaching import (
    attempts_of,
    class_with_history,
    class_with_set,
    correct_answer,
    enrol,
    imported_article,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
    teacher_cloze,
    teacher_items,
    teacher_numerical,
    teacher_poll,
    wrong_answer,
)
from tests.builders.users import PASSWORD, log_in, make_user

__all__ = [
    "bearer",
    "GARDEN",
    "PASSWORD",
    "start_practice_quiz",
    "add_review",
    "attempts_of",
    "bulk_history",
    "class_with_history",
    "class_with_set",
    "correct_answer",
    "enrol",
    "imported_article",
    "log_in",
    "make_assignment",
    "make_class",
    "make_set",
    "make_user",
    "seeded_questions",
    "take",
    "teacher_items",
    "teacher_cloze",
    "teacher_numerical",
    "teacher_poll",
    "wrong_answer",
]
