"""Whole conversations against the running Rasa server and action server (through the API's
chat endpoint and the REST channel). Each persona answers whatever the bot asks, in its own
words; at the end the tracker holds the rules_bridge decision the person was shown."""
from __future__ import annotations

from typing import Any

import httpx
import pytest

MAX_TURNS = 45


def tracker_of(stack, sender: str) -> dict[str, Any]:
    return httpx.get(f"{stack.rasa}/conversations/{sender}/tracker",
                     params={"token": stack.rasa_token}, timeout=10).json()


def converse(stack, chat, answers: dict[str, Any], opening: str = "hej",
             interrupt: dict[str, str] | None = None) -> tuple[dict[str, Any], list[str], str]:
    """Answer each question the bot asks from `answers` (a list answers a repeated question in
    turn). `interrupt` says something else once, just before answering the named question."""
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    texts = [m["text"] or "" for m in say(client, sender, opening)]
    pending = {k: list(v) if isinstance(v, list) else [v] for k, v in answers.items()}
    interrupt = dict(interrupt or {})
    for _ in range(MAX_TURNS):
        tracker = tracker_of(stack, sender)
        asked = tracker["slots"].get("requested_slot")
        if not tracker["active_loop"].get("name") or not asked:
            return tracker, texts, sender
        if asked in interrupt:
            texts += [m["text"] or "" for m in say(client, sender, interrupt.pop(asked))]
            continue
        queue = pending.get(asked)
        assert queue, f"the bot asked {asked!r}, which this persona has no answer for"
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        texts += [m["text"] or "" for m in say(client, sender, answer)]
    pytest.fail("the conversation did not end")


WORKER = {
    "consent": "ja det går bra", "guidance_mode": "bara se vilket stöd jag kan få", "age": "45",
    "employer_name": "Bageriet AB", "employer_sector": "privat företag", "worker_category": "arbetare",
    "collective_agreement": "nej", "role_exclusion": "inget av det",
    "employment_start": "mars 2019", "employment_end": "oktober 2026", "employment_hours_per_week": "heltid",
    "more_employments": "nej", "had_skippable": "nej", "previous_support": "nej",
    "contact_name": "Anna", "contact_method": "anna@exempel.se", "meeting_preference": "digitalt",
    "summary_confirmed": "ja",
    "situation": "jag har blivit uppsagd", "termination_reason": "arbetsbrist",
    "termination_initiated_by": "ja",
}


def statuses(tracker: dict[str, Any]) -> dict[str, str]:
    decision = tracker["slots"]["eligibility"]
    return {key: result["status"] for key, result in decision["services"].items()}


def test_terminated_for_shortage_of_work_gets_radgivning(stack, chat) -> None:
    tracker, texts, _ = converse(stack, chat, WORKER)
    assert tracker["slots"]["recommended_service"] == "radgivning"
    assert statuses(tracker)["radgivning"] == "eligible"
    said = "\n".join(texts)
    assert "Preliminär bedömning" in said and "av de 12 månader som krävs" in said
    assert "inom en vecka" in said  # the handoff
    assert tracker["slots"]["case_reference"]


def test_sick_and_terminated_gets_forstarkt_stod(stack, chat) -> None:
    answers = {**WORKER, "situation": ["jag är sjukskriven", "/inform{\"value\":\"terminated_illness\"}"],
               "special_needs_illness": "ja"}
    tracker, texts, _ = converse(stack, chat, answers)
    assert tracker["slots"]["reduced_capacity"] is True
    assert tracker["slots"]["recommended_service"] == "forstarkt_stod"


def test_employed_gets_vagledning_and_explores_first(stack, chat) -> None:
    answers = {**WORKER, "situation": "jag har ett fast jobb men vill byta bana",
               "guidance_mode": "jag vet inte vad jag vill", "inward_who": "jag har jobbat som barnskötare i tolv år",
               "inward_skills": "jag är bra på att lyssna och organisera",
               "inward_wants": "jobba mer med vuxna", "outward_options": "kanske socionom",
               "forward_goal": "studera för att byta bransch", "forward_next_step": "läsa om utbildningen",
               "employment_end": "pågår"}
    tracker, _, _ = converse(stack, chat, answers)
    slots = tracker["slots"]
    assert slots["situation"] == "employed" and slots["forward_goal"] == "study_to_leave_sector"
    assert slots["recommended_service"] == "vagledning"


