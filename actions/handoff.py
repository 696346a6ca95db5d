"""The case an advisor receives, and its durable outbox.

The case is built from the conversation (case-and-api.md) and stored in a local SQLite outbox
keyed by conversation id, so a case is never lost and never written twice. Delivery to the
advisors' service (`POST /api/cases`) belongs to the API's case endpoint (issue #6).
"""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from rasa_sdk import Tracker

from actions.eligibility import evaluate_slots, recommended_service
from actions.forms import application_date
from bot.extract import mask_personnummer

CAREER_SLOTS = ("inward_who", "inward_skills", "inward_wants", "outward_options", "forward_goal",
                "forward_next_step")


def outbox_path() -> Path:
    return Path(os.environ.get("VV_OUTBOX_DB", ".run/outbox.db"))


def _connect() -> sqlite3.Connection:
    path = outbox_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS outbox (conversation_id TEXT PRIMARY KEY, "
               "payload TEXT NOT NULL, created_at TEXT NOT NULL, delivered_reference TEXT)")
    return db


def transcript(events: list[dict[str, Any]]) -> list[dict[str, str]]:
    turns = []
    for event in events:
        if event.get("event") in ("user", "bot") and event.get("text"):
            who = "person" if event["event"] == "user" else "bot"
            turns.append({"from": who, "text": mask_personnummer(event["text"])})
    return turns


def build_case(conversation_id: str, s: Mapping[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    try:
        decision = evaluate_slots(s, application_date())
    except Exception:  # noqa: BLE001 - the case still goes to an advisor, marked unclear
        decision = None
    return {
        "conversation_id": conversation_id,
        "person": {"name": s.get("contact_name"), "email": s.get("contact_email"),
                   "phone": s.get("contact_phone"), "age": s.get("age"),
                   "municipality": s.get("municipality"),
                   "meeting_preference": s.get("meeting_preference")},
        "situation": s.get("situation"),
        "termination": {"reason": s.get("termination_reason"),
                        "initiated_by": s.get("termination_initiated_by")},
        "special_needs_illness": s.get("special_needs_illness"),
        "employer": {"name": s.get("employer_name"), "sector": s.get("employer_sector"),
                     "worker_category": s.get("worker_category"),
                     "collective_agreement": s.get("collective_agreement"),
                     "role_exclusion": s.get("role_exclusion")},
        "employments": s.get("employments") or [],
        "skippable_periods": s.get("skippable_periods") or [],
        "previous_support": {"had": s.get("previous_support"),
                             "decision_date": s.get("previous_support_decision_date")},
        "eligibility": decision,
        "recommended_service": recommended_service(decision) if decision else "unclear",
        "career": {slot: s.get(slot) for slot in CAREER_SLOTS},
        "complete": not s.get("handoff_requested"),
        "transcript": transcript(events),
    }


def deliver_case(tracker: Tracker) -> str | None:
    """Store the case in the outbox (idempotent per conversation); the reference comes from the
    advisors' service once delivered."""
    case = build_case(tracker.sender_id, tracker.slots, list(tracker.events))
    with _connect() as db:
        db.execute("INSERT INTO outbox (conversation_id, payload, created_at) VALUES (?, ?, ?) "
                   "ON CONFLICT(conversation_id) DO UPDATE SET payload = excluded.payload "
                   "WHERE delivered_reference IS NULL",
                   (tracker.sender_id, json.dumps(case, ensure_ascii=False),
                    datetime.now(timezone.utc).isoformat()))
        row = db.execute("SELECT delivered_reference FROM outbox WHERE conversation_id = ?",
                         (tracker.sender_id,)).fetchone()
    return row[0] if row else None


def request_deletion(conversation_id: str) -> None:
    with _connect() as db:
        db.execute("DELETE FROM outbox WHERE conversation_id = ?", (conversation_id,))
