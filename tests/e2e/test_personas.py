"""Whole conversations against the running Rasa server and action server (through the API's
chat endpoint and the REST channel). Each persona answers whatever the bot asks, in its own
words; at the end the tracker holds the rules_bridge decision the person was shown."""
from __future__ import annotations

from typing import Any

import httpx
import pytest

MAX_TURNS = 45


def tracker_of(stack, sender: str, include_events: str = "AFTER_RESTART") -> dict[str, Any]:
    return httpx.get(f"{stack.rasa}/conversations/{sender}/tracker",
                     params={"token": stack.rasa_token, "include_events": include_events}, timeout=10).json()


def converse(stack, chat, answers: dict[str, Any], opening: str = "hej",
             interrupt: dict[str, str] | None = None,
             conversation: tuple[httpx.Client, str] | None = None) -> tuple[dict[str, Any], list[str], str]:
    """Answer each question the bot asks from `answers` (a list answers a repeated question in
    turn). `interrupt` says something else once, just before answering the named question.
    `conversation` is a (browser, sender) pair to use instead of a new one."""
    new_conversation, say = chat
    client, sender = conversation or new_conversation(stack.api)
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
    assert "Preliminär bedömning" in said and "Arbetskravet: Det är uppfyllt. Det krävs 12 månader" in said
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
    assert "Arbetskravet: Det är inte uppfyllt." in "\n".join(texts) and "har du ingen." in "\n".join(texts)


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
    reply = say(client, sender, "mitt personnummer är 710502-1234")
    # The person is told it was taken away, and the conversation goes on.
    assert reply[0]["text"].startswith("Ditt personnummer behöver jag inte") and len(reply) > 1
    assert "personnummer behöver jag inte" not in " ".join(m.get("text") or "" for m in say(client, sender, "ja"))
    # Someone writing English is told, in both languages, that the bot speaks Swedish.
    reply = say(client, sender, "hello, do you speak english?")
    assert reply[0]["text"].startswith("Sorry, I can only chat in Swedish") and len(reply) > 1
    # A button's payload, as the page sends it, is no English.
    reply = say(client, sender, '/inform{"value":"private"}')
    assert not any((m.get("text") or "").startswith("Sorry") for m in reply)
    events = tracker_of(stack, sender)["events"]
    texts = " ".join(e.get("text") or "" for e in events if e["event"] == "user")
    assert "710502" not in texts and "[personnummer borttaget]" in texts


def test_a_question_inside_the_opening_story_is_answered(stack, chat) -> None:
    """The action server asks the Rasa server to read the question alone (actions/faq_lookup.py)."""
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    say(client, sender, "hej")
    reply = say(client, sender, "jag har blivit uppsagd från lagret efter 12 år, kan jag få csn om jag pluggar?")
    texts = [m.get("text") or "" for m in reply]
    assert texts[0] == "Tack för att du berättar, det tar jag med mig."
    assert any("Omställningsstudiestöd" in t and "CSN" in t for t in texts[1:-1])
    assert texts[-1].startswith("Innan vi går vidare")
    # A vague question gets no FAQ answer, only the thanks and consent asked again.
    client, sender = new_conversation(stack.api)
    say(client, sender, "hej")
    reply = say(client, sender, "blev uppsagd i förra veckan, vad ska jag göra nu?")
    assert len(reply) == 2 and reply[1]["text"].startswith("Innan vi går vidare")


def test_a_question_beside_an_answer_in_the_questions_is_answered(stack, chat) -> None:
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    say(client, sender, "hej")
    say(client, sender, "ja")
    reply = say(client, sender, "jag har blivit uppsagd från lagret, kan jag få csn om jag pluggar?")
    texts = [m.get("text") or "" for m in reply]
    # The story is kept (the next question is the reason), and the question is answered first.
    assert any("Omställningsstudiestöd" in t and "CSN" in t for t in texts[:-1])
    assert texts[-1] == "Varför slutar eller slutade din anställning?"
    reply = say(client, sender, "arbetsbrist, är det gratis att få hjälp hos er?")
    texts = [m.get("text") or "" for m in reply]
    # "blivit uppsagd" told already: the employer's initiative, so the work questions come next.
    assert any("kostar ingenting" in t for t in texts[:-1]) and texts[-1].endswith("Hur gammal är du?")


