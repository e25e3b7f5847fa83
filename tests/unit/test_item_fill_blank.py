"""The one fill-in-blank builder every generator form uses (``item_forms.fill_blank``)."""

from quizapp.core.aliases import AnswerContext
from quizapp.core.claims import ClaimDraft
from quizapp.core.item_forms.fill_blank import fill_blank_draft, fill_blank_prompt
from quizapp.core.question_types import QuestionType
from quizapp.core.subjects import ShownClaim

SENTENCE = "The United States bought Alaska from Russia in 1867"


def _shown(sentence: str = SENTENCE) -> ShownClaim:
    claim = ClaimDraft("t-1", "t", sentence, 0, len(sentence), 0, len(sentence), (), sentence)
    return ShownClaim(claim, sentence, (0, len(sentence)))


def test_the_prompt_shows_the_sentence_as_the_form_gives_it():
    """A labelled bullet keeps its own ending: the builder adds no stop of its own."""
    bullet = "Orbit: about 20,200 km high, one revolution in _____"
    draft = fill_blank_draft("gen-x", _shown(), bullet, "12 hours", AnswerContext.of_text(""))
    assert draft.prompt == f"Fill in the blank: {bullet}"
    assert draft.prompt == fill_blank_prompt(bullet)
    assert (draft.key, draft.claim_key, draft.type) == ("gen-x", "t-1", QuestionType.FILL_BLANK)
    assert (draft.difficulty, draft.quote) == (2, SENTENCE)


def test_the_explanation_quotes_the_context_line_before_the_sentence():
    shown = _shown()
    alone = fill_blank_draft("k", shown, "_____ bought Alaska.", "x", AnswerContext.of_text(""))
    after = fill_blank_draft(
        "k", shown, "_____ bought Alaska.", "x", AnswerContext.of_text(""), context="Before that"
    )
    assert alone.explanation == f"The article says: “{SENTENCE}.”"
    assert after.explanation == f"The article says: “Before that. {SENTENCE}.”"


def test_the_answer_comes_first_then_aliases_the_prompt_does_not_show():
    draft = fill_blank_draft(
        "k",
        _shown(),
        "The USA bought Alaska from Russia; so _____ grew.",
        "the United States",
        AnswerContext.of_text(""),
    )
    assert draft.accepted[0] == "the United States"
    assert "America" in draft.accepted
    assert "USA" not in draft.accepted  # the prompt shows it
