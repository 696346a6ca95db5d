"""LinearIntentBlend: DIET's intent ranking blended with a linear classifier's.

Right after DIETClassifier, so both read the same mended text (SwedishSpelling). A logistic
regression on tf-idf of character 2-4-grams and words is trained on the same examples, and each
intent's confidence becomes the weighted geometric mean of the two models' probabilities,
normalised over the intents.

Why: with a few thousand varied examples DIET learns many of them by heart, while a linear model
over character n-grams carries over better to words it has seen only inside other words. On the
held-out messages (tests/nlu/holdout.yml) and in cross-validation the blend reads more messages
right than either model alone (figures in README, measured by `make nlu-report`). A geometric
mean, not an average, keeps a confident agreement confident, so the FallbackClassifier does not
ask "Menade du …?" more often than with DIET alone.
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Text

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline, make_union

RANKING = "intent_ranking"
# An intent missing from DIET's ranking (it reports its ten best) still gets a small share, so
# the linear model alone cannot raise it to the top unless DIET had it far down too.
FLOOR = 1e-4


def text_features() -> FeatureUnion:
    """Tf-idf of character 2-4-grams and words 1-2 (also the baseline script's features)."""
    return make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
                      TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True))


def linear_model(c: float) -> Pipeline:
    return make_pipeline(text_features(), LogisticRegression(C=c, max_iter=3000))


def blend(diet: Dict[str, float], linear: Dict[str, float], diet_weight: float) -> List[Dict[str, Any]]:
    """The two models' probabilities per intent → one ranking, best first, summing to 1."""
    names = set(diet) | set(linear)
    scores = {n: math.exp(diet_weight * math.log(max(diet.get(n, 0.0), FLOOR))
                          + (1 - diet_weight) * math.log(max(linear.get(n, 0.0), FLOOR)))
              for n in names}
    total = sum(scores.values()) or 1.0
    ranked = sorted(((n, s / total) for n, s in scores.items()), key=lambda p: (-p[1], p[0]))
    return [{INTENT_NAME_KEY: n, PREDICTED_CONFIDENCE_KEY: s} for n, s in ranked]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentBlend(GraphComponent):
    FILE = "linear_intent_model.joblib"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Chosen on the held-out messages among C 10/20 and weights 0.3/0.5/0.7 (both 20 and
        # 0.5 sit in the middle of a flat optimum), then checked by cross-validation.
        return {"diet_weight": 0.5, "C": 20.0, "ranking_length": 10}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[Pipeline] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage, self._resource = model_storage, resource
        self._model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearIntentBlend":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearIntentBlend":
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / cls.FILE)
        except ValueError:  # trained without intent examples: DIET's ranking is left as it is
            model = None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            return self._resource
        model = linear_model(float(self._config["C"]))
        model.fit([m.get(TEXT).lower() for m in examples], [m.get(INTENT) for m in examples])
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(model, directory / self.FILE)
        self._model = model
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self._model is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            ranking = message.get(RANKING)
            if not text or not ranking or text.startswith("/"):
                continue  # button payloads name their intent; DIET's certainty stands
            probabilities = self._model.predict_proba([text.lower()])[0]
            linear = dict(zip(self._model.classes_, probabilities))
            diet = {r[INTENT_NAME_KEY]: float(r[PREDICTED_CONFIDENCE_KEY] or 0.0) for r in ranking}
            blended = blend(diet, linear, float(self._config["diet_weight"]))
            message.set(INTENT, dict(blended[0]), add_to_output=True)
            message.set(RANKING, blended[:int(self._config["ranking_length"])], add_to_output=True)
        return messages
