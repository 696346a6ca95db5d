"""POST /api/cases and the advisors' case API on real SQLite and PostgreSQL databases."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError

from api.cases.models import Case, CaseEvent, Note
from api.db import utcnow
from api.main import purge_now
from tests.support.api import BOT, PASSWORD, add_user, case_body, decision, login

ROOT = Path(__file__).resolve().parents[2]


def count(client: TestClient, model: type) -> int:
    with client.app.state.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def age_case(client: TestClient, case_id: int, days: float) -> None:
    """Moves a case's creation `days` into the past (deadline with it)."""
    with client.app.state.sessions() as session:
        created = utcnow() - timedelta(days=days)
        session.execute(update(Case).where(Case.id == case_id).values(
            created_at=created, contact_deadline=created + timedelta(days=7)))
        session.commit()


# --- creation by the bot -------------------------------------------------------------------------

def test_create_is_idempotent_per_conversation(client: TestClient) -> None:
    first = client.post("/api/cases", json=case_body(), headers=BOT)
    assert first.status_code == 201
    assert first.json()["reference"] == f"OMS-{utcnow().year}-{first.json()['id']:06d}"
    again = client.post("/api/cases", json=case_body(summary_sv="changed"), headers=BOT)
    assert again.status_code == 200 and again.json() == first.json()
    other = client.post("/api/cases", json=case_body("conv-2"), headers=BOT)
    assert other.status_code == 201 and other.json()["reference"] != first.json()["reference"]
    assert count(client, Case) == 2


def test_concurrent_deliveries_make_one_case(client: TestClient) -> None:
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(lambda _: client.post("/api/cases", json=case_body("race"), headers=BOT), range(8)))
    assert sorted(r.status_code for r in replies).count(201) == 1
    assert {r.json()["reference"] for r in replies} and len({r.json()["id"] for r in replies}) == 1
    assert count(client, Case) == 1


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dGVzdA=="}])
def test_create_needs_the_bot_token(client: TestClient, headers: dict[str, str]) -> None:
    assert client.post("/api/cases", json=case_body(), headers=headers).status_code == 401
    assert count(client, Case) == 0


def test_an_advisor_token_cannot_create_cases(client: TestClient, advisor: dict[str, str]) -> None:
    assert client.post("/api/cases", json=case_body(), headers=advisor).status_code == 401


@pytest.mark.parametrize("change", [
    {"conversation_id": ""},
    {"recommended_service": "everything"},
    {"unexpected": 1},
    {"person": {"name": "x", "ssn": "19800101-1234"}},
    {"transcript": [{"from": "hacker", "text": "x"}]},
    {"transcript": [{"from": "person", "text": "x"}] * 2001},
    {"person": {"age": -4}},
])
def test_malformed_cases_are_refused_and_nothing_is_stored(client: TestClient, change: dict[str, Any]) -> None:
    reply = client.post("/api/cases", json=case_body(**change), headers=BOT)
    assert reply.status_code == 422
    assert count(client, Case) == 0


# --- login and roles -----------------------------------------------------------------------------

def test_login_and_who_am_i(client: TestClient, advisor: dict[str, str]) -> None:
    me = client.get("/api/users/me", headers=advisor).json()
    assert me["email"] == "radgivare@example.se" and me["role"] == "advisor"


@pytest.mark.parametrize("username,password", [("radgivare@example.se", "fel-losenord-helt"),
                                               ("ingen@example.se", PASSWORD)])
def test_wrong_login_gets_a_swedish_401(client: TestClient, advisor: dict[str, str], username: str,
                                        password: str) -> None:
    reply = client.post("/api/auth/token", data={"username": username, "password": password})
    assert reply.status_code == 401 and "lösenord" in reply.json()["detail"]


def test_a_deactivated_user_is_locked_out_at_once(client: TestClient, advisor: dict[str, str]) -> None:
    with client.app.state.sessions() as session:
        session.execute(text("UPDATE users SET active = false"))
        session.commit()
    assert client.get("/api/cases", headers=advisor).status_code == 401
    reply = client.post("/api/auth/token", data={"username": "radgivare@example.se", "password": PASSWORD})
    assert reply.status_code == 401


