"""What the advisor reads first: `summary_sv` and the draft handlings- och tidsplan.

Both are put together from the collected facts and the engine's decision only (nothing is
invented); the advisor edits the plan with the person (seed 001, 2.2: the plan is made together)."""
from __future__ import annotations

import re
from typing import Any, Mapping

from actions.forms import application_date
from actions.parsing import employer_shown
from actions.reflect import step_told
from rules_bridge.texts_sv import SERVICE_NAMES, date_sv

SITUATION_SV = {"employed": "Har en anställning och vill utvecklas eller byta.",
                "terminated": "Är uppsagd.", "terminated_illness": "Är uppsagd på grund av sjukdom.",
                "fixed_term_ended": "Visstidsanställningen tar slut.",
                "self_employed": "Är egenföretagare.", "other": "Annan situation."}
# The notice not given yet: the support for the terminated can start only with it.
NOTICE_PENDING_SV = {"coming": "Ska sägas upp – har inte fått beskedet än.",
                     "warned": "Varslad om uppsägning – har inte fått beskedet än."}
REASON_SV = {"shortage_of_work": "arbetsbrist", "illness": "sjukdom", "fixed_term_ended": "visstid som tar slut",
             "own_resignation": "egen uppsägning", "other": "annat skäl"}
SECTOR_SV = {"private": "privat sektor", "municipality": "kommun", "region": "region", "state": "staten",
             "other": "annan sektor"}
YES_NO_SV = {"yes": "ja", "no": "nej", "unknown": "vet inte"}
MEETING_SV = {"digital": "digitalt", "physical": "på plats", "no_preference": "digitalt eller på plats"}
GOAL_SV = {
    "study_to_leave_sector": "Studera för att byta bransch",
    "study_to_stay_in_sector": "Studera för att stärka sig i sin nuvarande bransch",
    "new_job_other_sector": "Ett nytt arbete i en annan bransch",
    "new_job_same_sector": "Ett nytt arbete i samma bransch",
    "stay_in_role": "Utvecklas och stanna i sin nuvarande roll",
    "undecided": "Inte bestämt ännu",
}
TIME_FRAME_SV = {
    "forstarkt_stod": "12 månader, minst 12 möten (förstärkt stöd)",
    "radgivning": "6 eller 12 månader, minst lika många möten (rådgivning till uppsagda)",
    "vagledning": "Högst 3 månader, minst 3 möten (vägledning till anställda)",
    "yttrande_csn": "Ett yttrande till CSN inför ansökan om omställningsstudiestöd",
}


FIELD_SV = {"employer.collective_agreement": "kollektivavtal", "employer.sector": "sektor",
            "employer.worker_category": "arbetare eller tjänsteman", "age": "ålder", "birth_date": "ålder",
            "employments": "anställningar", "employments.start": "startdatum", "employments.end": "slutdatum",
            "employments.hours_per_week": "arbetstid", "employments.monthly_income_sek": "inkomst",
            "termination.reason": "skäl till uppsägningen", "termination.initiated_by": "vem som sa upp",
            "termination.last_day": "sista anställningsdag", "special_needs_illness": "behov på grund av sjukdom",
            "role_exclusion": "roll i företaget", "previous_support.decision_date": "datum för tidigare stöd"}


def field_sv(name: str) -> str:
    return FIELD_SV.get(re.sub(r"\[\d+\]", "", name), name)


def _known(value: Any) -> Any:
    return None if value in (None, "unknown", "") else value


def _work_requirement(decision: Mapping[str, Any]) -> str | None:
    work = decision.get("work_requirement") or {}
    if "qualifying_months" not in work:
        return None
    text = (f"Arbetsvillkoret: {work['qualifying_months']} kvalificerande månader av {work['required_months']} "
            f"krävda ({work['frame_start']} – {work['frame_end']})")
    if work.get("skipped_months"):
        text += f", {len(work['skipped_months'])} överhoppningsbara månader"
    if work.get("unknown_months"):
        text += f", {work['unknown_months']} månader med okänd arbetstid"
    return text + "."


