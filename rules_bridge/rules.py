"""The named rules. Each rule has an id, a reason code, its legal reference, the services it
belongs to and the details it can report; its Swedish text lives in texts_sv.REASONS.

Every rule is evaluated for every decision (no first-failure shortcut) and returns a Finding:
met / not_met / unknown, a detail code, values for the text, and the input fields that would
settle an `unknown`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple

from . import months as m
from .model import Application, Employer
from .params import PARAMETERS
from .texts_sv import ORGANISATIONS, date_sv, month_sv, sek_sv
from .work import MET, NOT_MET, UNKNOWN, WorkResult, evaluate_work

RADGIVNING, FORSTARKT, VAGLEDNING, YTTRANDE = "radgivning", "forstarkt_stod", "vagledning", "yttrande_csn"
SERVICES = (RADGIVNING, FORSTARKT, VAGLEDNING, YTTRANDE)

LAW = "Lag (2022:850) om grundläggande omställnings- och kompetensstöd"
PROP = "prop. 2021/22:176"


class Finding(NamedTuple):
    """A NamedTuple, not a dataclass: eleven are made per decision, and a tuple is the
    cheapest immutable record."""
    outcome: str
    detail: str
    values: Mapping[str, Any] = MappingProxyType({})
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    legal_reference: str
    services: tuple[str, ...]
    details: dict[str, tuple[str, ...]]  # outcome → details this rule may report
    check: Callable[["Context"], Finding]  # engine.py refuses a finding not in `details`


class Context:
    """What the rules share: the parsed input, the routing and the (lazily computed) work test."""

    def __init__(self, app: Application):
        self.app = app
        self._work: WorkResult | None = None
        self.organisation = route(app)
        self.params = PARAMETERS.as_of(app.application_date)

    @property
    def work(self) -> WorkResult:
        if self._work is None:
            self._work = evaluate_work(self.app)
        return self._work


RULES: list[Rule] = []


def rule(id: str, code: str, reference: str, services: tuple[str, ...],
         details: dict[str, tuple[str, ...]]):
    def register(fn: Callable[[Context], Finding]) -> Callable[[Context], Finding]:
        RULES.append(Rule(id, code, reference, services, details, fn))
        return fn
    return register


# --- routing (eligibility.md section 4) ------------------------------------------------------

def route(app: Application) -> str:
    """Which organisation covers the person.

    Choice: an employer that finances a registered transition organisation is routed like one
    with a collective agreement (the registered organisations are the same ones).
    """
    employer = app.employer
    if employer is None:
        return "ooo" if app.situation == "self_employed" else "unknown"
    covered_elsewhere = employer.collective_agreement == "yes" or employer.finances_registered_organisation == "yes"
    if employer.collective_agreement == "no" and not covered_elsewhere:
        return "ooo"
    if employer.collective_agreement == "unknown" and not covered_elsewhere:
        return "unknown"
    return _by_sector(employer)


def route_if_agreement(app: Application) -> str | None:
    """While the person does not know about a collective agreement: the organisation their
    employer's sector points to should there be one, so the advice can name both ways."""
    employer = app.employer
    if employer is None or employer.collective_agreement != "unknown" or employer.finances_registered_organisation == "yes":
        return None
    code = _by_sector(employer)
    return None if code == "unknown" else code


def _by_sector(employer: Employer) -> str:
    if employer.sector in ("municipality", "region"):
        return "omstallningsfonden"
    if employer.sector == "state":
        return "trygghetsstiftelsen"
    if employer.sector == "private":
        return {"white_collar": "trr", "blue_collar": "tsl"}.get(employer.worker_category or "", "unknown")
    return "unknown"


def _org_values(ctx: Context) -> tuple[str, dict[str, Any]]:
    if ctx.organisation in ("ooo", "unknown"):
        return "_UNKNOWN_ORG", {}
    return "", {"org_name": ORGANISATIONS[ctx.organisation]["name_sv"]}


