"""The OpenAPI document is valid OpenAPI 3.1 (openapi-spec-validator), and the API keeps to it:
schemathesis reads the document and sends requests built from it, valid and invalid, to a live
server (werkzeug in a thread on a free loopback port, on the seeded database, with a teacher's
write token and a class of theirs to find); no answer may be a 5xx, carry an undocumented
status or content type, or break its schema. Bounded to a few examples per operation (the
hypothesis settings below), so it runs in every `make test`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.serving import make_server

from tests.builders import (
    bearer,
    enrol,
    make_assignment,
    make_class,
    make_set,
    seeded_questions,
    take,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_the_document_is_valid_openapi_3_1(client, db):
    document = client.get("/api/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert "/api/v1/reviews" in document["paths"]


def test_the_docs_page_lists_every_operation(client, db):
    page = client.get("/api/docs").get_data(as_text=True)
    document = client.get("/api/openapi.json").get_json()
    for path in document["paths"]:
        assert path in page


def test_the_docs_page_shows_code_as_code(client, db):
    # The crawl's phone screenshot showed "`Authorization: Bearer qz_...`" with its backticks.
    page = client.get("/api/docs").get_data(as_text=True)
    assert "<code>Authorization: Bearer qz_...</code>" in page
    assert "`" not in page.split("<h2>First calls</h2>")[0]


def test_the_docs_filter_escapes_before_it_marks_code():
    from quizapp.api.docs import inline_code

    assert str(inline_code("send `<b>x</b>`")) == "send <code>&lt;b&gt;x&lt;/b&gt;</code>"


@pytest.fixture
def live_api(app, db, make_teacher, make_student) -> Iterator[SimpleNamespace]:
    teacher, student = make_teacher(), make_student()
    school_class = make_class(db, teacher)
    enrol(db, school_class, student)
    assignment = make_assignment(db, make_set(db, teacher, seeded_questions(db, 2)), [school_class])
    take(db, assignment, student)
    headers = bearer(db, teacher, "write")
    limit = app.config["RATE_LIMIT_API_PER_TOKEN"]
    app.config["RATE_LIMIT_API_PER_TOKEN"] = "100000 per minute"  # the fuzzer is no abuse
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}", headers=headers)
    finally:
        server.shutdown()
        thread.join()
        app.config["RATE_LIMIT_API_PER_TOKEN"] = limit


# Bounded: a few requests per operation keep the whole run to seconds in every `make test`.
FUZZ_SETTINGS = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _keeps_to_document(strategy, live_api) -> None:
    @FUZZ_SETTINGS
    @given(case=strategy)
    def check(case) -> None:
        case.call_and_validate(base_url=live_api.url, headers=live_api.headers, checks=CHECKS)

    check()


def test_the_api_keeps_to_its_document(live_api):
    # The operations are loaded here, from the live server, rather than through schemathesis's
    # pytest plugin (its lazy loader does not run under pytest 9, so pyproject.toml turns the
    # plugin off).
    schema = schemathesis.openapi.from_url(live_api.url + "/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 18
    for operation in operations:
        # Valid requests and invalid ones (a wrong type, a missing field, a value out of range).
        valid = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
        invalid = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
        _keeps_to_document(st.one_of(valid, invalid), live_api)
