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


def _evaluate_month(month: int, spans: list[_Span], skippable: bool,
                    hours_x100_threshold: int, share: Fraction) -> dict:
    """One month as an output row, in two readings: `sure` counts only what is certain to
    count; `maybe` adds employments whose role is unknown. An employment with neither hours
    nor income could make any month qualify, so a month short of the threshold with one is
    unknown (qualifies: None)."""
    first, last, days, label = m.info(month)
    hours_sure = hours_maybe = income_sure = income_maybe = 0
    any_income = no_data = False
    for span in spans:
        if span.start > last or span.end < first:
            continue
        d = min(span.end, last) - max(span.start, first) + 1
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
    threshold = (PARAMETERS.income_threshold_ore(year, share)
                 if any_income or PARAMETERS.covers_ibb(year) else None)  # raises when not covered
    hours_limit = hours_x100_threshold * days
    income_limit = threshold * days if any_income else 0  # type: ignore[operator]
    if hours_sure >= hours_limit:
        qualifies, via = True, "hours"
    elif any_income and income_sure >= income_limit:
        qualifies, via = True, "income"
    elif no_data or hours_maybe >= hours_limit or (any_income and income_maybe >= income_limit):
        qualifies, via = None, None
    else:
        qualifies, via = False, None
    return {
        "month": label,
        "avg_hours_per_week": round(hours_maybe / days / 100, 2),
        "income_sek": round(income_maybe / days / 100, 2) if any_income else None,
        "income_threshold_sek": None if threshold is None else threshold / 100,
        "qualifies": qualifies,
        "via": via,
        # Skippable and not qualifying by itself (unknown counts as not qualifying here).
        "skipped": skippable and qualifies is not True,
    }


def evaluate_work(app: Application) -> WorkResult:
    when = app.application_date
    required = PARAMETERS.at("required_months", when)
    frame_len = PARAMETERS.at("frame_months", when)
    hours_x100_threshold = PARAMETERS.at("hours_per_week", when) * 100
    share = Fraction(PARAMETERS.at("income_share_of_ibb", when))

    application_month = m.month_of(when)
    frame_end = application_month - 1
    boundary = m.month_of(app.previous_support_date) if app.previous_support_date else None
    counting, abroad, excluded = _counting(app)
    unknown_emps = tuple(e.index for e in counting if e.hours_x100 is None and e.income_ore is None)
    skippable_months = _skippable_months(app, application_month)

    spans = [_Span(e.start_ord, e.end_ord, e.hours_x100, e.income_ore, e.role_exclusion is not None)
             for e in counting]
    evaluated: list[dict] = []
    skipped_months: list[int] = []
    counted = 0
    month = frame_end
    # Walk back once, skipping what may be skipped, in the pessimistic reading (unknown months
    # fail). The optimistic reading can only skip fewer months, so it is computed on the walk.
    while counted < frame_len and (boundary is None or month > boundary):
        row = _evaluate_month(month, spans, month in skippable_months, hours_x100_threshold, share)
        counted += not row["skipped"]
        evaluated.append(row)
        if row["skipped"]:
            skipped_months.append(month)
        month -= 1

    pessimistic = sum(1 for r in evaluated if r["qualifies"] is True)  # never skipped
    optimistic = _optimistic_count(evaluated, frame_len)
    unknown_count = sum(1 for r in evaluated if not r["skipped"] and r["qualifies"] is None)
    if pessimistic >= required:
        outcome = MET
    elif optimistic < required:
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
