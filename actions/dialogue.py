"""Actions around the forms: the summary and corrections, asking for a human, the Swedish
"did you mean" fallback, the handoff and deletion on request."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Mapping

from babel.dates import format_date
from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import flow
from actions.corrections import (CHANGE_QUESTION, TOPIC_BUTTONS, changed_said, clear, direct_correction, redo_text,
                                 slots_to_correct)
from actions.eligibility import evaluate_slots, recommended_service, service_summary
from actions.faq_lookup import MIN_CONFIDENCE, faq_for, selected_faq
from actions.forms import (CHECK_UNDER_WAY, answer_from, application_date, personal_faq_note, said_business_closing,
                           said_study_goal, since_sv, situation_said)
from actions.parsing import (CHECK_ASKED_SV, INTERPRETERS, OWN_BUSINESS, STUDY_GOAL, Answer, Filled, Miss, Result,
                             asks_for_check, asks_if_work_enough, employer_shown, opening_slots, plans_own_business,
                             question_beside, yes_no)
from bot.extract import fold

WHAT_IS_WRONG = "what_is_wrong"


def summary_confirmed(a: Answer) -> Result:
    if a.intent == "affirm" or (a.intent != "correct" and yes_no(a, allow_unknown=False) is True):
        return Filled({"summary_confirmed": True})
    if not a.is_payload:
        changed = direct_correction(a)
        if changed:
            return Filled({**changed, "summary_confirmed": None, "_say": changed_said(changed)})
    slots = slots_to_correct(a)
    if slots:
        return Filled({**clear(slots), "_say": "Okej, då tar vi det igen."})
    if a.is_digression and a.intent != "correct":
        return None
    # The summary is not shown again right under this question: the answer comes first.
    return Filled({"_say": "Vad är det som inte stämmer? Välj nedan eller skriv till exempel "
                           "\"åldern är fel\".", "_buttons": TOPIC_BUTTONS, "asked_again": WHAT_IS_WRONG})


INTERPRETERS["summary_confirmed"] = summary_confirmed

_MEETING_SV = {"digital": "digitalt", "physical": "på plats", "no_preference": "spelar ingen roll"}


def _day_sv(value: Any) -> str:
    """'2015-03-01' → '1 mars 2015', as a person reads it; anything else as it is."""
    try:
        return format_date(date.fromisoformat(str(value)), "d MMMM y", locale="sv")
    except ValueError:
        return str(value)


def _months(e: Mapping[str, Any]) -> str:
    end = "pågår" if e.get("end") in (None, "ongoing") else _day_sv(e["end"])
    hours = e.get("hours_per_week")
    hours_text = "okänt antal timmar" if hours in (None, "unknown") else f"{hours:g} timmar i veckan"
    return f"{employer_shown(e.get('employer')) or 'arbetsgivare'}: {_start_sv(e.get('start'))} – {end}, {hours_text}"


def _start_sv(value: Any) -> str:
    """"sedan 2009" stored as 2009-01-01 is read back as '2009', not as a day nobody said."""
    try:
        return since_sv(str(value))
    except ValueError:
        return str(value)


# The goal as the person chose it (the buttons' words), not the advisor's wording in case_text.
_GOAL_PERSON_SV = {"study_to_leave_sector": "studera för att byta bransch",
                   "study_to_stay_in_sector": "studera för att stanna i branschen",
                   "new_job_other_sector": "nytt jobb i en annan bransch",
                   "new_job_same_sector": "nytt jobb i samma bransch", "stay_in_role": "stanna i din roll"}


def _goal_line(s: Mapping[str, Any]) -> str | None:
    goal = _GOAL_PERSON_SV.get(s.get("forward_goal") or "")
    options = s.get("outward_options")
    options = None if options in (None, "unknown", "vet inte än") else options
    if goal:
        return f"- Mål: {goal}" + (f" ({options})" if options else "")
    return f"- Du funderar på: {options}" if options else None


def summary_text(s: Mapping[str, Any], decision: Mapping[str, Any] | None) -> str:
    lines = ["Så här har jag uppfattat det:"]
    if s.get("situation"):
        lines.append(f"- Situation: {situation_said(s) or s['situation']}")
    if s.get("age") not in (None, "unknown"):
        lines.append(f"- Ålder: {s['age']} år")
    if s.get("employer_name"):
        lines.append(f"- Arbetsgivare: {employer_shown(s['employer_name'])}")
    for e in s.get("employments") or []:
        lines.append(f"- Anställning: {_months(e)}")
    goal = _goal_line(s)
    if goal:
        lines.append(goal)
    if s.get("contact_name") not in (None, "unknown"):
        lines.append(f"- Namn: {s['contact_name']}")
    contact = ", ".join(c for c in (s.get("contact_email"), s.get("contact_phone")) if c)
    if contact:
        wish = f" ({s['contact_wish']})" if s.get("contact_wish") else ""
        lines.append(f"- Kontakt: {contact}{wish}")
    if s.get("meeting_preference"):
        place = f" ({s['municipality']})" if s.get("municipality") not in (None, "unknown") else ""
        lines.append(f"- Möte: {_MEETING_SV.get(s['meeting_preference'], '')}{place}")
    if decision:
        lines.append(f"- Preliminär bedömning: {service_summary(decision)}")
    lines.append("Stämmer det? Svara ja, eller skriv vad som är fel.")
    return "\n".join(lines)


class ActionAskSummaryConfirmed(Action):
    def name(self) -> str:
        return "action_ask_summary_confirmed"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        last_bot = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), {})
        if tracker.get_slot("asked_again") == WHAT_IS_WRONG and \
                (last_bot.get("text") or "").startswith("Vad är det som inte stämmer?"):
            return []  # just asked, with its buttons; after an FAQ answer the summary comes again
        events: list[EventType] = []
        decision = None
        if tracker.get_slot("situation"):
            try:
                # Evaluated again: an answer may have been corrected since the first result.
                decision = evaluate_slots(tracker.slots, application_date())
                events += [SlotSet("eligibility", decision),
                           SlotSet("recommended_service", recommended_service(decision))]
            except Exception:  # noqa: BLE001 - the summary must still be shown
                decision = None
        dispatcher.utter_message(text=summary_text(tracker.slots, decision), buttons=[
            {"title": "Ja, det stämmer", "payload": "/affirm"},
            {"title": "Nej, något är fel", "payload": "/correct"}])
        return events


class ActionAskForwardGoal(Action):
    """The goal question: without "Stanna i min roll" for someone whose job ends, and as "stanna
    eller byta bransch?" when the answer, or an earlier message ("jag vill plugga till
    sjuksköterska"), was about studies."""

    def name(self) -> str:
        return "action_ask_forward_goal"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("asked_again") == STUDY_GOAL or said_study_goal(tracker):
            response = "utter_ask_forward_goal_study"
        elif tracker.get_slot("asked_again") == OWN_BUSINESS or plans_own_business(tracker.slots):
            response = "utter_ask_forward_goal_own_business"
        elif tracker.get_slot("situation") in flow.TERMINATED or (
                tracker.get_slot("situation") == "self_employed" and said_business_closing(tracker)):
            response = "utter_ask_forward_goal_job_ends"
        else:
            response = "utter_ask_forward_goal"
        dispatcher.utter_message(response=response)
        return []


