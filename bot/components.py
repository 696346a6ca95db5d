"""Custom Swedish NLU components that run inside the Rasa server (registered in config.yml).

- PersonnummerMasker: first in the pipeline, so a personnummer never becomes a feature or
  appears in parse results (the REST channel in bot/channels.py masks before the tracker store).
- SwedishSpelling / TypedText: the classifiers read the text with å/ä/ö put back where people
  left them out, typing slips mended against the training vocabulary and sentence punctuation
  blanked (bot/spelling.py); TypedText then gives back the text as typed, so entity values, form
  answers and the parse output are the person's own words.
- SwedishValueExtractor: adds `date`, `hours_per_week` and `money_sek` entities from bot/extract.
- RestartGuard: last, after the FallbackClassifier. `restart` wipes the conversation, so the
  classifier's word alone is not enough: without a word of starting over, or when the message is
  about work or studies ("börja om i ett nytt yrke"), it counts as not understood (nlu_fallback)
  and the person is asked instead.
"""
from __future__ import annotations

import json
import re
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
from bot.spelling import DiacriticRestorer, Speller, blank_punctuation, vocabulary, words_with_diacritics

TYPED_TEXT = "text_as_typed"


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


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class SwedishSpelling(GraphComponent):
    """Before SpacyNLP. Trained only to remember the domain's own words: those with å/ä/ö, and
    every word with its count, for mending slips."""

    FILE = "spelling.json"

    def __init__(self, model_storage: ModelStorage, resource: Resource, diacritic_words: List[str],
                 words: Dict[str, int]):
        self._model_storage, self._resource = model_storage, resource
        self._speller = Speller(words, DiacriticRestorer(diacritic_words))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SwedishSpelling":
        return cls(model_storage, resource, [], {})

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SwedishSpelling":
        with model_storage.read_from(resource) as directory:
            saved = json.loads((directory / cls.FILE).read_text(encoding="utf-8"))
        return cls(model_storage, resource, saved["diacritic_words"], saved["vocabulary"])

    def train(self, training_data: TrainingData) -> Resource:
        texts = [m.get(TEXT) for m in training_data.training_examples if m.get(TEXT)]
        diacritic_words = sorted(words_with_diacritics(texts))
        restorer = DiacriticRestorer(diacritic_words)
        words = vocabulary(texts, restorer)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / self.FILE).write_text(json.dumps(
                {"diacritic_words": diacritic_words, "vocabulary": words}, ensure_ascii=False), encoding="utf-8")
        self._speller = Speller(words, restorer)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: Optional[str] = message.get(TEXT)
            if text and not text.startswith("/"):
                rewritten = blank_punctuation(self._speller.correct(text))
                if rewritten != text:
                    message.set(TYPED_TEXT, text)
                    message.set(TEXT, rewritten)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class TypedText(_Stateless):
    """After the classifiers: the text as the person typed it (masked) again."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            typed = message.get(TYPED_TEXT)
            if typed is not None:
                message.set(TEXT, typed)
                message.data.pop(TYPED_TEXT, None)
        return messages


# Words people use to start over (every `restart` example in data/nlu has one; tests/bot checks).
RESTART_CUE = re.compile(
    r"b[öo]rj|start|nolls|\bnoll\b|rensa|radera|reset|scratch|glöm|\bglom\b"
    r"|ny konversation|nytt samtal|\b(?:g[öo]ra?|k[öo]ra?|tar?|ta det)\s+om\b",
    re.IGNORECASE)
# "börja om i ett nytt yrke", "är det för sent att börja om vid 55" are career talk, common here:
# never a reason to wipe the conversation.
CAREER_TALK = re.compile(
    r"yrke|jobb|karri[äa]r|bransch|utbild|plugg|studera|arbetsliv|\bbana\b"
    r"|[åa]lder|gammal|f[öo]r sent|\bk[öo]rt\b|livet|\d"
    # "börja om med något nytt", "radera allt det gamla och börja om": a new start in working life
    r"|n[åa]go?t (?:nytt|annat)|n[åa]tt? (?:nytt|annat)|det gamla", re.IGNORECASE)
FALLBACK_INTENT = "nlu_fallback"


def restart_allowed(text: str) -> bool:
    return bool(RESTART_CUE.search(text)) and not CAREER_TALK.search(text)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RestartGuard(_Stateless):
    """A `restart` without a word of starting over, or about the person's working life, becomes
    `nlu_fallback`: the fallback then asks, with "Börja om" as one of the buttons."""

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get("intent") or {}
            text = message.get(TEXT) or ""
            if intent.get("name") == "restart" and not restart_allowed(text):
                fallback = {"name": FALLBACK_INTENT, "confidence": intent.get("confidence", 0.0)}
                ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != FALLBACK_INTENT]
                message.set("intent", fallback, add_to_output=True)
                message.set("intent_ranking", [fallback, *ranking], add_to_output=True)
        return messages


# The words the bot itself asks for after saying back what it understood ("Skriv \"det blev fel\" om
# det inte stämmer"), at the start of a message: "det blev fel, jag har redan fått beskedet".
CORRECTION_CUE = re.compile(r"^\W*(?:(?:nej|nä|oj|ops|oops|hmm+|aj|hoppsan)\W+)?det blev (?:lite |visst |nog |nåt |något )?fel\b",
                            re.IGNORECASE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CorrectionCue(_Stateless):
    """A message that starts with "det blev fel" is `correct`, whatever else it says: the bot told
    the person to write it, and what follows ("… jag är redan uppsagd") is the correction itself."""

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get("intent") or {}
            if intent.get("name") != "correct" and CORRECTION_CUE.search(message.get(TEXT) or ""):
                correct = {"name": "correct", "confidence": max(float(intent.get("confidence") or 0.0), 0.9)}
                ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != "correct"]
                message.set("intent", correct, add_to_output=True)
                message.set("intent_ranking", [correct, *ranking], add_to_output=True)
        return messages


# Every one of these starts the same questions outside a form (data/rules/core.yml), and the
# opening message is read for what it says (actions/parsing.py opening_slots). Doubt among them
# is no reason to ask "Menade du …?": "jag har en enskild firma och vill plugga" is both.
STARTERS = frozenset({"check_eligibility", "career_guidance", "inform_terminated", "inform_employed",
                      "inform_fixed_term_ended", "inform_sick", "inform_self_employed"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StarterAmbiguity(GraphComponent):
    """After the FallbackClassifier: an `nlu_fallback` whose best guess is a conversation starter,
    and whose starters together are as sure as the fallback threshold asks, becomes that best
    guess, with its own confidence (so the forms still read a weak guess with care)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "StarterAmbiguity":
        return cls(config)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.5}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.threshold = float(config.get("threshold", 0.5))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get("intent") or {}).get("name") != FALLBACK_INTENT:
                continue
            ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != FALLBACK_INTENT]
            if not ranking or ranking[0].get("name") not in STARTERS:
                continue
            together = sum(float(r.get("confidence") or 0.0) for r in ranking if r.get("name") in STARTERS)
            if together >= self.threshold:
                message.set("intent", dict(ranking[0]), add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
        return messages
