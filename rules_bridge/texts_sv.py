"""Swedish texts, keyed by reason code. Plain Swedish, du-form.

Keys: "<CODE>.<outcome>.<DETAIL>" for the reasons each rule can give, "REMARK.<CODE>" for
remarks, and organisation names. Placeholders are filled from the rule's details only;
no prose is assembled in the rules themselves.
"""
from __future__ import annotations

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december")

REASONS: dict[str, str] = {
    # Employer (seed 003; eligibility.md 2.1)
    "EMPLOYER.met.NO_AGREEMENT":
        "Din arbetsgivare har inget kollektivavtal. Då är det den offentliga omställningsorganisationen som kan ge dig stöd.",
    "EMPLOYER.not_met.COLLECTIVE_AGREEMENT":
        "Din arbetsgivare har kollektivavtal. Då får du stöd från {org_name}, inte från den offentliga omställningsorganisationen.",
    "EMPLOYER.not_met.COLLECTIVE_AGREEMENT_UNKNOWN_ORG":
        "Din arbetsgivare har kollektivavtal. Då får du stöd från arbetsgivarens omställningsorganisation, inte från den offentliga omställningsorganisationen. Fråga arbetsgivaren eller facket vilken det är.",
    "EMPLOYER.not_met.FINANCES_ORGANISATION":
        "Din arbetsgivare betalar till en registrerad omställningsorganisation. Då ska du få stödet därifrån.",
    "EMPLOYER.not_met.NOT_IN_SWEDEN":
        "Arbetsgivaren måste vara verksam i Sverige och registrerad hos Skatteverket. Enligt dina svar är den inte det.",
    "EMPLOYER.not_met.NO_EMPLOYER":
        "Det här stödet gäller anställda. Du har inte angett någon arbetsgivare.",
    "EMPLOYER.unknown.AGREEMENT_UNKNOWN":
        "Vi vet inte om din arbetsgivare har kollektivavtal. Det avgör vart du ska vända dig. Fråga arbetsgivaren eller facket, eller titta i ditt anställningsavtal.",
    "EMPLOYER.unknown.OPERATES_UNKNOWN":
        "Vi vet inte om din arbetsgivare är verksam i Sverige och registrerad hos Skatteverket.",

    # Situation for rådgivning and förstärkt stöd (lag 6 §; eligibility.md 2.2)
    "SITUATION.met.SHORTAGE_OF_WORK":
        "Du är uppsagd på grund av arbetsbrist, och det var arbetsgivaren som tog initiativet.",
    "SITUATION.met.ILLNESS":
        "Din anställning upphör, eller har upphört, på grund av sjukdom.",
    "SITUATION.met.FIXED_TERM_ENDED":
        "Din tidsbegränsade anställning tar slut, eller har tagit slut.",
    "SITUATION.not_met.EMPLOYEE_INITIATIVE":
        "Vid arbetsbrist ska det vara arbetsgivaren som avslutar anställningen. Enligt dina svar var det du som tog initiativet.",
    "SITUATION.not_met.OWN_RESIGNATION":
        "Rådgivning är för dig som blir uppsagd på grund av arbetsbrist eller sjukdom, eller vars visstidsanställning tar slut. Den som själv har sagt upp sig kan inte få rådgivning.",
    "SITUATION.not_met.OTHER_REASON":
        "Rådgivning ges bara när anställningen upphör på grund av arbetsbrist, sjukdom eller att en tidsbegränsad anställning tar slut.",
    "SITUATION.not_met.STILL_EMPLOYED":
        "Du har kvar din anställning. Rådgivning är för dig som blir uppsagd. Som anställd kan du i stället få vägledning.",
    "SITUATION.not_met.SELF_EMPLOYED":
        "Rådgivning och vägledning är för anställda. Som egenföretagare kan du få ett yttrande till CSN.",
    "SITUATION.not_met.OTHER_SITUATION":
        "Stödet är för dig som har en anställning, eller som blir uppsagd eller vars visstidsanställning tar slut.",
    "SITUATION.unknown.REASON_UNKNOWN":
        "Vi vet inte varför din anställning upphör. Det avgör om du kan få rådgivning.",
    "SITUATION.unknown.INITIATIVE_UNKNOWN":
        "Vi vet inte om det var arbetsgivaren som tog initiativet till uppsägningen.",
    # Situation for vägledning (lag 6 § första stycket 2)
    "SITUATION.met.EMPLOYED":
        "Du har en anställning. Då kan du få vägledning.",
    "SITUATION.not_met.NOT_EMPLOYED":
        "Vägledning är för dig som har en anställning som fortsätter, inte för den som är uppsagd eller redan har slutat.",
    "SITUATION.not_met.FIXED_TERM_ENDS":
        "Vägledning är för dig som har en anställning som fortsätter. När en visstidsanställning tar slut är det rådgivningen som gäller.",
    "SITUATION.not_met.NOT_EMPLOYED_OTHER_JOB":
        "Vägledning är för den som söker stöd medan anställningen fortsätter. Den här bedömningen gäller anställningen som slutar. Att du har ett annat jobb kvar kan du ta upp med rådgivaren.",

    # Transitional rule (eligibility.md 2.2)
    "TRANSITION.met.ENDS_AFTER_TRANSITION":
        "Din anställning slutar efter den 30 september 2022, så den kan ge rätt till stöd.",
    "TRANSITION.met.NOT_TERMINATED":
        "Övergångsregeln gäller bara anställningar som har upphört.",
    "TRANSITION.not_met.ENDED_BEFORE_TRANSITION":
        "Din anställning slutade {last_day}. Stödet gäller bara anställningar som slutade efter den 30 september 2022.",
    "TRANSITION.unknown.LAST_DAY_UNKNOWN":
        "Vi vet inte när din anställning slutar eller slutade.",

    # Excluded roles (seed 001, 5.1 p. 4)
    "ROLE_EXCLUSION.met.NONE":
        "Du har ingen roll i företaget som stänger ute dig från stödet (till exempel vd eller stor delägare).",
    "ROLE_EXCLUSION.not_met.CEO":
        "Du är vd i företaget. En anställning som vd kan inte ge rätt till stödet.",
    "ROLE_EXCLUSION.not_met.OWNER_THIRD":
        "Du äger, ensam eller tillsammans med make, maka, registrerad partner, förälder eller barn, minst en tredjedel av aktierna. Då kan anställningen inte ge rätt till stödet.",
    "ROLE_EXCLUSION.not_met.FAMILY_OF_OWNER":
        "Du är gift, registrerad partner eller sambo med egenföretagaren som du arbetar hos. Då kan anställningen inte ge rätt till stödet.",
    "ROLE_EXCLUSION.unknown.ROLE_UNKNOWN":
        "Vi vet inte om du är vd, stor delägare eller anhörig till ägaren. Det påverkar om du kan få stödet.",

    # Age (seed 001, 5.3)
    "AGE.met.UNDER_LIMIT":
        "Du är {age} år. Stödet gäller den som inte har fyllt 65 år.",
    "AGE.not_met.TURNED_LIMIT":
        "Du har fyllt 65 år. Stödet gäller bara den som inte har fyllt 65.",
    "AGE.unknown.AGE_UNKNOWN":
        "Vi vet inte hur gammal du är. Stödet gäller den som inte har fyllt 65 år.",

    # Work requirement (seed 001, 5.2; lag 9 §; förordning 3–4 §§)
    "WORK_REQUIREMENT.met.ENOUGH_MONTHS":
        "Du har arbetat tillräckligt i {qualifying} månader under perioden {frame_sv}. Det krävs {required} månader, så kravet är uppfyllt.",
    "WORK_REQUIREMENT.not_met.TOO_FEW_MONTHS":
        "Under perioden {frame_sv} har du {qualifying_sv} som räknas. Det krävs {required}, så det saknas {missing}. En månad räknas om du i genomsnitt har arbetat minst 16 timmar i veckan, eller tjänat minst en fjärdedel av inkomstbasbeloppet (till exempel {threshold_example} kronor i månaden {threshold_year}).",
    "WORK_REQUIREMENT.unknown.UNKNOWN_MONTHS":
        "Vi kan inte räkna färdigt ännu: för {unknown} av månaderna saknas uppgifter om arbetstid och lön (eller om din roll i företaget). Hittills räknas {qualifying_sv}, och det krävs {required}.",

    # Earlier support and requalification (seed 001, 5.4–5.5)
    "PREVIOUS_SUPPORT.met.NONE":
        "Du har inte fått det här stödet tidigare.",
    "PREVIOUS_SUPPORT.met.REQUALIFIED":
        "Du fick ett beslut om stöd {decision_date}. Det är mer än 12 månader sedan, så du kan få stöd igen. Bara arbete efter {decision_month} räknas.",
    "PREVIOUS_SUPPORT.not_met.STILL_RUNNING":
        "Du fick ett beslut om stöd {decision_date}. Stödet gäller i upp till 12 månader, alltså till {until}. Du kan inte få ett nytt stöd medan det pågår.",

    # Förstärkt stöd (eligibility.md 2.6)
    "SPECIAL_NEEDS.met.HAS_NEEDS":
        "Du har särskilda behov av stöd på grund av sjukdom.",
    "SPECIAL_NEEDS.not_met.NO_NEEDS":
        "Förstärkt stöd är för dig som har särskilda behov av stöd på grund av sjukdom. Du har inte berättat om något sådant behov. Har du det, säg det till rådgivaren.",
    "SPECIAL_NEEDS.unknown.NEEDS_UNKNOWN":
        "Vi vet inte om du har särskilda behov av stöd på grund av sjukdom.",

    # Yttrande till CSN (seed 003; eligibility.md 2.7)
    "YTTRANDE_GROUP.met.SELF_EMPLOYED":
        "Du är egenföretagare. Då kan du få ett yttrande till CSN när du söker omställningsstudiestöd.",
    "YTTRANDE_GROUP.met.NO_AGREEMENT_EMPLOYER":
        "Din arbetsgivare har inget kollektivavtal. Då kan du få ett yttrande till CSN när du söker omställningsstudiestöd.",
    "YTTRANDE_GROUP.not_met.COLLECTIVE_AGREEMENT":
        "Din arbetsgivare har kollektivavtal. Yttrandet till CSN får du då från {org_name}.",
    "YTTRANDE_GROUP.not_met.COLLECTIVE_AGREEMENT_UNKNOWN_ORG":
        "Din arbetsgivare har kollektivavtal. Yttrandet till CSN får du då från arbetsgivarens omställningsorganisation.",
    "YTTRANDE_GROUP.not_met.FINANCES_ORGANISATION":
        "Din arbetsgivare betalar till en registrerad omställningsorganisation. Yttrandet till CSN får du därifrån.",
    "YTTRANDE_GROUP.not_met.NOT_IN_SWEDEN":
        "Arbetsgivaren måste vara verksam i Sverige och registrerad hos Skatteverket.",
    "YTTRANDE_GROUP.not_met.OTHER_SITUATION":
        "Ett yttrande ges till dig som är anställd, uppsagd eller egenföretagare.",
    "YTTRANDE_GROUP.unknown.AGREEMENT_UNKNOWN":
        "Vi vet inte om din arbetsgivare har kollektivavtal. Det avgör vem som kan ge dig ett yttrande.",
    "YTTRANDE_GROUP.unknown.OPERATES_UNKNOWN":
        "Vi vet inte om din arbetsgivare är verksam i Sverige och registrerad hos Skatteverket.",
    "CSN_AGE_WINDOW.met.IN_WINDOW":
        "CSN:s åldersgränser (vägledande): omställningsstudiestöd kan ges från det år du fyller 27 till och med det år du fyller {last_turns}. Du är inom dem.",
    "CSN_AGE_WINDOW.not_met.TOO_YOUNG":
        "CSN:s åldersgränser (vägledande): omställningsstudiestöd kan ges från det år du fyller 27. Det är år {first_year_sv}.",
    "CSN_AGE_WINDOW.not_met.TOO_OLD":
        "CSN:s åldersgränser (vägledande): omställningsstudiestöd kan ges till och med det år du fyller {last_turns}. Det var år {last_year_sv}.",
    "CSN_AGE_WINDOW.unknown.AGE_UNKNOWN":
        "Vi vet inte din ålder. CSN ger omställningsstudiestöd från det år man fyller 27 till och med det år man fyller {last_turns} (vägledande).",
    "CSN_AGE_WINDOW.unknown.BIRTH_YEAR_UNKNOWN":
        "Du är {age} år, så det beror på vilket år du är född. CSN ger omställningsstudiestöd från det år man fyller 27 till och med det år man fyller {last_turns} (vägledande).",
}

