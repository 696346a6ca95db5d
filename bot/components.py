"""Custom Swedish NLU components that run inside the Rasa server (registered in config.yml).

- PersonnummerMasker: first in the pipeline, so a personnummer never becomes a feature or
  appears in parse results (the REST channel in bot/channels.py masks before the tracker store).
- SwedishValueExtractor: adds `date`, `hours_per_week` and `money_sek` entities from bot/extract.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.extract import find_entities, mask_personnummer


class _Stateless(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "_Stateless":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:  # pragma: no cover - abstract
        raise NotImplementedError


# Registered as a featurizer so it runs as a processing step (Rasa allows one tokenizer only).
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class PersonnummerMasker(_Stateless):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: Optional[str] = message.get(TEXT)
            if text:
                masked = mask_personnummer(text)
                if masked != text:
                    message.set(TEXT, masked)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class SwedishValueExtractor(_Stateless, EntityExtractorMixin):
    def process(self, messages: List[Message]) -> List[Message]:
        today = date.today()
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue  # button payloads carry their own entities
            entities = find_entities(text, today)
            if entities:
                message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
