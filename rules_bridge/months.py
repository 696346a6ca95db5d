"""Calendar-month arithmetic. A month is an int: year * 12 + (month - 1)."""
from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_of(day: date) -> int:
    return day.year * 12 + day.month - 1


def first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def last_day(month: int) -> date:
    year, mon = month // 12, month % 12 + 1
    return date(year, mon, calendar.monthrange(year, mon)[1])


def days_in(month: int) -> int:
    return calendar.monthrange(month // 12, month % 12 + 1)[1]


def label(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


class _Labels(dict):
    """month → "YYYY-MM", filled on first use: every decision labels about 30 months."""

    def __missing__(self, month: int) -> str:
        found = self[month] = label(month)
        return found


LABELS = _Labels()


def year_of(month: int) -> int:
    return month // 12


_INFO: dict[int, tuple[int, int, int, str]] = {}


def info(month: int) -> tuple[int, int, int, str]:
    """(first day ordinal, last day ordinal, days, label), cached: the work test asks for
    the same months in every decision."""
    found = _INFO.get(month)
    if found is None:
        first = first_day(month).toordinal()
        days = days_in(month)
        found = _INFO[month] = (first, first + days - 1, days, label(month))
    return found


def overlap_days(start: date, end: date | None, month: int) -> int:
    """Days of [start, end] (end None = ongoing) that fall inside the month."""
    lo = max(start, first_day(month))
    hi = last_day(month) if end is None else min(end, last_day(month))
    return (hi - lo).days + 1 if hi >= lo else 0


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    total = month_of(day) + months
    year, mon = total // 12, total % 12 + 1
    return date(year, mon, min(day.day, calendar.monthrange(year, mon)[1]))


def birthday_in_year(birth: date, year: int) -> date:
    """The birthday in a given year. Choice: someone born on 29 February has their birthday
    on 1 March in years that are not leap years (the day after 28 February)."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28) + timedelta(days=1)
    return date(year, birth.month, birth.day)


def age_on(birth: date, when: date) -> int:
    years = when.year - birth.year
    return years if when >= birthday_in_year(birth, when.year) else years - 1