REMARKS: dict[str, str] = {
    "PRELIMINARY":
        "Det här är en preliminär bedömning, inte ett beslut. Kammarkollegiet beslutar, och stöd ges i mån av medel.",
    "CSN_DECIDES":
        "CSN beslutar själv om omställningsstudiestöd och prövar sina egna villkor. Yttrandet är ett underlag till CSN.",
    "FINANCES_UNKNOWN":
        "Kontrollera om arbetsgivaren finansierar en registrerad omställningsorganisation. I så fall ska stödet komma därifrån.",
    "ROUTE_LOOKUP":
        "Vilken omställningsorganisation som gäller går inte att avgöra av svaren. Slå upp arbetsgivaren på organisationsnummer, eller fråga arbetsgivaren eller facket.",
    "SUPPORT_STILL_RUNNING":
        "Ett tidigare beslut om stöd ({decision_date}) är yngre än 12 månader. Stödet pågår fortfarande.",
    "REQUALIFICATION":
        "Tidigare beslut om stöd {decision_date}: arbete till och med {decision_month} räknas inte (kvalificering på nytt).",
    "FRAME_EXTENDED":
        "Ramtiden har förlängts med {count} månader på grund av överhoppningsbar tid ({months_sv}).",
    "OTHER_JOB_ONGOING":
        "Personen har också en anställning som pågår: {employers}. Bedömningen gäller anställningen som slutar.",
    "WORK_ABROAD_NOT_COUNTED":
        "Arbete utanför EES, Storbritannien och Schweiz räknas inte: {employers}.",
    "EMPLOYMENT_ROLE_EXCLUDED":
        "Anställningar där personen är vd, stor delägare eller anhörig till ägaren räknas inte: {employers}.",
    "AGE_MISMATCH":
        "Angiven ålder ({age}) stämmer inte med födelsedatumet; bedömningen utgår från födelsedatumet ({computed_age} år).",
    "EMPLOYED_PRIORITY":
        "Om medlen inte räcker har den som blivit uppsagd företräde framför den som har en anställning (förordning 2022:852 2 §).",
    "IGNORED_FIELDS":
        "Dessa uppgifter användes inte i bedömningen: {fields}.",
    "PARTIAL_KNOWLEDGE":
        "Månader där en anställning saknar både arbetstid och lön kan inte bedömas: {employers}.",
}

