"""What a person may say is wrong, and which answers are then asked again. Used by the summary
question, by `correct` in the middle of a form and by the reply to "Vad vill du ändra?"."""
from __future__ import annotations

import re
from typing import Any, Mapping

from actions import flow
from actions.parsing import (INTERPRETERS, UNKNOWN, UNKNOWN_EMPLOYER, Answer, Filled, after_leading_no, agreement_told,
                             known_employer, named_employer, named_public_employer, notice_given, sector_in_name)
from bot.extract import fold

CHANGE_QUESTION = "Vad vill du ändra?"
# Folded. The notice not come yet: "har inte fått nån uppsägning än", "inte fått beskedet",
# "inte uppsagd än". Without "än" or "beskedet", "jag är inte uppsagd" says the situation is wrong.
_NOTICE_NOT_YET = re.compile(r"\b(inte|ej)( \w+){0,2}? (fatt|fick) (nan |nagon |en |min |nagot )?"
                             r"(uppsagning|besked\w*)( \w+){0,3}? (an|annu)\b|"
                             r"\b(inte|ej)( \w+){0,2}? (fatt|fick) (beskedet|nagot besked|nat besked)\b|"
                             r"\binte (blivit |varit )?uppsagd (an|annu)\b")
CHANGED = "Tack, det har jag ändrat."

# What a person may say is wrong → the slots asked again. Order matters: the first match wins.
TOPICS: list[tuple[str, str, tuple[str, ...]]] = [
    ("age", r"alder|\bar gammal|\bfyller\b|\bage\b", ("age",)),
    ("contact", r"e-?post|mejl|mail|telefon|nummer|\bmobil", ("contact_method", "contact_email", "contact_phone")),
    # "arbetsgivaren heter Willys" is about the employer, further down
    ("name", r"^(?!.*(arbetsgivar|foretag|firma|bolag|jobbar|jobbade)).*(\bnamn|\bheter\b)", ("contact_name",)),
    ("meeting", r"kommun|mote|motet|traffas|digital|pa plats", ("meeting_preference", "municipality")),
    ("agreement", r"kollektivavtal", ("collective_agreement",)),
    ("category", r"tjansteman|arbetare\b|kategori", ("worker_category",)),
    ("role", r"\broll|\bvd\b|\bager|agare|aktie", ("role_exclusion",)),
    # " ett jobb" is the work below; "jobbar på Coop" names the employer
    ("employer", r"arbetsgivare|foretag|firma|bolag|sektor|\b(jobbar|jobbade|anstalld) (pa|hos|for|vid)\b", ("employer_name", "employer_sector",
                                                                "worker_category", "collective_agreement",
                                                                "role_exclusion")),
    # The situation said plainly, before "jobb" takes it for the employments
    ("situation", r"\b(inte|ar|blev|har blivit) uppsagd|\bhar kvar (jobbet|min anstallning|min tjanst)|"
                  r"\binte (egenforetagare|sjukskriven|varslad)\b",
     ("situation", "notice_pending", "termination_reason", "termination_initiated_by", "special_needs_illness")),
    ("work", r"timmar|heltid|deltid|halvtid|datum|borjade|slutade|anstallning|lon|inkomst|jobb",
     ("employments", "more_employments", *flow.EMPLOYMENT_SLOTS)),
    ("leave", r"ledig|foraldra|sjukskriv|militar|studiestod", ("had_skippable", "skippable_periods",
                                                             "more_skippable", *flow.SKIPPABLE_SLOTS)),
    ("support", r"tidigare stod|fatt stod|beslut", ("previous_support", "previous_support_decision_date")),
    ("situation", r"situation|uppsagd|anstalld|egenforetag|vikariat|visstid|sjuk|besked|varsel|varslad",
     ("situation", "notice_pending", "termination_reason", "termination_initiated_by",
      "special_needs_illness")),
    ("goal", r"mal|yrke|utbildning|plan|steg|vill", ("forward_goal", "forward_next_step", "outward_options")),
]
TOPIC_BUTTONS = [
    {"title": "Min situation", "payload": '/correct{"value":"situation"}'},
    {"title": "Min ålder", "payload": '/correct{"value":"age"}'},
    {"title": "Arbetsgivaren", "payload": '/correct{"value":"employer"}'},
    {"title": "Mina anställningar", "payload": '/correct{"value":"work"}'},
    {"title": "Ledigheter", "payload": '/correct{"value":"leave"}'},
    {"title": "Kontaktuppgifter", "payload": '/correct{"value":"contact"}'},
]


def slots_to_correct(answer: Answer) -> tuple[str, ...] | None:
    topic = answer.button
    for name, pattern, slots in TOPICS:
        if name == topic or (topic is None and re.search(pattern, answer.folded)):
            return slots
    return None


def clear(slots: tuple[str, ...]) -> dict[str, Any]:
    cleared: dict[str, Any] = {slot: None for slot in slots}
    if "employments" in slots:
        cleared["employments"] = []
    cleared["summary_confirmed"] = None
    return cleared


def redo_text(form: str | None, slots: Mapping[str, Any], cleared: dict[str, Any]) -> str:
    """Said when answers are cleared: asked again now when the next question is one of them;
    otherwise when their turn comes (the employer is asked with the work questions)."""
    after = flow.next_slot(form, {**slots, **cleared}) if form in flow.FORMS else None
    if after is not None and after not in cleared:
        return "Okej, det frågar jag om igen när vi kommer dit."
    return "Okej, då frågar jag om det igen."


