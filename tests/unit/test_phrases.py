"""Sentences the core builds with values in them (``core.translatable``): the English text is
what it always was, the templates added for them are in every catalogue with their
placeholders, and ``quizapp.i18n.worded`` words them in the reader's language."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import refresh

from quizapp.core.interchange import anki_cards, media_refs, moodle_xml, records
from quizapp.core.question_kinds import base, cloze, cloze_gaps, numbers, typed_gap
from quizapp.core.question_kinds.cloze_gaps import GapResult
from quizapp.core.translatable import Joined, Phrase, Sentence, counted_phrase, either
from quizapp.services import anki_exchange, question_exchange

CATALOGUES = Path(__file__).resolve().parents[2] / "quizapp" / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def _template(marked: object) -> str:
    return marked.template if isinstance(marked, Phrase) else str(marked)


# The templates this work marked, as their modules hold them (the sentences written inline are
# checked whole by test_translation_catalogues, which extracts every N_ of the code).
ADDED = [
    base.ANSWERS_LIMITED,
    numbers.WITHIN,
    cloze.GAP_SAID,
    cloze_gaps.NO_ANSWER,
    *(_template(p) for p in (cloze.NO_GAP, cloze.UNDERSCORES_SHORTENED)),
    *(_template(p) for p in (records.NO_FRONT_OR_BACK, records.ANSWER_FEEDBACK_LEFT_OUT)),
    moodle_xml.HINT_OPTIONS_LEFT_OUT,
    _template(media_refs.GIFT_HOLDS_NO_FILES),
    _template(media_refs.UNNAMED),
    _template(typed_gap.KEPT_AS_ONE_GAP),
    _template(question_exchange.ANSWERED_ELSEWHERE),
    anki_exchange.DRAFT_NOTE,
    *anki_cards._FILE_NAMED.values(),
    *(_template(p) for p in anki_cards._ON_SIDE.values()),
    *(template for pair in base._LINE_LIMITS.values() for template in pair),
]
PLURALS = list(cloze_gaps._MARKED.values())


@pytest.mark.parametrize("code", ["ru", "zh", "ar"])
def test_the_added_templates_are_translated_with_their_placeholders(code):
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalog = read_po(f, locale=code)
    for template in ADDED:
        message = catalog.get(template)
        assert message is not None and message.string, (code, template)
        assert "fuzzy" not in message.flags, (code, template)
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(template))
    for singular, plural in PLURALS:
        message = catalog.get(singular)
        assert message is not None and message.id == (singular, plural), (code, singular)
        assert "fuzzy" not in message.flags
        assert len(message.string) == catalog.num_plurals and all(message.string)
        for form in message.string:
            assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(plural))


def _gap(number: int, given: str, fraction: float, weight: int, right: object) -> GapResult:
    return GapResult(number, 3, given, fraction, weight, "", right)


def test_the_english_sentences_are_unchanged():
    assert _gap(1, "Lutetia", 0.5, 1, "Paris").sentence() == (
        "Gap 1 of 3: “Lutetia”, partly right (0.5 of 1 mark). The right answer: Paris."
    )
    assert _gap(2, "", 0.0, 2, either(["a", "b", "c"])).sentence() == (
        "Gap 2 of 3: no answer, not right (0 of 2 marks). The right answer: a or b or c."
    )
    assert str(Phrase(numbers.WITHIN, value=3.0, tolerance=0.01)) == "3 ± 0.01"
    assert str(Joined("; ", [Phrase(cloze.GAP_SAID, number=1, answer="x"), 2.5])) == "Gap 1: x; 2.5"
    assert str(Sentence("needs at least two choices")) == "Needs at least two choices."
    counted = counted_phrase("%(n)s card", "%(n)s cards", "n", n=1)
    assert counted == "1 card" and counted.template == "%(n)s card"


@pytest.fixture
def in_language(app):
    @contextmanager
    def enter(code: str):
        with app.test_request_context(headers={"Accept-Language": code}):
            refresh()  # an app context the test already holds keeps the last locale on ``g``
            yield

    return enter


def test_phrases_are_worded_in_the_readers_language(in_language):
    from quizapp.i18n import worded

    sentence = _gap(3, "pi", 0.0, 1, Phrase(numbers.WITHIN, value=3.14, tolerance=0.01))
    with in_language("ru"):
        assert worded(sentence.sentence()) == (
            "Пропуск 3 из 3: «pi» — неверно (0 из 1 балла). Правильный ответ: 3,14 ± 0,01."
        )
        # Russian's three plural forms: 1 балла, 2 баллов, 21 балла.
        assert "(1 из 2 баллов)" in worded(_gap(1, "x", 0.5, 2, "x").sentence())
        assert "(21 из 21 балла)" in worded(_gap(1, "x", 1.0, 21, "x").sentence())
        assert worded(Sentence("needs at least two choices")) == "Нужно хотя бы два варианта."
    with in_language("zh"):
        assert worded(Sentence("needs at least two choices")) == "至少需要两个选项。"
        assert worded(_gap(1, "", 0.0, 1, "Paris").sentence()).startswith(
            "第 1 空（共 3 空）：未作答，不正确"
        )
    with in_language("ar"):
        assert "(1 من 2 درجتين)" in worded(_gap(1, "x", 0.5, 2, "x").sentence())
    with in_language("en"):
        sentence = _gap(1, "Lutetia", 0.5, 1, "Paris").sentence()
        assert worded(sentence) == str(sentence)


def test_a_refusal_with_a_phrase_in_it_is_worded_whole(in_language):
    from quizapp.core.question_kinds.base import FormAnswerError
    from quizapp.i18n import refusal_text
    from quizapp.services.errors import TeachingError

    with in_language("ru"):
        assert refusal_text(FormAnswerError(base.ANSWERS_LIMITED, limit=2000)) == (
            "Длина ответа ограничена 2000 символами."
        )
        label = Phrase("public keyset (JWKS) URL")
        refused = TeachingError("The %(field)s must be an https:// address.", field=label)
        assert refusal_text(refused).startswith("The URL набора открытых ключей")  # no msgid
        assert refusal_text(TeachingError(Sentence("a unit is listed twice"))) == (
            "Единица измерения указана дважды."
        )


def test_an_offline_note_is_kept_to_be_worded_again(in_language):
    from datetime import datetime

    from quizapp.core.question_kinds.base import FormAnswerError
    from quizapp.offline.routes import sync_note_text
    from quizapp.services.errors import QuizError
    from quizapp.services.sync_notes import StoredTitle, SyncNote

    note = SyncNote(
        "%(quiz)s, question %(number)s: %(reason)s",
        {
            "quiz": StoredTitle("Practice: all topics"),
            "number": 2,
            "reason": FormAnswerError(base.ANSWERS_LIMITED, limit=2000),
        },
    )
    kept = note.record("UTC")
    assert "Practice: all topics, question 2: Answers are limited to 2000 characters." in kept
    again = SyncNote.from_record(kept)
    rated = SyncNote(
        "Card %(card)s: %(reason)s",
        {"card": "“Soil”", "reason": QuizError("This quiz has no question %(number)s.", number=3)},
    )
    moment = SyncNote("%(then)s", {"then": datetime(2030, 1, 31, 17, 5)})
    with in_language("ru"):
        assert sync_note_text(again) == (
            "Тренировка: все темы, вопрос 2: Длина ответа ограничена 2000 символами."
        )
        assert sync_note_text(SyncNote.from_record(rated.record("UTC"))) == (
            "Карточка “Soil”: В этом тесте нет вопроса 3."
        )
        assert sync_note_text(SyncNote.from_record(moment.record("UTC"))) == sync_note_text(moment)
        # A record written before notes kept their values: told as written.
        legacy = "Card “Soil”: This quiz has no question 3."
        assert sync_note_text(SyncNote.from_record(legacy)) == legacy


def test_a_live_reveals_key_is_worded_on_each_screen(in_language, db, make_teacher):
    """The reveal event travels as JSON (the broker may be Redis): the key's phrase goes with
    it as data, and each screen words it in its own language."""
    import json

    from quizapp.core.question_kinds import describe_key
    from quizapp.core.translatable import as_data
    from quizapp.live.wording import worded as screen_words
    from quizapp.models import Question

    question = Question(type="short_answer", prompt="Capital?", accepted=["Paris", "Lutetia"])
    key = describe_key(question)
    event = json.loads(json.dumps({"reveal": {"key": key, "key_phrase": as_data(key)}}))
    with in_language("ru"):
        assert screen_words(event)["reveal"]["key"] == "Paris (также принимается: Lutetia)"
    with in_language("en"):
        assert screen_words(event)["reveal"]["key"] == "Paris (also accepted: Lutetia)"
    assert event["reveal"]["key"] == "Paris (also accepted: Lutetia)"  # the shared event as it was
