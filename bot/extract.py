"""Swedish values in chat answers: dates, durations, weekly hours, money, and personnummer masking.

Pure functions shared by the NLU component (bot/components.py), the REST channel (bot/channels.py)
and the action server's form validation (actions/). Dates go through `dateparser`, which knows
Swedish month names and relative phrases; what it lacks (seasons, "sen januari", bare years,
"fortfarande") is handled here first. Every function takes `today` so answers are reproducible.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

# --- text helpers ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, without å/ä/ö accents, single spaces: people often type "vaaras" or "i varas"."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


# --- numbers written as words -----------------------------------------------------------------
# No maintained library reads Swedish number words; this covers what people type in a chat
# ("tjugo", "trettiotvå tusen", "en och en halv").
_UNITS = {
    "noll": 0, "en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
    "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
         "attio": 80, "nittio": 90}
_MORPHEMES = sorted({**_UNITS, **_TENS, "hundra": 100, "tusen": 1000}.items(),
                    key=lambda kv: -len(kv[0]))


def word_number(word: str) -> int | None:
    """'tjugofem' -> 25, 'trettiotvatusen' -> 32000; None when the word is not a number."""
    word = fold(word).replace(" ", "")
    if not word:
        return None
    total, current, pos = 0, 0, 0
    while pos < len(word):
        for morpheme, value in _MORPHEMES:
            if word.startswith(morpheme, pos):
                break
        else:
            return None
        pos += len(morpheme)
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        else:
            current += value
    return total + current


_NUMBER_WORD_RE = re.compile(
    r"\b(?:" + "|".join(m for m, _ in _MORPHEMES) + r")(?:[a-z]*)\b")


def _replace_number_words(folded: str) -> str:
    def sub(m: re.Match[str]) -> str:
        value = word_number(m.group(0))
        return str(value) if value is not None else m.group(0)
    # "en"/"ett" alone are articles as often as numbers; keep them unless a unit follows.
    out = _NUMBER_WORD_RE.sub(lambda m: m.group(0) if m.group(0) in ("en", "ett") else sub(m),
                              folded)
    return re.sub(r"\b(?:en|ett) (?=(?:ar|manad|manader|vecka|veckor|timme|timmar|halvar)\b)",
                  "1 ", out)


def _decimal(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


# --- dates ----------------------------------------------------------------------------------

ONGOING = "ongoing"


@dataclass(frozen=True)
class ParsedDate:
    """A date read from an answer. `precision` tells how exact the person was."""
    value: date | None          # None when ongoing
    precision: str              # day | month | season | year | relative | ongoing
    ongoing: bool = False

    def iso(self) -> str | None:
        return None if self.value is None else self.value.isoformat()


_ONGOING_RE = re.compile(
    r"\b(fortfarande|pagar|pagaende|tills vidare|tillsvidare|jobbar kvar|arbetar kvar|"
    r"ar kvar|inte slutat|har inte slutat|an(?:nu)? idag|fortfarande anstalld|"
    # "fast anställd", "den fortsätter": a job without an end date
    r"fast anstalld|fastanstalld|tillsvidareanstalld|fortsatter|inget slutdatum|ingen slutdag|"
    r"jobbar dar fortfarande|jobbar dar|arbetar dar|inte an|inte annu|nuvarande|just nu|"
    r"nu(?!\s+(?:i|pa|till|den|sista)\s))\b")  # "nu i december" is a date
# "jobbar kvar till 31 mars", "är kvar t.o.m. juni": still there, but the end is what was asked.
_UNTIL_RE = re.compile(r"\b(?:till|tills|forran|t\.? ?o\.? ?m\.?|tom|sista)\s+(?:och med\s+)?(?:den\s+|i\s+|sista\s+)?"
                       r"(?:\d|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|var|sommar|host|vinter|nyar|arsskiftet|"
                       # "pågår tills nästa månad": a coming end said from today
                       r"nasta (?:manad|ar|sommar|host|var|vinter)|manadsskiftet|slutet av)")
_SEASONS = {"var": 4, "varen": 4, "varas": 4, "sommar": 7, "sommaren": 7, "somras": 7,
            "host": 10, "hosten": 10, "hostas": 10, "vinter": 1, "vintern": 1, "vintras": 1}
_SEASON_RE = re.compile(
    r"\b(?:i |under )?(varas|somras|hostas|vintras|varen|sommaren|hosten|vintern)"
    r"(?: (?:ar )?(\d{4}|-?\d{2}))?\b")
_YEAR_ONLY_RE = re.compile(r"^(?:(?:ar|aret|sedan|sen|fran|i|under|runt|kring|typ|ca|cirka) )*"
                           r"(19\d{2}|20\d{2})$")
# "sen -08", "år 98", "'15": a year written short, as people do in chat.
_SHORT_YEAR_RE = re.compile(r"^(?:(?:sedan|sen|fran|i|under|runt|kring|typ|ca|cirka) )*(?:[-'’´](\d{2})|ar (\d{2}))$")
_LEADING_WORDS = re.compile(
    r"^(?:(?:nej|ne|na|naa|ja|jo|japp|okej|ok)\b,?\s*|(?:min |den )?sista (?:arbets)?dag(?:en)? (?:ar|blir|var|blev)\s*|"
    r"(?:jag |vi )?(?:borjade|slutade|anstalldes|slutar|borjar|jobbade|har jobbat|"
    r"var anstalld|var (?:foraldraledig|mammaledig|pappaledig|sjukskriven|ledig|tjanstledig|hemma)|sa|den|fran och med|fr\.?o\.?m\.?|fran|sedan|sen|ungefar|ca|cirka|typ|"
    r"runt|kring|omkring|i|pa|under|till|tills|t\.?o\.?m\.?|nu|dar|hos dem|pa stallet)\b\s*)+")
_RELATIVE_RE = re.compile(r"\b(sedan|sen)\b.*\b(ar|manad|manader|vecka|veckor|dag|dagar)\b|"
                          r"\b(igar|idag|i dag|forra|i fjol|ifjol)\b")
# People who are unsure hedge ("någon gång 2019", "2019 tror jag"), and those still at work say
# until when ("jobbar kvar till 31 mars", "t.o.m. juni"): the date is what they give.
_HEDGES_RE = re.compile(r"\b(?:(?:jag )?(?:vet|minns) inte (?:exakt|riktigt|precis)(?: men)?|"
                        r"nagon gang|nan gang|nangang|kanske|tror jag|antar jag|jag tror(?: att)?(?: det var)?|"
                        r"det var|om jag minns ratt|ish|"
                        r"(?:jag )?(?:jobbar|arbetar|ar) kvar(?: (?:fram )?(?:till och med|tills|till))?|"
                        r"(?:fram )?till och med|fram till)\b|\bt\.? ?o\.? ?m\b\.?")
# An end still to come: "till sommaren" in November is next summer, not the one gone.
_COMING_RE = re.compile(r"\b(till|tills|slutar|tar slut|upphor|gar ut|ska|kommer)\b")
# "nästa månad" as an end is that month's last day (dateparser: the same day a month on).
_NEXT_MONTH_RE = re.compile(r"\b(?:nasta|kommande) manad(?:en)?$")
# "den 15:e", "15:e nästa månad", "den 1:a denna månad": a day of a month told by where it is
# from now. A bare "15" is not one (it may be hours or an age).
_DAY_IN_MONTH_RE = re.compile(r"(?P<den>den )?(?P<day>\d{1,2})(?P<nth>:?(?:e|a))?"
                              r"(?: (?:i |pa )?(?P<which>nasta|kommande|denna|den har|forra) manad(?:en)?)?")
# "förra månaden" is that month (dateparser: today a month ago, as a day).
_LAST_MONTH_RE = re.compile(r"^(?:i )?(?:forra|forrar) manad(?:en)?$")
# "förra året" is a year, not today one year ago (which dateparser would give).
_LAST_YEAR_RE = re.compile(r"\b(?:forra aret|i fjol|ifjol)\b")
_THIS_YEAR_RE = re.compile(r"\b(?:i ar|det har aret|detta ar)$")
_NEXT_YEAR_RE = re.compile(r"\b(?:nasta ar(?:et)?|kommande ar(?:et)?|till aret)\b")
# "i vår", "till hösten" without a year: the season of this year not yet over ("i vår" in
# November is next spring, "i höst" this autumn). Bare "vår" is also "our", hence the preposition.
_THIS_SEASON_RE = re.compile(r"^(?:i|till|under) (var|sommar|host|vinter)$")
# "i början av 2019": a third of a year, read like a season (start month, three months long).
_PART_OF_YEAR = {"borjan": 1, "mitten": 5, "slutet": 10}
_PART_OF_YEAR_RE = re.compile(r"\b(?:i )?(borjan|mitten|slutet) (?:av|pa) (?:aret )?(\d{4}|-\d{2})$")
_PART_OF_MONTH_RE = re.compile(r"\b(?:i )?(?:borjan|mitten|slutet) (?:av|pa) (?=[a-z])")
_SETTINGS_BASE = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past",
                  "DATE_ORDER": "YMD", "RETURN_AS_TIMEZONE_AWARE": False}
# A day before the month's name ("31 oktober") is a day, which YMD would read as the year 1931.
_DAY_FIRST_RE = re.compile(r"^\d{1,2} [a-z]")
# "40 timmar" is an amount of hours, which dateparser would read as "40 hours ago".
_NOT_A_DATE_RE = re.compile(r"\b(timmar|timme|tim|h|minuter|sekunder|procent|kr|kronor)\b|%")
# Each month's spellings, the full name last.
_MONTH_SPELLINGS = (("jan", "januari"), ("feb", "februari"), ("mar", "mars"), ("apr", "april"), ("maj",),
                    ("jun", "juni"), ("jul", "juli"), ("aug", "augusti"), ("sep", "sept", "september"),
                    ("okt", "oktober"), ("nov", "november"), ("dec", "december"))
_MONTH_NUMBER = {name: i for i, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
# Every spelling of a month, the longest first (for regexes here and in actions/parsing.py).
MONTH_WORDS = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_MONTH_NAMES = tuple(names[-1] for names in _MONTH_SPELLINGS)
# "sista oktober", "den sista dagen i mars 2025": the month's last day.
_LAST_DAY_RE = re.compile(r"\b(?:den )?sista (?:dagen )?(?:i |av |pa )?(" + MONTH_WORDS
                          + r")\b(?: (\d{4}))?")


# "till jul", "efter nyår", "julen 2024": the holidays as dates ("jul" with a number is July).
_HOLIDAY_RE = re.compile(r"(?<!\d )\b(?:(?P<after>efter) )?(?:(?P<xmas>julen|julafton|jul)|"
                         r"(?P<newyear>nyaret|nyarsafton|nyar|arsskiftet))\b(?: (?P<year>\d{4}))?(?! ?\d)")


def _holiday_date(folded: str, today: date, end_of_period: bool) -> ParsedDate | None:
    m = _HOLIDAY_RE.search(folded)
    if not m or (m.group("xmas") == "jul" and not m.group("after") and re.search(r"\d", folded)):
        return None  # "jul 2019", "1 jul": July
    day = date(today.year, 12, 24 if m.group("xmas") else 31)
    if m.group("year"):
        day = day.replace(year=int(m.group("year")))
    elif end_of_period and day < today:
        day = day.replace(year=day.year + 1)      # an end still to come: this year's, or next
    elif not end_of_period and day > today:
        day = day.replace(year=day.year - 1)      # a start: the last one gone
    if m.group("after"):
        # "efter jul / nyår": the January after, as a month.
        january = date(day.year + 1, 1, 31 if end_of_period else 1)
        return ParsedDate(january, "month")
    return ParsedDate(day, "day")


# Folded. "i fredags" is the latest Friday gone, "förra fredagen" too; "på fredag", "nu på
# fredag", "nästa fredag" the next one to come. dateparser reads none of them right.
_WEEKDAYS = ("mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag")
_WEEKDAY_RE = re.compile(r"\b(?:i (?P<p>man|tis|ons|tors|fre|lor|son)dags|"
                         r"forra (?P<f>" + "|".join(_WEEKDAYS) + r")(?:en)?|"
                         r"(?:nu |nasta |till |pa |nu pa |kommande )(?P<n>" + "|".join(_WEEKDAYS) + r")(?:en)?)\b")


def _weekday_date(folded: str, today: date) -> ParsedDate | None:
    m = _WEEKDAY_RE.search(folded)
    if not m:
        return None
    if m.group("n"):
        ahead = (_WEEKDAYS.index(m.group("n")) - today.weekday()) % 7 or 7
        return ParsedDate(today + timedelta(days=ahead), "day")
    name = m.group("f") or m.group("p") + "dag"
    back = (today.weekday() - _WEEKDAYS.index(name)) % 7 or 7
    return ParsedDate(today - timedelta(days=back), "day")


def _season_date(word: str, year_text: str | None, today: date) -> date:
    month = _SEASONS[word]
    if year_text:
        year = int(year_text.lstrip("-"))
        year = year + 2000 if year < 100 else year
        return date(year, month, 1)
    # "i våras" is the latest spring that has begun; in November that is this year's.
    year = today.year if (today.month, 1) >= (month, 1) else today.year - 1
    return date(year, month, 1)


def _this_season(word: str, today: date, end_of_period: bool) -> ParsedDate:
    """"i vår": this year's spring, or next year's once this year's is over (three months from
    the season's first month, as for "våren 2025")."""
    month = _SEASONS[word]
    year = today.year
    if date(year, month + 2, 1) < today.replace(day=1):
        year += 1
    if end_of_period:
        return ParsedDate(date(year, month + 2, calendar.monthrange(year, month + 2)[1]), "season")
    return ParsedDate(date(year, month, 1), "season")


