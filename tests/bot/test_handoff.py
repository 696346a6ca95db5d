"""The case the bot builds, the texts for the advisor, and the outbox against the real API
(started here with the service's own virtualenv, on a free port, with its own SQLite file)."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
from rasa_sdk import Tracker

from actions import handoff
from actions.case_text import action_plan_draft, advisor_summary
from actions.dialogue import summary_text

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "bot-token-for-the-outbox-test"

SLOTS: dict[str, Any] = {
    "consent": True, "situation": "terminated", "termination_reason": "shortage_of_work",
    "termination_initiated_by": "employer", "special_needs_illness": False, "age": 45,
    "employer_name": "Bygg AB", "employer_sector": "private", "worker_category": "blue_collar",
    "collective_agreement": "no", "role_exclusion": "none",
    "employments": [{"employer": "Bygg AB", "country": "SE", "start": "2019-01-01", "end": "ongoing",
                     "hours_per_week": 40}],
    "skippable_periods": [], "previous_support": False,
    "inward_who": "noggrann och lugn", "forward_goal": "study_to_leave_sector",
    "forward_next_step": "titta på utbildningar till elektriker",
    "contact_name": "Anna Berg", "contact_email": "anna@example.se", "meeting_preference": "digital",
    "municipality": None,
}


def tracker(sender: str, slots: dict[str, Any] | None = None) -> Tracker:
    events = [{"event": "user", "text": "mitt personnummer är 19800101-1234"},
              {"event": "bot", "text": "Jag sparar aldrig personnummer."}]
    return Tracker(sender, slots or SLOTS, {}, events, False, None, None, "action_listen")


def test_the_case_carries_facts_decision_texts_and_a_masked_transcript() -> None:
    case = handoff.build_case("c1", SLOTS, tracker("c1").events)
    assert case["recommended_service"] == "radgivning"
    assert case["eligibility"]["rules_version"] and case["eligibility"]["work_requirement"]["outcome"] == "met"
    assert case["person"] == {"name": "Anna Berg", "email": "anna@example.se", "phone": None, "age": 45,
                              "municipality": None, "meeting_preference": "digital"}
    assert case["transcript"][0] == {"from": "person", "text": "mitt personnummer är [personnummer borttaget]"}
    assert case["complete"] is True and case["career"]["forward_goal"] == "study_to_leave_sector"
    summary = case["summary_sv"]
    assert summary.startswith("Anna Berg, 45 år.") and "arbetsbrist på arbetsgivarens initiativ" in summary
    assert "rådgivning till uppsagda" in summary and "kvalificerande månader av 12" in summary
    assert "Mål: studera för att byta bransch" in summary and "Vill träffas digitalt" in summary
    plan = case["action_plan_draft"]
    assert plan["goal"] == "Studera för att byta bransch"
    assert "Yttrande till CSN inför ansökan om omställningsstudiestöd" in plan["activities"]
    assert "Personens eget första steg: titta på utbildningar till elektriker" in plan["activities"]
    assert plan["time_frame"].startswith("6 eller 12 månader")


def test_a_name_or_place_the_person_did_not_give_is_absent_not_the_word_unknown() -> None:
    slots = {**SLOTS, "contact_name": "unknown", "meeting_preference": "physical", "municipality": "unknown"}
    case = handoff.build_case("c1b", slots, tracker("c1b", slots).events)
    assert case["person"]["name"] is None and case["person"]["municipality"] is None
    assert "unknown" not in case["summary_sv"] and case["summary_sv"].startswith("Personen")
    said = summary_text(slots, None)  # what the person is asked to confirm
    assert "unknown" not in said and "Namn" not in said and "- Möte: på plats\n" in said


def test_an_employer_whose_name_is_not_known_says_so_in_the_case() -> None:
    from actions.parsing import NAME_UNKNOWN_SV, UNKNOWN_EMPLOYER
    slots = {**SLOTS, "employer_name": UNKNOWN_EMPLOYER,
             "employments": [{**SLOTS["employments"][0], "employer": UNKNOWN_EMPLOYER}]}
    case = handoff.build_case("c1c", slots, tracker("c1c", slots).events)
    assert case["employer"]["name"] == NAME_UNKNOWN_SV and case["employments"][0]["employer"] == NAME_UNKNOWN_SV
    assert UNKNOWN_EMPLOYER not in case["summary_sv"]


def test_pressed_buttons_show_their_titles_in_the_transcript() -> None:
    events = [{"event": "bot", "text": "Vad stämmer bäst?",
               "data": {"buttons": [{"title": "Jag har blivit uppsagd", "payload": "/inform_terminated"}]}},
              {"event": "user", "text": "/inform_terminated"},
              {"event": "user", "text": "/restart"}]
    assert [t["text"] for t in handoff.transcript(events)] == ["Vad stämmer bäst?", "Jag har blivit uppsagd", "[knapp]"]


def test_texts_for_an_early_handoff_with_unknowns_and_another_organisation() -> None:
    early = {"situation": "terminated_illness", "handoff_requested": True, "collective_agreement": "unknown",
             "employer_name": "Kommunen", "employer_sector": "municipality"}
    summary = advisor_summary(early, None)
    assert summary.startswith("Personen.") and "sjukdom" in summary and "alla uppgifter finns inte" in summary
    assert "kollektivavtal: vet inte" in summary and "Preliminär bedömning saknas" in summary
    plan = action_plan_draft(early, None, "unclear")
    assert plan["goal"] == "Att tas fram tillsammans" and plan["time_frame"].startswith("Bestäms")
    routed = {"name_sv": "TRR Trygghetsrådet"}
    plan = action_plan_draft({"forward_goal": "new_job_same_sector"}, {"organisation": routed}, "other_organisation")
    assert plan["time_frame"] == "Hänvisas till TRR Trygghetsrådet" and "Söka arbete" in plan["activities"]


def test_when_to_be_reached_goes_with_the_number_to_the_advisor() -> None:
    from datetime import date

    from actions.parsing import INTERPRETERS, Answer
    told = INTERPRETERS["contact_method"](Answer("070-123 45 67, ring mig helst efter 16", "inform", 0.9, [],
                                                 date(2026, 11, 26)))
    assert told.slots["contact_phone"] == "0701234567" and told.slots["contact_wish"] == "helst efter 16"
    assert told.slots["_say"] == "Jag skriver till rådgivaren att du helst vill bli kontaktad efter 16."
    not_then = INTERPRETERS["contact_method"](Answer("0731234567 inte på fredagar", "inform", 0.9, [],
                                                     date(2026, 11, 26)))
    assert not_then.slots["_say"] == "Jag skriver till rådgivaren att du inte vill bli kontaktad på fredagar."
    # A part of the day after a preposition ("efter lunch"), not the bare word: "kontaktad lunch" was said.
    for text, when in (("eva@exempel.se, helst efter lunch", "efter lunch"), ("0701234567 efter jobbet", "efter jobbet")):
        after = INTERPRETERS["contact_method"](Answer(text, "inform", 0.9, [], date(2026, 11, 26)))
        assert after.slots["_say"] == f"Jag skriver till rådgivaren att du helst vill bli kontaktad {when}."
    # Nothing said about when: nothing written.
    plain = INTERPRETERS["contact_method"](Answer("kim@exempel.se", "inform", 0.9, [], date(2026, 11, 26)))
    assert "contact_wish" not in plain.slots and "_say" not in plain.slots
    slots = dict(SLOTS, contact_email="kim@exempel.se", contact_phone="0701234567", contact_wish="helst efter 16")
    assert "- Kontakt: kim@exempel.se, 0701234567 (helst efter 16)" in summary_text(slots, None)
    assert 'Om kontakten: "helst efter 16".' in handoff.build_case("c-wish", slots, [])["summary_sv"]


def test_missing_information_is_named_in_swedish() -> None:
    slots = dict(SLOTS, collective_agreement="unknown")
    case = handoff.build_case("c2", slots, [])
    assert case["recommended_service"] == "unclear"
    assert "Saknas: kollektivavtal." in case["summary_sv"]
    # Not "hör troligen till Okänd omställningsorganisation"; one employment in the singular.
    assert "Preliminär bedömning: vilken omställningsorganisation personen hör till är inte klart än." in case["summary_sv"]
    assert "Okänd" not in case["summary_sv"] and "1 anställning uppgiven." in case["summary_sv"]


# --- the outbox against the real service ---------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """The advisors' service (api/) in its own virtualenv, startable and stoppable."""

    def __init__(self, tmp: Path):
        self.port, self.tmp, self.proc = _free_port(), tmp, None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "VV_DATABASE_URL": f"sqlite:///{self.tmp / 'cases.db'}",
               "VV_BOT_SERVICE_TOKEN": TOKEN, "VV_SESSION_SECRET": "s" * 32, "VV_JWT_SECRET": "j" * 32}
        self.proc = subprocess.Popen([str(ROOT / ".venv-api/bin/python"), "-m", "uvicorn", "--factory",
                                      "api.main:create_app", "--port", str(self.port)],
                                     cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/openapi.json", timeout=1)
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError("the API did not start")

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None

    def cases(self) -> list[tuple[str, str, str]]:
        with sqlite3.connect(self.tmp / "cases.db") as db:
            return db.execute("SELECT conversation_id, reference, status FROM cases ORDER BY id").fetchall()

    def person(self, conversation_id: str) -> dict[str, Any]:
        with sqlite3.connect(self.tmp / "cases.db") as db:
            return json.loads(db.execute("SELECT person FROM cases WHERE conversation_id = ?",
                                         (conversation_id,)).fetchone()[0])


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    api = Service(tmp_path)
    monkeypatch.setenv("VV_OUTBOX_DB", str(tmp_path / "outbox.db"))
    monkeypatch.setenv("VV_CASES_URL", api.url)
    monkeypatch.setenv("BOT_SERVICE_TOKEN", TOKEN)
    yield api
    api.stop()


def outbox(tmp: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(tmp / "outbox.db") as db:
        return db.execute("SELECT conversation_id, state, reference, payload IS NULL FROM case_outbox").fetchall()


def test_delivered_at_once_gives_the_reference_and_never_twice(service: Service, tmp_path: Path) -> None:
    service.start()
    reference = handoff.deliver_case(tracker("conv-a"))
    assert reference and reference.startswith("OMS-")
    assert handoff.deliver_case(tracker("conv-a")) == reference  # the same turn replayed
    assert service.cases() == [("conv-a", reference, "new")]
    assert outbox(tmp_path) == [("conv-a", "delivered", reference, 1)]  # no personal data kept here


def test_service_down_the_case_waits_and_is_delivered_later(service: Service, tmp_path: Path) -> None:
    assert handoff.deliver_case(tracker("conv-b")) is None
    assert outbox(tmp_path) == [("conv-b", "pending", None, 0)]
    assert handoff.flush_due(timeout=2) == 1  # still down: still waiting
    service.start()
    with sqlite3.connect(tmp_path / "outbox.db") as db:  # skip the backoff wait
        db.execute("UPDATE case_outbox SET next_attempt_at = '2000-01-01'")
    assert handoff.flush_due() == 0
    [(conversation, reference, status)] = service.cases()
    assert conversation == "conv-b" and status == "new" and reference.startswith("OMS-")
    assert outbox(tmp_path)[0][1:3] == ("delivered", reference)
    assert handoff.deliver_case(tracker("conv-b")) == reference and len(service.cases()) == 1


def test_worker_thread_delivers_without_anyone_asking(service: Service, tmp_path: Path) -> None:
    handoff.deliver_case(tracker("conv-w"))
    service.start()
    with sqlite3.connect(tmp_path / "outbox.db") as db:
        db.execute("UPDATE case_outbox SET next_attempt_at = '2000-01-01'")
    stop = handoff.start_worker(every_s=0.2)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not service.cases():
            time.sleep(0.2)
    finally:
        stop.set()  # it must not go on working in the other tests' outboxes
    assert [c[0] for c in service.cases()] == ["conv-w"]


def test_deletion_withdraws_the_delivered_case(service: Service, tmp_path: Path) -> None:
    service.start()
    reference = handoff.deliver_case(tracker("conv-c"))
    assert service.person("conv-c")["name"] == "Anna Berg"
    assert handoff.request_deletion("conv-c") is True
    assert service.cases() == [("conv-c", reference, "withdrawn")] and service.person("conv-c") == {}
    assert outbox(tmp_path) == [("conv-c", "withdrawn", None, 1)]


def test_deletion_while_the_service_is_down_is_delivered_later(service: Service, tmp_path: Path) -> None:
    assert handoff.deliver_case(tracker("conv-d")) is None   # never reached the service
    assert handoff.request_deletion("conv-d") is False
    assert outbox(tmp_path) == [("conv-d", "withdraw_pending", None, 1)]  # the case payload is gone at once
    service.start()
    with sqlite3.connect(tmp_path / "outbox.db") as db:
        db.execute("UPDATE case_outbox SET next_attempt_at = '2000-01-01'")
    assert handoff.flush_due() == 0
    assert service.cases() == []  # never created; a late copy would be refused (410)
    assert outbox(tmp_path)[0][1] == "withdrawn"


def test_the_advisor_reads_the_services_in_lower_case_but_csn_as_written() -> None:
    from datetime import date

    from actions.case_text import result_sv
    from actions.eligibility import evaluate_slots
    decision = evaluate_slots(SLOTS, date(2026, 11, 26))
    text = result_sv(decision)
    assert "rådgivning till uppsagda" in text and "yttrande till CSN om omställningsstudiestöd" in text


def test_the_summary_says_when_the_job_ends_and_a_fixed_term_or_own_notice_without_a_reason_line() -> None:
    ended = advisor_summary({"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
                             "termination_initiated_by": "employer", "employments": [{"end": "2020-09-30"}]}, None)
    assert "Visstidsanställningen tog slut 30 september 2020." in ended and "Skäl" not in ended
    coming = advisor_summary({"situation": "fixed_term_ended", "employments": [{"end": "2099-01-31"}]}, None)
    assert "Visstidsanställningen tar slut 31 januari 2099." in coming
    own = advisor_summary({"situation": "terminated", "termination_reason": "own_resignation",
                           "termination_initiated_by": "employee", "employment_end": "2026-10-31"}, None)
    assert "Har sagt upp sig själv. Sista anställningsdag: 31 oktober 2026." in own and "Är uppsagd" not in own
    notice = advisor_summary({"situation": "terminated", "termination_reason": "shortage_of_work",
                              "termination_initiated_by": "employer", "employments": [{"end": "unknown"}]}, None)
    assert "Är uppsagd. Skäl: arbetsbrist på arbetsgivarens initiativ." in notice and "Sista" not in notice


def test_whether_the_fixed_term_has_ended_is_judged_on_the_decisions_date_not_the_clock() -> None:
    from datetime import date

    from actions.eligibility import evaluate_slots
    slots = {**SLOTS, "situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
             "employments": [{**SLOTS["employments"][0], "end": "2026-12-31"}]}
    before = advisor_summary(slots, evaluate_slots(slots, date(2026, 12, 1)))
    after = advisor_summary(slots, evaluate_slots(slots, date(2027, 1, 15)))
    assert "Visstidsanställningen tar slut 31 december 2026." in before
    assert "Visstidsanställningen tog slut 31 december 2026." in after


def test_the_plan_keeps_the_options_with_the_goal_and_quotes_what_is_no_step() -> None:
    from actions.case_text import action_plan_draft
    slots = {**SLOTS, "forward_goal": "new_job_other_sector", "outward_options": "inköp eller kundtjänst",
             "forward_next_step": "har inget cv"}
    plan = action_plan_draft(slots, None, "radgivning")
    assert plan["goal"] == "Ett nytt arbete i en annan bransch (personen funderar på: inköp eller kundtjänst)"
    assert "Personen om ett första steg: \"har inget cv\"" in plan["activities"]
    assert not any(a.startswith("Personens eget första steg") for a in plan["activities"])


def test_work_not_asked_about_before_being_sent_elsewhere_is_not_counted_as_zero_months() -> None:
    from actions.eligibility import evaluate_slots
    from datetime import date
    routed = {"situation": "employed", "age": 41, "employer_name": "Region Uppsala", "employer_sector": "region",
              "collective_agreement": "yes", "role_exclusion": "none", "employments": []}
    decision = evaluate_slots(routed, date(2026, 11, 27))
    assert decision["organisation"]["code"] == "omstallningsfonden"
    summary = advisor_summary(routed, decision)
    assert "Arbetsvillkoret: inte utrett, eftersom personen hör till en annan organisation." in summary
    assert "0 kvalificerande månader" not in summary
