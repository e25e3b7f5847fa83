"""The API's blueprints: flask-smorest's, reading arguments with the app's JSON rules."""

from __future__ import annotations

from flask_smorest import Blueprint

from quizapp.json_input import ApiArgumentsParser


class ApiBlueprint(Blueprint):
    """A flask-smorest blueprint whose bodies too deeply nested are a 400, not a 500."""

    ARGUMENTS_PARSER = ApiArgumentsParser()
