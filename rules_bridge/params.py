"""Dated parameters, read from parameters.json.

Values are looked up "as of" a date. A date before a parameter's first value, or a year
without an inkomstbasbelopp, raises NotCovered: the engine never falls back silently.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

# Through the package, not __file__: a module compiled by mypyc has no __file__.
PARAMETERS_FILE = Path(str(resources.files("rules_bridge") / "parameters.json"))


class NotCovered(LookupError):
    """A parameter has no value for the date or year asked for."""

    def __init__(self, message: str, parameter: str):
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    reference: str
    values: tuple[tuple[date, Any], ...]  # sorted by date

    def at(self, when: date) -> Any:
        found = None
        for start, value in self.values:
            if start <= when:
                found = (value,)
            else:
                break
        if found is None:
            raise NotCovered(
                f"parameter {self.name!r} has no value for {when.isoformat()} "
                f"(first value from {self.values[0][0].isoformat()})",
                self.name,
            )
        return found[0]


class Parameters:
    def __init__(self, raw: dict[str, Any]):
        self.rules_version: str = raw["rules_version"]
        self.by_name: dict[str, Parameter] = {}
        for name, spec in raw["parameters"].items():
            convert = _CONVERT.get(spec["unit"], _same)
            values = tuple(
                sorted((date.fromisoformat(v["from"]), convert(v["value"])) for v in spec["values"])
            )
            self.by_name[name] = Parameter(
                name, spec["description"], spec["unit"], spec["reference"], values
            )
        ibb = raw["inkomstbasbelopp"]
        self.ibb_reference: str = ibb["reference"]
        self.ibb: dict[int, int] = {int(y): int(v["value"]) for y, v in ibb["years"].items()}
        self.ibb_sources: dict[int, str] = {int(y): v["source"] for y, v in ibb["years"].items()}
        self._snapshots: dict[date, dict[str, Any]] = {}

    def at(self, name: str, when: date) -> Any:
        return self.by_name[name].at(when)

    def as_of(self, when: date) -> dict[str, Any]:
        """Every parameter's value on one date (raises NotCovered like `at`). Cached per date:
        a running service decides for the same few application dates all day."""
        found = self._snapshots.get(when)
        if found is None:
            if len(self._snapshots) > 4096:  # bounded; dates are few in practice
                self._snapshots.clear()
            found = {name: p.at(when) for name, p in self.by_name.items()}
            # Derived, for the work test's hot loop: the monthly income threshold of every
            # covered year at this date's share.
            share = found["income_share_of_ibb"]
            found["income_threshold_ore_by_year"] = {
                year: self.income_threshold_ore(year, share) for year in self.ibb}
            self._snapshots[when] = found
        return found

    def covers_ibb(self, year: int) -> bool:
        return year in self.ibb

    def ibb_year_or_latest(self, year: int) -> int:
        """The year itself where its inkomstbasbelopp is known, else the latest known: for a
        threshold said as an example, never for a decision."""
        return year if year in self.ibb else max(self.ibb)

    def income_threshold_ore(self, year: int, share: Fraction) -> int:
        """Monthly income threshold in öre for a calendar year (share × IBB, whole öre)."""
        if year not in self.ibb:
            covered = f"{min(self.ibb)}–{max(self.ibb)}"
            raise NotCovered(
                f"no inkomstbasbelopp for {year} (covered years: {covered})", "inkomstbasbelopp"
            )
        value = self.ibb[year] * 100 * share
        return int(value)  # IBB × 25 % is a whole number of kronor for every covered year


def _same(value: Any) -> Any:
    return value


# Values are typed once at load, not on every use: shares are exact fractions ("1/4") and
# dates are dates.
_CONVERT = {"share": Fraction, "date": lambda v: date.fromisoformat(v) if isinstance(v, str) else v}


def _load() -> Parameters:
    with PARAMETERS_FILE.open(encoding="utf-8") as handle:
        return Parameters(json.load(handle))


PARAMETERS = _load()
