"""Property-based tests (hypothesis) for invariants that hold for any input."""
from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_bridge import InputError, evaluate, explain

APP = date(2026, 11, 22)
FRAME_START = date(2024, 11, 1)


@st.composite
def employments(draw):
    start = draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 11, 21)))
    ongoing = draw(st.booleans())
    end = None if ongoing else draw(st.dates(min_value=start, max_value=date(2027, 6, 30)))
    item = {"start": start.isoformat(), "end": end and end.isoformat(),
            "country": draw(st.sampled_from(["SE", "NO", "DE", "US"]))}
    if draw(st.booleans()):
        item["hours_per_week"] = draw(st.floats(min_value=0, max_value=60, allow_nan=False))
    if draw(st.booleans()):
        item["monthly_income_sek"] = draw(st.integers(min_value=0, max_value=60000))
    return item


@st.composite
def applications(draw):
    situation = draw(st.sampled_from(["employed", "terminated", "self_employed", "other"]))
    data = {
        "application_date": APP.isoformat(),
        "birth_date": draw(st.dates(min_value=date(1955, 1, 1), max_value=date(2008, 1, 1))).isoformat(),
        "situation": situation,
        "employer": {"sector": draw(st.sampled_from(["private", "municipality", "region", "state", "other"])),
                     "worker_category": draw(st.sampled_from(["white_collar", "blue_collar"])),
                     "collective_agreement": draw(st.sampled_from(["yes", "no", "unknown"]))},
        "special_needs_illness": draw(st.booleans()),
        "employments": draw(st.lists(employments(), max_size=4)),
        "skippable_periods": [],
    }
    if situation == "terminated":
        data["termination"] = {"reason": draw(st.sampled_from(
            ["shortage_of_work", "illness", "fixed_term_ended", "own_resignation", "other"])),
            "initiated_by": draw(st.sampled_from(["employer", "employee"]))}
    if draw(st.booleans()):
        start = draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 10, 1)))
        data["skippable_periods"] = [{"type": "parental_benefit", "start": start.isoformat(),
                                      "end": (start + timedelta(days=draw(st.integers(0, 400)))).isoformat()}]
    return data


RANK = {"not_met": 0, "unknown": 1, "met": 2}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(applications())
def test_deterministic_and_json_clean(data):
    first = evaluate(data)
    assert evaluate(json.loads(json.dumps(data))) == first
    assert json.loads(json.dumps(first)) == first  # plain JSON, nothing Python-only
    assert explain(first)


@SETTINGS
@given(applications())
def test_status_follows_reasons(data):
    decision = evaluate(data)
    for service in decision["services"].values():
        outcomes = {r["outcome"] for r in service["reasons"]}
        expected = ("not_eligible" if "not_met" in outcomes
                    else "needs_more_information" if "unknown" in outcomes else "eligible")
        assert service["status"] == expected
        assert all(r["text_sv"] and r["legal_reference"] for r in service["reasons"])


@SETTINGS
@given(applications(), st.integers(min_value=0, max_value=23))
def test_adding_a_qualifying_month_never_hurts(data, offset):
    """A full-time month of work added inside the frame never makes the work requirement worse."""
    before = evaluate(data)["work_requirement"]
    month_start = date(2026, 10, 1)
    for _ in range(offset):
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    extended = json.loads(json.dumps(data))
    extended["employments"].append({"start": month_start.isoformat(), "end": month_end.isoformat(),
                                    "hours_per_week": 40})
    after = evaluate(extended)["work_requirement"]
    assert RANK[after["outcome"]] >= RANK[before["outcome"]]
    assert after["qualifying_months"] >= before["qualifying_months"]


@SETTINGS
@given(applications(), st.integers(min_value=1, max_value=3000))
def test_later_birth_date_never_fails_age(data, days):
    """Someone born later is younger: if the age rule is met, it stays met."""
    decision = evaluate(data)
    age = {r["code"]: r["outcome"] for r in decision["services"]["radgivning"]["reasons"]}["AGE"]
    later = json.loads(json.dumps(data))
    born = date.fromisoformat(data["birth_date"]) + timedelta(days=days)
    if born > APP:
        return
    later["birth_date"] = born.isoformat()
    later_age = {r["code"]: r["outcome"] for r in evaluate(later)["services"]["radgivning"]["reasons"]}["AGE"]
    if age == "met":
        assert later_age == "met"