def result_sv(decision: Mapping[str, Any] | None) -> str:
    if not decision:
        return "Preliminär bedömning saknas (behöver göras av rådgivaren)."
    org = decision["organisation"]
    if org["code"] != "ooo":
        if org["code"] == "unknown":
            return "Preliminär bedömning: vilken omställningsorganisation personen hör till är inte klart än."
        return f"Preliminär bedömning: hör troligen till {org['name_sv']}."
    eligible = [SERVICE_NAMES[k] for k, r in decision["services"].items() if r["status"] == "eligible"]
    unsure = [SERVICE_NAMES[k] for k, r in decision["services"].items() if r["status"] == "needs_more_information"]
    if eligible:
        # Lower case inside the sentence, but "CSN" stays as it is written.
        return "Preliminär bedömning: kan troligen få " + ", ".join(e[0].lower() + e[1:] for e in eligible) + "."
    if unsure:
        return "Preliminär bedömning: går inte att avgöra ännu – uppgifter saknas."
    return "Preliminär bedömning: uppfyller inte villkoren enligt sina svar."


def _last_day(s: Mapping[str, Any]) -> str | None:
    """The last day of the job the situation is about (the first employment told), if a date."""
    employments = s.get("employments") or []
    end = employments[0].get("end") if employments else s.get("employment_end")
    return end if isinstance(end, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end) else None


def advisor_summary(s: Mapping[str, Any], decision: Mapping[str, Any] | None) -> str:
    who = ", ".join(part for part in (
        _known(s.get("contact_name")) or "Personen",
        f"{s['age']} år" if _known(s.get("age")) is not None else None,
        _known(s.get("municipality"))) if part)
    parts = [who + "."]
    reason = _known(s.get("termination_reason"))
    if s.get("situation"):
        parts.append(SITUATION_SV.get(s["situation"], "Annan situation."))
        if s["situation"] in ("terminated", "terminated_illness") and s.get("notice_pending") in NOTICE_PENDING_SV:
            parts[-1] = NOTICE_PENDING_SV[s["notice_pending"]]
        elif s["situation"] == "terminated" and reason == "own_resignation":
            parts[-1] = "Har sagt upp sig själv."
        last = _last_day(s)
        if last and s["situation"] == "fixed_term_ended":
            # "tog slut 30 september 2026": when, and whether it has happened, at a glance
            # The day the decision was made for, as the rest of the case (not the server's clock).
            today = (decision or {}).get("application_date") or application_date().isoformat()
            parts[-1] = f"Visstidsanställningen {'tog' if last < today else 'tar'} slut {date_sv(last)}."
    if reason and s.get("situation") in ("terminated", "terminated_illness") and reason != "own_resignation":
        # A fixed term's end, or one's own notice, is said by the situation itself.
        by = {"employer": "på arbetsgivarens initiativ", "employee": "på egen begäran"}.get(
            s.get("termination_initiated_by") or "", "")
        parts.append(f"Skäl: {REASON_SV.get(reason, reason)} {by}".rstrip() + ".")
    if (last := _last_day(s)) and s.get("situation") in ("terminated", "terminated_illness"):
        parts.append(f"Sista anställningsdag: {date_sv(last)}.")
    if s.get("special_needs_illness") is True or s.get("reduced_capacity"):
        parts.append("Har berättat om sjukdom eller nedsatt arbetsförmåga – kan behöva förstärkt stöd.")
    if _known(s.get("employer_name")):
        facts = [SECTOR_SV.get(s.get("employer_sector") or "", ""),
                 f"kollektivavtal: {YES_NO_SV.get(s.get('collective_agreement') or 'unknown', 'vet inte')}"]
        parts.append(f"Arbetsgivare: {employer_shown(s['employer_name'])} ({', '.join(f for f in facts if f)}).")
    employments = s.get("employments") or []
    if employments:
        parts.append(f"{len(employments)} anställning{'ar uppgivna' if len(employments) > 1 else ' uppgiven'}.")
        counted = [e for e in employments if e.get("start_told_as")]
        for e in counted:
            parts.append(f"Startdatum hos {employer_shown(e.get('employer')) or 'arbetsgivaren'} räknat från "
                         f"uppgiven längd ({e['start_told_as']}) – stäm av.")
    if decision:
        parts.append(result_sv(decision))
        if not employments and (decision.get("organisation") or {}).get("code") not in (None, "ooo", "unknown"):
            # Sent elsewhere before the work questions: "0 of 12 months" would read as a finding.
            parts.append("Arbetsvillkoret: inte utrett, eftersom personen hör till en annan organisation.")
        elif work := _work_requirement(decision):
            parts.append(work)
        missing = decision.get("missing_information") or []
        if missing:
            parts.append("Saknas: " + ", ".join(dict.fromkeys(field_sv(str(m)) for m in missing)) + ".")
    else:
        parts.append(result_sv(None))
    goal = _known(s.get("forward_goal"))
    if goal:
        parts.append(f"Mål: {GOAL_SV.get(goal, goal).lower()}.")
    if _known(s.get("meeting_preference")):
        parts.append(f"Vill träffas {MEETING_SV.get(s['meeting_preference'], s['meeting_preference'])}.")
    if _known(s.get("contact_wish")):
        parts.append(f"Om kontakten: \"{s['contact_wish']}\".")  # as the person said it
    if s.get("handoff_requested"):
        parts.append("Bad att få prata med en rådgivare innan samtalet var klart – alla uppgifter finns inte.")
    return " ".join(parts)


