"""Questions asked as a claim's recall cloze card is: the fallback of a claim no other form
asks, and of a labelled bullet that is no sentence ("Orbit: about 20,200 km high, …")."""

from __future__ import annotations

from quizapp.core.aliases import AnswerContext
from quizapp.core.claims import TopicDraft
from quizapp.core.item_drafts import QuestionDraft
from quizapp.core.item_forms.card_blanks import specific_answer
from quizapp.core.item_forms.fill_blank import fill_blank_draft
from quizapp.core.item_forms.recall import Recall
from quizapp.core.question_kinds.base import BLANK
from quizapp.core.subjects import ShownClaim


def recall_question(
    shown: ShownClaim, recall: Recall | None, answers: AnswerContext, label: str = ""
) -> list[QuestionDraft]:
    """A claim no form, blank or statement asks is asked as its recall cloze card is ("Potential
    difference is measured in _____" -> volts): reviewers kept most such cards, and a claim with
    no question is a claim no quiz teaches (unseen-5: 40 of 134 claims had none). ``label``
    goes before a labelled bullet's words, which are no sentence alone."""
    if recall is None or not recall.cloze:
        return []
    sentence = label + recall.front
    if sentence.count(BLANK) != 1 or not specific_answer(recall.back):
        return []  # a blank of everyday words ("the border") is mostly guessed, reviewers found
    key = f"gen-recall-{shown.claim.key}"
    # The sentence keeps its own ending: a labelled bullet's words are no sentence to stop.
    draft = fill_blank_draft(key, shown, sentence, recall.back, answers, kind="word")
    return [draft]


def bullet_question(
    shown: ShownClaim, recall: Recall | None, answers: AnswerContext, topic: TopicDraft
) -> list[QuestionDraft]:
    """A labelled bullet that is no sentence ("Orbit: about 20,200 km high, one revolution in
    _____"), asked as its cloze card is, under its label; nothing for any other claim that
    cannot stand as an item."""
    if recall is None or not recall.front[:1].islower():
        return []
    return recall_question(shown, recall, answers, f"{topic.title}: ")
