"""The engine's input, validated into typed records.

Every problem raises InputError naming the field with a JSON-path-like name
(`employments[0].start`), so programs and people both see what to fix.
Conventions: an optional field that is absent takes its documented default; an explicit
null (or "unknown") means the person does not know, and the rule that needs it says `unknown`.
"""
from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from datetime import date
from typing import Any

SITUATIONS = ("employed", "terminated", "self_employed", "other")
TERMINATION_REASONS = ("shortage_of_work", "illness", "fixed_term_ended", "own_resignation", "other")
INITIATORS = ("employer", "employee")
SECTORS = ("private", "municipality", "region", "state", "other", "unknown")
WORKER_CATEGORIES = ("white_collar", "blue_collar")
YES_NO_UNKNOWN = ("yes", "no", "unknown")
ROLE_EXCLUSIONS = ("none", "ceo", "owner_third", "family_of_owner")
SKIPPABLE_TYPES = ("parental_benefit", "sickness_benefit", "military_service", "transition_study_support")

# Work here counts as work in Sweden (förordning 2022:852, 4 §; lag 2022:850, 9 §):
# the EEA (EU + Iceland, Liechtenstein, Norway), the United Kingdom and Switzerland.
EEA_UK_CH = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO GB CH".split()
)
COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}  # common non-ISO spellings

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Every accepted spelling of a country (two ASCII letters, any case) → its ISO code.
_COUNTRY_CODES = {
    a + b: COUNTRY_ALIASES.get((a + b).upper(), (a + b).upper())
    for a in string.ascii_letters for b in string.ascii_letters
}
# Dates already read, by their text: people's dates repeat (the same few application dates,
# the same months' first days), and most decisions read six or more. Bounded; cleared when full.
_DATES: dict[str, date] = {}
_DATES_KEPT = 20_000
MAX_HOURS_PER_WEEK = 168
MAX_MONTHLY_INCOME_SEK = 100_000_000


class InputError(ValueError):
    """Malformed input. `field` names where, e.g. 'employments[0].start'."""

    def __init__(self, message: str, field: str | None):
        super().__init__(message)
        self.message = message
        self.field = field

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field}


UNKNOWN = None  # marker for "the person does not know" in parsed records


@dataclass(slots=True)
class Termination:
    reason: str | None
    initiated_by: str | None
    last_day: date | None


@dataclass(slots=True)
class Employer:
    name: str | None
    sector: str
    worker_category: str | None
    collective_agreement: str
    finances_registered_organisation: str
    operates_in_sweden: bool | None


@dataclass(slots=True)
class Employment:
    index: int
    employer: str | None
    start: date
    end: date | None  # None = ongoing
    hours_x100: int | None  # weekly hours in hundredths, exact integer arithmetic
    income_ore: int | None  # monthly income in öre
    country: str
    role_exclusion: str | None  # None = unknown


@dataclass(slots=True)
class SkippablePeriod:
    index: int
    type: str
    start: date
    end: date | None  # None = ongoing


@dataclass(slots=True)
class Application:
    application_date: date
    birth_date: date | None
    age: int | None
    situation: str
    termination: Termination | None
    special_needs_illness: bool | None
    employer: Employer | None
    role_exclusion: str | None
    employments: tuple[Employment, ...]
    skippable_periods: tuple[SkippablePeriod, ...]
    previous_support_date: date | None
    ignored_fields: tuple[str, ...] = ()


# --- small typed readers -------------------------------------------------------------------

def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{where or 'input'} must be a JSON object", where or None)
    return value


def _date_read_before(value: Any) -> date | None:
    """The date this text was read as before, if it was (no field name needed to ask)."""
    return _DATES.get(value) if type(value) is str else None


def _optional_date(value: Any, where: str) -> date | None:
    return None if value is None else _date(value, where)


def _date(value: Any, where: str) -> date:
    found = _date_read_before(value)
    if found is not None:
        return found
    # Fast path first: most input is well-formed. fromisoformat also takes other ISO forms
    # (20261122, 2026-W47-1), so the shape is checked too; on failure the regex tells which
    # message applies.
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            found = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if len(_DATES) >= _DATES_KEPT:
                _DATES.clear()
            _DATES[value] = found
            return found
    if not isinstance(value, str) or not _DATE.match(value):
        raise InputError(f"{where} must be a date written YYYY-MM-DD", where)
    raise InputError(f"{where} is not a real calendar date: {value!r}", where)


