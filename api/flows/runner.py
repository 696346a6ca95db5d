"""Runs a flow against the running bot: the masked REST channel of the Rasa server (what the
website's chat relays to), the Rasa HTTP API for the tracker (slots, response names), and the
advisors' service for the case. Every conversation id starts with `flowtest-`."""
from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from api.flows.model import Expect, Flow

PREFIX = "flowtest-"


@dataclass
class Bot:
    rasa_url: str
    rasa_token: str
    api_url: str | None = None
    staff_token: str | None = None  # for the case check (GET /api/staff/flow-cases/...)
    timeout: float = 60.0
    # Inside the service the case is read from the database instead of over HTTP.
    case_reader: Callable[[str], dict[str, Any] | None] | None = None


@dataclass
class TurnResult:
    said: str
    replies: list[str]
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class FlowResult:
    name: str
    conversation_id: str
    turns: list[TurnResult] = field(default_factory=list)
    case_failures: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.case_failures and all(t.ok for t in self.turns)


def _responses(events: list[dict[str, Any]]) -> list[str]:
    """Response names the bot used since the latest user message."""
    names: list[str] = []
    for event in reversed(events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot":
            name = (event.get("metadata") or {}).get("utter_action")
            if name:
                names.append(name)
    return names[::-1]


def check_turn(expect: Expect, replies: list[str], responses: list[str], slots: dict[str, Any]) -> list[str]:
    failures = []
    if expect.text and not any(re.search(expect.text, r) for r in replies):
        failures.append(f"no bot message matches /{expect.text}/")
    if expect.not_text:
        hits = [r for r in replies if re.search(expect.not_text, r)]
        if hits:
            failures.append(f"a bot message matches /{expect.not_text}/: {hits[0][:80]!r}")
    if expect.response and expect.response not in responses:
        failures.append(f"expected response {expect.response}, got {', '.join(responses) or 'none'}")
    for name, wanted in expect.slots.items():
        if slots.get(name) != wanted:
            failures.append(f"slot {name}: expected {wanted!r}, got {slots.get(name)!r}")
    return failures


def check_case(expected: dict[str, Any], case: dict[str, Any] | None) -> list[str]:
    if case is None:
        return ["no case was created"]
    failures = []
    for path, wanted in expected.items():
        value: Any = case
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value != wanted:
            failures.append(f"case {path}: expected {wanted!r}, got {value!r}")
    return failures


def run_flow(flow: Flow, bot: Bot) -> FlowResult:
    result = FlowResult(flow.name, PREFIX + secrets.token_hex(8))
    buttons: list[dict[str, str]] = []
    with httpx.Client(timeout=bot.timeout) as client:
        try:
            for turn in flow.turns:
                if turn.button is not None:
                    chosen = [b for b in buttons if b.get("title") == turn.button]
                    if not chosen:
                        offered = ", ".join(repr(b.get("title")) for b in buttons) or "no buttons"
                        result.turns.append(TurnResult(f"[{turn.button}]", [], [f"button {turn.button!r} not offered ({offered})"]))
                        break
                    message, said = chosen[0]["payload"], f"[{turn.button}]"
                else:
                    message = said = turn.user or ""
                reply = client.post(f"{bot.rasa_url}/webhooks/masked_rest/webhook",
                                    json={"sender": result.conversation_id, "message": message})
                reply.raise_for_status()
                messages = reply.json()
                texts = [m.get("text") or "" for m in messages if m.get("text")]
                buttons = [b for m in messages for b in (m.get("buttons") or [])]
                tracker = client.get(f"{bot.rasa_url}/conversations/{result.conversation_id}/tracker",
                                     params={"token": bot.rasa_token}).json()
                failures = check_turn(turn.expect, texts, _responses(tracker.get("events") or []),
                                      tracker.get("slots") or {})
                result.turns.append(TurnResult(said, texts, failures))
            if flow.case is not None:
                result.case_failures = check_case(flow.case, fetch_case(client, bot, result.conversation_id))
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            result.error = f"the bot could not be reached or answered badly: {type(exc).__name__}: {exc}"
    return result


def fetch_case(client: httpx.Client, bot: Bot, conversation_id: str) -> dict[str, Any] | None:
    if bot.case_reader is not None:
        return bot.case_reader(conversation_id)
    if not bot.api_url or not bot.staff_token:
        raise ValueError("a case check needs the service URL and a staff token")
    reply = client.get(f"{bot.api_url}/api/staff/flow-cases/{conversation_id}",
                       headers={"Authorization": f"Bearer {bot.staff_token}"})
    if reply.status_code == 404:
        return None
    reply.raise_for_status()
    return reply.json()