# `contact_sv` fills NEXT_STEP_EMPLOYED_SV: for someone who still has the job, where the advice
# about notice and the last working day does not apply; the trygghetsråd also support employees,
# e.g. before studies.
NEXT_STEP_EMPLOYED_SV = ("Vänd dig till {contact} och fråga vilket stöd du kan få medan du har kvar "
                         "ditt jobb, till exempel inför studier.")
# The collective agreement not known, the employer's sector known: both ways named.
NEXT_STEP_AGREEMENT_UNKNOWN_SV = (
    "Fråga arbetsgivaren eller facket om det finns ett kollektivavtal. Finns det, {then}. Finns det inte, "
    "ansöker du själv hos den offentliga omställningsorganisationen på nysteget.se.")
AGREEMENT_THEN_SV = "vänder du dig till {contact}"
AGREEMENT_THEN_EMPLOYED_SV = "fråga {contact} vilket stöd du kan få medan du har kvar ditt jobb"
ORGANISATIONS: dict[str, dict[str, str]] = {
    "ooo": {"name_sv": "Den offentliga omställningsorganisationen (Kammarkollegiet)",
            "next_step_sv": "Du ansöker själv hos den offentliga omställningsorganisationen på nysteget.se."},
    "omstallningsfonden": {"name_sv": "Omställningsfonden",
                           "next_step_sv": "Vänd dig till Omställningsfonden (omstallningsfonden.se). Den som är uppsagd på grund av arbetsbrist anmäls oftast av arbetsgivaren; annars ansöker du själv på Mina sidor.",
                           "contact_sv": "Omställningsfonden (omstallningsfonden.se)"},
    "trygghetsstiftelsen": {"name_sv": "Trygghetsstiftelsen",
                            "next_step_sv": "Vänd dig till Trygghetsstiftelsen (tsn.se). Du ansöker på Mina sidor med BankID.",
                            "contact_sv": "Trygghetsstiftelsen (tsn.se)"},
    "trr": {"name_sv": "TRR Trygghetsrådet",
            "next_step_sv": "Vänd dig till TRR (trr.se). Ansök inom två år efter din sista arbetsdag.",
            "contact_sv": "TRR (trr.se)"},
    "tsl": {"name_sv": "Trygghetsfonden TSL",
            "next_step_sv": "Vänd dig till Trygghetsfonden TSL (tsl.se). Vid arbetsbrist ansöker arbetsgivaren och facket; vid sjukdom eller när en visstid tar slut ansöker du själv.",
            "contact_sv": "Trygghetsfonden TSL (tsl.se)"},
    "unknown": {"name_sv": "Okänd omställningsorganisation",
                "next_step_sv": "Ta reda på vilken omställningsorganisation din arbetsgivare hör till: fråga arbetsgivaren eller facket, eller sök på arbetsgivarens organisationsnummer."},
}