_AGE_SAID = re.compile(r"\bjag ar \d{2}\b|\b\d{2} ar\b|\balder")
# "jag är tjänsteman", "anställd som arbetare": the category said as one's own. "arbetare" alone
# may name the answer that is wrong, so it is asked again instead.
_CATEGORY_SAID = re.compile(r"\b(ar|var|ju|som|utan) (en )?(tjansteman|arbetare)\b")
_CATEGORY_DENIED = re.compile(r"\binte (en )?(tjansteman|arbetare)\b")


# Folded. The employer named in a correction; the wrong one after "inte" is left out.
_EMPLOYER_NAMED = re.compile(r"\b(?:arbetsgivaren|foretaget|firman) (?:heter|hette|ar|var) ")
_NOT_THAT_ONE = re.compile(r"[\s,]+(?:och |alltsa )?inte (?:pa |hos |for )?\S+.*$")


def _employer_said(a: Answer) -> dict[str, Any] | None:
    named = _EMPLOYER_NAMED.search(a.folded)
    if named and len(a.folded) == len(a.text):
        result = INTERPRETERS["employer_name"](Answer(_NOT_THAT_ONE.sub("", a.text[named.end():]), "inform", 0.9,
                                                      [], a.today))
        if isinstance(result, Filled) and result.slots.get("employer_name") not in (None, UNKNOWN_EMPLOYER):
            return {k: v for k, v in result.slots.items() if not k.startswith("_")}
        return None
    right = _NOT_THAT_ONE.sub("", a.text)
    return named_public_employer(right) or named_employer(right) or None


def _sector_of_name(name: Any) -> str | None:
    folded = fold(str(name or ""))
    return sector_in_name(folded) or known_employer(folded).get("employer_sector")


def _answers_about_old_employer(slots: Mapping[str, Any], employer: Mapping[str, Any]) -> dict[str, Any]:
    """Another employer named: a sector the old name gave, and the answers that hang on the sector
    (collective agreement, owner's role), are asked again. A name only spelled right keeps them."""
    old_sector = slots.get("employer_sector")
    new_sector = employer.get("employer_sector")
    if new_sector is None and (old_sector is None or _sector_of_name(slots.get("employer_name")) != old_sector):
        return {}  # the sector was the person's own answer, and the new name says none
    if new_sector == old_sector:
        return {}
    # "Region Skåne" gave the region and the new name says nothing (None), or it says another sector.
    return {"employer_sector": new_sector, "collective_agreement": None, "role_exclusion": None}


def changed_said(changed: Mapping[str, Any]) -> str:
    """What a correction taken at once is said back as: the notice in words, else a plain thanks."""
    if "notice_pending" in changed:
        return ("Tack, då skriver jag att du ska sägas upp men inte har fått beskedet än."
                if changed["notice_pending"] == "coming" else "Tack, då skriver jag att du har fått beskedet.")
    return CHANGED


def direct_correction(a: Answer) -> dict[str, Any] | None:
    """"nej, jag är 45" or "nej, ring 070-…" says the right value too: it is taken at once,
    rather than asking "Vad är det som inte stämmer?" and then the same question again."""
    rest = after_leading_no(a)
    if a.slots.get("notice_pending") and notice_given(a.folded):
        return {"notice_pending": None}  # "det blev fel, jag har redan fått beskedet"
    if a.slots.get("situation") in flow.TERMINATED and not a.slots.get("notice_pending") \
            and _NOTICE_NOT_YET.search(a.folded):
        return {"notice_pending": "coming"}  # "det blev fel, jag har inte fått nån uppsägning än"
    if _AGE_SAID.search(rest.folded):
        result = INTERPRETERS["age"](rest)
        if isinstance(result, Filled) and isinstance(result.slots.get("age"), int):
            return {"age": result.slots["age"]}
    said = _CATEGORY_SAID.search(_CATEGORY_DENIED.sub(" ", rest.folded))
    if said:
        result = INTERPRETERS["worker_category"](Answer(said.group(3), None, 0.0, [], a.today))
        if isinstance(result, Filled) and result.slots["worker_category"] != UNKNOWN:
            return {"worker_category": result.slots["worker_category"]}
    agreement = INTERPRETERS["collective_agreement"](rest) if agreement_told(rest) is not None else None
    if isinstance(agreement, Filled):  # "nej, vi har inget kollektivavtal"
        return {"collective_agreement": agreement.slots["collective_agreement"]}
    employer = _employer_said(rest)
    if employer:  # "arbetsgivaren heter Willys", "jag jobbar på coop, inte ica"
        jobs = list(a.slots.get("employments") or [])
        if jobs and a.slots.get("employer_name") and jobs[0].get("employer") == a.slots["employer_name"]:
            # The first employment is that employer's (actions/forms.py after_answer): renamed with it.
            employer["employments"] = [{**jobs[0], "employer": employer["employer_name"]}, *jobs[1:]]
        return {**employer, **_answers_about_old_employer(a.slots, employer)}
    result = INTERPRETERS["contact_method"](rest)  # filled only where an address or number is written
    if isinstance(result, Filled):
        return {k: v for k, v in result.slots.items() if not k.startswith("_")}
    return None
