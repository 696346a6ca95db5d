"""The explanation a person reads: the work requirement line belongs to it, not to the caller."""
from __future__ import annotations

from pathlib import Path

import yaml

from rules_bridge import evaluate, explain

TABLE = yaml.safe_load((Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8"))
GOOD = TABLE["bases"]["terminated"]


def lines_of(data: dict) -> list[str]:
    return explain(evaluate(data)).splitlines()


def test_work_requirement_is_said_before_the_next_step() -> None:
    lines = lines_of(GOOD)
    work = [i for i, line in enumerate(lines) if line.startswith("Arbetskravet:")]
    assert len(work) == 1
    assert lines[work[0]] == ("Arbetskravet: Det är uppfyllt. Det krävs 12 månader med tillräckligt arbete "
                              "under perioden november 2024–oktober 2026, och enligt dina svar har du 24.")
    assert lines[work[0] + 2] == "Nästa steg:"


def test_work_requirement_not_met_says_how_many() -> None:
    short = {**GOOD, "employments": [{**GOOD["employments"][0], "start": "2026-06-01"}]}
    said = "\n".join(lines_of(short))
    assert "Arbetskravet: Det är inte uppfyllt." in said and "enligt dina svar har du 5." in said
    # Every employment before the period: none of its months counts, said in words.
    old = {**GOOD, "employments": [{**GOOD["employments"][0], "start": "2015-01-01", "end": "2020-12-31"}]}
    assert "och enligt dina svar har du ingen." in "\n".join(lines_of(old))


def test_one_skipped_month_is_singular() -> None:
    # A month of parental leave with no work in the frame: skipped, so the frame goes one month back.
    leave = {**GOOD, "employments": [{**GOOD["employments"][0], "end": "2026-08-31"},
                                     {**GOOD["employments"][0], "start": "2026-10-01"}],
             "skippable_periods": [{"type": "parental_benefit", "start": "2026-09-01", "end": "2026-09-30"}]}
    said = "\n".join(lines_of(leave))
    assert " 1 månad med till exempel föräldraledighet räknades bort" in said
    assert "1 månader" not in said


def test_no_work_requirement_for_the_self_employed_or_a_trygghetsrad() -> None:
    own = {"application_date": GOOD["application_date"], "birth_date": GOOD["birth_date"],
           "situation": "self_employed", "employer": None, "employments": []}
    assert not any(line.startswith("Arbetskravet") for line in lines_of(own))
    tsl = {**GOOD, "employer": {**GOOD["employer"], "collective_agreement": "yes"}}
    assert not any(line.startswith("Arbetskravet") for line in lines_of(tsl))


def test_services_unsure_for_the_same_reason_are_one_line() -> None:
    sick = {**GOOD, "situation": "terminated", "special_needs_illness": True,
            "termination": {**GOOD["termination"], "reason": "illness"},
            "employer": {**GOOD["employer"], "collective_agreement": "unknown"}}
    lines = lines_of(sick)
    start = lines.index("Det här kan vi inte bedöma än:")
    unsure = [line for line in lines[start + 1:] if line.startswith("- ")][:2]
    assert unsure[0].startswith("- Rådgivning till uppsagda och förstärkt stöd (rådgivning med extra stöd vid sjukdom): "
                                "Vi vet inte om din arbetsgivare har kollektivavtal.")
    assert unsure[1].startswith("- Yttrande till CSN")


def test_what_a_terminated_person_cannot_get_is_said_so_it_can_be_put_right() -> None:
    # Someone in their notice period still has an employment: vägledning is for one that goes on.
    # Nothing about illness was told: the person is told to say it, not that "the answers" denied it.
    said = "\n".join(lines_of({**GOOD, "special_needs_illness": False}))
    assert "Vägledning till anställda: Vägledning är för dig som har en anställning som fortsätter, " \
           "inte för den som är uppsagd" in said
    assert "Du har inte berättat om något sådant behov. Har du det, säg det till rådgivaren." in said


def test_what_forstarkt_stod_shares_with_radgivning_is_said_once() -> None:
    short = {**GOOD, "special_needs_illness": False,
             "employments": [{**GOOD["employments"][0], "start": "2026-03-01"}]}
    lines = lines_of(short)
    [radgivning] = [line for line in lines if line.startswith("- Rådgivning till uppsagda:")]
    [forstarkt] = [line for line in lines if line.startswith("- Förstärkt stöd")]
    assert "Det krävs 12" in radgivning and "Det krävs 12" not in forstarkt
    assert forstarkt.endswith(": Samma skäl som för rådgivningen gäller. Förstärkt stöd är för dig som har "
                              "särskilda behov av stöd på grund av sjukdom. Du har inte berättat om något sådant "
                              "behov. Har du det, säg det till rådgivaren.")


def test_no_service_is_not_followed_by_an_invitation_to_apply_as_if_there_were_one() -> None:
    # Too little work for rådgivning, and too young for omställningsstudiestöd (so no yttrande).
    short = {**GOOD, "birth_date": "2002-05-01", "employments": [{**GOOD["employments"][0], "start": "2026-03-01"}]}
    lines = lines_of(short)
    assert "Enligt dina svar kan du inte få något av stöden just nu." in lines
    step = lines[lines.index("Nästa steg:") + 1]
    assert step.startswith("Stämmer något i dina svar inte") and "nysteget.se" in step
    # With a service to be had, the organisation's own next step.
    assert lines_of(GOOD)[lines_of(GOOD).index("Nästa steg:") + 1] == \
        "Du ansöker själv hos den offentliga omställningsorganisationen på nysteget.se."


def test_an_other_job_that_goes_on_is_not_told_that_vagledning_is_for_the_employed() -> None:
    ended = {**GOOD, "termination": {"reason": "fixed_term_ended", "initiated_by": "employer", "last_day": "2026-06-30"},
             "employments": [{**GOOD["employments"][0], "end": "2026-06-30"},
                             {"employer": "Pizzeria Napoli", "start": "2024-01-01", "end": None, "hours_per_week": 8}]}
    decision = evaluate(ended)
    reason = next(r for r in decision["services"]["vagledning"]["reasons"] if r["code"] == "SITUATION")
    assert reason["detail"] == "NOT_EMPLOYED_OTHER_JOB" and "gäller anställningen som slutar" in reason["text_sv"]
    remark = next(r for r in decision["remarks"] if r["code"] == "OTHER_JOB_ONGOING")
    assert "Pizzeria Napoli" in remark["text_sv"]
    # One job only: the reason for a fixed term that ends, and no remark.
    alone = evaluate({**ended, "employments": ended["employments"][:1]})
    assert next(r for r in alone["services"]["vagledning"]["reasons"] if r["code"] == "SITUATION")["detail"] == \
        "FIXED_TERM_ENDS"
    assert all(r["code"] != "OTHER_JOB_ONGOING" for r in alone["remarks"])


def test_no_month_counted_is_said_in_words() -> None:
    few = {**GOOD, "employments": [{**GOOD["employments"][0], "hours_per_week": 10, "monthly_income_sek": 8000}]}
    said = "\n".join(lines_of(few))
    assert "Under perioden november 2024–oktober 2026 har du ingen månad som räknas. Det krävs 12" in said
    assert "0 månader" not in said


def test_the_csn_years_known_from_the_age_alone_are_both_said() -> None:
    young = {k: v for k, v in GOOD.items() if k != "birth_date"} | {"age": 25}
    reasons = evaluate(young)["services"]["yttrande_csn"]["reasons"]
    [window] = [r for r in reasons if r["code"] == "CSN_AGE_WINDOW"]
    assert window["text_sv"].endswith("Det är år 2027 eller 2028 för dig, beroende på när du fyller år.")
    born = {**GOOD, "birth_date": "2001-03-01"}  # the birth date known: one year
    [window] = [r for r in evaluate(born)["services"]["yttrande_csn"]["reasons"] if r["code"] == "CSN_AGE_WINDOW"]
    assert window["text_sv"].endswith("Det är år 2028 för dig.")


def test_an_age_at_the_edge_of_the_csn_years_asks_for_the_birth_year_not_the_age() -> None:
    # 63 in 2026: turned 63 this year (in the window) or last year (past it), by the birthday.
    edge = {k: v for k, v in GOOD.items() if k != "birth_date"} | {"age": 63}
    decision = evaluate(edge)
    [window] = [r for r in decision["services"]["yttrande_csn"]["reasons"] if r["code"] == "CSN_AGE_WINDOW"]
    assert window["detail"] == "BIRTH_YEAR_UNKNOWN"
    assert window["text_sv"].startswith("Du är 63 år, så det beror på vilket år du är född.")
    assert "Vilket år är du född?" in "\n".join(lines_of(edge)) and "Hur gammal" not in "\n".join(lines_of(edge))
    # No age at all: said so.
    unknown = {k: v for k, v in GOOD.items() if k != "birth_date"}
    [window] = [r for r in evaluate(unknown)["services"]["yttrande_csn"]["reasons"] if r["code"] == "CSN_AGE_WINDOW"]
    assert window["detail"] == "AGE_UNKNOWN"


def test_a_fixed_term_that_ends_is_not_called_uppsagd_for_vagledning() -> None:
    ending = {**GOOD, "termination": {"reason": "fixed_term_ended", "initiated_by": "employer", "last_day": "2026-12-31"},
              "employments": [{**GOOD["employments"][0], "end": "2026-12-31"}]}
    reason = next(r for r in evaluate(ending)["services"]["vagledning"]["reasons"] if r["code"] == "SITUATION")
    assert reason["detail"] == "FIXED_TERM_ENDS" and "uppsagd" not in reason["text_sv"]
    # Given notice, the plain reason.
    reason = next(r for r in evaluate(GOOD)["services"]["vagledning"]["reasons"] if r["code"] == "SITUATION")
    assert reason["detail"] == "NOT_EMPLOYED"