@SETTINGS
@given(applications())
def test_frame_has_24_counted_months_and_skips_only_skippable(data):
    work = evaluate(data)["work_requirement"]
    counted = [m for m in work["months"] if not m["skipped"]]
    assert len(counted) == 24
    assert all(m["qualifies"] is not True for m in work["months"] if m["skipped"])
    assert work["qualifying_months"] == sum(1 for m in counted if m["qualifies"] is True)


@SETTINGS
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4),
                    max_leaves=12))
def test_any_shape_is_a_decision_or_an_input_error(raw):
    try:
        evaluate(raw)
    except InputError as exc:
        assert exc.message


def _month_by_month(app):
    """The work requirement the plain way (eligibility.md 2.5), for checking the engine's
    run-by-run walk: every month computed afresh, one at a time."""
    from rules_bridge import months as m
    from rules_bridge.params import PARAMETERS
    from rules_bridge.work import _employments, _evaluate_month

    params = PARAMETERS.as_of(app.application_date)
    frame_end = m.month_of(app.application_date) - 1
    boundary = m.month_of(app.previous_support_date) if app.previous_support_date else None
    skippable = set()
    for p in app.skippable_periods:
        last = m.month_of(p.end) if p.end is not None else frame_end
        skippable.update(range(m.month_of(p.start), min(last, frame_end) + 1))
    spans = _employments(app).spans
    rows, skipped_months, counted, pessimistic, unknown, month = [], [], 0, 0, 0, frame_end
    while counted < params["frame_months"] and (boundary is None or month > boundary):
        hours, income, threshold, qualifies, via = _evaluate_month(
            month, spans, params["hours_per_week"] * 100, params["income_threshold_ore_by_year"],
            params["income_share_of_ibb"])
        skipped = qualifies is not True and month in skippable
        rows.append({"month": m.label(month), "avg_hours_per_week": hours, "income_sek": income,
                     "income_threshold_sek": threshold, "qualifies": qualifies, "via": via,
                     "skipped": skipped})
        if skipped:
            skipped_months.append(month)
        else:
            counted += 1
            pessimistic += qualifies is True
            unknown += qualifies is None
        month -= 1
    return rows, skipped_months, pessimistic, unknown, (month + 1 if rows else frame_end)


@SETTINGS
@given(applications(), st.lists(st.sampled_from(["unknown", "none", "ceo"]), max_size=4),
       st.one_of(st.none(), st.dates(min_value=date(2022, 10, 1), max_value=APP)),
       st.lists(st.tuples(st.dates(min_value=date(2022, 1, 1), max_value=APP), st.integers(0, 500),
                          st.booleans()), max_size=3))
def test_run_by_run_walk_equals_month_by_month(data, roles, previous, periods):
    """The work test computes each run of like months once (work.evaluate_work); walking the
    frame one month at a time, each computed afresh, must give the same rows and counts."""
    from rules_bridge.model import parse
    from rules_bridge.work import evaluate_work

    for employment, role in zip(data["employments"], roles):
        employment["role_exclusion"] = role
    if previous is not None:
        data["previous_support"] = {"decision_date": previous.isoformat()}
    data["skippable_periods"] = [
        {"type": "sickness_benefit", "start": start.isoformat(),
         "end": None if ongoing else (start + timedelta(days=days)).isoformat()}
        for start, days, ongoing in periods]
    app = parse(data)
    work = evaluate_work(app)
    rows, skipped, pessimistic, unknown, frame_start = _month_by_month(app)
    assert work.months == rows
    assert (work.skipped, work.qualifying_months, work.unknown_months, work.frame_start) == (
        skipped, pessimistic, unknown, frame_start)
