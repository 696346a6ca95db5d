"""Runs the decision table in cases.yaml against rules_bridge.evaluate."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from rules_bridge import InputError, evaluate

TABLE = yaml.safe_load((Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8"))
DELETE = "$delete"


def merged(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        out = copy.deepcopy(base)
        for key, value in override.items():
            if value == DELETE:
                out.pop(key, None)
            else:
                out[key] = merged(out.get(key), value)
        return out
    return copy.deepcopy(override)


def build_input(case: dict[str, Any]) -> dict[str, Any]:
    return merged(TABLE["bases"][case["base"]], case.get("input", {}))


def reason_outcomes(decision: dict[str, Any], service: str) -> dict[str, str]:
    return {r["code"]: r["outcome"] for r in decision["services"][service]["reasons"]}


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_case(case: dict[str, Any]) -> None:
    data = build_input(case)
    if "error" in case:
        with pytest.raises(InputError) as caught:
            evaluate(data)
        assert caught.value.field == case["error"]
        return
    decision = evaluate(data)
    expect = case["expect"]
    if "organisation" in expect:
        assert decision["organisation"]["code"] == expect["organisation"]
    if "next_step_includes" in expect:
        assert expect["next_step_includes"] in decision["organisation"]["next_step_sv"]
    for service, status in expect.get("status", {}).items():
        assert decision["services"][service]["status"] == status, service
    for service, codes in expect.get("reasons", {}).items():
        outcomes = reason_outcomes(decision, service)
        for code, outcome in codes.items():
            assert outcomes[code] == outcome, f"{service}.{code}"
    work = decision["work_requirement"]
    for key, value in expect.get("work", {}).items():
        assert work[key] == value, key
    months = {m["month"]: m for m in work["months"]}
    for month, fields in expect.get("months", {}).items():
        for key, value in fields.items():
            assert months[month][key] == value, f"{month}.{key}"
    if "missing" in expect:
        assert decision["missing_information"] == expect["missing"]
    remark_codes = {r["code"] for r in decision["remarks"]}
    for code in expect.get("remarks_include", []):
        assert code in remark_codes
    for code in expect.get("remarks_exclude", []):
        assert code not in remark_codes


def test_table_is_large_and_covers_every_rule() -> None:
    from rules_bridge.rules import RULES
    cases = TABLE["cases"]
    assert len(cases) >= 60
    # Every rule is seen failing and passing somewhere in the table.
    seen: set[tuple[str, str]] = set()
    for case in cases:
        if "error" in case:
            continue
        decision = evaluate(build_input(case))
        for service in decision["services"].values():
            seen.update((r["rule"], r["outcome"]) for r in service["reasons"])
    for r in RULES:
        for outcome in r.details:
            assert (r.id, outcome) in seen, f"no case shows {r.id} {outcome}"