class ActionCorrect(Action):
    """`correct` in the middle of the conversation: ask again what the person says was wrong."""

    def name(self) -> str:
        return "action_correct"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        message = tracker.latest_message or {}
        answer = Answer(text=message.get("text") or "", intent="correct",
                        entities=list(message.get("entities") or []), slots=dict(tracker.slots))
        if tracker.get_slot("case_reference"):
            dispatcher.utter_message(text=(
                "Ditt ärende är redan skickat. Berätta för rådgivaren vad som ska ändras när hen "
                "kontaktar dig."))
            return []
        form = (tracker.active_loop or {}).get("name")
        changed = direct_correction(answer)
        if changed:  # "det blev fel, jag är 45": taken at once
            dispatcher.utter_message(text=changed_said(changed))
            taken = [SlotSet(key, value) for key, value in {**changed, "summary_confirmed": None}.items()]
            if not form:  # the check is made anew, as after any correction
                return taken + [SlotSet("asked_again", True), FollowupAction("situation_form")]
            return taken
        slots = slots_to_correct(answer)
        if not slots:
            if not form:
                # After the result, say, no form is there to read a typed reply: change_form
                # asks "Vad vill du ändra?" and reads it, whatever the classifier makes of it.
                return [SlotSet("change_topic", None), FollowupAction("change_form")]
            dispatcher.utter_message(text=CHANGE_QUESTION, buttons=TOPIC_BUTTONS)
            # The form's own question is not put right under it: the reply says what to change
            # (actions/forms.py reads a typed one; a button comes back here). The form took
            # "det blev fel" as no answer; made active again, it reads the reply.
            return [ActiveLoop(form), FollowupAction("action_listen")]
        cleared = clear(slots)
        dispatcher.utter_message(text=redo_text(form, tracker.slots, cleared))
        events: list[EventType] = [SlotSet(key, value) for key, value in cleared.items()]
        if not form:
            # The questions come again from the start of the chain: each form asks only what is
            # missing, and the check is made anew with the corrected answers.
            events += [SlotSet("asked_again", True), FollowupAction("situation_form")]
        return events


