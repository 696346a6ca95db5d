"""The training data against the spec's minimums, the held-out messages kept apart from it, and
the word lists of data/nlu/lexicon.yml doing what their comments say."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from bot.spelling import DiacriticRestorer, blank_punctuation

ROOT = Path(__file__).resolve().parents[2]


def examples(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        if "intent" in item:
            out[item["intent"]] += [line.strip()[2:] for line in item["examples"].splitlines()
                                    if line.strip().startswith("- ")]
    return out


def training() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for intent, texts in examples(path).items():
            out[intent] += texts
    return out


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def lexicon() -> dict[str, re.Pattern]:
    data = yaml.safe_load((ROOT / "data" / "nlu" / "lexicon.yml").read_text(encoding="utf-8"))
    return {item["regex"]: re.compile(item["examples"].strip()[2:], re.IGNORECASE)
            for item in data["nlu"] if "regex" in item}


def test_every_intent_has_the_spec_minimum() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    data = training()
    for intent in domain["intents"]:
        name = intent if isinstance(intent, str) else next(iter(intent))
        if name == "faq":
            subs = {k: v for k, v in data.items() if k.startswith("faq/")}
            assert subs and all(len(v) >= 15 for v in subs.values()), {k: len(v) for k, v in subs.items()}
        else:
            assert len(data[name]) >= 40, (name, len(data[name]))


def test_no_message_is_taught_as_two_intents() -> None:
    seen: dict[str, str] = {}
    for intent, texts in training().items():
        for text in texts:
            assert seen.setdefault(normal(text), intent) == intent, (text, seen[normal(text)], intent)


def test_every_example_has_words_for_the_classifiers() -> None:
    # They read the text with sentence punctuation blanked (bot/spelling.py): "???" would be an
    # empty example, teaching its intent nothing but a bias.
    empty = [(intent, t) for intent, texts in training().items() for t in texts if not blank_punctuation(t).strip()]
    assert not empty


def test_held_out_messages_are_never_trained_on() -> None:
    taught = {normal(t) for texts in training().values() for t in texts}
    held = examples(ROOT / "tests" / "nlu" / "holdout.yml")
    assert sum(len(v) for v in held.values()) >= 100
    assert set(held) <= set(training())  # every held-out intent is one the model knows
    leaked = [t for texts in held.values() for t in texts if normal(t) in taught]
    assert not leaked


@pytest.mark.parametrize("name, says, does_not", [
    ("yes_words", ["jajjemän", "okej då", "mhm"], ["jag vet inte", "nej"]),
    ("no_words", ["nix", "näe", "nope"], ["ja", "jag är nöjd"]),
    ("bye_words", ["hejdå", "hej då", "ajöss"], ["hej", "hejsan"]),
    ("domain_words", ["rådgivningen", "omställningsstudiestödet", "uppsagd"], ["vad blir det för väder"]),
])
def test_word_lists_match_what_they_are_for(name: str, says: list[str], does_not: list[str]) -> None:
    pattern = lexicon()[name]
    restorer = DiacriticRestorer()
    for text in says:
        assert pattern.search(restorer.restore(text)), text
    for text in does_not:
        assert not pattern.search(restorer.restore(text)), text