# Swedish writes the day first: "31/12", "1/3 2024", "31/12-26"; "12/2026" is a month.
_DAY_SLASH_MONTH_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:(?: |-|, ?)(\d{4}|\d{2}))?\b(?!/)")
_MONTH_SLASH_YEAR_RE = re.compile(r"(?<![\d/.])\b(\d{1,2})/(\d{4})\b")
_FULL_NUMERIC_RE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")


def _numeric_day_month(folded: str) -> str:
    """Day/month in numbers, as written in Sweden, in words dateparser reads the right way round."""
    def month_year(m: re.Match[str]) -> str:
        month = int(m.group(1))
        return f"{_MONTH_NAMES[month - 1]} {m.group(2)}" if 1 <= month <= 12 else m.group(0)

    def day_month(m: re.Match[str]) -> str:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        if year is None:
            return f"{day} {_MONTH_NAMES[month - 1]}"
        full = int(year) + 2000 if len(year) == 2 else int(year)
        return f"{full:04d}-{month:02d}-{day:02d}"

    folded = _FULL_NUMERIC_RE.sub(day_month, folded)
    folded = _MONTH_SLASH_YEAR_RE.sub(month_year, folded)
    return _DAY_SLASH_MONTH_RE.sub(day_month, folded)


def _day_in_month(day: int, which: str | None, today: date, coming: bool) -> ParsedDate | None:
    """"den 15:e nästa månad" → that day. Without the month, the nearest such day ahead for an
    end (`coming`), behind for a start."""
    index = today.year * 12 + today.month - 1
    if which in ("nasta", "kommande"):
        index += 1
    elif which == "forra":
        index -= 1
    elif which is None:
        if coming and day < today.day:
            index += 1
        elif not coming and day > today.day:
            index -= 1
    year, month = index // 12, index % 12 + 1
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return ParsedDate(date(year, month, day), "day")