class ActionAskChangeTopic(Action):
    def name(self) -> str:
        return "action_ask_change_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=CHANGE_QUESTION, buttons=TOPIC_BUTTONS)
        return []


_KEEP_ALL = re.compile(r"^(nej|nae|nä|inget|ingenting|inget alls|det var ratt|det stammer|allt stammer|"
                       r"glom det|strunt i det|inget ska andras)\b")
NO_TOPIC_HINT = "Jag hittade inget att ändra i det. Välj nedan, eller skriv till exempel \"åldern\"."


def _hints_since_asked(tracker: Tracker) -> int:
    """How often the hint was given since change_form began."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == "change_form":
            break
        if event.get("event") == "bot" and event.get("text") == NO_TOPIC_HINT:
            count += 1
    return count


class ValidateChangeForm(Action):
    """The reply to "Vad vill du ändra?" outside the other forms: the topic's answers are cleared
    (the rule after change_form then asks them again); "inget" keeps everything; two replies
    without a topic go on as before rather than ask a third time."""

    def name(self) -> str:
        return "validate_change_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        message = tracker.latest_message or {}
        answer = Answer(text=message.get("text") or "", intent=(message.get("intent") or {}).get("name"),
                        entities=list(message.get("entities") or []), slots=dict(tracker.slots))
        if tracker.get_slot("requested_slot") != "change_topic":
            return []  # just activated: the question comes
        changed = direct_correction(answer)
        if changed:  # "jag är 45": nothing to ask again
            dispatcher.utter_message(text=changed_said(changed))
            return [SlotSet(key, value) for key, value in changed.items()] + [
                SlotSet("summary_confirmed", None), SlotSet("change_topic", "none")]
        slots = slots_to_correct(answer)
        if slots:
            cleared = clear(slots)
            dispatcher.utter_message(text="Okej, då frågar jag om det igen.")
            # asked_again: the question comes without its introduction, which was said before.
            return [SlotSet(key, value) for key, value in cleared.items()] + [
                SlotSet("change_topic", slots[0]), SlotSet("asked_again", True)]
        if answer.intent == "clarify":  # "vad menar du?": said why, then asked again
            dispatcher.utter_message(response="utter_explain_change_topic")
            return [SlotSet("change_topic", None)]
        if _KEEP_ALL.search(answer.folded) or answer.intent == "deny" or _hints_since_asked(tracker) >= 1:
            dispatcher.utter_message(text="Okej, då behåller jag dina svar som de är.")
            return [SlotSet("change_topic", "none")]
        dispatcher.utter_message(text=NO_TOPIC_HINT)
        return [SlotSet("change_topic", None)]


class ActionRequestHuman(Action):
    def name(self) -> str:
        return "action_request_human"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("consent") is False:
            dispatcher.utter_message(text=(
                "Du har sagt att jag inte får spara något, så jag kan inte skicka dina svar till en "
                "rådgivare. Vill du ändå det, skriv \"börja om\" och svara ja till att spara. Du kan "
                "också söka stödet direkt på nysteget.se."))
        else:
            dispatcher.utter_message(text=(
                "Självklart. Jag skickar det du har berättat hittills till en rådgivare. Först "
                "behöver jag veta hur hen kan nå dig."))
        return [SlotSet("handoff_requested", True), SlotSet("complete", False), SlotSet("contact_declined", None)]


def says_the_situation(answer: Answer) -> bool:
    said = opening_slots(answer)
    return bool(said.get("situation") or said.get("reduced_capacity"))


class ActionAnswerFaq(Action):
    """An FAQ question, in a form or outside: the answer the ResponseSelector chose, and what it
    means for this person (personal_faq_note). A story asked with it ("uppsagd från en liten
    verkstad … vad kan jag få för hjälp?") that the selector is unsure of gets the answer to the
    question beside the story, looked up alone; with none, a story that asks for the check gets no
    FAQ answer, since the questions answer it."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        answer = answer_from(tracker, application_date())
        faq, confidence = selected_faq(tracker.latest_message or {})
        if confidence < MIN_CONFIDENCE and says_the_situation(answer):
            beside = question_beside(answer)
            looked_up = await faq_for(beside) if beside else None
            if looked_up or asks_for_check(answer):
                faq = looked_up
            if not faq:  # the story's own question is answered: the check is how
                asking = tracker.get_slot("requested_slot")
                dispatcher.utter_message(text=CHECK_UNDER_WAY if asking not in (None, "consent") else
                                         f"Tack för att du berättar. {CHECK_ASKED_SV}")
        if faq:
            dispatcher.utter_message(response=f"utter_{faq}")
            if note := personal_faq_note(tracker, faq, answer):
                dispatcher.utter_message(text=note)
        return []


class ActionOfferHelp(Action):
    """After a statement with nothing asked, or an FAQ or off-topic answer outside a form. A
    message that says the person's situation ("är 58 och nyss uppsagd, är det ens lönt att
    plugga") starts the questions, which read it (opening_slots); anything else gets the choice
    of what to do."""

    def name(self) -> str:
        return "action_offer_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        answer = answer_from(tracker, application_date())
        if says_the_situation(answer):
            return [FollowupAction("situation_form")]
        if answer.intent == "inform" and asks_if_work_enough(answer):
            # "10-15 timmar i veckan. räcker det?" reads as telling; it asks about the work requirement.
            dispatcher.utter_message(response="utter_faq/work_requirement")
            if note := personal_faq_note(tracker, "faq/work_requirement", answer):
                dispatcher.utter_message(text=note)
        dispatcher.utter_message(response="utter_offer_help")
        return []


class ActionDefaultAskAffirmation(Action):
    """Rasa's two-stage fallback asks "Did you mean …?" in English; this asks in Swedish."""

    TITLES = {
        "check_eligibility": "Se vilket stöd du kan få", "career_guidance": "Fundera på ditt yrkesliv",
        "request_human": "Prata med en rådgivare", "faq": "En fråga om stödet",
        "inform_terminated": "Du har blivit uppsagd", "inform_employed": "Du har ett jobb",
        "inform_sick": "Du är sjuk eller sjukskriven", "inform_self_employed": "Du är egenföretagare",
        "inform_fixed_term_ended": "Din visstidsanställning tar slut", "restart": "Börja om",
        "goodbye": "Avsluta", "greet": "Säga hej", "delete_data": "Radera dina uppgifter",
        "bot_challenge": "Veta vem jag är", "thank": "Tacka", "correct": "Ändra ett svar",
        "clarify": "Förstå frågan bättre",
    }

    def name(self) -> str:
        return "action_default_ask_affirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("consent") is None and tracker.get_slot("situation") is None \
                and says_the_situation(answer_from(tracker, application_date())):
            # An unsure first message that still tells the situation: start, do not ask.
            return [ActiveLoop(None), FollowupAction("situation_form")]
        ranking = (tracker.latest_message or {}).get("intent_ranking") or []
        buttons = []
        for item in ranking:
            name = item.get("name")
            if name in self.TITLES and len(buttons) < 2:
                buttons.append({"title": self.TITLES[name], "payload": f"/{name}"})
        buttons.append({"title": "Något annat", "payload": "/out_of_scope"})
        # Not a yes/no question: a "ja" to "Menade du …?" could not say which of the options.
        dispatcher.utter_message(text="Jag är inte säker på att jag förstod. Välj det som passar bäst, "
                                      "eller skriv det med andra ord.",
                                 buttons=buttons)
        return []


NO_CASE_WITHOUT_CONSENT = (
    "Eftersom du inte ville att jag sparar något skickar jag inget till en rådgivare. Vill du ändå "
    "ha kontakt kan du skriva \"börja om\" och svara ja till att spara, eller söka stödet på "
    "nysteget.se.")


class ActionDefaultAskRephrase(Action):
    """Second stage of the fallback, in Swedish."""

    def name(self) -> str:
        return "action_default_ask_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=(
            "Jag förstod fortfarande inte. Kan du skriva det på ett annat sätt, med några få ord? "
            "Till exempel \"jag har blivit uppsagd\" eller \"vad kostar det?\"."))
        return []