def test_expired_and_forged_tokens_are_refused(client: TestClient, advisor: dict[str, str]) -> None:
    import base64
    import json
    from api.users.security import issue_token
    from api.users.models import User
    with client.app.state.sessions() as session:
        user = session.scalar(select(User))
        expired = issue_token(user, "test-jwt-secret-at-least-32-bytes-long", minutes=-1)
        forged = issue_token(user, "another-secret-at-least-32-bytes-long", minutes=30)

    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    unsigned = f"{part({'alg': 'none', 'typ': 'JWT'})}.{part({'sub': '1', 'exp': 9999999999})}."
    for token in (expired, forged, unsigned, "not-a-jwt"):
        reply = client.get("/api/cases", headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 401, token
        assert "inte inloggad" in reply.json()["detail"]


def test_roles(client: TestClient, advisor: dict[str, str]) -> None:
    add_user(client, "staff@example.se", "staff")
    add_user(client, "admin@example.se", "admin")
    staff, admin = login(client, "staff@example.se"), login(client, "admin@example.se")
    assert client.get("/api/cases", headers=advisor).status_code == 200
    assert client.get("/api/cases", headers=staff).status_code == 403
    assert client.get("/api/cases", headers=admin).status_code == 403
    assert client.get("/api/users", headers=advisor).status_code == 403
    made = client.post("/api/users", headers=admin,
                       json={"email": "Ny.Radgivare@Example.se", "password": PASSWORD, "role": "advisor"})
    assert made.status_code == 201 and made.json()["email"] == "ny.radgivare@example.se"
    short = client.post("/api/users", headers=admin, json={"email": "k@example.se", "password": "kort", "role": "staff"})
    assert short.status_code == 422 and "minst" in short.json()["detail"]
    assert client.get("/api/cases", headers=login(client, "ny.radgivare@example.se")).status_code == 200


# --- reading, filtering, overdue -------------------------------------------------------------------

def test_the_case_has_everything_the_advisor_needs(client: TestClient, advisor: dict[str, str]) -> None:
    created = client.post("/api/cases", json=case_body(), headers=BOT).json()
    case = client.get(f"/api/cases/{created['id']}", headers=advisor).json()
    assert case["reference"] == created["reference"] and case["status"] == "new"
    assert case["person"]["name"] == "Anna Berg" and case["employments"][0]["employer"] == "Bygg AB"
    assert case["eligibility"] == decision()  # exactly the decision the bot got
    assert case["eligibility"]["rules_version"]
    assert case["summary_sv"].startswith("Anna") and case["action_plan_draft"]["activities"] == ["Uppdatera cv"]
    assert case["transcript"][1]["from"] == "bot" and case["complete"] is True
    deadline = case["contact_deadline"][:19]
    assert deadline > case["created_at"][:19] and case["overdue"] is False
    assert case["allowed_statuses"] == ["assigned"]
    assert [e["action"] for e in case["audit"]] == ["created", "viewed"]
    assert client.get("/api/cases/999999", headers=advisor).status_code == 404


def test_filters_paging_and_the_overdue_rule(client: TestClient, advisor: dict[str, str]) -> None:
    ids = {}
    for name, service in [("a", "radgivning"), ("b", "vagledning"), ("c", "radgivning"), ("d", "unclear")]:
        ids[name] = client.post("/api/cases", json=case_body(name, recommended_service=service), headers=BOT).json()["id"]
    age_case(client, ids["a"], 8)      # past its week, still new: overdue
    age_case(client, ids["b"], 6.9)    # within the week
    age_case(client, ids["c"], 10)     # past its week but contacted: not overdue
    me = client.get("/api/users/me", headers=advisor).json()["id"]
    client.patch(f"/api/cases/{ids['c']}", json={"assigned_to": me}, headers=advisor)
    client.patch(f"/api/cases/{ids['c']}", json={"status": "contacted"}, headers=advisor)

    def listed(**params: Any) -> list[int]:
        reply = client.get("/api/cases", params=params, headers=advisor)
        assert reply.status_code == 200, reply.text
        return [item["id"] for item in reply.json()["items"]]

    assert listed(overdue=True) == [ids["a"]]
    assert set(listed(overdue=False)) == {ids["b"], ids["c"], ids["d"]}
    assert set(listed(recommended_service="radgivning")) == {ids["a"], ids["c"]}
    assert listed(status="contacted") == [ids["c"]]
    assert listed(assigned_to="me") == [ids["c"]] == listed(assigned_to=str(me))
    assert set(listed(assigned_to="none")) == {ids["a"], ids["b"], ids["d"]}
    everything = client.get("/api/cases", headers=advisor).json()
    assert everything["total"] == 4 and everything["items"][0]["id"] == ids["c"]  # the most passed deadline first
    assert [i["overdue"] for i in everything["items"]].count(True) == 1
    page2 = client.get("/api/cases", params={"page": 2, "page_size": 3}, headers=advisor).json()
    assert page2["total"] == 4 and len(page2["items"]) == 1
    assert client.get("/api/cases", params={"status": "lost"}, headers=advisor).status_code == 422
    assert client.get("/api/cases", params={"assigned_to": "x1"}, headers=advisor).status_code == 422
    assert client.get("/api/cases", params={"page_size": 1000}, headers=advisor).status_code == 422


# --- the workflow --------------------------------------------------------------------------------

def test_status_moves_and_illegal_ones_get_409(client: TestClient, advisor: dict[str, str]) -> None:
    case_id = client.post("/api/cases", json=case_body(), headers=BOT).json()["id"]
    path = f"/api/cases/{case_id}"
    skip = client.patch(path, json={"status": "contacted"}, headers=advisor)
    assert skip.status_code == 409 and "kan inte bli kontaktad" in skip.json()["detail"]
    assert client.patch(path, json={"status": "withdrawn"}, headers=advisor).status_code == 409
    taken = client.patch(path, json={"status": "assigned"}, headers=advisor).json()
    assert taken["status"] == "assigned" and taken["assigned_to"]["email"] == "radgivare@example.se"
    released = client.patch(path, json={"assigned_to": None}, headers=advisor).json()
    assert released["status"] == "new" and released["assigned_to"] is None
    client.patch(path, json={"status": "assigned"}, headers=advisor)
    assert client.patch(path, json={"status": "contacted"}, headers=advisor).json()["contacted_at"]
    assert client.patch(path, json={"assigned_to": None}, headers=advisor).status_code == 422
    closed = client.patch(path, json={"status": "closed"}, headers=advisor).json()
    assert closed["status"] == "closed" and closed["closed_at"] and closed["allowed_statuses"] == []
    again = client.patch(path, json={"status": "assigned"}, headers=advisor)
    assert again.status_code == 409 and "avslutad" in again.json()["detail"]
    moves = [e["detail"].get("status") for e in client.get(path, headers=advisor).json()["audit"]
             if e["action"] == "changed"]
    assert moves == [["new", "assigned"], ["assigned", "new"], ["new", "assigned"], ["assigned", "contacted"],
                     ["contacted", "closed"]]


def test_assignment_only_to_active_advisors(client: TestClient, advisor: dict[str, str]) -> None:
    staff_id = add_user(client, "staff@example.se", "staff")
    gone_id = add_user(client, "slutat@example.se", "advisor", active=False)
    colleague = add_user(client, "kollega@example.se", "advisor")
    case_id = client.post("/api/cases", json=case_body(), headers=BOT).json()["id"]
    for bad in (staff_id, gone_id, 424242):
        reply = client.patch(f"/api/cases/{case_id}", json={"assigned_to": bad}, headers=advisor)
        assert reply.status_code == 422 and "aktiv rådgivare" in reply.json()["detail"]
    given = client.patch(f"/api/cases/{case_id}", json={"assigned_to": colleague}, headers=advisor).json()
    assert given["status"] == "assigned" and given["assigned_to"]["email"] == "kollega@example.se"
    assert client.patch(f"/api/cases/{case_id}", json={}, headers=advisor).status_code == 422
    assert client.patch("/api/cases/999999", json={"status": "assigned"}, headers=advisor).status_code == 404


def test_personnummer_never_stored_whoever_sends_it(client: TestClient, advisor: dict[str, str]) -> None:
    body = case_body(transcript=[{"from": "person", "text": "mitt pnr är 19800101-1234"}],
                     career={"inward_who": "jag heter Anna 800101-1234"})
    case_id = client.post("/api/cases", json=body, headers=BOT).json()["id"]
    client.post(f"/api/cases/{case_id}/notes", json={"text": "Hon sa 19800101-1234 i telefon"}, headers=advisor)
    case = client.get(f"/api/cases/{case_id}", headers=advisor).json()
    assert case["transcript"][0]["text"] == "mitt pnr är [personnummer borttaget]"
    assert case["career"]["inward_who"] == "jag heter Anna [personnummer borttaget]"
    assert case["notes"][0]["text"] == "Hon sa [personnummer borttaget] i telefon"
    with client.app.state.sessions() as session:
        assert "1234" not in str(session.execute(text("SELECT transcript, career FROM cases")).all())


def test_notes(client: TestClient, advisor: dict[str, str]) -> None:
    case_id = client.post("/api/cases", json=case_body(), headers=BOT).json()["id"]
    note = client.post(f"/api/cases/{case_id}/notes", json={"text": "  Ringde, inget svar.  "}, headers=advisor)
    assert note.status_code == 201 and note.json()["text"] == "Ringde, inget svar."
    assert client.post(f"/api/cases/{case_id}/notes", json={"text": ""}, headers=advisor).status_code == 422
    assert client.post(f"/api/cases/{case_id}/notes", json={"text": "x" * 5001}, headers=advisor).status_code == 422
    case = client.get(f"/api/cases/{case_id}", headers=advisor).json()
    assert [n["text"] for n in case["notes"]] == ["Ringde, inget svar."]
    assert case["notes"][0]["author"] == "radgivare@example.se"
    assert "note_added" in [e["action"] for e in case["audit"]]


def test_every_view_is_audited_and_the_log_is_append_only(client: TestClient, advisor: dict[str, str]) -> None:
    case_id = client.post("/api/cases", json=case_body(), headers=BOT).json()["id"]
    client.get("/api/cases", headers=advisor)
    client.get(f"/api/cases/{case_id}", headers=advisor)
    with client.app.state.sessions() as session:
        events = list(session.scalars(select(CaseEvent).order_by(CaseEvent.id)))
        assert [(e.action, e.actor) for e in events] == [("created", "bot"), ("listed", "user"), ("viewed", "user")]
        assert events[1].detail["case_ids"] == [case_id] and events[2].user_id is not None
        for statement in ("UPDATE case_events SET action = 'x'", "DELETE FROM case_events"):
            with pytest.raises(DBAPIError, match="append-only"):
                session.execute(text(statement))
            session.rollback()
        assert session.scalar(select(func.count()).select_from(CaseEvent)) == 3


# --- privacy ---------------------------------------------------------------------------------------

def test_withdrawal_erases_personal_data_and_keeps_the_shell(client: TestClient, advisor: dict[str, str]) -> None:
    created = client.post("/api/cases", json=case_body(), headers=BOT).json()
    client.post(f"/api/cases/{created['id']}/notes", json={"text": "Anna vill ha möte i Umeå"}, headers=advisor)
    assert client.post("/api/cases/withdrawals", json={"conversation_id": "conv-1"}).status_code == 401
    gone = client.post("/api/cases/withdrawals", json={"conversation_id": "conv-1"}, headers=BOT)
    assert gone.status_code == 200 and gone.json()["reference"] == created["reference"]
    case = client.get(f"/api/cases/{created['id']}", headers=advisor).json()
    assert case["status"] == "withdrawn" and case["withdrawn_at"]
    assert case["person"] == {} and case["employments"] == [] and case["transcript"] == []
    assert case["eligibility"] is None and case["summary_sv"] is None and case["notes"] == []
    assert "withdrawn" in [e["action"] for e in case["audit"]]
    assert count(client, Note) == 0
    with client.app.state.sessions() as session:  # nothing left in the row itself either
        row = session.execute(text("SELECT * FROM cases")).mappings().one()
        assert "Anna" not in str(dict(row)) and "Bygg" not in str(dict(row))
    # A late delivery from the bot's outbox does not bring the data back.
    late = client.post("/api/cases", json=case_body(), headers=BOT)
    assert late.status_code == 200 and late.json()["reference"] == created["reference"]
    assert client.get(f"/api/cases/{created['id']}", headers=advisor).json()["person"] == {}
    assert client.patch(f"/api/cases/{created['id']}", json={"status": "assigned"}, headers=advisor).status_code == 409
    assert client.post(f"/api/cases/{created['id']}/notes", json={"text": "x"}, headers=advisor).status_code == 409


def test_withdrawal_before_the_case_arrives_refuses_it_later(client: TestClient) -> None:
    reply = client.post("/api/cases/withdrawals", json={"conversation_id": "early"}, headers=BOT)
    assert reply.status_code == 200 and reply.json()["reference"] is None
    late = client.post("/api/cases", json=case_body("early"), headers=BOT)
    assert late.status_code == 410
    assert count(client, Case) == 0


def test_retention_purges_cases_closed_long_ago(client: TestClient, advisor: dict[str, str]) -> None:
    old = client.post("/api/cases", json=case_body("old"), headers=BOT).json()["id"]
    recent = client.post("/api/cases", json=case_body("recent"), headers=BOT).json()["id"]
    open_old = client.post("/api/cases", json=case_body("open"), headers=BOT).json()["id"]
    for case_id in (old, recent):
        for status in ("assigned", "contacted", "closed"):
            client.patch(f"/api/cases/{case_id}", json={"status": status}, headers=advisor)
    with client.app.state.sessions() as session:
        session.execute(update(Case).where(Case.id == old).values(closed_at=utcnow() - timedelta(days=181)))
        session.execute(update(Case).where(Case.id == open_old).values(created_at=utcnow() - timedelta(days=400)))
        session.commit()
    assert len(purge_now(client.app)) == 1
    purged = client.get(f"/api/cases/{old}", headers=advisor).json()
    assert purged["person"] == {} and purged["transcript"] == [] and purged["status"] == "closed"
    assert purged["audit"][-2]["action"] == "purged"
    assert client.get(f"/api/cases/{recent}", headers=advisor).json()["person"]["name"] == "Anna Berg"
    assert client.get(f"/api/cases/{open_old}", headers=advisor).json()["person"]["name"] == "Anna Berg"
    assert purge_now(client.app) == []  # nothing twice


# --- command line and migrations ------------------------------------------------------------------

def test_create_user_command(client: TestClient, database_url: str) -> None:
    command = [sys.executable, "-m", "api", "create-user", "--email", "Cli@Example.se", "--password", PASSWORD,
               "--role", "advisor"]
    env = {**os.environ, "VV_DATABASE_URL": database_url}
    made = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    assert "cli@example.se" in made.stdout
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "finns redan" in again.stderr
    bad = subprocess.run(command[:-1] + ["boss"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert client.get("/api/users/me", headers=login(client, "cli@example.se")).json()["role"] == "advisor"


def test_migrations_go_down_and_up_again(client: TestClient, database_url: str) -> None:
    from alembic import command
    from api.migrate import alembic_config
    engine = client.app.state.engine
    config = alembic_config(database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert client.post("/api/cases", json=case_body(), headers=BOT).status_code == 201


def test_staff_read_only_the_cases_of_their_flow_tests(client: TestClient, advisor: dict[str, str]) -> None:
    add_user(client, "staff@example.se", "staff")
    staff = login(client, "staff@example.se")
    client.post("/api/cases", json=case_body("flowtest-abc"), headers=BOT)
    client.post("/api/cases", json=case_body("real-person"), headers=BOT)
    test_case = client.get("/api/staff/flow-cases/flowtest-abc", headers=staff)
    assert test_case.status_code == 200 and test_case.json()["person"]["name"] == "Anna Berg"
    assert client.get("/api/staff/flow-cases/real-person", headers=staff).status_code == 404
    assert client.get("/api/staff/flow-cases/flowtest-none", headers=staff).status_code == 404
    assert client.get("/api/staff/flow-cases/flowtest-abc", headers=advisor).status_code == 403
    assert client.get("/api/cases", headers=staff).status_code == 403