def _choice(value: Any, where: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InputError(f"{where} must be one of {', '.join(allowed)}", where)
    return value


def _number(value: Any, where: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{where} must be a number", where)
    if not lo <= value <= hi:
        raise InputError(f"{where} must be between {lo:g} and {hi:g}", where)
    return value


def _text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where} must be text", where)
    return value.strip() or None


def _bool(value: Any, where: str, *, nullable: bool) -> bool | None:
    if value is None and nullable:
        return None
    if not isinstance(value, bool):
        raise InputError(f"{where} must be true or false", where)
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f"{where} must be a list", where)
    return value


def _extra(obj: dict[str, Any], known: frozenset[str], prefix: str, sink: list[str]) -> None:
    if not known.issuperset(obj):
        sink.extend(f"{prefix}{key}" for key in obj if key not in known)


# --- the parser ----------------------------------------------------------------------------

TOP_KEYS = frozenset({
    "application_date", "birth_date", "age", "situation", "termination", "special_needs_illness",
    "employer", "role_exclusion", "employments", "skippable_periods", "previous_support",
})
TERMINATION_KEYS = frozenset({"reason", "initiated_by", "last_day"})
EMPLOYER_KEYS = frozenset({"name", "sector", "worker_category", "collective_agreement",
                           "finances_registered_organisation", "operates_in_sweden"})
EMPLOYMENT_KEYS = frozenset({"employer", "start", "end", "hours_per_week", "monthly_income_sek",
                             "country", "role_exclusion"})
PERIOD_KEYS = frozenset({"type", "start", "end"})


def parse(raw: Any) -> Application:
    data = _obj(raw, "")
    ignored: list[str] = []
    _extra(data, TOP_KEYS, "", ignored)

    if "application_date" not in data:
        raise InputError("application_date is required", "application_date")
    application_date = _date(data["application_date"], "application_date")
    assert application_date is not None

    birth_date = _optional_date(data.get("birth_date"), "birth_date")
    if birth_date is not None and birth_date > application_date:
        raise InputError("birth_date is after application_date", "birth_date")
    age = None
    if data.get("age") is not None:
        age_value = _number(data["age"], "age", 0, 130)
        if age_value != int(age_value):
            raise InputError("age must be a whole number of years", "age")
        age = int(age_value)

    if "situation" not in data:
        raise InputError("situation is required", "situation")
    situation = _choice(data["situation"], "situation", SITUATIONS)

    termination = None
    if data.get("termination") is not None:
        term = _obj(data["termination"], "termination")
        _extra(term, TERMINATION_KEYS, "termination.", ignored)
        reason = term.get("reason")
        initiated = term.get("initiated_by")
        termination = Termination(
            reason=None if reason is None else _choice(reason, "termination.reason", TERMINATION_REASONS),
            initiated_by=None if initiated is None else _choice(initiated, "termination.initiated_by", INITIATORS),
            last_day=_optional_date(term.get("last_day"), "termination.last_day"),
        )

    # Choice: absent means the person has not said they have special needs (false);
    # an explicit null means they do not know yet.
    special = _bool(data.get("special_needs_illness", False), "special_needs_illness", nullable=True)

    employer = None
    if data.get("employer") is not None:
        employer = _parse_employer(_obj(data["employer"], "employer"), ignored)
    elif situation != "self_employed":
        raise InputError("employer is required unless situation is self_employed", "employer")

    role_exclusion = _role_exclusion(data.get("role_exclusion", "none"), "role_exclusion")

    if "employments" not in data:
        raise InputError("employments is required (it may be an empty list)", "employments")
    employer_key = employer.name.casefold() if employer is not None and employer.name else None
    employments = tuple(
        _parse_employment(item, i, employer_key, role_exclusion, ignored)
        for i, item in enumerate(_list(data["employments"], "employments"))
    )

    periods = tuple(
        _parse_period(item, i, ignored)
        for i, item in enumerate(_list(data.get("skippable_periods") or [], "skippable_periods"))
    )

    previous = None
    if data.get("previous_support") is not None:
        prev = _obj(data["previous_support"], "previous_support")
        _extra(prev, frozenset({"decision_date"}), "previous_support.", ignored)
        if "decision_date" not in prev:
            raise InputError("previous_support.decision_date is required", "previous_support.decision_date")
        previous = _date(prev["decision_date"], "previous_support.decision_date")
        assert previous is not None
        if previous > application_date:
            raise InputError("previous_support.decision_date is after application_date",
                             "previous_support.decision_date")

    return Application(
        application_date=application_date, birth_date=birth_date, age=age, situation=situation,
        termination=termination, special_needs_illness=special, employer=employer,
        role_exclusion=role_exclusion, employments=employments, skippable_periods=periods,
        previous_support_date=previous, ignored_fields=tuple(ignored),
    )