def who_decides(eligibility: dict[str, Any] | None) -> str:
    """Kammarkollegiet decides for its own organisation; someone sent to Omställningsfonden or a
    trygghetsråd is told that it is that organisation which decides."""
    organisation = (eligibility or {}).get("organisation") or {}
    if organisation.get("code") in (None, "ooo", "unknown"):
        return "det är Kammarkollegiet som beslutar"
    return f"det är {organisation.get('name_sv') or 'din omställningsorganisation'} som avgör vilket stöd du kan få"


def contact_declined_text(eligibility: dict[str, Any] | None) -> str:
    """Said to someone who wants no contact from us (routed elsewhere, or giving no way to be
    reached): no case, and where to go instead."""
    organisation = (eligibility or {}).get("organisation") or {}
    if organisation.get("code") in (None, "ooo", "unknown"):
        return ("Det går bra. Då skickar jag inget till en rådgivare. Du kan också ansöka själv på nysteget.se. "
                "Ändrar du dig kan du skriva \"prata med en rådgivare\".")
    return (f"Det går bra. Då skickar jag inget till en rådgivare hos oss. Lycka till hos {organisation['name_sv']}! "
            "Ändrar du dig kan du skriva \"prata med en rådgivare\".")


class ActionHandoff(Action):
    """The end of the flow: hand the case to an advisor (only with consent)."""

    def name(self) -> str:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("consent") is not True:
            dispatcher.utter_message(text=NO_CASE_WITHOUT_CONSENT)
            return []
        if tracker.get_slot("contact_declined") and not tracker.get_slot("handoff_requested"):
            dispatcher.utter_message(text=contact_declined_text(tracker.get_slot("eligibility")))
            return []
        from actions.handoff import deliver_case
        reference = deliver_case(tracker)
        complete = not tracker.get_slot("handoff_requested")
        if reference:
            text = (f"Tack! Jag har skickat det du berättat till en rådgivare. Ditt ärendenummer är "
                    f"{reference} – spara det om du vill fråga om ditt ärende.")
        else:
            text = ("Tack! Det du berättat är sparat. Vårt ärendesystem svarar inte just nu, så det "
                    "skickas till en rådgivare automatiskt så snart det går – du behöver inte göra "
                    "något mer.")
        text += (f" En rådgivare kontaktar dig inom en vecka. Kom ihåg att bedömningen är preliminär – "
                 f"{who_decides(tracker.get_slot('eligibility'))}.")
        dispatcher.utter_message(text=text)
        return [SlotSet("case_reference", reference or "pending"), SlotSet("complete", complete)]