def _employer_finding(ctx: Context) -> Finding | None:
    """The shared employer test; None when the employer is covered by OOO."""
    employer = ctx.app.employer
    if employer is None:
        return Finding(NOT_MET, "NO_EMPLOYER")
    if employer.operates_in_sweden is False:
        return Finding(NOT_MET, "NOT_IN_SWEDEN")
    if employer.collective_agreement == "yes":
        suffix, values = _org_values(ctx)
        return Finding(NOT_MET, "COLLECTIVE_AGREEMENT" + suffix, values)
    if employer.finances_registered_organisation == "yes":
        return Finding(NOT_MET, "FINANCES_ORGANISATION")
    if employer.collective_agreement == "unknown":
        return Finding(UNKNOWN, "AGREEMENT_UNKNOWN", missing=("employer.collective_agreement",))
    if employer.operates_in_sweden is None:
        return Finding(UNKNOWN, "OPERATES_UNKNOWN", missing=("employer.operates_in_sweden",))
    return None


# --- the rules ------------------------------------------------------------------------------

@rule("employer_without_agreement", "EMPLOYER",
      f"{LAW} (villkor för arbetsgivaren); nysteget.se, Om vårt uppdrag (seed 003)",
      (RADGIVNING, FORSTARKT, VAGLEDNING),
      {MET: ("NO_AGREEMENT",),
       NOT_MET: ("COLLECTIVE_AGREEMENT", "COLLECTIVE_AGREEMENT_UNKNOWN_ORG", "FINANCES_ORGANISATION",
                 "NOT_IN_SWEDEN", "NO_EMPLOYER"),
       UNKNOWN: ("AGREEMENT_UNKNOWN", "OPERATES_UNKNOWN")})
def employer_without_agreement(ctx: Context) -> Finding:
    return _employer_finding(ctx) or Finding(MET, "NO_AGREEMENT")


@rule("situation_terminated", "SITUATION", f"{LAW} 6 § första stycket 1 och andra stycket",
      (RADGIVNING, FORSTARKT),
      {MET: ("SHORTAGE_OF_WORK", "ILLNESS", "FIXED_TERM_ENDED"),
       NOT_MET: ("EMPLOYEE_INITIATIVE", "OWN_RESIGNATION", "OTHER_REASON", "STILL_EMPLOYED",
                 "SELF_EMPLOYED", "OTHER_SITUATION"),
       UNKNOWN: ("REASON_UNKNOWN", "INITIATIVE_UNKNOWN")})
def situation_terminated(ctx: Context) -> Finding:
    app = ctx.app
    if app.situation == "employed":
        return Finding(NOT_MET, "STILL_EMPLOYED")
    if app.situation == "self_employed":
        return Finding(NOT_MET, "SELF_EMPLOYED")
    if app.situation == "other":
        return Finding(NOT_MET, "OTHER_SITUATION")
    term = app.termination
    if term is None or term.reason is None:
        return Finding(UNKNOWN, "REASON_UNKNOWN", missing=("termination.reason",))
    if term.reason == "shortage_of_work":
        # Lag 6 § andra stycket: arbetsbrist counts only on the employer's initiative.
        if term.initiated_by == "employer":
            return Finding(MET, "SHORTAGE_OF_WORK")
        if term.initiated_by == "employee":
            return Finding(NOT_MET, "EMPLOYEE_INITIATIVE")
        return Finding(UNKNOWN, "INITIATIVE_UNKNOWN", missing=("termination.initiated_by",))
    if term.reason == "illness":
        return Finding(MET, "ILLNESS")
    if term.reason == "fixed_term_ended":
        return Finding(MET, "FIXED_TERM_ENDED")
    if term.reason == "own_resignation":
        return Finding(NOT_MET, "OWN_RESIGNATION")
    return Finding(NOT_MET, "OTHER_REASON")


