"""Swedish values in answers: every example of conversation.md, plus what people really type."""
from __future__ import annotations

from datetime import date

import pytest

from bot.extract import (MASK, find_entities, mask_personnummer, parse_date,
                         parse_duration_months, parse_hours_per_week, parse_money_sek, parse_period, word_number)

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text, expected", [
    ("2024-03-01", "2024-03-01"), ("1 mars 2024", "2024-03-01"), ("mars 2024", "2024-03-01"),
    ("mars -24", "2024-03-01"), ("i våras", "2026-04-01"), ("i varas", "2026-04-01"),
    ("för två år sedan", "2024-11-22"), ("for tva ar sedan", "2024-11-22"), ("för 2 år sen", "2024-11-22"),
    ("sen januari", "2026-01-01"), ("1:a mars 2024", "2024-03-01"), ("15/3 2024", "2024-03-15"),
    ("jag började i maj 2023", "2023-05-01"), ("hösten 2023", "2023-10-01"), ("sedan 2019", "2019-01-01"),
    ("jan -25", "2025-01-01"),
    ("1/3 2024", "2024-03-01"), ("1/3-24", "2024-03-01"), ("3/2025", "2025-03-01"), ("01.03.24", "2024-03-01"),
    ("sen 1/6 2021", "2021-06-01"),
])
def test_dates_start_of_period(text: str, expected: str) -> None:
    parsed = parse_date(text, TODAY)
    assert parsed is not None and parsed.iso() == expected


@pytest.mark.parametrize("text, expected", [
    ("mars 2025", "2025-03-31"), ("slutade den 31 mars 2025", "2025-03-31"), ("2023", "2023-12-31"),
    ("i våras", "2026-06-30"),
])
def test_end_dates_mean_the_end_of_the_period(text: str, expected: str) -> None:
    parsed = parse_date(text, TODAY, end_of_period=True)
    assert parsed is not None and parsed.iso() == expected


# The day first, as Swedish writes it; "sista" a month's last day; an end without a year is the
# nearer one (a notice period may end after the new year), unless the verb says which.
@pytest.mark.parametrize("text, expected", [
    ("31 oktober", "2026-10-31"), ("den 31 oktober", "2026-10-31"), ("sista oktober i år", "2026-10-31"),
    ("sista oktober", "2026-10-31"), ("den sista dagen i februari 2024", "2024-02-29"),
    ("31 januari", "2027-01-31"), ("slutar sista januari", "2027-01-31"), ("slutade 31 januari", "2026-01-31"),
    ("31 augusti", "2026-08-31"), ("15/3 2025", "2025-03-15"),
    # Numbers, day first: "31/12" was not read at all, "1/3 2024" was read as 3 January.
    ("31/12", "2026-12-31"), ("den 31/12", "2026-12-31"), ("31/12-26", "2026-12-31"),
    ("31/12/2026", "2026-12-31"), ("12/2026", "2026-12-31"), ("1.3.2024", "2024-03-01"),
    # The last day said as such: "sista dagen är 31 januari" was not read.
    ("sista dagen är 31 januari", "2027-01-31"), ("min sista arbetsdag blir 15 december", "2026-12-15"),
    ("sista dagen var i oktober", "2026-10-31"),
])
def test_end_dates_as_people_write_them(text: str, expected: str) -> None:
    parsed = parse_date(text, TODAY, end_of_period=True)
    assert parsed is not None and parsed.iso() == expected


# Someone who does not remember exactly says so; the date in the answer is still the answer.
@pytest.mark.parametrize("text, start, end", [
    ("i början av 2019", "2019-01-01", "2019-03-31"), ("mitten av 2019", "2019-05-01", "2019-07-31"),
    ("i slutet av -19", "2019-10-01", "2019-12-31"), ("någon gång 2019", "2019-01-01", "2019-12-31"),
    ("2019 tror jag", "2019-01-01", "2019-12-31"), ("jag tror det var 2019", "2019-01-01", "2019-12-31"),
    ("kanske 2019", "2019-01-01", "2019-12-31"), ("2019-ish", "2019-01-01", "2019-12-31"),
    ("förra året", "2025-01-01", "2025-12-31"), ("i fjol", "2025-01-01", "2025-12-31"),
    ("i slutet av förra året", "2025-10-01", "2025-12-31"), ("mars förra året", "2025-03-01", "2025-03-31"),
    ("i mars i år", "2026-03-01", "2026-03-31"), ("i slutet av mars 2019", "2019-03-01", "2019-03-31"),
    ("någon gång i maj 2023", "2023-05-01", "2023-05-31"),
])
def test_approximate_dates(text: str, start: str, end: str) -> None:
    assert parse_date(text, TODAY).iso() == start
    assert parse_date(text, TODAY, end_of_period=True).iso() == end


