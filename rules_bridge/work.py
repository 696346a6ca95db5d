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
from fractions import Fraction

from . import months as m
from .model import Application, Employment
from .params import PARAMETERS

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
_FAR = 10**6  # the month index of an ongoing employment's end


@dataclass
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


def _counting(app: Application) -> tuple[list[Employment], tuple[int, ...], tuple[int, ...]]:
    """Employments that may count. Work outside the EEA/UK/CH never counts; Choice (2.3): an
    employment in an excluded role never counts. One whose role is unknown is kept: its
    months are uncertain (see _evaluate_month), not failed."""
    counting, abroad, excluded = [], [], []
    for emp in app.employments:
        if not emp.country_counts:
            abroad.append(emp.index)
        elif emp.role_exclusion is not None and emp.role_exclusion != "none":
            excluded.append(emp.index)
        else:
            counting.append(emp)
    return counting, tuple(abroad), tuple(excluded)


def _skippable_months(app: Application, application_month: int) -> set[int]:
    result: set[int] = set()
    for period in app.skippable_periods:
        last = m.month_of(period.end) if period.end is not None else application_month - 1
        result.update(range(m.month_of(period.start), min(last, application_month - 1) + 1))
    return result


@dataclass(slots=True)
class _Span:
    """An employment reduced to what the month test needs (ordinals, exact integers)."""
    start: int
    end: int
    hours_x100: int | None
    income_ore: int | None
    sure: bool  # False when the role exclusion is unknown


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
    for span in spans:
        s_start, s_end = span.start, span.end
        if s_start > last or s_end < first:
            continue
        d = (s_end if s_end < last else last) - (s_start if s_start > first else first) + 1
        hours, income = span.hours_x100, span.income_ore
        if hours is not None:
            hours_maybe += hours * d
            if span.sure:
                hours_sure += hours * d
        if income is not None:
            income_maybe += income * d
            if span.sure:
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
    counting, abroad, excluded = _counting(app)
    unknown_emps = tuple(e.index for e in counting if e.hours_x100 is None and e.income_ore is None)
    skippable_months = _skippable_months(app, application_month)

    spans = [_Span(e.start_ord, e.end_ord, e.hours_x100, e.income_ore, e.role_exclusion is not None)
             for e in counting]
    # A full month's figures do not depend on its length (Σ hours × days ÷ days), so a month
    # whose employments are the same as the month after it, all covering it fully, repeats that
    # month's figures. Recompute only where an employment starts or ends (the month itself and
    # the one before, walking back) and at each year change (the IBB). A typical history has
    # few such months. test_properties checks this against computing every month afresh.
    changes: set[int] = set()
    for e in counting:
        first_m, last_m = m.month_of(e.start), m.month_of(e.end) if e.end is not None else _FAR
        changes.update((first_m - 1, first_m, last_m - 1, last_m))
    evaluated: list[dict] = []
    skipped_months: list[int] = []
    counted = pessimistic = unknown_count = 0
    month = frame_end
    figures: tuple | None = None
    labels = m.LABELS
    # Walk back once, skipping what may be skipped, in the pessimistic reading (unknown months
    # fail). The optimistic reading can only skip fewer months, so it is computed on the walk.
    while counted < frame_len and (boundary is None or month > boundary):
        if figures is None or month in changes or month % 12 == 11:
            figures = _evaluate_month(month, spans, hours_x100_threshold, thresholds, share)
        hours, income, threshold, qualifies, via = figures
        # Skippable and not qualifying by itself (unknown counts as not qualifying here).
        skipped = qualifies is not True and month in skippable_months
        evaluated.append({"month": labels[month], "avg_hours_per_week": hours, "income_sek": income,
                          "income_threshold_sek": threshold, "qualifies": qualifies, "via": via,
                          "skipped": skipped})
        if skipped:
            skipped_months.append(month)
        else:
            counted += 1
            if qualifies:
                pessimistic += 1  # a qualifying month is never skipped
            elif qualifies is None:
                unknown_count += 1
        month -= 1

    if pessimistic >= required:
        outcome = MET
    elif _optimistic_count(evaluated, frame_len) < required:
        outcome = NOT_MET
    else:
        outcome = UNKNOWN
    frame_start = month + 1 if evaluated else frame_end
    return WorkResult(
        outcome=outcome, qualifying_months=pessimistic, unknown_months=unknown_count,
        required_months=required, frame_start=frame_start, frame_end=frame_end,
        months=evaluated, skipped=skipped_months,
        not_counted_abroad=abroad, excluded_roles=excluded, unknown_employments=unknown_emps,
        uncertain_roles=tuple(e.index for e in counting if e.role_exclusion is None),
    )


def _optimistic_count(evaluated: list[dict], frame_len: int) -> int:
    """Qualifying months if every unknown month qualified: unknown months are then not
    skipped, so the frame may end sooner (the walk above reached at least as far back)."""
    count = taken = 0
    for r in evaluated:
        if taken >= frame_len:
            break
        qualifies = r["qualifies"]
        if qualifies is None:
            count += 1
            taken += 1
        elif r["skipped"]:
            continue
        else:
            taken += 1
            count += 1 if qualifies else 0
    return count
