"""Property-based fuzzing of every form and JSON endpoint (Hypothesis).

For each route that writes, and each page whose query string is a form, requests built from
its form class (or its JSON shape) with hostile values, missing and repeated fields, and ids of
other people's things, sent mostly as the role that uses it (tests/web/fuzz_targets.py).
Whatever arrives:

- the answer is never a 5xx;
- a refusal (4xx) writes nothing: the row count of every table is what it was before;
- each request stays within a time and memory budget.

The table of writes must name every route that takes POST, PUT, PATCH or DELETE (read from
``app.url_map``), so a new route is fuzzed or the first test fails. How many examples each route
gets is the Hypothesis profile's (tests/conftest.py; ``HYPOTHESIS_PROFILE=dev`` or ``nightly``
for longer runs).
"""

from __future__ import annotations

import re
import resource
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from flask import g
from hypothesis import given
from hypothesis import strategies as st

from quizapp.extensions import db as _db
from quizapp.extensions import limiter
from tests.conftest import empty_test_tables
from tests.web.fuzz_targets import READS, WRITES, Target, known_or_hostile
from tests.web.fuzz_values import JsonBody, Upload, hostile_text, multipart, path_id
from tests.web.fuzz_world import ROLES, Actors, build_world

WRITING_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# A worker pinned longer than this is a door to a denial of service. Processor time, not wall
# time: the machine is shared, and a slow neighbour must not fail the test.
REQUEST_CPU_SECONDS = 3.0
REQUEST_MEMORY_KB = 256 * 1024  # growth of the process's peak memory during one request
TABLES = {"POST": WRITES, "GET": READS}


def _rule(app, method: str, endpoint: str):
    return next(
        r for r in app.url_map.iter_rules() if r.endpoint == endpoint and method in r.methods
    )


VARIABLE = re.compile(r"<(?:[^<>]*:)?(\w+)>")


def _url(rule: str, target: Target, pools: Mapping[str, list]) -> st.SearchStrategy[str]:
    """The rule's path with each variable drawn as the target says."""
    names = VARIABLE.findall(rule)
    parts = {}
    for name in names:
        source = target.path[name]
        if isinstance(source, tuple):
            parts[name] = st.sampled_from(source)
        elif source == "text":
            parts[name] = hostile_text().map(lambda t: quote(t, safe=""))
        elif pools[source] and isinstance(pools[source][0], str):
            parts[name] = known_or_hostile(pools[source]).map(lambda t: quote(t, safe=""))
        else:
            parts[name] = path_id(pools[source])
    values = st.fixed_dictionaries(parts)
    if target.together is not None:
        names, pool = target.together
        combination = st.sampled_from(pools[pool]).map(
            lambda combo: {
                name: quote(str(value)) for name, value in zip(names, combo, strict=True)
            }
        )
        # Four times in five the variables that belong together are drawn together.
        values = st.tuples(st.integers(0, 4), values, combination).map(
            lambda t: t[1] if t[0] == 4 else {**t[1], **t[2]}
        )
    return values.map(lambda chosen: VARIABLE.sub(lambda m: chosen[m.group(1)], rule))


@dataclass(frozen=True)
class Sent:
    """One request as drawn: shown by Hypothesis when a property fails."""

    method: str
    url: str
    body: object
    as_json: bool
    accept_json: bool

    def send(self, client):
        headers = {"Accept": "application/json"} if self.accept_json else {}
        if self.method == "GET":
            return client.get(self.url, query_string=self.body, headers=headers)
        if self.as_json:
            return client.post(
                self.url, data=self.body, content_type="application/json", headers=headers
            )
        data = [(k, v.as_file() if isinstance(v, Upload) else v) for k, v in self.body.items(True)]
        form = {}
        for key, value in data:
            form.setdefault(key, []).append(value)
        return client.post(self.url, data=form, headers=headers)