def test_self_employed_gets_only_the_statement_to_csn(stack, chat) -> None:
    answers = {**WORKER, "situation": "jag har en enskild firma", "age": "40"}
    tracker, _, _ = converse(stack, chat, answers)
    assert tracker["slots"]["recommended_service"] == "yttrande_csn"
    assert statuses(tracker)["radgivning"] == "not_eligible"


@pytest.mark.parametrize("sector, category, org", [
    ("privat företag", "tjänsteman", "trr"), ("privat", "arbetare", "tsl"),
    ("kommunen", None, "omstallningsfonden"), ("en statlig myndighet", None, "trygghetsstiftelsen"),
])
def test_with_a_collective_agreement_the_person_is_routed(stack, chat, sector, category, org) -> None:
    answers = {**WORKER, "employer_sector": sector, "collective_agreement": "ja"}
    if category:
        answers["worker_category"] = category
    tracker, texts, _ = converse(stack, chat, answers)
    assert tracker["slots"]["eligibility"]["organisation"]["code"] == org
    assert tracker["slots"]["recommended_service"] == "other_organisation"
    assert "employments" not in tracker["slots"] or not tracker["slots"]["employments"]


def test_own_resignation_is_not_eligible_for_radgivning(stack, chat) -> None:
    tracker, texts, _ = converse(stack, chat, {**WORKER, "termination_reason": "jag sa upp mig själv"})
    reasons = tracker["slots"]["eligibility"]["services"]["radgivning"]["reasons"]
    assert [r["code"] for r in reasons if r["outcome"] == "not_met"] == ["SITUATION"]


def test_aged_66_is_not_eligible(stack, chat) -> None:
    tracker, _, _ = converse(stack, chat, {**WORKER, "age": "66 år"})
    assert statuses(tracker)["radgivning"] == "not_eligible"


def test_too_little_work_is_not_eligible_and_says_how_much(stack, chat) -> None:
    answers = {**WORKER, "employment_hours_per_week": "10 timmar", "employment_monthly_income": "8000 kr"}
    tracker, texts, _ = converse(stack, chat, answers)
    assert statuses(tracker)["radgivning"] == "not_eligible"
    assert "0 av de 12 månader" in "\n".join(texts)


def test_unknown_agreement_is_missing_information(stack, chat) -> None:
    tracker, texts, _ = converse(stack, chat, {**WORKER, "collective_agreement": "vet inte"})
    assert statuses(tracker)["radgivning"] == "needs_more_information"
    assert tracker["slots"]["eligibility"]["missing_information"]


def test_consent_refused_gives_the_result_but_no_case(stack, chat) -> None:
    tracker, texts, _ = converse(stack, chat, {**WORKER, "consent": "nej"})
    assert tracker["slots"]["eligibility"]
    assert not tracker["slots"].get("case_reference") and not tracker["slots"].get("contact_name")


def test_correction_in_the_middle_of_a_form(stack, chat) -> None:
    tracker, texts, _ = converse(stack, chat, {**WORKER, "age": ["45", "52"]},
                                 interrupt={"employment_hours_per_week": "vänta, åldern är fel"})
    assert tracker["slots"]["age"] == 52
    assert tracker["slots"]["recommended_service"] == "radgivning"


def test_faq_in_the_middle_of_a_form_then_back_to_the_question(stack, chat) -> None:
    tracker, texts, _ = converse(stack, chat, WORKER, interrupt={"employer_sector": "vad kostar det?"})
    said = "\n".join(texts)
    assert "kostar ingenting" in said
    assert said.count("Vilken sorts arbetsgivare är Bageriet AB?") == 2
    assert tracker["slots"]["employer_sector"] == "private"


def test_personnummer_is_masked_before_the_tracker_store(stack, chat) -> None:
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    say(client, sender, "hej")
    say(client, sender, "mitt personnummer är 710502-1234")
    events = tracker_of(stack, sender)["events"]
    texts = " ".join(e.get("text") or "" for e in events if e["event"] == "user")
    assert "710502" not in texts and "[personnummer borttaget]" in texts
