"""Schemathesis: requests generated from the OpenAPI schema, valid and invalid, against the real
application on SQLite and PostgreSQL, as an admin (the deepest access). No answer may be a server
error. /health is left out: its 503 says Rasa is absent here, which is true.

(Schemathesis' pytest plugin does not run under this pytest, so each operation's strategy is
driven with hypothesis directly.)"""
from __future__ import annotations

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from tests.support.api import BOT, add_user, case_body, login

EXAMPLES = 50


def test_no_server_errors_anywhere_in_the_api(client: TestClient) -> None:
    # Something to find: a case, so that reads, changes and notes meet a real row.
    assert client.post("/api/cases", json=case_body("fuzz-1"), headers=BOT).status_code == 201
    add_user(client, "admin@example.se", "admin")
    headers = login(client, "admin@example.se")
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path == "/health" or operation.path == "/api/staff/flows/run":
            continue  # /health: 503 is its honest answer here; flows/run needs the bot (tests/e2e)
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            call_headers = {**headers, **(case.headers or {})}
            if case.path == "/api/cases" and case.method.upper() == "POST":
                call_headers.update(BOT)  # creating cases is the bot's right, not the admin's
            response = case.call(headers=call_headers)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} "
                                f"{response.text[:200]}  (body {str(case.body)[:200]})")

        run()
    assert operations >= 15
    assert not failures, "\n".join(failures[:20])
