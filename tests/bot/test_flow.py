"""The question order, the answer reading and the slots → rules_bridge mapping, without Rasa."""
from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import flow
from bot.extract import fold
from actions.eligibility import engine_input, evaluate_slots, recommended_service
from rules_bridge.explain import work_sentence
from actions.forms import (FormValidation, ValidateContactForm, ValidateGuidanceForm, ValidateSituationForm,
                           ValidateWorkForm)
from actions.parsing import FAMILY_SHARE, INTERPRETERS, Answer, Filled, Miss, Reply, SAY_WRONG, opening_slots, question_beside

TODAY = date(2026, 11, 22)


def test_terminated_for_shortage_of_work_asks_who_terminated() -> None:
    slots = {"consent": True, "situation": "terminated", "termination_reason": "shortage_of_work"}
    assert flow.next_slot("situation_form", slots) == "termination_initiated_by"


def test_fact_seeker_skips_the_guidance_questions() -> None:
    assert flow.required_slots("guidance_form", {"guidance_mode": "check"})[-1] == "guidance_mode"
    assert "inward_who" not in flow.required_slots("guidance_form", {"guidance_mode": "plan"})
    assert "inward_who" in flow.required_slots("guidance_form", {"guidance_mode": "explore"})


def test_collective_agreement_skips_the_work_history() -> None:
    plan = flow.work_plan({"employer_sector": "private", "collective_agreement": "yes"})
    # Routed elsewhere: neither the work nor the roles that exclude from this support are asked.
    assert "employment_start" not in plan and "role_exclusion" not in plan and plan[-1] == "collective_agreement"
    assert "role_exclusion" in flow.work_plan({"employer_sector": "private", "collective_agreement": "no"})


def test_low_hours_ask_for_income() -> None:
    assert "employment_monthly_income" in flow.work_plan({"employment_hours_per_week": 10})
    assert "employment_monthly_income" not in flow.work_plan({"employment_hours_per_week": 30})


def test_a_correction_is_asked_again_in_a_later_form() -> None:
    assert flow.next_slot("contact_form", {"consent": True, "situation": None}) == "situation"


def test_without_consent_no_contact_details_are_asked() -> None:
    assert flow.contact_plan({"consent": False}) == []
    assert flow.contact_plan({"consent": None}) == ["consent"]