def parse_date(text: str, today: date, *, allow_ongoing: bool = False,
               end_of_period: bool = False) -> ParsedDate | None:
    """Read one date from a chat answer; None when there is none.

    With `end_of_period` an answer naming only a month or a year means its last day
    ("slutade i mars 2025" = worked through March); otherwise its first day.
    Dates after `today` are allowed (a notice period may end later) but not beyond next year.
    """
    folded = fold(text).rstrip(".!?")
    if not folded:
        return None
    still_there = bool(_ONGOING_RE.search(folded))  # "jobbar kvar till juni": a coming end
    if allow_ongoing and still_there and not _UNTIL_RE.search(folded):
        return ParsedDate(None, ONGOING, ongoing=True)
    folded = re.sub(r"\s+", " ", _HEDGES_RE.sub(" ", folded)).strip(" ,").rstrip("-")
    folded = _THIS_YEAR_RE.sub(str(today.year), _LAST_YEAR_RE.sub(str(today.year - 1), folded))
    folded = _NEXT_YEAR_RE.sub(str(today.year + 1), folded)
    if _NOT_A_DATE_RE.search(folded):
        return None
    folded = _LAST_DAY_RE.sub(lambda m: _last_day(m.group(1), m.group(2), today), folded)
    folded = _numeric_day_month(folded)
    named_day = _holiday_date(folded, today, end_of_period) or _weekday_date(folded, today)
    if named_day:
        return named_day
    part = _PART_OF_YEAR_RE.search(folded)
    if part:
        year = int(part.group(2).lstrip("-"))
        year = year + 2000 if year < 100 else year
        month = _PART_OF_YEAR[part.group(1)] + (2 if end_of_period else 0)
        day = calendar.monthrange(year, month)[1] if end_of_period else 1
        return ParsedDate(date(year, month, day), "season")
    folded = _PART_OF_MONTH_RE.sub("", folded)
    this_season = _THIS_SEASON_RE.match(folded)
    if this_season:
        return _this_season(this_season.group(1), today, end_of_period)
    season = _SEASON_RE.search(folded)
    if season:
        start = _season_date(season.group(1), season.group(2), today)
        if end_of_period:
            end_month = start.month + 2
            start = date(start.year, end_month,
                         calendar.monthrange(start.year, end_month)[1])
            if (still_there or _COMING_RE.search(folded)) and not season.group(2) and start < today:
                start = start.replace(year=start.year + 1)  # "jobbar kvar till våren": the next spring
        return ParsedDate(start, "season")
    day_in_month = _DAY_IN_MONTH_RE.fullmatch(folded)
    if day_in_month and (day_in_month.group("den") or day_in_month.group("nth") or day_in_month.group("which")):
        return _day_in_month(int(day_in_month.group("day")), day_in_month.group("which"), today, end_of_period)
    step = 1 if _NEXT_MONTH_RE.search(folded) else -1 if _LAST_MONTH_RE.match(folded) else 0
    if step:
        index = today.year * 12 + today.month - 1 + step
        year, month = index // 12, index % 12 + 1
        day = calendar.monthrange(year, month)[1] if end_of_period else 1
        return ParsedDate(date(year, month, day), "month")
    folded = re.sub(r"(\d)\s*:\s*(?:a|e)\b", r"\1", folded)      # "1:a mars", "2:e maj"
    folded = re.sub(r"\bsen$", "sedan", folded)                     # "för 2 år sen"
    core = _LEADING_WORDS.sub("", folded).strip()
    if re.fullmatch(r"\d{1,3}", core):                               # "40" is hours, not 1940
        return None
    year_only = _YEAR_ONLY_RE.match(core) or _YEAR_ONLY_RE.match(folded)
    short_year = _SHORT_YEAR_RE.match(folded)
    if short_year and not year_only:
        two = int(short_year.group(1) or short_year.group(2))
        # The century that puts the year no later than next year: "-08" is 2008, "-98" is 1998.
        year = 2000 + two if 2000 + two <= today.year + 1 else 1900 + two
        return ParsedDate(date(year, 12, 31) if end_of_period else date(year, 1, 1), "year")
    if year_only:
        year = int(year_only.group(1))
        return ParsedDate(date(year, 12, 31) if end_of_period else date(year, 1, 1), "year")
    candidate = _replace_number_words(core or folded)
    # dateparser reads "för 2 år sedan" but not the folded "for 2 ar sedan": give it back å/ö.
    candidate = re.sub(r"\bfor (\d+) (ar|manader|manad|veckor|dagar) sedan\b",
                       lambda m: f"för {m.group(1)} {_REFOLD[m.group(2)]} sedan", candidate)
    settings = dict(_SETTINGS_BASE, RELATIVE_BASE=datetime(today.year, today.month, today.day))
    if end_of_period:
        settings["PREFER_DAY_OF_MONTH"] = "last"
    if _DAY_FIRST_RE.match(candidate):
        settings["DATE_ORDER"] = "DMY"
    parsed = dateparser.parse(candidate, languages=["sv"], settings=settings)
    if parsed is None and candidate != folded:
        parsed = dateparser.parse(text.strip(), languages=["sv"], settings=settings)
    if parsed is None:
        return None
    value = parsed.date()
    if end_of_period and not re.search(r"\d{4}|-\d{2}\b|\d/\d+ \d{2}", candidate) \
            and not (_RELATIVE_RE.search(folded) or "sedan" in candidate):
        # An end without a year ("31 januari") may be past or still to come (a notice period):
        # the nearer of the two is meant.
        try:
            later = value.replace(year=value.year + 1)
        except ValueError:  # 29 February
            later = value.replace(year=value.year + 1, day=28)
        past = re.search(r"\b(slutade|slutat|tog slut|upphorde|var|blev)\b", folded)
        coming = still_there or re.search(r"\b(slutar|tar slut|upphor|ska|kommer)\b", folded)
        if not past and (coming and value < today or abs((later - today).days) < abs((value - today).days)):
            value = later
    if value.year < 1940 or value.year > today.year + 1:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(?:[:e]|\s+[a-z]|[/.-]\d)|\d{4}-\d{2}-\d{2}", candidate))
    if re.search(r"\b(i ?gar|i ?forrgar|i ?dag)\b", folded):
        precision = "day"  # "slutade i går": the day itself
    elif _RELATIVE_RE.search(folded) or "sedan" in candidate:
        precision = "relative"
    elif has_day:
        precision = "day"
    else:
        precision = "month"
    return ParsedDate(value, precision)