def action_plan_draft(s: Mapping[str, Any], decision: Mapping[str, Any] | None,
                      service: str) -> dict[str, Any]:
    goal_key = _known(s.get("forward_goal"))
    goal = GOAL_SV.get(goal_key, goal_key) if goal_key else None
    if goal_key in (None, "undecided"):
        goal = "Att tas fram tillsammans" + (f" (personen funderar på: {s['outward_options']})"
                                             if _known(s.get("outward_options")) else "")
    elif _known(s.get("outward_options")):
        goal = f"{goal} (personen funderar på: {s['outward_options']})"
    activities = ["Kartlägga färdigheter, kompetenser, egenskaper och yrkesområden"]
    if service == "forstarkt_stod" or s.get("special_needs_illness") is True:
        activities.append("Förstärkt stöd: tätare kontakt och hjälp med kontakter med myndigheter och vården")
    if goal_key in ("study_to_leave_sector", "study_to_stay_in_sector"):
        activities += ["Studievägledning: välja utbildning",
                       "Yttrande till CSN inför ansökan om omställningsstudiestöd"]
    elif goal_key in ("new_job_other_sector", "new_job_same_sector"):
        activities += ["Kartlägga arbetsmarknaden för de yrken som är aktuella",
                       "Cv, personligt brev och stöd inför intervjuer", "Söka arbete"]
    elif goal_key == "stay_in_role":
        activities.append("Samtal om utveckling i nuvarande arbete")
    else:
        activities.append("Kartlägga arbetsmarknaden och möjliga vägar framåt")
    if _known(s.get("forward_next_step")):
        step = str(s["forward_next_step"])
        # "har inget cv" said where a step was asked is no step of the person's: quoted as said.
        activities.append(f"Personens eget första steg: {step}" if step_told(step)
                          else f"Personen om ett första steg: \"{step}\"")
    activities.append("Upprätta handlings- och tidsplan tillsammans")
    if service == "other_organisation" and decision:
        time_frame = f"Hänvisas till {decision['organisation']['name_sv']}"
    else:
        time_frame = TIME_FRAME_SV.get(service, "Bestäms när behörigheten är utredd")
    return {"goal": goal, "activities": activities, "time_frame": time_frame}