class ActionAskDelete(Action):
    """"Radera mina uppgifter" is asked back before anything is erased: deletion cannot be
    undone, and "radera det jag sa om lönen" usually means one answer, not the conversation.
    The reply is handled by the rules that follow this action (data/rules/core.yml)."""

    def name(self) -> str:
        return "action_ask_delete"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        reference = tracker.get_slot("case_reference")
        text = "Vill du att jag raderar allt du har berättat i det här samtalet? Det går inte att ångra."
        if reference and reference != "pending":
            text += f" Ditt ärende {reference} dras då tillbaka, och ingen rådgivare kontaktar dig."
        elif reference:
            text += " Det du skickat till en rådgivare dras då tillbaka."
        buttons = [{"title": "Ja, radera allt", "payload": "/affirm"}]
        if not reference and tracker.get_slot("consent"):
            buttons.append({"title": "Nej, jag vill ändra ett svar", "payload": "/correct"})
        buttons.append({"title": "Nej, fortsätt", "payload": "/deny"})
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class ActionExplainQuestion(Action):
    """"Vad menar du?" in a form: what the open question means and why it is asked
    (utter_explain_<slot> in domain.yml); the rule then asks the question again."""

    def name(self) -> str:
        return "action_explain_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        asked = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        dispatcher.utter_message(response=f"utter_explain_{asked}" if asked else "utter_explain_nothing_asked")
        return []


class ActionDeleteData(Action):
    """"Radera mina uppgifter": withdraw the case and forget the conversation."""

    def name(self) -> str:
        return "action_delete_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        from actions.handoff import request_deletion
        request_deletion(tracker.sender_id)  # confirmed now or delivered later by the outbox
        dispatcher.utter_message(text=(
            "Jag har raderat det du berättat i det här samtalet, och ett ärende som redan skickats "
            "till en rådgivare tas bort. Du kan börja om när du vill."))
        # Tells the website to start a new conversation; bot/tracker_store.py erases this one.
        dispatcher.utter_message(json_message={"conversation_deleted": True})
        return [ActiveLoop(None), AllSlotsReset(), Restarted()]