def _last_day(month_name: str, year_text: str | None, today: date) -> str:
    month = _MONTH_NUMBER[month_name]
    year = int(year_text) if year_text else today.year
    return f"{calendar.monthrange(year, month)[1]} {month_name}" + (f" {year_text}" if year_text else "")


_REFOLD = {"ar": "år", "manader": "månader", "manad": "månad", "veckor": "veckor", "dagar": "dagar"}



# --- periods --------------------------------------------------------------------------------
# Folded. "från januari 2023 till juni 2025", "mars-maj 2025", "2012-2019", "mellan maj och
# augusti 2024", "juni 2024 till nu", "sommaren 2023 till jan 2025": a start and an end told together,
# inside a longer answer.
_PERIOD_DATE = (r"(?:varen|sommaren|hosten|vintern) \d{4}\b|"
                r"(?:\d{1,2} )?(?:" + MONTH_WORDS + r")\.?(?: \d{4})?(?![a-z])|"
                r"\d{4}-\d{2}-\d{2}\b|(?<!\d)\d{4}(?!\d|-\d{2}-)")
_PERIOD_RE = re.compile(
    r"(?:\bmellan (?P<a1>" + _PERIOD_DATE + r") och (?P<b1>" + _PERIOD_DATE + r"))|"
    r"(?P<a2>" + _PERIOD_DATE + r")\s*(?:[-–]|\s(?:till|tills|t\.?o\.?m\.?)\s)\s*"
    r"(?P<b2>" + _PERIOD_DATE + r"|nu\b|idag\b|i dag\b|fortfarande\b)")