@rule("situation_employed", "SITUATION", f"{LAW} 6 § första stycket 2", (VAGLEDNING,),
      {MET: ("EMPLOYED",), NOT_MET: ("NOT_EMPLOYED", "NOT_EMPLOYED_OTHER_JOB", "SELF_EMPLOYED", "FIXED_TERM_ENDS")})
def situation_employed(ctx: Context) -> Finding:
    if ctx.app.situation == "employed":
        return Finding(MET, "EMPLOYED")
    if ctx.app.situation == "self_employed":
        return Finding(NOT_MET, "SELF_EMPLOYED")
    if other_jobs_ongoing(ctx.app):
        # "vikariatet tog slut, men jag har kvar ett extrajobb": the decision is about the job that
        # ends, said so, since "vägledning är för den som har en anställning" would read as wrong.
        return Finding(NOT_MET, "NOT_EMPLOYED_OTHER_JOB")
    if ctx.app.termination is not None and ctx.app.termination.reason == "fixed_term_ended":
        # Neither "uppsagd" nor over yet, perhaps: said as what it is.
        return Finding(NOT_MET, "FIXED_TERM_ENDS")
    return Finding(NOT_MET, "NOT_EMPLOYED")


def other_jobs_ongoing(app: Application) -> tuple[int, ...]:
    """Indexes of the employments after the first that go on (the first is the one that ends)."""
    return tuple(e.index for e in app.employments[1:] if e.end is None)


def termination_last_day(app: Application) -> date | None:
    """The last day of the employment the application is about.

    Choice: termination.last_day if given; otherwise taken from the employments at the
    application's employer (or all employments when no employer name matches): an ongoing one
    means the employment ends after the application (notice period), else the latest end.
    """
    if app.termination is not None and app.termination.last_day is not None:
        return app.termination.last_day
    name = app.employer.name.casefold() if app.employer and app.employer.name else None
    related = [e for e in app.employments if name and e.employer and e.employer.casefold() == name]
    candidates = related or list(app.employments)
    if not candidates:
        return None
    if any(e.end is None for e in candidates):
        return date.max
    return max(e.end for e in candidates if e.end is not None)


@rule("transition_date", "TRANSITION",
      "Övergångsbestämmelser till lag (2022:850): anställningen ska ha avslutats efter den 30 september 2022",
      (RADGIVNING, FORSTARKT),
      {MET: ("ENDS_AFTER_TRANSITION", "NOT_TERMINATED"), NOT_MET: ("ENDED_BEFORE_TRANSITION",),
       UNKNOWN: ("LAST_DAY_UNKNOWN",)})
def transition_date(ctx: Context) -> Finding:
    app = ctx.app
    if app.situation != "terminated":
        return Finding(MET, "NOT_TERMINATED")
    last = termination_last_day(app)
    if last is None:
        return Finding(UNKNOWN, "LAST_DAY_UNKNOWN", missing=("termination.last_day",))
    limit = ctx.params["transition_last_day"]
    if last <= limit:
        return Finding(NOT_MET, "ENDED_BEFORE_TRANSITION", {"last_day": date_sv(last.isoformat())})
    return Finding(MET, "ENDS_AFTER_TRANSITION")


@rule("role_not_excluded", "ROLE_EXCLUSION", f"{LAW} 6 § tredje stycket; {PROP} (seed 001, 5.1 p. 4)",
      (RADGIVNING, FORSTARKT, VAGLEDNING),
      {MET: ("NONE",), NOT_MET: ("CEO", "OWNER_THIRD", "FAMILY_OF_OWNER"), UNKNOWN: ("ROLE_UNKNOWN",)})
def role_not_excluded(ctx: Context) -> Finding:
    role = ctx.app.role_exclusion
    if role is None:
        return Finding(UNKNOWN, "ROLE_UNKNOWN", missing=("role_exclusion",))
    if role == "none":
        return Finding(MET, "NONE")
    return Finding(NOT_MET, role.upper())