def requests_for(
    app, method: str, endpoint: str, pools: Mapping[str, list]
) -> st.SearchStrategy[Sent]:
    target = TABLES[method][endpoint]
    url = _url(_rule(app, method, endpoint).rule, target, pools)
    if isinstance(target.body, JsonBody):
        body, as_json = target.body.strategy(pools), True
    else:
        body = target.body.strategy(pools) if target.body else multipart({})
        as_json = False
    return st.builds(Sent, st.just(method), url, body, st.just(as_json), st.booleans())


def row_counts(engine) -> dict[str, int]:
    """Rows in every table, read on a connection of its own (what is committed)."""
    tables = list(_db.metadata.sorted_tables)
    query = sa.select(
        *[sa.select(sa.func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables]
    )
    with engine.connect() as conn:
        return dict(conn.execute(query).one()._mapping)


class Fuzzing:
    """What every example needs; shown by name only when a property fails."""

    def __init__(self, app, pools: dict, actors: Actors) -> None:
        self.app, self.pools, self.actors = app, pools, actors
        self.strategies: dict = {}

    def __repr__(self) -> str:
        return "Fuzzing(world)"


@pytest.fixture(scope="module")
def fuzz(app):
    """The world, its id pools and the actors' clients, for the whole module."""
    with app.app_context():
        limiter.reset()
        world = build_world(_db, app.config["SECRET_KEY"])
        pools = {**world["pools"], **world["texts"]}
        actors = Actors(app, _db, world["accounts"], world["api_secret"])
        yield Fuzzing(app, pools, actors)
        _db.session.remove()
        empty_test_tables(_db)


def test_every_route_that_writes_is_fuzzed(app):
    rules = list(app.url_map.iter_rules())
    writes = {r.endpoint for r in rules if r.methods & WRITING_METHODS}
    assert writes - set(WRITES) == set(), "add these routes to fuzz_targets.WRITES"
    assert set(WRITES) - writes == set(), "these routes no longer exist"
    reads = {r.endpoint for r in rules if "GET" in r.methods}
    assert set(READS) - reads == set(), "these pages no longer exist"


# Reads first: the writes' destructive end (deleted sets, a logout) comes last.
CASES = [("GET", e) for e in READS] + [("POST", e) for e in WRITES]


@pytest.mark.parametrize(("method", "endpoint"), CASES)
@given(data=st.data())
def test_no_request_gets_a_server_error_or_half_writes(fuzz, method, endpoint, data):
    app, pools, actors, strategies = fuzz.app, fuzz.pools, fuzz.actors, fuzz.strategies
    if (method, endpoint) not in strategies:
        strategies[method, endpoint] = requests_for(app, method, endpoint, pools)
    sent = data.draw(strategies[method, endpoint])
    target = TABLES[method][endpoint]
    # Mostly the role the route is for; now and then anyone else (their refusals too must be
    # clean, and come before anything is read or written).
    others = [r for r in ROLES if r != target.role]  # ("api" is only ever a target's own role)
    role = data.draw(st.sampled_from([target.role] * 4 * len(others) + others))
    limiter.reset()  # refusals for speed are not what is tested here
    client = actors.client(role)
    before = row_counts(_db.engine)
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    response = sent.send(client)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory
    # What the end of a real request does: nothing uncommitted outlives it, nor its user (a
    # request refused before the test's own hook would otherwise see the last one's).
    _db.session.remove()
    g.pop("_login_user", None)
    status = response.status_code
    if target.ends_session or (status == 302 and "/auth/login" in response.location):
        actors.forget(role)  # logged out (or the account changed): log in again next time
    said = response.get_data()[:300].decode("utf-8", "replace")  # a download is bytes
    assert status < 500, f"{endpoint} answered {status}: {said}"
    if 400 <= status < 500:
        after = row_counts(_db.engine)
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        assert changed == {}, f"{endpoint} refused ({status}) but wrote rows: {changed}"
    assert cpu < REQUEST_CPU_SECONDS, f"{endpoint} took {cpu:.1f} s of processor ({elapsed:.1f} s)"
    assert grown < REQUEST_MEMORY_KB, f"{endpoint} grew the process by {grown // 1024} MB"