_PERIOD_YEAR_RE = re.compile(r"\b(\d{4})$")


def _month_of(text: str) -> int | None:
    m = re.search(r"\b(" + MONTH_WORDS + r")\b", text)
    return _MONTH_NUMBER[m.group(1)] if m else None


def parse_period(text: str, today: date) -> tuple[ParsedDate, ParsedDate] | None:
    """(start, end) of a period written as one ("mars-maj 2025": the year is shared); None when
    the text has no such pair or the end comes before the start."""
    m = _PERIOD_RE.search(fold(text))
    if not m:
        return None
    first, second = (m.group("a1"), m.group("b1")) if m.group("a1") else (m.group("a2"), m.group("b2"))
    year_a, year_b = _PERIOD_YEAR_RE.search(first), _PERIOD_YEAR_RE.search(second)
    month_a, month_b = _month_of(first), _month_of(second)
    if year_b and not year_a and month_a:   # "mars-maj 2025", "november till mars 2025"
        shift = 1 if month_b and month_a > month_b else 0
        first = f"{first} {int(year_b.group(1)) - shift}"
    elif year_a and not year_b and month_b:  # "mars 2024 till maj"
        shift = 1 if month_a and month_b < month_a else 0
        second = f"{second} {int(year_a.group(1)) + shift}"
    start = parse_date(first, today)
    if second in ("nu", "idag", "i dag", "fortfarande"):
        end: ParsedDate | None = ParsedDate(None, ONGOING, ongoing=True)
    else:
        end = parse_date(second, today, end_of_period=True)
    if start is None or start.value is None or end is None:
        return None
    if end.value is not None and end.value < start.value:
        return None
    return start, end

