"""The case an advisor receives, and its durable outbox.

The case is built from the conversation (case-and-api.md) and written to a local SQLite outbox
keyed by conversation id before anything is sent, then delivered to the advisors' service
(`POST /api/cases`, idempotent per conversation there too). When the service is down the row
stays `pending` and the worker (actions/server.py) retries with backoff, so a case is never lost
and never duplicated. A deletion request turns the row into a withdrawal that is delivered the
same way (`POST /api/cases/withdrawals`), and the case payload is dropped at once.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Mapping

import requests
from rasa_sdk import Tracker

from actions.case_text import action_plan_draft, advisor_summary
from actions.eligibility import evaluate_slots, recommended_service
from actions.forms import application_date
from actions.parsing import employer_shown
from bot.extract import mask_personnummer

log = logging.getLogger(__name__)
CAREER_SLOTS = ("inward_who", "inward_skills", "inward_wants", "outward_options", "forward_goal",
                "forward_next_step")
PENDING, DELIVERED, WITHDRAW, WITHDRAWN, REFUSED = "pending", "delivered", "withdraw_pending", "withdrawn", "refused"
FIRST_TRY_TIMEOUT_S = 5.0
MAX_BACKOFF_S = 300


def outbox_path() -> Path:
    return Path(os.environ.get("VV_OUTBOX_DB", ".run/outbox.db"))


def _connect() -> sqlite3.Connection:
    path = outbox_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS case_outbox (conversation_id TEXT PRIMARY KEY, state TEXT NOT NULL, "
               "payload TEXT, reference TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, "
               "next_attempt_at TEXT NOT NULL, created_at TEXT NOT NULL)")
    return db


def _now() -> datetime:
    return datetime.now(timezone.utc)


# --- the case -------------------------------------------------------------------------------------

def transcript(events: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The conversation as the person saw it: a pressed button is shown by its title, not by
    its payload ("/inform_terminated")."""
    turns = []
    titles: dict[str, str] = {}
    for event in events:
        if event.get("event") == "bot":
            buttons = (event.get("data") or {}).get("buttons") or []
            titles = {b.get("payload"): b.get("title") for b in buttons if b.get("payload")}
        if event.get("event") in ("user", "bot") and event.get("text"):
            text = event["text"]
            if event["event"] == "user" and text.startswith("/"):
                text = titles.get(text, "[knapp]")
            who = "person" if event["event"] == "user" else "bot"
            turns.append({"from": who, "text": mask_personnummer(text)[:10_000]})
    return turns[-2000:]


def _known(value: Any) -> Any:
    return None if value in (None, "unknown") else value


