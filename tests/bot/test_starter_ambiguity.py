"""StarterAmbiguity (bot/components.py): doubt between intents that all start the same questions
is not a fallback; any other doubt still is."""
from __future__ import annotations

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components import StarterAmbiguity


def fallen_back(ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: "hej, jag har en enskild firma som frisör och vill plugga"})
    top = {"name": "nlu_fallback", "confidence": 0.5}
    message.set("intent", top, add_to_output=True)
    message.set("intent_ranking", [top, *({"name": n, "confidence": c} for n, c in ranking)], add_to_output=True)
    return message


def run(message: Message) -> dict:
    StarterAmbiguity({"threshold": 0.5}).process([message])
    return message.get("intent")


def test_doubt_between_two_starters_takes_the_best_with_its_own_confidence() -> None:
    message = fallen_back([("inform_self_employed", 0.46), ("career_guidance", 0.41), ("faq", 0.05)])
    assert run(message) == {"name": "inform_self_employed", "confidence": 0.46}
    assert message.get("intent_ranking")[0]["name"] == "inform_self_employed"  # fallback gone


def test_other_doubts_still_fall_back() -> None:
    # The best guess is not a starter.
    assert run(fallen_back([("inform", 0.48), ("inform_employed", 0.42)]))["name"] == "nlu_fallback"
    # A starter, but with an FAQ question close behind and the starters not sure enough together.
    assert run(fallen_back([("check_eligibility", 0.40), ("faq", 0.38), ("inform_employed", 0.05)]))["name"] \
        == "nlu_fallback"
    # Too unsure altogether.
    assert run(fallen_back([("career_guidance", 0.30), ("out_of_scope", 0.25), ("inform_sick", 0.10)]))["name"] \
        == "nlu_fallback"


def test_a_confident_prediction_is_left_alone() -> None:
    message = Message(data={TEXT: "jag har blivit uppsagd"})
    message.set("intent", {"name": "inform_terminated", "confidence": 0.9}, add_to_output=True)
    message.set("intent_ranking", [{"name": "inform_terminated", "confidence": 0.9}], add_to_output=True)
    assert run(message) == {"name": "inform_terminated", "confidence": 0.9}
