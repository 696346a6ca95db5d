"""Helpers for the API tests (tests/api): a case as the action server sends it, users, login."""
from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.users.service import create_user
from rules_bridge import evaluate

BOT = {"Authorization": "Bearer test-bot-token"}
PASSWORD = "ett-langt-testlosenord"


def decision() -> dict[str, Any]:
    return evaluate({
        "application_date": "2026-11-02", "age": 45, "situation": "terminated",
        "termination": {"reason": "shortage_of_work", "initiated_by": "employer", "last_day": "2026-12-31"},
        "employer": {"name": "Bygg AB", "sector": "private", "collective_agreement": "no"},
        "employments": [{"employer": "Bygg AB", "country": "SE", "start": "2019-01-01", "end": None,
                         "hours_per_week": 40}],
    })


def case_body(conversation_id: str = "conv-1", **overrides: Any) -> dict[str, Any]:
    body = {
        "conversation_id": conversation_id,
        "person": {"name": "Anna Berg", "email": "anna@example.se", "phone": None, "age": 45,
                   "municipality": "Umeå", "meeting_preference": "digital"},
        "situation": {"kind": "terminated", "termination_reason": "shortage_of_work",
                      "initiated_by": "employer"},
        "employer": {"name": "Bygg AB", "sector": "private", "collective_agreement": False},
        "employments": [{"employer": "Bygg AB", "country": "SE", "start": "2019-01-01", "end": None,
                         "hours_per_week": 40}],
        "skippable_periods": [],
        "previous_support": {"had": False},
        "eligibility": decision(),
        "recommended_service": "radgivning",
        "career": {"inward_who": "noggrann", "forward_goal": "new_job"},
        "summary_sv": "Anna, 45 år, uppsagd på grund av arbetsbrist.",
        "action_plan_draft": {"goal": "Nytt jobb", "activities": ["Uppdatera cv"], "time_frame": "6 månader"},
        "complete": True,
        "transcript": [{"from": "person", "text": "hej"}, {"from": "bot", "text": "Hej! Jag är Vägvisaren."}],
    }
    body.update(overrides)
    return body


def add_user(client: TestClient, email: str, role: str, active: bool = True) -> int:
    with client.app.state.sessions() as session:
        user = create_user(session, email, PASSWORD, role)
        user.active = active
        session.commit()
        return user.id


def login(client: TestClient, email: str) -> dict[str, str]:
    reply = client.post("/api/auth/token", data={"username": email, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}
