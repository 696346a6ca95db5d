"""LinearIntentBlend (bot/intent_blend.py): DIET's ranking blended with a linear classifier's,
trained, saved and loaded the way Rasa does it."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intent_blend import LinearIntentBlend, blend

EXAMPLES = {
    "greet": ["hej", "hejsan", "hallå där", "god morgon", "tjena", "hej hej"],
    "goodbye": ["hej då", "vi hörs", "ha det bra", "tack och hej", "adjö", "vi ses"],
    "inform_terminated": ["jag har blivit uppsagd", "jag fick sparken", "min tjänst drogs in",
                          "jag är uppsagd sedan mars", "de sa upp mig", "uppsagd pga arbetsbrist"],
}


def names(ranking: list[dict]) -> list[str]:
    return [r["name"] for r in ranking]


def test_agreement_stays_confident_and_the_ranking_sums_to_one() -> None:
    ranking = blend({"greet": 0.9, "goodbye": 0.1}, {"greet": 0.8, "goodbye": 0.15, "faq": 0.05}, 0.5)
    assert names(ranking) == ["greet", "goodbye", "faq"]
    assert ranking[0]["confidence"] > 0.8
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)


def test_an_unsure_diet_gives_way_to_a_sure_linear_model_and_the_weight_decides_a_tie() -> None:
    diet = {"inform": 0.45, "inform_employed": 0.40, "faq": 0.15}
    linear = {"inform": 0.05, "inform_employed": 0.90, "faq": 0.05}
    assert names(blend(diet, linear, 0.5))[0] == "inform_employed"
    # Only DIET counts at weight 1; an intent DIET left out of its ranking keeps a small share.
    only_diet = blend(diet, linear | {"goodbye": 0.5}, 1.0)
    assert names(only_diet)[0] == "inform"
    assert 0 < next(r["confidence"] for r in only_diet if r["name"] == "goodbye") < 0.001


def diet_guess(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]}, add_to_output=True)
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    return message


def test_trained_saved_and_loaded_it_corrects_diet_and_leaves_buttons_alone(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("blend")
    context = ExecutionContext(GraphSchema({}), "test")
    data = TrainingData([Message(data={TEXT: t, "intent": i}) for i, ts in EXAMPLES.items() for t in ts])
    LinearIntentBlend.create({}, storage, resource, context).train(data)

    loaded = LinearIntentBlend.load({}, storage, resource, context)
    # DIET unsure and wrong: the linear model knows "uppsagd".
    wrong = diet_guess("blev uppsagd i våras", [("goodbye", 0.40), ("inform_terminated", 0.35), ("greet", 0.25)])
    # A button payload keeps the intent it names.
    button = diet_guess("/affirm", [("affirm", 1.0)])
    loaded.process([wrong, button])

    assert wrong.get("intent")["name"] == "inform_terminated"
    assert names(wrong.get("intent_ranking"))[0] == "inform_terminated"
    assert wrong.as_dict_nlu()["intent"]["name"] == "inform_terminated"  # in the parse output
    assert button.get("intent") == {"name": "affirm", "confidence": 1.0}


def test_without_intent_examples_diet_is_left_as_it_is(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("blend")
    context = ExecutionContext(GraphSchema({}), "test")
    LinearIntentBlend.create({}, storage, resource, context).train(TrainingData([]))
    message = diet_guess("hej", [("greet", 0.6), ("goodbye", 0.4)])
    LinearIntentBlend.load({}, storage, resource, context).process([message])
    assert message.get("intent") == {"name": "greet", "confidence": 0.6}
