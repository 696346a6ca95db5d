"""The staff flow format and the report, without a bot (the flows themselves run in tests/e2e)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from api.flows.__main__ import report
from api.flows.model import FlowError, load, load_all
from api.flows.runner import FlowResult, TurnResult, check_case, check_turn
from api.flows.model import Expect

ROOT = Path(__file__).resolve().parents[2]


def test_the_project_has_at_least_20_flows_and_they_all_load() -> None:
    flows = load_all([ROOT / "tests" / "flows"])
    assert len(flows) >= 20
    assert len({flow.name for _, flow in flows}) == len(flows)  # names identify flows in reports


@pytest.mark.parametrize("text,message", [
    ("flows: []", "flows"),
    ("flows:\n  - name: x\n    turns:\n      - {user: hej, button: Ja}\n", "either `user` or `button`"),
    ("flows:\n  - name: x\n    turns:\n      - {user: hej, expect: {text: '(('}}\n", "turns.0.expect.text"),
    ("flows:\n  - name: x\n    turns:\n      - {user: hej, expct: {}}\n", "expct"),
    ("flows: [unclosed", "not valid YAML"),
])
def test_broken_flow_files_name_the_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(text)
    with pytest.raises(FlowError, match="broken.yml") as error:
        load(path)
    assert message in str(error.value)


def test_turn_checks_report_each_difference() -> None:
    expect = Expect(text="ärendenummer", not_text="(?i)error", response="utter_goodbye", slots={"age": 45})
    failures = check_turn(expect, ["Ett Error hände"], ["utter_default"], {"age": 44})
    assert failures == ["no bot message matches /ärendenummer/",
                        "a bot message matches /(?i)error/: 'Ett Error hände'",
                        "expected response utter_goodbye, got utter_default",
                        "slot age: expected 45, got 44"]
    assert check_turn(expect, ["Ditt ärendenummer"], ["utter_goodbye"], {"age": 45}) == []


def test_case_checks_follow_dotted_paths() -> None:
    case = {"status": "new", "person": {"name": "Anna"}}
    assert check_case({"status": "new", "person.name": "Anna"}, case) == []
    assert check_case({"person.name": "Eva"}, case) == ["case person.name: expected 'Eva', got 'Anna'"]
    assert check_case({"status": "new"}, None) == ["no case was created"]


def test_report_shows_failing_turns_and_totals() -> None:
    good = FlowResult("Bra", "flowtest-1", [TurnResult("hej", ["Hej!"])])
    bad = FlowResult("Dålig", "flowtest-2", [TurnResult("hej", ["Hej!"]),
                                             TurnResult("[Ja]", ["Vad gör du?"], ["slot consent: expected True, got None"])])
    out = io.StringIO()
    report([good, bad], out)
    text = out.getvalue()
    assert "PASS  Bra" in text and "FAIL  Dålig" in text
    assert "turn 2: '[Ja]' → 'Vad gör du?'" in text and "slot consent" in text
    assert text.rstrip().endswith("flows: 1 passed, 1 failed")
