"""A message as the classifiers leave it, for the components that run after them (bot/components.py)."""
from __future__ import annotations

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message


def classified(text: str, intent: str, confidence: float = 0.8,
               runner_up: tuple[str, float] = ("greet", 0.1)) -> Message:
    message = Message(data={TEXT: text})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": confidence},
                                   {"name": runner_up[0], "confidence": runner_up[1]}], add_to_output=True)
    return message