# --- durations ------------------------------------------------------------------------------
_DURATION_RE = re.compile(
    r"(\d+(?:[.,]\d+)?|halvt?)\s*(ar|aret|manad|manader|man|veckor|vecka|v)\b")


def parse_duration_months(text: str) -> float | None:
    """'två år' -> 24, 'ett halvår' -> 6, '6 månader' -> 6, '3 veckor' -> 0.7; None otherwise."""
    folded = _replace_number_words(fold(text))
    and_half = re.search(r"\b(\d+|en|ett) och (?:en|ett|1) halv[t]? (ar|manad)", folded)
    if and_half:
        whole = 1 if and_half.group(1) in ("en", "ett") else int(and_half.group(1))
        return (whole + 0.5) * (12 if and_half.group(2) == "ar" else 1)
    if re.search(r"\b(1 )?halvar\b", folded):
        return 6.0
    total, found = 0.0, False
    for m in _DURATION_RE.finditer(folded):
        amount = 0.5 if m.group(1).startswith("halv") else _decimal(m.group(1))
        unit = m.group(2)
        if unit.startswith("ar"):
            total += amount * 12
        elif unit.startswith("man"):
            total += amount
        else:
            total += amount * 12 / 52
        found = True
    return round(total, 1) if found else None


# --- weekly hours ---------------------------------------------------------------------------
FULL_TIME_HOURS = 40.0
_PERCENT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent|proc\b|pct\b)")
_HOURS_RE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:h\b|tim\w*|t/v|h/v|i veckan|per vecka|"
    r"/vecka|/v\b|i v\b)?")


