"""The work requirement (lag 2022:850 9 §; förordning 2022:852 3–4 §§), month by month.

Choices (eligibility.md 2.5), each marked where it is applied:
- Frame: the `frame_months` whole calendar months before the application month.
- A month qualifies by hours when Σ hours_per_week × days employed ÷ days in month ≥ 16,
  or by income when Σ monthly_income × days employed ÷ days in month ≥ 25 % of the IBB of
  that calendar year. The two are never mixed within one month.
- Skippable time: a month with at least one day of it that does not qualify by itself is
  left out, and the frame reaches one month further back for each (no cap).
- Requalification: with an earlier decision, only months after the decision's month count.
- Unknown months (an employment with neither hours nor income) are bounded: the outcome is
  `met` if it is met even with every unknown month failing, `not_met` if it fails even with
  every unknown month qualifying, otherwise `unknown`. The count is monotone in each month
  (a qualifying month is never skipped), so the bounds are exact.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from . import months as m
from .model import EEA_UK_CH, Application
from .params import PARAMETERS

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
_FAR = 10**6  # the month index of an ongoing employment's end
_MAX_ORDINAL = date.max.toordinal()  # the last day of an ongoing employment


@dataclass(slots=True)
class WorkResult:
    outcome: str
    qualifying_months: int
    unknown_months: int
    required_months: int
    frame_start: int
    frame_end: int
    months: list[dict]  # the output rows, newest first
    skipped: list[int]
    not_counted_abroad: tuple[int, ...]  # employment indexes outside the EEA/UK/CH
    excluded_roles: tuple[int, ...]  # employment indexes excluded by role
    unknown_employments: tuple[int, ...]  # employment indexes with neither hours nor income
    uncertain_roles: tuple[int, ...]  # employment indexes whose role exclusion is unknown

    def as_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "qualifying_months": self.qualifying_months,
            "unknown_months": self.unknown_months,
            "required_months": self.required_months,
            "frame_start": m.label(self.frame_start),
            "frame_end": m.label(self.frame_end),
            "skipped_months": [m.label(x) for x in self.skipped],
            "months": self.months,
        }


class _Span(NamedTuple):
    """An employment reduced to what the month test needs (ordinals, exact integers). A tuple
    so the hot loop can unpack it in one step."""
    start: int  # first day, ordinal
    end: int  # last day, ordinal (date.max for an ongoing one)
    hours_x100: int | None
    income_ore: int | None
    sure: bool  # False when the role exclusion is unknown


class _Employments(NamedTuple):
    spans: list[_Span]  # the employments that may count
    starts: set[int]  # the months where a counting employment starts or ends, and the months before
    abroad: tuple[int, ...]
    excluded: tuple[int, ...]
    unknown: tuple[int, ...]
    uncertain: tuple[int, ...]


def _employments(app: Application) -> _Employments:
    """Sorts the employments in one pass. Work outside the EEA/UK/CH never counts; Choice
    (2.3): an employment in an excluded role never counts. One whose role is unknown is kept:
    its months are uncertain (see _evaluate_month), not failed."""
    spans: list[_Span] = []
    starts: set[int] = set()
    abroad, excluded, unknown, uncertain = [], [], [], []
    max_ordinal = _MAX_ORDINAL
    for e in app.employments:
        if e.country not in EEA_UK_CH:
            abroad.append(e.index)
            continue
        role = e.role_exclusion
        if role is not None and role != "none":
            excluded.append(e.index)
            continue
        if role is None:
            uncertain.append(e.index)
        hours, income = e.hours_x100, e.income_ore
        if hours is None and income is None:
            unknown.append(e.index)
        start, end = e.start, e.end
        spans.append(_Span(start.toordinal(), max_ordinal if end is None else end.toordinal(),
                           hours, income, role is not None))
        first_m, last_m = m.month_of(start), _FAR if end is None else m.month_of(end)
        starts.update((first_m - 1, first_m, last_m - 1, last_m))
    return _Employments(spans, starts, tuple(abroad), tuple(excluded), tuple(unknown), tuple(uncertain))


def _evaluate_month(month: int, spans: list[_Span], hours_x100_threshold: int,
                    thresholds: dict[int, int], share: Fraction) -> tuple:
    """One month's figures for its output row, in two readings: `sure` counts only what is
    certain to count; `maybe` adds employments whose role is unknown. An employment with
    neither hours nor income could make any month qualify, so a month short of the threshold
    with one is unknown (qualifies: None).

    This is the hot path of every decision, hence the plain integer arithmetic and no helper
    calls per employment."""
    first, last, days, _ = m.info(month)
    hours_sure = hours_maybe = income_sure = income_maybe = 0
    any_income = no_data = False
    for s_start, s_end, hours, income, sure in spans:
        if s_start > last or s_end < first:
            continue
        d = (s_end if s_end < last else last) - (s_start if s_start > first else first) + 1
        if hours is not None:
            hours_maybe += hours * d
            if sure:
                hours_sure += hours * d
        if income is not None:
            income_maybe += income * d
            if sure:
                income_sure += income * d
            any_income = True
        elif hours is None:
            no_data = True
    year = month // 12
    threshold = thresholds.get(year)
    if threshold is None and any_income:
        PARAMETERS.income_threshold_ore(year, share)  # raises NotCovered: no IBB for that year
    hours_limit = hours_x100_threshold * days
    if hours_sure >= hours_limit:
        qualifies, via = True, "hours"
    elif any_income and income_sure >= threshold * days:  # type: ignore[operator]
        qualifies, via = True, "income"
    elif no_data or hours_maybe >= hours_limit or (any_income and income_maybe >= threshold * days):  # type: ignore[operator]
        qualifies, via = None, None
    else:
        qualifies, via = False, None
    # avg_hours_per_week, income_sek, income_threshold_sek, qualifies, via
    return (_per_day(hours_maybe, days), _per_day(income_maybe, days) if any_income else None,
            None if threshold is None else threshold / 100, qualifies, via)


def _per_day(total_x100_days: int, days: int) -> float:
    """Σ value×100×days ÷ days ÷ 100, to two decimals. A whole-month employment divides
    evenly, and n/100 is already the nearest float to two decimals, so round() is only
    needed for partial months."""
    whole, rest = divmod(total_x100_days, days)
    return whole / 100 if not rest else round(total_x100_days / days / 100, 2)


def _skippable_ranges(app: Application, application_month: int) -> list[tuple[int, int]]:
    """(first, last) month of each skippable period, cut at the month before the application."""
    ranges = []
    for period in app.skippable_periods:
        last = m.month_of(period.end) if period.end is not None else application_month - 1
        ranges.append((m.month_of(period.start), min(last, application_month - 1)))
    return ranges


def evaluate_work(app: Application) -> WorkResult:
    when = app.application_date
    params = PARAMETERS.as_of(when)
    required = params["required_months"]
    frame_len = params["frame_months"]
    hours_x100_threshold = params["hours_per_week"] * 100
    share = params["income_share_of_ibb"]
    thresholds = params["income_threshold_ore_by_year"]

    application_month = m.month_of(when)
    frame_end = application_month - 1
    boundary = m.month_of(app.previous_support_date) if app.previous_support_date else None
    employments = _employments(app)
    spans = employments.spans
    skippable = _skippable_ranges(app, application_month)

    # The months walked back fall into runs that share everything a row shows but its label:
    # a full month's figures do not depend on its length (Σ hours × days ÷ days), so a month
    # whose employments are the same as the month after it, all covering it fully, repeats
    # that month's figures, and so does its skippability. A run ends below any month that may
    # differ from the month after it: where an employment starts or ends (the month itself
    # and the one before, walking back), at each year change (the IBB) and at the edges of
    # skippable time. A typical history has a handful of runs; each is computed once and its
    # rows are made in one go. test_properties checks this against a plain month-by-month walk.
    floor = boundary if boundary is not None else -1  # months at or below it never count
    starts = employments.starts  # months whose row may differ from the next month's
    starts.add(floor)
    for first_m, last_m in skippable:
        starts.update((first_m - 1, last_m))
    run_starts = sorted(starts, reverse=True)
    next_start = 0  # index into run_starts of the first start below the current month

    rows: list[dict] = []
    runs: list[tuple[bool | None, bool, int]] = []  # (qualifies, skipped, months) per run
    skipped_months: list[int] = []
    counted = pessimistic = unknown_count = 0
    month = frame_end
    labels = m.LABELS
    # Walk back once, skipping what may be skipped, in the pessimistic reading (unknown months
    # fail). The optimistic reading can only skip fewer months, so it is computed on the walk.
    while counted < frame_len and month > floor:
        hours, income, threshold, qualifies, via = _evaluate_month(
            month, spans, hours_x100_threshold, thresholds, share)
        # Skippable and not qualifying by itself (unknown counts as not qualifying here).
        skipped = False
        if qualifies is not True:
            for first_m, last_m in skippable:
                if first_m <= month <= last_m:
                    skipped = True
                    break
        # The run reaches down to just above the next run start or to January (the IBB).
        while run_starts[next_start] >= month:
            next_start += 1
        lowest = run_starts[next_start] + 1
        if lowest < month - month % 12:
            lowest = month - month % 12
        length = month - lowest + 1
        if skipped:
            skipped_months.extend(range(month, lowest - 1, -1))
        else:
            if length > frame_len - counted:
                length = frame_len - counted
            counted += length
            if qualifies:
                pessimistic += length  # a qualifying month is never skipped
            elif qualifies is None:
                unknown_count += length
        # Copying a filled-in row is about twice as fast as writing out a new dict.
        template = {"month": "", "avg_hours_per_week": hours, "income_sek": income,
                    "income_threshold_sek": threshold, "qualifies": qualifies, "via": via,
                    "skipped": skipped}
        for x in range(month, month - length, -1):
            row = template.copy()
            row["month"] = labels[x]
            rows.append(row)
        runs.append((qualifies, skipped, length))
        month -= length

    if pessimistic >= required:
        outcome = MET
    elif _optimistic_count(runs, frame_len) < required:
        outcome = NOT_MET
    else:
        outcome = UNKNOWN
    frame_start = month + 1 if rows else frame_end
    return WorkResult(
        outcome=outcome, qualifying_months=pessimistic, unknown_months=unknown_count,
        required_months=required, frame_start=frame_start, frame_end=frame_end,
        months=rows, skipped=skipped_months,
        not_counted_abroad=employments.abroad, excluded_roles=employments.excluded,
        unknown_employments=employments.unknown, uncertain_roles=employments.uncertain,
    )


def _optimistic_count(runs: list[tuple[bool | None, bool, int]], frame_len: int) -> int:
    """Qualifying months if every unknown month qualified: unknown months are then not
    skipped, so the frame may end sooner (the walk above reached at least as far back)."""
    count = taken = 0
    for qualifies, skipped, length in runs:
        room = frame_len - taken
        if room <= 0:
            break
        if qualifies is None:
            take = min(length, room)
            count += take
            taken += take
        elif not skipped:
            take = min(length, room)
            taken += take
            if qualifies:
                count += take
    return count
