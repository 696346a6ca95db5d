"""evaluate(dict) -> dict: the decision, exactly in the shape of eligibility.md section 5."""
from __future__ import annotations

from typing import Any, NamedTuple

from . import months as m
from .model import Application, InputError, parse
from .params import PARAMETERS, NotCovered
from .rules import RULES, SERVICES, Context, Finding, Rule, age_on_application, other_jobs_ongoing, route_if_agreement
from .texts_sv import (AGREEMENT_THEN_EMPLOYED_SV, AGREEMENT_THEN_SV, NEXT_STEP_AGREEMENT_UNKNOWN_SV,
                       NEXT_STEP_EMPLOYED_SV, ORGANISATIONS, REASONS, REMARKS, month_sv)
from .work import NOT_MET, UNKNOWN

STATUS_ELIGIBLE, STATUS_NOT_ELIGIBLE, STATUS_MORE_INFO = "eligible", "not_eligible", "needs_more_information"
# Per service: its bit, and the positions of its rules in RULES (reasons keep RULES' order).
_SERVICE_BITS = {s: 1 << i for i, s in enumerate(SERVICES)}
_SERVICE_PLAN = tuple((s, _SERVICE_BITS[s], tuple(i for i, r in enumerate(RULES) if s in r.services))
                      for s in SERVICES)


class _ReasonTemplate(NamedTuple):
    outcome: str
    row: dict[str, Any]  # the reason as the output shows it; text_sv final unless `fill`
    fill: bool  # the text has placeholders for the finding's values


def _templates(r: Rule) -> dict[str, _ReasonTemplate]:
    """detail → the rule's reason for it. Built once: codes, references and most texts never
    change, so a decision copies a finished dict instead of assembling one."""
    out: dict[str, _ReasonTemplate] = {}
    for outcome, details in r.details.items():
        for detail in details:
            if detail in out:  # the lookup is by detail alone
                raise AssertionError(f"rule {r.id}: detail {detail} declared under two outcomes")
            text = REASONS[f"{r.code}.{outcome}.{detail}"]
            row = {"code": r.code, "outcome": outcome, "rule": r.id, "detail": detail,
                   "legal_reference": r.legal_reference, "text_sv": text}
            out[detail] = _ReasonTemplate(outcome, row, "{" in text)
    return out


# (rule, its service bits, its reason templates), in RULES' order.
_PLAN = tuple((r, sum(_SERVICE_BITS[s] for s in r.services), _templates(r)) for r in RULES)


def evaluate(data: Any) -> dict[str, Any]:
    """Decide from the input dict. Raises InputError for malformed input or a date the
    parameters do not cover (its `field` says which)."""
    app = parse(data)
    try:
        PARAMETERS.as_of(app.application_date)  # every parameter covers the date, or NotCovered
        return _decide(app)
    except NotCovered as exc:
        field = "application_date" if exc.parameter != "inkomstbasbelopp" else "employments"
        raise InputError(f"not covered by rules {PARAMETERS.rules_version}: {exc}", field) from None


def _decide(app: Application) -> dict[str, Any]:
    ctx = Context(app)
    findings: dict[str, Finding] = {}
    reasons: list[dict[str, Any]] = []  # one per rule, shared by every service the rule is in
    not_met = unknown = 0  # bit sets of the services with a rule not met / unknown
    for r, bits, templates in _PLAN:  # every rule, always: no first-failure shortcut
        finding = r.check(ctx)
        template = templates.get(finding.detail)
        if template is None or template.outcome != finding.outcome:
            raise AssertionError(f"rule {r.id} gave undeclared {finding.outcome}/{finding.detail}")
        findings[r.id] = finding
        reason = template.row.copy()
        if template.fill:
            reason["text_sv"] = reason["text_sv"].format_map(finding.values)
        reasons.append(reason)
        if finding.outcome == NOT_MET:
            not_met |= bits
        elif finding.outcome == UNKNOWN:
            unknown |= bits

    services: dict[str, Any] = {}
    missing: list[str] = []
    for service, bit, positions in _SERVICE_PLAN:
        if not_met & bit:
            status = STATUS_NOT_ELIGIBLE
        elif unknown & bit:
            status = STATUS_MORE_INFO
            # Only what would settle this service is worth asking for.
            for i in positions:
                for fieldname in findings[RULES[i].id].missing:
                    if fieldname not in missing:
                        missing.append(fieldname)
        else:
            status = STATUS_ELIGIBLE
        services[service] = {"status": status, "reasons": [reasons[i] for i in positions]}

    org = ctx.organisation
    return {
        "rules_version": PARAMETERS.rules_version,
        "application_date": app.application_date.isoformat(),
        "organisation": _organisation(org, app),
        "services": services,
        "work_requirement": ctx.work.as_dict(),
        "missing_information": missing,
        "remarks": _remarks(ctx, findings),
    }


