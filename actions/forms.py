"""Form validation for the four forms: read the answer to the question just asked, say what we
expected when it cannot be read, and pick the next question (actions/flow.py).

Slots have custom mappings, so Rasa fills nothing by itself; this action does. Returning no
slot event for a new message means "not an answer": Rasa then lets the dialogue rules handle
it (an FAQ, "är du en bot?") and the form asks its question again afterwards.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from babel.lists import format_list
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import flow
from actions.corrections import (CHANGE_QUESTION, CHANGED, changed_said, clear, direct_correction, redo_text,
                                 slots_to_correct)
from actions.faq_lookup import faq_for, faq_from_parse, selected_faq
from actions.parsing import (ASSIGNMENT_NOTE, GUIDANCE_SLOTS, HOURLY_NOTE, INTERPRETERS, OWN_BUSINESS, LEAVE_SAID_SV,
                             NAME_SLOTS, SAY_WRONG, STUDY_GOAL, UNKNOWN, UNKNOWN_ALLOWED, Answer, Filled, Miss, Reply,
                             after_leading_no, answer_beside_question, assignment_ended, category_from_story,
                             date_said, employment_told_beside, hourly_ended, kind_miss, leave_told, let_go, length_sv,
                             occupation_from_story, opening_end, opening_slots, options_question, pause_asked,
                             plans_own_business, question_beside, sector_from_story, strain_ack, wants_to_study_for,
                             weekly_hours_told)
from bot.language import looks_english

NOT_FRESH = {"action_listen", "action_extract_slots"}
# Questions answered with a story, and what else a story tells that later questions ask.
TELLING_SLOTS = {"situation", "termination_reason", "termination_initiated_by", "guidance_mode"}
ALSO_TOLD = {"employer_name", "employer_sector", "employment_start", "employment_start_months", "employment_end", "age",
             "guidance_mode", "outward_options", "collective_agreement", "employment_hours_per_week"}
MISSES_BEFORE_BUTTONS = 2
_CORRECT_HINT = "Skriv \"det blev fel\""
HUMAN_BUTTON = {"title": "Prata med en rådgivare", "payload": "/request_human"}
DONT_KNOW_BUTTON = {"title": "Vet inte", "payload": "/dont_know"}
CONSENT_OPEN = "consent_open"  # asked_again: the consent question waits while questions are asked
TOLD_WORK = "told_work"  # asked_again: the occupation was told before "Berätta om dig" (domain.yml)


def application_date() -> date:
    return date.today()


def frame_text(today: date) -> str:
    from rules_bridge.texts_sv import MONTH_NAMES
    index = today.year * 12 + today.month - 1 - 24
    return f"sedan {MONTH_NAMES[index % 12]} {index // 12}"


def answers_fresh_message(tracker: Tracker, form: str) -> bool:
    """True when the last thing that happened is the person's message (not an FAQ answer that
    the form is now returning from)."""
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return True
        if kind == "action" and event.get("name") not in NOT_FRESH | {form}:
            return False
    return False


def replies_to_delete_question(tracker: Tracker) -> bool:
    """True for "ja"/"nej" right after "Vill du att jag raderar allt …?": that reply belongs
    to the deletion rules, not to the question the form had asked before it. Asked only of a
    fresh message (answers_fresh_message), so the last action other than listening and slot
    extraction is the bot's turn before it."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    if intent not in ("affirm", "deny"):
        return False
    before = tracker.get_last_event_for("action", exclude=list(NOT_FRESH))
    return before is not None and before.get("name") == "action_ask_delete"