@pytest.mark.parametrize("text", ["fortfarande", "pågår", "pagar", "jag jobbar kvar", "tills vidare",
                                  "jag är fast anställd", "den fortsätter", "tillsvidareanställd"])
def test_ongoing(text: str) -> None:
    parsed = parse_date(text, TODAY, allow_ongoing=True)
    assert parsed is not None and parsed.ongoing and parsed.value is None


@pytest.mark.parametrize("text", ["hej", "vet inte", "40", "", "asdf", "40 timmar", "75 %", "28 000 kr"])
def test_not_dates(text: str) -> None:
    assert parse_date(text, TODAY) is None


def test_ongoing_only_where_allowed() -> None:
    assert parse_date("fortfarande", TODAY) is None


@pytest.mark.parametrize("text, hours", [
    ("40", 40), ("heltid", 40), ("halvtid", 20), ("75 %", 30), ("75 procent", 30),
    ("tjugo timmar", 20), ("38,25 tim", 38.25), ("ca 30 timmar i veckan", 30), ("16h", 16),
    ("30-35 timmar", 30), ("mellan 20 och 30 timmar", 20),
    ("3 dagar i veckan", 24), ("4 dagar/vecka", 32), ("2,5 dagar per vecka", 20),
    ("3 pass i veckan", 24),  # a shift as a day, said back so it can be put right
])
def test_hours(text: str, hours: float) -> None:
    assert parse_hours_per_week(text) == hours


@pytest.mark.parametrize("text", ["deltid", "vet inte", "200", "0"])
def test_not_hours(text: str) -> None:
    assert parse_hours_per_week(text) is None


@pytest.mark.parametrize("text, sek", [
    ("32 000 kr", 32000), ("32000", 32000), ("32 tusen", 32000), ("32k", 32000), ("32,5k", 32500),
    ("trettiotvåtusen", 32000), ("ca 28 000:-", 28000), ("25 000 kronor i månaden", 25000),
    # A range: the lower figure, with the unit that belongs to both (it was 20 000 here).
    ("mellan 10 och 20 tusen", 10000), ("10-15k", 10000),
])
def test_money(text: str, sek: int) -> None:
    assert parse_money_sek(text) == sek


@pytest.mark.parametrize("text, months", [
    ("två år", 24), ("ett halvår", 6), ("6 månader", 6), ("i tre år", 36), ("1,5 år", 18),
    ("ett och ett halvt år", 18), ("två och ett halvt år", 30), ("i tre och en halv månad", 3.5),
    ("tre år och sex månader", 42),
])
def test_durations(text: str, months: float) -> None:
    assert parse_duration_months(text) == months


def test_number_words() -> None:
    assert word_number("tjugofem") == 25
    assert word_number("trettiotvåtusen") == 32000
    assert word_number("tredje") is None


@pytest.mark.parametrize("text", [
    "mitt pnr är 710502-1234", "197105021234", "19710502-1234", "8112189876", "710562-1234 (samordning)",
])
def test_personnummer_is_masked(text: str) -> None:
    masked = mask_personnummer(text)
    assert MASK in masked
    assert not any(ch.isdigit() for ch in masked.replace("(samordning)", ""))


@pytest.mark.parametrize("text", ["0701234567", "070-123 45 67", "ring 0812345678", "den 2024-03-01",
                                  "32 000 kr", "organisationsnummer 556677-88"])
def test_phone_numbers_and_dates_are_kept(text: str) -> None:
    assert mask_personnummer(text) == text


def test_entities_with_positions() -> None:
    text = "jag började på ICA i mars 2024 och jobbade 30 timmar i veckan för 28 000 kr"
    found = {(e["entity"], text[e["start"]:e["end"]], e["value"]) for e in find_entities(text, TODAY)}
    assert found == {("date", "mars 2024", "2024-03-01"),
                     ("hours_per_week", "30 timmar i veckan", 30.0),
                     ("money_sek", "28 000 kr", 28000)}
    assert find_entities("jag är 45 år", TODAY) == []