def age_on_application(app: Application) -> int | None:
    if app.birth_date is not None:
        return m.age_on(app.birth_date, app.application_date)
    return app.age


@rule("age_under_65", "AGE", f"{PROP} (seed 001, 5.3): stöd lämnas inte till den som har fyllt 65 år",
      (RADGIVNING, FORSTARKT, VAGLEDNING),
      {MET: ("UNDER_LIMIT",), NOT_MET: ("TURNED_LIMIT",), UNKNOWN: ("AGE_UNKNOWN",)})
def age_under_65(ctx: Context) -> Finding:
    age = age_on_application(ctx.app)
    if age is None:
        return Finding(UNKNOWN, "AGE_UNKNOWN", missing=("birth_date",))
    limit = ctx.params["age_limit"]
    if age >= limit:
        return Finding(NOT_MET, "TURNED_LIMIT", {"age": age})
    return Finding(MET, "UNDER_LIMIT", {"age": age})


def _frame_sv(work: WorkResult) -> str:
    start, end = work.frame_start, work.frame_end
    return f"{month_sv(start // 12, start % 12 + 1)}–{month_sv(end // 12, end % 12 + 1)}"


@rule("work_requirement", "WORK_REQUIREMENT",
      f"{LAW} 9 § första stycket 1 och 2; förordning (2022:852) 3–4 §§; {PROP} (seed 001, 5.2)",
      (RADGIVNING, FORSTARKT, VAGLEDNING),
      {MET: ("ENOUGH_MONTHS",), NOT_MET: ("TOO_FEW_MONTHS",), UNKNOWN: ("UNKNOWN_MONTHS",)})
