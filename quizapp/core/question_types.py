"""The kinds of question the quiz supports.

The values are the strings stored in the database and sent by web forms, so they must never change.
"""

from enum import StrEnum


class QuestionType(StrEnum):
    """A question's type; each member compares equal to its plain string value."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_SELECT = "multiple_select"
    TRUE_FALSE = "true_false"
    FILL_BLANK = "fill_blank"
    SHORT_ANSWER = "short_answer"
    MATCHING = "matching"
    POLL = "poll"
    NUMERICAL = "numerical"
    CLOZE = "cloze_gaps"