@pytest.mark.parametrize("text, expected", [
    # Still there, until a date: the date is the answer, and it is still to come.
    ("jobbar kvar till 31 mars", "2027-03-31"),
    ("jag är kvar t.o.m. juni", "2027-06-30"),
    ("arbetar kvar till den 15 februari", "2027-02-15"),
    ("jobbar kvar till våren", "2027-06-30"),
    ("till och med 31 mars", "2027-03-31"),
    # A season or the next month said as a coming end: the one ahead, to its last day.
    ("till sommaren", "2027-09-30"),
    ("nästa månad", "2026-12-31"),
    ("pågår tills nästa månad", "2026-12-31"),
    ("slutade i somras", "2026-09-30"),
    ("den slutar nu i december", "2026-12-31"),
])
def test_still_there_until_a_date_is_that_end(text: str, expected: str) -> None:
    parsed = parse_date(text, date(2026, 11, 26), allow_ongoing=True, end_of_period=True)
    assert parsed is not None and not parsed.ongoing and parsed.iso() == expected


@pytest.mark.parametrize("text", ["inte än", "den har inte slutat än", "jobbar där fortfarande",
                                  "jobbar kvar tills vidare", "jag jobbar kvar", "jobbar där nu", "nu"])
def test_not_ended_yet_is_ongoing(text: str) -> None:
    parsed = parse_date(text, date(2026, 11, 26), allow_ongoing=True, end_of_period=True)
    assert parsed is not None and parsed.ongoing


@pytest.mark.parametrize("text, expected", [
    ("från januari 2023 till juni 2025", ("2023-01-01", "2025-06-30")),
    ("mars-maj 2025", ("2025-03-01", "2025-05-31")),                 # the year is shared
    ("november till mars 2025", ("2024-11-01", "2025-03-31")),       # over the turn of the year
    ("mars 2024 till maj", ("2024-03-01", "2024-05-31")),
    ("mellan maj och augusti 2024", ("2024-05-01", "2024-08-31")),
    ("ja på ica 2012-2019", ("2012-01-01", "2019-12-31")),
    ("1 mars 2023 - 15 juni 2024", ("2023-03-01", "2024-06-15")),
    ("2024-03-01 till 2024-06-30", ("2024-03-01", "2024-06-30")),
    ("juni 2024 till nu", ("2024-06-01", "ongoing")),
    ("2024-03-01", None), ("2019", None), ("jag jobbade 40 timmar", None),
    ("2025-2024", None),                                              # the end before the start
])
def test_a_period_told_as_one(text: str, expected: tuple[str, str] | None) -> None:
    period = parse_period(text, TODAY)
    if expected is None:
        assert period is None
        return
    assert period is not None
    start, end = period
    assert (start.iso(), "ongoing" if end.ongoing else end.iso()) == expected


@pytest.mark.parametrize("text, end, expected", [
    # The holidays as dates, the coming one for an end and the last one gone for a start.
    ("till jul", True, "2026-12-24"), ("fram till julafton", True, "2026-12-24"), ("över nyår", True, "2026-12-31"),
    ("efter nyår", True, "2027-01-31"), ("julen 2019", False, "2019-12-24"), ("efter jul 2025", False, "2026-01-01"),
    # "jul" with a number is July, as before.
    ("jul 2019", False, "2019-07-01"), ("1 jul 2019", False, "2019-07-01"),
])
def test_the_holidays_are_dates(text: str, end: bool, expected: str) -> None:
    parsed = parse_date(text, date(2026, 11, 26), end_of_period=end)
    assert parsed is not None and parsed.iso() == expected


@pytest.mark.parametrize("text, expected", [
    # Thursday 26 November 2026. "i fredags" is the latest Friday gone; "i torsdags" a week ago.
    ("i fredags", "2026-11-20"), ("mitt vikariat tog slut i fredags", "2026-11-20"), ("i söndags", "2026-11-22"),
    ("i onsdags", "2026-11-25"), ("i torsdags", "2026-11-19"), ("förra fredagen", "2026-11-20"),
    # The next one to come.
    ("på fredag", "2026-11-27"), ("nu på fredag", "2026-11-27"), ("nästa måndag", "2026-11-30"),
    ("till torsdag", "2026-12-03"),
    # The days next to today, as days.
    ("i går", "2026-11-25"), ("i förrgår", "2026-11-24"),
])
def test_weekdays_and_days_next_to_today_are_days(text: str, expected: str) -> None:
    parsed = parse_date(text, date(2026, 11, 26), end_of_period=True)
    assert parsed is not None and parsed.iso() == expected and parsed.precision == "day"