def replies_to_change_question(tracker: Tracker) -> bool:
    """True for the message right after "Vad vill du ändra?" (action_correct, which then listens
    instead of putting the form's question under it)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return event.get("text") == CHANGE_QUESTION
    return False


def answer_from(tracker: Tracker, today: date) -> Answer:
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    return Answer(text=message.get("text") or "", intent=intent.get("name"),
                  confidence=float(intent.get("confidence") or 0.0),
                  entities=list(message.get("entities") or []), today=today,
                  slots=dict(tracker.slots))


def message_faq(tracker: Tracker) -> str | None:
    """The FAQ answer Rasa chose for the whole message ("faq/cost"), when its intent was faq."""
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") != "faq":
        return None
    return selected_faq(message)[0]


def messages_so_far(tracker: Tracker, today: date) -> list[Answer]:
    """The person's messages since the conversation (re)started: an FAQ question first ("jag
    jobbar som barnskötare, kan jag få studiestöd?") may have said more than the message that
    starts the questions."""
    answers: list[Answer] = []
    for event in reversed(tracker.events):
        if event.get("event") in ("restart", "session_started"):
            break
        if event.get("event") == "user":
            parse = event.get("parse_data") or {}
            intent = parse.get("intent") or {}
            answers.append(Answer(text=event.get("text") or "", intent=intent.get("name"),
                                  confidence=float(intent.get("confidence") or 0.0),
                                  entities=list(parse.get("entities") or []), today=today))
    return answers[::-1]


def said_study_goal(tracker: Tracker) -> bool:
    """An earlier message named the goal as studies ("jag vill plugga till sjuksköterska"): the
    goal question is then "stanna i branschen eller byta?" and is read that way."""
    return any(wants_to_study_for(a.text) for a in messages_so_far(tracker, application_date()))


# FAQ answers about the study support, which CSN gives from the year one turns 27 (eligibility.md 2.7).
_STUDY_SUPPORT_FAQS = {"faq/what_is_omstallningsstudiestod", "faq/what_is_yttrande"}


def faq_note(faq: str, s: dict[str, Any]) -> str | None:
    """What the person's own answers make personal in an FAQ answer: someone of 24 who asks about
    omställningsstudiestöd hears that it is years away for them, not only the general rule."""
    age = s.get("age")
    if faq == "faq/age_limit" and isinstance(age, int):
        return _age_limit_note(age)
    if faq not in _STUDY_SUPPORT_FAQS or not isinstance(age, int):
        return None
    if 16 <= age <= 25:
        return (f"Du skrev att du är {age} år. Omställningsstudiestöd kan man få från det år man fyller 27, så för "
                "dig blir det aktuellt om några år. Rådgivaren kan berätta om andra sätt att få stöd under studier.")
    from rules_bridge import PARAMETERS
    last = PARAMETERS.at("csn_age_window", application_date())["last_year_turns"]
    if age > last:  # turned at least last + 1 this year (CSN's window, eligibility.md 2.7)
        return (f"Du skrev att du är {age} år. Omställningsstudiestöd kan man få till och med det år man fyller "
                f"{last}, så det stödet kan du inte få längre. Rådgivaren kan berätta vad du kan få i stället.")
    return None


def _age_limit_note(age: int) -> str | None:
    """"hinner jag få stöd innan pensionen?" from someone who said 61: the age limits for them."""
    from rules_bridge import PARAMETERS
    today = application_date()
    limit = PARAMETERS.at("age_limit", today)
    window = PARAMETERS.at("csn_age_window", today)
    if age >= limit:
        return (f"Du skrev att du är {age} år. Stödet ges inte till den som har fyllt {limit}, så det kan du "
                f"tyvärr inte få. Rådgivaren kan berätta vart du kan vända dig i stället.")
    if age < window["first_year_turns"] - 1:
        return (f"Du skrev att du är {age} år. Åldern hindrar inte rådgivning och vägledning, men "
                f"omställningsstudiestöd kan du söka först från det år du fyller {window['first_year_turns']}.")
    if age > window["last_year_turns"]:  # turned at least last + 1 this year
        return (f"Du skrev att du är {age} år. Rådgivning och vägledning kan du ansöka om innan du fyller "
                f"{limit}, men omställningsstudiestöd kan du inte få längre.")
    if age >= limit - 10:
        return (f"Du skrev att du är {age} år, så du hinner: rådgivning och vägledning kan du ansöka om innan du "
                f"fyller {limit}, och omställningsstudiestöd till och med det år du fyller {window['last_year_turns']}.")
    return None


CHECK_UNDER_WAY = ("Det är just det vi tar reda på nu. När frågorna är klara får du veta vilket stöd du troligen "
                   "kan få och var du ansöker.")


def personal_faq_note(tracker: Tracker, faq: str, answer: Answer) -> str | None:
    """What the FAQ answer means for this person, from the question itself ("10-15 timmar i veckan.
    räcker det?", "… om jag är 25?") or an age already given."""
    if faq == "faq/work_requirement" and (told := weekly_hours_told(answer)):
        from actions.eligibility import hours_note  # it imports this module
        return hours_note(*told, answer.today)
    age = opening_slots(answer).get("age") or tracker.get_slot("age")
    return faq_note(faq, {"age": age}) if age else None


# Folded. A self-employed person's business closing: "måste lägga ner", "avvecklar firman".
_BUSINESS_CLOSING = re.compile(r"\b(lagga|lagger|lagt|la|stanga|stanger|stangt) (ner|ned|igen)\b|\bavveckl|\bkonkurs|"
                               r"\bsluta med (firman|foretaget|salongen|rorelsen)\b|\bsalja (firman|foretaget|salongen)\b")


def said_business_closing(tracker: Tracker) -> bool:
    """An earlier message said the own business is closing: "stanna i min roll" is no goal then."""
    return any(_BUSINESS_CLOSING.search(a.folded) for a in messages_so_far(tracker, application_date()))


class FormValidation(Action):
    """One class for the four forms; `form` names which."""
    form = ""

    def name(self) -> str:
        return f"validate_{self.form}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        slots = dict(tracker.slots)
        updates: dict[str, Any] = {}
        next_told: dict[str, Any] = {}
        asked = slots.get("requested_slot")
        today = application_date()
        if slots.get("frame_text") is None:
            updates["frame_text"] = frame_text(today)
        if asked and answers_fresh_message(tracker, self.form):
            if replies_to_delete_question(tracker):
                return []  # the deletion rules take it
            answer = answer_from(tracker, today)
            if not answer.is_payload and asked not in NAME_SLOTS and looks_english(answer.text):
                # The chat has said it speaks only Swedish (api/chat.py): the message is not read as an
                # answer, nor thanked for as a story, and the question comes again. A name ("Best
                # Western Hotel") may well be English.
                updates.update({asked: None, "asked_again": True})
                return self._next(dispatcher, slots, updates, asked, None, tracker)
            pause = pause_asked(answer)
            if pause:
                # "vänta lite", "kan jag fortsätta senare?": met, and the question waits for the answer.
                dispatcher.utter_message(text=pause)
                updates.update({asked: None, "asked_again": True})
                return self._next(dispatcher, slots, updates, asked)
            if replies_to_change_question(tracker) and answer.intent != "correct":
                changed = direct_correction(answer)
                if changed:  # "jag är tjänsteman": the right answer is taken as it is
                    dispatcher.utter_message(text=changed_said(changed))
                    updates.update({**changed, asked: None, "asked_again": None})
                    return self._next(dispatcher, slots, updates, asked)
                topic = slots_to_correct(answer)
                if topic or not answer.is_digression:
                    return self._change(dispatcher, slots, updates, topic)
            if (fixed := said_back_fixed(tracker, answer, asked, self.form)) is not None:
                # "det blev fel, 2025" right after "Då skriver jag juni 2026": that answer, not this one.
                text, changed = fixed
                dispatcher.utter_message(text=text)
                # The current question comes again in its short form; an answer cleared is asked in full.
                again = None if None in changed.values() else True
                updates.update({**changed, asked: None, "asked_again": again})
                return self._next(dispatcher, slots, updates, asked)
            if asked == "forward_goal" and said_study_goal(tracker):
                answer.slots["asked_again"] = STUDY_GOAL
            elif asked == "forward_goal" and plans_own_business(slots):
                answer.slots["asked_again"] = OWN_BUSINESS  # asked as "samma bransch eller en annan?"
            result = INTERPRETERS[asked](answer)
            read_as_question = result is None
            if result is None and asked != "consent":  # consent must be plain: asked back first
                result = answer_beside_question(asked, answer)
            if result is None:
                return []  # not an answer: let the rules handle the digression
            if isinstance(result, Reply):
                dispatcher.utter_message(response=result.response)
                updates.update({asked: None, "asked_again": True})  # asked again, not a miss
            elif isinstance(result, Miss) and asked != "consent" and not answer.is_payload and answer.is_question \
                    and (answer.intent == "check_eligibility"
                         or answer.intent == "faq" and faq_from_parse(tracker.latest_message or {})):
                # "kan jag få omställningsstudiestöd?", "har jag rätt till stöd?" in the middle of the
                # questions: asked, not answered. The FAQ it names if one does; else what the questions are for.
                # Read as an FAQ with too little confidence to be a digression, it is still that FAQ.
                faq = faq_from_parse(tracker.latest_message or {})
                if faq:
                    dispatcher.utter_message(response=f"utter_{faq}")
                    if note := personal_faq_note(tracker, faq, answer):
                        dispatcher.utter_message(text=note)
                else:
                    dispatcher.utter_message(text=CHECK_UNDER_WAY)
                updates.update({asked: None, "asked_again": True})  # asked again, not a miss
            elif isinstance(result, Miss) and not answer.is_payload and (told := told_out_of_turn(asked, answer, slots)):
                # "den tar slut sista december" at "Vad vill du helst ha hjälp med?": not a miss, but
                # a fact a later question would ask. Kept, said back, and the question asked again.
                updates.update({**told, asked: None, "asked_again": True})
                said = f"Tack, då skriver jag {job_told_said(told)}. {SAY_WRONG}" if asked in JOB_SLOTS \
                    else opening_ack(told, lead="Tack, då skriver jag")
                dispatcher.utter_message(text=str(said))
            elif isinstance(result, Miss):
                result = kind_miss(asked, answer, result)
                updates.update(self._miss(dispatcher, slots, asked, result.hint, result.lead,
                                          result.offer_human))
                updates.update(result.remember)
                faq = await faq_for(result.question) if result.question else None
                if faq:
                    dispatcher.utter_message(response=f"utter_{faq}")
                    if note := faq_note(faq, {**slots, **updates}):
                        dispatcher.utter_message(text=note)
            else:
                filled = dict(result.slots)
                if asked in TELLING_SLOTS and not answer.is_payload:
                    # "uppsagd pga arbetsbrist från Lidl" at the situation question: the
                    # employer, age or last day told with it are not asked later.
                    told = opening_slots(answer)
                    filled.update({k: v for k, v in told.items()
                                   if k in ALSO_TOLD and k not in filled and slots.get(k) is None})
                if asked == "termination_reason" and filled.get("termination_reason") == "shortage_of_work" \
                        and "termination_initiated_by" not in filled \
                        and any(let_go(m.folded) for m in messages_so_far(tracker, today)):
                    # "fick sparken från ikea" told before, "arbetsbrist" now: the employer's doing.
                    filled["termination_initiated_by"] = "employer"
                say, buttons = filled.pop("_say", None), filled.pop("_buttons", [])
                next_told = filled.pop("_next_told", {})
                if asked == "situation" and not answer.is_payload and say is None \
                        and filled.get("situation") not in (None, "other") and (phrase := situation_said(filled)):
                    # Typed, not chosen: "de sa att anställningen slutar" is said back as read, since
                    # uppsagd or visstid decides which questions and which support follow.
                    # What was told with it (arbetsbrist, the last day, no agreement) is said back too.
                    acked = filled
                    if (before := turn_before(tracker))[0] == "situation" and not before[2]:
                        # The story came a turn before, at the situation question ("sjuksköterska i
                        # Region Uppsala, sjukskriven …"), and was asked about, not said back: now it is.
                        acked = {**{k: v for k, v in before[1].items() if v is not None}, **filled}
                    say = opening_ack(acked, lead="Då skriver jag") or f"Då skriver jag att {phrase}. {SAY_WRONG}"
                if asked == "had_skippable" and filled.get("had_skippable") is True and "skippable_type" not in filled \
                        and not slots.get("skippable_periods") \
                        and (kind := leave_told(messages_so_far(tracker, today)[:-1])):
                    # "jag var föräldraledig hela förra året" in the opening, then "ja": not asked again.
                    filled["skippable_type"] = kind
                    say = f"Du har berättat att du har varit {LEAVE_SAID_SV[kind]}, så jag skriver det. {SAY_WRONG}"
                problem = inconsistency(slots, filled, asked)
                if problem:
                    updates.update(self._miss(dispatcher, slots, asked, problem))
                else:
                    if asked == "consent" and filled.get("consent") is True:
                        # What was told while the consent question waited (beside an FAQ
                        # question, say) is kept too, as the opening message is.
                        updates.update(self._prefill(tracker))
                    updates.update(filled)
                    known = {**slots, **updates}
                    from_story = []
                    if asked == "employer_name" and known.get("employer_sector") is None:
                        # "ekonomiassistent på ett byggföretag" told in the story: not asked again.
                        company = sector_from_story([m.text for m in messages_so_far(tracker, today)])
                        if company:
                            updates["employer_sector"] = known["employer_sector"] = "private"
                            where = "inom" if company == "privat sektor" else "på"
                            from_story.append(f"Du har berättat om ditt jobb {where} {company}, så jag skriver att "
                                              f"arbetsgivaren är privat.")
                    if asked in ("employer_name", "employer_sector") and known.get("employer_sector") == "private" \
                            and known.get("worker_category") is None:
                        # "jobbar som undersköterska" told earlier: the category is not asked. Only
                        # as the sector becomes known, so a corrected category is asked, not refilled.
                        found = category_from_story([m.text for m in messages_so_far(tracker, today)])
                        if found:
                            updates["worker_category"] = found[0]
                            said = "arbetare" if found[0] == "blue_collar" else "tjänsteman"
                            from_story.append(f"Du har berättat {found[1]}, så jag skriver att du är {said}.")
                    if asked in JOB_SLOTS and not answer.is_payload:
                        beside = {k: v for k, v in employment_told_beside(answer, asked).items()
                                  if known.get(k) is None}
                        if beside:  # "sen 2018, heltid": the hours are not asked next
                            updates.update(beside)
                            known.update(beside)
                            from_story.append(f"Jag skriver också {job_told_said(beside)}.")
                    if from_story:
                        # One "det blev fel" at the end, also where the answer's own say-back had one.
                        head = say.split(_CORRECT_HINT, 1)[0].strip() if say else None
                        several = bool(head) or len(from_story) > 1
                        closing = f"{_CORRECT_HINT} om {'något' if several else 'det'} inte stämmer."
                        say = " ".join(part for part in (head, *from_story, closing) if part)
                    strain = None
                    if asked == "consent":
                        told_before = messages_so_far(tracker, today)
                        # Why "visstidsanställning" is said back to someone who told of hourly work.
                        hourly = known.get("situation") == "fixed_term_ended" \
                            and any(hourly_ended(m.folded) for m in told_before)
                        # "uppdraget tog slut": why the situation is asked after all.
                        assignment = known.get("situation") is None \
                            and any(assignment_ended(m.folded) for m in told_before)
                        say = opening_ack({**slots, **updates}, HOURLY_NOTE if hourly else
                                          ASSIGNMENT_NOTE if assignment else None)
                        strain = strain_ack(told_before)
                    if say:
                        dispatcher.utter_message(text=say, buttons=buttons)
                    if strain:
                        dispatcher.utter_message(text=strain)
                    # "uppsagd från lagret, kan jag få csn om jag pluggar?" answers the question
                    # asked and asks one: the FAQ answers it before the next question comes.
                    beside = None if answer.is_payload else question_beside(answer)
                    # In the guidance questions, "hur lång är den utbildningen?" is about
                    # educations (the outward phase's answer), not the support's FAQ.
                    options = options_question(Answer(beside, None, 0.0, [], today)) \
                        if beside and asked in GUIDANCE_SLOTS else None
                    faq = await faq_for(beside) if beside and not options else None
                    if beside and not faq and read_as_question:
                        faq = message_faq(tracker)  # what the digression rule would have answered
                    if options:
                        dispatcher.utter_message(response=options.response)
                    elif faq:
                        dispatcher.utter_message(response=f"utter_{faq}")
                        if note := faq_note(faq, {**slots, **updates}):
                            dispatcher.utter_message(text=note)
                    elif beside and answer.intent == "clarify":
                        # "mars 2019, varför behöver ni veta det?": the answer and why it was asked
                        dispatcher.utter_message(response=f"utter_explain_{asked}")
                    updates.setdefault(asked, None)
                    updates["miss_count"] = None
                    updates.setdefault("asked_again", None)  # an interpreter may say how to ask next
        elif asked is None:
            updates.update(self._prefill(tracker))
        elif asked == "consent" and slots.get("asked_again") is True:
            # Questions in a row before consent: the consent question asked in full after each one
            # reads as pressing; from the second on it is a line and its buttons (domain.yml).
            updates["asked_again"] = CONSENT_OPEN
        elif not slots.get("asked_again"):
            # Back from a digression (an FAQ answered, "är du en robot?"): the question once more,
            # in its short form where it has one. A reason already kept in asked_again stays.
            updates["asked_again"] = True
        return self._next(dispatcher, slots, updates, asked, next_told, tracker)

    def _next(self, dispatcher: CollectingDispatcher, slots: dict[str, Any], updates: dict[str, Any],
              asked: str | None, next_told: dict[str, Any] | None = None,
              tracker: Tracker | None = None) -> list[EventType]:
        """The answer's bookkeeping and the next question. `next_told`: the next employment's or
        leave's answers, told with the yes to "fler …?", set once the loop has begun it."""
        slots.update(updates)
        updates.update(after_answer(slots, asked))
        updates.update(next_told or {})
        slots.update(updates)
        goes_on = employment_goes_on(slots.get("employment_end"))
        if slots.get("employment_goes_on") != goes_on:
            updates["employment_goes_on"] = slots["employment_goes_on"] = goes_on
        updates["requested_slot"] = flow.next_slot(self.form, slots)
        if updates["requested_slot"] == "worker_category" and asked != "worker_category" and tracker is not None \
                and slots.get("employer_sector") == "private" and not _was_asked(tracker, "worker_category"):
            # The sector known from the opening ("jobbar i kassan på ica"): the category told there
            # too is not asked. Asked once, a "vet inte" or a correction is not refilled.
            found = category_from_story([m.text for m in messages_so_far(tracker, application_date())])
            if found:
                said = "arbetare" if found[0] == "blue_collar" else "tjänsteman"
                dispatcher.utter_message(text=f"Du har berättat {found[1]}, så jag skriver att du är {said}. "
                                              f"{_CORRECT_HINT} om det inte stämmer.")
                updates["worker_category"] = slots["worker_category"] = found[0]
                updates["requested_slot"] = flow.next_slot(self.form, slots)
        if updates["requested_slot"] == "inward_who" and asked != "inward_who" and tracker is not None:
            # "Jag jobbar som barnskötare …" told at the start: "vad har du jobbat med?" would not
            # have listened. Said back, and asked for more instead (utter_ask_inward_who).
            occupation = occupation_from_story([m.text for m in messages_so_far(tracker, application_date())])
            if occupation:
                dispatcher.utter_message(text=f"Du har berättat {occupation}.")
                updates["asked_again"] = TOLD_WORK
        if self.form == "work_form" and asked is None and updates["requested_slot"] not in (None, "age"):
            # utter_ask_age carries the introduction; without that question it is said here.
            dispatcher.utter_message(response="utter_work_intro")
        return [SlotSet(key, value) for key, value in updates.items()]

    def _change(self, dispatcher: CollectingDispatcher, slots: dict[str, Any], updates: dict[str, Any],
                topic: tuple[str, ...] | None) -> list[EventType]:
        """The typed reply to "Vad vill du ändra?" ("arbetsgivaren", "åldern"): the topic's answers
        are asked again. No topic: the form's question comes, as it had not been asked."""
        asked = slots["requested_slot"]
        if topic:
            cleared = clear(topic)
            dispatcher.utter_message(text=redo_text(self.form, {**slots, asked: None}, cleared))
            updates.update(cleared)
        updates.setdefault(asked, None)  # counted as answered, so the form asks its question
        updates["asked_again"] = None
        return self._next(dispatcher, slots, updates, asked)

    @staticmethod
    def _miss(dispatcher: CollectingDispatcher, slots: dict[str, Any], asked: str,
              hint: str, lead: str | None = None, offer_human: bool = False) -> dict[str, Any]:
        count = int((slots.get("miss_count") or {}).get(asked, 0)) + 1
        buttons: list[dict[str, str]] = []
        text = f"{lead or 'Det förstod jag inte riktigt.'} {hint}".strip()
        if offer_human and count < MISSES_BEFORE_BUTTONS:
            buttons = [HUMAN_BUTTON]
            text += " Du kan också välja att prata med en rådgivare."
        elif count >= MISSES_BEFORE_BUTTONS:
            # In the contact questions the way to an advisor is already being taken: no button for it.
            buttons = ([DONT_KNOW_BUTTON] if asked in UNKNOWN_ALLOWED else []) + \
                ([] if asked in flow.CONTACT_SLOTS else [HUMAN_BUTTON])
            text += " Du kan också välja nedan." if buttons else ""
        dispatcher.utter_message(text=text, buttons=buttons)
        # The slot itself is set to None so Rasa counts this as an answer and asks again.
        # `asked_again` lets a question drop its introduction when it is repeated (domain.yml).
        return {asked: None, "miss_count": {asked: count}, "asked_again": True}

    def _prefill(self, tracker: Tracker) -> dict[str, Any]:
        """What the opening message already said ("jag vill kolla om jag har rätt till stöd",
        "hej, jag har blivit uppsagd pga arbetsbrist"): not asked again after consent."""
        if self.form != "situation_form":
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            return {"guidance_mode": "check"} if intent == "check_eligibility" else {}
        said: dict[str, Any] = {}
        for answer in messages_so_far(tracker, application_date()):  # later messages win
            said.update(opening_slots(answer))
        return {name: value for name, value in said.items() if tracker.get_slot(name) is None}


_SITUATION_SAID = {"employed": "du har en anställning", "terminated": "du är uppsagd",
                   "terminated_illness": "du är uppsagd på grund av sjukdom",
                   "fixed_term_ended": "din visstidsanställning tar slut",
                   "self_employed": "du är egenföretagare", "other": "annan situation"}
_NOTICE_SAID = {"coming": "du ska sägas upp", "warned": "du är varslad om uppsägning"}


def situation_said(s: dict[str, Any]) -> str | None:
    """The situation as the person is told it back: "du ska sägas upp" while the notice is coming."""
    situation = s.get("situation")
    pending = _NOTICE_SAID.get(s.get("notice_pending") or "") if situation in ("terminated", "terminated_illness") \
        else None
    if pending:
        return pending + (" på grund av sjukdom" if situation == "terminated_illness" else "")
    if situation == "terminated" and s.get("termination_reason") == "own_resignation":
        return "du har sagt upp dig själv"  # not "uppsagd", which is the employer's doing
    end = s.get("employment_end")
    if situation == "fixed_term_ended" and end not in (None, "ongoing", "unknown") \
            and end < application_date().isoformat():
        return "din visstidsanställning har tagit slut"
    return _SITUATION_SAID.get(situation or "")


def opening_ack(s: dict[str, Any], note: str | None = None, lead: str = "Tack! Jag har uppfattat") -> str | None:
    """After consent, say what was taken from the opening message, so a misreading is seen
    (and "det blev fel" corrects it) rather than silently skipping the questions."""
    parts = []
    phrase = situation_said(s) if s.get("situation") != "other" else None
    if note == HOURLY_NOTE and phrase == _SITUATION_SAID["fixed_term_ended"]:
        phrase = "din visstidsanställning har tagit slut"  # the shifts have stopped: it is over
    if phrase:
        if s["situation"] == "terminated" and s.get("termination_reason") == "shortage_of_work":
            phrase += " på grund av arbetsbrist"
        elif s["situation"] in ("employed", "self_employed") and s.get("reduced_capacity"):
            phrase += " men att din hälsa påverkar hur du kan jobba"  # the sick leave was heard
        parts.append(phrase)
    if s.get("age"):
        parts.append(f"du är {s['age']} år")
    end = s.get("employment_end")
    if end not in (None, "ongoing", "unknown"):
        from rules_bridge.texts_sv import MONTH_NAMES, date_sv
        coming = end >= application_date().isoformat()
        day = date.fromisoformat(end)
        # "tog slut i augusti" is stored as its last day: "i slutet av augusti", not a day never said.
        when = f"i slutet av {MONTH_NAMES[day.month - 1]} {day.year}" if _month_end(day) else date_sv(end)
        if s.get("situation") == "fixed_term_ended" and phrase in parts:
            # "din visstidsanställning tar slut 15 januari 2027", not the ending said twice
            parts[parts.index(phrase)] = f"din visstidsanställning {'tar' if coming else 'tog'} slut {when}"
        else:
            parts.append(f"anställningen {'slutar' if coming else 'slutade'} {when}")
    if s.get("employer_name"):
        parts.append(f"din arbetsgivare är {s['employer_name']}")
    elif s.get("employer_sector") in _SECTOR_SAID:
        parts.append(f"din arbetsgivare är {_SECTOR_SAID[s['employer_sector']]}")
    if s.get("collective_agreement") in ("yes", "no"):
        has = "har" if s["collective_agreement"] == "yes" else "inte har"
        if parts and parts[-1].startswith("din arbetsgivare är"):
            parts[-1] += f" och {has} kollektivavtal"  # one phrase for the employer
        else:
            parts.append(f"arbetsgivaren {has} kollektivavtal")
    start = s.get("employment_start")
    months = s.get("employment_start_months")
    over = end not in (None, "ongoing", "unknown") and end < application_date().isoformat()
    # "där" needs an employer said before it; without one, it is the job one has had.
    there = any(re.search(r"arbetsgivare|anställning", p) for p in parts)
    worked = ("jobbade där" if over else "har jobbat där") if there else ("hade jobbet" if over else "har haft jobbet")
    if isinstance(months, (int, float)) and months > 0:  # told as a length, said back as one
        parts.append(f"du {worked} i {length_sv(months)}")
    elif start not in (None, "unknown"):
        parts.append(f"du {worked} {'från' if over else 'sedan'} {since_sv(start)}")
    hours = s.get("employment_hours_per_week")
    if isinstance(hours, (int, float)):
        if parts and parts[-1].startswith(("du jobbade ", "du har jobbat ", "du hade jobbet", "du har haft jobbet")):
            parts[-1] += f", {hours:g} timmar i veckan"  # "du jobbade där i två år, 20 timmar i veckan"
        else:
            parts.append(f"du {'jobbade' if over else 'jobbar'} {hours:g} timmar i veckan")
    if s.get("outward_options"):
        plan = str(s["outward_options"])
        # "du vill starta eget företag", "du vill bli elektriker"
        studies = re.search(r"\b(på|pa|via|inom) (yh|komvux|universitet\w*|högskola\w*|hogskola\w*|folkhögskola\w*|"
                            r"folkhogskola\w*|distans|en utbildning|yrkeshögskola\w*|yrkeshogskola\w*)\b", plan, re.I)
        parts.append(f"du vill {plan}" if plan.startswith(("starta ", "gå i "))
                     else f"du vill utbilda dig till {plan}" if studies else f"du vill bli {plan}")
    if not parts:
        return None
    if s.get("guidance_mode") == "check":
        parts.append("du vill se vilket stöd du kan få")  # why no career questions come next
    elif s.get("guidance_mode") == "explore" and not s.get("outward_options"):
        parts.append("du vill fundera på vad du vill göra framöver")  # why "Vad vill du ha hjälp med?" is not asked
    # "att A, att B och att C": a list, not a chain of "och att".
    told = format_list([f"att {part}" for part in parts], locale="sv")
    return f"{lead} {told}.{' ' + note if note else ''} {SAY_WRONG}"


_SECTOR_SAID = {"private": "privat", "municipality": "en kommun", "region": "en region", "state": "en statlig myndighet"}


def told_out_of_turn(asked: str, answer: Answer, slots: dict[str, Any]) -> dict[str, Any]:
    """Facts a later question asks, told in an answer that does not answer the one asked: the
    age, the employer, the job's last day."""
    if asked in JOB_SLOTS:
        # "heltid, 40 tim" at "När började du?": the same job's hours, asked a question later.
        return {k: v for k, v in employment_told_beside(answer, asked).items() if slots.get(k) is None}
    loops = (*flow.EMPLOYMENT_SLOTS, *flow.SKIPPABLE_SLOTS, "more_employments", "had_skippable", "more_skippable")
    if asked == "consent" or asked in loops or slots.get("employments"):
        # Consent keeps a story its own way; within the loops, a date belongs to the employment or
        # leave being asked about.
        return {}
    told = {k: v for k, v in opening_slots(answer).items() if k in ALSO_TOLD and k != asked and slots.get(k) is None}
    if slots.get("situation") in flow.TERMINATED and slots.get("employment_end") is None \
            and asked != "employment_end":
        told.update(opening_end(answer))
    told.pop("guidance_mode", None)  # a way of helping is chosen, not inferred here
    return told


# The questions about one job whose answers may carry another's ("sen 2018, heltid").
JOB_SLOTS = ("employment_start", "employment_end", "employment_hours_per_week")


def job_told_said(told: dict[str, Any]) -> str:
    """"40 timmar i veckan", "att du började där i mars 2019": what employment_told_beside kept."""
    parts = []
    if told.get("employment_start"):
        said = since_sv(told["employment_start"])
        parts.append(f"att du började där {'år ' if said.isdigit() else 'den ' if said[0].isdigit() else 'i '}{said}")
    if isinstance(told.get("employment_hours_per_week"), (int, float)):
        parts.append(f"{told['employment_hours_per_week']:g} timmar i veckan")
    return " och ".join(parts)


def since_sv(iso: str, today: date | None = None) -> str:
    """'2012-01-01' → '2012', '2019-03-01' → 'mars 2019', else the day: a stored start has lost its
    precision, so it is read back from the day (the first of January or of a month). This year's
    first of January is 'januari': "sedan januari" is said, "sedan 2026" hardly in 2026."""
    value = date.fromisoformat(iso)
    this_year = value.year == (today or application_date()).year
    precision = "year" if (value.month, value.day) == (1, 1) and not this_year else "month" if value.day == 1 else "day"
    return date_said(value, precision)


# A turn's bookkeeping, set beside the answers it says back.
_BOOKKEEPING = {"requested_slot", "miss_count", "asked_again", "frame_text", "employment_goes_on", "summary_confirmed"}
_DATE_SLOTS = {"employment_start", "employment_end", "skippable_start", "skippable_end", "previous_support_decision_date"}
# Folded. "det blev fel", "nej, fel": a correction's lead; what follows it may be the right value.
_CORRECTION_LEAD = re.compile(r"^(nej,? |nae,? )?(det )?(blev|ar|var) (lite )?fel\b|^(nej,? )?fel\b")
# Folded. The rest of "det blev fel, 2025": only another year.
_ONLY_YEAR = re.compile(r"^(det (var|ar|ska vara) |aret |ar |i )?((?:19|20)\d\d)( ska det vara| var det)?[.!]?$")


def turn_before(tracker: Tracker) -> tuple[str | None, dict[str, Any], bool]:
    """The bot's turn before this message: the question it took an answer to, the answers set
    then, and whether it said them back ("Då skriver jag juni 2026. Skriv "det blev fel" …")."""
    users, said, answers, asked_then = 0, False, {}, None
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            users += 1
            if users == 2:
                continue
        elif users == 1 and kind == "bot" and _CORRECT_HINT in (event.get("text") or ""):
            said = True
        elif users == 1 and kind == "slot" and event.get("name") not in _BOOKKEEPING:
            answers.setdefault(event["name"], event.get("value"))
        elif users == 2 and kind == "slot" and event.get("name") == "requested_slot":
            asked_then = event.get("value")
            break
        if kind in ("restart", "session_started"):
            break
    return asked_then, answers, said


def said_back_before(tracker: Tracker) -> tuple[str | None, dict[str, Any]]:
    """The question and the answers of the turn before, where it said them back; else (None, {})."""
    asked_then, answers, said = turn_before(tracker)
    return (asked_then, answers) if said and asked_then else (None, {})


def _month_end(value: date) -> bool:
    """A month's last day: how an end told as a month ("i augusti") is stored."""
    return value.day == calendar.monthrange(value.year, value.month)[1]


def _stored_date_said(iso: str) -> str:
    """A stored date as precise as it was likely said: a month's first or last day as the month."""
    value = date.fromisoformat(iso)
    return date_said(value, "month" if value.day == 1 or _month_end(value) else "day")


def said_back_fixed(tracker: Tracker, answer: Answer, asked: str, form: str) -> tuple[str, dict[str, Any]] | None:
    """"det blev fel" right after one answer was said back is about that answer: asked again, or
    with the right value ("det blev fel, 2025", "fel, maj") taken at once. Only where the turn said
    back the one answer it asked for; a longer say-back gets "Vad vill du ändra?" as before, unless
    the message says what is right ("nej jag är tjänsteman")."""
    lead = _CORRECTION_LEAD.search(answer.folded)
    if not lead and not re.match(r"(nej|nae|na|nix)\b", answer.folded):
        return None
    before, answers = said_back_before(tracker)
    # "Tack, då skriver jag 40 timmar i veckan." for hours told beside the start, whose question
    # came again: "det blev fel" is about the hours, asked after the open question.
    only = next(iter(answers)) if len(answers) == 1 else None
    beside = only if lead and before == asked and only in JOB_SLOTS and only != asked else None
    # The yes to saving is said back with what the opening told, not as itself.
    if before in (None, "consent") or (before == asked and not beside):
        return None
    before = beside or before
    changed = direct_correction(answer)
    if changed and set(changed) <= set(answers) and any(answers[k] != v for k, v in changed.items()):
        # "nej jag är tjänsteman" to the agreement question, right after "… så jag skriver att du är
        # arbetare": the say-back is corrected, not the open question answered with "nej".
        return changed_said(changed), changed
    if not lead or set(answers) != {before} or answers[before] is None \
            or before not in flow.required_slots(form, answer.slots):
        return None
    # The original text where folding kept its length (an employer's name keeps its å, ä, ö).
    text = answer.text if len(answer.text) == len(answer.folded) else answer.folded
    rest = after_leading_no(Answer(text[lead.end():].strip(" ,.:;-"), None, 0.0, [], answer.today))
    if not rest.text:
        return ("Okej, då stryker jag det och frågar om det strax." if beside else
                "Okej, då frågar jag om det igen."), {before: None}
    old = answers[before]
    year = _ONLY_YEAR.match(rest.folded)
    if before in _DATE_SLOTS and year and isinstance(old, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", old):
        # The month said back was right, the year guessed wrong: "juni 2026" → "juni 2025".
        day = date.fromisoformat(old)
        new_year = int(year.group(3))
        changed = {before: day.replace(year=new_year, day=min(day.day, calendar.monthrange(new_year, day.month)[1]))
                   .isoformat()}
    else:
        result = INTERPRETERS[before](Answer(rest.text, "inform", 0.9, [], answer.today,
                                             slots={**answer.slots, before: None}))
        if not isinstance(result, Filled) or result.slots.get(before) in (None, UNKNOWN):
            return None
        changed = {k: v for k, v in result.slots.items() if not k.startswith("_")}
    if inconsistency({**answer.slots, **changed}, changed, before) or (
            before.endswith("_start") and (end := answer.slots.get(before.replace("_start", "_end"))) not in
            (None, "ongoing", "unknown") and changed[before] > end):
        return None
    value = changed[before]
    said = _stored_date_said(value) if before in _DATE_SLOTS and value not in ("ongoing", "unknown") else \
        job_told_said({before: value}) if before == "employment_hours_per_week" else None
    return (f"Tack, då skriver jag {said}." if said else CHANGED), changed


def _was_asked(tracker: Tracker, slot: str) -> bool:
    """Whether the slot's question has been asked before in this conversation."""
    return any(e.get("event") == "slot" and e.get("name") == "requested_slot" and e.get("value") == slot
               for e in tracker.events)


def inconsistency(s: dict[str, Any], filled: dict[str, Any], asked: str) -> str | None:
    """An answer that cannot be right next to an earlier one, said as a hint."""
    pairs = {"employment_end": "employment_start", "skippable_end": "skippable_start"}
    if asked in pairs:
        end, start = filled.get(asked), s.get(pairs[asked])
        if end not in (None, "ongoing", "unknown") and start and end < start:
            return f"Slutdatumet kommer före startdatumet ({_stored_date_said(start)}). Skriv när det slutade."
    return None


def employment_goes_on(end: Any, today: date | None = None) -> bool | None:
    """True for a job that has not ended yet ("pågår", or a last day to come): its hours and pay
    are asked in the present tense (domain.yml)."""
    if end == "ongoing":
        return True
    if isinstance(end, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):
        return True if date.fromisoformat(end) >= (today or application_date()) else None
    return None


def after_answer(s: dict[str, Any], asked: str | None) -> dict[str, Any]:
    """Bookkeeping after an answer: the loops over employments and skippable periods."""
    out: dict[str, Any] = {}
    employments = list(s.get("employments") or [])
    if s.get("employer_name") and not employments and s.get("employment_employer") is None:
        out["employment_employer"] = s["employer_name"]  # the first employment is this employer
        out["employment_country"] = "SE"
    if s.get("employer_sector") in flow.PUBLIC_SECTORS and s.get("role_exclusion") is None:
        # A kommun, region or state agency has no owner and no vd: the roles that exclude are
        # company roles, so the question is not asked (actions/flow.py).
        out["role_exclusion"] = "none"
    if asked == "more_employments" and s.get("more_employments") is not None:
        employments.append({
            "employer": s.get("employment_employer"), "start": s.get("employment_start"),
            "end": s.get("employment_end"), "hours_per_week": s.get("employment_hours_per_week"),
            "monthly_income_sek": s.get("employment_monthly_income"),
            "country": s.get("employment_country") or "SE"})
        months = s.get("employment_start_months")
        if isinstance(months, (int, float)) and months > 0:
            employments[-1]["start_told_as"] = length_sv(months)  # the advisor sees the start is counted
        out["employments"] = employments
        for slot in (*flow.EMPLOYMENT_SLOTS, "employment_start_months"):
            out[slot] = None
        if s["more_employments"] is True:
            out["more_employments"] = None  # ask again after the next employment
    if asked == "more_skippable" and s.get("more_skippable") is not None:
        periods = list(s.get("skippable_periods") or [])
        periods.append({"type": s.get("skippable_type"), "start": s.get("skippable_start"),
                        "end": s.get("skippable_end")})
        out["skippable_periods"] = periods
        for slot in flow.SKIPPABLE_SLOTS:
            out[slot] = None
        if s["more_skippable"] is True:
            out["more_skippable"] = None
    if asked == "had_skippable" and s.get("had_skippable") is False:
        out["skippable_periods"] = []
    return out


class ValidateSituationForm(FormValidation):
    form = "situation_form"


class ValidateGuidanceForm(FormValidation):
    form = "guidance_form"


class ValidateWorkForm(FormValidation):
    form = "work_form"


class ValidateContactForm(FormValidation):
    form = "contact_form"
