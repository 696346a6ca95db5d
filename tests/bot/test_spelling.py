"""å/ä/ö put back where people leave them out, typing slips mended and sentence punctuation
blanked (bot/spelling.py), and the two Rasa components around it (bot/components.py), trained and loaded by Rasa itself."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from bot.spelling import DiacriticRestorer, Speller, blank_punctuation, fold, vocabulary, words_with_diacritics

RESTORER = DiacriticRestorer(["omställningsstudiestöd"])


@pytest.mark.parametrize("typed, meant", [
    ("jag ar uppsagd", "jag är uppsagd"),
    ("det stammer", "det stämmer"),
    ("hej da", "hej då"),
    ("vad ar radgivning", "vad är rådgivning"),
    ("jag behover hjalp", "jag behöver hjälp"),
    ("Goran fran Malmo", "Göran från Malmö"),
    ("JAG AR SJUKSKRIVEN", "JAG ÄR SJUKSKRIVEN"),
    ("omstallningsstudiestod", "omställningsstudiestöd"),  # from the training data, not wordfreq
])
def test_missing_letters_are_put_back(typed: str, meant: str) -> None:
    assert RESTORER.restore(typed) == meant


@pytest.mark.parametrize("text", [
    "uppsagd",      # the right spelling has no å/ä/ö
    "jag var där",  # "var" is a common word of its own, not "vår"
    "chefen sa upp mig",  # sade
    "ja", "nej", "bra", "hem",
    "jag är född 1975", "anna.svensson@example.se", "ok 👍",
])
def test_words_as_meant_are_left_alone(text: str) -> None:
    assert RESTORER.restore(text) == text


def test_a_domain_word_needs_the_training_data() -> None:
    assert DiacriticRestorer().restore("omstallningsstudiestod") == "omstallningsstudiestod"


def test_words_with_diacritics_are_collected_lower_case() -> None:
    assert words_with_diacritics(["Jag är uppsagd", "Förstärkt stöd 2024"]) == {"är", "förstärkt", "stöd"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aäåoöeéiu rstnlkgmdvjhpbfAÄÖRSTN.,!?0123456789-@", max_size=60))
def test_only_the_letters_change_and_positions_hold(text: str) -> None:
    restored = RESTORER.restore(text)
    assert len(restored) == len(text)  # entity offsets stay valid
    assert fold(restored) == fold(text)
    assert [c.isupper() for c in restored] == [c.isupper() for c in text]
    assert RESTORER.restore(restored) == restored


@pytest.mark.parametrize("typed, blanked", [
    ("Hur ansöker jag?", "Hur ansöker jag "),
    ("hej!! vad kostar det?!", "hej   vad kostar det  "),
    ("Jag jobbade 37,5 tim/v, från 1.5 (ungefär).", "Jag jobbade 37,5 tim/v  från 1.5  ungefär  "),
    ("tjänsten, \"rådgivning\" ... ok", "tjänsten   rådgivning      ok"),
    ("anna.svensson@example.se kl 12:30", "anna svensson@example se kl 12:30"),
])
def test_sentence_punctuation_is_blanked_and_numbers_kept(typed: str, blanked: str) -> None:
    assert blank_punctuation(typed) == blanked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aäo rst.,!?:;()0123456789-/", max_size=60))
def test_blanking_keeps_every_position(text: str) -> None:
    blanked = blank_punctuation(text)
    assert len(blanked) == len(text)
    assert all(b == t or b == " " for b, t in zip(blanked, text))


TRAINING = ["tack så mycket", "tack för hjälpen", "kan någon ringa mig", "hur ska jag tolka det",
            "vilka utbildningar finns", "vilka yrken finns", "vilka jobb finns", "pratar jag med en människa",
            "jag vill söka omställningsstudiestöd", "det minns jag inte", "hur funkar det"]
SPELLER = Speller(vocabulary(TRAINING, RESTORER), RESTORER)


@pytest.mark.parametrize("typed, meant", [
    ("snällt av dig, takc", "snällt av dig, tack"),                # two letters swapped
    ("kan nån rniga mig", "kan nån ringa mig"),
    ("det mnins jag inte", "det minns jag inte"),
    ("hur fnkar det", "hur funkar det"),                            # a letter left out
    ("patar jag med en mannisa", "pratar jag med en människa"),    # a slip and a missing ä at once
    ("omstalningsstudistod", "omställningsstudiestöd"),           # long word: two edits
    ("hur ska jag tilka det", "hur ska jag tolka det"),           # "vilka" is as near, more common
])
def test_slips_are_mended_to_training_words(typed: str, meant: str) -> None:
    assert SPELLER.correct(typed) == meant


@pytest.mark.parametrize("text", [
    "tack så mycket",                # training words
    "jag jobbar på volvo i torslanda",  # common Swedish words the training data lacks
    "ett tak över huvudet",
    "tsk", "xyz",                    # too short to guess
    "jag är född 1975", "anna.svensson@example.se",
])
def test_known_and_real_words_are_left_alone(text: str) -> None:
    assert SPELLER.correct(text) == text


def test_the_vocabulary_counts_words_as_the_classifiers_read_them() -> None:
    assert vocabulary(["Tack tack", "jag ar glad"], RESTORER) == {"tack": 2, "jag": 1, "är": 1, "glad": 1}


# --- inside Rasa: trained, persisted, loaded ------------------------------------------------

CONFIG = """
recipe: default.v1
language: sv
assistant_id: spelling-test
pipeline:
  - name: bot.components.PersonnummerMasker
  - name: bot.components.SwedishSpelling
  - name: SpacyNLP
    model: sv_vagvisaren
  - name: SpacyTokenizer
  - name: CountVectorsFeaturizer
  - name: LogisticRegressionClassifier
    random_state: 42
  - name: bot.components.TypedText
  - name: bot.components.SwedishValueExtractor
