"""Which questions to ask, in which order, given what the person has said so far.

The four forms follow the flow of conversation.md: situation → guidance (inward, outward,
forward) → work history → contact and summary. Each form also asks anything still missing from
the phases before it, so a correction ("åldern är fel") is asked again in whatever form is
active. Pure functions of the slot values, tested in tests/bot/test_flow.py.
"""
from __future__ import annotations

from typing import Any, Mapping

FORMS = ("situation_form", "guidance_form", "work_form", "contact_form")
TERMINATED = {"terminated", "terminated_illness", "fixed_term_ended"}
EMPLOYMENT_SLOTS = ("employment_employer", "employment_country", "employment_start",
                    "employment_end", "employment_hours_per_week", "employment_monthly_income")
SKIPPABLE_SLOTS = ("skippable_type", "skippable_start", "skippable_end")
PUBLIC_SECTORS = {"municipality", "region", "state"}
CONTACT_SLOTS = ("contact_name", "contact_method", "meeting_preference", "municipality", "summary_confirmed")


def situation_plan(s: Mapping[str, Any]) -> list[str]:
    plan = ["consent", "situation"]
    situation = s.get("situation")
    if situation == "terminated":
        plan.append("termination_reason")
        if s.get("termination_reason") == "shortage_of_work":
            plan.append("termination_initiated_by")
    illness = s.get("termination_reason") == "illness" or situation == "terminated_illness"
    if situation in TERMINATED and (illness or s.get("reduced_capacity") is True):
        plan.append("special_needs_illness")
    return plan


def guidance_plan(s: Mapping[str, Any]) -> list[str]:
    mode = s.get("guidance_mode")
    plan = ["guidance_mode"]
    if mode == "explore":
        plan += ["inward_who", "inward_skills", "inward_wants", "outward_options",
                 "forward_goal", "forward_next_step"]
    elif mode == "plan":  # the one who has come further: straight to options and plan
        plan += ["outward_options", "forward_goal", "forward_next_step"]
    return plan


def work_plan(s: Mapping[str, Any]) -> list[str]:
    plan = ["age"]
    if s.get("situation") == "self_employed":
        return plan  # only the statement to CSN applies; no employer questions
    plan += ["employer_name", "employer_sector"]
    if s.get("employer_sector") == "private":
        plan.append("worker_category")
    plan.append("collective_agreement")
    if s.get("collective_agreement") == "yes":
        # Routed to another organisation: its rules on roles and work are its own to check.
        return plan
    if s.get("employer_sector") not in PUBLIC_SECTORS:
        plan.append("role_exclusion")  # vd, owner, owner's family: roles in a company
    if s.get("more_employments") is not False:
        first = not s.get("employments")
        if not first:
            plan += ["employment_employer", "employment_country"]
        plan += ["employment_start", "employment_end", "employment_hours_per_week"]
        hours = s.get("employment_hours_per_week")
        if hours == "unknown" or (isinstance(hours, (int, float)) and hours < 16):
            plan.append("employment_monthly_income")  # the income alternative may still count
        plan.append("more_employments")
    plan.append("had_skippable")
    if s.get("had_skippable") is True and s.get("more_skippable") is not False:
        plan += [*SKIPPABLE_SLOTS, "more_skippable"]
    plan.append("previous_support")
    if s.get("previous_support") is True:
        plan.append("previous_support_decision_date")
    return plan


def contact_plan(s: Mapping[str, Any]) -> list[str]:
    if s.get("consent") is not True:
        # Without consent nothing is saved; a request for a human asks for consent first.
        return ["consent"] if s.get("consent") is None else []
    if s.get("contact_declined") and not s.get("handoff_requested"):
        return []  # no contact wanted here: nothing more to ask
    plan = list(CONTACT_SLOTS[:3])
    if s.get("meeting_preference") == "physical":
        plan.append("municipality")
    plan.append("summary_confirmed")
    return plan


_PLANS = {"situation_form": (situation_plan,),
          "guidance_form": (situation_plan, guidance_plan),
          "work_form": (situation_plan, guidance_plan, work_plan),
          "contact_form": (situation_plan, guidance_plan, work_plan, contact_plan)}


def required_slots(form: str, slots: Mapping[str, Any]) -> list[str]:
    if form == "contact_form" and slots.get("handoff_requested"):
        # "Prata med en människa": straight to contact details, with what is known so far.
        return contact_plan(slots)
    plan: list[str] = []
    for part in _PLANS[form]:
        plan += [slot for slot in part(slots) if slot not in plan]
    return plan


def next_slot(form: str, slots: Mapping[str, Any]) -> str | None:
    return next((slot for slot in required_slots(form, slots) if slots.get(slot) is None), None)
