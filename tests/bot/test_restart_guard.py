"""RestartGuard (bot/components.py): `restart` wipes the conversation, so it needs a word of
starting over. Every restart example the model learns from or is judged on must have one; so must
every request_human example have a word of asking for someone (actions/parsing.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.components import RestartGuard, restart_allowed
from tests.support.nlu import classified

ROOT = Path(__file__).resolve().parents[2]


def _examples_of(intent: str) -> list[str]:
    examples = []
    for path in [*sorted((ROOT / "data" / "nlu").glob("*.yml")), ROOT / "tests" / "nlu" / "holdout.yml"]:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if block.get("intent") == intent:
                examples += [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]
    return examples


def restart_examples() -> list[str]:
    return _examples_of("restart")


def test_there_are_restart_examples_to_check() -> None:
    assert len(restart_examples()) > 40


@pytest.mark.parametrize("example", restart_examples())
def test_every_restart_example_has_a_word_of_starting_over(example: str) -> None:
    assert restart_allowed(example), example


@pytest.mark.parametrize("text", ["<script>alert('x')</script>", "'; DROP TABLE events;--",
                                  "asdfgh", "om jag blir uppsagd", "😀😀",
                                  "jag vill börja om i ett nytt yrke", "starta om min karriär",
                                  "börja om från början och plugga", "är det kört att börja om i min ålder",
                                  "kan man börja om vid 58"])
def test_restart_without_a_word_of_starting_over_is_not_understood(text: str) -> None:
    [message] = RestartGuard().process([classified(text, "restart")])
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 0.8}
    assert [r["name"] for r in message.get("intent_ranking")] == ["nlu_fallback", "restart", "greet"]
    assert message.as_dict(only_output_properties=True)["intent"]["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["börja om", "borja om tack", "kan vi ta det från början",
                                  "starta om chatten", "gör om allt", "nytt samtal", "RESET"])
def test_a_real_restart_stays_a_restart(text: str) -> None:
    [message] = RestartGuard().process([classified(text, "restart")])
    assert message.get("intent")["name"] == "restart"


def test_other_intents_are_left_alone() -> None:
    [message] = RestartGuard().process([classified("<script>", "greet")])
    assert message.get("intent")["name"] == "greet"


def test_every_request_human_example_has_a_word_of_asking_for_someone() -> None:
    # In the guidance questions a request_human without one is read as the answer
    # (actions/parsing.py _as_guidance_answer), so no way of asking the model knows may lack it.
    from actions.parsing import _HUMAN_CUE
    from bot.extract import fold
    examples = _examples_of("request_human")
    assert len(examples) > 40
    assert [e for e in examples if not _HUMAN_CUE.search(fold(e))] == []
