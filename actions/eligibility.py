"""From the conversation's slots to the eligibility engine and back to plain Swedish.

`engine_input` is the one place where slots become the `rules_bridge` input (spec section 5).
The engine is called in-process; the bot never decides anything itself.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import rules_bridge
from rules_bridge.explain import explain
from rules_bridge.texts_sv import SERVICE_NAMES, sek_sv

from actions.forms import application_date

UNKNOWN = "unknown"
_SITUATIONS = {"employed": "employed", "terminated": "terminated", "terminated_illness": "terminated",
               "fixed_term_ended": "terminated", "self_employed": "self_employed", "other": "other"}
SERVICE_ORDER = ("forstarkt_stod", "radgivning", "vagledning", "yttrande_csn")


def _known(value: Any) -> Any:
    return None if value in (None, UNKNOWN) else value


def _end(value: Any) -> str | None:
    return None if value in (None, "ongoing", UNKNOWN) else value


def engine_input(s: Mapping[str, Any], today: date) -> dict[str, Any]:
    situation = _SITUATIONS.get(s.get("situation") or "other", "other")
    data: dict[str, Any] = {"application_date": today.isoformat(), "situation": situation,
                            "age": _known(s.get("age"))}
    employments = [
        {"employer": e.get("employer"), "start": e["start"], "end": _end(e.get("end")),
         "hours_per_week": _known(e.get("hours_per_week")),
         "monthly_income_sek": _known(e.get("monthly_income_sek")),
         "country": e.get("country") or "SE"}
        for e in (s.get("employments") or []) if e.get("start") not in (None, UNKNOWN)]
    data["employments"] = employments
    if situation == "terminated":
        ends = sorted(e["end"] for e in employments if e["end"])
        data["termination"] = {"reason": _known(s.get("termination_reason")),
                               "initiated_by": _known(s.get("termination_initiated_by")),
                               "last_day": ends[-1] if ends else None}
    special = s.get("special_needs_illness")
    data["special_needs_illness"] = None if special == UNKNOWN else bool(special)
    if situation != "self_employed" or s.get("employer_name"):
        sector = s.get("employer_sector") or UNKNOWN
        employer = {"name": s.get("employer_name"), "sector": sector,
                    "collective_agreement": s.get("collective_agreement") or UNKNOWN}
        if sector == "private" and _known(s.get("worker_category")):
            employer["worker_category"] = s["worker_category"]
        data["employer"] = employer
        data["role_exclusion"] = s.get("role_exclusion") or UNKNOWN
    periods = [{"type": p["type"], "start": p["start"], "end": _end(p.get("end")) or today.isoformat()}
               for p in (s.get("skippable_periods") or [])
               if p.get("type") and p.get("start") not in (None, UNKNOWN)]
    if periods:
        data["skippable_periods"] = periods
    decided = _known(s.get("previous_support_decision_date"))
    if s.get("previous_support") is True and decided:
        data["previous_support"] = {"decision_date": decided}
    return data


def recommended_service(decision: Mapping[str, Any]) -> str:
    """What the advisor should start from: the strongest eligible service."""
    if decision["organisation"]["code"] not in ("ooo",):
        return "other_organisation" if decision["organisation"]["code"] != "unknown" else "unclear"
    statuses = {key: result["status"] for key, result in decision["services"].items()}
    for key in SERVICE_ORDER:
        if statuses.get(key) == "eligible":
            return key
    return "unclear"


def evaluate_slots(s: Mapping[str, Any], today: date) -> dict[str, Any]:
    decision = rules_bridge.evaluate(engine_input(s, today))
    if s.get("notice_pending") in _NOTICE_NOTE_SV and s.get("situation") in ("terminated", "terminated_illness"):
        # No notice yet: the job goes on, so vägledning is judged as for someone employed (the engine
        # knows of no notice to come), and rådgivning as for the notice that is coming. Else the
        # result says vägledning is "inte för den som är uppsagd" to someone who is not, yet.
        employed = rules_bridge.evaluate(engine_input({**s, "situation": "employed"}, today))
        decision = {**decision, "services": {**decision["services"], "vagledning": employed["services"]["vagledning"]}}
    return decision


class ActionCheckEligibility(Action):
    def name(self) -> str:
        return "action_check_eligibility"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        try:
            decision = evaluate_slots(tracker.slots, application_date())
        except rules_bridge.InputError:
            # Something in the answers the engine cannot use (it names the field in the logs):
            # say so kindly and let an advisor look at it.
            dispatcher.utter_message(text=(
                "Jag kunde inte göra en bedömning av dina svar. En rådgivare kan hjälpa dig att "
                "reda ut det."))
            return [SlotSet("recommended_service", "unclear")]
        dispatcher.utter_message(text=explain(decision))
        for note in (notice_note(tracker.slots, decision), age_note(tracker.slots, decision)):
            if note:
                dispatcher.utter_message(text=note)
        return [SlotSet("eligibility", decision),
                SlotSet("recommended_service", recommended_service(decision))]


_NOTICE_NOTE_SV = {
    "coming": ("Rådgivningen är till för den som har blivit uppsagd, så den kan börja när du har fått "
               "beskedet. Jag har räknat som om det kommer, och rådgivaren hjälper dig att ansöka i rätt tid."),
    "warned": ("Ett varsel är inte en uppsägning än: rådgivningen kan börja om du blir uppsagd. Jag har "
               "räknat som om det blir så, och rådgivaren hjälper dig att ansöka i rätt tid."),
}
_UNTIL_THEN_SV = " Till dess har du kvar jobbet, och då kan du troligen få vägledning till anställda."


def hours_note(said: str, low: float, high: float, today: date) -> str:
    """The work requirement said of the hours someone told: a month counts with 16 hours a week on
    average, or with a quarter of the inkomstbasbelopp earned (parameters of today's date)."""
    params = rules_bridge.PARAMETERS.as_of(today)
    hours, months, frame = params["hours_per_week"], params["required_months"], params["frame_months"]
    # A year whose inkomstbasbelopp is not in the parameters yet: the latest known, named.
    year = rules_bridge.PARAMETERS.ibb_year_or_latest(today.year)
    income = f"{sek_sv(params['income_threshold_ore_by_year'][year] // 100)} kr" + \
        ("" if year == today.year else f" (gränsen {year})")
    enough = (f"Det som avgör är om du har haft minst {months} månader som räknas under de senaste {frame} "
              f"månaderna. Jag kan räkna på ditt arbete om du väljer \"Se vilket stöd jag kan få\".")
    if low >= hours:
        return f"Du skriver {said}. Det räcker för att en månad ska räknas. {enough}"
    if high < hours:
        return (f"Du skriver {said}. Det är under {hours} timmar i veckan, så en sådan månad räknas bara om du "
                f"tjänade minst {income} före skatt den månaden. {enough}")
    return (f"Du skriver {said}. Månader med minst {hours} timmar i veckan i genomsnitt räknas, och andra "
            f"månader om du tjänade minst {income} före skatt. {enough}")


def notice_note(s: Mapping[str, Any], decision: Mapping[str, Any]) -> str | None:
    """Said after the result when the notice is not given yet and the result counts on it; with
    what the job still there may give meanwhile, as the engine judges it for someone employed
    (the decision's vägledning, from evaluate_slots)."""
    note = _NOTICE_NOTE_SV.get(s.get("notice_pending") or "")
    if not note or s.get("situation") not in ("terminated", "terminated_illness"):
        return None
    if not any(decision["services"].get(key, {}).get("status") == "eligible"
               for key in ("radgivning", "forstarkt_stod")):
        return None
    return note + (_UNTIL_THEN_SV if decision["services"]["vagledning"]["status"] == "eligible" else "")


_AGE_NOTE_SV = ("Stöd kan inte ges efter att du har fyllt 65 år, så tiden med stödet kan bli kortare "
                "för dig. Rådgivaren hjälper dig att använda den väl.")


def age_note(s: Mapping[str, Any], decision: Mapping[str, Any]) -> str | None:
    """At 64 the support, given for up to twelve months, ends at 65 (seed 001, 5.3): said, so it is
    no surprise."""
    if s.get("age") != 64 or decision["organisation"].get("code") != "ooo":
        return None
    if not any(decision["services"].get(key, {}).get("status") == "eligible"
               for key in ("radgivning", "forstarkt_stod", "vagledning")):
        return None
    return _AGE_NOTE_SV


def service_summary(decision: Mapping[str, Any]) -> str:
    org = decision["organisation"]
    if org["code"] == "unknown":
        return "Vi vet inte än vilken omställningsorganisation du hör till."
    if org["code"] != "ooo":
        return f"Du hör troligen till {org['name_sv']}."
    eligible = [SERVICE_NAMES[k] for k, r in decision["services"].items() if r["status"] == "eligible"]
    if eligible:
        return "Du kan troligen få: " + ", ".join(eligible) + "."
    unsure = [k for k, r in decision["services"].items() if r["status"] == "needs_more_information"]
    return "Vi behöver veta mer för att bedöma det." if unsure else "Enligt dina svar kan du inte få stödet."