@pytest.mark.parametrize("text, end, expected", [
    ("mars nästa år", True, "2027-03-31"), ("i mars nästa år tror jag", False, "2027-03-01"),
    # This year's season, or next year's once it is over: in November "i vår" is next spring.
    ("i vår", True, "2027-06-30"), ("i vår nån gång", False, "2027-04-01"), ("i höst", True, "2026-12-31"),
    ("till sommaren", False, "2026-07-01"), ("i vinter", True, "2027-03-31"), ("i höst antar jag", False, "2026-10-01"),
])
def test_this_season_and_next_year_without_a_year_written(text: str, end: bool, expected: str) -> None:
    parsed = parse_date(text, TODAY, allow_ongoing=end, end_of_period=end)
    assert parsed is not None and parsed.iso() == expected


@pytest.mark.parametrize("text, end, expected", [
    ("förra månaden", True, "2026-10-31"), ("i förra månaden", False, "2026-10-01"), ("nästa månad", True, "2026-12-31"),
])
def test_the_month_before_and_after_is_a_month(text: str, end: bool, expected: str) -> None:
    parsed = parse_date(text, TODAY, allow_ongoing=end, end_of_period=end)
    assert parsed is not None and (parsed.iso(), parsed.precision) == (expected, "month")


def test_our_is_not_spring() -> None:
    assert parse_date("vår chef", TODAY) is None and parse_date("vår", TODAY, end_of_period=True) is None


def test_a_season_with_its_year_is_one_end_of_a_period() -> None:
    start, end = parse_period("från sommaren 2023 till jan 2025", date(2026, 11, 26))
    assert (start.iso(), start.precision, end.iso()) == ("2023-07-01", "season", "2025-01-31")
    start, end = parse_period("hösten 2022 - våren 2023", date(2026, 11, 26))
    assert (start.iso(), end.iso(), end.precision) == ("2022-10-01", "2023-06-30", "season")


@pytest.mark.parametrize("text, hours", [("8 timmar om dagen", 40.0), ("6h per dag", 30.0), ("dagtid mån-fre", 40.0)])
def test_hours_per_day_and_a_working_week(text: str, hours: float) -> None:
    assert parse_hours_per_week(text) == hours


@pytest.mark.parametrize("text, sek", [("ca 25 papp", 25000), ("25 lax", 25000)])
def test_money_in_slang_thousands(text: str, sek: int) -> None:
    assert parse_money_sek(text) == sek


@pytest.mark.parametrize("text, end, expected", [
    # A day told by its month's place from now (TODAY is 22 November 2026).
    ("den 15:e nästa månad", True, "2026-12-15"), ("15:e nästa månad", True, "2026-12-15"),
    ("den 31:a nästa månad", True, "2026-12-31"), ("den 1:a denna månad", False, "2026-11-01"),
    # Without the month: the next such day for an end, the last one for a start.
    ("den 15:e", True, "2026-12-15"), ("den 30:e", True, "2026-11-30"), ("den 15:e", False, "2026-11-15"),
    ("den 25:e", False, "2026-10-25"),
])
def test_a_day_of_this_or_the_next_month(text: str, end: bool, expected: str) -> None:
    parsed = parse_date(text, TODAY, end_of_period=end)
    assert parsed is not None and parsed.iso() == expected and parsed.precision == "day"


def test_a_bare_number_or_an_impossible_day_is_no_date() -> None:
    assert parse_date("15", TODAY, end_of_period=True) is None
    assert parse_date("den 31:a nästa månad", date(2026, 10, 5), end_of_period=True) is None  # November has 30


@pytest.mark.parametrize("text, end, expected", [
    # A year written short, as in chat: the century that puts it no later than next year.
    ("-08", False, "2008-01-01"),
    ("sen -08", False, "2008-01-01"),
    ("år 98", False, "1998-01-01"),
    ("'15", False, "2015-01-01"),
    ("-27", True, "2027-12-31"),
    ("08", False, None),  # a bare figure is not a year
])
def test_a_year_written_short(text: str, end: bool, expected: str | None) -> None:
    parsed = parse_date(text, TODAY, end_of_period=end)
    assert (parsed.value.isoformat() if parsed else None) == expected