def build_case(conversation_id: str, s: Mapping[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """The case exactly as `POST /api/cases` takes it (api/cases/schemas.py: CaseIn)."""
    try:
        decision = evaluate_slots(s, application_date())
    except Exception:  # noqa: BLE001 - the case still goes to an advisor, marked unclear
        log.exception("eligibility could not be evaluated for the case")
        decision = None
    service = recommended_service(decision) if decision else "unclear"
    age = _known(s.get("age"))
    return {
        "conversation_id": conversation_id,
        "person": {"name": _known(s.get("contact_name")), "email": s.get("contact_email"),
                   "phone": s.get("contact_phone"), "age": age if isinstance(age, int) else None,
                   "municipality": _known(s.get("municipality")),
                   "meeting_preference": s.get("meeting_preference")},
        "situation": {"kind": s.get("situation"), "termination_reason": s.get("termination_reason"),
                      "initiated_by": s.get("termination_initiated_by"),
                      "special_needs_illness": s.get("special_needs_illness"),
                      "reduced_capacity": bool(s.get("reduced_capacity"))},
        "employer": {"name": employer_shown(s.get("employer_name")), "sector": s.get("employer_sector"),
                     "worker_category": s.get("worker_category"),
                     "collective_agreement": s.get("collective_agreement"),
                     "role_exclusion": s.get("role_exclusion")},
        "employments": [{**e, "employer": employer_shown(e.get("employer"))}
                        for e in list(s.get("employments") or [])[:50]],
        "skippable_periods": list(s.get("skippable_periods") or [])[:50],
        "previous_support": {"had": s.get("previous_support"),
                             "decision_date": s.get("previous_support_decision_date")},
        "eligibility": decision,
        "recommended_service": service,
        "career": {slot: s.get(slot) for slot in CAREER_SLOTS},
        "summary_sv": advisor_summary(s, decision),
        "action_plan_draft": action_plan_draft(s, decision, service),
        "complete": not s.get("handoff_requested"),
        "transcript": transcript(events),
    }


# --- delivery -------------------------------------------------------------------------------------

def _service() -> tuple[str, str] | None:
    url, token = os.environ.get("VV_CASES_URL", ""), os.environ.get("BOT_SERVICE_TOKEN", "")
    return (url.rstrip("/"), token) if url and token else None


def _send(conversation_id: str, state: str, payload: str | None, timeout: float) -> tuple[str, str | None]:
    """One delivery attempt → (new state, reference or error)."""
    service = _service()
    if service is None:
        return state, "VV_CASES_URL or BOT_SERVICE_TOKEN is not set"
    url, token = service
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    try:
        if state == PENDING:
            reply = requests.post(f"{url}/api/cases", data=payload, headers=headers, timeout=timeout)
            if reply.status_code in (200, 201):
                return DELIVERED, reply.json()["reference"]
            if reply.status_code == 410:  # the person asked for deletion in the meantime
                return REFUSED, None
        else:
            reply = requests.post(f"{url}/api/cases/withdrawals", json={"conversation_id": conversation_id},
                                  headers=headers, timeout=timeout)
            if reply.status_code == 200:
                return WITHDRAWN, None
        return state, f"HTTP {reply.status_code}: {reply.text[:200]}"
    except (requests.RequestException, ValueError, KeyError) as exc:
        return state, type(exc).__name__


def _attempt(db: sqlite3.Connection, conversation_id: str, timeout: float) -> str | None:
    row = db.execute("SELECT state, payload, attempts FROM case_outbox WHERE conversation_id = ?",
                     (conversation_id,)).fetchone()
    if row is None or row[0] not in (PENDING, WITHDRAW):
        return None
    state, result = _send(conversation_id, row[0], row[1], timeout)
    if state == row[0]:
        attempts = row[2] + 1
        retry_at = _now() + timedelta(seconds=min(MAX_BACKOFF_S, 2 ** attempts))
        log.warning("case delivery for a conversation failed (attempt %d): %s", attempts, result)
        # Only if nothing changed the row meanwhile (a deletion, say).
        db.execute("UPDATE case_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? "
                   "WHERE conversation_id = ? AND state = ?",
                   (attempts, result, retry_at.isoformat(), conversation_id, row[0]))
        return None
    reference = result if state == DELIVERED else None
    db.execute("UPDATE case_outbox SET state = ?, reference = ?, last_error = NULL, "
               "payload = CASE WHEN ? = 'delivered' THEN NULL ELSE payload END "
               "WHERE conversation_id = ? AND state = ?",
               (state, reference, state, conversation_id, row[0]))
    return reference


def deliver_case(tracker: Tracker) -> str | None:
    """Stores the case (idempotent per conversation) and tries to deliver it at once. Returns the
    case reference, or None while the case waits in the outbox."""
    case = build_case(tracker.sender_id, tracker.slots, list(tracker.events))
    now = _now().isoformat()
    with _connect() as db:
        db.execute("INSERT INTO case_outbox (conversation_id, state, payload, next_attempt_at, created_at) "
                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT(conversation_id) DO UPDATE SET payload = excluded.payload "
                   "WHERE case_outbox.state = 'pending'",
                   (tracker.sender_id, PENDING, json.dumps(case, ensure_ascii=False), now, now))
    with _connect() as db:
        row = db.execute("SELECT state, reference FROM case_outbox WHERE conversation_id = ?",
                         (tracker.sender_id,)).fetchone()
        if row[0] == DELIVERED:
            return row[1]
        return _attempt(db, tracker.sender_id, FIRST_TRY_TIMEOUT_S)


def request_deletion(conversation_id: str) -> bool:
    """Drops the case payload at once and delivers a withdrawal (the service erases the case,
    or refuses it if it arrives later). Returns True when the service has confirmed."""
    now = _now().isoformat()
    with _connect() as db:
        db.execute("INSERT INTO case_outbox (conversation_id, state, payload, next_attempt_at, created_at) "
                   "VALUES (?, ?, NULL, ?, ?) ON CONFLICT(conversation_id) DO UPDATE SET state = ?, payload = NULL, "
                   "reference = NULL, attempts = 0, next_attempt_at = ?",
                   (conversation_id, WITHDRAW, now, now, WITHDRAW, now))
    with _connect() as db:
        _attempt(db, conversation_id, FIRST_TRY_TIMEOUT_S)
        row = db.execute("SELECT state FROM case_outbox WHERE conversation_id = ?", (conversation_id,)).fetchone()
    return row is not None and row[0] == WITHDRAWN


def flush_due(timeout: float = 10.0) -> int:
    """Retries every row that is due; returns how many are still waiting."""
    with _connect() as db:
        due = [r[0] for r in db.execute(
            "SELECT conversation_id FROM case_outbox WHERE state IN (?, ?) AND next_attempt_at <= ? "
            "ORDER BY created_at", (PENDING, WITHDRAW, _now().isoformat()))]
    for conversation_id in due:
        with _connect() as db:
            _attempt(db, conversation_id, timeout)
    with _connect() as db:
        return db.execute("SELECT COUNT(*) FROM case_outbox WHERE state IN (?, ?)", (PENDING, WITHDRAW)).fetchone()[0]


def start_worker(every_s: float = 2.0) -> threading.Event:
    """Delivers what waits in the outbox, also what an earlier run of the server left behind.
    Returns the event that stops it."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every_s):
            try:
                flush_due()
            except Exception:  # noqa: BLE001 - the worker must outlive any single failure
                log.exception("outbox worker round failed")
    threading.Thread(target=loop, name="case-outbox", daemon=True).start()
    return stop