policies: []
"""

NLU = """
version: "3.1"
nlu:
  - intent: study
    examples: |
      - omställningsstudiestöd
      - jag vill söka omställningsstudiestöd
      - kan jag få omställningsstudiestöd
  - intent: other
    examples: |
      - vad blir det för väder
      - kan du beställa pizza
      - vem vann melodifestivalen?
      - berätta ett skämt
      - vilken tid går bussen?
"""


def train(tmp_path_factory: pytest.TempPathFactory, name: str, config: str):
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    directory = tmp_path_factory.mktemp(name)
    # A cache of its own: Rasa's shared one can hand back a component trained for another config.
    before = os.environ.get("RASA_CACHE_DIRECTORY")
    os.environ["RASA_CACHE_DIRECTORY"] = str(directory / "cache")
    try:
        (directory / "config.yml").write_text(config, encoding="utf-8")
        (directory / "nlu.yml").write_text(NLU, encoding="utf-8")
        model = train_nlu(str(directory / "config.yml"), str(directory / "nlu.yml"), str(directory / "models"),
                          fixed_model_name=name)
    finally:
        if before is None:
            os.environ.pop("RASA_CACHE_DIRECTORY", None)
        else:
            os.environ["RASA_CACHE_DIRECTORY"] = before
    assert model is not None
    return Agent.load(model)


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory):
    return train(tmp_path_factory, "spelling", CONFIG)


@pytest.fixture(scope="module")
def char_agent(tmp_path_factory: pytest.TempPathFactory):
    # Character n-grams as in config.yml: these are what a "?" token reaches.
    return train(tmp_path_factory, "punctuation", CONFIG.replace(
        "  - name: LogisticRegressionClassifier",
        "  - name: CountVectorsFeaturizer\n    analyzer: char_wb\n    min_ngram: 2\n    max_ngram: 4\n"
        "  - name: LogisticRegressionClassifier"))


def parse(agent, text: str) -> dict:
    return asyncio.run(agent.parse_message(text))


def test_the_model_understands_the_word_without_its_letters(agent) -> None:
    # Only whole words are features here: without the restoration "omstallningsstudiestod" is
    # an unknown word and the majority intent wins.
    assert parse(agent, "omställningsstudiestöd")["intent"]["name"] == "study"
    assert parse(agent, "omstallningsstudiestod")["intent"]["name"] == "study"


def test_the_model_understands_the_word_with_a_slip(agent) -> None:
    # As above: unmended, each is an unknown word.
    assert parse(agent, "omstalningsstudistöd")["intent"]["name"] == "study"
    assert parse(agent, "omställningstudiestöd")["intent"]["name"] == "study"


def test_the_parse_keeps_the_text_as_typed_and_entities_point_into_it(agent) -> None:
    # "omstalningsstudiestod" is one letter short: the classifiers read a longer text than this.
    typed = "jag vill ha omstalningsstudiestod fran 1 mars 2024, mitt pnr ar 19750101-1234"
    result = parse(agent, typed)
    assert result["text"].startswith("jag vill ha omstalningsstudiestod fran 1 mars 2024")
    assert "19750101-1234" not in result["text"]  # the masker still ran first
    [when] = [e for e in result["entities"] if e["entity"] == "date"]
    assert result["text"][when["start"]:when["end"]] == "1 mars 2024"


def test_a_question_mark_does_not_change_the_reading(char_agent) -> None:
    # The tokenizer makes "?" a token, and here only "other" has examples with one: unblanked,
    # a question mark alone would pull any message toward "other".
    plain = parse(char_agent, "kan jag få omställningsstudiestöd")["intent_ranking"]
    for typed in ["kan jag få omställningsstudiestöd?", "Kan jag få omställningsstudiestöd?!", "kan jag få omställningsstudiestöd ..."]:
        assert parse(char_agent, typed)["intent_ranking"] == plain