def _organisation(code: str, app: Application) -> dict[str, str]:
    texts = ORGANISATIONS[code]
    next_step = texts["next_step_sv"]
    if app.situation == "employed" and "contact_sv" in texts:
        next_step = NEXT_STEP_EMPLOYED_SV.format(contact=texts["contact_sv"])
    if code == "unknown" and (either := route_if_agreement(app)) is not None:
        then = AGREEMENT_THEN_EMPLOYED_SV if app.situation == "employed" else AGREEMENT_THEN_SV
        next_step = NEXT_STEP_AGREEMENT_UNKNOWN_SV.format(
            then=then.format(contact=ORGANISATIONS[either]["contact_sv"]))
    return {"code": code, "name_sv": texts["name_sv"], "next_step_sv": next_step}


def _names(app: Application, indexes: tuple[int, ...]) -> str:
    return ", ".join(app.employments[i].employer or f"anställning {i + 1}" for i in indexes)


def _remarks(ctx: Context, findings: dict[str, Finding]) -> list[dict[str, str]]:
    app, work = ctx.app, ctx.work
    out: list[tuple[str, dict[str, Any]]] = [("PRELIMINARY", {}), ("CSN_DECIDES", {})]
    employer = app.employer
    if employer is not None and employer.collective_agreement == "no" and employer.finances_registered_organisation == "unknown":
        out.append(("FINANCES_UNKNOWN", {}))
    if ctx.organisation == "unknown":
        out.append(("ROUTE_LOOKUP", {}))
    if app.previous_support_date is not None:
        d = app.previous_support_date
        values = {"decision_date": d.isoformat(), "decision_month": month_sv(d.year, d.month)}
        still_running = findings["no_support_running"].outcome == NOT_MET
        code = "SUPPORT_STILL_RUNNING" if still_running else "REQUALIFICATION"
        out.append((code, values))
    if work.skipped:
        out.append(("FRAME_EXTENDED", {"count": len(work.skipped),
                                       "months_sv": ", ".join(m.label(x) for x in sorted(work.skipped))}))
    if app.situation not in ("employed", "self_employed") and (ongoing := other_jobs_ongoing(app)):
        out.append(("OTHER_JOB_ONGOING", {"employers": _names(app, ongoing)}))
    if work.not_counted_abroad:
        out.append(("WORK_ABROAD_NOT_COUNTED", {"employers": _names(app, work.not_counted_abroad)}))
    if work.excluded_roles:
        out.append(("EMPLOYMENT_ROLE_EXCLUDED", {"employers": _names(app, work.excluded_roles)}))
    if work.unknown_employments:
        out.append(("PARTIAL_KNOWLEDGE", {"employers": _names(app, work.unknown_employments)}))
    if app.birth_date is not None and app.age is not None:
        computed = age_on_application(app)
        if computed != app.age:
            out.append(("AGE_MISMATCH", {"age": app.age, "computed_age": computed}))
    if app.situation == "employed":
        out.append(("EMPLOYED_PRIORITY", {}))
    if app.ignored_fields:
        out.append(("IGNORED_FIELDS", {"fields": ", ".join(app.ignored_fields)}))
    return [{"code": code, "text_sv": REMARKS[code].format(**values)} for code, values in out]
