"""Every route names its ids with the one ``<id:...>`` converter: an id that is zero, past the
database's integer range or not a number is a 404 from the routing itself, never a 500."""

from __future__ import annotations

import re

import pytest

PLACEHOLDER = re.compile(r"<(?:(?P<converter>[a-z]+)(?P<args>\([^)]*\))?:)?(?P<name>\w+)>")
BAD_IDS = ["0", "2147483648", "99999999999", "1x", "-1"]


def _url(rule: str, bad_id: str) -> str:
    """``rule`` with every id replaced by ``bad_id`` and every other part by a valid value."""

    def fill(match: re.Match) -> str:
        converter, args = match["converter"], match["args"]
        if converter == "id":
            return bad_id
        if converter == "any":
            return args.strip("()").split(",")[0].strip()
        return "x"

    return PLACEHOLDER.sub(fill, rule)


def _rules_with_ids(app):
    return [rule for rule in app.url_map.iter_rules() if "<id:" in rule.rule]


def test_no_route_takes_a_bare_integer(app):
    bare = [
        rule.rule for rule in app.url_map.iter_rules() if re.search(r"<(int|float):", rule.rule)
    ]
    assert bare == []


def test_the_teaching_and_student_routes_use_the_id_converter(app):
    endpoints = {rule.endpoint.split(".")[0] for rule in _rules_with_ids(app)}
    assert {"teach", "classroom", "quiz", "main", "live"} <= endpoints


@pytest.mark.parametrize("bad_id", BAD_IDS)
def test_bad_ids_are_404_on_every_route(app, client, bad_id):
    answers = {}
    for rule in _rules_with_ids(app):
        url = _url(rule.rule, bad_id)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            answers[(method, url)] = client.open(url, method=method).status_code
    assert answers, "no route with an id"
    assert {key: code for key, code in answers.items() if code != 404} == {}
