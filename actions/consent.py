"""Consent: nothing personal is stored before the person says yes (conversation.md, Flow 1)."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

CONSENT_GIVEN = (
    "Tack! Då sparar jag dina svar och skickar dem till en rådgivare när vi är klara. "
    "Du kan när som helst skriva \"radera mina uppgifter\"."
)
CONSENT_REFUSED = (
    "Okej, jag sparar inget om dig. Du kan ändå ställa frågor och se vilket stöd du kanske kan få, "
    "men ingen rådgivare får dina svar."
)


class ActionRecordConsent(Action):
    def name(self) -> str:
        return "action_record_consent"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[dict[str, Any]]:
        agreed = tracker.latest_message.get("intent", {}).get("name") == "affirm"
        dispatcher.utter_message(text=CONSENT_GIVEN if agreed else CONSENT_REFUSED)
        return [SlotSet("consent", agreed)]
