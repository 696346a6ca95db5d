"""The Swedish spaCy pipeline built at setup, as Rasa's SpacyNLP loads it."""
from __future__ import annotations

from pathlib import Path

import spacy
import yaml

ROOT = Path(__file__).resolve().parents[2]


def configured_model() -> str:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    return next(c["model"] for c in config["pipeline"] if c["name"] == "SpacyNLP")


def test_config_names_the_built_pipeline() -> None:
    assert configured_model() == "sv_vagvisaren"


def test_pipeline_loads_and_lemmatizes_swedish() -> None:
    nlp = spacy.load(configured_model())
    assert nlp.lang == "sv"
    lemmas = {t.text: t.lemma_ for t in nlp("Jag jobbade på bageriet men anställningarna tog slut")}
    assert lemmas["jobbade"] == "jobba"
    assert lemmas["bageriet"] == "bageri"
    assert lemmas["anställningarna"] == "anställning"


def test_pipeline_matches_rasa_spacy_pin() -> None:
    from spacy.util import is_compatible_version
    meta = spacy.load(configured_model()).meta
    assert is_compatible_version(spacy.__version__, meta["spacy_version"])
    assert spacy.__version__.startswith("3.4.")


def test_rasa_spacy_component_loads_it() -> None:
    from rasa.nlu.utils.spacy_utils import SpacyNLP
    model = SpacyNLP.load_model(configured_model())
    doc = model.model("Hej, jag är uppsagd")  # SpacyModel wraps the loaded Language
    assert [t.text for t in doc] == ["Hej", ",", "jag", "är", "uppsagd"]
