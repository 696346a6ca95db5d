"""The Swedish explanation a person reads, built from a decision dict (so a stored decision
can be explained again exactly as the person saw it)."""
from __future__ import annotations

import re
from typing import Any

from .texts_sv import EXPLAIN, MISSING_QUESTIONS, SERVICE_NAMES, month_sv

_INDEX = re.compile(r"\[\d+\]")


def question_for(field: str) -> str:
    return MISSING_QUESTIONS.get(_INDEX.sub("", field), field)


def explain(decision: dict[str, Any]) -> str:
    org = decision["organisation"]
    services = decision["services"]
    lines = [EXPLAIN["heading"], ""]
    self_employed = any(reason.get("detail") == "SELF_EMPLOYED"
                        for result in services.values() for reason in result.get("reasons", []))
    if org["code"] == "ooo":
        lines.append(EXPLAIN["intro_ooo_self_employed" if self_employed else "intro_ooo"])
    elif org["code"] == "unknown":
        lines.append(EXPLAIN["intro_unknown"])
    else:
        lines.append(EXPLAIN["intro_other"].format(org_name=org["name_sv"]))
        lines += ["", EXPLAIN["next_heading"], org["next_step_sv"], "",
                  EXPLAIN["footer_other"].format(org_name=org["name_sv"])]
        return "\n".join(lines)

    by_status: dict[str, list[str]] = {"eligible": [], "needs_more_information": [], "not_eligible": []}
    for key, result in services.items():
        by_status[result["status"]].append(key)

    if by_status["eligible"]:
        lines += ["", EXPLAIN["eligible_heading"]]
        for key in by_status["eligible"]:
            lines.append(f"- {SERVICE_NAMES[key]}.")
    if by_status["needs_more_information"]:
        lines += ["", EXPLAIN["more_info_heading"]]
        unsure: dict[tuple[str, ...], list[str]] = {}
        for key in by_status["needs_more_information"]:
            unknown = [r["text_sv"] for r in services[key]["reasons"] if r["outcome"] == "unknown"]
            unsure.setdefault(tuple(_unique(unknown)), []).append(key)
        for texts, keys in unsure.items():
            lines.append(f"- {_service_names(keys)}: {' '.join(texts)}")
    if by_status["not_eligible"]:
        lines += ["", EXPLAIN["not_eligible_heading"]]
        # Services with the same reasons are one line, not the same sentences three times.
        groups: dict[tuple[str, ...], list[str]] = {}
        decisive = {key: _decisive_reasons(services[key]["reasons"]) for key in by_status["not_eligible"]}
        if "radgivning" in decisive and "forstarkt_stod" in decisive:
            # Förstärkt stöd is rådgivning and more: its shared reasons are not said twice.
            shared = set(decisive["radgivning"])
            extra = tuple(t for t in decisive["forstarkt_stod"] if t not in shared)
            if extra and len(extra) < len(decisive["forstarkt_stod"]):
                decisive["forstarkt_stod"] = (EXPLAIN["as_radgivning"], *extra)
        for key, texts in decisive.items():
            groups.setdefault(texts, []).append(key)
        for texts, keys in groups.items():
            lines.append(f"- {_service_names(keys)}: {' '.join(texts)}")
    none = not by_status["eligible"] and not by_status["needs_more_information"]
    if none:
        lines += ["", EXPLAIN["no_service"]]  # and its own next step below
    if decision["missing_information"]:
        lines += ["", EXPLAIN["missing_heading"]]
        lines += [f"- {q}" for q in _unique([question_for(f) for f in decision["missing_information"]])]
    # For the self-employed the work requirement decides nothing (CSN checks its own) and no
    # employments were given: "du har 0 månader" would only mislead.
    work = work_sentence(decision)
    if work and org["code"] == "ooo" and not self_employed:
        lines += ["", work]
    next_step = EXPLAIN["next_no_service"] if none and org["code"] == "ooo" else org["next_step_sv"]
    lines += ["", EXPLAIN["next_heading"], next_step, "", EXPLAIN["footer"]]
    return "\n".join(lines)


def work_sentence(decision: dict[str, Any]) -> str | None:
    """The work requirement in words: how many months are needed in which period, and how many
    the answers give."""
    work = decision.get("work_requirement") or {}
    if "qualifying_months" not in work:
        return None
    got, need = work["qualifying_months"], work["required_months"]
    period = f"{_month(work['frame_start'])}–{_month(work['frame_end'])}"
    text = EXPLAIN["work"].format(verdict=EXPLAIN["work_met" if got >= need else "work_not_met"],
                                  need=need, period=period, got=got or EXPLAIN["work_none"])
    skipped = len(work.get("skipped_months") or [])
    if skipped:
        text += EXPLAIN["work_skipped_one"] if skipped == 1 else EXPLAIN["work_skipped"].format(count=skipped)
    if work.get("unknown_months"):
        text += EXPLAIN["work_unknown"].format(count=work["unknown_months"])
    return text


def _month(label: str) -> str:
    """'2024-11' → 'november 2024'."""
    year, month = (int(part) for part in label.split("-")[:2])
    return month_sv(year, month)


def _decisive_reasons(reasons: list[dict[str, Any]]) -> tuple[str, ...]:
    """Why a service cannot be had. A service that is not for the person's situation at all
    ("Rådgivning är för dig som blir uppsagd") needs no other reason: neither the work
    requirement nor the employer would change that."""
    failed = [r for r in reasons if r["outcome"] == "not_met"]
    situation = [r for r in failed if r.get("code") == "SITUATION"]
    return tuple(_unique([r["text_sv"] for r in situation or failed]))


def _service_names(keys: list[str]) -> str:
    names = [SERVICE_NAMES[keys[0]]] + [SERVICE_NAMES[k][:1].lower() + SERVICE_NAMES[k][1:] for k in keys[1:]]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
