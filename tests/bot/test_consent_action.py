"""The consent action with rasa-sdk's own Tracker and dispatcher."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import CONSENT_GIVEN, CONSENT_REFUSED, ActionRecordConsent


def tracker_after(intent: str) -> Tracker:
    return Tracker("test-sender", {}, {"intent": {"name": intent, "confidence": 0.99}, "text": "x"},
                   [], False, None, {}, "action_listen")


def test_yes_sets_consent_and_says_so() -> None:
    dispatcher = CollectingDispatcher()
    events = ActionRecordConsent().run(dispatcher, tracker_after("affirm"), {})
    assert events == [SlotSet("consent", True)]
    assert dispatcher.messages[0]["text"] == CONSENT_GIVEN


def test_no_leaves_nothing_saved() -> None:
    dispatcher = CollectingDispatcher()
    events = ActionRecordConsent().run(dispatcher, tracker_after("deny"), {})
    assert events == [SlotSet("consent", False)]
    assert dispatcher.messages[0]["text"] == CONSENT_REFUSED