@pytest.mark.parametrize("message, stored", [
    ("hej\x00\x07\x1b igen\u0085", "hej igen"),  # control characters go before Rasa sees them
    ("hej 👋🏽 😀", "hej 👋🏽 😀"),
    ("<script>alert('x')</script>", "<script>alert('x')</script>"),
    ("'; DROP TABLE events;-- ' OR '1'='1", "'; DROP TABLE events;-- ' OR '1'='1"),
])
def test_nasty_messages_get_an_answer_and_are_stored_clean(stack, chat, message: str, stored: str) -> None:
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    say(client, sender, "hej")
    assert say(client, sender, message)  # an answer, in Swedish, never a crash
    events = tracker_of(stack, sender, "ALL")["events"]
    assert [e.get("text") for e in events if e["event"] == "user"][-1] == stored
    # Nonsense never wipes the conversation, whatever the classifier made of it (RestartGuard).
    assert not [e for e in events if e["event"] == "restart"]
    assert say(client, sender, "hej")  # and the conversation goes on (the table is still there)


# --- the handoff: the case reaches the advisors' service; deletion erases it everywhere -----------

PASSWORD = "rådgivarens-långa-lösenord"


def advisor_login(stack) -> dict[str, str]:
    """An advisor made with the product's own command, logged in through the API."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    email = "radgivare@e2e.example.se"
    env = {**os.environ, "VV_DATABASE_URL": f"sqlite:///{stack.run_dir / 'vagvisaren.db'}"}
    made = subprocess.run([sys.executable, "-m", "api", "create-user", "--email", email, "--password", PASSWORD,
                           "--role", "advisor"], cwd=Path(__file__).resolve().parents[2], env=env,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0 or "finns redan" in made.stderr, made.stderr
    token = httpx.post(f"{stack.api}/api/auth/token", data={"username": email, "password": PASSWORD}).json()
    return {"Authorization": f"Bearer {token['access_token']}"}


def stored_events(stack, sender: str) -> int:
    import sqlite3
    with sqlite3.connect(stack.run_dir / "rasa-tracker.db") as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def test_the_case_reaches_the_advisor_and_deletion_erases_it(stack, chat) -> None:
    new_conversation, say = chat
    browser, sender = new_conversation(stack.api)
    tracker, texts, _ = converse(stack, chat, WORKER, conversation=(browser, sender),
                                 interrupt={"age": "mitt personnummer är 710502-1234"})
    reference = tracker["slots"]["case_reference"]
    assert reference.startswith("OMS-") and f"Ditt ärendenummer är {reference}" in "\n".join(texts)

    advisor = advisor_login(stack)
    listed = httpx.get(f"{stack.api}/api/cases", headers=advisor).json()["items"]
    [summary] = [item for item in listed if item["reference"] == reference]
    case = httpx.get(f"{stack.api}/api/cases/{summary['id']}", headers=advisor).json()
    assert case["person"]["name"] == "Anna" and case["person"]["email"] == "anna@exempel.se"
    assert case["eligibility"] == tracker["slots"]["eligibility"]  # what the person was shown
    assert case["recommended_service"] == "radgivning" and case["complete"] is True
    assert case["employments"][0]["employer"] == "Bageriet AB"
    assert case["summary_sv"].startswith("Anna, 45 år.") and "rådgivning till uppsagda" in case["summary_sv"]
    assert case["action_plan_draft"]["activities"]
    transcript = " ".join(turn["text"] for turn in case["transcript"])
    assert "Bageriet" in transcript and "710502" not in transcript and "[personnummer borttaget]" in transcript
    assert stored_events(stack, sender) > 0

    asked = browser.post("/api/chat", json={"sender": sender, "message": "radera mina uppgifter"}).json()
    assert f"Ditt ärende {reference} dras då tillbaka" in asked["messages"][0]["text"]
    assert not asked.get("conversation_reset") and stored_events(stack, sender) > 0  # nothing erased yet
    [yes] = [b for b in asked["messages"][0]["buttons"] if b["title"] == "Ja, radera allt"]
    reply = browser.post("/api/chat", json={"sender": sender, "message": yes["payload"]}).json()
    assert reply["conversation_reset"] is True and reply["sender"] != sender
    assert "raderat" in reply["messages"][0]["text"] and len(reply["messages"]) == 1
    assert stored_events(stack, sender) == 0  # the tracker store forgot the conversation
    gone = httpx.get(f"{stack.api}/api/cases/{summary['id']}", headers=advisor).json()
    assert gone["status"] == "withdrawn" and gone["person"] == {} and gone["transcript"] == []
    # The browser carries on in the new conversation; the old id is no longer its own.
    assert say(browser, reply["sender"], "hej")
    assert browser.post("/api/chat", json={"sender": sender, "message": "hej"}).status_code == 403
