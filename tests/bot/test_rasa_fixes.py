"""bot/rasa_fixes.py: action server responses are validated as strictly as Rasa does, and a
tracker store that fails makes the turn fail instead of starting the conversation over, and the
first matching response variant is said, as domain.yml's order means."""
from __future__ import annotations

import asyncio

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

import bot.tracker_store  # applies the fixes, as the Rasa server does
from bot import rasa_fixes


def action() -> RemoteAction:
    return RemoteAction("action_x", None)


def test_the_rasa_server_uses_the_cached_validator() -> None:
    assert RemoteAction._validate_action_result is rasa_fixes._validate_action_result


def test_a_valid_response_passes() -> None:
    assert action()._validate_action_result(
        {"events": [{"event": "slot", "name": "age", "value": 45}],
         "responses": [{"text": "Hej", "buttons": []}]})


@pytest.mark.parametrize("bad", [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": [1, 2]},
])
def test_an_invalid_response_is_refused_with_rasas_message(bad: dict) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action()._validate_action_result(bad)


class Broken(InMemoryTrackerStore):
    """A tracker store whose database is away (the real one is exercised in tests/prod)."""

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        raise ConnectionError("database is away")

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise ConnectionError("database is away")


def test_a_failing_tracker_store_fails_the_turn() -> None:
    store = FailSafeTrackerStore(Broken(Domain.empty()))
    with pytest.raises(ConnectionError):
        asyncio.run(store.retrieve("someone"))  # Rasa alone: None, the conversation starts over
    with pytest.raises(ConnectionError):
        asyncio.run(store.save(DialogueStateTracker("someone", [])))  # Rasa alone: kept in memory


def test_the_sql_store_tests_connections_before_use(tmp_path) -> None:
    store = bot.tracker_store.ErasingSQLTrackerStore(Domain.empty(), db=str(tmp_path / "t.db"))
    assert store.engine.pool._pre_ping


@pytest.mark.parametrize("response, slots, text", [
    # Warned: the job goes on, whatever the situation's variant says (it is listed after).
    ("utter_ask_employer_name", {"situation": "terminated", "notice_pending": "warned"},
     "Vad heter din arbetsgivare?"),
    ("utter_ask_employer_name", {"situation": "terminated", "notice_pending": None},
     "Vad heter arbetsgivaren där din anställning slutar eller har slutat?"),
    ("utter_ask_employer_name", {"situation": "terminated", "notice_pending": "coming", "asked_again": "which_region"},
     "Vilken region jobbar eller jobbade du i?"),
])
def test_the_first_matching_response_variant_is_said_every_time(response: str, slots: dict, text: str) -> None:
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    domain = Domain.load("domain.yml")
    tracker = DialogueStateTracker.from_events("t", [], slots=domain.slots)
    for name, value in slots.items():
        tracker.slots[name].value = value
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    # Rasa alone picks at random among matching variants: 20 tries would show a second text.
    said = {asyncio.run(nlg.generate(response, tracker, "rest"))["text"] for _ in range(20)}
    assert said == {text}