@pytest.mark.parametrize("slot, text, intent, expected", [
    ("age", "jag är 45 år", "inform", {"age": 45}),
    ("age", "fyrtiofem", "inform", {"age": 45}),
    ("employment_end", "pågår", "inform", {"employment_end": "ongoing"}),
    ("employment_start", "mars -24", "inform", {"employment_start": "2024-03-01"}),
    ("employment_hours_per_week", "75 %", "inform", {"employment_hours_per_week": 30.0}),
    ("employment_monthly_income", "32k", "inform", {"employment_monthly_income": 32000}),
    ("employment_country", "i norge", "inform", {"employment_country": "NO"}),
    ("employer_sector", "jag jobbar på kommunen", "inform", {"employer_sector": "municipality"}),
    ("collective_agreement", "vet inte", "dont_know",
     {"collective_agreement": "unknown",
      "_say": "Det går bra, det vet många inte. Rådgivaren kan hjälpa dig att ta reda på det."}),
    ("contact_method", "anna@exempel.se", "inform", {"contact_email": "anna@exempel.se", "contact_method": "email"}),
    # A guess is the whole answer, whatever the classifier read: not known for sure.
    *[("collective_agreement", text, "faq",
       {"collective_agreement": "unknown",
        "_say": "Då skriver jag att du inte vet säkert. Rådgivaren kan hjälpa dig att ta reda på det."})
      for text in ("tror det?", "tror inte det", "borde ha det", "tror att de har det")],
    # The reason told in the same answer is not asked again.
    ("situation", "uppsagd pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    ("situation", "jag har fått gå, de lägger ner avdelningen", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    ("situation", "jag blev uppsagd i september, lagret flyttar till polen", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    ("termination_reason", "de lade ner butiken", "inform", {"termination_reason": "shortage_of_work"}),
    ("termination_reason", "produktionen flyttas utomlands", "inform", {"termination_reason": "shortage_of_work"}),
    ("situation", "jag har blivit uppsagd", "inform_terminated", {"situation": "terminated"}),
    ("situation", "jag sa upp mig själv", "inform_terminated",
     {"situation": "terminated", "termination_reason": "own_resignation", "termination_initiated_by": "employee"}),
])
def test_answers_are_read_in_the_context_of_the_question(slot: str, text: str, intent: str,
                                                         expected: dict[str, Any]) -> None:
    result = INTERPRETERS[slot](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots == expected


@pytest.mark.parametrize("text, intent, expected", [
    ("28000", "inform", None), ("2019", "inform", None), ("nej", "deny", None), ("ja", "affirm", None),
    ("3M", "inform", "3M"), ("H&M", "inform", "H&M"), ("det heter Volvo Cars", "inform", "Volvo Cars"),
    ("jag jobbar på Scania", "inform", "Scania"), ("firman heter Bygg & Måleri", "inform", "Bygg & Måleri"),
])
def test_an_employer_name_has_letters_and_is_not_a_yes_or_no(text: str, intent: str, expected: str | None) -> None:
    result = INTERPRETERS["employer_name"](Answer(text, intent, 0.9, [], TODAY))
    if expected is None:
        assert isinstance(result, Miss) and "arbetsgivarens namn" in result.hint
    else:
        assert isinstance(result, Filled) and result.slots["employer_name"] == expected


def test_a_question_in_the_middle_is_not_an_answer_and_nonsense_is_a_miss() -> None:
    assert INTERPRETERS["employment_start"](Answer("vad kostar det?", "faq", 0.95, [], TODAY)) is None
    assert isinstance(INTERPRETERS["employment_start"](Answer("blå", "inform", 0.5, [], TODAY)), Miss)


def _tracker(slots: dict[str, Any], text: str, intent: str, before: str | None = None,
             earlier: str | None = None) -> Tracker:
    # `earlier`: a message the person wrote before this one (a story the questions may read).
    events = [{"event": "user", "text": earlier, "parse_data": {}}] if earlier else []
    events += [{"event": "action", "name": before}] if before else []
    events += [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"}]
    return Tracker("t", slots, {"text": text, "intent": {"name": intent, "confidence": 0.9},
                                "entities": []}, events, False, None,
                   {"name": "work_form"}, "action_extract_slots")


def _run(slots: dict[str, Any], text: str, intent: str = "inform", before: str | None = None,
         form: FormValidation | None = None, earlier: str | None = None) -> tuple[dict[str, Any], list]:
    dispatcher = CollectingDispatcher()
    form = form or ValidateWorkForm()
    events = asyncio.run(form.run(dispatcher, _tracker(slots, text, intent, before, earlier), {}))
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


BASE = {"consent": True, "situation": "terminated", "termination_reason": "shortage_of_work",
        "termination_initiated_by": "employer", "guidance_mode": "check", "age": 45,
        "employer_name": "Bageriet AB", "employer_sector": "other", "collective_agreement": "no",
        "role_exclusion": "none", "employment_employer": "Bageriet AB", "employment_country": "SE",
        "employment_start": "2019-01-01", "employment_end": "2026-10-31",
        "employment_hours_per_week": 40}


def test_the_employment_loop_collects_and_asks_for_the_next() -> None:
    updates, _ = _run({**BASE, "requested_slot": "more_employments"}, "ja", "affirm")
    assert updates["employments"][0]["employer"] == "Bageriet AB"
    assert updates["more_employments"] is None and updates["employment_start"] is None
    assert updates["requested_slot"] == "employment_employer"


def test_the_next_employment_told_with_the_yes_is_not_asked_again() -> None:
    updates, messages = _run({**BASE, "requested_slot": "more_employments"},
                             "ja, innan dess jobbade jag på Pressbyrån från januari 2023 till juni 2025", "affirm")
    assert updates["employments"][0]["employer"] == "Bageriet AB"  # the first one is kept as it was
    assert (updates["employment_employer"], updates["employment_start"], updates["employment_end"]) == \
        ("Pressbyrån", "2023-01-01", "2025-06-30")
    assert updates["requested_slot"] == "employment_country"  # only what was not told is asked
    assert messages[0]["text"].startswith("Då skriver jag in en anställning hos Pressbyrån från januari 2023 "
                                          "till juni 2025.")
    # A plain yes asks for the employer; a no ends the loop.
    updates, messages = _run({**BASE, "requested_slot": "more_employments"}, "ja", "affirm")
    assert updates["employment_employer"] is None and messages == []
    updates, _ = _run({**BASE, "requested_slot": "more_employments"}, "nej", "deny")
    assert updates["more_employments"] is False and updates["requested_slot"] == "had_skippable"


@pytest.mark.parametrize("text, intent, told", [
    ("ja på ica 2012-2019", "affirm",
     {"employment_employer": "Ica", "employment_start": "2012-01-01", "employment_end": "2019-12-31"}),
    ("jobbade extra på Coop mars-maj 2025", "inform",  # no yes, but an employment: a yes
     {"employment_employer": "Coop", "employment_start": "2025-03-01", "employment_end": "2025-05-31"}),
    ("ja, i Danmark hos Lego sedan juni 2024 till nu", "affirm",
     {"employment_employer": "Lego", "employment_country": "DK", "employment_start": "2024-06-01",
      "employment_end": "ongoing"}),
    ("ja, på ett lager i norge 2023-2024", "affirm",
     {"employment_country": "NO", "employment_start": "2023-01-01", "employment_end": "2024-12-31"}),
    ("ja, på deltid hos en städfirma", "affirm", None),     # no name, no period: asked one by one
    # A name standing on its own, and a job that goes on since a time.
    ("ja restaurangen, Krogen Pelikan, jobbar kvar där sen 2022", "affirm",
     {"employment_employer": "Krogen Pelikan", "employment_start": "2022-01-01", "employment_end": "ongoing"}),
    ("ja hos Nisses Bil, sen mars 2024, fortfarande", "affirm",
     {"employment_employer": "Nisses Bil", "employment_start": "2024-03-01", "employment_end": "ongoing"}),
    ("Ja, jag hade ett extrajobb", "affirm", None),
    ("ja, i Norge", "affirm", None),
    # A job that goes on, without when it began: only the start is asked.
    ("ja, gymmet, Friskis, jobbar kvar där", "affirm", {"employment_employer": "Friskis", "employment_end": "ongoing"}),
])
def test_what_the_yes_to_more_employments_tells(text: str, intent: str, told: dict[str, Any] | None) -> None:
    result = INTERPRETERS["more_employments"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["more_employments"] is True
    assert result.slots.get("_next_told") == told


@pytest.mark.parametrize("text, intent, expected", [
    ("chefen vill att jag slutar", "inform_terminated", {"situation": "employed"}),
    ("de har föreslagit att jag ska säga upp mig", "inform_terminated", {"situation": "employed"}),
    # On sick leave the gentle question comes: is the job still there?
    ("har varit sjukskriven i ett år och min arbetsgivare vill att jag slutar", "inform_sick",
     {"reduced_capacity": True}),
    ("chefen vill att jag slutar och nu har jag blivit uppsagd", "inform_terminated",
     {"situation": "terminated"}),
    ("chefen vill göra sig av med mig", "inform_terminated", {"situation": "employed"}),
    ("de pratar om att säga upp mig", "inform_terminated", {"situation": "employed"}),
    ("jag är sjukskriven och arbetsgivaren vill göra sig av med mig, men jag har kvar jobbet", "inform_sick",
     {"situation": "employed", "reduced_capacity": True}),
])
def test_an_employer_who_wants_one_to_leave_has_not_ended_the_job(text: str, intent: str,
                                                                  expected: dict[str, Any]) -> None:
    result = INTERPRETERS["situation"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert {k: v for k, v in result.slots.items() if not k.startswith("_")} == expected
    assert opening_slots(Answer(text, intent, 0.9, [], TODAY)) == expected


@pytest.mark.parametrize("text, intent, expected", [
    # The employer's notice said with a verb, coming: the job ends.
    ("hej. jag har varit sjukskriven i ett år för utmattning och nu ska dom säga upp mig. orkar inte så mycket",
     "inform_sick", {"situation": "terminated_illness", "termination_reason": "illness",
                     "termination_initiated_by": "employer", "reduced_capacity": True, "notice_pending": "coming"}),
    ("chefen ska säga upp mig", "inform_terminated", {"situation": "terminated", "notice_pending": "coming"}),
    ("nu säger dom upp mig", "inform_terminated", {"situation": "terminated", "notice_pending": "coming"}),
    # Hedged, it is still the notice expected: said back, and "det blev fel" corrects it.
    ("jag har kvar jobbet än så länge men de kommer nog säga upp mig", "inform_employed",
     {"situation": "terminated", "notice_pending": "coming"}),
    ("jag sägs upp i mars pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "notice_pending": "coming"}),
    # A varsel is not a notice yet; once the notice has come, nothing is pending.
    ("jag är varslad pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "notice_pending": "warned"}),
    # "har fått varsel" as "varslad"; with illness the reason is still arbetsbrist, and illness is asked about.
    ("jag jobbar som lokalvårdare i kommunen och har fått varsel. har ont i axlarna sen länge", "inform_sick",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "notice_pending": "warned", "reduced_capacity": True}),
    ("blev varslad i oktober och fick beskedet i november", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    ("jag har blivit uppsagd", "inform_terminated", {"situation": "terminated"}),
    # The workplace to close: the notice is coming until it is said to have come.
    ("nu ska mitt kontor i Ludvika läggas ner", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "notice_pending": "coming"}),
    ("butiken ska stängas i mars och jag har fått min uppsägning", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    # One's own plan to resign: the job is there, and what resigning means for the support is said.
    ("jag vill säga upp mig", "inform", {"situation": "employed"}),
    ("funderar på att säga upp mig", "career_guidance", {"situation": "employed"}),
])
def test_a_notice_said_with_a_verb(text: str, intent: str, expected: dict[str, Any]) -> None:
    result = INTERPRETERS["situation"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert {k: v for k, v in result.slots.items() if not k.startswith("_")} == expected
    # One's own plan to resign (the only cases here that keep the job) is told what it means.
    assert ("inte rätt till rådgivning" in result.slots.get("_say", "")) == (expected == {"situation": "employed"})
    assert opening_slots(Answer(text, intent, 0.9, [], TODAY)) == expected


_HOURLY_ENDED = {"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
                 "termination_initiated_by": "employer"}


@pytest.mark.parametrize("text, intent, expected", [
    # Hourly work is a run of short fixed terms: no more shifts is a fixed term ending, not a notice.
    ("jag är timanställd och får inga pass längre", "inform_terminated", _HOURLY_ENDED),
    ("jag har varit timanställd men de har slutat ringa in mig", "inform_fixed_term_ended", _HOURLY_ENDED),
    ("jag var timanställd på ett lager, nu ringer de inte in mig längre", "inform_terminated", _HOURLY_ENDED),
    ("behovsanställd i hemtjänsten men har inte fått några pass sen i somras", "inform_terminated", _HOURLY_ENDED),
    ("har jobbat extra på en restaurang men nu får jag inga pass längre", "inform_terminated", _HOURLY_ENDED),
    ("timanställd, de har slutat ge mig pass", "inform_fixed_term_ended", _HOURLY_ENDED),
    # Whether it is a notice, asked, not told; a subordinate clause's word order.
    ("ok. men jag är timanställd, är jag uppsagd då när de inte ringer längre?", "nlu_fallback", _HOURLY_ENDED),
    ("timanställd, ingen ringer mer. räknas det som uppsägning?", "inform_terminated", _HOURLY_ENDED),
    # Still getting shifts, or a notice said: as said.
    ("jag är timanställd i hemtjänsten", "inform_employed", {"situation": "employed"}),
    ("timanställd och blev uppsagd pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
])
def test_hourly_work_without_shifts_is_a_fixed_term_ending(text: str, intent: str,
                                                          expected: dict[str, Any]) -> None:
    result = INTERPRETERS["situation"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert {k: v for k, v in result.slots.items() if not k.startswith("_")} == expected
    assert ("timanställning" in result.slots.get("_say", "")) == (expected == _HOURLY_ENDED)
    # The workplace's sector ("en restaurang": private) is the opening's too, tested with the sector.
    told = opening_slots(Answer(text, intent, 0.9, [], TODAY))
    assert {k: v for k, v in told.items() if k != "employer_sector"} == expected


def test_unsure_which_fits_but_hourly_is_a_fixed_term_said_to_be_corrected() -> None:
    result = INTERPRETERS["situation"](Answer("vet inte riktigt, ja e timanstalld hos dom", "dont_know", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["situation"] == "fixed_term_ended"
    assert result.slots["_say"].startswith("En timanställning räknas oftast som en visstidsanställning")
    # Not unsure, and nothing ending: as before, asked.
    assert isinstance(INTERPRETERS["situation"](Answer("jag är timanställd hos dom", "inform", 0.9, [], TODAY)), Miss)


def test_hourly_work_told_as_the_reason_is_a_fixed_term_ending() -> None:
    result = INTERPRETERS["termination_reason"](Answer("jag var timanställd", "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["termination_reason"] == "fixed_term_ended"


@pytest.mark.parametrize("text, intent, expected", [
    # Illness beside another reason: the reason stays, and the illness is asked about, since
    # förstärkt stöd does not hang on the reason (eligibility.md 2.6).
    ("jag är sjukskriven och blev uppsagd pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "reduced_capacity": True}),
    ("vikariatet tog slut, jag har varit sjukskriven i perioder", "inform_fixed_term_ended",
     {"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended", "termination_initiated_by": "employer",
      "reduced_capacity": True}),
    # Illness ruled out is no illness.
    ("blev uppsagd pga arbetsbrist, är inte sjuk", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    ("uppsagd, har aldrig varit sjukskriven", "inform_terminated", {"situation": "terminated"}),
])
def test_illness_told_beside_the_end_of_the_job(text: str, intent: str, expected: dict[str, Any]) -> None:
    result = INTERPRETERS["situation"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert {k: v for k, v in result.slots.items() if not k.startswith("_")} == expected
    assert opening_slots(Answer(text, intent, 0.9, [], TODAY)) == expected


@pytest.mark.parametrize("asked, text, expected", [
    ("age", "52, men hur länge gäller stödet?", {"age": 52}),
    ("employer_name", "Volvo Cars, vad kostar det förresten?", {"employer_name": "Volvo Cars", "employer_sector": "private"}),
    ("employer_sector", "privat, eller vad menas med det?", {"employer_sector": "private"}),
    ("employment_hours_per_week", "heltid. räknas övertid?", {"employment_hours_per_week": 40.0}),
    # Not read: a yes/no beside "vad är det?" (it asks what it is), free text, a non-name.
    ("collective_agreement", "nej, vad är det?", None),
    ("inward_who", "hmm, vad menar du?", None),
    ("employer_name", "vet inte vad de heter, vad händer om jag inte vet?", None),
    ("employer_name", "Det är ett litet företag, måste jag säga namnet?", None),
    ("age", "hur länge gäller stödet?", None),
    ("outward_options", "förskollärare kanske, hur lång är den utbildningen?",
     {"outward_options": "förskollärare kanske", "_say": "Tack, jag skriver upp förskollärare."}),
    ("inward_wants", "vet inte riktigt, vad brukar folk svara?", None),
])
def test_an_answer_beside_a_question_the_classifier_read(asked: str, text: str,
                                                         expected: dict[str, Any] | None) -> None:
    from actions.parsing import answer_beside_question
    result = answer_beside_question(asked, Answer(text, "faq", 0.95, [], TODAY))
    assert (result.slots if result else None) == expected


def test_the_form_keeps_the_answer_and_answers_the_question_beside_it() -> None:
    slots = {**BASE, "age": None, "requested_slot": "age"}
    text = "52, men hur länge gäller stödet?"
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"}]
    # The message as Rasa sends it: read as an FAQ, with the ResponseSelector's answer.
    message = {"text": text, "intent": {"name": "faq", "confidence": 0.97}, "entities": [],
               "response_selector": {"faq": {"response": {"intent_response_key": "faq/duration",
                                                          "confidence": 0.9}}}}
    tracker = Tracker("t", slots, message, events, False, None, {"name": "work_form"}, "action_extract_slots")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    assert updates["age"] == 52 and updates["requested_slot"] != "age"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/duration"]
    # In the guidance questions a question about educations gets the outward phase's answer.
    slots = {**BASE, "guidance_mode": "explore", "inward_who": "x", "inward_skills": "x", "inward_wants": "x",
             "requested_slot": "outward_options"}
    updates, messages = _run(slots, "förskollärare kanske, hur lång är den utbildningen?", "out_of_scope",
                             form=ValidateGuidanceForm())
    assert updates["outward_options"] == "förskollärare kanske"
    assert [m.get("response") or m.get("text") for m in messages] == \
        ["Tack, jag skriver upp förskollärare.", "utter_outward_educations"]
    # "varför behöver ni veta det?" beside a date: kept, and the question's reason said.
    slots = {**BASE, "employment_start": None, "requested_slot": "employment_start"}
    updates, messages = _run(slots, "mars 2019, varför behöver ni veta det?", "clarify")
    assert updates["employment_start"] == "2019-03-01"
    assert [m.get("response") for m in messages] == ["utter_explain_employment_start"]


def test_leave_told_with_the_yes_is_not_asked_again() -> None:
    slots = {**BASE, "more_employments": False, "employments": [{"employer": "Bageriet AB"}],
             "requested_slot": "had_skippable"}
    updates, messages = _run(slots, "ja, föräldraledig jan-jun 2025", "affirm")
    assert (updates["skippable_type"], updates["skippable_start"], updates["skippable_end"]) == \
        ("parental_benefit", "2025-01-01", "2025-06-30")
    assert updates["requested_slot"] == "more_skippable"
    assert messages[0]["text"].startswith("Då skriver jag in föräldraledighet från januari 2025 till juni 2025.")
    # The next one, told with the yes to "fler perioder?", after the first is put in the list.
    done = {**slots, **updates, "requested_slot": "more_skippable"}
    updates, messages = _run(done, "ja, sjukskriven mars till maj 2026", "affirm")
    assert updates["skippable_periods"][0]["type"] == "parental_benefit"
    assert (updates["skippable_type"], updates["skippable_start"], updates["skippable_end"]) == \
        ("sickness_benefit", "2026-03-01", "2026-05-31")
    assert updates["requested_slot"] == "more_skippable"
    # A leave that goes on ("sen april"): from then until now, said back.
    updates, messages = _run(slots, "ja som jag sa, foraldraledig sen april", "affirm")
    assert (updates["skippable_start"], updates["skippable_end"]) == ("2026-04-01", "ongoing")
    assert messages[0]["text"].startswith("Då skriver jag in föräldraledighet från april 2026 till nu.")
    # "från" alone may be a leave that has ended: its end is asked.
    updates, _ = _run(slots, "ja var sjukskriven från hösten 2025", "affirm")
    assert updates["skippable_type"] == "sickness_benefit" and updates["requested_slot"] == "skippable_start"
    # Only the kind: its dates are asked.
    updates, _ = _run(slots, "ja, sjukskriven", "affirm")
    assert updates["skippable_type"] == "sickness_benefit" and updates["requested_slot"] == "skippable_start"


@pytest.mark.parametrize("text, expected", [
    ("helst på plats i Borlänge", {"meeting_preference": "physical", "municipality": "Borlänge"}),
    ("träffas gärna, jag bor i gävle", {"meeting_preference": "physical", "municipality": "Gävle"}),
    ("på plats", {"meeting_preference": "physical"}),
    ("på plats i stan", {"meeting_preference": "physical"}),          # which town: asked next
    ("digitalt", {"meeting_preference": "digital"}),
])
def test_the_place_told_with_the_meeting_preference_is_not_asked(text: str, expected: dict[str, Any]) -> None:
    assert INTERPRETERS["meeting_preference"](Answer(text, "inform", 0.9, [], TODAY)) == Filled(expected)


def test_out_of_work_is_asked_how_the_last_job_ended() -> None:
    slots = {"consent": True, "requested_slot": "situation"}
    # The classifier read this as inform_employed (0.56): no job is not a job.
    updates, messages = _run(slots, "jag är arbetslös sen ett år", "inform_employed", form=ValidateSituationForm())
    assert updates["requested_slot"] == "situation" and updates["asked_again"] == "last_job"
    assert messages[0]["text"].startswith("Det som avgör är hur ditt senaste jobb slutade.")
    # The reply to "Hur slutade ditt senaste jobb?" decides; a second "arbetslös" is taken as it is.
    updates, _ = _run({**slots, **updates}, "jag blev uppsagd", "inform_terminated", form=ValidateSituationForm())
    assert updates["situation"] == "terminated"
    updates, _ = _run({**slots, "miss_count": {"situation": 1}}, "arbetslös", "inform", form=ValidateSituationForm())
    assert updates["situation"] == "other"


def test_two_misses_offer_buttons() -> None:
    slots = {**BASE, "employment_start": None, "requested_slot": "employment_start"}
    updates, messages = _run(slots, "blä", "inform")
    assert updates["requested_slot"] == "employment_start" and not messages[0]["buttons"]
    updates, messages = _run({**slots, "miss_count": updates["miss_count"]}, "blä igen", "inform")
    assert "mars 2024" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/request_human"]


def test_an_end_before_the_start_is_refused() -> None:
    slots = {**BASE, "employment_start": "2019-01-01", "employment_end": None, "requested_slot": "employment_end"}
    updates, messages = _run(slots, "mars 2018")
    assert updates["employment_end"] is None and "före startdatumet" in messages[0]["text"]


def test_slots_become_engine_input_and_a_decision() -> None:
    slots = {**BASE, "employments": [{"employer": "Bageriet AB", "start": "2019-01-01",
                                      "end": "2026-10-31", "hours_per_week": 40,
                                      "monthly_income_sek": None, "country": "SE"}],
             "skippable_periods": [], "previous_support": False}
    data = engine_input(slots, TODAY)
    assert data["termination"] == {"reason": "shortage_of_work", "initiated_by": "employer",
                                   "last_day": "2026-10-31"}
    decision = evaluate_slots(slots, TODAY)
    assert decision["services"]["radgivning"]["status"] == "eligible"
    assert recommended_service(decision) == "radgivning"
    assert work_sentence(decision) == ("Arbetskravet: Det är uppfyllt. Det krävs 12 månader med tillräckligt arbete "
                                       "under perioden november 2024–oktober 2026, och enligt dina svar har du 24.")


def test_unknown_hours_become_missing_information() -> None:
    slots = {**BASE, "employments": [{"employer": "X", "start": "2025-06-01", "end": None,
                                      "hours_per_week": "unknown", "monthly_income_sek": "unknown"}]}
    decision = evaluate_slots(slots, TODAY)
    assert decision["services"]["radgivning"]["status"] == "needs_more_information"


def test_an_answer_that_looks_like_an_faq_topic_is_still_an_answer() -> None:
    result = INTERPRETERS["inward_wants"](Answer("jobba mer med vuxna", "faq", 0.97, [], TODAY))
    assert isinstance(result, Filled) and result.slots["inward_wants"] == "jobba mer med vuxna"
    assert INTERPRETERS["inward_wants"](Answer("vad kostar det", "faq", 0.97, [], TODAY)) is None


@pytest.mark.parametrize("text", ["va e validering", "e det frivilligt", "god förmiddag, vad kostar det"])
def test_questions_in_chat_spelling_still_digress(text: str) -> None:
    assert Answer(text, "faq", 0.97, [], TODAY).is_digression
    assert INTERPRETERS["inward_wants"](Answer(text, "faq", 0.97, [], TODAY)) is None


def test_a_short_greeting_of_the_day_interrupts_a_form() -> None:
    assert Answer("god förmiddag", "greet", 0.98, [], TODAY).is_digression
    # "e" alone is not a question: "e bra på att lyssna" is an answer.
    assert not Answer("e bra på att lyssna", "faq", 0.7, [], TODAY).is_digression


def test_an_odd_word_read_as_off_topic_is_an_unclear_answer_but_an_off_topic_question_digresses() -> None:
    # "blå" to the age question: the person needs help with the answer, not the off-topic reply.
    assert isinstance(INTERPRETERS["age"](Answer("blå", "out_of_scope", 0.93, [], TODAY)), Miss)
    assert INTERPRETERS["age"](Answer("kan du beställa en pizza", "out_of_scope", 0.93, [], TODAY)) is None
    assert INTERPRETERS["age"](Answer("vem vann matchen?", "out_of_scope", 0.93, [], TODAY)) is None
    # Other digressions need no question form.
    assert INTERPRETERS["age"](Answer("hej då", "goodbye", 0.93, [], TODAY)) is None


def test_yes_or_no_to_the_deletion_question_is_left_to_the_deletion_rules() -> None:
    asked = {**BASE, "requested_slot": "more_employments"}
    for text, intent in (("ja", "affirm"), ("nej", "deny")):
        updates, messages = _run(asked, text, intent, before="action_ask_delete")
        assert updates == {} and messages == []  # the form steps aside; nothing is filled
    # Any other reply is an answer to the form's question as usual, and so is "ja" elsewhere.
    updates, _ = _run(asked, "nej", "deny", before="utter_faq")
    assert updates["more_employments"] is False and updates["employments"]
    updates, _ = _run({**asked, "requested_slot": "employment_hours_per_week"}, "30 timmar", "inform",
                      before="action_ask_delete")
    assert updates["employment_hours_per_week"] == 30


def _after_change_question(slots: dict[str, Any], text: str, intent: str = "inform") -> tuple[dict[str, Any], list]:
    from actions.corrections import CHANGE_QUESTION
    events = [{"event": "user", "text": "det blev fel", "parse_data": {}},
              {"event": "action", "name": "action_correct"}, {"event": "bot", "text": CHANGE_QUESTION},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"}]
    tracker = Tracker("t", slots, {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
                      events, False, None, {"name": "work_form"}, "action_extract_slots")
    dispatcher = CollectingDispatcher()
    found = asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))
    return {e["name"]: e["value"] for e in found}, dispatcher.messages


def test_a_typed_reply_to_what_to_change_is_the_topic_not_an_answer() -> None:
    asked = {**BASE, "requested_slot": "employment_hours_per_week", "employment_hours_per_week": None}
    updates, messages = _after_change_question(asked, "arbetsgivaren")
    assert updates["employer_name"] is None and updates["collective_agreement"] is None
    assert updates["requested_slot"] == "employer_name"
    assert messages[0]["text"] == "Okej, då frågar jag om det igen."
    # Not a topic: nothing cleared, and the form's own question comes (it was not asked).
    updates, messages = _after_change_question(asked, "inget, det var rätt")
    assert "employer_name" not in updates and updates["requested_slot"] == "employment_hours_per_week"
    assert messages == []
    # The same word as an answer elsewhere is read as usual.
    updates, _ = _run({**asked, "requested_slot": "employment_hours_per_week"}, "30 timmar", "inform")
    assert updates["employment_hours_per_week"] == 30


def test_a_question_about_an_age_is_not_the_persons_own_age() -> None:
    read = INTERPRETERS["age"]
    asked = read(Answer("är man för gammal vid 65", "check_eligibility", 0.9, [], TODAY))
    assert isinstance(asked, Miss) and "65 år" in asked.hint
    assert read(Answer("gäller stödet om man är 66?", "faq", 0.9, [], TODAY)) is None  # the FAQ answers
    for text in ("jag är 64, kan jag få stöd?", "ja e 58 är det för gammalt?", "58"):
        said = read(Answer(text, "check_eligibility", 0.9, [], TODAY))
        assert isinstance(said, Filled) and said.slots["age"] in (64, 58)


@pytest.mark.parametrize("text", ["född 1975", "1975", "jag är född 1975", "född -75", "född 75", "Född år 1975"])
def test_a_birth_year_asks_whether_the_birthday_has_passed(text: str) -> None:
    said = INTERPRETERS["age"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(said, Miss) and said.lead == "Född 1975, då är du 50 eller 51 år."
    assert said.remember == {"birth_year": 1975, "asked_again": "birthday"}
    # A button (utter_ask_age's "birthday" variant), or a typed yes or no, settles it.
    for reply, intent, expected in (("/affirm", "affirm", 51), ("/deny", "deny", 50), ("ja", "affirm", 51),
                                    ("ja det har jag", "affirm", 51), ("nej", "deny", 50),
                                    ("nej inte än", "deny", 50)):
        answer = Answer(reply, intent, 0.9, [], TODAY, slots={"birth_year": 1975})
        assert INTERPRETERS["age"](answer) == Filled({"age": expected}), reply
    # Without a birth year said before, "ja" is no age.
    assert isinstance(INTERPRETERS["age"](Answer("ja", "affirm", 0.9, [], TODAY)), Miss)


@pytest.mark.parametrize("text, age, said", [
    ("fyller 50 i januari", 49, True), ("snart 60", 59, True), ("jag blir 64 i mars", 63, True),
    ("fyller 50 idag", 50, False), ("50", 50, False),
    ("jag är 45 men fyller 46 nästa vecka", 45, False), ("45 snart 46", 45, False),
])
def test_an_age_about_to_be_turned_is_the_age_today(text: str, age: int, said: bool) -> None:
    result = INTERPRETERS["age"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["age"] == age
    assert ("åldern i dag som räknas" in result.slots.get("_say", "")) == said


def test_resigning_because_of_illness_is_illness_on_ones_own_notice() -> None:
    result = INTERPRETERS["termination_reason"](Answer("jag sa upp mig för att jag var sjuk", "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert (result.slots["termination_reason"], result.slots["termination_initiated_by"]) == ("illness", "employee")
    result = INTERPRETERS["termination_reason"](Answer("sjukdom", "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["termination_initiated_by"] == "employer"


def test_fired_is_asked_why() -> None:
    result = INTERPRETERS["termination_reason"](Answer("jag fick sparken", "inform_terminated", 0.9, [], TODAY))
    assert isinstance(result, Miss) and result.lead == "Det låter tufft." and "Arbetsbrist" in result.hint


def test_an_occupation_told_earlier_gives_the_worker_category() -> None:
    events = [{"event": "user", "text": "hej jag e 34 o jobbar som undersköterska på ett äldreboende", "parse_data": {}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "privat", "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"}]
    slots = {**BASE, "employer_sector": None, "worker_category": None, "requested_slot": "employer_sector"}
    tracker = Tracker("t", slots, {"text": "privat", "intent": {"name": "inform", "confidence": 0.9}, "entities": []},
                      events, False, None, {"name": "work_form"}, "action_extract_slots")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    assert updates["worker_category"] == "blue_collar" and updates["requested_slot"] != "worker_category"
    assert dispatcher.messages[0]["text"].startswith(
        "Du har berättat att du jobbar som undersköterska, så jag skriver att du är arbetare.")
    from actions.parsing import category_from_story
    assert category_from_story(["jag är ekonom och uppsagd"]) == ("white_collar", "att du jobbar som ekonom")
    assert category_from_story(["jag är lagerchef"]) == ("white_collar", "att du jobbar som lagerchef")
    # Told in the past ("firman gick i konkurs, jag var platschef där"): said in the past.
    assert category_from_story(["Firman gick i konkurs. Jag var platschef där i 8 år."]) == \
        ("white_collar", "att du har jobbat som platschef")
    assert category_from_story(["jag var sjuk länge"]) is None
    # An agency named between the verb and the workplace: the workplace still tells the work.
    assert category_from_story(["tja, jobbar via manpower pa ett lager i jonkoping men uppdraget tar slut"]) == \
        ("blue_collar", "om ditt jobb på ett lager")
    assert category_from_story(["förut jobbade jag som kock"]) is None   # an earlier job
    # The job's occupation ("mitt vikariat som …"), with an earlier job told in another sentence.
    assert category_from_story(["mitt vikariat som sjuksköterska tog slut i oktober. innan dess jobbade jag i "
                                "norge"]) == ("white_collar", "om ditt vikariat som sjuksköterska")
    assert opening_slots(Answer("mitt vikariat på ett privat äldreboende tog slut sista oktober", "inform", 0.9,
                                [], TODAY))["employer_sector"] == "private"
    assert category_from_story(["jag är 45"]) is None
    # A workplace where no occupation is told; a company says nothing of one's own work.
    assert category_from_story(["jag var timanställd på ett lager i tre år"]) == ("blue_collar",
                                                                                 "om ditt jobb på ett lager")
    assert category_from_story(["jobbade i en liten butik"]) == ("blue_collar", "om ditt jobb i en liten butik")
    assert category_from_story(["jobbar på ett lager i Borås"]) == ("blue_collar", "om ditt jobb på ett lager")
    assert category_from_story(["jobbar på ett kontor"]) == ("white_collar", "om ditt jobb på ett kontor")
    assert category_from_story(["jobbar på ett byggföretag"]) is None
    assert category_from_story(["jobbar som ekonom på ett lager"]) == ("white_collar", "att du jobbar som ekonom")


def test_a_company_form_and_a_workplace_told_give_sector_and_category_with_one_hint() -> None:
    slots = {**BASE, "employer_name": "Lagerkompaniet AB", "employer_sector": None, "worker_category": None,
             "collective_agreement": None, "requested_slot": "employer_sector"}
    updates, messages = _run(slots, "vet inte", "dont_know",
                             earlier="jag var timanställd på ett lager men nu ringer de inte in mig längre")
    assert updates["employer_sector"] == "private" and updates["worker_category"] == "blue_collar"
    text = messages[0]["text"]
    assert text.startswith("Lagerkompaniet AB är ett bolag") and text.count("det blev fel") == 1
    assert text.endswith("Du har berättat om ditt jobb på ett lager, så jag skriver att du är arbetare. "
                         "Skriv \"det blev fel\" om något inte stämmer.")


def test_a_company_told_in_the_story_gives_the_sector_when_the_employer_is_named() -> None:
    slots = {**BASE, "employer_name": None, "employer_sector": None, "worker_category": None,
             "collective_agreement": None, "requested_slot": "employer_name"}
    updates, messages = _run(slots, "Bygg & Mark i Väst",
                             earlier="jag har jobbat som ekonomiassistent på ett byggföretag i 15 år")
    assert updates["employer_sector"] == "private" and updates["worker_category"] == "white_collar"
    assert updates["requested_slot"] == "collective_agreement"
    assert messages[0]["text"] == (
        "Du har berättat om ditt jobb på ett byggföretag, så jag skriver att arbetsgivaren är privat. "
        "Du har berättat att du har jobbat som ekonomiassistent, så jag skriver att du är tjänsteman. "
        "Skriv \"det blev fel\" om något inte stämmer.")
    from actions.parsing import sector_from_story
    assert sector_from_story(["jobbar hos en liten firma"]) == "en liten firma"
    assert sector_from_story(["har jobbat inom privat sektor i 20 år"]) == "privat sektor"
    assert sector_from_story(["jobbar på ett kommunalt bolag"]) is None  # owned by a kommun: asked
    assert sector_from_story(["jobbade på ett stort företag förut, nu i kommunen"]) is None  # an earlier job
    assert sector_from_story(["drömmer om ett eget företag"]) is None  # not a workplace
    # Kinds of workplace that are companies, as young people's extra jobs often are.
    assert sector_from_story(["jobbade extra på en restaurang i 2 år men dom har slutat ringa"]) == "en restaurang"
    assert sector_from_story(["jobbar i en butik"]) == "en butik"
    assert sector_from_story(["jobbar på en kommunal restaurang"]) is None
    from actions.parsing import category_from_story
    assert category_from_story(["jobbade extra på en restaurang i 2 år"]) == (
        "blue_collar", "om ditt jobb på en restaurang")
    assert category_from_story(["jobbar deltid i en butik"]) == ("blue_collar", "om ditt jobb i en butik")
    assert sector_from_story(["jobbar på ett lager i Ale kommun"]) is None  # who runs it is asked


def test_hours_given_in_days_are_said_back_as_hours() -> None:
    result = INTERPRETERS["employment_hours_per_week"](Answer("3 dagar i veckan", "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["employment_hours_per_week"] == 24
    assert result.slots["_say"].startswith("Det blir ungefär 24 timmar i veckan")


def test_a_birth_year_with_the_age_takes_the_age() -> None:
    assert INTERPRETERS["age"](Answer("jag är 51, född 1975", "inform", 0.9, [], TODAY)) == Filled({"age": 51})
    assert isinstance(INTERPRETERS["age"](Answer("född 1890", "inform", 0.9, [], TODAY)), Miss)


def test_the_birth_year_question_is_asked_and_its_answer_read() -> None:
    slots = {**BASE, "age": None, "requested_slot": "age"}
    updates, messages = _run(slots, "född 1975")
    year = date.today().year
    assert updates["age"] is None and updates["birth_year"] == 1975 and updates["requested_slot"] == "age"
    assert updates["asked_again"] == "birthday"  # utter_ask_age then asks "Har du fyllt år i år?"
    assert messages == [{**messages[0], "text": f"Född 1975, då är du {year - 1976} eller {year - 1975} år.",
                         "buttons": []}]
    updates, _ = _run({**slots, "birth_year": 1975, "asked_again": "birthday"}, "nej", "deny")
    assert updates["age"] == year - 1976 and updates["asked_again"] is None
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    [variant] = [v for v in domain["responses"]["utter_ask_age"]
                 if {"type": "slot", "name": "asked_again", "value": "birthday"} in v.get("condition", [])]
    assert variant["text"] == "Har du fyllt år i år?"
    assert [b["payload"] for b in variant["buttons"]] == ["/affirm", "/deny"]


def test_every_question_a_form_asks_can_be_explained() -> None:
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    asked = {slot for form in domain["forms"].values() for slot in form["required_slots"]}
    missing = sorted(s for s in asked if f"utter_explain_{s}" not in domain["responses"])
    assert len(asked) > 30 and not missing
    for slot in asked:  # a flow's own slots, asked again after the explanation
        assert f"utter_ask_{slot}" in domain["responses"] or f"action_ask_{slot}" in domain["actions"]


def test_asking_what_a_question_means_is_not_an_answer() -> None:
    for slot, text in (("had_skippable", "förstår inte frågan"), ("inward_who", "vad menar du?"),
                       ("age", "vad menar du med det")):
        assert INTERPRETERS[slot](Answer(text, "clarify", 0.9, [], TODAY)) is None


def test_a_less_sure_deletion_request_still_interrupts_a_free_text_question() -> None:
    text = "kan ni ta bort det jag berättat om min sjukdom"
    assert INTERPRETERS["inward_who"](Answer(text, "delete_data", 0.52, [], TODAY)) is None
    # Other digressions keep the higher bar: an unsure guess is kept as the answer.
    kept = INTERPRETERS["inward_who"](Answer("jag har jobbat med människor", "faq", 0.52, [], TODAY))
    assert isinstance(kept, Filled)


@pytest.mark.parametrize("text, intent, expected", [
    ("chefen sa att min tjänst försvinner", "inform", "employer"),
    ("de lade ner hela avdelningen", "inform", "employer"),
    ("företaget gick i konkurs", "inform", "employer"),
    ("chefen erbjöd mig ett avgångsavtal", "inform", "employer"),
    ("vi var flera som fick gå", "inform", "employer"), ("jag fick sluta", "inform", "employer"),
    ("nej, chefen sa upp mig", "deny", "employer"),
    ("nej, inte arbetsgivaren", "deny", "employee"),
    ("arbetsgivaren sa inte upp mig", "inform", "employee"),
    ("det var mitt eget beslut", "inform", "employee"),
    ("jag sa upp mig", "inform", "employee"),
    ("ja", "affirm", "employer"),
    ("nej", "deny", "employee"),
])
def test_who_took_the_initiative_is_read_from_what_happened(text: str, intent: str, expected: str) -> None:
    result = INTERPRETERS["termination_initiated_by"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots == {"termination_initiated_by": expected}


def test_an_agreement_to_leave_asks_whose_idea_it_was() -> None:
    # "vi kom överens om att jag skulle sluta" was read as a goodbye and ended the form.
    for text, intent in (("vi kom överens om att jag skulle sluta", "goodbye"),
                         ("jag skrev på ett avgångsavtal", "inform"),
                         ("arbetsgivaren och jag kom överens", "inform")):
        result = INTERPRETERS["termination_initiated_by"](Answer(text, intent, 0.95, [], TODAY))
        assert isinstance(result, Miss) and result.lead and "tog upp det först" in result.hint


def test_not_knowing_is_met_kindly_with_help_and_a_human_at_once() -> None:
    slots = {**BASE, "employment_start": None, "requested_slot": "employment_start"}
    updates, messages = _run(slots, "minns inte", "dont_know")
    text = messages[0]["text"]
    assert updates["requested_slot"] == "employment_start"
    assert text.startswith("Ingen fara") and "förstod jag inte" not in text and "hösten 2019" in text
    # An end may be still to come: its examples are not all years gone.
    end_slots = {**BASE, "employment_start": "2019-01-01", "employment_end": None, "requested_slot": "employment_end"}
    _, end_messages = _run(end_slots, "vet inte", "dont_know")
    assert end_messages[0]["text"].startswith("Ingen fara") and "\"i mars\"" in end_messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/request_human"]
    # An answer that is just unclear keeps the plain hint, and no button the first time.
    _, messages = _run(slots, "blä", "inform")
    assert messages[0]["text"].startswith("Det förstod jag inte riktigt") and not messages[0]["buttons"]
    # The approximate answer the hint asks for is then taken.
    updates, _ = _run(slots, "i början av 2019 tror jag", "inform")
    assert updates["employment_start"] == "2019-01-01"


@pytest.mark.parametrize("slot, text, expected", [
    ("contact_name", "kalla mig Anna", "Anna"),
    ("contact_name", "hej, jag heter Ali Hassan", "Ali Hassan"),
    ("contact_name", "vill helst inte säga", "unknown"),
    ("contact_name", "nej", "unknown"),
    ("contact_name", "Nä tack.", "unknown"),
    ("contact_name", "Jo", "Jo"),
    ("contact_name", "Maj-Britt", "Maj-Britt"),
    ("municipality", "jag bor i Luleå", "Luleå"),
    ("municipality", "i Gävle kommun", "Gävle"),
    ("municipality", "Stockholms stad", "Stockholms stad"),
    ("municipality", "spelar ingen roll", "unknown"),
])
def test_contact_answers_keep_only_what_the_advisor_needs(slot: str, text: str, expected: str) -> None:
    result = INTERPRETERS[slot](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots[slot] == expected


def test_yes_or_no_is_not_a_name() -> None:
    said = INTERPRETERS["contact_name"](Answer("ja", "affirm", 0.9, [], TODAY))
    assert isinstance(said, Miss) and said.hint == "Skriv ditt namn, till exempel \"Anna\"."
    # Nor is an answer to an earlier question that the NLU reads with confidence as a situation.
    assert isinstance(INTERPRETERS["contact_name"](Answer("jobbar kvar", "inform_employed", 1.0, [], TODAY)), Miss)
    assert INTERPRETERS["contact_name"](Answer("Hans", "nlu_fallback", 0.5, [], TODAY)) == Filled({"contact_name": "Hans"})
    # A sentence's little words are no name's ("den fortsätter" answers an earlier question), but
    # a name's own small words ("de", "af") stay.
    assert isinstance(INTERPRETERS["contact_name"](Answer("den fortsätter", "inform", 0.5, [], TODAY)), Miss)
    for name in ("Louis de Geer", "Ebba af Klint", "Åsa Nilsson"):
        assert INTERPRETERS["contact_name"](Answer(name, "inform", 0.5, [], TODAY)) == Filled({"contact_name": name})
    no = INTERPRETERS["contact_name"](Answer("nej tack", "deny", 0.9, [], TODAY))
    assert no == Filled({"contact_name": "unknown",
                         "_say": "Det går bra, namnet behövs inte. Rådgivaren hör av sig ändå."})
    # Sent to another organisation, our advisor was only offered: a no declines the contact itself.
    elsewhere = {"recommended_service": "other_organisation"}
    for text in ("nej", "Nej tack!", "inget", "behövs inte", "nej det är lugnt", "nej tack, jag vänder mig dit själv",
                 "jag kontaktar TSL själv"):
        said = INTERPRETERS["contact_name"](Answer(text, "deny", 0.9, [], TODAY, slots=elsewhere))
        assert said == Filled({"contact_declined": True}), text
    # A name is a yes; not wanting to give one still asks how to reach the person.
    assert INTERPRETERS["contact_name"](Answer("Inga", "inform", 0.9, [], TODAY, slots=elsewhere)) == \
        Filled({"contact_name": "Inga"})
    assert INTERPRETERS["contact_name"](Answer("vill helst inte säga", "deny", 0.9, [], TODAY, slots=elsewhere)) == \
        Filled({"contact_name": "unknown", "_say": "Det går bra, namnet behövs inte. Rådgivaren hör av sig ändå."})
    # Asked for a human after all: the no to a name is no longer a no to contact.
    asked = INTERPRETERS["contact_name"](Answer("nej", "deny", 0.9, [], TODAY,
                                                slots={**elsewhere, "handoff_requested": True}))
    assert isinstance(asked, Filled) and asked.slots["contact_name"] == "unknown"
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    [offer] = [v for v in domain["responses"]["utter_ask_contact_name"] if v.get("condition")]
    assert offer["condition"] == [{"type": "slot", "name": "recommended_service", "value": "other_organisation"}]
    assert [b["payload"] for b in offer["buttons"]] == ["/goodbye"]


@pytest.mark.parametrize("slot, text, response", [
    ("outward_options", "vad finns det för utbildningar", "utter_outward_educations"),
    ("outward_options", "kan man plugga på distans?", "utter_outward_educations"),
    ("inward_wants", "vilka yrken finns det brist på", "utter_outward_occupations"),
    ("forward_goal", "var finns jobben?", "utter_outward_occupations"),
    ("forward_next_step", "har du tips på vad jag kan bli", "utter_outward_occupations"),
    ("inward_wants", "något lättare, vilka jobb finns det?", "utter_outward_occupations"),
])
def test_a_question_about_options_gets_information(slot: str, text: str, response: str) -> None:
    result = INTERPRETERS[slot](Answer(text, "career_guidance", 0.95, [], TODAY))
    assert result == Reply(response)


@pytest.mark.parametrize("slot, text", [
    ("outward_options", "kanske lärare eller något med utbildning"),
    ("inward_wants", "jobba mer med människor"),
    ("inward_who", "jag har jobbat som bagare i tio år"),
    ("outward_options", "vet inte"),
    # A guess put as a question is an answer.
    ("inward_wants", "som jag skrev, något lättare. kanske jobba på fritids eller som elevassistent?"),
    ("outward_options", "kanske elevassistent?"),
])
def test_an_answer_that_mentions_jobs_is_still_an_answer(slot: str, text: str) -> None:
    assert isinstance(INTERPRETERS[slot](Answer(text, "career_guidance", 0.95, [], TODAY)), Filled)


def test_the_information_is_given_and_the_question_asked_again_without_a_miss() -> None:
    slots = {"consent": True, "situation": "employed", "guidance_mode": "explore",
             "inward_who": "undersköterska", "inward_skills": "ta hand om folk",
             "inward_wants": "mindre stress", "requested_slot": "outward_options"}
    updates, messages = _run(slots, "vad finns det för utbildningar", "career_guidance",
                             form=ValidateGuidanceForm())
    assert [m["response"] for m in messages] == ["utter_outward_educations"]
    assert updates["requested_slot"] == "outward_options" and updates["asked_again"] is True
    assert updates["outward_options"] is None and "miss_count" not in updates
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    assert "komvux" in domain["responses"]["utter_outward_educations"][0]["text"]


@pytest.mark.parametrize("text, intent, expected", [
    ("den finns kvar men jag tror inte jag kan gå tillbaka dit", "inform", "employed"),
    ("ja det tror jag", "affirm", "employed"),
    ("jag är fortfarande anställd", "inform_employed", "employed"),
    ("nej", "deny", "terminated"),
    ("den upphör nästa månad på grund av min sjukdom", "inform_sick", "terminated_illness"),
    ("de har sagt upp mig", "inform_terminated", "terminated"),
    # A negated ending is a job still there, not a termination.
    ("jag vet inte, de har inte sagt upp mig än", "dont_know", "employed"),
    ("jag har inte blivit uppsagd", "inform_terminated", "employed"),
    ("ej uppsagd än", "inform", "employed"),
    ("jag är inte säker men de har sagt upp mig", "inform", "terminated"),
])
def test_after_sick_leave_the_bot_asks_whether_the_job_is_still_there(text: str, intent: str,
                                                                      expected: str) -> None:
    sick = {"consent": True, "reduced_capacity": True}
    result = INTERPRETERS["situation"](Answer(text, intent, 0.9, [], TODAY, slots=sick))
    assert isinstance(result, Filled) and result.slots["situation"] == expected


def test_sick_leave_asks_one_question_not_two() -> None:
    first = INTERPRETERS["situation"](Answer("jag har varit sjukskriven sen i våras", "inform_sick",
                                             0.95, [], TODAY))
    assert first == Filled({"reduced_capacity": True})  # the situation is asked again
    # "ja" means nothing to the general situation question, only to the sick-leave follow-up.
    assert INTERPRETERS["situation"](Answer("ja", "affirm", 0.95, [], TODAY)) is not None
    assert not isinstance(INTERPRETERS["situation"](Answer("ja", "affirm", 0.95, [], TODAY)), Filled)
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    variants = domain["responses"]["utter_ask_situation"]
    first_time = [v for v in variants if {"name": "asked_again", "type": "slot", "value": None}
                  in v.get("condition", [])]
    # No "Tack för att du berättar" here: the story was thanked for when it was told.
    assert len(first_time) == 1 and first_time[0]["text"].startswith("Har du kvar din anställning")
    kept = INTERPRETERS["situation"](Answer("jag är sjukskriven men har kvar jobbet", "inform_sick",
                                            0.95, [], TODAY))
    assert kept == Filled({"situation": "employed", "reduced_capacity": True})


@pytest.mark.parametrize("text, intent, expected", [
    ("hej, jag har blivit uppsagd pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work",
      "termination_initiated_by": "employer"}),
    ("jag har blivit uppsagd", "inform_terminated", {"situation": "terminated"}),
    ("Jag jobbar som barnskötare och vill plugga till förskollärare", "career_guidance",
     {"situation": "employed", "guidance_mode": "plan", "outward_options": "förskollärare"}),
    ("hej jag vet inte vad jag vill jobba med", "career_guidance", {"guidance_mode": "explore"}),
    ("har jag rätt till omställningsstöd?", "check_eligibility", {"guidance_mode": "check"}),
    ("jag har varit sjukskriven sen i våras", "inform_sick", {"reduced_capacity": True}),
    ("mitt vikariat tar slut i december, vill bli sjuksköterska men vet inte hur", "inform_fixed_term_ended",
     {"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
      "termination_initiated_by": "employer", "guidance_mode": "plan", "outward_options": "sjuksköterska",
      "employment_end": "2026-12-31"}),
    # The employer's act said with the job as its object: a redundancy.
    ("hej, jag är föräldraledig och under tiden har de dragit in min tjänst. vad gäller för mig?", "faq",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    # "jobbade där sen": the start of the job just told of, in the past tense.
    ("mitt vikariat som larare tog slut i juni, jobbade dar sen aug 2023. nu e jag arbetslos",
     "inform_fixed_term_ended", {"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
                                 "termination_initiated_by": "employer", "employment_end": "2026-06-30",
                                 "employment_start": "2023-08-01"}),
    # A goal told as a decision or a plan, not only as "vill bli".
    ("Jag jobbar som undersköterska på Karolinska sedan 2015 och har bestämt mig för att bli sjuksköterska",
     "inform_employed", {"situation": "employed", "employer_name": "Karolinska", "employment_start": "2015-01-01",
                         "guidance_mode": "plan", "outward_options": "sjuksköterska"}),
    ("siktar på att plugga till elektriker nästa år", "career_guidance",
     {"guidance_mode": "plan", "outward_options": "elektriker"}),
    # "istället", "kanske" after the goal are not part of it.
    ("Funderar på att plugga till lärare istället, kan jag få omställningsstudiestöd?", "faq",
     {"guidance_mode": "plan", "outward_options": "lärare"}),
    # "bli bättre på" is a wish, not an occupation.
    ("blev uppsagd i höstas, jag vill bli bättre på att sälja", "inform_terminated", {"situation": "terminated"}),
    ("hej", "greet", {}),
    ("Hej! Jag jobbar som barnskötare sedan 2015. Kan jag få omställningsstudiestöd?", "faq",
     {"situation": "employed", "employment_start": "2015-01-01"}),
    ("vad händer om jag blir uppsagd?", "faq", {}),
    # "vet inte" and "annat" in a story are not the reason "other" (which would end in no support).
    ("blev uppsagd och vet inte vad jag ska göra nu", "inform_terminated", {"situation": "terminated"}),
    # Chat drops "jag": "är 58 och nyss uppsagd" tells, "är det ens lönt" asks.
    ("är 58 och nyss uppsagd, är det ens lönt att plugga", "nlu_fallback", {"situation": "terminated"}),
    ("jag har blivit uppsagd och vill göra något annat", "inform_terminated", {"situation": "terminated"}),
    ("har jag rätt till stöd om jag har blivit uppsagd?", "check_eligibility", {"guidance_mode": "check"}),
    ("jag är sjukskriven, kan jag få hjälp?", "inform_sick", {"reduced_capacity": True}),
    ("jag är arbetslös", "inform", {}),
    ("hej, har jag rätt till stöd? jobbat på ica i 5 år heltid och blir uppsagd i mars pga arbetsbrist",
     "inform_terminated", {"situation": "terminated", "termination_reason": "shortage_of_work",
                           "termination_initiated_by": "employer", "guidance_mode": "check",
                           "notice_pending": "coming", "employer_name": "ICA", "employer_sector": "private",
                           # "i 5 år": from today, and moved with the end when it is told
                           "employment_start": "2021-11-01", "employment_start_months": 60}),
    ("blev uppsagd förra veckan. vilket stöd kan jag få", "inform_terminated",
     {"situation": "terminated", "guidance_mode": "check"}),
    ("nu ska mitt kontor läggas ner. Vilken hjälp kan jag få?", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "notice_pending": "coming", "guidance_mode": "check"}),
    ("har jag rätt till a-kassa?", "out_of_scope", {}),
    ("blev uppsagd pga arbetsbrist, vad har jag rätt till", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work",
      "termination_initiated_by": "employer", "guidance_mode": "check"}),
    ("ok. kan jag få det? jobbar på en restaurang", "faq",
     {"situation": "employed", "guidance_mode": "check", "employer_sector": "private"}),
    ("mitt vikariat tar slut, vad kan jag få för stöd?", "inform_fixed_term_ended",
     {"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
      "termination_initiated_by": "employer", "guidance_mode": "check"}),
    # A public employer named in the story: the name says the kind of employer.
    ("jag jobbar som undersköterska i region skåne sen 2009 på heltid", "inform_employed",
     {"situation": "employed", "employer_name": "Region Skåne", "employer_sector": "region"}),
    ("blev uppsagd från Malmö stad pga arbetsbrist", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "employer_name": "Malmö stad", "employer_sector": "municipality"}),
    # The workplace is the warehouse; an earlier employer is not the one asked about.
    ("jobbar på ett lager i Ale kommun", "inform_employed", {"situation": "employed"}),
    # Not knowing what to do next is the explore path, whatever else the message says.
    ("jag har jobbat som lagerarbetare i 12 år men blev uppsagd pga arbetsbrist förra månaden, vet inte "
     "riktigt vad jag vill göra nu", "inform_terminated",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "guidance_mode": "explore"}),
    ("har jobbat på skatteverket förut men är nu uppsagd", "inform_terminated", {"situation": "terminated"}),
    # A private workplace without a name: the kind of employer is not asked again.
    ("jag jobbar som barnskötare på en privat förskola", "inform_employed",
     {"situation": "employed", "employer_sector": "private"}),
    ("har jobbat inom privat sektor i 20 år och blir uppsagd", "inform_terminated",
     {"situation": "terminated", "employer_sector": "private", "notice_pending": "coming"}),
    ("jobbade på en privat klinik förut, nu är jag sjukskriven", "inform_sick", {"reduced_capacity": True}),
])
def test_the_opening_message_is_not_asked_again(text: str, intent: str, expected: dict[str, Any]) -> None:
    from actions.parsing import opening_slots
    assert opening_slots(Answer(text, intent, 0.95, [], TODAY)) == expected


def test_the_situation_form_starts_from_what_the_opening_said_and_asks_consent_first() -> None:
    tracker = _tracker({}, "hej, jag har blivit uppsagd pga arbetsbrist", "inform_terminated")
    tracker.slots["requested_slot"] = None
    dispatcher = CollectingDispatcher()
    from actions.forms import ValidateSituationForm
    events = asyncio.run(ValidateSituationForm().run(dispatcher, tracker, {}))
    updates = {e["name"]: e["value"] for e in events}
    assert updates["situation"] == "terminated" and updates["termination_initiated_by"] == "employer"
    assert updates["requested_slot"] == "consent"  # nothing goes further before consent
    # After "ja" the situation form has nothing left to ask: the guidance questions come next.
    assert flow.next_slot("situation_form", {**updates, "consent": True}) is None


def test_after_consent_the_bot_says_what_it_took_from_the_opening() -> None:
    from actions.forms import ValidateSituationForm
    slots = {"situation": "employed", "guidance_mode": "plan", "outward_options": "förskollärare",
             "requested_slot": "consent"}
    updates, messages = _run(slots, "ja", "affirm", form=ValidateSituationForm())
    assert updates["consent"] is True
    assert messages[0]["text"] == ("Tack! Jag har uppfattat att du har en anställning och att du vill "
                                   "bli förskollärare. Skriv \"det blev fel\" om det inte stämmer.")
    slots = {"situation": "employed", "employer_sector": "private", "requested_slot": "consent"}
    _, messages = _run(slots, "ja", "affirm", form=ValidateSituationForm())
    assert messages[0]["text"].startswith("Tack! Jag har uppfattat att du har en anställning och att din "
                                          "arbetsgivare är privat.")
    slots = {"situation": "employed", "employer_sector": "private", "employment_start": "2019-03-01",
             "requested_slot": "consent"}
    _, messages = _run(slots, "ja", "affirm", form=ValidateSituationForm())
    assert messages[0]["text"].startswith("Tack! Jag har uppfattat att du har en anställning, att din arbetsgivare "
                                          "är privat och att du har jobbat där sedan mars 2019.")
    slots = {"situation": "terminated", "termination_reason": "shortage_of_work",
             "guidance_mode": "check", "requested_slot": "consent"}
    _, messages = _run(slots, "ja", "affirm", form=ValidateSituationForm())
    assert messages[0]["text"].startswith("Tack! Jag har uppfattat att du är uppsagd på grund av arbetsbrist "
                                          "och att du vill se vilket stöd du kan få.")
    # Nothing from the opening: nothing to confirm.
    _, messages = _run({"requested_slot": "consent"}, "ja", "affirm", form=ValidateSituationForm())
    assert messages == []


def test_a_story_told_at_the_consent_question_is_kept_and_consent_asked_again() -> None:
    from actions.forms import ValidateSituationForm
    form = ValidateSituationForm()
    updates, messages = _run({"requested_slot": "consent"},
                             "jag har blivit uppsagd från volvo efter 22 år och vet inte vad jag ska göra",
                             "inform_terminated", form=form)
    assert updates["situation"] == "terminated" and updates["consent"] is None
    assert updates["requested_slot"] == "consent" and updates["asked_again"] is True
    assert messages[0]["text"] == "Tack för att du berättar, det tar jag med mig."
    # Then "ja": the situation is not asked, and the bot says what it kept.
    updates, messages = _run({"requested_slot": "consent", "situation": "terminated"}, "ja det går bra",
                             "affirm", form=form)
    assert updates["consent"] is True and updates["requested_slot"] == "termination_reason"
    assert messages[0]["text"].startswith("Tack! Jag har uppfattat att du är uppsagd.")
    # A story with nothing to keep is thanked for, not "not understood"; a short unclear answer is.
    _, messages = _run({"requested_slot": "consent"}, "jag har jobbat på monteringslinjen och kört truck",
                       "inform", form=form)
    assert messages[0]["text"] == "Tack för att du berättar."
    _, messages = _run({"requested_slot": "consent"}, "kanske", "inform", form=form)
    assert messages[0]["text"].startswith("Det förstod jag inte riktigt. Svara ja eller nej")
    _, messages = _run({"requested_slot": "consent"}, "jag vet inte riktigt om jag vill det", "inform", form=form)
    assert messages[0]["text"].startswith("Du bestämmer själv.")


def test_consent_is_a_plain_yes_and_what_follows_it_is_kept() -> None:
    from actions.forms import ValidateSituationForm
    form = ValidateSituationForm()
    # "ja. jag har blivit uppsagd …": consent, and the situation is not asked again.
    updates, messages = _run({"requested_slot": "consent"}, "ja. jag har blivit uppsagd från Volvo",
                             "inform_terminated", form=form)
    assert updates["consent"] is True and updates["situation"] == "terminated"
    assert updates["requested_slot"] == "termination_reason" and updates["employer_name"] == "Volvo"
    assert messages[0]["text"].startswith("Tack! Jag har uppfattat att du är uppsagd och att din arbetsgivare är Volvo.")
    # "ok. kan jag få det? …" asks: not consent; the FAQ rules answer and consent is asked again.
    updates, messages = _run({"requested_slot": "consent"},
                             "ok. kan jag få det? jobbar på en restaurang utan kollektivavtal", "faq", form=form)
    assert "consent" not in updates and messages == []
    updates, _ = _run({"requested_slot": "consent"}, "ja, kan vi börja?", "affirm", form=form)
    assert updates["consent"] is True
    # The "ja" to consent is not a "ja" to "Har du kvar din anställning?" for someone on sick leave.
    updates, _ = _run({"requested_slot": "consent", "reduced_capacity": True}, "ja", "affirm", form=form)
    assert updates["consent"] is True and "situation" not in updates and updates["requested_slot"] == "situation"
    # What that question told is kept when the "ja" comes.
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "ok. kan jag få det? jobbar på en restaurang utan kollektivavtal",
               "parse_data": {"intent": {"name": "faq", "confidence": 0.97}}},
              {"event": "bot", "text": "Ett kollektivavtal är …"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "ja", "parse_data": {"intent": {"name": "affirm", "confidence": 0.99}}},
              {"event": "action", "name": "action_extract_slots"}]
    tracker = Tracker("t", {"requested_slot": "consent"}, {"text": "ja", "intent": {"name": "affirm", "confidence": 0.99},
                                                             "entities": []}, events, False, None, {}, "action_listen")
    updates = {e["name"]: e["value"] for e in asyncio.run(form.run(CollectingDispatcher(), tracker, {}))}
    assert updates["consent"] is True and updates["situation"] == "employed"


def test_an_faq_question_before_the_questions_start_is_remembered() -> None:
    from actions.forms import ValidateSituationForm
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "Jag jobbar som barnskötare och vill plugga till förskollärare. "
                                        "Kan jag få omställningsstudiestöd?",
               "parse_data": {"intent": {"name": "faq", "confidence": 0.9}}},
              {"event": "bot", "text": "Omställningsstudiestöd är …"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "/check_eligibility",
               "parse_data": {"intent": {"name": "check_eligibility", "confidence": 1.0}}},
              {"event": "action", "name": "action_extract_slots"}]
    tracker = Tracker("t", {"requested_slot": None}, {"text": "/check_eligibility",
                      "intent": {"name": "check_eligibility", "confidence": 1.0}, "entities": []},
                      events, False, None, {"name": "situation_form"}, "action_extract_slots")
    updates = {e["name"]: e["value"] for e in asyncio.run(
        ValidateSituationForm().run(CollectingDispatcher(), tracker, {}))}
    assert updates["situation"] == "employed" and updates["outward_options"] == "förskollärare"
    assert updates["guidance_mode"] == "check"  # the latest message chose the check
    # After a restart, what was said before it is forgotten.
    events.insert(3, {"event": "restart"})
    updates = {e["name"]: e["value"] for e in asyncio.run(
        ValidateSituationForm().run(CollectingDispatcher(), tracker, {}))}
    assert "situation" not in updates and updates["guidance_mode"] == "check"


@pytest.mark.parametrize("text, expected", [
    ("att veta vad jag vill inom ett år", "undecided"),
    ("komma fram till vilket yrke som passar", "undecided"),
    ("plugga till något och byta bransch", "study_to_leave_sector"),
    ("stanna kvar men må bättre", "stay_in_role"),
    # Another role where one works is a new job there, not staying in the role.
    ("samma arbetsplats typ men annan roll", "new_job_same_sector"),
    ("bli omplacerad till något lättare", "new_job_same_sector"),
    ("stanna på samma arbetsplats", "stay_in_role"),
])
def test_the_goal_is_read_from_own_words(text: str, expected: str) -> None:
    result = INTERPRETERS["forward_goal"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["forward_goal"] == expected
    # Choosing to study brings the word on study support and validering; other goals do not.
    assert ("omställningsstudiestöd hos CSN" in result.slots.get("_say", "")) == expected.startswith("study_")


def test_a_goal_told_with_a_question_beside_it_is_kept() -> None:
    """"… och undrar om jag kan få …" asks; the goal said before it is still told."""
    said = opening_slots(Answer("Hej. Jag vill plugga till sjuksköterska och undrar om jag kan få "
                                "omställningsstudiestöd. Jobbar som undersköterska, 30 tim/v", None, 0.0, [], TODAY))
    assert said == {"guidance_mode": "plan", "outward_options": "sjuksköterska", "situation": "employed"}
    # A supposition is still not the person's situation.
    assert opening_slots(Answer("jag undrar vad som händer om jag blir uppsagd", None, 0.0, [], TODAY)) == {}


def test_strain_said_before_the_questions_gets_a_word_after_consent() -> None:
    from actions.forms import ValidateSituationForm
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "jobbar som undersköterska sen 15 år, är helt slut och vet inte vad jag vill",
               "parse_data": {"intent": {"name": "career_guidance", "confidence": 0.9}}},
              {"event": "bot", "text": "Går det bra att jag sparar dina svar?"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "ok", "parse_data": {"intent": {"name": "affirm", "confidence": 0.9}}}]
    tracker = Tracker("t", {"requested_slot": "consent", "situation": "employed"},
                      {"text": "ok", "intent": {"name": "affirm", "confidence": 0.9}, "entities": []},
                      events, False, None, {"name": "situation_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateSituationForm().run(dispatcher, tracker, {}))
    [ack, strain] = dispatcher.messages
    assert ack["text"].startswith("Tack! Jag har uppfattat att du har en anställning och att du vill fundera på vad "
                                  "du vill göra framöver.")
    assert strain["text"] == ("Det låter tungt, och det är bra att du hör av dig. Vi tar det i din "
                              "takt, och du kan när som helst be att få prata med en rådgivare.")
    # Without such words nothing is added.
    events[1]["text"] = "jobbar som undersköterska sen 15 år och vet inte vad jag vill"
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateSituationForm().run(dispatcher, tracker, {}))
    assert len(dispatcher.messages) == 1 and "tungt" not in dispatcher.messages[0]["text"]


def test_not_knowing_why_the_job_ends_is_helped_not_taken_for_the_reason_other() -> None:
    from actions.forms import ValidateSituationForm
    slots = {"consent": True, "situation": "terminated", "requested_slot": "termination_reason"}
    updates, messages = _run(slots, "vet inte", "dont_know", form=ValidateSituationForm())
    assert updates["termination_reason"] is None and updates["requested_slot"] == "termination_reason"
    assert messages[0]["text"].startswith("Ingen fara om du inte vet säkert. Tänk på vad som hände.")
    assert INTERPRETERS["termination_reason"](Answer("något annat", "inform", 0.9, [], TODAY)) == \
        Filled({"termination_reason": "other"})


def test_the_summary_writes_dates_and_hours_as_a_person_reads_them() -> None:
    from actions.dialogue import summary_text
    slots = {**BASE, "employments": [{"employer": "Bageriet AB", "start": "2015-03-15", "end": "2026-10-31",
                                      "hours_per_week": 40}]}
    text = summary_text(slots, None)
    assert "- Anställning: Bageriet AB: 15 mars 2015 – 31 oktober 2026, 40 timmar i veckan" in text
    slots["employments"][0].update(end="ongoing", hours_per_week="unknown")
    assert "15 mars 2015 – pågår, okänt antal timmar" in summary_text(slots, None)
    # "sedan 2009", "sedan mars 2015": stored as the first day, read back as said
    slots["employments"][0].update(start="2009-01-01")
    assert "- Anställning: Bageriet AB: 2009 – pågår" in summary_text(slots, None)
    slots["employments"][0].update(start="2015-03-01")
    assert "- Anställning: Bageriet AB: mars 2015 – pågår" in summary_text(slots, None)


def test_the_summary_says_plainly_when_the_organisation_is_not_known() -> None:
    from actions.dialogue import summary_text
    slots = {**BASE, "situation": "employed", "termination_reason": None, "termination_initiated_by": None,
             "collective_agreement": "unknown", "employments": [{"employer": "Bageriet AB", "start": "2015-03-01",
                                                                 "end": "ongoing", "hours_per_week": 40}]}
    decision = evaluate_slots(slots, TODAY)
    assert decision["organisation"]["code"] == "unknown"
    text = summary_text(slots, decision)
    assert "- Preliminär bedömning: Vi vet inte än vilken omställningsorganisation du hör till." in text
    assert "Okänd" not in text



@pytest.mark.parametrize("text, expected", [
    ("vet inte riktigt, orkar inte tänka på det nu", "check"), ("orkar inte", "check"),
    ("inte just nu, jag är för trött", "check"), ("vet inte", "explore"),
    ("jag vet vad jag vill", "plan"), ("bara se vilket stöd jag kan få", "check"),
    # Unsure, then what is wanted after all: the check.
    ("vet inte riktigt, kanske se vad jag kan få", "check"),
])
def test_no_energy_for_reflection_goes_to_the_check_kindly(text: str, expected: str) -> None:
    result = INTERPRETERS["guidance_mode"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["guidance_mode"] == expected
    assert ("när du orkar" in result.slots.get("_say", "")) == ("ork" in text or "trött" in text)


def test_a_goal_named_at_the_help_question_is_the_plan_and_its_goal() -> None:
    result = INTERPRETERS["guidance_mode"](Answer("jag har bestämt mig för att bli sjuksköterska", "inform",
                                                  0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert result.slots["guidance_mode"] == "plan" and result.slots["outward_options"] == "sjuksköterska"
    assert "du vill bli sjuksköterska" in result.slots["_say"]
    # The button says only what it says.
    result = INTERPRETERS["guidance_mode"](Answer('/inform{"value":"plan"}', "inform", 1.0,
                                                  [{"entity": "value", "value": "plan"}], TODAY))
    assert isinstance(result, Filled) and "outward_options" not in result.slots


@pytest.mark.parametrize("text, age", [
    ("jag är 61 och har jobbat på samma ställe i 30 år", 61), ("Jag är 45 år gammal, två barn", 45),
    ("jag är 58", 58), ("jag är 24-7 på jobbet", None), ("jag har jobbat 30 år som svetsare", None),
])
def test_the_age_told_about_oneself_is_not_asked_again(text: str, age: int | None) -> None:
    result = INTERPRETERS["inward_who"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots.get("age") == age
    # An age already given is not changed by the story.
    again = INTERPRETERS["inward_who"](Answer(text, "inform", 0.9, [], TODAY, slots={"age": 40}))
    assert "age" not in again.slots


def test_the_work_questions_are_introduced_also_when_the_age_is_known() -> None:
    slots = {"consent": True, "situation": "terminated", "termination_reason": "shortage_of_work",
             "termination_initiated_by": "employer", "guidance_mode": "check", "requested_slot": None}
    updates, messages = _run({**slots, "age": 61}, "ringa facket kanske", "inform")
    assert updates["requested_slot"] == "employer_name" and messages == [
        {**messages[0], "response": "utter_work_intro"}]
    updates, messages = _run(slots, "ringa facket kanske", "inform")
    assert updates["requested_slot"] == "age" and messages == []  # utter_ask_age introduces itself


@pytest.mark.parametrize("slot", ["inward_who", "inward_skills", "inward_wants", "outward_options"])
def test_a_bare_number_is_not_a_reflection(slot: str) -> None:
    assert isinstance(INTERPRETERS[slot](Answer("52", "inform", 0.9, [], TODAY)), Miss)
    assert isinstance(INTERPRETERS[slot](Answer("jobba med 3D-grafik", "inform", 0.9, [], TODAY)), Filled)


def test_the_summary_shows_the_goal_in_the_persons_words() -> None:
    from actions.dialogue import summary_text
    text = summary_text({**BASE, "forward_goal": "study_to_stay_in_sector", "outward_options": "sjuksköterska"}, None)
    assert "- Mål: studera för att stanna i branschen (sjuksköterska)" in text
    assert "- Du funderar på: lärare" in summary_text({**BASE, "outward_options": "lärare"}, None)
    undecided = summary_text({**BASE, "forward_goal": "undecided", "outward_options": "vet inte än"}, None)
    assert "Mål" not in undecided and "funderar" not in undecided


def test_a_question_about_an_option_is_explained_not_taken_as_the_answer() -> None:
    asks = Answer("vad menas med privat", "clarify", 0.99, [], TODAY)
    assert INTERPRETERS["employer_sector"](asks) is None  # the rules explain the question
    said = Answer("privat", "inform", 0.9, [], TODAY)
    assert INTERPRETERS["employer_sector"](said) == Filled({"employer_sector": "private"})


@pytest.mark.parametrize("name, expected", [
    ("Lagerkompaniet AB", "private"), ("Berg & Son HB", "private"),
    ("Lagret", "unknown"), ("Abbe Bygg", "unknown"),  # no company form in the name: unknown stays
])
def test_not_knowing_the_kind_of_a_company_named_as_one(name: str, expected: str) -> None:
    result = INTERPRETERS["employer_sector"](Answer("vet inte", "dont_know", 0.95, [], TODAY,
                                                    slots={"employer_name": name}))
    assert isinstance(result, Filled) and result.slots["employer_sector"] == expected
    assert (name in result.slots.get("_say", "")) == (expected == "private")


def _first_message(text: str, ranking: list[tuple[str, float]], slots: dict[str, Any] | None = None) -> Tracker:
    message = {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.5}, "entities": [],
               "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    return Tracker("t", slots or {}, message, events, False, None, {"name": "action_two_stage_fallback"},
                   "action_two_stage_fallback")


def test_an_unsure_first_message_that_tells_the_situation_starts_the_questions() -> None:
    from actions.dialogue import ActionDefaultAskAffirmation
    dispatcher = CollectingDispatcher()
    tracker = _first_message("är 58 och nyss uppsagd, är det ens lönt att plugga",
                             [("nlu_fallback", 0.5), ("inform", 0.45), ("inform_terminated", 0.18)])
    events = ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    assert events == [{"event": "active_loop", "name": None, "timestamp": None},
                      {"event": "followup", "name": "situation_form", "timestamp": None}]
    assert dispatcher.messages == []
    # Anything else (or later in the conversation) is asked about, with buttons, not as a yes/no.
    for tracker in (_first_message("blå bil", [("inform_terminated", 0.3), ("faq", 0.2)]),
                    _first_message("är 58 och nyss uppsagd", [("inform_terminated", 0.4)], {"consent": True})):
        dispatcher = CollectingDispatcher()
        assert ActionDefaultAskAffirmation().run(dispatcher, tracker, {}) == []
        [asked] = dispatcher.messages
        assert asked["text"].startswith("Jag är inte säker på att jag förstod. Välj det som passar bäst")
        assert [b["payload"] for b in asked["buttons"]][0] == "/inform_terminated"


@pytest.mark.parametrize("text, intent, expected", [
    ("nej, jag är 45", "deny", {"age": 45}),
    ("jag är 45 år", "correct", {"age": 45}),
    ("nej numret är 070-987 65 43", "deny", {"contact_phone": "0709876543", "contact_method": "phone"}),
    ("fel mejl, det är sara@exempel.se", "correct", {"contact_email": "sara@exempel.se", "contact_method": "email"}),
    ("nej, jag är tjänsteman", "deny", {"worker_category": "white_collar"}),
    ("det blev fel, jag är arbetare", "correct", {"worker_category": "blue_collar"}),
    ("fel, jag är inte arbetare utan tjänsteman", "correct", {"worker_category": "white_collar"}),
    # The employer named: the name, and its kind where the name says it.
    ("det blev fel, jag jobbar på coop inte ica", "correct", {"employer_name": "Coop", "employer_sector": "private"}),
    ("arbetsgivaren heter Bageri Svensson", "correct", {"employer_name": "Bageri Svensson"}),
    ("nej, jag jobbar på Region Skåne", "deny", {"employer_name": "Region Skåne", "employer_sector": "region"}),
])
def test_a_correction_that_says_the_right_value_is_taken_at_once(text: str, intent: str,
                                                                 expected: dict[str, Any]) -> None:
    """"nej, jag är 45" at the summary: the old answer "44" went to the advisor after the next "ja"."""
    import actions.dialogue  # noqa: F401 - registers the summary's interpreter
    result = INTERPRETERS["summary_confirmed"](Answer(text, intent, 0.9, [], TODAY, slots={"age": 44}))
    assert isinstance(result, Filled) and result.slots["summary_confirmed"] is None
    assert {k: v for k, v in result.slots.items() if k in expected} == expected
    assert result.slots["_say"] == "Tack, det har jag ändrat."
    # Naming only what is wrong still asks it again.
    again = INTERPRETERS["summary_confirmed"](Answer("åldern är fel", "correct", 0.9, [], TODAY, slots={"age": 44}))
    assert isinstance(again, Filled) and again.slots["age"] is None
    # "arbetare" alone names what to change: the question comes again.
    from actions.corrections import direct_correction, slots_to_correct
    assert direct_correction(Answer("lagerarbetare", "correct", 0.9, [], TODAY)) is None
    assert direct_correction(Answer("arbetare", "correct", 0.9, [], TODAY)) is None
    assert slots_to_correct(Answer("arbetare", "correct", 0.9, [], TODAY)) == ("worker_category",)
    # The role question has a topic of its own ("rollen", "jag äger inga aktier").
    assert slots_to_correct(Answer("rollen", "correct", 0.9, [], TODAY)) == ("role_exclusion",)
    assert slots_to_correct(Answer("ägare av företaget", "correct", 0.9, [], TODAY)) == ("role_exclusion",)


@pytest.mark.parametrize("before, text, expected", [
    # The old sector came from the old name: asked again, with the agreement that hangs on it.
    ({"employer_name": "Region Skåne", "employer_sector": "region", "collective_agreement": "yes"},
     "nej, arbetsgivaren heter Bageri Svensson", {"employer_name": "Bageri Svensson", "employer_sector": None,
                                                   "collective_agreement": None}),
    # The new name says another sector: that one, and the agreement asked again.
    ({"employer_name": "Bageri Svensson", "employer_sector": "private", "collective_agreement": "no"},
     "nej, jag jobbar på Region Skåne", {"employer_name": "Region Skåne", "employer_sector": "region",
                                         "collective_agreement": None}),
    # Only the spelling: the person's own answers stay.
    ({"employer_name": "Bageri Svenson", "employer_sector": "private", "collective_agreement": "no"},
     "arbetsgivaren heter Bageri Svensson", {"employer_name": "Bageri Svensson"}),
    # Another company, same sector: the agreement is the new one's, but nothing says it changed.
    ({"employer_name": "ICA", "employer_sector": "private", "collective_agreement": "yes"},
     "det blev fel, jag jobbar på coop inte ica", {"employer_name": "Coop", "employer_sector": "private"}),
])
def test_another_employer_asks_again_what_hung_on_the_old_one(before: dict[str, Any], text: str,
                                                               expected: dict[str, Any]) -> None:
    from actions.corrections import direct_correction
    changed = direct_correction(Answer(text, "correct", 0.9, [], TODAY, slots=before))
    assert changed is not None
    assert {k: changed.get(k, "kept") for k in expected} == expected
    kept = {"employer_sector", "collective_agreement"} - set(expected)
    assert not kept & set(changed)


def test_what_is_wrong_is_asked_without_the_summary_right_under_it() -> None:
    import actions.dialogue as dialogue
    said = INTERPRETERS["summary_confirmed"](Answer("nej", "deny", 0.9, [], TODAY, slots={"age": 44}))
    assert isinstance(said, Filled) and said.slots["asked_again"] == dialogue.WHAT_IS_WRONG

    def ask(last_bot: str) -> list:
        events = [{"event": "user", "text": "nej"}, {"event": "bot", "text": last_bot}]
        tracker = Tracker("t", {**BASE, "asked_again": dialogue.WHAT_IS_WRONG}, {}, events, False, None, {},
                          "action_listen")
        dispatcher = CollectingDispatcher()
        dialogue.ActionAskSummaryConfirmed().run(dispatcher, tracker, {})
        return dispatcher.messages
    assert ask("Vad är det som inte stämmer? Välj nedan …") == []
    # After an FAQ answer in between, the summary and its question come again.
    assert ask("Det kostar ingenting.")[0]["text"].startswith("Så här har jag uppfattat det:")


@pytest.mark.parametrize("text", ["hej vad ar omstallningsstudiestod egentligen",
                                  "okej, men hur länge kan man få stöd",
                                  "ursäkta, vad är vägledning"])
def test_a_question_after_a_greeting_or_filler_word_is_still_a_question(text: str) -> None:
    # At the consent question an FAQ is answered first: the fact seeker who opens with "hej"
    # was thanked "för att du berättar" instead.
    assert INTERPRETERS["consent"](Answer(text, "faq", 0.99, [], TODAY)) is None
    assert INTERPRETERS["inward_wants"](Answer(text, "faq", 0.99, [], TODAY)) is None


@pytest.mark.parametrize("name, sector", [
    ("Region Skåne", "region"), ("Västra Götalandsregionen", "region"), ("Lunds kommun", "municipality"),
    ("Malmö stad", "municipality"), ("Skatteverket", "state"),
    # Companies, the union Kommunal and a district name are not read as public employers.
    ("Bageriet AB", None), ("Kommunal", None), ("Regionala Bygg AB", None), ("Hammarby sjöstad", None),
    ("Stadsmissionen", None)])
def test_a_public_employer_named_as_such_is_not_asked_what_kind_it_is(name: str, sector: str | None) -> None:
    slots = {**BASE, "employer_name": None, "employer_sector": None, "collective_agreement": None,
             "role_exclusion": None, "requested_slot": "employer_name"}
    updates, messages = _run(slots, name, "inform")
    assert updates["employer_name"] == name
    if sector is None:
        assert updates["requested_slot"] == "employer_sector" and "employer_sector" not in updates
    else:
        assert updates["employer_sector"] == sector
        assert updates["requested_slot"] == "collective_agreement"
        assert "Jag förstår det som att arbetsgivaren är" in messages[0]["text"]  # so it can be corrected


def test_no_energy_to_answer_is_met_kindly_with_a_human_offered() -> None:
    slots = {"consent": True, "situation": "terminated", "reduced_capacity": True,
             "requested_slot": "termination_reason"}
    updates, messages = _run(slots, "orkar inte riktigt tänka på framtiden nu", "inform",
                             form=ValidateSituationForm())
    assert updates["requested_slot"] == "termination_reason" and updates["termination_reason"] is None
    assert messages[0]["text"].startswith("Jag förstår att det är mycket just nu.")
    assert "arbetsbrist" in messages[0]["text"]  # still says how to answer
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/request_human"]


def _goal_question(slots: dict[str, Any]) -> tuple[str, list[str]]:
    from actions.dialogue import ActionAskForwardGoal
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", slots, {}, [], False, None, {"name": "guidance_form"}, "action_listen")
    ActionAskForwardGoal().run(dispatcher, tracker, {})
    response = dispatcher.messages[0]["response"]
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    return response, [b["payload"] for b in domain["responses"][response][0]["buttons"]]


def test_whose_job_ends_is_not_offered_to_stay_in_the_role() -> None:
    for situation in sorted(flow.TERMINATED):
        _, payloads = _goal_question({"situation": situation})
        assert len(payloads) == 5 and not [p for p in payloads if "stay_in_role" in p]
    _, payloads = _goal_question({"situation": "employed"})
    assert len(payloads) == 6 and [p for p in payloads if "stay_in_role" in p]


def test_a_study_plan_as_the_goal_asks_which_kind_of_studies() -> None:
    slots = {"situation": "employed", "outward_options": "lärare i matte"}
    first = INTERPRETERS["forward_goal"](Answer("KPU på Stockholms universitet, start hösten 2027", "inform",
                                                0.9, [], TODAY, slots=slots))
    assert first == Filled({"_say": "Det låter som att du vill studera.", "asked_again": "study"})
    response, payloads = _goal_question({**slots, "asked_again": "study"})
    assert response == "utter_ask_forward_goal_study" and len(payloads) == 3
    asked = {**slots, "asked_again": "study"}
    # "byta" now says which kind of studies (not "a new job in another sector").
    for text, goal in [("byta", "study_to_leave_sector"), ("byta bransch", "study_to_leave_sector"),
                       ("stanna i samma", "study_to_stay_in_sector"), ("vet inte än", "undecided")]:
        result = INTERPRETERS["forward_goal"](Answer(text, "inform", 0.9, [], TODAY, slots=asked))
        assert isinstance(result, Filled) and result.slots["forward_goal"] == goal, text
    # Without the study question before, "byta bransch" is a new job in another sector.
    result = INTERPRETERS["forward_goal"](Answer("byta bransch", "inform", 0.9, [], TODAY, slots=slots))
    assert result.slots["forward_goal"] == "new_job_other_sector"
    # Studies and their kind told at once: nothing asked again.
    told = INTERPRETERS["forward_goal"](Answer("plugga nat kortare for att byta", "inform", 0.9, [], TODAY,
                                               slots=slots))
    assert isinstance(told, Filled) and told.slots["forward_goal"] == "study_to_leave_sector" \
        and "asked_again" not in told.slots
    # A first step told at "stanna eller byta?": kept, and that question asked again.
    step = INTERPRETERS["forward_goal"](Answer("ringa komvux kanske", "inform", 0.9, [], TODAY, slots=asked))
    assert step == Filled({"forward_next_step": "ringa komvux kanske", "asked_again": "study",
                           "_say": "Bra, det skriver jag upp som ett första steg."})


def test_a_date_is_not_a_name_and_no_contact_details_is_explained() -> None:
    # "sista december" answered an earlier question; it must not reach the advisor as a name.
    for text in ("sista december", "i början av maj"):
        assert isinstance(INTERPRETERS["contact_name"](Answer(text, "inform", 0.5, [], TODAY)), Miss)
    for text, intent in (("nej", "deny"), ("vill inte lämna det", "inform")):
        result = INTERPRETERS["contact_method"](Answer(text, intent, 0.9, [], TODAY))
        assert isinstance(result, Miss) and "kan rådgivaren inte höra av sig" in result.lead
        assert "svara nej en gång till" in result.hint
    assert INTERPRETERS["contact_method"](Answer("blä", "inform", 0.5, [], TODAY)).lead is None


def test_a_short_name_read_as_small_talk_is_still_an_answer() -> None:
    # The classifier reads "Lisa" as a greeting (0.94) and "Ida" as a goodbye (0.93).
    assert INTERPRETERS["contact_name"](Answer("Lisa", "greet", 0.94, [], TODAY)) == Filled({"contact_name": "Lisa"})
    assert INTERPRETERS["contact_name"](Answer("Ida", "goodbye", 0.93, [], TODAY)) == Filled({"contact_name": "Ida"})
    assert INTERPRETERS["employer_name"](Answer("Saab", "affirm", 0.57, [], TODAY)) == Filled({"employer_name": "Saab"})
    assert INTERPRETERS["contact_name"](Answer("hej då", "goodbye", 0.99, [], TODAY)) is None
    assert INTERPRETERS["contact_name"](Answer("tack", "thank", 0.99, [], TODAY)) is None
    assert INTERPRETERS["contact_name"](Answer("/goodbye", "goodbye", 1.0, [], TODAY)) is None  # a button


def test_every_short_small_talk_example_has_a_word_that_marks_it() -> None:
    from actions.parsing import _SMALL_TALK_CUES
    data = yaml.safe_load((Path(__file__).parents[2] / "data/nlu/core.yml").read_text(encoding="utf-8"))
    for item in data["nlu"]:
        if item.get("intent") in _SMALL_TALK_CUES:
            examples = [line[2:].strip() for line in item["examples"].splitlines() if line.strip()]
            unmarked = [e for e in examples if len(e.split()) <= 2
                        and not _SMALL_TALK_CUES[item["intent"]].search(fold(e))]
            assert not unmarked, (item["intent"], unmarked)


def test_bot_challenge_needs_words_that_speak_to_the_bot() -> None:
    from actions.parsing import _BOT_CUE
    data = yaml.safe_load((Path(__file__).parents[2] / "data/nlu/core.yml").read_text(encoding="utf-8"))
    examples = next(item["examples"] for item in data["nlu"] if item.get("intent") == "bot_challenge")
    unmarked = [e[2:].strip() for e in examples.splitlines() if e.strip() and not _BOT_CUE.search(fold(e))]
    assert not unmarked
    # An answer about machines the classifier took for "är du en maskin?" is an answer.
    answer = Answer("jag är bra på att fixa saker, maskiner och sånt", "bot_challenge", 0.73, [], TODAY)
    assert not answer.is_digression
    assert isinstance(INTERPRETERS["inward_skills"](answer), Filled)
    assert Answer("pratar jag med en maskin", "bot_challenge", 0.95, [], TODAY).is_digression


def test_an_occupation_named_at_the_goal_question_is_kept_and_the_question_asked_again() -> None:
    own = {"situation": "self_employed"}
    result = INTERPRETERS["forward_goal"](Answer("vill bli elektriker", "inform", 0.9, [], TODAY, slots=own))
    assert result == Filled({"outward_options": "elektriker", "asked_again": True,
                             "_say": "Tack, jag skriver att du vill bli elektriker."})
    result = INTERPRETERS["forward_goal"](Answer("jag vill plugga till elektriker", "inform", 0.9, [], TODAY, slots=own))
    assert result.slots["asked_again"] == "study" and result.slots["outward_options"] == "elektriker"
    # "nåt annat" names no occupation: not written down as the goal, and no plan assumed.
    said = opening_slots(Answer("hej har enskild firma sen 2015 inom städ, det går dåligt och vill plugga "
                                "till nåt annat", "inform_self_employed", 0.9, [], TODAY))
    assert said == {"situation": "self_employed"}


def test_the_kind_of_leave_said_with_the_yes_is_not_asked_again() -> None:
    slots = {**BASE, "employments": [{"start": "2019-01-01"}], "more_employments": False,
             "requested_slot": "had_skippable"}
    updates, _ = _run(slots, "ja föräldraledig", "affirm")
    assert updates["had_skippable"] is True and updates["skippable_type"] == "parental_benefit"
    assert updates["requested_slot"] == "skippable_start"
    assert INTERPRETERS["had_skippable"](Answer("nej aldrig sjukskriven", "deny", 0.9, [], TODAY)) == \
        Filled({"had_skippable": False})


def test_a_correction_says_when_the_answer_is_asked_again() -> None:
    from actions.corrections import clear, redo_text
    slots = {**BASE, "guidance_mode": None}
    # In the guidance questions the employer is asked later, with the work questions.
    assert redo_text("guidance_form", slots, clear(("employer_name", "employer_sector"))) == \
        "Okej, det frågar jag om igen när vi kommer dit."
    assert redo_text("work_form", {**slots, "guidance_mode": "check"}, clear(("employer_name",))) == \
        "Okej, då frågar jag om det igen."
    assert redo_text(None, slots, clear(("age",))) == "Okej, då frågar jag om det igen."


@pytest.mark.parametrize("text, intent, expected", [
    ("nej tror inte det", "deny", "unknown"), ("ja det har de nog", "affirm", "unknown"),
    ("tror det", "affirm", "unknown"), ("ja", "affirm", "yes"), ("nej", "deny", "no"),
    ("/affirm", "affirm", "yes"), ("vet inte", "dont_know", "unknown"),
])
def test_a_guessed_collective_agreement_is_not_known(text: str, intent: str, expected: str) -> None:
    # It decides the organisation: "nej tror inte det" must not send someone to Kammarkollegiet.
    result = INTERPRETERS["collective_agreement"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["collective_agreement"] == expected
    assert ("_say" in result.slots) == (expected == "unknown")
    if intent == "dont_know":  # not knowing is met kindly, a guess is said to be written as not known
        assert result.slots["_say"].startswith("Det går bra, det vet många inte.")


@pytest.mark.parametrize("text, intent, expected, said_back", [
    ("arbetare", "inform", "blue_collar", False), ("lagerarbetare", "inform", "blue_collar", False),
    ("jobbar på terminalen, lastar och sorterar paket", "inform", "blue_collar", True),
    ("vet inte, jag är kock", "dont_know", "blue_collar", True),
    ("jag städade", "inform", "blue_collar", True), ("körde truck på lagret", "inform", "blue_collar", True),
    ("jag jobbar som ekonom", "inform", "white_collar", True),
    ("jag är lagerchef", "inform", "white_collar", True),
    ("byggingenjör", "inform", "white_collar", True),      # a compound is what its last part is
    ("heltid", "inform", None, False),                                # neither: asked again, explained
    ("servitris", "inform", "blue_collar", True), ("taxiförare", "inform", "blue_collar", True),
    ("medarbetare", "inform", None, False),           # everyone's word for an employee, no category
    ("jag jobbar på kontoret i butiken", "inform", "white_collar", False),  # the word "kontor" answers
])
def test_work_described_at_the_worker_question_gives_its_usual_category(
        text: str, intent: str, expected: str | None, said_back: bool) -> None:
    result = INTERPRETERS["worker_category"](Answer(text, intent, 0.9, [], TODAY))
    if expected is None:
        assert isinstance(result, Miss) and "produktion, bygg, lager" in result.hint
        return
    assert isinstance(result, Filled) and result.slots["worker_category"] == expected
    assert ("det blev fel" in result.slots.get("_say", "")) == said_back


def test_the_study_note_for_the_self_employed_names_no_trygghetsrad() -> None:
    button = [{"entity": "value", "value": "study_to_leave_sector"}]
    own = INTERPRETERS["forward_goal"](Answer('/inform{"value":"study_to_leave_sector"}', "inform", 1.0, button,
                                              TODAY, slots={"situation": "self_employed"}))
    assert "Som egenföretagare kan du få ett yttrande härifrån" in own.slots["_say"]
    assert "trygghetsråd" not in own.slots["_say"]
    employed = INTERPRETERS["forward_goal"](Answer('/inform{"value":"study_to_leave_sector"}', "inform", 1.0, button,
                                                   TODAY, slots={"situation": "employed"}))
    assert "trygghetsråd" in employed.slots["_say"]


def test_a_public_employer_is_not_asked_about_company_roles() -> None:
    from actions.forms import after_answer
    public = {**BASE, "employer_name": "Göteborgs stad", "employer_sector": "municipality",
              "collective_agreement": "no", "role_exclusion": None}
    assert "role_exclusion" not in flow.work_plan(public)
    assert after_answer(public, "collective_agreement")["role_exclusion"] == "none"
    decision = evaluate_slots({**public, "role_exclusion": "none"}, TODAY)
    assert "role_exclusion" not in decision["missing_information"]
    private = {**public, "employer_sector": "private", "worker_category": "blue_collar"}
    assert "role_exclusion" in flow.work_plan(private) and "role_exclusion" not in after_answer(private, None)


@pytest.mark.parametrize("text, intent, expected", [
    # "När slutade eller slutar anställningen?" – "nej": it has not ended.
    ("nej", "deny", "ongoing"),
    ("nej den har inte det", "deny", "ongoing"),
    ("nej, den slutade i mars 2025", "deny", "2025-03-31"),
])
def test_no_to_the_end_question_means_still_employed(text: str, intent: str, expected: str) -> None:
    assert INTERPRETERS["employment_end"](Answer(text, intent, 0.9, [], TODAY)) == Filled({"employment_end": expected})


def test_no_with_i_dont_know_to_the_end_question_is_not_read_as_still_employed() -> None:
    assert isinstance(INTERPRETERS["employment_end"](Answer("nej vet inte", "dont_know", 0.8, [], TODAY)), Miss)
    assert INTERPRETERS["employment_start"](Answer("nej", "deny", 0.9, [], TODAY)) != Filled({"employment_start": "ongoing"})


@pytest.mark.parametrize("text, intent, expected", [
    ("ja", "affirm", "ongoing"), ("japp", "affirm", "ongoing"), ("vet inte", "dont_know", "ongoing"),
    ("den fortsätter", "inform", "ongoing"), ("jag är fast anställd", "inform", "ongoing"),
    ("nej, jag jobbar kvar", "deny", "ongoing"), ("ja, den slutar i mars", "affirm", "2027-03-31"),
    ("nej, den slutar 31 mars", "deny", "2027-03-31"), ("nej", "deny", "ongoing"),
    ("vet inte om den slutar", "dont_know", "ongoing"),
])
def test_the_end_of_the_job_someone_still_has_is_asked_as_going_on(text: str, intent: str,
                                                                     expected: str) -> None:
    employed = {"situation": "employed"}
    result = INTERPRETERS["employment_end"](Answer(text, intent, 0.9, [], TODAY, slots=employed))
    assert isinstance(result, Filled) and result.slots["employment_end"] == expected
    # A month without its year is said back with the year guessed.
    assert ("_say" in result.slots) == (expected != "ongoing")
    # An earlier job is asked with the plain question, where "ja" says nothing.
    earlier = {**employed, "employments": [{"employer": "ICA"}]}
    assert not isinstance(INTERPRETERS["employment_end"](Answer("ja", "affirm", 0.9, [], TODAY, slots=earlier)),
                          Filled)
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    first = domain["responses"]["utter_ask_employment_end"][0]
    assert {"type": "slot", "name": "situation", "value": "employed"} in first["condition"]
    assert first["text"].startswith("Fortsätter din anställning")


def test_a_first_step_said_at_the_goal_question_is_kept_and_the_goal_asked_again() -> None:
    result = INTERPRETERS["forward_goal"](Answer("kolla upp vad det krävs för att bli elektriker", "inform",
                                                 0.8, [], TODAY))
    assert result == Filled({"forward_next_step": "kolla upp vad det krävs för att bli elektriker",
                             "asked_again": True, "_say": "Bra, det skriver jag upp som ett första steg."})
    # A choice in words is still the choice.
    assert INTERPRETERS["forward_goal"](Answer("söka jobb i en annan bransch", "inform", 0.8, [], TODAY)) \
        == Filled({"forward_goal": "new_job_other_sector"})


def test_a_situation_told_with_not_knowing_what_to_do_goes_to_the_career_questions() -> None:
    text = "blev uppsagd pga arbetsbrist förra månaden, vet inte riktigt vad jag vill göra nu"
    result = INTERPRETERS["situation"](Answer(text, "inform_terminated", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["guidance_mode"] == "explore"
    assert result.slots["termination_reason"] == "shortage_of_work"
    # A mode chosen earlier stands.
    result = INTERPRETERS["situation"](Answer(text, "inform_terminated", 0.9, [], TODAY,
                                              slots={"guidance_mode": "check"}))
    assert isinstance(result, Filled) and "guidance_mode" not in result.slots


def _tracker_with_history(slots: dict[str, Any], earlier: str, text: str) -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": earlier, "parse_data": {"intent": {"name": "inform_fixed_term_ended",
                                                                           "confidence": 0.9}}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"}]
    return Tracker("t", slots, {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": []},
                   events, False, None, {"name": "guidance_form"}, "action_extract_slots")


def test_a_goal_named_as_studies_earlier_makes_the_goal_question_about_which_studies() -> None:
    from actions.dialogue import ActionAskForwardGoal
    from actions.forms import ValidateGuidanceForm
    slots = {"consent": True, "situation": "fixed_term_ended", "guidance_mode": "plan",
             "outward_options": "sjuksköterska", "requested_slot": "forward_goal"}
    earlier = "mitt vikariat som undersköterska tar slut i januari, jag vill plugga till sjuksköterska"
    dispatcher = CollectingDispatcher()
    ActionAskForwardGoal().run(dispatcher, _tracker_with_history(slots, earlier, "ja"), {})
    assert dispatcher.messages[0]["response"] == "utter_ask_forward_goal_study"
    # "byta" then means studies for another sector, not a new job.
    events = asyncio.run(ValidateGuidanceForm().run(CollectingDispatcher(),
                                                    _tracker_with_history(slots, earlier, "byta"), {}))
    assert {e["name"]: e["value"] for e in events}["forward_goal"] == "study_to_leave_sector"
    # Without the studies said, the full question.
    dispatcher = CollectingDispatcher()
    ActionAskForwardGoal().run(dispatcher, _tracker_with_history(slots, "mitt vikariat tar slut", "ja"), {})
    assert dispatcher.messages[0]["response"] == "utter_ask_forward_goal_job_ends"


def test_a_story_read_as_off_topic_at_the_consent_question_is_still_a_story() -> None:
    text = "jag har kört buss i 20 år och fått ont i ryggen. vad finns det för hjälp?"
    result = INTERPRETERS["consent"](Answer(text, "out_of_scope", 0.81, [], TODAY))
    # The question is about everything at once, with no FAQ answer: the questions after consent answer it.
    assert isinstance(result, Miss) and result.lead.startswith("Tack för att du berättar. Det tar vi reda på")
    assert result.remember == {"reduced_capacity": True} and result.question is None
    # Off-topic without a story about one's own work is off-topic: the rules answer it.
    assert INTERPRETERS["consent"](Answer("hur mycket a-kassa får jag?", "out_of_scope", 0.9, [], TODAY)) is None


def test_a_masked_personnummer_at_the_consent_question_is_no_story() -> None:
    result = INTERPRETERS["consent"](Answer("mitt personnummer är [personnummer borttaget]", "inform", 0.6, [], TODAY))
    assert isinstance(result, Miss) and result.lead is None and "ja eller nej" in result.hint
    told = INTERPRETERS["consent"](Answer("jag har jobbat i tjugo år på samma ställe", "inform", 0.6, [], TODAY))
    assert isinstance(told, Miss) and told.lead == "Tack för att du berättar."


@pytest.mark.parametrize("text, question", [
    ("jag har blivit uppsagd efter 12 år, kan jag få csn om jag pluggar?", "kan jag få csn om jag pluggar?"),
    ("jobbar på lager och är trött på det, vad kostar det att prata med er?",
     "vad kostar det att prata med er?"),
    # A question about everything at once has no FAQ answer: the questions after consent answer it.
    ("hej! jag har jobbat som snickare i 20 år och fått ont i ryggen. vad finns det för hjälp?", None),
    ("Hej! Jag har jobbat på Skatteverket i 12 år och nu ska mitt kontor i Ludvika läggas ner. Jag vill inte "
     "flytta. Vad finns det för hjälp?", None),
    # Asked without a question mark.
    ("jag är 41 och uppsagd från ett lager, jag vill bli elektriker och undrar om jag kan få studera med lön",
     "undrar om jag kan få studera med lön"),
    # Of a general question and a pointed one, the pointed one, which an FAQ can answer.
    ("Jag är 61 år och jobbar på Trafikverket sedan 1998. Vi har fått besked om varsel. Jag undrar vad som gäller "
     "för mig, hinner jag få stöd innan pensionen?", "hinner jag få stöd innan pensionen?"),
    # The ask for the check is answered by the questions, not by an FAQ.
    ("uppsagd pga arbetsbrist, har jag rätt till stöd?", None),
    ("uppsagd och undrar om jag har rätt till stöd", None),
    ("jag har blivit uppsagd från volvo efter 22 år", None),
])
def test_the_question_beside_a_story_at_the_consent_question(text: str, question: str | None) -> None:
    result = INTERPRETERS["consent"](Answer(text, "inform_terminated", 0.8, [], TODAY))
    assert isinstance(result, Miss) and result.lead.startswith("Tack för att du berättar")
    assert result.question == question
    # The ask for the check, or a question about everything at once, is answered in the thanks.
    assert ("Det hjälper jag dig gärna med" in result.lead) == ("rätt till stöd" in text)
    assert ("Det tar vi reda på tillsammans" in result.lead) == ("vad finns det för hjälp" in text.lower())


@pytest.mark.parametrize("asked, text, intent, question", [
    ("situation", "jag har blivit uppsagd från lagret, kan jag få csn om jag pluggar?", "inform_terminated",
     "kan jag få csn om jag pluggar?"),
    ("termination_reason", "arbetsbrist, är det gratis att få hjälp hos er?", "inform",
     "är det gratis att få hjälp hos er?"),
    ("situation", "uppsagd, har jag rätt till stöd?", "inform_terminated", None),
])
def test_an_answer_with_a_question_beside_it_is_kept_and_the_question_found(
        asked: str, text: str, intent: str, question: str | None) -> None:
    # The form keeps the answer and looks the question up (actions/forms.py, e2e runs it).
    answer = Answer(text, intent, 0.8, [], TODAY)
    assert isinstance(INTERPRETERS[asked](answer), Filled)
    assert question_beside(answer) == question


def test_a_question_alone_at_the_consent_question_is_no_story() -> None:
    result = INTERPRETERS["consent"](Answer("vad händer med mina uppgifter sen?", "inform", 0.5, [], TODAY))
    assert isinstance(result, Miss) and result.lead is None and result.question is None


def test_an_faq_is_taken_only_from_a_confident_reading_of_the_question() -> None:
    from actions.faq_lookup import faq_from_parse

    def parse(intent: str, key: str, confidence: float) -> dict:
        return {"intent": {"name": intent, "confidence": 0.9},
                "response_selector": {"faq": {"response": {"intent_response_key": key, "confidence": confidence}}}}
    assert faq_from_parse(parse("faq", "faq/cost", 0.99)) == "faq/cost"
    assert faq_from_parse(parse("check_eligibility", "faq/what_is_omstallningsstudiestod", 0.96)) \
        == "faq/what_is_omstallningsstudiestod"
    assert faq_from_parse(parse("faq", "faq/who_can_get", 0.52)) is None      # "vad händer då?"
    assert faq_from_parse(parse("career_guidance", "faq/what_is_radgivning", 0.9)) is None
    assert faq_from_parse({"intent": {"name": "faq"}}) is None                 # an older model
    # Under the fallback, the intent ranked next decides: "kan jag få hjälp fast jag är så gammal?"
    unsure = {**parse("faq", "faq/age_limit", 1.0), "intent": {"name": "nlu_fallback", "confidence": 0.5},
              "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "faq", "confidence": 0.52},
                                 {"name": "check_eligibility", "confidence": 0.47}]}
    assert faq_from_parse(unsure) == "faq/age_limit"
    unsure["intent_ranking"][1]["name"] = "career_guidance"
    assert faq_from_parse(unsure) is None


def test_without_the_rasa_server_there_is_no_faq_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from actions.faq_lookup import faq_for
    monkeypatch.delenv("VV_RASA_URL", raising=False)
    assert asyncio.run(faq_for("är det gratis?")) is None
    # A Rasa server that is not there: the story is kept, the lookup gives up quietly.
    monkeypatch.setenv("VV_RASA_URL", "http://127.0.0.1:9")
    assert asyncio.run(faq_for("är det gratis?")) is None


@pytest.mark.parametrize("text, end", [
    ("hej mitt vikariat som undersköterska på sahlgrenska tar slut sista januari", "2027-01-31"),
    ("blev uppsagd pga arbetsbrist, sista dagen blir 15 december", "2026-12-15"),
    ("projektanställningen går ut om två veckor", "2026-12-06"),
    ("mitt vikariat tog slut i oktober", "2026-10-31"),
    ("vikariatet tog slut i mars 2019", None),            # long ago: a misreading, asked instead
    ("jobbar som lärare men slutar i juni", None),        # employed: leaving is not an end said
    ("blev uppsagd i mars", None),                       # the notice, not the last day
    ("jag är uppsagd och slutar på fredag", None),       # which Friday: asked, not guessed
    ("min visstid tar slut sista dec o jag vet inte vad jag ska gora sen", "2026-12-31"),
    ("nu e mitt vikariat slut sen förra veckan", "2026-11-15"),  # over, since the day told
    ("mitt vikariat är slut sedan 1 november", "2026-11-01"),
    ("jag har varit helt slut sen länge", None),             # worn out, not a job's end
])
def test_the_end_of_the_job_said_in_the_opening_is_kept(text: str, end: str | None) -> None:
    slots = opening_slots(Answer(text, "inform_fixed_term_ended", 0.9, [], TODAY))
    assert slots.get("employment_end") == end


def test_after_consent_the_end_is_said_back_and_not_asked() -> None:
    from actions.forms import opening_ack
    # A month's last day is how "tar slut i januari" is kept: said as the end of the month, not a day.
    assert opening_ack({"situation": "fixed_term_ended", "employment_end": "2099-01-31"}) == (
        "Tack! Jag har uppfattat att din visstidsanställning tar slut i slutet av januari 2099. Skriv \"det blev "
        "fel\" om det inte stämmer.")
    assert "slutade i slutet av oktober 2020" in opening_ack({"situation": "terminated", "employment_end": "2020-10-31"})
    assert "slutade 15 oktober 2020" in opening_ack({"situation": "terminated", "employment_end": "2020-10-15"})
    assert opening_ack({"situation": "fixed_term_ended", "age": 34, "employment_end": "2099-01-31"}).startswith(
        "Tack! Jag har uppfattat att din visstidsanställning tar slut i slutet av januari 2099 och att du är 34 år.")
    from actions import flow
    slots = {"consent": True, "situation": "fixed_term_ended", "guidance_mode": "check", "age": 34,
             "employer_name": "Sahlgrenska", "employer_sector": "region", "collective_agreement": "no",
             "employment_start": "2022-03-01", "employment_end": "2027-01-31"}
    assert flow.next_slot("work_form", slots) == "employment_hours_per_week"


@pytest.mark.parametrize("text", ["arbetare", "tjänsteman", "jag är tjänsteman"])
def test_a_kind_of_employee_is_not_taken_for_the_employer(text: str) -> None:
    result = INTERPRETERS["employer_name"](Answer(text, "inform", 0.8, [], TODAY))
    assert isinstance(result, Miss) and result.lead == "Det låter som din roll."


def test_a_name_typed_in_lower_case_is_said_back_with_a_capital() -> None:
    assert INTERPRETERS["employer_name"](Answer("sahlgrenska", "inform", 0.8, [], TODAY)).slots == {
        "employer_name": "Sahlgrenska"}
    assert INTERPRETERS["employer_name"](Answer("Bageri Svensson", "inform", 0.8, [], TODAY)).slots == {
        "employer_name": "Bageri Svensson"}
    assert INTERPRETERS["employer_name"](Answer("ikea", "inform", 0.8, [], TODAY)).slots == {
        "employer_name": "IKEA", "employer_sector": "private"}
    assert INTERPRETERS["employer_name"](Answer("bygg ab", "inform", 0.8, [], TODAY)).slots == {"employer_name": "Bygg AB"}


@pytest.mark.parametrize("text, intent, start", [
    ("hej! jag jobbar som lärare på en friskola sedan 2012 men vill byta yrke", "inform_employed", "2012-01-01"),
    ("jag har jobbat på Postnord sen mars 2019 och blivit uppsagd", "inform_terminated", "2019-03-01"),
    ("jobbat på lagret sen 2010, uppsagd i oktober", "inform_terminated", "2010-01-01"),
    ("förut jobbade jag på Volvo sedan 2001", "inform", None),       # an earlier job
    ("jag jobbar sedan 12 år på lagret", "inform_employed", None),   # a length, not a date
    ("uppsagd sedan i mars", "inform_terminated", None),             # the notice, not the start
    ("jag har en firma sedan 2010", "inform_self_employed", None),   # no employment
    ("jag är usk på en vårdcentral i region skåne sen 2009", "inform", "2009-01-01"),  # the occupation as the job
    ("jag är sjukskriven sen mars, jobbar på ica", "inform_sick", None),  # sick since, not employed since
    # A year written short, and the trade after it.
    ("hej jag blev uppsagd i förrgår fr volvo cars pga arbetsbrist, jobbat där sen -08 som montör, 45 år",
     "inform_terminated", "2008-01-01"),
])
def test_the_start_of_the_job_said_in_the_opening_is_kept(text: str, intent: str, start: str | None) -> None:
    assert opening_slots(Answer(text, intent, 0.9, [], TODAY)).get("employment_start") == start


@pytest.mark.parametrize("text, other", [
    ("sista november", "ett datum"), ("i mars", "ett datum"), ("för 9 år sen", "ett datum"),
    ("30 tim", "arbetstid"), ("heltid", "arbetstid"),
    # Names with a month or a figure in them are names.
    ("Mars AB", None), ("Maj Bygg", None), ("Bageri 2000", None), ("7-Eleven", None),
])
def test_a_date_or_hours_for_the_employer_is_no_name(text: str, other: str | None) -> None:
    result = INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY))
    if other is None:
        assert isinstance(result, Filled) and result.slots["employer_name"] == text
    else:
        assert isinstance(result, Miss) and result.lead == f"Det ser ut som {other}, det frågar jag om strax."


@pytest.mark.parametrize("text, stored, agreed", [
    ("arbetare", "blue_collar", True), ("ja arbetare", "blue_collar", True), ("tjänsteman stämmer", "white_collar", True),
    ("arbetare", "white_collar", False),  # not what was written: not taken as agreeing
    ("jag är arbetare men vet inte", "blue_collar", False),
])
def test_the_worker_category_said_again_is_agreeing_not_a_miss(text: str, stored: str, agreed: bool) -> None:
    from actions.parsing import kind_miss
    answer = Answer(text, "inform", 0.9, [], TODAY, slots={"worker_category": stored})
    miss = kind_miss("collective_agreement", answer, Miss("Svara ja, nej eller \"vet inte\"."))
    assert (miss.lead == "Ja, det har jag skrivit.") == agreed


def test_a_story_without_punctuation_is_read_through() -> None:
    text = ("hej ja e 29 har jobbat som barnskötare på en privat förskola i 4 år men de har inte förlängt mitt "
            "vikariat slutar 31 dec vill plugga till förskollärare")
    slots = opening_slots(Answer(text, "inform_fixed_term_ended", 0.9, [], TODAY))
    # "ja e 29" is the age, the trade before the workplace still gives the length, and the end
    # stops where the wish begins.
    assert (slots["age"], slots["employment_start_months"], slots["employment_end"]) == (29, 48.0, "2026-12-31")
    assert slots["situation"] == "fixed_term_ended" and slots["outward_options"] == "förskollärare"
    # The trade alone, without the workplace, is no length of this job.
    assert "employment_start" not in opening_slots(Answer("jobbat som svetsare i 20 år, nu uppsagd från Scania",
                                                          "inform_terminated", 0.9, [], TODAY))


def test_the_work_itself_as_the_verb_tells_the_job_and_its_length() -> None:
    text = ("Hej, jag är 63 och har städat på ett litet städbolag i 9 år. Nu har jag fått sparken för att firman "
            "inte har kunder. Vi har inget avtal. Kan jag få hjälp fast jag är så gammal?")
    assert opening_slots(Answer(text, "inform_terminated", 0.9, [], TODAY)) == {
        "age": 63, "employer_sector": "private", "situation": "terminated", "termination_reason": "shortage_of_work",
        "termination_initiated_by": "employer", "employment_start": "2017-11-01", "employment_start_months": 108.0}
    # Living somewhere is no job.
    assert "employment_start" not in opening_slots(Answer("har bott på gotland i 9 år och blev uppsagd",
                                                          "inform_terminated", 0.9, [], TODAY))


@pytest.mark.parametrize("text, age", [
    ("hej jag blev uppsagd i förrgår fr volvo cars pga arbetsbrist, jobbat där sen -08 som montör, 45 år", 45),
    ("jobbat på ICA sen 1995, 30 år", None),  # as long as the job has lasted: its length
    ("jobbat på ICA, 45 år", None),           # no start told: the length, maybe
])
def test_bare_years_after_the_job_and_its_start_are_the_age(text: str, age: int | None) -> None:
    assert opening_slots(Answer(text, "inform", 0.9, [], TODAY)).get("age") == age


@pytest.mark.parametrize("text, start, hours", [
    # How much one works listed after the job, with its start or alone.
    ("hej. jobbar på postnord terminalen i rosersberg, 75% sen 2017. vi har fått besked om varsel", "2017-01-01", 30.0),
    ("jag jobbar på postnord sedan 2017, 75 procent", "2017-01-01", 30.0),
    ("jag är anställd på volvo sedan mars 2019, heltid. blev uppsagd igår", "2019-03-01", 40.0),
    ("jobbar på ICA, typ 50% och trivs inte", None, 20.0),
    ("jobbar på ICA, heltid, sen 2015", "2015-01-01", 40.0),
    ("jobbar på ICA, sedan 2015", "2015-01-01", None),
    # Not how much one works: a wish, or a share of sick leave whose start is not the job's.
    ("jobbar på ICA men vill gå ner till halvtid", None, None),
    ("jobbar på ICA, 50% sjukskriven sen i våras", None, None),
])
def test_hours_listed_after_the_job_are_kept_with_its_start(text: str, start: str | None, hours: float | None) -> None:
    slots = opening_slots(Answer(text, "inform", 0.9, [], TODAY))
    assert (slots.get("employment_start"), slots.get("employment_hours_per_week")) == (start, hours)


@pytest.mark.parametrize("text, expected", [
    ("Hej. Jag har fått besked om att min tjänst försvinner i vår omorganisation. Vad händer nu?",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}),
    ("hej, jag är 58 och har jobbat på samma bruk i 30 år, nu ska de lägga ner. har inte sökt jobb sen 90-talet",
     {"age": 58, "situation": "terminated", "termination_reason": "shortage_of_work",
      "termination_initiated_by": "employer", "notice_pending": "coming", "employment_start": "1996-11-01", "employment_start_months": 360}),
    ("Jag jobbar som lärare men är så trött på skolan. Vill göra något helt annat men vet inte vad",
     {"situation": "employed", "guidance_mode": "explore"}),
    ("jag är 45 år och uppsagd", {"age": 45, "situation": "terminated"}),
    ("hej jag e 34 o jobbar som underskoterska pa ett aldreboende", {"age": 34, "situation": "employed"}),
    ("jag är 58 år gammal och har blivit uppsagd", {"age": 58, "situation": "terminated"}),
    ("jag jobbar 40 timmar", {"situation": "employed", "employment_hours_per_week": 40.0}),
    ("jag har en egen firma men ska lägga ner den", {"situation": "self_employed"}),
    ("fick sparken från ikea", {"situation": "terminated", "employer_name": "IKEA", "employer_sector": "private"}),
    # The employer's wish is a notice coming; one's own is a job kept.
    ("nu vill dom säga upp mig", {"situation": "terminated", "notice_pending": "coming"}),
    ("chefen vill säga upp mig", {"situation": "terminated", "notice_pending": "coming"}),
    ("jag vill säga upp mig", {"situation": "employed"}),
    # One's own business of a kind, without the article; someone else's closing is a notice.
    ("hej! jag har haft egen frisörsalong i 15 år men måste lägga ner pga ekonomin. vad gör jag nu",
     {"situation": "self_employed"}),
    ("driver eget sen 2015 som snickare", {"situation": "self_employed"}),
    ("jobbar på en salong, ägaren lägger ner", {"situation": "terminated", "termination_reason": "shortage_of_work",
                                                "termination_initiated_by": "employer", "employer_sector": "private"}),
    # Someone else's job is not the person's own situation; both together are.
    ("min pappa har blivit uppsagd, kan jag hjälpa honom att söka?", {}),
    ("min mamma är 62 och uppsagd från kommunen. hur ansöker hon?", {}),
    ("jag och min man har blivit uppsagda", {"situation": "terminated"}),
    # A post withdrawn, in the future: the notice is coming (the public sector says it so).
    ("Jag jobbar på Skatteverket. Nu har jag fått veta att min tjänst ska dras in nästa år.",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "notice_pending": "coming", "employer_name": "Skatteverket", "employer_sector": "state"}),
    ("de ska dra in min tjänst", {"situation": "terminated", "termination_reason": "shortage_of_work",
                                  "termination_initiated_by": "employer", "notice_pending": "coming"}),
    ("min tjänst drogs in i somras", {"situation": "terminated", "termination_reason": "shortage_of_work",
                                      "termination_initiated_by": "employer"}),
    # One's own notice, in a story whose clauses are read by their words alone.
    ("hej! jag sa upp mig själv från mitt jobb som säljare i augusti, trivdes inte. kan ni hjälpa mig?",
     {"situation": "terminated", "termination_reason": "own_resignation", "termination_initiated_by": "employee"}),
    ("jag har sagt upp mig", {"situation": "terminated", "termination_reason": "own_resignation",
                              "termination_initiated_by": "employee"}),
    ("jag har inte sagt upp mig", {"situation": "employed"}),
    # "när jag skulle tillbaka" tells what happened; the post gone, in a clause's word order.
    ("hej! jag var föräldraledig hela förra året och nu när jag skulle tillbaka sa de att min tjänst inte finns "
     "kvar. jobbade som ekonomiassistent på ett bygg företag",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer",
      "employer_sector": "private"}),
    ("vad skulle hända om jag blir uppsagd", {}),
    # The service, then who runs it; the hours between the verb and the length.
    ("min visstid på hemtjänsten i Gävle kommun slutade 30 sept. jobbade typ 50% i två år",
     {"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended", "termination_initiated_by": "employer",
      "employer_name": "Gävle kommun", "employer_sector": "municipality", "employment_end": "2026-09-30",
      "employment_start": "2024-10-01", "employment_start_months": 24.0, "employment_hours_per_week": 20.0}),
    ("jag jobbar 30 timmar i veckan som städare", {"situation": "employed", "employment_hours_per_week": 30.0}),
    # "fr" for "från", and the length told after, then where.
    ("blev uppsagd fr klarna i sept, 7 år där. vill plugga till sjuksköterska men osäker om jag får csn",
     {"situation": "terminated", "employer_name": "Klarna", "employer_sector": "private", "guidance_mode": "plan",
      "outward_options": "sjuksköterska", "employment_start": "2019-11-01", "employment_start_months": 84.0}),
    ("jobbade heltid tidigare men nu är jag arbetslös", {}),  # an earlier job's hours
    # Starting a business as a wish is a plan; having one is no wish.
    ("jag jobbar som elektriker på ett litet företag men vill starta eget. vad finns det för stöd?",
     {"situation": "employed", "employer_sector": "private", "guidance_mode": "plan",
      "outward_options": "starta eget företag"}),
])
def test_more_openings_as_people_write_them(text: str, expected: dict[str, Any]) -> None:
    assert opening_slots(Answer(text, "inform", 0.9, [], TODAY)) == expected


_CLOSED = {"situation": "terminated", "termination_reason": "shortage_of_work", "termination_initiated_by": "employer"}


@pytest.mark.parametrize("text, expected", [
    # The workplace closing ends the job, told in any word order, even where the classifier read a job.
    ("hej. jag har jobbat på ica maxi i borlänge i 22 år och nu lägger de ner butiken i mars. vad gör jag nu",
     _CLOSED | {"employer_name": "ICA Maxi", "employer_sector": "private", "employment_start": "2004-11-01",
                "employment_start_months": 264.0}),
    ("butiken stänger efter nyår", _CLOSED),
    # Closing in the future: the notice is coming, not given.
    ("jobbar på ett lager, ska dom lägga ner hela lagret nu", _CLOSED | {"notice_pending": "coming"}),
    ("min arbetsplats stängs i vår", _CLOSED),
    ("kontoret i sundsvall ska läggas ner", _CLOSED | {"notice_pending": "coming"}),
    ("nu ska de stänga vårt lager", _CLOSED | {"notice_pending": "coming"}),
    ("de flyttar produktionen till polen nästa år", _CLOSED),
    ("företaget har gått i konkurs", _CLOSED),
    # Kept after all: the job goes on.
    ("jag jobbar kvar men lagret stänger", {"situation": "employed"}),
    ("förskolan ska stängas men jag får flytta till en annan", {"situation": "employed"}),
    ("butiken läggs ner, jag blir omplacerad", {"situation": "employed"}),
    ("jag vill flytta till polen", {"situation": "employed"}),
    # Closed for a while: the job goes on.
    ("förskolan stänger över sommaren", {"situation": "employed"}),
    ("butiken stänger tillfälligt för renovering", {"situation": "employed"}),
])
def test_a_workplace_closing_is_the_job_ending(text: str, expected: dict[str, Any]) -> None:
    assert opening_slots(Answer(text, "inform_employed", 0.9, [], TODAY)) == expected


def test_a_story_about_someone_else_gets_a_kind_word_and_no_slots() -> None:
    from actions.parsing import SOMEONE_ELSE_SV
    result = INTERPRETERS["consent"](Answer("min mamma är 62 och uppsagd från kommunen. hur ansöker hon?",
                                            "inform", 0.9, [], TODAY))
    assert isinstance(result, Miss) and result.lead == SOMEONE_ELSE_SV and not result.remember
    assert result.question == "hur ansöker hon?"


def test_an_age_from_the_opening_is_said_back() -> None:
    from actions.forms import opening_ack
    assert opening_ack({"situation": "terminated", "age": 58}) == (
        "Tack! Jag har uppfattat att du är uppsagd och att du är 58 år. Skriv \"det blev fel\" om det inte stämmer.")


@pytest.mark.parametrize("text, name", [
    ("jag blev uppsagd pga arbetsbrist från Lidl förra månaden", "Lidl"),
    ("jobbar på Volvo Cars i Göteborg men vill byta", "Volvo Cars"),
    ("Uppsagd. Jobbade på Göteborgs Spårvägar AB", "Göteborgs Spårvägar AB"),
    ("jag har jobbat hos ICA Maxi i 12 år och blir uppsagd", "ICA Maxi"),
    ("uppsagd från lidl", "Lidl"),  # one of the best-known companies, in any case
    # Lower case, a common noun, an earlier job, or all in capitals: no name is guessed.
    ("fick gå från jobbet på ica i somras efter 12 år", "ICA"),  # the job named as a noun
    ("mitt vikariat som lärare på Rinkebyskolan tar slut vid jul", "Rinkebyskolan"),
    ("sökte jobbet på Scania men fick det inte", None),  # applied for, not one's own
    ("uppsagd från bageri svensson", None),
    ("blev uppsagd från Jobbet", None),
    ("jobbade på Scania förut, nu är jag uppsagd", None),
    ("JAG JOBBAR PÅ LAGRET", None),
])
def test_an_employer_named_with_a_capital_in_the_opening_is_kept(text: str, name: str | None) -> None:
    assert opening_slots(Answer(text, "inform", 0.9, [], TODAY)).get("employer_name") == name


@pytest.mark.parametrize("slot, text, expected", [
    ("employment_start", "jag har jobbat där sen 2019, innan dess på ica 2012-2019", {"employment_start": "2019-01-01"}),
    ("employment_start", "började där i mars 2019 och slutade i oktober 2023",
     {"employment_start": "2019-03-01", "employment_end": "2023-10-31"}),
    ("employment_start", "från mars 2019 och jobbar kvar", {"employment_start": "2019-03-01", "employment_end": "ongoing"}),
    ("employment_start", "mars 2019 till juni 2024", {"employment_start": "2019-03-01", "employment_end": "2024-06-30"}),
    ("employment_start", "mars 2019 - juni 2024", {"employment_start": "2019-03-01", "employment_end": "2024-06-30"}),
    ("employment_start", "2012-2019", {"employment_start": "2012-01-01", "employment_end": "2019-12-31"}),
    ("employment_end", "2012-2019", {"employment_end": "2019-12-31"}),
    ("employment_end", "slutade i oktober 2023, började där 2019", {"employment_end": "2023-10-31"}),
    ("skippable_start", "var föräldraledig från januari 2023 och tills augusti 2023",
     {"skippable_start": "2023-01-01", "skippable_end": "2023-08-31"}),
    # The year at the end is both ends' year.
    ("skippable_start", "från januari till december 2025", {"skippable_start": "2025-01-01", "skippable_end": "2025-12-31"}),
    ("skippable_start", "jan-dec 2025", {"skippable_start": "2025-01-01", "skippable_end": "2025-12-31"}),
])
def test_a_date_answer_that_gives_several_dates(slot: str, text: str, expected: dict[str, str]) -> None:
    result = INTERPRETERS[slot](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots == expected


@pytest.mark.parametrize("text, end", [
    # The workplace's closing day beside one's own last day: the own one, even given loosely.
    ("sista februari troligen, butiken stänger 1 mars", "2027-02-28"),
    ("butiken stänger 1 mars men min sista dag är 15 februari", "2027-02-15"),
])
def test_the_own_end_is_taken_beside_the_workplace_closing(text: str, end: str) -> None:
    result = INTERPRETERS["employment_end"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["employment_end"] == end
    assert result.slots["_say"].startswith("Då skriver jag ") and result.slots["_say"].endswith(SAY_WRONG)


@pytest.mark.parametrize("text, expected", [
    ("det är ett privat äldreboende, Attendo", {"employer_name": "Attendo", "employer_sector": "private"}),
    ("Attendo, ett privat äldreboende", {"employer_name": "Attendo", "employer_sector": "private"}),
    ("ett litet åkeri som heter Berg & Son", {"employer_name": "Berg & Son"}),
    ("ett kommunalt bostadsbolag, Familjebostäder", {"employer_name": "Familjebostäder"}),  # may be an AB
    ("Malmö stad, en förskola", {"employer_name": "Malmö stad", "employer_sector": "municipality"}),
    ("jag jobbar på ett lager, vet inte vad det heter", {"employer_name": "din arbetsgivare"}),
    ("Bageriet AB", {"employer_name": "Bageriet AB"}),
    # Who runs the workplace, told after its name: the sector, and the owner where named.
    ("aldreboendet solgarden, drivs av kommunen", {"employer_name": "Aldreboendet solgarden",
                                                  "employer_sector": "municipality"}),
    ("Solgården, ett äldreboende som kommunen driver", {"employer_name": "Solgården", "employer_sector": "municipality"}),
    ("Solgården, det är kommunalt", {"employer_name": "Solgården", "employer_sector": "municipality"}),
    ("jobbar på Solgården som ägs av region skane", {"employer_name": "Region Skåne", "employer_sector": "region"}),
    ("Solgården, drivs av Lunds kommun", {"employer_name": "Lunds kommun", "employer_sector": "municipality"}),
    ("Solgården som drivs av Attendo", {"employer_name": "Attendo", "employer_sector": "private"}),
    ("Hemtjänst Norr, privat", {"employer_name": "Hemtjänst Norr", "employer_sector": "private"}),
])
def test_a_workplace_described_beside_its_name(text: str, expected: dict[str, Any]) -> None:
    result = INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert {k: v for k, v in result.slots.items() if not k.startswith("_")} == expected


def test_an_unknown_employer_name_reads_right_in_the_questions_and_says_so_in_summaries() -> None:
    from actions.case_text import advisor_summary
    from actions.dialogue import summary_text
    from actions.parsing import NAME_UNKNOWN_SV, UNKNOWN_EMPLOYER
    result = INTERPRETERS["employer_name"](Answer("vet inte", "dont_know", 0.9, [], TODAY))
    assert result == Filled({"employer_name": UNKNOWN_EMPLOYER})  # "Har din arbetsgivare kollektivavtal?"
    slots = {"situation": "terminated", "employer_name": UNKNOWN_EMPLOYER, "employer_sector": "private",
             "employments": [{"employer": UNKNOWN_EMPLOYER, "start": "2019-03-01", "end": "2026-10-31",
                              "hours_per_week": 40}]}
    shown = summary_text(slots, None)
    assert f"- Arbetsgivare: {NAME_UNKNOWN_SV}" in shown and f"- Anställning: {NAME_UNKNOWN_SV}:" in shown
    assert f"Arbetsgivare: {NAME_UNKNOWN_SV} (" in advisor_summary(slots, None)


@pytest.mark.parametrize("text, sector, said", [
    ("Privat företag", "private", "ett privat företag"), ("en kommun", "municipality", "en kommun"),
    ("staten", "state", "en statlig myndighet"),
])
def test_the_kind_of_employer_given_for_its_name_is_kept_and_the_name_asked_again(text, sector, said) -> None:
    result = INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Miss) and result.remember["employer_sector"] == sector
    # "kommunen": the next question is which one, and the place alone is the municipality's name.
    assert result.remember.get("asked_again") == ("which_municipality" if sector == "municipality" else None)
    assert result.lead == f"Tack, då vet jag att det är {said}."
    # A name that says its kind is a name.
    assert INTERPRETERS["employer_name"](Answer("Ale kommun", "inform", 0.9, [], TODAY)).slots["employer_name"] == "Ale kommun"


@pytest.mark.parametrize("text, sector, name", [
    ("borås", "municipality", "Borås kommun"), ("Upplands Väsby", "municipality", "Upplands Väsby kommun"),
    ("skåne", "region", "Region Skåne"),
    # A workplace or a name with its kind is kept as written.
    ("Ängens förskola", "municipality", "Ängens förskola"), ("Borås stad", "municipality", "Borås stad"),
    ("i Lund", "municipality", "Lunds kommun"), ("Ale", "municipality", "Ale kommun"), ("Skolverket", "municipality", "Skolverket"),
])
def test_the_place_told_to_which_municipality_is_the_employer(text: str, sector: str, name: str) -> None:
    slots = {"employer_sector": sector, "asked_again": f"which_{sector}"}
    result = INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY, slots=slots))
    assert isinstance(result, Filled) and result.slots["employer_name"] == name
    # Not asked which one: a place name is not made a municipality.
    plain = INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY, slots={"employer_sector": sector}))
    assert "kommun" not in plain.slots["employer_name"] or "kommun" in text or "stad" in text
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    variants = {v.get("condition", [{}])[0].get("value"): v["text"] for v in domain["responses"]["utter_ask_employer_name"]}
    assert variants[f"which_{sector}"].startswith(f"Vilken {'kommun' if sector == 'municipality' else 'region'}")


@pytest.mark.parametrize("sector, checked, expected", [
    ("municipality", False, None), ("region", False, None), ("state", False, None),
    ("municipality", True, "no"), ("private", False, "no"), ("other", False, "no"),
])
def test_no_agreement_at_a_public_employer_is_checked_once(sector: str, checked: bool, expected: str | None) -> None:
    from actions.parsing import NO_AGREEMENT_CHECKED
    slots = {"employer_sector": sector, "asked_again": NO_AGREEMENT_CHECKED if checked else True}
    result = INTERPRETERS["collective_agreement"](Answer("nej", "deny", 0.9, [], TODAY, slots=slots))
    if expected is None:
        assert isinstance(result, Miss) and result.lead.startswith("Är du säker?")
        assert result.remember == {"asked_again": NO_AGREEMENT_CHECKED}
    else:
        assert result == Filled({"collective_agreement": expected})


def test_what_the_situation_answer_tells_beside_is_not_asked_later() -> None:
    from actions.forms import ValidateSituationForm
    updates, _ = _run({"consent": True, "requested_slot": "situation"},
                      "jag blev uppsagd pga arbetsbrist från Lidl förra månaden, jag är 41", "inform_terminated",
                      form=ValidateSituationForm())
    assert updates["situation"] == "terminated" and updates["employer_name"] == "Lidl" and updates["age"] == 41
    updates, _ = _run({"consent": True, "requested_slot": "situation"},
                      "jag är undersköterska och vill vidareutbilda mig till sjuksköterska", "inform",
                      form=ValidateSituationForm())
    assert updates["situation"] == "employed" and updates["outward_options"] == "sjuksköterska"
    assert updates["guidance_mode"] == "plan"
    # A button says only what it says; an answer already given is not overwritten.
    updates, _ = _run({"consent": True, "requested_slot": "situation", "employer_name": "ICA"},
                      "uppsagd från Lidl", "inform_terminated", form=ValidateSituationForm())
    assert "employer_name" not in updates


@pytest.mark.parametrize("text, expected", [
    ("jag är undersköterska på äldreboende i Borås kommun och vill vidareutbilda mig till sjuksköterska",
     {"situation": "employed", "guidance_mode": "plan", "outward_options": "sjuksköterska"}),
    ("jag är montör på Volvo", {"situation": "employed", "employer_name": "Volvo", "employer_sector": "private"}),
    ("funderar på att bli elektriker", {"guidance_mode": "plan", "outward_options": "elektriker"}),
    ("jag är för gammal", {}), ("jag är orolig", {}), ("jag ska bli pappa", {}),
    ("jag hoppas kunna bli polis", {"guidance_mode": "plan", "outward_options": "polis"}),
    ("jag ska plugga till sjuksköterska", {"guidance_mode": "plan", "outward_options": "sjuksköterska"}),
    ("vill bli pappa", {}), ("det ska bli skönt", {}), ("jag vill bli bättre på excel", {}),
])
def test_an_occupation_said_as_what_one_is(text: str, expected: dict[str, Any]) -> None:
    assert opening_slots(Answer(text, None, 0.0, [], TODAY)) == expected


def _outside(slots: dict[str, Any], text: str, intent: str, events: list[dict] | None = None,
             loop: str | None = None) -> Tracker:
    entities = [{"entity": "value", "value": text[len('/correct{"value":"'):-2]}] if text.startswith("/correct") else []
    return Tracker("t", slots, {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities},
                   (events or []) + [{"event": "user", "text": text, "parse_data": {}}], False, None,
                   {"name": loop} if loop else {}, "action_listen")


def test_a_correction_after_the_result_asks_the_questions_again() -> None:
    """Outside every form (after the result, say): a topic clears its answers and the form chain
    runs again; without a topic change_form asks "Vad vill du ändra?" and reads the reply."""
    from actions.dialogue import ActionCorrect, ValidateChangeForm
    from rasa_sdk.events import FollowupAction, SlotSet
    done = {**BASE, "consent": False}
    dispatcher = CollectingDispatcher()
    events = ActionCorrect().run(dispatcher, _outside(done, '/correct{"value":"age"}', "correct"), {})
    assert SlotSet("age", None) in events and events[-1] == FollowupAction("situation_form")
    assert dispatcher.messages[0]["text"] == "Okej, då frågar jag om det igen."
    dispatcher = CollectingDispatcher()
    events = ActionCorrect().run(dispatcher, _outside(done, "det blev fel", "correct"), {})
    assert events == [SlotSet("change_topic", None), FollowupAction("change_form")] and dispatcher.messages == []
    # The typed reply, whatever its intent: the topic is cleared and change_form is done.
    asked = {**done, "requested_slot": "change_topic"}
    dispatcher = CollectingDispatcher()
    events = ValidateChangeForm().run(dispatcher, _outside(asked, "åldern", "nlu_fallback", loop="change_form"), {})
    assert SlotSet("age", None) in events and SlotSet("change_topic", "age") in events
    # No topic: a hint once, then everything is kept rather than asked a third time.
    dispatcher = CollectingDispatcher()
    events = ValidateChangeForm().run(dispatcher, _outside(asked, "blä", "nlu_fallback", loop="change_form"), {})
    assert events == [SlotSet("change_topic", None)] and "Välj nedan" in dispatcher.messages[0]["text"]
    history = [{"event": "active_loop", "name": "change_form"}, {"event": "bot", "text": dispatcher.messages[0]["text"]}]
    events = ValidateChangeForm().run(CollectingDispatcher(), _outside(asked, "blä", "nlu_fallback", history,
                                                                       "change_form"), {})
    assert events == [SlotSet("change_topic", "none")]
    events = ValidateChangeForm().run(CollectingDispatcher(), _outside(asked, "inget", "deny", loop="change_form"), {})
    assert events == [SlotSet("change_topic", "none")]
    dispatcher = CollectingDispatcher()
    events = ValidateChangeForm().run(dispatcher, _outside(asked, "vad menar du", "clarify", loop="change_form"), {})
    assert events == [SlotSet("change_topic", None)] and dispatcher.messages[0]["response"] == "utter_explain_change_topic"


@pytest.mark.parametrize("text", ["hur ansöker jag om stödet?", "har jag rätt till stöd?"])
def test_asking_for_the_check_at_the_consent_question_is_not_thanked_for_as_a_story(text: str) -> None:
    from actions.parsing import CHECK_ASKED_SV
    result = INTERPRETERS["consent"](Answer(text, "check_eligibility", 0.99, [], TODAY))
    assert isinstance(result, Miss) and result.lead == CHECK_ASKED_SV and result.remember == {"guidance_mode": "check"}


def test_asking_for_career_help_at_the_consent_question_gets_a_yes() -> None:
    result = INTERPRETERS["consent"](Answer("kan jag få hjälp att skriva cv?", "career_guidance", 0.85, [], TODAY))
    assert isinstance(result, Miss) and result.lead == "Det hjälper vi gärna till med."


def test_a_notice_not_given_yet_is_said_as_coming_and_the_result_says_when_support_starts() -> None:
    from actions.case_text import advisor_summary
    from actions.dialogue import summary_text
    from actions.eligibility import notice_note
    from actions.forms import opening_ack
    coming = {**BASE, "notice_pending": "coming",
              "employments": [{"employer": "Bageriet AB", "start": "2019-01-01", "end": None, "hours_per_week": 40}]}
    assert opening_ack({"situation": "terminated", "notice_pending": "coming", "age": 58}).startswith(
        "Tack! Jag har uppfattat att du ska sägas upp och att du är 58 år.")
    assert "att du är varslad om uppsägning på grund av arbetsbrist" in opening_ack(
        {"situation": "terminated", "termination_reason": "shortage_of_work", "notice_pending": "warned"})
    assert "- Situation: du ska sägas upp\n" in summary_text(coming, None)
    assert "du ska sägas upp på grund av sjukdom" in summary_text({**coming, "situation": "terminated_illness"}, None)
    assert "Ska sägas upp – har inte fått beskedet än." in advisor_summary(coming, None)
    assert "Är uppsagd." not in advisor_summary(coming, None)
    decision = evaluate_slots(coming, TODAY)
    assert decision["services"]["radgivning"]["status"] == "eligible"
    # The job goes on: the result lists vägledning too, not as "inte för den som är uppsagd".
    assert decision["services"]["vagledning"]["status"] == "eligible"
    assert evaluate_slots({**coming, "notice_pending": None}, TODAY)["services"]["vagledning"]["status"] == "not_eligible"
    unsure = evaluate_slots({**coming, "collective_agreement": "unknown"}, TODAY)["services"]["vagledning"]
    assert unsure["status"] == "needs_more_information"
    assert not any("uppsagd" in r["text_sv"] for r in unsure["reasons"])
    note = notice_note(coming, decision)
    assert "när du har fått beskedet" in note
    # Until then the job is there: vägledning, as the engine judges it for someone employed.
    assert note.endswith("Till dess har du kvar jobbet, och då kan du troligen få vägledning till anställda.")
    assert "Ett varsel är inte en uppsägning" in notice_note({**coming, "notice_pending": "warned"}, decision)
    # A notice given, or a result that does not count on it: nothing more is said.
    assert notice_note({**coming, "notice_pending": None}, decision) is None
    assert notice_note({**coming, "situation": "employed"}, decision) is None
    not_eligible = evaluate_slots({**coming, "collective_agreement": "yes", "employer_sector": "private"}, TODAY)
    assert notice_note(coming, not_eligible) is None
    # "det blev fel" about the situation asks it again without the old tense.
    from actions.corrections import slots_to_correct
    assert "notice_pending" in slots_to_correct(Answer("situationen är fel", "correct", 0.9, [], TODAY))


def test_a_varsel_at_the_workplace_is_not_ones_own() -> None:
    text = "det har varit varsel på jobbet men jag är kvar"
    assert INTERPRETERS["situation"](Answer(text, "inform_employed", 0.9, [], TODAY)) == Filled({"situation": "employed"})
    assert "situation" not in opening_slots(Answer(text, "inform_employed", 0.9, [], TODAY))
    # A varsel one has been told of is one's own: warned, not given notice.
    told = opening_slots(Answer("Vi har fått besked om varsel på min avdelning.", "inform_terminated", 0.7, [], TODAY))
    assert told.get("notice_pending") == "warned"


@pytest.mark.parametrize("text, expected", [
    # Read as the FAQ topic by the classifier, but told: the answer.
    ("vi har inget kollektivavtal", "no"), ("firman har inte kollektivavtal", "no"), ("utan kollektivavtal", "no"),
    ("kollektivavtal saknas", "no"), ("de har kollektivavtal", "yes"),
    ("vet inte om de har kollektivavtal", "unknown"), ("tror inte vi har kollektivavtal", "unknown"),
])
def test_the_collective_agreement_told_in_a_sentence_is_the_answer(text: str, expected: str) -> None:
    result = INTERPRETERS["collective_agreement"](Answer(text, "faq", 0.98, [], TODAY))
    assert isinstance(result, Filled) and result.slots["collective_agreement"] == expected


def test_a_question_about_the_collective_agreement_is_not_an_answer() -> None:
    for text in ("vad är kollektivavtal?", "hur vet jag om vi har kollektivavtal"):
        assert INTERPRETERS["collective_agreement"](Answer(text, "faq", 0.98, [], TODAY)) is None


def test_the_collective_agreement_in_the_opening_story_is_kept_and_said_back() -> None:
    from actions.forms import opening_ack
    told = opening_slots(Answer("blev uppsagd från en liten reklambyrå i oktober, ingen kollektivavtal. vill kolla "
                                "om jag har rätt till nåt", "inform_terminated", 0.9, [], TODAY))
    assert told == {"situation": "terminated", "employer_sector": "private", "collective_agreement": "no",
                    "guidance_mode": "check"}
    assert opening_ack(told) == ("Tack! Jag har uppfattat att du är uppsagd, att din arbetsgivare är privat och inte "
                                 "har kollektivavtal och att du vill se vilket stöd du kan få. Skriv \"det blev fel\" "
                                 "om det inte stämmer.")
    # A guess is asked about; a kommun's "no" is asked with its "Är du säker?".
    assert "collective_agreement" not in opening_slots(
        Answer("uppsagd pga arbetsbrist, firman har kollektivavtal tror jag", "inform_terminated", 0.9, [], TODAY))
    assert "collective_agreement" not in opening_slots(
        Answer("jobbar i Borås kommun, vi har inget kollektivavtal", "inform_employed", 0.9, [], TODAY))


@pytest.mark.parametrize("slot, text, intent, expected", [
    # Told in a sentence instead of a yes or a no (the classifier makes what it will of it).
    ("previous_support", "jag har aldrig fått omställningsstöd", "check_eligibility", {"previous_support": False}),
    ("previous_support", "jag fick stöd från er 2024", "faq", {"previous_support": True}),
    # A leave named to say there was none is a no; another leave beside it is the one told.
    ("had_skippable", "jag har inte varit föräldraledig", "nlu_fallback", {"had_skippable": False}),
    ("had_skippable", "aldrig sjukskriven", "inform", {"had_skippable": False}),
    ("had_skippable", "jag har inte varit föräldraledig men sjukskriven i våras", "inform_sick",
     {"had_skippable": True, "skippable_type": "sickness_benefit"}),
    ("had_skippable", "ja föräldraledig", "affirm", {"had_skippable": True, "skippable_type": "parental_benefit"}),
])
def test_earlier_support_and_leave_told_in_a_sentence(slot: str, text: str, intent: str,
                                                       expected: dict[str, Any]) -> None:
    assert INTERPRETERS[slot](Answer(text, intent, 0.9, [], TODAY)) == Filled(expected)


def test_a_question_about_earlier_support_is_not_an_answer() -> None:
    assert INTERPRETERS["previous_support"](Answer("har jag fått stöd förut?", "faq", 0.9, [], TODAY)) is None


@pytest.mark.parametrize("slot, text, intent, expected", [
    ("more_employments", "jag har bara haft ett jobb", "inform_employed", {"more_employments": False}),
    ("more_employments", "inga andra", "correct", {"more_employments": False}),
    ("more_employments", "jag hade ett extrajobb på helgerna också", "nlu_fallback", {"more_employments": True}),
    # A role named to say it is not one's own is none of them.
    ("role_exclusion", "jag äger inga aktier", "inform_self_employed", {"role_exclusion": "none"}),
    ("role_exclusion", "jag är inte gift med ägaren", "out_of_scope", {"role_exclusion": "none"}),
    ("role_exclusion", "jag är bara vanlig anställd", "inform_employed", {"role_exclusion": "none"}),
    ("role_exclusion", "jag är vd", "inform", {"role_exclusion": "ceo"}),
    ("role_exclusion", "jag äger 40 procent", "inform", {"role_exclusion": "owner_third"}),
    # The one year in a sentence the date parser gives up on.
    ("employment_start", "jag började där direkt efter gymnasiet 2003", "out_of_scope", {"employment_start": "2003-01-01"}),
    ("skippable_start", "när dottern föddes i maj 2024", "inform", {"skippable_start": "2024-05-01"}),
    ("employment_start", "började där när jag flyttade hit i aug 2015", "inform", {"employment_start": "2015-08-01"}),
    # The date beside the clause that tells what happened.
    ("employment_end", "förra veckan när konkursen kom", "inform", {"employment_end": "2026-11-15"}),
    ("employment_end", "slutade i mars när de la ner", "inform",
     {"employment_end": "2026-03-31", "_say": "Då skriver jag mars 2026. Skriv \"det blev fel\" om det inte stämmer."}),
])
def test_work_answers_told_in_a_sentence(slot: str, text: str, intent: str, expected: dict[str, Any]) -> None:
    assert INTERPRETERS[slot](Answer(text, intent, 0.9, [], TODAY)) == Filled(expected)


@pytest.mark.parametrize("slot, text, intent, expected, said", [
    # A month without its year, in a sentence the parser gives up on: the year guessed and said.
    ("employment_end", "vet inte riktigt, nar jag kommer tillbaka fran foraldraledigheten i mars antar jag",
     "dont_know", "2027-03-31", "mars 2027"),
    ("employment_end", "när föräldraledigheten tar slut i mars", "inform", "2027-03-31", "mars 2027"),
    ("employment_start", "när jag flyttade hit i augusti", "inform", "2026-08-01", "augusti 2026"),
])
def test_a_month_in_a_sentence_is_taken_and_its_year_said(slot: str, text: str, intent: str, expected: str,
                                                         said: str) -> None:
    result = INTERPRETERS[slot](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots[slot] == expected
    assert result.slots["_say"].startswith(f"Då skriver jag {said}.")


def test_a_feeling_is_no_month() -> None:
    # "mår" folds to "mar", which is also March written short.
    assert isinstance(INTERPRETERS["employment_end"](Answer("jag mår dåligt", "inform", 0.9, [], TODAY)), Miss)



@pytest.mark.parametrize("text, monthly, say", [
    ("200 000 om året", 16667, "Det blir ungefär 16 667 kr i månaden."),
    ("årslön 240 000", 20000, "Det blir ungefär 20 000 kr i månaden."),
    # Per month, whatever year is named: as said.
    ("jag tjänar 18000 i månaden i år", 18000, None), ("18 000 förra året", 18000, None),
])
def test_a_yearly_income_is_asked_per_month(text: str, monthly: int, say: str | None) -> None:
    result = INTERPRETERS["employment_monthly_income"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["employment_monthly_income"] == monthly
    assert result.slots.get("_say") == say


@pytest.mark.parametrize("text", ["de har lagt ner butiken jag jobbade i", "avdelningen har lagts ner"])
def test_a_workplace_closed_down_is_a_redundancy(text: str) -> None:
    expected = {"situation": "terminated", "termination_reason": "shortage_of_work",
                "termination_initiated_by": "employer"}
    assert INTERPRETERS["situation"](Answer(text, "inform_terminated", 0.9, [], TODAY)) == Filled(expected)
    assert opening_slots(Answer(text, "inform_terminated", 0.9, [], TODAY)) == expected


def test_starting_a_business_is_kept_for_the_advisor_and_the_goal_asked_again() -> None:
    said = INTERPRETERS["forward_goal"](Answer("jag vill starta ett eget företag inom städ", "inform", 0.9, [], TODAY,
                                               slots={"situation": "terminated", "outward_options": "lokalvårdare"}))
    assert isinstance(said, Filled) and said.slots["outward_options"] == "lokalvårdare, starta eget företag"
    assert said.slots["asked_again"] == "own_business" and "starta eget" in said.slots["_say"]
    alone = INTERPRETERS["forward_goal"](Answer("starta eget", "inform", 0.9, [], TODAY, slots={"situation": "employed"}))
    assert isinstance(alone, Filled) and alone.slots["outward_options"] == "starta eget företag"
    # Asked again as "samma bransch eller en annan?" (not the same six choices), and read so.
    plan = {"situation": "employed", "outward_options": "starta eget företag"}
    response, payloads = _goal_question(plan)
    assert response == "utter_ask_forward_goal_own_business" and len(payloads) == 3
    asked = {**plan, "asked_again": "own_business"}
    for text, goal in [("samma", "new_job_same_sector"), ("en annan bransch", "new_job_other_sector"),
                       ("vet inte än", "undecided")]:
        result = INTERPRETERS["forward_goal"](Answer(text, "inform", 0.9, [], TODAY, slots=asked))
        assert isinstance(result, Filled) and result.slots["forward_goal"] == goal, text


@pytest.mark.parametrize("text", ["gå i pension", "jag vill nog bara gå i pension om några år", "pensionera mig"])
def test_retiring_at_the_goal_question_is_kept_and_the_question_asked_again(text: str) -> None:
    said = INTERPRETERS["forward_goal"](Answer(text, "out_of_scope", 0.9, [], TODAY,
                                               slots={"situation": "employed", "outward_options": "vet inte än"}))
    assert isinstance(said, Filled) and said.slots["outward_options"] == "gå i pension"
    assert said.slots["asked_again"] is True and "pensionen" in said.slots["_say"]


def test_working_on_until_retirement_is_staying() -> None:
    stay = INTERPRETERS["forward_goal"](Answer("jobba kvar till pensionen", "inform", 0.7, [], TODAY))
    assert stay == Filled({"forward_goal": "stay_in_role"})


@pytest.mark.parametrize("text, strained", [
    ("hej jag mår rätt dåligt, fick veta igår att jag blir uppsagd", True),
    ("mår skit just nu", True), ("känner mig värdelös efter beskedet", True), ("är ledsen och arg", True),
    ("jag mår bra, vill bara se vad jag kan få", False), ("det gick dåligt för företaget", False),
])
def test_strain_said_in_other_words(text: str, strained: bool) -> None:
    from actions.parsing import strain_ack
    assert (strain_ack([Answer(text, "inform", 0.9, [], TODAY)]) is not None) == strained


@pytest.mark.parametrize("text, slots, initiated_by", [
    ("de drar ner på säljavdelningen", {}, "employer"),
    ("arbetsbrist", {"notice_pending": "coming"}, "employer"),      # the notice on its way is the employer's
    ("arbetsbrist", {}, None),                                       # asked: one may leave of one's own accord
    ("arbetsbrist, men det var jag själv som ville gå", {"notice_pending": "warned"}, None),  # asked
])
def test_the_employers_initiative_told_with_the_reason(text: str, slots: dict[str, Any],
                                                        initiated_by: str | None) -> None:
    result = INTERPRETERS["termination_reason"](Answer(text, "inform", 0.9, [], TODAY, slots=slots))
    assert isinstance(result, Filled) and result.slots["termination_reason"] == "shortage_of_work"
    assert result.slots.get("termination_initiated_by") == initiated_by


@pytest.mark.parametrize("text, lead", [
    # Studies count away only with omställningsstudiestöd (seed 001: överhoppningsbar tid).
    ("jag pluggade på komvux 2025", "Studier räknas bara bort om du hade omställningsstudiestöd"),
    ("hade a-kassa ett tag", "Tid med a-kassa räknas inte bort här."),
    ("gick på akassa i 4 mån", "Tid med a-kassa räknas inte bort här."),
])
def test_time_that_does_not_count_away_is_explained_and_asked_again(text: str, lead: str) -> None:
    result = INTERPRETERS["had_skippable"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Miss) and (result.lead or "").startswith(lead)


def test_time_that_counts_away_told_beside_unemployment_is_taken() -> None:
    result = INTERPRETERS["had_skippable"](Answer("var arbetslös ett halvår och sen föräldraledig", "inform", 0.9,
                                                  [], TODAY))
    assert result == Filled({"had_skippable": True, "skippable_type": "parental_benefit"})
    studied = INTERPRETERS["had_skippable"](Answer("ja, jag hade omställningsstudiestöd", "affirm", 0.9, [], TODAY))
    assert studied == Filled({"had_skippable": True, "skippable_type": "transition_study_support"})
    assert INTERPRETERS["had_skippable"](Answer("nej, bara a-kassa", "deny", 0.9, [], TODAY)) == \
        Filled({"had_skippable": False})


@pytest.mark.parametrize("text, age, expected", [
    ("jobbat där sedan jag var 20", 45, "2001-01-01"),
    ("sen jag var 19 år", 40, "2005-01-01"),
    ("sen jag var 19 år", None, None),      # no age known: the year is asked, not "19 years ago"
    ("när jag var 30", 25, None),           # older than now: asked
])
def test_a_start_said_as_ones_age_then(text: str, age: int | None, expected: str | None) -> None:
    result = INTERPRETERS["employment_start"](Answer(text, "inform", 0.9, [], date(2026, 11, 26),
                                                     slots={"age": age} if age else {}))
    if expected is None:
        assert isinstance(result, Miss) and "vilket år" in result.hint
    else:
        assert isinstance(result, Filled) and result.slots["employment_start"] == expected
        assert f"omkring {expected[:4]}" in result.slots["_say"]


@pytest.mark.parametrize("text, expected, counted", [
    ("har 3 månaders uppsägningstid från 1 november", "2027-01-31", "(3 månader från 1 november 2026)"),
    ("uppsägningstiden är en månad från 15 december", "2027-01-14", "(en månad från 15 december 2026)"),
    ("sex månaders uppsägningstid", "2027-05-25", "(6 månader räknat från i dag)"),
    ("fick 2 månaders uppsägningstid från 1 mars 2026", "2026-04-30", "(2 månader från 1 mars 2026)"),
    ("har inte fått nåt datum än, uppsägningstiden är väl 3 månader", "2027-02-25", "(3 månader räknat från i dag)"),
])
def test_the_last_day_from_a_notice_period_in_months(text: str, expected: str, counted: str) -> None:
    result = INTERPRETERS["employment_end"](Answer(text, "inform", 0.9, [], date(2026, 11, 26)))
    assert isinstance(result, Filled) and result.slots["employment_end"] == expected
    assert counted in result.slots["_say"]


@pytest.mark.parametrize("text, email, said_back", [
    ("anna.svensson(at)gmail.com", "anna.svensson@gmail.com", True),
    ("anna.svensson@gmail,com", "anna.svensson@gmail.com", True),
    ("anna snabel-a telia.se", "anna@telia.se", True),
    ("Anna@Telia.se", "anna@telia.se", False),                 # an address as written: not said back
])
def test_an_address_written_not_quite_as_one_is_read_and_said_back(text: str, email: str, said_back: bool) -> None:
    result = INTERPRETERS["contact_method"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["contact_email"] == email
    assert (f"Jag skriver {email}." in result.slots.get("_say", "")) == said_back


def test_names_and_places_as_the_advisor_reads_them() -> None:
    name = INTERPRETERS["contact_name"]
    assert name(Answer("jag heter kalle", "inform", 0.9, [], TODAY)) == Filled({"contact_name": "Kalle"})
    assert name(Answer("anna-karin", "inform", 0.9, [], TODAY)) == Filled({"contact_name": "Anna-Karin"})
    assert name(Answer("Maj-Britt", "inform", 0.9, [], TODAY)) == Filled({"contact_name": "Maj-Britt"})
    # The yes to "Vill du ändå att en rådgivare hör av sig?" goes before the name.
    assert name(Answer("ja gärna, jag heter maria", "affirm", 0.9, [], TODAY)) == Filled({"contact_name": "Maria"})
    assert name(Answer("ja tack. mitt namn är Per", "affirm", 0.9, [], TODAY)) == Filled({"contact_name": "Per"})
    assert name(Answer("ja, Anna", "affirm", 0.9, [], TODAY)) == Filled({"contact_name": "Anna"})
    # An answer to an earlier question is no name ("Ja Heltid" was written down as one).
    for text in ("ja heltid", "deltid", "privat"):
        assert isinstance(name(Answer(text, "inform", 0.9, [], TODAY)), Miss), text
    assert name(Answer("Nejla", "inform", 0.9, [], TODAY)) == Filled({"contact_name": "Nejla"})
    refused = name(Answer("det vill jag inte säga", "inform", 0.9, [], TODAY))
    assert isinstance(refused, Filled) and refused.slots["contact_name"] == "unknown"
    place = INTERPRETERS["municipality"](Answer("bor i Mölndal men jobbar i Göteborg", "inform", 0.9, [], TODAY))
    assert place == Filled({"municipality": "Mölndal"})


@pytest.mark.parametrize("text, expected", [
    ("född 3 maj 1962", 64), ("född 30 december 1962", 63), ("född 12/4 1970", 56),
    ("över 60", None), ("under 30 iaf", None),      # a bound: the exact age is asked
])
def test_an_age_from_a_birth_date_or_asked_exactly_for_a_bound(text: str, expected: int | None) -> None:
    result = INTERPRETERS["age"](Answer(text, "inform", 0.9, [], date(2026, 11, 26)))
    if expected is None:
        assert isinstance(result, Miss) and "exakt" in (result.lead or "")
    else:
        assert result == Filled({"age": expected, "_say": f"Då är du {expected} år."})


@pytest.mark.parametrize("text, slots, expected", [
    # Seed 001, 5.1 p. 4 b: only a shareholder is excluded by the share, the family's shares counted in.
    ("jag äger 40%", {}, "owner_third"), ("jag och min pappa äger allt", {}, "owner_third"),
    ("jag är ensam ägare", {}, "owner_third"), ("jag äger hälften tillsammans med min bror", {}, "owner_third"),
    ("jag är delägare, 10 procent", {}, FAMILY_SHARE), ("jag är delägare", {}, FAMILY_SHARE),
    ("jag har lite aktier i bolaget", {}, FAMILY_SHARE),
    # Someone else of the family owns, and the person owns nothing: no exclusion ...
    ("pappa äger företaget", {}, "none"), ("min fru har aktier", {}, "none"),
    ("gift med ägaren", {"employer_name": "Bygg AB"}, "none"),
    # ... except as spouse or cohabitant of a sole trader (c).
    ("min man äger firman", {}, "family_of_owner"), ("gift med ägaren", {"employer_name": "Kalles Bygg"}, "family_of_owner"),
    # The family's share asked: the answer decides.
    ("ja", {"asked_again": FAMILY_SHARE}, "owner_third"), ("nej", {"asked_again": FAMILY_SHARE}, "none"),
])
def test_owners_by_the_law_s_words(text: str, slots: dict[str, Any], expected: str) -> None:
    result = INTERPRETERS["role_exclusion"](Answer(text, "inform", 0.9, [], TODAY, slots=slots))
    if expected == FAMILY_SHARE:
        assert isinstance(result, Miss) and result.remember == {"asked_again": FAMILY_SHARE}
        assert ("mindre än en tredjedel" in (result.lead or "")) == ("procent" in text)
    else:
        assert isinstance(result, Filled) and result.slots["role_exclusion"] == expected
        if expected == "none" and "asked_again" not in slots:
            assert "så länge du inte själv äger aktier" in result.slots["_say"]


def test_the_family_share_question_is_asked_with_its_own_buttons() -> None:
    domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))
    [variant] = [v for v in domain["responses"]["utter_ask_role_exclusion"] if v.get("condition")]
    assert variant["condition"] == [{"type": "slot", "name": "asked_again", "value": FAMILY_SHARE}]
    assert [b["title"] for b in variant["buttons"]] == ["Ja", "Nej", "Vet inte"]


@pytest.mark.parametrize("text, intent, expected", [
    ("tror det", "affirm", True), ("jag klarar mig själv", "inform", False),
    ("jag klarar mig nog bra utan", "inform", False), ("nej, kanske inte", "deny", False),
    ("lite kanske", "inform", "unknown"),
    ("har adhd", "inform", None), ("har varit utbränd men är bättre nu", "inform", None),  # thanked, asked again
])
def test_the_answer_to_whether_extra_support_is_needed(text: str, intent: str, expected: Any) -> None:
    result = INTERPRETERS["special_needs_illness"](Answer(text, intent, 0.9, [], TODAY))
    if expected is None:
        assert isinstance(result, Miss) and (result.lead or "").startswith("Tack för att du berättar.")
    else:
        assert isinstance(result, Filled) and result.slots["special_needs_illness"] == expected


def test_a_job_said_to_be_still_there_in_a_clause_of_its_own_is_employment() -> None:
    # "men" splits the opening into clauses read by their words: "jobbet finns kvar" says it.
    said = opening_slots(Answer("är föräldraledig nu men jobbet finns kvar", "inform_employed", 0.9, [], TODAY))
    assert said.get("situation") == "employed"
    gone = opening_slots(Answer("jobbet finns inte kvar", "inform_terminated", 0.9, [], TODAY))
    assert gone.get("situation") == "terminated"


def test_the_handoff_says_who_decides() -> None:
    from actions.dialogue import who_decides
    assert who_decides({"organisation": {"code": "ooo", "name_sv": "Den offentliga omställningsorganisationen"}}) == \
        "det är Kammarkollegiet som beslutar"
    assert who_decides(None) == "det är Kammarkollegiet som beslutar"
    assert who_decides({"organisation": {"code": "omstallningsfonden", "name_sv": "Omställningsfonden"}}) == \
        "det är Omställningsfonden som avgör vilket stöd du kan få"


def test_a_season_is_said_back_as_a_season() -> None:
    from actions.parsing import next_employment_told
    told, said = next_employment_told(Answer("ja, hos Ica hösten 2022 - våren 2023", "affirm", 0.9, [], TODAY))
    assert told["employment_start"] == "2022-10-01" and told["employment_end"] == "2023-06-30"
    assert "från hösten 2022 till våren 2023" in said


@pytest.mark.parametrize("text, intent, confidence, expected", [
    ("min tjänst har gått till någon annan", "inform_terminated", 0.3, {"situation": "terminated"}),
    ("blev utköpt", "inform_terminated", 0.43, {"situation": "terminated"}),
    ("blev av med städjobbet i september", "inform", 0.6, {"situation": "terminated"}),
    ("miste jobbet i våras", "inform", 0.6, {"situation": "terminated"}),
    ("blev av med städjobbet för dom tappade en stor kund", "inform", 0.6,
     {"situation": "terminated", "termination_reason": "shortage_of_work"}),
    # A doubtful "sick" reading is no illness: nothing in the words says it.
    ("tog ut föräldraledighet och sen fanns inte jobbet kvar", "inform_sick", 0.25, {"situation": "terminated"}),
    # Illness on one's own notice still counts, and the advisor reads whose notice it was.
    ("har sagt upp mig själv för att jag blev sjuk av jobbet", "inform_sick", 0.71,
     {"situation": "terminated_illness", "termination_reason": "illness", "termination_initiated_by": "employee",
      "reduced_capacity": True}),
])
def test_endings_said_in_other_words(text: str, intent: str, confidence: float, expected: dict[str, Any]) -> None:
    result = INTERPRETERS["situation"](Answer(text, intent, confidence, [], TODAY))
    assert isinstance(result, Filled)
    assert {k: v for k, v in result.slots.items() if not k.startswith("_")} == expected


def test_living_on_unemployment_pay_asks_how_the_last_job_ended() -> None:
    result = INTERPRETERS["situation"](Answer("jag går på a-kassa sen i somras", "nlu_fallback", 0.5, [], TODAY))
    assert isinstance(result, Miss) and result.remember == {"asked_again": "last_job"}


@pytest.mark.parametrize("text, expected", [
    ("butiken gick dåligt", "shortage_of_work"), ("min avdelning flyttades till Polen", "shortage_of_work"),
    ("företaget flyttade till Stockholm", "shortage_of_work"),
    ("flyttade med familjen", "own_resignation"), ("jag flyttade till Umeå", "own_resignation"),
    ("fick ett bättre jobb", "own_resignation"),
    ("de förlorade upphandlingen", "shortage_of_work"), ("firman tappade sina största kunder", "shortage_of_work"),
    # Personal grounds: what decides is explained, nothing guessed.
    ("samarbetssvårigheter", None), ("ny chef som inte gillade mig", None),
])
def test_reasons_said_as_what_happened(text: str, expected: str | None) -> None:
    result = INTERPRETERS["termination_reason"](Answer(text, "inform", 0.5, [], TODAY))
    if expected is None:
        assert isinstance(result, Miss) and "om arbetsgivaren sa upp dig för att det inte fanns arbete" in result.lead
    else:
        assert isinstance(result, Filled) and result.slots["termination_reason"] == expected


@pytest.mark.parametrize("text, intent, expected", [
    ("dom sa upp mig", "inform_terminated", "employer"), ("det var deras beslut", "inform", "employer"),
    ("inte jag iaf", "deny", "employer"),                  # "nej" in form, the employer in meaning
    ("inte mitt beslut i alla fall", "nlu_fallback", "employer"),
    ("det var mitt eget beslut", "inform", "employee"), ("nej jag själv", "deny", "employee"),
    ("chefen frågade om jag ville gå frivilligt", "nlu_fallback", "employer"),
    ("jag anmälde mig frivilligt när de skulle dra ner", "faq", None),   # who brought it up is asked
])
def test_whose_initiative_as_people_say_it(text: str, intent: str, expected: str | None) -> None:
    result = INTERPRETERS["termination_initiated_by"](Answer(text, intent, 0.9, [], TODAY))
    if expected is None:
        assert isinstance(result, Miss) and "vem som tog upp det först" in result.hint
    else:
        assert result == Filled({"termination_initiated_by": expected})


@pytest.mark.parametrize("text", ["både och", "lite av allt"])
def test_both_at_the_help_question_is_the_whole_conversation(text: str) -> None:
    assert INTERPRETERS["guidance_mode"](Answer(text, "inform", 0.85, [], TODAY)) == Filled({"guidance_mode": "explore"})


@pytest.mark.parametrize("text, expected", [
    ("han sa upp mig för att jag var sjuk", "employer"), ("jag sa upp mig för att jag var sjuk", "employee"),
    ("har sagt upp mig själv för att jag blev sjuk av jobbet", "employee"),
])
def test_whose_notice_beside_illness(text: str, expected: str) -> None:
    for slot in ("situation", "termination_reason"):
        result = INTERPRETERS[slot](Answer(text, "inform_sick", 0.9, [], TODAY))
        assert isinstance(result, Filled) and result.slots["termination_initiated_by"] == expected


@pytest.mark.parametrize("text, expected", [
    ("vi följer handels avtal", "yes"), ("har hängavtal", "yes"),      # a hängavtal is a collective agreement
    ("de har inget avtal", "no"), ("har nog hängavtal", "unknown"),    # a guess stays a guess
    ("jag är med i facket", None),                                     # one's own membership: explained, asked again
])
def test_the_agreement_named_rather_than_said_yes_to(text: str, expected: str | None) -> None:
    result = INTERPRETERS["collective_agreement"](Answer(text, "inform", 0.9, [], TODAY,
                                                         slots={"employer_sector": "private"}))
    if expected is None:
        assert isinstance(result, Miss) and "Frågan gäller din arbetsgivare" in (result.lead or "")
    else:
        assert isinstance(result, Filled) and result.slots["collective_agreement"] == expected


@pytest.mark.parametrize("text, expected, other", [
    ("fick hjälp av TRR för några år sen", False, "TRR"),
    ("har haft rådgivning via trygghetsfonden 2021", False, "Trygghetsfonden"),
    ("ja från er 2024", True, None), ("nej aldrig", False, None),
])
def test_support_from_another_organisation_is_not_earlier_support_here(text: str, expected: bool,
                                                                       other: str | None) -> None:
    result = INTERPRETERS["previous_support"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["previous_support"] is expected
    assert (f"Stöd från {other} räknas inte här" in result.slots.get("_say", "")) == (other is not None)


@pytest.mark.parametrize("text, agency", [
    ("bemanningsföretaget Adecco men jag var uthyrd till Scania", "Adecco"),
    ("jag var uthyrd till Scania via Manpower", "Manpower"),
    ("Bemanningsbolaget Academic Work", "Academic Work"),
])
def test_a_staffing_agency_is_the_employer(text: str, agency: str) -> None:
    result = INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert (result.slots["employer_name"], result.slots["employer_sector"]) == (agency, "private")
    assert "det är bemanningsföretaget som är din arbetsgivare" in result.slots["_say"]
    # The next employment's employer too.
    assert INTERPRETERS["employment_employer"](Answer(text, "inform", 0.9, [], TODAY)) == \
        Filled({"employment_employer": agency})


def test_an_occupation_told_at_the_start_is_said_back_before_the_first_reflection() -> None:
    slots = {"consent": True, "situation": "employed", "reduced_capacity": True, "requested_slot": "guidance_mode"}
    story = ("Jag jobbar som barnskötare i Östersunds kommun sen 30 år, har ont i ryggen och orkar inte "
             "lyfta barnen längre.")
    updates, messages = _run(slots, "Fundera på vad jag vill", "career_guidance", form=ValidateGuidanceForm(),
                             earlier=story)
    assert updates["guidance_mode"] == "explore" and updates["requested_slot"] == "inward_who"
    assert messages[-1]["text"] == "Du har berättat att du jobbar som barnskötare."
    assert updates["asked_again"] == "told_work"
    # Nothing of the work told: the question asks what the work was (no say-back, no variant).
    updates, messages = _run(slots, "Fundera på vad jag vill", "career_guidance", form=ValidateGuidanceForm(),
                             earlier="jag vet inte vad jag vill göra")
    assert updates["requested_slot"] == "inward_who" and not updates.get("asked_again") and not messages


@pytest.mark.parametrize("story, said", [
    ("har jobbat som personlig assistent i tio år", "att du har jobbat som personlig assistent"),
    ("jobbar som undersköterska men vill byta", "att du jobbar som undersköterska"),
    ("jobbar som undersköterska förut, nu i butik", "att du har jobbat som undersköterska"),
    ("Jobbar som Lagerarbetare på Ica", "att du jobbar som lagerarbetare"),
    ("jag jobbar som vanligt men trivs inte", None),
    ("jobbar som timanställd på ett lager", None),
    # "jag är X" only where X is a known occupation.
    ("hej jag ar underskoterska pa ett sjukhus men har varit sjukskriven", "att du jobbar som undersköterska"),
    ("jag var lärare i tio år", "att du har jobbat som lärare"),
    ("jag är sjukskriven sen i våras", None),
    ("jag är 45 och uppsagd", None),
    # "mitt jobb som X" does not say when: told without a tense.
    ("jag sa upp mig själv från mitt jobb som säljare i augusti", "om ditt jobb som säljare"),
    ("min tjänst som handläggare ska dras in", "om din tjänst som handläggare"),
    ("jag gör mitt jobb som vanligt", None),
    # Where the work is done, when no occupation is told; a place or a name is not it.
    ("vet inte vad jag vill jobba med längre, har jobbat i kassan på ica i 6 år", "att du har jobbat i kassan på ICA"),
    ("nu har ica sagt upp mig pga sjukdom. jobbade där i 15 år i kassan och på lagret", "att du har jobbat i kassan"),
    ("jobbar inom vården sen 2010", "att du jobbar inom vården"),
    ("jag jobbar i Göteborg", None), ("jobbar på Kontoret AB", None),
    # One's own business, with the trade where it is told.
    ("jag har haft en egen firma som malare i 15 ar", "att du har haft en egen firma som målare"),
    ("har en firma som heter Bygg AB", "att du har en firma"),
    ("jag har haft egen frisörsalong i 15 år", "att du har haft egen frisörsalong"),
])
def test_the_occupation_in_a_story(story: str, said: str | None) -> None:
    from actions.parsing import occupation_from_story
    assert occupation_from_story([story]) == said


def test_jobs_named_with_the_wants_answer_the_outward_question() -> None:
    slots = {"consent": True, "situation": "employed", "guidance_mode": "explore", "inward_who": "barnskötare",
             "inward_skills": "lugna barn", "requested_slot": "inward_wants"}
    updates, messages = _run(slots, "som jag skrev, något lättare. kanske jobba på fritids eller som elevassistent?",
                             "inform", form=ValidateGuidanceForm())
    assert updates["outward_options"] == "fritids eller elevassistent"
    assert updates["requested_slot"] == "forward_goal"
    assert messages[0]["text"].endswith("Jag skriver upp fritids eller elevassistent som det du funderar på.")
    # Wants without a job named: the outward question comes.
    updates, _ = _run(slots, "jobba med människor, och slippa lyfta", "inform", form=ValidateGuidanceForm())
    assert updates["requested_slot"] == "outward_options" and updates.get("outward_options") is None


@pytest.mark.parametrize("text, named", [
    ("vill jobba på ett kontor eller en skola", "kontor eller skola"),
    ("jobba som lärare eller något annat", "lärare"),
    ("vill jobba inom vården", "vården"),
    ("jobba på ett ställe där jag trivs", None),
    ("jobba på distans", None),
    ("jobba som en galning", None),
])
def test_jobs_named_in_a_wants_answer(text: str, named: str | None) -> None:
    from actions.parsing import options_named
    assert options_named(text) == named


def test_the_employer_asked_for_is_the_one_where_the_job_ends() -> None:
    # Someone who lost one of two jobs: "din nuvarande eller senaste" would point at the one kept.
    domain = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text(encoding="utf-8"))
    variants = {v["condition"][0]["value"]: v["text"] for v in domain["responses"]["utter_ask_employer_name"]
                if v.get("condition") and v["condition"][0]["name"] == "situation"}
    for ending in ("terminated", "terminated_illness", "fixed_term_ended"):
        assert variants[ending] == "Vad heter arbetsgivaren där din anställning slutar eller har slutat?"
    assert variants["employed"].startswith("Vad heter din arbetsgivare?")


def test_a_start_is_read_back_as_precisely_as_it_is_likely_said() -> None:
    from actions.forms import since_sv
    today = date(2026, 11, 27)
    assert since_sv("2012-01-01", today) == "2012"
    assert since_sv("2019-03-01", today) == "mars 2019"
    # "jobbade där sen januari": this year's first of January is January, not "sedan 2026".
    assert since_sv("2026-01-01", today) == "januari 2026"


def test_a_filler_between_the_wish_and_the_goal_still_names_it() -> None:
    from actions.parsing import _named_goal
    assert _named_goal("mitt vikariat tog slut i augusti. vill typ plugga till sjukgymnast nu") == "sjukgymnast"
    assert _named_goal("vill kanske bli lärare") is None  # a maybe is explored, not planned


@pytest.mark.parametrize("text, expected", [
    # A sole trader's spouse named by the firm: excluded as such (seed 001, 5.1 p. 4 c).
    ("jag jobbar i min mans firma, han har enskild firma", "family_of_owner"),
    ("firman är min sambos", "family_of_owner"),
    # A spouse's aktiebolag, or a parent's firm, does not exclude one who owns nothing.
    ("min man har ett aktiebolag", "none"), ("min pappa har en firma", "none"),
])
def test_the_owner_named_by_the_firm(text: str, expected: str) -> None:
    result = INTERPRETERS["role_exclusion"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["role_exclusion"] == expected


def test_a_notice_the_employer_must_give_is_coming() -> None:
    text = "jag jobbar i min mans firma. nu går det dåligt och han måste säga upp mig"
    result = INTERPRETERS["situation"](Answer(text, "inform_employed", 0.8, [], TODAY))
    assert isinstance(result, Filled)
    assert (result.slots["situation"], result.slots["notice_pending"], result.slots["termination_reason"]) == \
        ("terminated", "coming", "shortage_of_work")


@pytest.mark.parametrize("slot, text, expected", [
    ("situation", "jag blev friställd", {"situation": "terminated", "termination_reason": "shortage_of_work"}),
    ("situation", "fick gå från jobbet i höstas", {"situation": "terminated"}),
    ("termination_reason", "de behövde dra ner på personal", {"termination_reason": "shortage_of_work",
                                                               "termination_initiated_by": "employer"}),
    ("termination_reason", "min chef sa att det inte fanns pengar", {"termination_reason": "shortage_of_work"}),
    ("termination_reason", "de hade inte råd att ha kvar mig", {"termination_reason": "shortage_of_work"}),
    ("termination_reason", "det fanns inget jobb för mig längre", {"termination_reason": "shortage_of_work"}),
])
def test_redundancy_in_everyday_words(slot: str, text: str, expected: dict[str, Any]) -> None:
    assert INTERPRETERS[slot](Answer(text, "inform", 0.6, [], TODAY)) == Filled(expected)


def test_ones_own_lack_of_money_is_no_redundancy_and_job_seeking_asks_about_the_last_job() -> None:
    assert isinstance(INTERPRETERS["termination_reason"](Answer("jag hade inte råd att bo kvar", "inform", 0.6, [],
                                                               TODAY)), Miss)
    result = INTERPRETERS["situation"](Answer("jag är arbetssökande", "inform", 0.6, [], TODAY))
    assert isinstance(result, Miss) and result.remember == {"asked_again": "last_job"}


@pytest.mark.parametrize("slot, text, known, value, said", [
    ("employment_hours_per_week", "8 timmar om dagen", {}, 40.0, "räknat med fem dagar i veckan"),
    ("employment_hours_per_week", "dagtid mån-fre", {}, 40.0, "Då skriver jag heltid, 40 timmar i veckan."),
    ("employment_hours_per_week", "mån-fre 6 timmar om dagen", {}, 30.0, "Det blir ungefär 30 timmar"),
    # An hourly wage is a month from the hours told for the job.
    ("employment_monthly_income", "140 kr i timmen", {"employment_hours_per_week": 10}, 6067,
     "Med 10 timmar i veckan blir det ungefär 6 067 kr i månaden."),
    ("employment_monthly_income", "ca 25 papp", {}, 25000, None),
    ("employment_monthly_income", "25 lax", {}, 25000, None),
])
def test_hours_and_pay_as_chat_says_them(slot: str, text: str, known: dict[str, Any], value: float,
                                          said: str | None) -> None:
    result = INTERPRETERS[slot](Answer(text, "inform", 0.9, [], TODAY, slots=known))
    assert isinstance(result, Filled) and result.slots[slot] == value
    assert (said in result.slots["_say"]) if said else "_say" not in result.slots


def test_an_hourly_wage_without_the_hours_asks_for_the_month() -> None:
    result = INTERPRETERS["employment_monthly_income"](Answer("140 kr i timmen", "inform", 0.9, [], TODAY))
    assert isinstance(result, Miss) and "i månaden" in result.hint


@pytest.mark.parametrize("slot, text, expected", [
    ("more_employments", "bara sommarjobb", {"more_employments": True}),
    ("more_employments", "inga sommarjobb eller så", {"more_employments": False}),
    # Tillfällig föräldrapenning is föräldraledighet too (seed 001, 5.2).
    ("had_skippable", "vabbade en del", {"had_skippable": True, "skippable_type": "parental_benefit"}),
    ("skippable_type", "vab", {"skippable_type": "parental_benefit"}),
])
def test_summer_jobs_and_vab(slot: str, text: str, expected: dict[str, Any]) -> None:
    assert INTERPRETERS[slot](Answer(text, "inform", 0.6, [], TODAY)) == Filled(expected)


@pytest.mark.parametrize("text, asks", [("ring mig", "Skriv ditt telefonnummer"), ("mejl", "Skriv din e-postadress"),
                                        ("helst via mail", "Skriv din e-postadress")])
def test_a_way_of_contact_chosen_asks_for_its_number_or_address(text: str, asks: str) -> None:
    result = INTERPRETERS["contact_method"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Miss) and result.hint.startswith(asks) and result.lead == "Gärna."


def test_a_strength_others_see_is_said_back_and_kept_beside_not_knowing() -> None:
    result = INTERPRETERS["inward_skills"](Answer("vet inte, kollegorna brukar säga att jag är lugn och noggrann",
                                                  "dont_know", 0.8, [], TODAY))
    assert isinstance(result, Filled)
    assert result.slots["inward_skills"] == "vet inte, kollegorna brukar säga att jag är lugn och noggrann"
    assert result.slots["_say"] == "Andra ser att du är lugn och noggrann – det tar du med dig, vart du än går."
    # Not knowing alone is kept as such, and met as modesty.
    plain = INTERPRETERS["inward_skills"](Answer("vet inte riktigt", "dont_know", 0.9, [], TODAY))
    assert isinstance(plain, Filled) and plain.slots["inward_skills"] == "vet inte än"


@pytest.mark.parametrize("text, expected", [
    # A wish to do something else is no situation "other"; years in a job are a job.
    ("Hej, jag har jobbat som lärare i 15 år och känner att jag vill göra något annat", "employed"),
    ("vet inte riktigt vad jag vill jobba med längre, har jobbat i kassan på ica i 6 år", "employed"),
    ("har jobbat med ekonomi i tio år och vill byta", "employed"),
    ("har jobbat i kassan i 6 år men blev uppsagd i oktober", "terminated"),
    ("något annat", "other"), ("annat, jag pluggar", "other"),
])
def test_something_else_is_the_button_not_a_wish(text: str, expected: str) -> None:
    result = INTERPRETERS["situation"](Answer(text, "inform", 0.5, [], TODAY))
    assert isinstance(result, Filled) and result.slots["situation"] == expected


@pytest.mark.parametrize("text, mode", [
    ("hjälp mig komma vidare med min plan", "plan"), ("jag behöver hjälp att hitta ett nytt jobb", "plan"),
    ("cv och jobbsökning", "plan"), ("vet inte vad jag vill", "explore"), ("allt möjligt", "explore"),
])
def test_the_help_wanted_in_own_words(text: str, mode: str) -> None:
    result = INTERPRETERS["guidance_mode"](Answer(text, "inform", 0.6, [], TODAY))
    assert isinstance(result, Filled) and result.slots["guidance_mode"] == mode


@pytest.mark.parametrize("text, name, sector", [
    ("region skane", "Region Skåne", "region"), ("vgr", "Västra Götalandsregionen", "region"),
    ("ett sjukhus i region skane", "Region Skåne", "region"),
    ("jobbar pa ett sjukhus i Region Jönköpings län", "Region Jönköpings län", "region"),
    ("jag jobbar på en förskola i Göteborgs stad", "Göteborgs stad", "municipality"),
    ("på en skola i Lunds kommun", "Lunds kommun", "municipality"),
])
def test_a_public_workplace_and_its_region_or_municipality_name_the_employer(text: str, name: str,
                                                                             sector: str) -> None:
    slots = {**BASE, "employer_name": None, "employer_sector": None, "collective_agreement": None,
             "role_exclusion": None, "requested_slot": "employer_name"}
    updates, messages = _run(slots, text, "inform")
    assert (updates["employer_name"], updates["employer_sector"]) == (name, sector)
    assert updates["requested_slot"] == "collective_agreement"
    assert "arbetsgivare" in messages[0]["text"]  # said, so a misreading can be corrected


def test_a_warehouse_in_a_municipality_asks_who_runs_it() -> None:
    slots = {**BASE, "employer_name": None, "employer_sector": None, "collective_agreement": None,
             "role_exclusion": None, "requested_slot": "employer_name"}
    updates, messages = _run(slots, "jag jobbar på ett lager i Ale kommun", "inform")
    assert updates["employer_name"] is None and updates.get("employer_sector") is None
    assert messages[0]["text"].startswith("Tack! Men vem driver arbetsplatsen, Ale kommun eller ett företag?")


@pytest.mark.parametrize("text, name", [
    ("jag är sjukskriven från mitt jobb i region skane", "Region Skåne"),
    ("hej jag ar underskoterska pa ett sjukhus i region skane men har varit sjukskriven", "Region Skåne"),
    ("jag jobbar på ett lager i Ale kommun och är uppsagd", None),  # the warehouse is the workplace
])
def test_the_region_named_in_the_opening_story(text: str, name: str | None) -> None:
    from actions.parsing import named_public_employer
    assert named_public_employer(text).get("employer_name") == name


def test_sick_leave_from_a_job_kept_is_said_back_after_consent() -> None:
    from actions.forms import opening_ack
    assert opening_ack({"situation": "employed", "reduced_capacity": True}) == (
        "Tack! Jag har uppfattat att du har en anställning men att din hälsa påverkar hur du kan jobba. "
        "Skriv \"det blev fel\" om det inte stämmer.")


def test_ones_own_notice_is_said_back_as_such() -> None:
    from actions.forms import opening_ack
    assert opening_ack({"situation": "terminated", "termination_reason": "own_resignation"}).startswith(
        "Tack! Jag har uppfattat att du har sagt upp dig själv.")


@pytest.mark.parametrize("slot, text", [
    ("outward_options", "vad krävs för att bli socionom?"), ("inward_wants", "hur blir man elektriker?"),
    ("forward_next_step", "vad krävs för att jobba som lärare"),
])
def test_what_it_takes_to_enter_an_occupation_is_answered_even_read_as_the_faq(slot: str, text: str) -> None:
    from actions.parsing import Reply
    assert INTERPRETERS[slot](Answer(text, "faq", 0.95, [], TODAY)) == Reply("utter_outward_requirements")
    # The support's own requirements stay the FAQ's.
    assert INTERPRETERS[slot](Answer("vad krävs för att få stöd?", "faq", 0.95, [], TODAY)) is None


def test_a_guess_and_a_question_answer_the_options_and_get_the_answer_beside() -> None:
    slots = {"consent": True, "situation": "employed", "guidance_mode": "explore", "inward_who": "säljare",
             "inward_skills": "prata", "inward_wants": "mening", "requested_slot": "outward_options"}
    updates, messages = _run(slots, "kanske socionom eller HR? vad krävs för att bli socionom?", "faq",
                             form=ValidateGuidanceForm())
    assert updates["outward_options"] == "socionom eller HR"
    assert messages[0]["text"] == "Tack, jag skriver upp socionom eller HR."
    assert messages[1]["response"] == "utter_outward_requirements"
    assert updates["requested_slot"] == "forward_goal"


@pytest.mark.parametrize("text, employer, country", [
    ("i norge, på ett sykehjem i bergen", "Ett sykehjem i bergen", "NO"),
    ("Fjordhotellet i Norge", "Fjordhotellet", "NO"),
    ("Volvo", "Volvo", None),
    ("ICA i Sverige", "ICA i Sverige", None),
])
def test_the_country_told_with_another_employer_is_taken_and_left_out_of_the_name(text: str, employer: str,
                                                                                  country: str | None) -> None:
    slots = {**BASE, "employments": [{"employer": "Bageriet AB"}], "employment_employer": None,
             "employment_start": None, "employment_end": None, "employment_hours_per_week": None,
             "employment_country": None, "requested_slot": "employment_employer"}
    updates, _ = _run(slots, text, "inform")
    assert updates["employment_employer"] == employer
    assert updates.get("employment_country") == country
    if country:
        assert updates["requested_slot"] != "employment_country"


def test_a_country_alone_for_the_employer_is_kept_and_the_name_asked_again() -> None:
    slots = {**BASE, "employments": [{"employer": "Bageriet AB"}], "employment_employer": None,
             "employment_start": None, "employment_end": None, "employment_hours_per_week": None,
             "employment_country": None, "requested_slot": "employment_employer"}
    updates, messages = _run(slots, "uppe i Norge", "inform")
    assert updates["employment_country"] == "NO" and updates["employment_employer"] is None
    assert messages[0]["text"] == "Tack, då vet jag att jobbet var i Norge."


@pytest.mark.parametrize("text, said", [
    ("sista jan", "Då skriver jag 31 januari 2027."), ("i januari", "Då skriver jag januari 2027."),
    ("15/1", "Då skriver jag 15 januari 2027."), ("sista augusti", "Då skriver jag 31 augusti 2026."),
    # The year told, or a time counted from today: nothing guessed, nothing said.
    ("31 januari 2027", None), ("i januari nästa år", None), ("förra månaden", None), ("pågår", None),
])
def test_a_date_without_its_year_is_said_back_with_the_year_guessed(text: str, said: str | None) -> None:
    result = INTERPRETERS["employment_end"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert (result.slots.get("_say") or "").split(" Skriv")[0] == (said or "")


def test_a_want_about_people_read_as_asking_for_a_person_is_still_the_answer() -> None:
    # "nåt med människor" pulls the classifier to request_human; without a word of asking for
    # someone ("prata", "rådgivare", "ring", …) it is the answer to the question asked.
    for text in ("vet inte riktigt, nat med manniskor men lugnare", "kanske nåt inom rehab eller som handledare"):
        assert isinstance(INTERPRETERS["inward_wants"](Answer(text, "request_human", 0.9, [], TODAY)), Filled)
    # Asking for someone, with typing slips too, stays a wish to talk to a person.
    for asks in ("kan jag prata med någon", "ring mig", "en riktig människa tack", "kan jag få pata med en handläggre"):
        assert INTERPRETERS["inward_wants"](Answer(asks, "request_human", 0.9, [], TODAY)) is None
    # Outside the guidance questions the classifier decides, as before.
    assert INTERPRETERS["termination_reason"](Answer("nåt med människor", "request_human", 0.9, [], TODAY)) is None


def test_a_fixed_term_already_ended_is_said_in_the_past() -> None:
    from actions.forms import situation_said
    assert situation_said({"situation": "fixed_term_ended", "employment_end": "2020-09-30"}) == \
        "din visstidsanställning har tagit slut"
    assert situation_said({"situation": "fixed_term_ended", "employment_end": "2099-09-30"}) == \
        "din visstidsanställning tar slut"
    assert situation_said({"situation": "fixed_term_ended"}) == "din visstidsanställning tar slut"


@pytest.mark.parametrize("text, intent, said", [
    ("vänta lite", "correct", "Ingen brådska."), ("ett ögonblick", "inform", "Ingen brådska."),
    ("jag måste gå nu, kan jag fortsätta senare?", "faq", "Ja. Kommer du tillbaka inom en timme"),
])
def test_a_moment_asked_for_keeps_the_question_waiting(text: str, intent: str, said: str) -> None:
    # "vänta lite" was read as a correction ("Vad vill du ändra?"), "fortsätta senare" as the FAQ
    # on the support being voluntary.
    slots = {**BASE, "age": None, "requested_slot": "age"}
    updates, messages = _run(slots, text, intent)
    assert messages[0]["text"].startswith(said)
    assert updates["age"] is None and updates["requested_slot"] == "age" and updates["asked_again"] is True
    from actions.parsing import pause_asked
    assert pause_asked(Answer("vänta, det blev fel", "correct", 0.9, [], TODAY)) is None  # a correction is one


def test_a_plan_to_start_a_business_is_said_back_as_such() -> None:
    from actions.forms import opening_ack
    assert "att du vill starta eget företag." in opening_ack({"situation": "employed",
                                                              "outward_options": "starta eget företag"})
    assert "att du vill bli elektriker." in opening_ack({"situation": "employed", "outward_options": "elektriker"})


def test_an_occupation_that_is_also_someone_to_talk_to_answers_the_options_question() -> None:
    for text in ("kundtjänst", "rådgivare eller handläggare"):
        result = INTERPRETERS["outward_options"](Answer(text, "request_human", 0.98, [], TODAY))
        assert isinstance(result, Filled) and result.slots["outward_options"] == text
    for text in ("rådgivare tack", "prata med en rådgivare"):
        assert INTERPRETERS["outward_options"](Answer(text, "request_human", 0.98, [], TODAY)) is None


def test_a_new_start_in_working_life_is_no_restart() -> None:
    from bot.components import restart_allowed
    assert not restart_allowed("börja om från början med något nytt")
    assert not restart_allowed("radera allt det gamla och börja om")
    assert restart_allowed("kan vi börja om från början")


@pytest.mark.parametrize("before, after", [(None, True), (True, "consent_open")])
def test_questions_in_a_row_before_consent_do_not_get_the_whole_question_each_time(before, after) -> None:
    slots = {"consent": None, "requested_slot": "consent", "asked_again": before}
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": "vad kostar det?"},
              {"event": "action", "name": "action_answer_faq"}]
    tracker = Tracker("t", slots, {"text": "vad kostar det?", "intent": {"name": "faq", "confidence": 0.9},
                                   "entities": []}, events, False, None, {"name": "situation_form"}, "action_answer_faq")
    updates = {e["name"]: e["value"]
               for e in asyncio.run(ValidateSituationForm().run(CollectingDispatcher(), tracker, {}))}
    assert updates["asked_again"] == after and updates["requested_slot"] == "consent"


def test_an_english_message_is_not_read_as_an_answer_but_a_name_may_be_english() -> None:
    slots = {"consent": None, "requested_slot": "consent"}
    updates, messages = _run(slots, "Hi, I lost my job last month, can you help me?", "out_of_scope",
                             form=ValidateSituationForm())
    assert messages == [] and updates["consent"] is None and updates["requested_slot"] == "consent"
    assert updates["asked_again"] is True and not updates.get("miss_count")
    named = {**BASE, "employer_name": None, "employer_sector": None, "requested_slot": "employer_name"}
    updates, _ = _run(named, "Best Western Hotel", "inform")
    assert updates["employer_name"] == "Best Western Hotel"


def test_back_from_an_faq_the_question_comes_in_its_short_form() -> None:
    # The work questions' introduction was said once; after an FAQ "Hur gammal är du?" is enough.
    slots = {**BASE, "age": None, "requested_slot": "age", "asked_again": None}
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": "kostar det nåt?"},
              {"event": "action", "name": "utter_faq"}]
    tracker = Tracker("t", slots, {"text": "kostar det nåt?", "intent": {"name": "faq", "confidence": 0.9},
                                   "entities": []}, events, False, None, {"name": "work_form"}, "utter_faq")
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(CollectingDispatcher(), tracker, {}))}
    assert updates["asked_again"] is True and updates["requested_slot"] == "age"
    # A reason kept for how to ask (here: which municipality) is not overwritten.
    kept = Tracker("t", {**slots, "asked_again": "which_municipality"}, {}, events, False, None,
                   {"name": "work_form"}, "utter_faq")
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(CollectingDispatcher(), kept, {}))}
    assert updates.get("asked_again", "which_municipality") == "which_municipality"


@pytest.mark.parametrize("text, told", [
    # The best-known companies in lower case, as typed in a chat: the name as the company writes it.
    ("vet inte vad jag vill jobba med, har jobbat i kassan på ica i 6 år",
     {"employer_name": "ICA", "employer_sector": "private"}),
    ("uppsagd från volvo cars förra veckan", {"employer_name": "Volvo Cars", "employer_sector": "private"}),
    ("jobbar på Ica Maxi i Borås", {"employer_name": "ICA Maxi", "employer_sector": "private"}),
    ("jobbar på h&m sen 2018", {"employer_name": "H&M", "employer_sector": "private"}),
    # A longer name written out is the person's; a lower-case word not on the list is not guessed at.
    ("jobbar på Volvo Lastvagnar", {"employer_name": "Volvo Lastvagnar"}),
    ("jobbar på icas lager", {}), ("jobbar på bageriet", {}),
])
def test_a_well_known_employer_is_read_from_the_story_in_any_case(text: str, told: dict[str, str]) -> None:
    slots = opening_slots(Answer(text, "inform_employed", 0.9, [], TODAY))
    assert {k: v for k, v in slots.items() if k.startswith("employer_")} == told


@pytest.mark.parametrize("text, slots", [
    ("ica", {"employer_name": "ICA", "employer_sector": "private"}),
    ("volvo cars.", {"employer_name": "Volvo Cars", "employer_sector": "private"}),
    ("Volvo Lastvagnar", {"employer_name": "Volvo Lastvagnar"}),
])
def test_a_well_known_employer_named_in_lower_case_is_written_as_it_writes_itself(text: str, slots: dict) -> None:
    assert INTERPRETERS["employer_name"](Answer(text, "inform", 0.9, [], TODAY)) == Filled(slots)


@pytest.mark.parametrize("text, slots", [
    ("jag har kvar den men de pratar om att säga upp mig", {"reduced_capacity": True}),
    ("jag är sjukskriven och chefen vill göra sig av med mig, men jag har kvar jobbet", {}),
    ("sjukskriven sen i våras, chefen vill bli kvitt mig men jag har kvar jobbet", {}),
])
def test_sick_with_an_employer_who_wants_the_job_to_end_hears_of_rehabilitation_and_radgivning(
        text: str, slots: dict[str, Any]) -> None:
    result = INTERPRETERS["situation"](Answer(text, "inform_employed", 0.9, [], TODAY, slots=slots))
    assert isinstance(result, Filled) and result.slots["situation"] == "employed"
    assert "rehabilitering" in result.slots["_say"] and "rådgivning" in result.slots["_say"]
    # Kept without the wish: nothing to say about it.
    kept = INTERPRETERS["situation"](Answer("har kvar den", "inform_employed", 0.9, [], TODAY,
                                            slots={"reduced_capacity": True}))
    assert kept == Filled({"situation": "employed"})


@pytest.mark.parametrize("text", [
    "blev uppsagd från Lidl i oktober, vilka rättigheter har jag?",
    "har varit sjukskriven i ett år och nu vill arbetsgivaren göra sig av med mig. vad har jag för rättigheter?",
])
def test_what_rights_one_has_beside_a_story_is_the_support_check(text: str) -> None:
    a = Answer(text, "inform", 0.9, [], TODAY)
    assert question_beside(a) is None  # not an FAQ to look up: the questions answer it
    assert opening_slots(a)["guidance_mode"] == "check"


def test_the_category_told_in_the_opening_is_not_asked_when_the_sector_came_from_it_too() -> None:
    story = "vet inte riktigt vad jag vill jobba med längre, har jobbat i kassan på ica i 6 år"
    slots = {"consent": True, "situation": "employed", "guidance_mode": "check", "employer_name": "ICA",
             "employer_sector": "private", "requested_slot": "age"}
    updates, messages = _run(slots, "31", earlier=story)
    assert updates["age"] == 31 and updates["worker_category"] == "blue_collar"
    assert updates["requested_slot"] == "collective_agreement"
    assert any(m.get("text") == "Du har berättat att du har jobbat i kassan på ICA, så jag skriver att du är "
                                "arbetare. Skriv \"det blev fel\" om det inte stämmer." for m in messages)
    # Asked once already (then corrected, or "vet inte"): asked, not filled from the story again.
    tracker = _tracker(slots, "31", "inform", earlier=story)
    tracker.events.insert(0, {"event": "slot", "name": "requested_slot", "value": "worker_category"})
    events = asyncio.run(ValidateWorkForm().run(CollectingDispatcher(), tracker, {}))
    again = {e["name"]: e["value"] for e in events}
    assert "worker_category" not in again and again["requested_slot"] == "worker_category"


@pytest.mark.parametrize("story, said", [
    ("hejsan! jag har haft en frisörsalong som enskild firma i 12 år men måste lägga ner pga axlarna",
     "att du har haft en frisörsalong"),
    ("jag driver ett åkeri", "att du driver ett åkeri"), ("hade ett café i Lund", "att du har haft ett café"),
    ("jag har ett jobb", None), ("har en fråga", None),
])
def test_ones_own_business_is_the_work_told(story: str, said: str | None) -> None:
    from actions.parsing import occupation_from_story
    assert occupation_from_story([story]) == said


@pytest.mark.parametrize("text", [
    "måste lägga ner firman pga axlarna", "ryggen håller inte längre", "har problem med knäna",
])
def test_the_body_as_the_cause_is_heard_as_health(text: str) -> None:
    assert opening_slots(Answer(f"jag är egenföretagare och {text}", "inform_self_employed", 0.9, [],
                                TODAY)).get("reduced_capacity") is True


def test_a_self_employed_persons_health_is_said_back() -> None:
    from actions.forms import opening_ack
    assert opening_ack({"situation": "self_employed", "reduced_capacity": True}).startswith(
        "Tack! Jag har uppfattat att du är egenföretagare men att din hälsa påverkar hur du kan jobba.")


@pytest.mark.parametrize("earlier, response", [
    ("jag har haft en frisörsalong i 12 år men måste lägga ner pga axlarna", "utter_ask_forward_goal_job_ends"),
    ("jag har en enskild firma och vill utvecklas", "utter_ask_forward_goal"),
])
def test_a_self_employed_person_closing_the_business_is_not_offered_to_stay_in_the_role(earlier: str,
                                                                                         response: str) -> None:
    from actions.dialogue import ActionAskForwardGoal
    slots = {"consent": True, "situation": "self_employed", "guidance_mode": "explore",
             "requested_slot": "forward_goal"}
    dispatcher = CollectingDispatcher()
    ActionAskForwardGoal().run(dispatcher, _tracker_with_history(slots, earlier, "ja"), {})
    assert dispatcher.messages[0]["response"] == response


@pytest.mark.parametrize("text, told", [
    ("Hej! Jag är 61 och har jobbat som busschaufför på Västtrafik i 20 år. Blev uppsagd pga omorganisation. "
     "Vad kan jag få?", {"guidance_mode": "check"}),
    ("jobbar som sjuksköterska på karolinska men funderar på att plugga vidare till barnmorska",
     {"guidance_mode": "plan", "outward_options": "barnmorska"}),
])
def test_what_can_i_get_after_a_story_and_studies_further_to_a_goal(text: str, told: dict[str, str]) -> None:
    slots = opening_slots(Answer(text, "inform", 0.9, [], TODAY))
    assert {k: slots.get(k) for k in told} == told


def test_the_employer_of_hourly_work_is_read_from_the_story() -> None:
    assert opening_slots(Answer("timanställd på pressbyrån, de har slutat ge mig pass", "inform_fixed_term_ended",
                                0.9, [], TODAY)) == {**_HOURLY_ENDED, "employer_name": "Pressbyrån",
                                                     "employer_sector": "private"}


@pytest.mark.parametrize("text, reason", [
    ("har sagt upp mig för att jag inte trivdes, kan jag få hjälp?", "own_resignation"),
    ("sa upp mig i augusti. vad gäller då?", "own_resignation"),
    ("sa upp mig från facket, blev uppsagd i okt", None),  # a membership, not the job
])
def test_ones_own_notice_without_jag_at_the_start(text: str, reason: str | None) -> None:
    slots = opening_slots(Answer(text, "inform_terminated", 0.9, [], TODAY))
    assert slots["situation"] == "terminated" and slots.get("termination_reason") == reason


@pytest.mark.parametrize("text, first", [
    ("arbetsgivaren heter Willys", "employer_name"),   # "heter" is not the person's name here
    ("nej jag är inte uppsagd, jag har kvar jobbet", "situation"),   # not the employments
    ("mitt namn är fel", "contact_name"), ("fel antal timmar", "employments"),
])
def test_what_a_correction_is_about(text: str, first: str) -> None:
    from actions.corrections import slots_to_correct
    assert slots_to_correct(Answer(text, "correct", 0.9, [], TODAY))[0] == first


def test_not_knowing_the_category_is_met_once_in_everyday_words_and_then_written_down() -> None:
    first = INTERPRETERS["worker_category"](Answer("vet inte", "dont_know", 0.9, [], TODAY))
    assert isinstance(first, Miss) and first.remember == {"asked_again": "category_explained"}
    assert "butik, lager, produktion, bygg och vård är de flesta arbetare" in first.lead
    # The work told then gives the category; a second "vet inte" is written down as not known.
    work = INTERPRETERS["worker_category"](Answer("jobbar i kassan", "inform", 0.9, [], TODAY,
                                                  slots={"asked_again": "category_explained"}))
    assert isinstance(work, Filled) and work.slots["worker_category"] == "blue_collar"
    again = INTERPRETERS["worker_category"](Answer("vet inte", "dont_know", 0.9, [], TODAY,
                                                   slots={"asked_again": "category_explained"}))
    assert again == Filled({"worker_category": "unknown"})
    # The button "Vet inte" is a choice made: taken as it is.
    assert INTERPRETERS["worker_category"](Answer("/dont_know", "dont_know", 1.0, [], TODAY)) == \
        Filled({"worker_category": "unknown"})


def test_an_employer_corrected_at_the_summary_renames_its_employment_too() -> None:
    import actions.dialogue  # noqa: F401 - registers the summary's interpreter
    slots = {"employer_name": "ICA", "employer_sector": "private",
             "employments": [{"employer": "ICA", "start": "2015-01-01", "end": "2026-12-31"},
                             {"employer": "Pizzeria Napoli", "start": "2024-01-01", "end": "ongoing"}]}
    result = INTERPRETERS["summary_confirmed"](Answer("det blev fel, jag jobbar på coop inte ica", "correct", 0.9, [],
                                                      TODAY, slots=slots))
    assert isinstance(result, Filled) and result.slots["employer_name"] == "Coop"
    assert [e["employer"] for e in result.slots["employments"]] == ["Coop", "Pizzeria Napoli"]


@pytest.mark.parametrize("text, capacity", [
    ("har jobbat som snickare i 25 år men kroppen håller inte längre", True),
    ("jobbar som sjuksköterska", None), ("jag jobbar men är inte sjuk", None),
])
def test_health_told_beside_a_job_that_goes_on_is_heard(text: str, capacity: bool | None) -> None:
    result = INTERPRETERS["situation"](Answer(text, "career_guidance", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["situation"] == "employed"
    assert result.slots.get("reduced_capacity") is capacity


def test_the_study_support_faq_is_made_personal_for_someone_under_the_age_for_it() -> None:
    from actions.forms import faq_note
    note = faq_note("faq/what_is_omstallningsstudiestod", {"age": 24})
    assert note.startswith("Du skrev att du är 24 år.") and "från det år man fyller 27" in note
    assert faq_note("faq/what_is_omstallningsstudiestod", {"age": 45}) is None
    assert faq_note("faq/what_is_omstallningsstudiestod", {"age": None}) is None
    assert faq_note("faq/cost", {"age": 24}) is None


def test_a_story_with_the_name_before_the_age_and_a_company_written_apart() -> None:
    text = ("Hej! Jag heter Anna och är 52. Jobbar som ekonomiassistent på ett litet bygg företag i Umeå sen 2008, "
            "nu ska de dra ner och jag har blivit varslad. Vad gäller för mig?")
    slots = opening_slots(Answer(text, "inform_terminated", 0.9, [], TODAY))
    assert slots["age"] == 52 and slots["employer_sector"] == "private"
    assert slots["notice_pending"] == "warned" and slots["employment_start"] == "2008-01-01"
    # Hours are no age.
    assert "age" not in opening_slots(Answer("jag heter Per och är 40 timmar i veckan på lagret", "inform", 0.9, [],
                                             TODAY))


@pytest.mark.parametrize("text, slots, start", [
    # How long, with the end known and past: counted back from the end, not from today.
    ("i 3 år", {"employment_end": "2026-06-30"}, "2023-07-01"),
    ("jag jobbade där i två och ett halvt år", {"employment_end": "2026-06-30"}, "2024-01-01"),
    ("18 månader", {"employment_end": "2026-06-30"}, "2025-01-01"),
    # The job goes on, or its end is not told yet: from today.
    ("i 3 år", {"employment_end": "ongoing"}, "2023-11-01"),
    ("i 3 år", {}, "2023-11-01"),
    # When, not how long: "för tre år sedan" is from today whatever the end.
    ("för 3 år sedan", {"employment_end": "2026-06-30"}, "2023-11-26"),
])
def test_a_start_told_as_a_length_counts_back_from_the_end(text: str, slots: dict[str, Any], start: str) -> None:
    result = INTERPRETERS["employment_start"](Answer(text, "inform", 0.9, [], date(2026, 11, 26), slots=slots))
    assert isinstance(result, Filled) and result.slots["employment_start"] == start


def test_an_end_told_after_a_length_moves_the_start() -> None:
    """"Hur länge?" – "i ett år", then "slutade i mars": a year ending in March, not a year to today
    (which would leave four months of it and could turn the answer on eligibility around)."""
    today = date(2026, 11, 26)
    first = INTERPRETERS["employment_start"](Answer("i ett år", "inform", 0.9, [], today, slots={}))
    assert isinstance(first, Filled) and first.slots["employment_start_months"] == 12
    slots = {k: v for k, v in first.slots.items() if not k.startswith("_")}
    end = INTERPRETERS["employment_end"](Answer("31 mars 2026", "inform", 0.9, [], today, slots=slots))
    assert isinstance(end, Filled)
    assert end.slots["employment_start"] == "2025-04-01"
    assert "april 2025" in end.slots["_say"]
    # A job that goes on keeps the start from today.
    going = INTERPRETERS["employment_end"](Answer("pågår", "inform", 0.9, [], today, slots=slots))
    assert isinstance(going, Filled) and "employment_start" not in going.slots
    # A start told again as a date forgets the length.
    again = INTERPRETERS["employment_start"](Answer("mars 2019", "inform", 0.9, [], today, slots=slots))
    assert isinstance(again, Filled) and again.slots["employment_start_months"] is None


@pytest.mark.parametrize("text, told", [
    ("mitt vikariat på skolan tog slut i juni, jobbade där 3 år",
     {"employment_end": "2026-06-30", "employment_start": "2023-07-01"}),
    ("blev uppsagd från Volvo efter 22 år", {"employment_start": "2004-11-01", "employment_start_months": 264}),
    ("jobbade hos en bilfirma i 5 år men blev uppsagd", {"employment_start": "2021-11-01"}),
    # The trade between the workplace and the length: still that job's length.
    ("uppsagd pga sjukdom fran skanska dar jag jobbat som snickare i 8 ar", {"employment_start": "2018-11-01"}),
    ("jobbade på Skanska som snickare i 8 år, nu är jag uppsagd", {"employment_start": "2018-11-01"}),
    # The trade, not the job: nothing about when this job began.
    ("jag har jobbat i vården i 30 år och nu är jag uppsagd", {"employment_start": None}),
    ("uppsagd efter 20 år som svetsare", {"employment_start": None}),
])
def test_how_long_the_job_lasted_in_a_story_gives_its_start(text: str, told: dict[str, Any]) -> None:
    said = opening_slots(Answer(text, "inform_terminated", 0.9, [], TODAY))
    assert {k: said.get(k) for k in told} == told


@pytest.mark.parametrize("text, intent, expected", [
    # Cuts and "fick beskedet": the notice in everyday words, given already.
    ("jag har jobbat på Postnord i Borås i 14 år som brevbärare men nu ska de dra ner och jag fick beskedet i "
     "förra veckan", "inform", {"situation": "terminated", "termination_reason": "shortage_of_work",
                                "termination_initiated_by": "employer",  # "ska de dra ner"
                                "employer_name": "PostNord", "employer_sector": "private",
                                "employment_start": "2012-11-01"}),
    ("de drar ner på personal och jag har fått beskedet", "inform_employed",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "notice_pending": None}),
    # The news was that the job stays: no notice read (the question about the situation comes).
    ("det blev neddragningar men jag fick beskedet att jag får vara kvar", "inform_employed",
     {"situation": None}),
])
def test_cuts_and_the_news_given_are_a_notice(text: str, intent: str, expected: dict[str, Any]) -> None:
    said = opening_slots(Answer(text, intent, 0.9, [], TODAY))
    assert {k: said.get(k) for k in expected} == expected


def test_a_length_told_is_said_back_as_a_length() -> None:
    """"i 14 år" is not "sedan november 2012": the month was never said."""
    from actions.forms import opening_ack as opening_summary
    told = opening_slots(Answer("jag har jobbat på Postnord i 14 år och blev uppsagd pga arbetsbrist",
                                "inform_terminated", 0.9, [], TODAY))
    said = opening_summary(told)
    assert said is not None and "du har jobbat där i 14 år" in said and "sedan" not in said
    ended = opening_slots(Answer("mitt vikariat tog slut 30 juni 2026, jobbade där i tre år",
                                 "inform_fixed_term_ended", 0.9, [], TODAY))
    said = opening_summary(ended)
    assert said is not None and "du jobbade där i tre år" in said
    # A start told as a date keeps its words.
    said = opening_summary({"situation": "employed", "employer_name": "ICA", "employment_start": "2019-03-01"})
    assert said is not None and "du har jobbat där sedan mars 2019" in said


def test_the_advisor_sees_a_start_counted_from_a_length() -> None:
    from actions.case_text import advisor_summary
    from actions.forms import after_answer
    slots = {"employment_employer": "PostNord", "employment_start": "2012-11-01", "employment_start_months": 168,
             "employment_end": "ongoing", "more_employments": False}
    stored = after_answer(slots, "more_employments")
    assert stored["employments"][0]["start_told_as"] == "14 år" and stored["employment_start_months"] is None
    summary = advisor_summary({"situation": "terminated", "employments": stored["employments"]}, None)
    assert "Startdatum hos PostNord räknat från uppgiven längd (14 år) – stäm av." in summary
    # A start told as a date: nothing to check.
    plain = after_answer({**slots, "employment_start_months": None}, "more_employments")
    assert "start_told_as" not in plain["employments"][0]
    assert "stäm av" not in advisor_summary({"situation": "terminated", "employments": plain["employments"]}, None)


@pytest.mark.parametrize("text, said", [
    ("kanske busschaufför? eller nåt med lastbil. har funderat på att utbilda mig till undersköterska också men vet "
     "inte", "Tack, jag skriver upp busschaufför, något med lastbil och undersköterska."),
    # A "vet inte" first, and the guess after it.
    ("vet inte. kanske nåt på ett kontor? inköp eller kundtjänst",
     "Tack, jag skriver upp något på ett kontor, inköp och kundtjänst."),
    ("lärare eller socionom", "Tack, jag skriver upp lärare och socionom."),
    ("snickare fortfarande, eller nåt lättare i byggbranschen",
     "Tack, jag skriver upp snickare och något lättare i byggbranschen."),
    ("har funderat på att bli polis men vet inte om jag orkar", "Tack, jag skriver upp polis."),
    ("något inom vård och omsorg", "Tack, jag skriver upp något inom vård och omsorg."),
    ("kanske IT, eller ekonomi", "Tack, jag skriver upp IT och ekonomi."),
    ("Sjuksköterska eller Volvo kanske", "Tack, jag skriver upp sjuksköterska och Volvo."),
    ("Volvo eller Scania", "Tack, jag skriver upp Volvo och Scania."),
    ("jag vill jobba med människor", "Tack, jag skriver upp att jobba med människor."),
    # The way there belongs to the option before it.
    ("vill bli elektriker, kanske via yh eller komvux", "Tack, jag skriver upp elektriker via YH eller komvux."),
    ("elektriker via yh, eller snickare", "Tack, jag skriver upp elektriker via YH och snickare."),
    # Being open to something else is not one of the options.
    ("vet inte riktigt, kanske förskollärare? eller nåt helt annat",
     "Tack, jag skriver upp förskollärare, och att du är öppen för något helt annat."),
    ("nåt helt annat", "Tack, jag skriver att du är öppen för något helt annat."),
    # Nothing named: heard without a list.
    ("vill bara ha ett jobb", "Tack, det tar jag med mig."),
    ("har inte tänkt så mycket på det", None),
])
def test_the_options_named_are_said_back(text: str, said: str | None) -> None:
    result = INTERPRETERS["outward_options"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["outward_options"] == text
    if said:
        assert result.slots["_say"] == said
    else:
        assert not result.slots["_say"].startswith("Tack, jag skriver upp")


@pytest.mark.parametrize("text, intent, situation", [
    ("Hej! Jag har drivit en liten frisörsalong i Gävle i 12 år men måste lägga ner nu, kunderna räcker inte.",
     "inform", "self_employed"),
    ("jag har drivit eget i 12 år", "inform_employed", "self_employed"),
    ("jag driver en frisörsalong", "inform", "self_employed"),
    # Someone else's business: employed there.
    ("jag är anställd och driver en butik åt ägaren", "inform_employed", "employed"),
])
def test_running_a_business_is_being_self_employed(text: str, intent: str, situation: str) -> None:
    result = INTERPRETERS["situation"](Answer(text, intent, 0.9, [], TODAY))
    assert isinstance(result, Filled) and result.slots["situation"] == situation


def test_a_fact_told_out_of_turn_is_kept_and_the_question_asked_again() -> None:
    """"den tar slut sista december" at "Vad vill du helst ha hjälp med?": no "Det förstod jag inte",
    the last day written down and said, and the question once more."""
    from actions.forms import ValidateSituationForm
    slots = {"consent": True, "situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
             "termination_initiated_by": "employer", "requested_slot": "guidance_mode"}
    updates, messages = _run(slots, "den tar slut sista december", "inform", form=ValidateSituationForm())
    texts = [m.get("text") or m.get("response") for m in messages]
    assert updates["employment_end"] == "2026-12-31" and updates["guidance_mode"] is None
    assert texts[0].startswith("Tack, då skriver jag att anställningen slutar i slutet av december 2026.")
    assert not any("förstod jag inte" in str(t) for t in texts)
    # Nothing told: the miss as before.
    updates, messages = _run(slots, "blå bil", "inform", form=ValidateSituationForm())
    assert "employment_end" not in updates or updates["employment_end"] is None
    assert any("förstod jag inte" in str(m.get("text")) for m in messages)


def test_the_hours_told_at_the_start_question_are_kept_and_the_start_asked_again() -> None:
    slots = {**BASE, "employment_start": None, "employment_end": None, "employment_hours_per_week": None,
             "requested_slot": "employment_start"}
    updates, messages = _run(slots, "heltid, 40 tim")
    texts = [m.get("text") or m.get("response") for m in messages]
    assert updates["employment_hours_per_week"] == 40 and updates["employment_start"] is None
    assert updates["requested_slot"] == "employment_start"
    assert texts[0].startswith("Tack, då skriver jag 40 timmar i veckan.")
    assert not any("förstod jag inte" in str(t) for t in texts)
    # Told with the start: both kept, and the hours not asked after the end.
    updates, messages = _run(slots, "sen mars 2018, 75%")
    assert updates["employment_start"] == "2018-03-01" and updates["employment_hours_per_week"] == 30
    assert any(str(m.get("text")).startswith("Jag skriver också 30 timmar i veckan.") for m in messages)
    assert updates["requested_slot"] == "employment_end"
    updates, _ = _run({**slots, "employment_start": "2018-03-01", "employment_hours_per_week": 30,
                       "requested_slot": "employment_end"}, "pågår")
    assert updates["requested_slot"] == "more_employments"
    # Hours already given are not overwritten by a figure beside another answer.
    updates, _ = _run({**slots, "employment_hours_per_week": 20}, "sen mars 2018, heltid")
    assert "employment_hours_per_week" not in updates or updates["employment_hours_per_week"] == 20


@pytest.mark.parametrize("text, hours, said", [
    ("det blev fel", None, "Okej, då stryker jag det och frågar om det strax."),
    ("det blev fel, 32 timmar", 32, "Tack, då skriver jag 32 timmar i veckan."),
])
def test_a_correction_right_after_hours_told_beside_the_start_is_about_the_hours(
        text: str, hours: float | None, said: str) -> None:
    slots = {**BASE, "employment_start": None, "employment_end": None, "employment_hours_per_week": 40.0,
             "requested_slot": "employment_start"}
    tracker = _tracker_after_say_back(
        slots, "Tack, då skriver jag 40 timmar i veckan. Skriv \"det blev fel\" om det inte stämmer.",
        {"employment_hours_per_week": 40.0, "requested_slot": "employment_start"}, "employment_start", text)
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    assert updates["employment_hours_per_week"] == hours and updates.get("employment_start") is None
    assert updates["requested_slot"] == "employment_start"  # the open question comes again
    assert dispatcher.messages[0]["text"] == said
    # Not a correction: "nej" alone stays with the open question.
    tracker = _tracker_after_say_back(
        slots, "Tack, då skriver jag 40 timmar i veckan. Skriv \"det blev fel\" om det inte stämmer.",
        {"employment_hours_per_week": 40.0, "requested_slot": "employment_start"}, "employment_start", "nej")
    from actions.forms import said_back_fixed
    assert said_back_fixed(tracker, Answer("nej", "deny", 0.9, [], TODAY, slots=slots), "employment_start",
                           "work_form") is None


@pytest.mark.parametrize("asked, text, expected", [
    ("employment_start", "heltid, 40 tim", {"employment_hours_per_week": 40}),
    ("employment_end", "har inte slutat än, jobbar 75%", {"employment_hours_per_week": 30}),
    ("employment_hours_per_week", "heltid sen 2018", {"employment_start": "2018-01-01"}),
    # An end is not a start, a length is not weekly hours, and a question tells nothing.
    ("employment_hours_per_week", "slutade i mars 2025", {}), ("employment_start", "2 år sen typ", {}),
    ("employment_start", "räknas 40 tim?", {}),
])
def test_the_same_jobs_facts_are_read_beside_the_answer(asked: str, text: str, expected: dict) -> None:
    from actions.parsing import employment_told_beside
    assert employment_told_beside(Answer(text, "inform", 0.9, [], TODAY), asked) == expected


@pytest.mark.parametrize("text, sector", [
    ("Hej, jag jobbar som lärare på en kommunal skola i Uppsala sen 2011 men orkar inte mer", "municipality"),
    ("jag jobbar på kommunen som städare", "municipality"),
    ("jobbar inom regionen som undersköterska", "region"),
    ("jag jobbar på en statlig myndighet", "state"),
    # An earlier job: not the employer asked about.
    ("jag har jobbat på kommunen tidigare men nu är jag på ICA", None),
])
def test_a_public_workplace_without_its_name_gives_the_sector(text: str, sector: str | None) -> None:
    from actions.forms import opening_ack
    said = opening_slots(Answer(text, "inform_employed", 0.9, [], TODAY))
    assert said.get("employer_sector") == sector
    if sector == "municipality" and "employer_name" not in said:
        assert "din arbetsgivare är en kommun" in str(opening_ack(said))


def test_wanting_to_change_without_knowing_to_what_is_exploring() -> None:
    said = opening_slots(Answer("vill byta bana men vet inte till vad", "inform_employed", 0.9, [], TODAY))
    assert said.get("guidance_mode") == "explore"


@pytest.mark.parametrize("text", [
    "hej! jobbar som underskoterska pa ett aldreboende sen 2015, vill byta till nat annat men vet inte vad. ar 47",
    "vill göra något annat men vet inte vad jag ska välja",
    "vill byta mot nåt nytt men vet inte vilket",
])
def test_wanting_something_else_without_knowing_what_is_exploring(text: str) -> None:
    said = opening_slots(Answer(text, "inform_employed", 0.9, [], TODAY))
    assert said.get("guidance_mode") == "explore"
    from actions.forms import opening_ack
    # Said back, so the question "Vad vill du helst ha hjälp med?" is not missed unexplained.
    if said.get("situation"):
        assert "att du vill fundera på vad du vill göra framöver" in str(opening_ack(said))


@pytest.mark.parametrize("text, age", [
    ("jobbar i butik, vill byta. ar 47", 47),  # a sentence of its own, "jag" dropped
    ("vet inte vad jag vill. är 52 år", 52),
    # Not an age: a length, a count.
    ("uppsagd. är 18 månader kvar", None),
    ("har en anställning, är 40 timmar i veckan", None),
])
def test_an_age_told_in_a_sentence_of_its_own_is_taken(text: str, age: int | None) -> None:
    assert opening_slots(Answer(text, "inform_employed", 0.9, [], TODAY)).get("age") == age


@pytest.mark.parametrize("text, intent, expected", [
    # An agency's assignment that ended says nothing yet of the employment: asked, not "employed".
    ("Hej, jag är 24 och har jobbat på ett lager via Adecco i två år, men uppdraget tog slut förra månaden",
     "inform_employed", {"situation": None, "employer_name": "Adecco", "employer_sector": "private", "age": 24,
                         "employment_start": "2024-11-01"}),
    ("uppdraget tog slut och Adecco sa upp mig", "inform_terminated", {"situation": "terminated"}),
    ("jobbar som konsult, uppdraget tar slut i mars men jag har kvar anställningen", "inform_employed",
     {"situation": "employed"}),
    ("jobbade på Volvo via Manpower, blev uppsagd", "inform_terminated",
     {"situation": "terminated", "employer_name": "Manpower"}),
])
def test_an_assignment_that_ended_is_asked_about(text: str, intent: str, expected: dict[str, Any]) -> None:
    said = opening_slots(Answer(text, intent, 0.9, [], TODAY))
    assert {k: said.get(k) for k in expected} == expected


def test_an_assignment_that_ended_at_the_situation_question_gets_a_word() -> None:
    from actions.parsing import ASSIGNMENT_ENDED_SAY
    result = INTERPRETERS["situation"](Answer("uppdraget tog slut förra veckan", "inform_employed", 0.9, [], TODAY))
    assert isinstance(result, Miss) and result.lead == ASSIGNMENT_ENDED_SAY
    # Asked once: the next answer is read as usual.
    again = INTERPRETERS["situation"](Answer("uppdraget tog slut förra veckan", "inform_employed", 0.9, [], TODAY,
                                             slots={"miss_count": {"situation": 1}}))
    assert again == Filled({"situation": "employed"})


def test_an_assignment_that_ended_in_the_opening_is_explained_after_consent() -> None:
    from actions.forms import ValidateSituationForm
    text = "har jobbat på ett lager via Adecco i två år, men uppdraget tog slut förra månaden"
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {"intent": {"name": "inform_employed", "confidence": 0.9}}},
              {"event": "bot", "text": "Går det bra att jag sparar dina svar?"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "ok", "parse_data": {"intent": {"name": "affirm", "confidence": 0.9}}}]
    tracker = Tracker("t", {"requested_slot": "consent", "employer_name": "Adecco", "employer_sector": "private"},
                      {"text": "ok", "intent": {"name": "affirm", "confidence": 0.9}, "entities": []},
                      events, False, None, {"name": "situation_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateSituationForm().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"] == (
        "Tack! Jag har uppfattat att din arbetsgivare är Adecco och att du har jobbat där i två år. När ett uppdrag "
        "tar slut kan du ändå vara kvar som "
        "anställd hos bemanningsföretaget. Det som avgör är om du har fått en uppsägning, eller om en "
        "visstidsanställning har tagit slut. Skriv \"det blev fel\" om det inte stämmer.")


@pytest.mark.parametrize("text, intent, said", [
    ("de sa att jag inte får fler uppdrag och att anställningen slutar", "inform_terminated",
     "Då skriver jag att du är uppsagd."),
    ("har kvar jobbet", "inform_employed", "Då skriver jag att du har en anställning."),
    # What is told with it is said back too.
    ("blev uppsagd från ett litet städbolag i oktober, arbetsbrist. de hade inget kollektivavtal", "inform_terminated",
     "Då skriver jag att du är uppsagd på grund av arbetsbrist och att din arbetsgivare är privat och inte har "
     "kollektivavtal."),
])
def test_a_situation_typed_is_said_back_as_read(text: str, intent: str, said: str) -> None:
    from actions.forms import ValidateSituationForm
    message = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
    events = [{"event": "bot", "text": "Vad stämmer bäst på dig just nu?"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("t", {"requested_slot": "situation", "consent": True}, message,
                      events, False, None, {"name": "situation_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateSituationForm().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"] == f"{said} Skriv \"det blev fel\" om det inte stämmer."


@pytest.mark.parametrize("text, sector", [
    ("blev uppsagd pga arbetsbrist fran en liten bilverkstad i boras", "private"),
    ("jobbar på ett åkeri sen 2019", "private"),
    ("jobbar på en kommunal verkstad", "municipality"),  # the owner said, not the kind of place
])
def test_a_workplace_that_is_a_company_gives_the_private_sector(text: str, sector: str) -> None:
    assert opening_slots(Answer(text, "inform", 0.9, [], TODAY)).get("employer_sector") == sector


def test_a_job_that_has_not_ended_is_asked_about_in_the_present_tense() -> None:
    from actions.forms import employment_goes_on
    today = date(2026, 11, 26)
    assert employment_goes_on("ongoing", today) is True
    assert employment_goes_on("2027-02-28", today) is True   # a last day to come
    assert employment_goes_on("2026-11-26", today) is True   # today still works there
    assert employment_goes_on("2026-10-31", today) is None
    assert employment_goes_on("unknown", today) is None and employment_goes_on(None, today) is None


@pytest.mark.parametrize("situation, asked", [("terminated", True), ("employed", False)])
def test_a_worn_body_told_in_the_story_asks_about_extra_support(situation: str, asked: bool) -> None:
    text = "jag har stått i kassan och fyllt på varor. jag gillar ordning. men ryggen börjar ta slut"
    result = INTERPRETERS["inward_who"](Answer(text, "inform", 0.9, [], TODAY, slots={"situation": situation}))
    assert isinstance(result, Filled) and result.slots.get("reduced_capacity") is (True if asked else None)
    slots = {"consent": True, "situation": situation, "termination_reason": "shortage_of_work",
             "termination_initiated_by": "employer", "guidance_mode": "explore", **result.slots}
    assert (flow.next_slot("guidance_form", slots) == "special_needs_illness") is asked


def test_a_goal_with_its_school_is_said_back_as_studies() -> None:
    from actions.forms import opening_ack
    assert opening_ack({"situation": "self_employed", "outward_options": "UX-designare på YH"}) == (
        "Tack! Jag har uppfattat att du är egenföretagare och att du vill utbilda dig till UX-designare på YH. "
        "Skriv \"det blev fel\" om det inte stämmer.")


@pytest.mark.parametrize("earlier, kind", [
    ("jag var föräldraledig hela förra året och nu sa de att min tjänst inte finns kvar", "parental_benefit"),
    ("jag har aldrig varit sjukskriven", None),  # denied: asked as usual
])
def test_a_leave_told_earlier_is_not_asked_again(earlier: str, kind: str | None) -> None:
    from actions.forms import ValidateWorkForm
    message = {"text": "ja", "intent": {"name": "affirm", "confidence": 0.99}, "entities": []}
    events = [{"event": "user", "text": earlier, "parse_data": {"intent": {"name": "inform", "confidence": 0.9}}},
              {"event": "bot", "text": "Har du sedan november 2024 varit föräldraledig …?"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "ja", "parse_data": message}]
    slots = {"requested_slot": "had_skippable", "consent": True, "situation": "terminated"}
    tracker = Tracker("t", slots, message, events, False, None, {"name": "work_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    events_out = asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))
    set_slots = {e["name"]: e["value"] for e in events_out if e.get("event") == "slot"}
    assert set_slots.get("had_skippable") is True and set_slots.get("skippable_type") == kind
    if kind:
        assert dispatcher.messages[0]["text"] == ("Du har berättat att du har varit föräldraledig, så jag skriver det. "
                                                  "Skriv \"det blev fel\" om det inte stämmer.")


@pytest.mark.parametrize("text, year", [
    ("hela 2025, från januari till december", 2025), ("hela förra året", 2025), ("hela året 2024", 2024),
])
def test_a_whole_year_is_a_period_and_said_back(text: str, year: int) -> None:
    result = INTERPRETERS["skippable_start"](Answer(text, "inform", 0.9, [], TODAY))
    assert isinstance(result, Filled)
    assert (result.slots["skippable_start"], result.slots["skippable_end"]) == (f"{year}-01-01", f"{year}-12-31")
    assert result.slots["_say"] == f"Då skriver jag från januari {year} till december {year}. {SAY_WRONG}"


@pytest.mark.parametrize("text, options", [
    ("nåt där jag får använda pedagogiken men utan klassrum. kanske utbildningsbolag eller HR", "utbildningsbolag eller HR"),
    ("lugnare. kanske deltid eller mindre stress", None),  # a pace, not options
    # "typ … ?" is a guess with a rising tone, as "kanske … ?" is (_TENTATIVE): told, not asked.
    ("nåt med människor. typ lager eller truck?", "lager eller truck"),
])
def test_options_guessed_after_a_want_are_taken(text: str, options: str | None) -> None:
    result = INTERPRETERS["inward_wants"](Answer(text, "inform", 0.9, [], TODAY, slots={"situation": "employed"}))
    assert isinstance(result, Filled) and result.slots.get("outward_options") == options
    if options:
        assert result.slots["_say"].endswith(f"Jag skriver upp {options} som det du funderar på.")


def test_at_64_the_result_says_the_support_ends_at_65() -> None:
    from actions.eligibility import age_note
    slots = {**BASE, "age": 64,
             "employments": [{"employer": "Bageriet AB", "start": "2019-01-01", "end": None, "hours_per_week": 40}]}
    decision = evaluate_slots(slots, TODAY)
    assert decision["services"]["radgivning"]["status"] == "eligible"
    assert age_note(slots, decision).startswith("Stöd kan inte ges efter att du har fyllt 65 år")
    assert age_note({**slots, "age": 63}, evaluate_slots({**slots, "age": 63}, TODAY)) is None
    # Nothing to get here (routed elsewhere, or 65): no note.
    elsewhere = {**slots, "collective_agreement": "yes", "employer_sector": "private"}
    assert age_note(elsewhere, evaluate_slots(elsewhere, TODAY)) is None


def test_the_hours_told_in_the_opening_are_said_back_with_the_length() -> None:
    from actions.forms import opening_ack
    slots = opening_slots(Answer("min visstid på hemtjänsten i Gävle kommun slutade 30 sept. jobbade typ 50% i två år",
                                 "inform", 0.9, [], TODAY))
    assert opening_ack(slots) == (
        "Tack! Jag har uppfattat att din visstidsanställning tog slut i slutet av september 2026, att din arbetsgivare "
        "är Gävle kommun och att du jobbade där i två år, 20 timmar i veckan. Skriv \"det blev fel\" om det inte "
        "stämmer.")


def _tracker_after_say_back(slots: dict[str, Any], said: str, set_then: dict[str, Any], asked_then: str,
                            text: str, intent: str = "correct") -> Tracker:
    """The bot's last turn took an answer to `asked_then`, said it back with `said`, and asked on."""
    events: list[dict[str, Any]] = [{"event": "slot", "name": "requested_slot", "value": asked_then},
                                    {"event": "action", "name": "action_listen"},
                                    {"event": "user", "text": "juni", "parse_data": {}},
                                    {"event": "action", "name": "work_form"},
                                    {"event": "bot", "text": said}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in set_then.items()]
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": {}},
               {"event": "action", "name": "action_extract_slots"}]
    return Tracker("t", slots, {"text": text, "intent": {"name": intent, "confidence": 0.92}, "entities": []},
                   events, False, None, {"name": "work_form"}, "action_extract_slots")


LEAVE = {**BASE, "employments": [{"employer": "PostNord", "start": "2019-04-01", "end": "2026-10-31",
                                  "hours_per_week": 40}], "more_employments": False, "had_skippable": True,
         "skippable_type": "parental_benefit", "skippable_start": "2026-06-01", "requested_slot": "skippable_end"}
JUNE_SAID = "Då skriver jag juni 2026. Skriv \"det blev fel\" om det inte stämmer."


@pytest.mark.parametrize("text, start, said", [
    ("det blev fel, 2025", "2025-06-01", "Tack, då skriver jag juni 2025."),    # the year guessed wrong
    ("nej det blev fel. det var maj 2025", "2025-05-01", "Tack, då skriver jag maj 2025."),
    ("fel, 2025 ska det vara", "2025-06-01", "Tack, då skriver jag juni 2025."),
])
def test_a_correction_right_after_a_date_said_back_corrects_that_date(text: str, start: str, said: str) -> None:
    tracker = _tracker_after_say_back(LEAVE, JUNE_SAID, {"skippable_start": "2026-06-01",
                                                         "requested_slot": "skippable_end"}, "skippable_start", text)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))
    updates = {e["name"]: e["value"] for e in events}
    assert updates["skippable_start"] == start and updates.get("skippable_end") is None
    assert updates["requested_slot"] == "skippable_end"  # the open question comes again
    assert dispatcher.messages[0]["text"] == said


def test_a_bare_correction_after_a_date_said_back_asks_that_date_again() -> None:
    tracker = _tracker_after_say_back(LEAVE, JUNE_SAID, {"skippable_start": "2026-06-01",
                                                         "requested_slot": "skippable_end"}, "skippable_start",
                                      "det blev fel")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    assert updates["skippable_start"] is None and updates["requested_slot"] == "skippable_start"
    assert dispatcher.messages[0]["text"] == "Okej, då frågar jag om det igen."


def test_a_correction_after_a_longer_say_back_or_none_is_left_to_the_change_question() -> None:
    from actions.forms import said_back_fixed
    answer = Answer("det blev fel", "correct", 0.92, [], TODAY, slots=LEAVE)
    # The turn said back the employer and its sector: "Vad vill du ändra?" sorts out which.
    several = _tracker_after_say_back(LEAVE, "Då skriver jag ICA som arbetsgivare. Skriv \"det blev fel\" om …",
                                      {"employer_name": "ICA", "employer_sector": "private"}, "employer_name",
                                      "det blev fel")
    assert said_back_fixed(several, answer, "skippable_end", "work_form") is None
    # Nothing said back: nothing to take back.
    plain = _tracker_after_say_back(LEAVE, "Och när slutade den?", {"skippable_start": "2026-06-01"},
                                    "skippable_start", "det blev fel")
    assert said_back_fixed(plain, answer, "skippable_end", "work_form") is None
    # A start after the end already given is not taken.
    ended = {**LEAVE, "skippable_end": "2026-07-31", "requested_slot": "more_skippable"}
    late = _tracker_after_say_back(ended, JUNE_SAID, {"skippable_start": "2026-06-01"}, "skippable_start",
                                   "det blev fel, 2027")
    assert said_back_fixed(late, Answer("det blev fel, 2027", "correct", 0.92, [], TODAY, slots=ended),
                           "more_skippable", "work_form") is None
    # Not a correction: read as the answer to the open question.
    tracker = _tracker_after_say_back(LEAVE, JUNE_SAID, {"skippable_start": "2026-06-01"}, "skippable_start", "juli")
    assert said_back_fixed(tracker, Answer("juli", "inform", 0.9, [], TODAY, slots=LEAVE),
                           "skippable_end", "work_form") is None


def test_an_end_before_the_start_is_said_with_the_start_in_words() -> None:
    from actions.forms import inconsistency
    assert inconsistency({"skippable_start": "2026-06-01"}, {"skippable_end": "2025-01-31"}, "skippable_end") == \
        "Slutdatumet kommer före startdatumet (juni 2026). Skriv när det slutade."


def test_contact_declined_after_being_sent_elsewhere_ends_without_a_case() -> None:
    from actions.dialogue import ActionHandoff, ActionRequestHuman
    slots = {"consent": True, "recommended_service": "other_organisation", "contact_declined": True,
             "eligibility": {"organisation": {"code": "tsl", "name_sv": "Trygghetsfonden TSL"}}}
    assert flow.contact_plan(slots) == []
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", slots, {}, [], False, None, {}, "contact_form")
    assert ActionHandoff().run(dispatcher, tracker, {}) == []  # no case_reference: nothing was sent
    assert dispatcher.messages[0]["text"] == (
        "Det går bra. Då skickar jag inget till en rådgivare hos oss. Lycka till hos Trygghetsfonden TSL! "
        "Ändrar du dig kan du skriva \"prata med en rådgivare\".")
    # "prata med en rådgivare" afterwards asks for the contact details after all.
    events = ActionRequestHuman().run(CollectingDispatcher(), tracker, {})
    assert {"event": "slot", "name": "contact_declined", "value": None, "timestamp": None} in events
    assert flow.contact_plan({**slots, "contact_declined": None, "handoff_requested": True})[0] == \
        "contact_name"


def test_no_way_to_be_reached_said_twice_ends_without_a_case() -> None:
    from actions.dialogue import ActionHandoff
    asked = {"consent": True, "recommended_service": "radgivning", "contact_name": "Anna", "requested_slot": "contact_method"}
    first = INTERPRETERS["contact_method"](Answer("nej", "deny", 0.95, [], TODAY, slots=asked))
    assert isinstance(first, Miss) and "svara nej en gång till, så skickar jag inget" in first.hint
    again = {**asked, "miss_count": {"contact_method": 1}}
    assert INTERPRETERS["contact_method"](Answer("nej", "deny", 0.95, [], TODAY, slots=again)) == \
        Filled({"contact_declined": True})
    # Asked for a human: a no is not taken as an end.
    asked_for = {**again, "handoff_requested": True}
    assert isinstance(INTERPRETERS["contact_method"](Answer("nej", "deny", 0.95, [], TODAY, slots=asked_for)), Miss)
    dispatcher = CollectingDispatcher()
    ended = {**again, "contact_declined": True, "eligibility": {"organisation": {"code": "ooo"}}}
    assert flow.contact_plan(ended) == []
    assert ActionHandoff().run(dispatcher, Tracker("t", ended, {}, [], False, None, {}, "contact_form"), {}) == []
    assert dispatcher.messages[0]["text"].startswith(
        "Det går bra. Då skickar jag inget till en rådgivare. Du kan också ansöka själv på nysteget.se.")


def test_the_contact_questions_offer_no_button_to_an_advisor() -> None:
    slots = {**BASE, "contact_name": None, "requested_slot": "contact_name", "miss_count": {"contact_name": 1}}
    _, messages = _run(slots, "pågår", "inform", form=ValidateContactForm())
    assert messages[0]["text"].startswith("Det förstod jag inte riktigt. Skriv ditt namn")
    assert not messages[0].get("buttons") and "välja nedan" not in messages[0]["text"]


def test_a_correction_after_the_yes_to_saving_is_about_what_the_opening_told() -> None:
    from actions.forms import said_back_fixed
    slots = {"consent": True, "situation": "terminated", "employer_name": "Malmö stad", "requested_slot": "guidance_mode"}
    tracker = _tracker_after_say_back(slots, "Tack! Jag har uppfattat att … Skriv \"det blev fel\" om det inte stämmer.",
                                      {"consent": True}, "consent", "det blev fel")
    assert said_back_fixed(tracker, Answer("det blev fel", "correct", 0.92, [], TODAY, slots=slots),
                           "guidance_mode", "guidance_form") is None


@pytest.mark.parametrize("text, said, low, high", [
    ("jag har jobbat 2 år som timanställd på Max, 10-15 timmar i veckan. räcker det?", "10–15 timmar i veckan", 10, 15),
    ("räcker det med 20 tim/v?", "20 timmar i veckan", 20, 20),
    ("jobbar 50 procent sen 2023, är det tillräckligt?", "50 %, alltså 20 timmar i veckan", 20, 20),
])
def test_weekly_hours_told_beside_a_question_about_the_work_requirement(text: str, said: str, low: float,
                                                                         high: float) -> None:
    from actions.parsing import asks_if_work_enough, weekly_hours_told
    answer = Answer(text, "inform", 0.9, [], TODAY)
    assert asks_if_work_enough(answer) and weekly_hours_told(answer) == (said, low, high)


def test_hours_told_are_not_a_question_without_one() -> None:
    from actions.parsing import asks_if_work_enough
    assert not asks_if_work_enough(Answer("jag jobbar 12 timmar i veckan", "inform", 0.9, [], TODAY))
    assert not asks_if_work_enough(Answer("räcker det?", "inform", 0.9, [], TODAY))  # no hours told


def test_the_hours_note_follows_the_parameters_of_the_day() -> None:
    from actions.eligibility import hours_note
    under = hours_note("10–15 timmar i veckan", 10, 15, TODAY)
    assert under.startswith("Du skriver 10–15 timmar i veckan. Det är under 16 timmar i veckan, så en sådan månad "
                            "räknas bara om du tjänade minst 20 850 kr före skatt den månaden.")
    assert "minst 12 månader som räknas under de senaste 24 månaderna" in under
    assert hours_note("20 timmar i veckan", 20, 20, TODAY).startswith(
        "Du skriver 20 timmar i veckan. Det räcker för att en månad ska räknas.")
    assert "Månader med minst 16 timmar i veckan i genomsnitt räknas, och andra månader om du tjänade minst 20 850 kr" \
        in hours_note("10–20 timmar i veckan", 10, 20, TODAY)
    # 2025's inkomstbasbelopp (80 600 kr) gives another threshold.
    assert "minst 20 150 kr" in hours_note("10 timmar i veckan", 10, 10, date(2025, 6, 1))
    # A year not yet in the parameters: the latest threshold, with its year.
    assert "minst 20 850 kr (gränsen 2026) före skatt" in hours_note("10 timmar i veckan", 10, 10, date(2031, 2, 1))


def test_own_hours_asked_about_outside_the_questions_get_the_work_requirement_and_a_note() -> None:
    from actions.dialogue import ActionOfferHelp
    text = "jag har jobbat 2 år som timanställd på Max, 10-15 timmar i veckan. räcker det?"
    tracker = Tracker("t", {}, {"text": text, "intent": {"name": "inform", "confidence": 0.96}, "entities": []},
                      [{"event": "user", "text": text, "parse_data": {}}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    ActionOfferHelp().run(dispatcher, tracker, {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/work_requirement", None, "utter_offer_help"]
    assert dispatcher.messages[1]["text"].startswith("Du skriver 10–15 timmar i veckan. Det är under 16 timmar")
    # A statement without a question gets the choice only.
    told = "det brukar bli 12 timmar i veckan"
    tracker = Tracker("t", {}, {"text": told, "intent": {"name": "inform", "confidence": 0.96}, "entities": []},
                      [{"event": "user", "text": told, "parse_data": {}}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    ActionOfferHelp().run(dispatcher, tracker, {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_offer_help"]


@pytest.mark.parametrize("age, note", [
    (25, "Du skrev att du är 25 år. Omställningsstudiestöd kan man få från det år man fyller 27"),
    (64, "Du skrev att du är 64 år. Omställningsstudiestöd kan man få till och med det år man fyller 63, så det "
         "stödet kan du inte få längre."),
    (45, None),
])
def test_the_age_in_a_question_about_study_support_is_answered_too(age: int, note: str | None) -> None:
    from actions.dialogue import ActionAnswerFaq
    text = f"kan jag få omställningsstudiestöd om jag är {age}?"
    parse = {"text": text, "intent": {"name": "faq", "confidence": 0.98}, "entities": [],
             "response_selector": {"faq": {"response": {"intent_response_key": "faq/what_is_omstallningsstudiestod",
                                                        "confidence": 0.97}}}}
    tracker = Tracker("t", {}, parse, [{"event": "user", "text": text, "parse_data": parse}], False, None, {},
                      "utter_faq")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerFaq().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["response"] == "utter_faq/what_is_omstallningsstudiestod"
    texts = [m.get("text") for m in dispatcher.messages if m.get("text")]
    assert (texts[0].startswith(note) if note else texts == [])


def test_an_faq_in_the_middle_of_the_questions_gets_the_personal_note_too() -> None:
    # At the consent question the age comes from the question itself; later, from the age slot.
    from actions.dialogue import ActionAnswerFaq

    def notes(text: str, slots: dict[str, Any], key: str = "faq/what_is_omstallningsstudiestod") -> list[str]:
        parse = {"text": text, "intent": {"name": "faq", "confidence": 0.98}, "entities": [],
                 "response_selector": {"faq": {"response": {"intent_response_key": key, "confidence": 0.97}}}}
        tracker = Tracker("t", slots, parse, [{"event": "user", "text": text, "parse_data": parse}], False, None,
                          {"name": "situation_form"}, "utter_faq")
        dispatcher = CollectingDispatcher()
        assert asyncio.run(ActionAnswerFaq().run(dispatcher, tracker, {})) == []
        assert dispatcher.messages[0]["response"] == f"utter_{key}"
        return [m["text"] for m in dispatcher.messages[1:]]

    asked = {"requested_slot": "consent", "consent": None}
    assert notes("kan jag få omställningsstudiestöd om jag är 25?", asked)[0].startswith("Du skrev att du är 25 år.")
    assert notes("kan jag få omställningsstudiestöd?", {**asked, "age": 64})[0].startswith(
        "Du skrev att du är 64 år. Omställningsstudiestöd kan man få till och med det år man fyller 63")
    assert notes("är 63 år, kan jag få omställningsstudiestöd?", asked) == []  # 63 is still within the years
    assert notes("kan jag få omställningsstudiestöd?", asked) == []
    assert notes("min pappa är 64, kan han få omställningsstudiestöd?", asked) == []  # not the person's own age
    assert notes("kostar det något om jag är 25?", asked, "faq/cost") == []  # the age changes nothing there
    assert notes("jobbar 10 timmar i veckan, räcker det?", asked, "faq/work_requirement")[0].startswith(
        "Du skriver 10 timmar i veckan. Det är under 16 timmar")


@pytest.mark.parametrize("text, selected, said, intent", [
    # Read as asking for the check, with a confident FAQ topic: that answer, and its personal note.
    ("kan jag få omställningsstudiestöd?", ("faq/what_is_omstallningsstudiestod", 1.0),
     ["utter_faq/what_is_omstallningsstudiestod", "Du skrev att du är 64 år."], "check_eligibility"),
    # No confident topic: what the questions are for.
    ("har jag rätt till stöd?", ("faq/who_can_get", 0.62), ["Det är just det vi tar reda på nu."], "check_eligibility"),
    # Read as an FAQ, too unsure to be a digression, but with a confident topic: still that FAQ.
    ("kan jag få omställningsstudiestöd?", ("faq/what_is_omstallningsstudiestod", 1.0),
     ["utter_faq/what_is_omstallningsstudiestod", "Du skrev att du är 64 år."], "faq"),
])
def test_asking_for_the_check_in_the_middle_of_it_is_answered_not_a_miss(text: str, selected: tuple, said: list,
                                                                           intent: str) -> None:
    slots = {**BASE, "age": 64, "collective_agreement": None, "requested_slot": "collective_agreement"}
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.57}, "entities": [],
             "response_selector": {"faq": {"response": {"intent_response_key": selected[0], "confidence": selected[1]}}}}
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": parse},
              {"event": "action", "name": "action_extract_slots"}]
    tracker = Tracker("t", slots, parse, events, False, None, {"name": "work_form"}, "action_extract_slots")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    shown = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert len(shown) == len(said) and all(got.startswith(want) for got, want in zip(shown, said))
    assert updates["collective_agreement"] is None and updates["asked_again"] is True
    assert not updates.get("miss_count")


@pytest.mark.parametrize("sector, text, expected", [
    # Told that regions almost always have one, a guessed yes is a yes, said back to be corrected.
    ("region", "ja de har de nog", "yes"), ("municipality", "tror det", "yes"), ("state", "ja antagligen", "yes"),
    # A private employer's guess stays a guess; a guessed no is no more sure of a public one.
    ("private", "ja de har de nog", "unknown"), ("region", "tror inte det", "unknown"),
])
def test_a_guessed_agreement_of_a_public_employer_is_yes(sector: str, text: str, expected: str) -> None:
    result = INTERPRETERS["collective_agreement"](Answer(text, "affirm", 0.9, [], TODAY,
                                                         slots={"employer_sector": sector}))
    assert isinstance(result, Filled) and result.slots["collective_agreement"] == expected
    if expected == "yes":
        assert result.slots["_say"].startswith("Då skriver jag att det finns kollektivavtal, som hos nästan alla")


@pytest.mark.parametrize("text, expected", [
    # The question's verb said back, the Swedish way to answer yes or no, read even as "inform".
    ("vi har det", "yes"), ("det har de", "yes"), ("det har dom absolut", "yes"), ("har de inte", "no"),
    ("det finns inte", "no"),
    # With a guess in it, still not known for sure at a private employer.
    ("har vi nog, tror det", "unknown"), ("vi har nog det", "unknown"), ("tror vi har det", "unknown"),
    ("det tror jag inte", "unknown"), ("det finns nog", "unknown"),
    # A story is not an echo.
    ("jag har jobbat där i 8 år", None),
])
def test_an_echo_answer_to_the_agreement_question_is_read(text: str, expected: str | None) -> None:
    result = INTERPRETERS["collective_agreement"](Answer(text, "inform", 0.9, [], TODAY,
                                                         slots={"employer_sector": "private"}))
    if expected is None:
        assert isinstance(result, Miss)
    else:
        assert isinstance(result, Filled) and result.slots["collective_agreement"] == expected


@pytest.mark.parametrize("text, expected", [
    ("det var jag", None), ("det är jag", None),  # "it was me": not an echo
    ("det var det", True), ("ar jag inte", False), ("det gor det", True), ("vi har inget", None),
])
def test_echo_answers_leave_it_was_me_alone(text: str, expected: bool | None) -> None:
    from actions.parsing import echo_answer
    assert echo_answer(text) is expected


@pytest.mark.parametrize("earlier, initiated_by", [
    ("hej, fick sparken från ikea i oktober. har jag rätt till nåt?", "employer"),
    ("jag blev uppsagd i somras", "employer"),
    # A package taken, or no story at all: who took the initiative is asked.
    ("jag blev uppsagd men tog avgångsvederlaget", None),
    (None, None),
])
def test_let_go_before_and_arbetsbrist_now_is_the_employers_initiative(earlier: str | None,
                                                                      initiated_by: str | None) -> None:
    slots = {"consent": True, "situation": "terminated", "termination_reason": None,
             "termination_initiated_by": None, "requested_slot": "termination_reason"}
    updates, _ = _run(slots, "arbetsbrist", "inform", form=ValidateSituationForm(), earlier=earlier)
    assert updates["termination_reason"] == "shortage_of_work"
    assert updates.get("termination_initiated_by") == initiated_by
    assert updates["requested_slot"] == ("termination_initiated_by" if initiated_by is None else None)


@pytest.mark.parametrize("slot", ["employer_name", "employment_employer", "contact_name", "municipality"])
def test_a_question_is_no_name(slot: str) -> None:
    asked = Answer("kan jag få omställningsstudiestöd?", "check_eligibility", 0.6, [], TODAY)
    assert isinstance(INTERPRETERS[slot](asked), Miss)
    # The same words as a name, told: kept.
    told = INTERPRETERS[slot](Answer("Lagerhuset AB" if slot != "contact_name" else "Anna", "inform", 0.9, [], TODAY))
    assert isinstance(told, Filled) and told.slots.get(slot)


def test_a_question_at_the_employer_question_is_answered_and_the_question_asked_again() -> None:
    text = "kan jag få omställningsstudiestöd?"
    slots = {**BASE, "age": 61, "employer_name": None, "employer_sector": None, "requested_slot": "employer_name"}
    parse = {"text": text, "intent": {"name": "check_eligibility", "confidence": 0.6}, "entities": [],
             "response_selector": {"faq": {"response": {"intent_response_key": "faq/what_is_omstallningsstudiestod",
                                                        "confidence": 1.0}}}}
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": parse},
              {"event": "action", "name": "action_extract_slots"}]
    tracker = Tracker("t", slots, parse, events, False, None, {"name": "work_form"}, "action_extract_slots")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/what_is_omstallningsstudiestod"]
    assert updates["employer_name"] is None and updates["requested_slot"] == "employer_name"


@pytest.mark.parametrize("text, age", [
    ("kan jag få omställningsstudiestöd om jag är 25?", 25),
    ("gäller det om jag är 64 år?", 64),
    ("vad händer om jag är 40 timmar i veckan?", None),  # hours, not years
    ("om jag blir uppsagd, kan jag plugga då?", None),
    ("min syster undrar om hon kan plugga om hon är 30", None),
])
def test_an_age_in_a_question_is_kept_for_after_consent(text: str, age: int | None) -> None:
    assert opening_slots(Answer(text, "faq", 0.97, [], TODAY)).get("age") == age


def test_hourly_work_whose_shifts_stopped_is_said_back_as_over() -> None:
    from actions.forms import opening_ack
    from actions.parsing import HOURLY_NOTE
    said = opening_ack(_HOURLY_ENDED, HOURLY_NOTE)
    assert said.startswith("Tack! Jag har uppfattat att din visstidsanställning har tagit slut. En timanställning")
    assert opening_ack(_HOURLY_ENDED).startswith("Tack! Jag har uppfattat att din visstidsanställning tar slut.")


def test_a_story_asked_about_at_the_situation_question_is_said_back_with_the_answer() -> None:
    story = ("jag är sjuksköterska på akuten i region uppsala men har varit sjukskriven för utmattning sen i våras. "
             "jag orkar inte gå tillbaka dit")
    told = opening_slots(Answer(story, "inform_sick", 0.9, [], TODAY))
    assert (told["employer_name"], told["employer_sector"]) == ("Region Uppsala", "region")  # "på akuten i …"
    set_then = {"reduced_capacity": True, "employer_name": "Region Uppsala", "employer_sector": "region"}
    slots = {"consent": True, **set_then, "requested_slot": "situation"}
    text = "har kvar den men vill byta yrke"
    events = [{"event": "slot", "name": "requested_slot", "value": "situation"},
              {"event": "user", "text": story, "parse_data": {}},
              {"event": "bot", "text": "Har du kvar din anställning, eller har den upphört eller ska den upphöra?"},
              *({"event": "slot", "name": k, "value": v} for k, v in set_then.items()),
              {"event": "slot", "name": "requested_slot", "value": "situation"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"}]
    tracker = Tracker("t", slots, {"text": text, "intent": {"name": "inform_employed", "confidence": 0.95},
                                   "entities": []}, events, False, None, {"name": "situation_form"},
                      "action_extract_slots")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateSituationForm().run(dispatcher, tracker, {}))}
    assert updates["situation"] == "employed"
    assert dispatcher.messages[0]["text"] == (
        "Då skriver jag att du har en anställning men att din hälsa påverkar hur du kan jobba och att din "
        "arbetsgivare är Region Uppsala. Skriv \"det blev fel\" om det inte stämmer.")


def test_a_no_that_corrects_the_category_just_said_back_is_not_the_answer_to_the_open_question() -> None:
    slots = {**BASE, "employer_sector": "private", "worker_category": "blue_collar", "collective_agreement": None,
             "requested_slot": "collective_agreement"}
    said = ("Du har berättat om ditt jobb på ett lager, så jag skriver att du är arbetare. Skriv \"det blev fel\" om "
            "det inte stämmer.")
    tracker = _tracker_after_say_back(slots, said, {"employer_sector": "private", "worker_category": "blue_collar"},
                                      "employer_sector", "nej jag är tjänsteman", intent="deny")
    dispatcher = CollectingDispatcher()
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(dispatcher, tracker, {}))}
    assert updates["worker_category"] == "white_collar" and updates.get("collective_agreement") is None
    assert updates["requested_slot"] == "collective_agreement"
    assert dispatcher.messages[0]["text"] == "Tack, det har jag ändrat."
    # A plain no answers the open question.
    tracker = _tracker_after_say_back(slots, said, {"employer_sector": "private", "worker_category": "blue_collar"},
                                      "employer_sector", "nej", intent="deny")
    updates = {e["name"]: e["value"] for e in asyncio.run(ValidateWorkForm().run(CollectingDispatcher(), tracker, {}))}
    assert updates["collective_agreement"] == "no"


@pytest.mark.parametrize("text, employer", [
    ("nu har ica sagt upp mig pga sjukdom", "ICA"), ("Lidl sa upp mig i oktober", "Lidl"),
    ("nu har Stora Enso varslat mig", "Stora Enso"),
    # The one who let go is no employer's name here.
    ("Chefen sa upp mig", None), ("Nu har de sagt upp mig", None), ("Jag har sagt upp mig", None),
    ("Min chef sa upp mig", None),
])
def test_the_employer_who_let_one_go_is_named(text: str, employer: str | None) -> None:
    from actions.parsing import subject_employer
    assert subject_employer(text).get("employer_name") == employer


def test_a_length_with_no_employer_said_is_of_ones_job_not_there() -> None:
    from actions.forms import opening_ack
    told = opening_slots(Answer("jag har varit sjukskriven i två år och nu har min arbetsgivare sagt upp mig pga "
                                "sjukdom. jobbade där i 15 år", "inform_terminated", 0.9, [], TODAY))
    said = opening_ack(told)
    assert said is not None and "du har haft jobbet i 15 år" in said and "där" not in said
    # With the employer named first, "där" points at it.
    told = opening_slots(Answer("jag har varit sjukskriven i två år och nu har ica sagt upp mig pga sjukdom. "
                                "jobbade där i 15 år", "inform_terminated", 0.9, [], TODAY))
    assert "din arbetsgivare är ICA och att du har jobbat där i 15 år" in str(opening_ack(told))


@pytest.mark.parametrize("age, note", [
    (61, "Du skrev att du är 61 år, så du hinner: rådgivning och vägledning kan du ansöka om innan du fyller 65, "
         "och omställningsstudiestöd till och med det år du fyller 63."),
    (64, "Du skrev att du är 64 år. Rådgivning och vägledning kan du ansöka om innan du fyller 65, men "
         "omställningsstudiestöd kan du inte få längre."),
    (65, "Du skrev att du är 65 år. Stödet ges inte till den som har fyllt 65"),
    (22, "Du skrev att du är 22 år. Åldern hindrar inte rådgivning och vägledning, men omställningsstudiestöd"),
    (40, None),  # far from either limit: the general answer is enough
])
def test_the_age_limit_faq_is_made_personal_by_the_age_told(age: int, note: str | None) -> None:
    from actions.forms import faq_note
    said = faq_note("faq/age_limit", {"age": age})
    assert (said is None) if note is None else (said is not None and said.startswith(note))


@pytest.mark.parametrize("text, expected", [
    ("jag är usk på en vårdcentral", "jag är undersköterska på en vårdcentral"),
    ("Vill bli SSK", "Vill bli sjuksköterska"),
    ("jobbar som pers ass sedan 2015", "jobbar som personlig assistent sedan 2015"),
    ("jobbar som pers. ass. sedan 2015", "jobbar som personlig assistent sedan 2015"),
    ("husky", "husky"),                      # only whole words
    ("usk.", "undersköterska."),
])
def test_occupations_shortened_in_a_chat_are_read_written_out(text: str, expected: str) -> None:
    assert Answer(text, "inform", 0.9, [], TODAY).text == expected


def test_a_shortened_occupation_gives_the_opening_its_employer_and_sector() -> None:
    slots = opening_slots(Answer("jag är usk på en vårdcentral i region skåne sen 2009", "inform", 0.9, [], TODAY))
    assert slots["employer_name"] == "Region Skåne" and slots["employer_sector"] == "region"
    assert slots["situation"] == "employed"


def _faq_tracker(text: str, intent: str, faq: str, confidence: float) -> Tracker:
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.97}, "entities": [],
             "response_selector": {"faq": {"response": {"intent_response_key": faq, "confidence": confidence}}}}
    return Tracker("t", {}, parse, [{"event": "user", "text": text, "parse_data": parse}], False, None, {},
                   "action_listen")


@pytest.mark.parametrize("text, confidence, expected", [
    # A story asking for the check, the answer chosen unsure: the questions answer it.
    ("Hej, jag har blivit uppsagd från en liten bilverkstad där jag jobbat i 6 år som mekaniker. vi har inget "
     "kollektivavtal tror jag. vad kan jag få för hjälp?", 0.35, [None]),
    # The same story, the answer chosen surely: said.
    ("jag har blivit uppsagd från en liten bilverkstad. vad kostar det?", 0.95, ["utter_faq/collective_agreement"]),
    # A question alone, however unsure: the classifier's best answer, as before.
    ("vad är ett kollektivavtal egentligen", 0.35, ["utter_faq/collective_agreement"]),
])
def test_an_faq_outside_the_questions_is_not_answered_unsure_beside_a_story_that_asks_for_the_check(
        text: str, confidence: float, expected: list[str]) -> None:
    from actions.dialogue import ActionAnswerFaq
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerFaq().run(dispatcher, _faq_tracker(text, "faq", "faq/collective_agreement", confidence), {}))
    assert [m.get("response") for m in dispatcher.messages] == expected
    if expected == [None]:  # thanked, and told the questions find out what support there is
        assert dispatcher.messages[0]["text"].startswith("Tack för att du berättar. Det hjälper jag dig gärna med.")


@pytest.mark.parametrize("text, expected", [
    # Cutbacks, and being let go guessed: a notice coming, with the agency written out.
    ("handläggare på FK, de ska dra ner 200 tjänster och jag tror jag åker",
     {"situation": "terminated", "employer_name": "Försäkringskassan", "employer_sector": "state",
      "notice_pending": "coming"}),
    ("jobbar på volvo, jag ryker nog i nästa omgång",
     {"situation": "terminated", "employer_name": "Volvo", "notice_pending": "coming"}),
    ("de ska dra ner på personal och jag blir nog uppsagd", {"situation": "terminated", "notice_pending": "coming"}),
    # The occupation first, as a chat shortens it: the employer after it is named.
    ("Bagare på ICA Maxi sen 2015", {"situation": "employed", "employer_name": "ICA Maxi",
                                     "employment_start": "2015-01-01"}),
    ("Hej, montör på Scania i 12 år, nu varslad", {"employer_name": "Scania", "notice_pending": "warned"}),
    ("jobbar på AF sen 2010", {"employer_name": "Arbetsförmedlingen", "employer_sector": "state"}),
])
def test_a_chat_short_story_of_ones_job_and_cutbacks_is_read(text: str, expected: dict[str, Any]) -> None:
    said = opening_slots(Answer(text, "inform", 0.9, [], TODAY))
    assert {k: said.get(k) for k in expected} == expected


@pytest.mark.parametrize("text", ["jag tror jag åker till jobbet imorgon", "jag åker hem nu", "Anna af Klint"])
def test_travel_and_a_names_small_word_are_not_read_as_being_let_go_or_an_agency(text: str) -> None:
    said = opening_slots(Answer(text, "inform", 0.9, [], TODAY))
    assert said.get("notice_pending") is None and said.get("employer_name") is None
    assert Answer(text).text == text


@pytest.mark.parametrize("text, expected", [
    # The job that ends, told of in a later sentence: still ending, and told, not coming.
    ("hej! är föräldraledig just nu och fick veta igår att min tjänst dras in. jobbar som ekonomiassistent på ett "
     "bemanningsföretag. räknas föräldraledigheten?",
     {"situation": "terminated", "termination_reason": "shortage_of_work", "notice_pending": None}),
    ("mitt vikariat tog slut i oktober. jobbade som lärare på en skola", {"situation": "fixed_term_ended"}),
    # A new job now, after one that ended: employed.
    ("blev uppsagd från volvo 2019. nu jobbar jag på ICA", {"situation": "employed", "employer_name": "ICA"}),
])
def test_a_later_sentence_about_the_job_does_not_undo_its_ending(text: str, expected: dict[str, Any]) -> None:
    said = opening_slots(Answer(text, "inform", 0.9, [], TODAY))
    assert {k: said.get(k) for k in expected} == expected