def work_requirement(ctx: Context) -> Finding:
    work = ctx.work
    counted = work.qualifying_months
    values: dict[str, Any] = {"qualifying": counted, "required": work.required_months, "frame_sv": _frame_sv(work),
                              # "ingen månad", not "0 månader"
                              "qualifying_sv": "ingen månad" if counted == 0 else
                              f"{counted} månad" if counted == 1 else f"{counted} månader"}
    if work.outcome == MET:
        return Finding(MET, "ENOUGH_MONTHS", values)
    if work.outcome == UNKNOWN:
        missing = tuple(f"employments[{i}].hours_per_week" for i in work.unknown_employments) + tuple(
            f"employments[{i}].role_exclusion" for i in work.uncertain_roles)
        return Finding(UNKNOWN, "UNKNOWN_MONTHS", {**values, "unknown": work.unknown_months}, missing)
    year = PARAMETERS.ibb_year_or_latest(work.frame_end // 12)
    threshold = PARAMETERS.income_threshold_ore(year, ctx.params["income_share_of_ibb"]) // 100
    short = work.required_months - work.qualifying_months
    return Finding(NOT_MET, "TOO_FEW_MONTHS", {
        **values, "missing": f"{short} månad" if short == 1 else f"{short} månader",
        "threshold_example": sek_sv(threshold), "threshold_year": year})


@rule("no_support_running", "PREVIOUS_SUPPORT", f"{PROP} (seed 001, 5.4 och 5.5)",
      (RADGIVNING, FORSTARKT, VAGLEDNING),
      {MET: ("NONE", "REQUALIFIED"), NOT_MET: ("STILL_RUNNING",)})
def no_support_running(ctx: Context) -> Finding:
    decided = ctx.app.previous_support_date
    if decided is None:
        return Finding(MET, "NONE")
    months = ctx.params["support_period_months"]
    until = m.add_months(decided, months)
    values = {"decision_date": date_sv(decided.isoformat()), "until": date_sv(until.isoformat()),
              "decision_month": month_sv(decided.year, decided.month)}
    # "Less than 12 months before the application date": still running strictly before `until`.
    if ctx.app.application_date < until:
        return Finding(NOT_MET, "STILL_RUNNING", values)
    return Finding(MET, "REQUALIFIED", values)


@rule("special_needs_illness", "SPECIAL_NEEDS", f"{LAW} 5 §; {PROP} (seed 001, 5.1 p. 5)",
      (FORSTARKT,),
      {MET: ("HAS_NEEDS",), NOT_MET: ("NO_NEEDS",), UNKNOWN: ("NEEDS_UNKNOWN",)})
def special_needs_illness(ctx: Context) -> Finding:
    needs = ctx.app.special_needs_illness
    if needs is None:
        return Finding(UNKNOWN, "NEEDS_UNKNOWN", missing=("special_needs_illness",))
    return Finding(MET, "HAS_NEEDS") if needs else Finding(NOT_MET, "NO_NEEDS")


@rule("yttrande_group", "YTTRANDE_GROUP",
      f"{LAW} 1 § 3; nysteget.se, Yttrande till CSN för omställningsstudiestöd (seed 003)",
      (YTTRANDE,),
      {MET: ("SELF_EMPLOYED", "NO_AGREEMENT_EMPLOYER"),
       NOT_MET: ("COLLECTIVE_AGREEMENT", "COLLECTIVE_AGREEMENT_UNKNOWN_ORG", "FINANCES_ORGANISATION",
                 "NOT_IN_SWEDEN", "OTHER_SITUATION"),
       UNKNOWN: ("AGREEMENT_UNKNOWN", "OPERATES_UNKNOWN")})
def yttrande_group(ctx: Context) -> Finding:
    """Choice: any termination reason counts as "uppsagd" here (the spec names the group, not
    the reason); OOO's work requirement does not apply, CSN tests its own."""
    app = ctx.app
    if app.situation == "self_employed":
        return Finding(MET, "SELF_EMPLOYED")
    if app.situation == "other":
        return Finding(NOT_MET, "OTHER_SITUATION")
    return _employer_finding(ctx) or Finding(MET, "NO_AGREEMENT_EMPLOYER")


def _either_year(first: int, second: int) -> str:
    return f"{first} för dig" if first == second else f"{first} eller {second} för dig, beroende på när du fyller år"


@rule("csn_age_window", "CSN_AGE_WINDOW",
      "Lag (2022:856) om omställningsstudiestöd 8 §; CSN:s åldersgränser (vägledande)",
      (YTTRANDE,),
      {MET: ("IN_WINDOW",), NOT_MET: ("TOO_YOUNG", "TOO_OLD"), UNKNOWN: ("AGE_UNKNOWN", "BIRTH_YEAR_UNKNOWN")})
def csn_age_window(ctx: Context) -> Finding:
    app = ctx.app
    window = ctx.params["csn_age_window"]
    first, last = window["first_year_turns"], window["last_year_turns"]
    year = app.application_date.year
    if app.birth_date is not None:
        birth_years = {app.birth_date.year}
    elif app.age is not None:
        # Born this many years ago, before or after this year's birthday: two possible years.
        birth_years = {year - app.age, year - app.age - 1}
    else:
        return Finding(UNKNOWN, "AGE_UNKNOWN", {"last_turns": last}, ("birth_date",))
    verdicts = {("TOO_YOUNG" if year < b + first else "TOO_OLD" if year > b + last else "IN_WINDOW")
                for b in birth_years}
    if len(verdicts) > 1:
        # The age is known but lies at an edge of the window: the birth year decides.
        return Finding(UNKNOWN, "BIRTH_YEAR_UNKNOWN", {"last_turns": last, "age": app.age}, ("birth_date",))
    verdict = verdicts.pop()
    b = min(birth_years)
    values = {"last_turns": last, "first_year": b + first, "last_year": b + last,
              # Known from the age alone, the birth year is one of two: both years are said.
              "first_year_sv": _either_year(b + first, max(birth_years) + first),
              "last_year_sv": _either_year(b + last, max(birth_years) + last)}
    return Finding(MET if verdict == "IN_WINDOW" else NOT_MET, verdict, values)
