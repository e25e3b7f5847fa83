"""Errors of the domain core, answered once by the web layer (``quizapp.errors``): input a user
gave that the core cannot take is a 400 with the core's sentence; a broken contract is a bug
and is never dressed up as the user's mistake."""

from __future__ import annotations

import pytest

from quizapp.core.article_parser import EmptyArticle
from quizapp.core.errors import ContractError, InputError, QuizappError
from tests.conftest import SEED_SLUG

PONDS = (
    "Ponds hold water all year in a wet climate. Frogs lay their eggs in the shallow water "
    "near the edge of a pond, where the sun warms it first in spring."
)


def test_every_named_core_error_is_under_the_root_and_still_a_value_error():
    from quizapp.core.grading import InvalidAnswer, InvalidKey
    from quizapp.core.interchange.records import InterchangeError
    from quizapp.core.question_kinds import UnknownKind
    from quizapp.core.text_extraction import ExtractionError

    for error in (EmptyArticle, InvalidAnswer, InterchangeError, ExtractionError):
        assert issubclass(error, InputError)
    for error in (InvalidKey, UnknownKind):
        assert issubclass(error, ContractError)
    assert issubclass(InputError, QuizappError) and issubclass(InputError, ValueError)
    assert issubclass(ContractError, QuizappError) and issubclass(ContractError, ValueError)


def test_input_the_core_cannot_take_is_a_400_with_its_sentence(
    client, make_student, login, monkeypatch
):
    def unreadable(_text, *_language):
        raise EmptyArticle("The article is empty.")

    monkeypatch.setattr("quizapp.main.routes.parse_article", unreadable)
    login(client, make_student())
    page = client.get(f"/articles/{SEED_SLUG}")
    assert page.status_code == 400 and "The article is empty." in page.get_data(as_text=True)
    as_json = client.get(f"/articles/{SEED_SLUG}", headers={"Accept": "application/json"})
    assert as_json.status_code == 400 and as_json.get_json() == {"error": "The article is empty."}


def test_a_broken_contract_in_an_import_is_not_shown_as_the_teachers_mistake(
    client, make_teacher, login, monkeypatch
):
    def broken(*_args, **_kwargs):
        raise ContractError("score out of range: 2")

    monkeypatch.setattr("quizapp.services.article_library.import_article", broken)
    login(client, make_teacher())
    with pytest.raises(ContractError):  # a 500 in production, logged, not a form message
        client.post(
            "/teach/articles/new",
            data={"title": "Ponds", "text": PONDS},
            content_type="multipart/form-data",
        )
