"""The command line, run as a real subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8"))
GOOD = TABLE["bases"]["terminated"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rules_bridge", *args], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_evaluate_file(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    result = run("evaluate", str(path))
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision["services"]["radgivning"]["status"] == "eligible"
    assert decision["rules_version"]


def test_evaluate_stdin() -> None:
    result = run("evaluate", "-", stdin=json.dumps(GOOD))
    assert result.returncode == 0
    assert json.loads(result.stdout)["organisation"]["code"] == "ooo"


def test_explain_is_swedish_text() -> None:
    result = run("explain", "-", stdin=json.dumps(GOOD))
    assert result.returncode == 0
    assert "Preliminär bedömning" in result.stdout
    assert "Rådgivning till uppsagda" in result.stdout
    # Why this organisation: no collective agreement, or self-employed.
    assert "Eftersom din arbetsgivare inte har kollektivavtal om omställning" in result.stdout
    own = {"application_date": GOOD["application_date"], "birth_date": GOOD["birth_date"],
           "situation": "self_employed", "employer": None, "employments": []}
    result = run("explain", "-", stdin=json.dumps(own))
    assert result.returncode == 0, result.stderr
    assert "Som egenföretagare vänder du dig till den offentliga" in result.stdout
    assert "kollektivavtal" not in result.stdout.split("\n")[2]
    # The three services not for the self-employed: one line with the reason that decides it,
    # not the same sentences three times with the (moot) work requirement and employer.
    refused = [line for line in result.stdout.splitlines() if line.startswith("- ") and ":" in line]
    assert refused == ["- Rådgivning till uppsagda, förstärkt stöd (rådgivning med extra stöd vid sjukdom) och "
                       "vägledning till anställda: Rådgivning och vägledning är för anställda. Som "
                       "egenföretagare kan du få ett yttrande till CSN."]
    # Sent to a trygghetsråd: why, and that the trygghetsråd decides, not Kammarkollegiet.
    tsl = {**GOOD, "employer": {**GOOD["employer"], "sector": "private", "worker_category": "blue_collar",
                                "collective_agreement": "yes"}}
    result = run("explain", "-", stdin=json.dumps(tsl))
    assert result.returncode == 0, result.stderr
    assert "Din arbetsgivare har kollektivavtal, så du hör troligen till Trygghetsfonden TSL." in result.stdout
    assert "Det är Trygghetsfonden TSL som avgör" in result.stdout and "Kammarkollegiet" not in result.stdout


@pytest.mark.parametrize("stdin, field", [
    ("{not json", None),
    ("[]", None),
    (json.dumps({**GOOD, "employments": [{"start": "2025-13-01"}]}), "employments[0].start"),
    (json.dumps({**GOOD, "age": "old"}), "age"),
    ("\ufeff", None),
    ("[" * 100000, None),
])
def test_bad_input_exit_2_with_json_error(stdin: str, field: str | None) -> None:
    result = run("evaluate", "-", stdin=stdin)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    error = json.loads(result.stderr)
    assert error["error"]
    assert error["field"] == field


def test_missing_file_and_bad_usage() -> None:
    for args in (("evaluate", "/nonexistent/in.json"), ("frobnicate", "-"), ()):
        result = run(*args)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "error" in json.loads(result.stderr)
