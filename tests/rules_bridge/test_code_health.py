"""The rule base itself: every rule has a reference and a Swedish message for each outcome it
can give; every parameter has a source; dates are covered without gaps."""
from __future__ import annotations

import string
from datetime import date, timedelta

import pytest

from rules_bridge.params import PARAMETERS, NotCovered
from rules_bridge.rules import RULES, SERVICES
from rules_bridge.texts_sv import MISSING_QUESTIONS, ORGANISATIONS, REASONS, REMARKS


def test_every_rule_has_id_reference_and_services() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.legal_reference.strip(), r.id
        assert r.services and set(r.services) <= set(SERVICES)
        assert r.details, r.id


def test_every_declared_detail_has_a_swedish_text() -> None:
    used = set()
    for r in RULES:
        for outcome, details in r.details.items():
            for detail in details:
                key = f"{r.code}.{outcome}.{detail}"
                assert key in REASONS, key
                used.add(key)
    assert set(REASONS) == used, f"texts with no rule: {set(REASONS) - used}"


def test_texts_are_du_form_and_placeholders_are_simple() -> None:
    for key, text in {**REASONS, **REMARKS}.items():
        assert " ni " not in f" {text.lower()} ", key  # du-form, not ni-form
        for _, name, spec, _ in string.Formatter().parse(text):
            assert name is None or name.isidentifier(), key


def test_every_service_has_rules_and_organisations_have_names() -> None:
    for service in SERVICES:
        assert any(service in r.services for r in RULES)
    for code, org in ORGANISATIONS.items():
        assert org["name_sv"] and org["next_step_sv"], code


def test_parameters_have_references_and_ibb_sources() -> None:
    for name, param in PARAMETERS.by_name.items():
        assert param.reference.strip() and param.description.strip(), name
    for year in range(2021, 2027):
        assert PARAMETERS.ibb[year] > 0 and PARAMETERS.ibb_sources[year], year


def test_ibb_values_from_the_spec() -> None:
    assert PARAMETERS.ibb == {2021: 68200, 2022: 71000, 2023: 74300, 2024: 76200, 2025: 80600, 2026: 83400}


def test_temporal_coverage_from_the_law_onwards() -> None:
    """Every parameter has a value on every day from 2022-10-01 (sampled weekly) to 2027."""
    day = date(2022, 10, 1)
    while day < date(2028, 1, 1):
        for name in PARAMETERS.by_name:
            PARAMETERS.at(name, day)
        day += timedelta(days=7)
    with pytest.raises(NotCovered):
        PARAMETERS.at("hours_per_week", date(2022, 9, 30))


def test_missing_questions_cover_every_missing_field() -> None:
    fields = {"birth_date", "employer.collective_agreement", "employer.operates_in_sweden",
              "termination.reason", "termination.initiated_by", "termination.last_day",
              "role_exclusion", "special_needs_illness", "employments.hours_per_week",
              "employments.role_exclusion"}
    assert fields <= set(MISSING_QUESTIONS)