def _role_exclusion(value: Any, where: str) -> str | None:
    if value is None or value == "unknown":
        return UNKNOWN
    return _choice(value, where, ROLE_EXCLUSIONS + ("unknown",))


def _parse_employer(emp: dict[str, Any], ignored: list[str]) -> Employer:
    _extra(emp, EMPLOYER_KEYS, "employer.", ignored)
    for required in ("sector", "collective_agreement"):
        if required not in emp:
            raise InputError(f"employer.{required} is required", f"employer.{required}")
    category = emp.get("worker_category")
    return Employer(
        name=_text(emp.get("name"), "employer.name"),
        sector=_choice(emp["sector"], "employer.sector", SECTORS),
        worker_category=None if category is None else _choice(category, "employer.worker_category", WORKER_CATEGORIES),
        collective_agreement=_choice(emp["collective_agreement"], "employer.collective_agreement", YES_NO_UNKNOWN),
        finances_registered_organisation=_choice(
            emp.get("finances_registered_organisation") or "unknown",
            "employer.finances_registered_organisation", YES_NO_UNKNOWN),
        # Choice: absent means the employer operates in Sweden (the usual case); null = unknown.
        operates_in_sweden=_bool(emp.get("operates_in_sweden", True), "employer.operates_in_sweden", nullable=True),
    )


def _parse_employment(raw: Any, i: int, employer_key: str | None, application_role: str | None,
                      ignored: list[str]) -> Employment:
    """One employment. Three or more per decision, so the well-formed case takes the short
    way (a field's name is only spelled out when it is wrong); the checks and their order
    are those of the small readers above."""
    if type(raw) is not dict:
        _obj(raw, f"employments[{i}]")
    if not EMPLOYMENT_KEYS.issuperset(raw):
        _extra(raw, EMPLOYMENT_KEYS, f"employments[{i}].", ignored)
    if "start" not in raw:
        raise InputError(f"employments[{i}].start is required", f"employments[{i}].start")
    value = raw["start"]
    start = _date_read_before(value) or _date(value, f"employments[{i}].start")
    value = raw.get("end")
    if value is None:
        end = None
    else:
        end = _date_read_before(value) or _date(value, f"employments[{i}].end")
        if end < start:
            raise InputError(f"employments[{i}].end is before employments[{i}].start", f"employments[{i}].end")
    country_raw = raw.get("country") or "SE"
    country = _COUNTRY_CODES.get(country_raw) if type(country_raw) is str else None
    if country is None:
        raise InputError(f"employments[{i}].country must be a two-letter country code (ISO 3166), e.g. SE",
                         f"employments[{i}].country")
    name = raw.get("employer")
    if name is not None:
        name = (name.strip() or None) if type(name) is str else _text(name, f"employments[{i}].employer")
    # The application's role_exclusion describes the employment at the application's employer;
    # a matching employment without its own value inherits it.
    if "role_exclusion" in raw:
        role = _role_exclusion(raw["role_exclusion"], f"employments[{i}].role_exclusion")
    elif employer_key is not None and name is not None and name.casefold() == employer_key:
        role = application_role
    else:
        role = "none"
    hours = raw.get("hours_per_week")
    if hours is not None:
        if not ((type(hours) is int or type(hours) is float) and 0 <= hours <= MAX_HOURS_PER_WEEK):
            _number(hours, f"employments[{i}].hours_per_week", 0, MAX_HOURS_PER_WEEK)
        hours = round(hours * 100)
    income = raw.get("monthly_income_sek")
    if income is not None:
        if not ((type(income) is int or type(income) is float) and 0 <= income <= MAX_MONTHLY_INCOME_SEK):
            _number(income, f"employments[{i}].monthly_income_sek", 0, MAX_MONTHLY_INCOME_SEK)
        income = round(income * 100)
    return Employment(i, name, start, end, hours, income, country, role)


def _parse_period(raw: Any, i: int, ignored: list[str]) -> SkippablePeriod:
    where = f"skippable_periods[{i}]"
    item = _obj(raw, where)
    _extra(item, PERIOD_KEYS, f"{where}.", ignored)
    for required in ("type", "start"):
        if required not in item:
            raise InputError(f"{where}.{required} is required", f"{where}.{required}")
    start = _date(item["start"], f"{where}.start")
    end = _optional_date(item.get("end"), f"{where}.end")
    assert start is not None
    if end is not None and end < start:
        raise InputError(f"{where}.end is before {where}.start", f"{where}.end")
    return SkippablePeriod(i, _choice(item["type"], f"{where}.type", SKIPPABLE_TYPES), start, end)