# Questions for missing information, keyed by field path (without list indexes).
MISSING_QUESTIONS: dict[str, str] = {
    "birth_date": "Vilket år är du född?",
    "employer.collective_agreement": "Har din arbetsgivare kollektivavtal?",
    "employer.operates_in_sweden": "Är arbetsgivaren verksam i Sverige och registrerad hos Skatteverket?",
    "termination.reason": "Varför upphör din anställning?",
    "termination.initiated_by": "Var det arbetsgivaren som sa upp dig, eller tog initiativet till att du slutar?",
    "termination.last_day": "Vilken är din sista anställningsdag?",
    "role_exclusion": "Är du vd, stor delägare eller anhörig till ägaren i företaget?",
    "employments.role_exclusion": "Är du vd, stor delägare eller anhörig till ägaren i företaget?",
    "special_needs_illness": "Behöver du extra stöd på grund av sjukdom?",
    "employments.hours_per_week": "Hur många timmar i veckan arbetade du?",
    "employments.monthly_income_sek": "Hur mycket tjänade du i månaden före skatt?",
}


def month_sv(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def sek_sv(amount: int) -> str:
    """20850 → '20 850': thousands spaced as Swedish writes them."""
    return f"{amount:,}".replace(",", " ")


def date_sv(iso: str) -> str:
    """'2026-03-05' → '5 mars 2026'."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTH_NAMES[month - 1]} {year}"

SERVICE_NAMES: dict[str, str] = {
    "radgivning": "Rådgivning till uppsagda",
    "forstarkt_stod": "Förstärkt stöd (rådgivning med extra stöd vid sjukdom)",
    "vagledning": "Vägledning till anställda",
    "yttrande_csn": "Yttrande till CSN om omställningsstudiestöd",
}

EXPLAIN: dict[str, str] = {
    "heading": "Preliminär bedömning – inte ett beslut",
    "intro_ooo": ("Eftersom din arbetsgivare inte har kollektivavtal om omställning är det den offentliga "
                  "omställningsorganisationen hos Kammarkollegiet som ger stödet."),
    "intro_ooo_self_employed": "Som egenföretagare vänder du dig till den offentliga omställningsorganisationen hos Kammarkollegiet.",
    "intro_other": ("Din arbetsgivare har kollektivavtal, så du hör troligen till {org_name}. Där får du ditt stöd, "
                    "inte hos den offentliga omställningsorganisationen."),
    "intro_unknown": "Vi kan inte säga säkert vilken omställningsorganisation du hör till ännu.",
    "eligible_heading": "Det här kan du troligen få:",
    "more_info_heading": "Det här kan vi inte bedöma än:",
    "not_eligible_heading": "Det här kan du inte få, och varför:",
    "as_radgivning": "Samma skäl som för rådgivningen gäller.",
    "missing_heading": "För att kunna säga mer behöver vi veta:",
    "next_heading": "Nästa steg:",
    "no_service": "Enligt dina svar kan du inte få något av stöden just nu.",
    # "Du ansöker själv …" right after "du kan inte få något" would contradict it.
    "next_no_service": "Stämmer något i dina svar inte, eller ändras din situation, kan det bli en annan bedömning. "
                       "Rådgivaren kan gå igenom svaren med dig. Du kan också ansöka själv på nysteget.se, och "
                       "då prövar Kammarkollegiet din ansökan.",
    "footer": "Det är en preliminär bedömning. Kammarkollegiet fattar beslutet, och stöd ges i mån av medel.",
    # Kammarkollegiet decides nothing for someone who belongs to a trygghetsråd.
    "footer_other": "Det är en preliminär bedömning. Det är {org_name} som avgör vilket stöd du kan få.",
    "work": ("Arbetskravet: Det är {verdict}. Det krävs {need} månader med tillräckligt arbete under perioden "
             "{period}, och enligt dina svar har du {got}."),
    "work_none": "ingen",  # "har du ingen", not "har du 0"
    "work_met": "uppfyllt",
    "work_not_met": "inte uppfyllt",
    "work_skipped_one": " 1 månad med till exempel föräldraledighet räknades bort, så perioden gick längre bakåt.",
    "work_skipped": " {count} månader med till exempel föräldraledighet räknades bort, så perioden gick längre bakåt.",
    "work_unknown": " För {count} av månaderna vet vi inte hur mycket du jobbade.",
}