# Folded. "8 timmar om dagen": a working week of five such days; "mån-fre": the whole week.
# Public: the question's interpreter says back how it counted.
PER_DAY_RE = re.compile(r"\b(\d+(?:[.,]\d+)?) ?(?:h|tim\w*) (?:om|per|i|/) ?dag(?:en)?\b")
WORKING_WEEK_RE = re.compile(r"\bman ?- ?fre\b|\bmandag (?:till|-) fredag\b|\balla vardagar\b")


def parse_hours_per_week(text: str) -> float | None:
    """Average weekly hours: '40', 'heltid', 'halvtid', '75 %', 'tjugo timmar', '38,25 tim'."""
    folded = _replace_number_words(fold(text))
    percent = _PERCENT_RE.search(folded)
    if percent:
        value = _decimal(percent.group(1))
        return round(FULL_TIME_HOURS * value / 100, 2) if 0 < value <= 100 else None
    if re.search(r"\bheltid\b|\bfull ?tid\b", folded):
        return FULL_TIME_HOURS
    if re.search(r"\bhalvtid\b|\bhalv ?tid\b", folded):
        return FULL_TIME_HOURS / 2
    if re.search(r"\bkvartstid\b", folded):
        return FULL_TIME_HOURS / 4
    # "3 dagar i veckan", "3 pass i veckan": a full-time day (or shift) is a fifth of the week.
    days = re.search(r"\b(\d(?:[.,]5)?) (?:dagar|dag|pass|arbetspass) ?(?:i veckan|per vecka|/v\w*|i v\b|i veckorna)",
                     folded)
    if days and 0 < _decimal(days.group(1)) <= 7:
        return round(_decimal(days.group(1)) * FULL_TIME_HOURS / 5, 2)
    per_day = PER_DAY_RE.search(folded)
    if per_day and 0 < _decimal(per_day.group(1)) <= 14:
        return round(_decimal(per_day.group(1)) * 5, 2)
    if WORKING_WEEK_RE.search(folded) and not re.search(r"\d", folded):
        return FULL_TIME_HOURS  # "dagtid mån-fre": the whole working week
    # "mellan 20 och 30 timmar" as "20-30": the lower figure, as below.
    folded = re.sub(r"\bmellan (\d+(?:[.,]\d+)?) (?:och|till) (\d+(?:[.,]\d+)?)", r"\1-\2", folded)
    # "20 timmar i veckan", "ca 30", "30-35 timmar" (the lower figure: be conservative)
    numbers = [m for m in _HOURS_RE.finditer(folded) if m.group(1)]
    if len(numbers) != 1 and not re.search(r"\d+\s*-\s*\d+", folded):
        numbers = [m for m in numbers if re.search(r"h\b|tim|vecka|/v", m.group(0))] or numbers
    if not numbers:
        return None
    value = _decimal(numbers[0].group(1))
    if re.search(r"\bi manaden\b|\bper manad\b|/man", folded):
        value = value * 12 / 52
    return round(value, 2) if 0 < value <= 100 else None


# --- money ----------------------------------------------------------------------------------
_MONEY_RE = re.compile(
    r"(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+(?:[.,]\d+)?)\s*(k\b|tusen\b|tkr\b|000\b)?")


