"""The Swedish explanation a person reads, built from a decision dict (so a stored decision
can be explained again exactly as the person saw it)."""
from __future__ import annotations

import re
from typing import Any

from .texts_sv import EXPLAIN, MISSING_QUESTIONS, SERVICE_NAMES

_INDEX = re.compile(r"\[\d+\]")


def question_for(field: str) -> str:
    return MISSING_QUESTIONS.get(_INDEX.sub("", field), field)


def explain(decision: dict[str, Any]) -> str:
    org = decision["organisation"]
    services = decision["services"]
    lines = [EXPLAIN["heading"], ""]
    if org["code"] == "ooo":
        self_employed = any(reason.get("detail") == "SELF_EMPLOYED"
                            for result in services.values() for reason in result.get("reasons", []))
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
        for key in by_status["needs_more_information"]:
            unknown = [r["text_sv"] for r in services[key]["reasons"] if r["outcome"] == "unknown"]
            lines.append(f"- {SERVICE_NAMES[key]}: {' '.join(_unique(unknown))}")
    if by_status["not_eligible"]:
        lines += ["", EXPLAIN["not_eligible_heading"]]
        for key in by_status["not_eligible"]:
            failed = [r["text_sv"] for r in services[key]["reasons"] if r["outcome"] == "not_met"]
            lines.append(f"- {SERVICE_NAMES[key]}: {' '.join(_unique(failed))}")
    if not by_status["eligible"] and not by_status["needs_more_information"]:
        lines += ["", EXPLAIN["no_service"]]
    if decision["missing_information"]:
        lines += ["", EXPLAIN["missing_heading"]]
        lines += [f"- {q}" for q in _unique([question_for(f) for f in decision["missing_information"]])]
    lines += ["", EXPLAIN["next_heading"], org["next_step_sv"], "", EXPLAIN["footer"]]
    return "\n".join(lines)


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