def parse_money_sek(text: str) -> int | None:
    """Monthly income in whole kronor: '32 000 kr', '32000', '32 tusen', '32k', '32,5k'."""
    folded = fold(text).replace(":-", " kr")
    # "mellan 10 och 20 tusen": the unit belongs to both; the lower figure is taken below.
    # "25 papp", "25 lax": thousands, as chat says it.
    folded = re.sub(r"(\d)\s*(?:papp|lax|lakan|lok)\b", r"\1 tusen", folded)
    folded = re.sub(r"(\d+(?:[.,]\d+)?)\s*(och|till|-|–)\s*(\d+(?:[.,]\d+)?)\s*(tusen|k|tkr)\b", r"\1 \4 \2 \3 \4", folded)
    # "32 tusen" before number words, so "tusen" is not read as a second number
    folded = re.sub(r"(\d+(?:[.,]\d+)?)\s*(?:tusen|k|tkr)\b",
                    lambda m: str(int(round(_decimal(m.group(1)) * 1000))), folded)
    folded = _replace_number_words(folded)
    candidates = []
    for m in _MONEY_RE.finditer(folded):
        digits, unit = m.group(1), m.group(2)
        if re.fullmatch(r"\d{1,3}(?:[ \u00a0.]\d{3})+", digits):
            value = float(re.sub(r"[ \u00a0.]", "", digits))
        else:
            value = _decimal(digits)
        if unit in ("k", "tusen", "tkr"):
            value *= 1000
        candidates.append(value)
    candidates = [v for v in candidates if v >= 100] or candidates
    if not candidates:
        return None
    value = int(round(candidates[0]))
    return value if 0 < value <= 10_000_000 else None


# --- personnummer: bot/personnummer.py (standard library only, so the API masks with it too) ---
from bot.personnummer import MASK, contains_personnummer, looks_like_personnummer, mask_personnummer  # noqa: E402,F401



# --- entities for the NLU pipeline ----------------------------------------------------------
# Only spans with an unambiguous unit become entities ("45 år" is an age, not hours); the form
# validation reads bare numbers in the context of the question it asked.
_DATE_SPAN_RE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:[ -]\d{2,4})?\b|"
    r"\b(?:\d{1,2}(?::[ae])? )?(?:" + MONTH_WORDS + r")\.?(?: \d{4}\b| -?\d{2}\b)?(?![a-z])|"
    r"\b(?:i |under )?(?:varas|somras|hostas|vintras|varen|sommaren|hosten|vintern)(?: \d{4})?\b|"
    r"\bfor \w+ (?:ar|manader|manad|veckor) sedan\b|\bi fjol\b|\bforra aret\b")
_HOURS_SPAN_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:timmar|timme|tim|h)\b(?:\s*(?:i veckan|per vecka|/v(?:ecka)?))?|"
    r"\b\d+(?:[.,]\d+)?\s*(?:%|procent)|\bheltid\b|\bhalvtid\b")
_MONEY_SPAN_RE = re.compile(
    r"\b\d{1,3}(?:[ .]\d{3})+\s*(?:kr|kronor|:-)?|\b\d+(?:[.,]\d+)?\s*(?:kr\b|kronor\b|:-|k\b|"
    r"tusen\b|tkr\b)")


def _fold_same_length(text: str) -> str:
    """Like fold(), but one character per character, so spans map back to the original."""
    out = []
    for ch in text.lower():
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base[:1] if len(base) >= 1 else " ")
    return "".join(out)


def find_entities(text: str, today: date) -> list[dict]:
    """Entities `date`, `hours_per_week` and `money_sek` in Rasa's entity format."""
    folded = _fold_same_length(text)
    found: list[dict] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, entity: str, value: object) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append({"entity": entity, "start": start, "end": end, "value": value,
                      "extractor": "SwedishValueExtractor", "confidence_entity": 1.0})

    for m in _DATE_SPAN_RE.finditer(folded):
        parsed = parse_date(text[m.start():m.end()], today)
        add(m.start(), m.end(), "date", parsed.iso() if parsed else None)
    for m in _HOURS_SPAN_RE.finditer(folded):
        add(m.start(), m.end(), "hours_per_week", parse_hours_per_week(text[m.start():m.end()]))
    for m in _MONEY_SPAN_RE.finditer(folded):
        add(m.start(), m.end(), "money_sek", parse_money_sek(text[m.start():m.end()]))
    return sorted(found, key=lambda e: e["start"])
