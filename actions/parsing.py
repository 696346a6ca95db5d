"""Reading one answer for one question: the slot's value, a miss with a hint, or "not an answer".

Every interpreter gets an `Answer` (text, intent, entities, button value) and returns
- `Filled({...})`: slot updates (one answer may set several slots),
- `Miss(hint)`: the person answered, but not in a form we understand: say what we expected,
- `None`: the message was something else (a question, "prata med en människa"): the form lets
  the dialogue rules handle it and then asks again.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Callable

from babel import Locale
from babel.lists import format_list

from bot.extract import (FULL_TIME_HOURS, MONTH_WORDS, PER_DAY_RE, WORKING_WEEK_RE, ParsedDate, fold, parse_date,
                         parse_duration_months, parse_hours_per_week, parse_money_sek, parse_period, word_number)

from .flow import PUBLIC_SECTORS, TERMINATED
from .reflect import NOT_YET, OPTIONS_HEARD, only_a_want, reflection, said_back, spelled, told_in_story

UNKNOWN = "unknown"
# An employer whose name the person does not know: the value reads right in the questions that
# name the employer ("Har din arbetsgivare kollektivavtal?"); summaries show NAME_UNKNOWN_SV.
UNKNOWN_EMPLOYER = "din arbetsgivare"
NAME_UNKNOWN_SV = "namnet okänt"
# Every say-back ends with how to correct it.
SAY_WRONG = "Skriv \"det blev fel\" om det inte stämmer."


def employer_shown(name: Any) -> Any:
    return NAME_UNKNOWN_SV if name == UNKNOWN_EMPLOYER else name
# Messages that are not answers to a question. In a form they are handled by the dialogue
# rules (FAQ, "är du en bot?", ...), and the question is asked again.
DIGRESSIONS = {"faq", "bot_challenge", "request_human", "restart", "correct", "goodbye",
               "thank", "out_of_scope", "delete_data", "greet", "clarify"}
DIGRESSION_CONFIDENCE = 0.6
# A deletion request is asked back before anything happens (action_ask_delete), so a less sure
# one may still interrupt: missing it would keep "ta bort det jag berättat" as an answer.
DIGRESSION_CONFIDENCE_BY_INTENT = {"delete_data": 0.5}


# "god morgon", "god förmiddag": the times of day a greeting names (a greeting, and a question's opener).
_TIME_OF_DAY = r"(?:dag|morgon|kvall|formiddag|eftermiddag)"
# The words of every short greet/goodbye/thank example in data/nlu/core.yml (tests/bot checks).
_SMALL_TALK_CUES = {
    "greet": re.compile(r"^(he+j+|hej\w*|hall[ao]\w*|tj[aeo]\w*|god ?" + _TIME_OF_DAY + r"\w*|"
                        r"morn\w*|mors\w*|hello|hi|yo)\b"),
    "goodbye": re.compile(r"\bhej ?da\b|\bhej(da|ra)\b|\badj\w*|\bajo\w*|\badios\b|\bbye\b|\bciao\b|\bfarval\b|"
                          r"\bgod ?natt\b|\bsvejs\b|\bhors\b|\bses\b|\bpratas\b|\bsov gott\b|\bavsluta\b|"
                          r"\bstanger\b|\btjing\w*|\btrevlig\b|\baterkommer\b|\bhej$"),
    "thank": re.compile(r"tack|\btck\b|\btk\b|thanks|\btak\b"),
}
# "är du en bot?" speaks to the bot; "bra på att fixa saker, maskiner och sånt" is an answer.
_BOT_CUE = re.compile(r"\b(du|ni|dig|dej|er|din|ditt|bot\w*|robot\w*|\w*chat\w*|ai|dator\w*|automat\w*|"
                      r"program\w*|manniska|manniskan|person|riktig|levande|maskin|maskinen|nagon dar|"
                      r"pratar|skriver|chattar|svarar)\b")
# A verb first asks only with its subject next ("är det", "kan jag"): chat drops "jag" in
# statements ("är 58 och nyss uppsagd", "kan svetsa och köra truck").
_SUBJECT = r"(det|jag|man|du|ni|vi|den|han|hon|de|dom|min|mitt|mina|er|ert|era|en|ett|detta|dessa)"
# Chat spelling: "va e validering" (vad är), "e det frivilligt" (är det).
_QUESTION = re.compile(r"^(vad|hur|nar|varfor|vem|vilka|vilken|vilket|var|finns|galler|raknas|racker|"
                       r"sparas|kostar|tar|va (?:ar|e))\b|^(kan|far|ar|e|maste|behover|gar|sparar) "
                       + _SUBJECT + r"\b")
# A question often opens with a greeting or a filler word ("hej vad är …", "okej, men hur länge …").
_OPENER = re.compile(r"^(?:(?:hej(?:san|hej)?|halla|tja(?:na)?|god " + _TIME_OF_DAY + r"|okej|ok|"
                     r"jaha|jo|men|och|sa|ursakta|forlat|alltsa|fast)\b[\s,.!:;-]*)+")


def asks(folded: str) -> bool:
    """A question word, or a verb first with its subject, at the start of the (folded) text."""
    return bool(_QUESTION.search(_OPENER.sub("", folded)))


# What people shorten in a chat ("jag är usk på en vårdcentral", "vill bli ssk", "handläggare på FK"),
# read and stored written out: the advisor and the say-backs get the word, the transcript what was
# typed. "AF" only in capitals: "af" is also a name's small word ("Anna af Klint").
_SHORTENED = {"usk": "undersköterska", "ssk": "sjuksköterska", "pers ass": "personlig assistent",
              "pers. ass.": "personlig assistent", "persass": "personlig assistent",
              "elevass": "elevassistent", "fk": "Försäkringskassan"}
_SHORTENED_RE = re.compile(r"(?<![\w.])((?i:" + "|".join(map(re.escape, sorted(_SHORTENED, key=len, reverse=True)))
                           + r")|AF)(?![\w])")


def written_out(text: str) -> str:
    """`text` with the shortenings of _SHORTENED written out."""
    return _SHORTENED_RE.sub(lambda m: _SHORTENED.get(m.group(1).lower(), "Arbetsförmedlingen"), text)


@dataclass
class Answer:
    text: str
    intent: str | None = None
    confidence: float = 0.0
    entities: list[dict[str, Any]] = field(default_factory=list)
    today: date = field(default_factory=date.today)
    # Slot values when the question was asked: an answer like "ja" can depend on them.
    slots: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = written_out(self.text)

    @property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def button(self) -> str | None:
        """The value a quick-reply button carried, e.g. /inform{"value":"private"}."""
        for entity in self.entities:
            if entity.get("entity") == "value":
                return str(entity.get("value"))
        return None

    @property
    def is_digression(self) -> bool:
        bar = DIGRESSION_CONFIDENCE_BY_INTENT.get(self.intent or "", DIGRESSION_CONFIDENCE)
        if self.intent not in DIGRESSIONS or self.confidence < bar:
            return False
        cue = _SMALL_TALK_CUES.get(self.intent or "")
        if cue and not self.is_payload and len(self.folded.split()) <= 2 and not cue.search(self.folded):
            return False  # "Lisa", "Ida": a name the classifier took for a greeting or a goodbye
        if self.intent == "bot_challenge" and not self.is_payload and not _BOT_CUE.search(self.folded):
            return False
        # An answer like "jobba mer med vuxna" may look like an FAQ topic, and an odd one-word
        # answer ("blå") like small talk; a real FAQ or off-topic digression is a question.
        if self.intent not in ("faq", "out_of_scope"):
            return True
        return self.is_question

    @property
    def is_question(self) -> bool:
        """Asked, not told: a question mark, or a question word or verb-first with its subject."""
        return asks(self.folded) or "?" in self.text

    @property
    def is_payload(self) -> bool:
        return self.text.startswith("/")


@dataclass
class Filled:
    slots: dict[str, Any]


@dataclass
class Miss:
    hint: str
    # What the bot says before the hint. None: "Det förstod jag inte riktigt." Set when the
    # answer was understood but cannot be used as it is ("vet inte", "ett avgångsavtal").
    lead: str | None = None
    # Offer a human at once instead of after two misses (someone who does not know may need one).
    offer_human: bool = False
    # Slots to set with the miss: what the next answer is read against, and `asked_again` to
    # pick the question's variant in domain.yml.
    remember: dict[str, Any] = field(default_factory=dict)
    # A question asked beside the story ("…, kan jag få csn om jag pluggar?"): answered after the
    # lead when an FAQ answers it (actions/faq_lookup.py).
    question: str | None = None


@dataclass
class Reply:
    """The answer was a question the bot can answer itself: answer it (a response name from
    domain.yml), then ask the same question again. Not a miss: nothing was misunderstood."""
    response: str


Result = Filled | Miss | Reply | None


# --- building blocks ------------------------------------------------------------------------
_YES = re.compile(r"^(ja|japp|jo|jadå|jada|javisst|visst|absolut|precis|stämmer|stammer|"
                  r"det stammer|ok|okej|yes|mm|mhm|korrekt|rätt|ratt)\b")
_NO = re.compile(r"^(nej|nä|na|nae|nope|no|inte|aldrig|icke|nix|inga|ingen|inget)\b")
# A yes said before more (consent: "ja, jag har blivit uppsagd") or instead of an answer (a name;
# so not "jo", which is also a name).
_AGREE = r"ja|japp|jajamen|jadå|jada|javisst|ok|okej|visst|absolut|gärna|garna"


# Folded. The Swedish echo answer, the question's verb said back without "ja" or "nej": "det har vi",
# "vi har nog det", "har vi nog, tror det", "är jag inte", "det finns nog". Whole answers only, so
# "jag har jobbat i 8 år" is not a yes.
_ECHO_TAIL = r"(?: (?:det|nog|val|inte|ej|knappast|faktiskt|tyvarr|absolut|sakert|kanske))*(?: tror (?:jag|det)| gissar jag)?"
# "det var jag" may also be "it was me" (the initiative question), so it is left to the classifier.
_ECHO = re.compile(r"^(?!det (?:var|ar) (?:jag|vi)\b)(?:(?:jag )?tror (?:att )?)?(?:(?:det|nog|val|nog inte|kanske) )?"
                   r"(?:(?:har|ar|hade|var|gor|gjorde|kan|ska|fick|blir|blev) (?:jag|vi|de|dom|han|hon|det|den|man)"
                   r"|(?:jag|vi|de|dom|han|hon|det|den) (?:har|ar|hade|var|gor|gjorde|kan|ska|fick|blir|blev)"
                   r"|finns (?:det|de|dom)|fanns (?:det|de|dom)|det (?:finns|fanns))" + _ECHO_TAIL + "$")
_ECHO_NEGATED = re.compile(r"\b(inte|ej|knappast)\b")


def echo_answer(folded: str) -> bool | None:
    """True / False for an echo answer ("det har vi" / "har vi inte"), else None."""
    text = re.sub(r"[^\w ]+", " ", folded)
    text = " ".join(text.split())
    if not _ECHO.match(text):
        return None
    return not _ECHO_NEGATED.search(text)


def yes_no(answer: Answer, *, allow_unknown: bool) -> bool | str | None:
    """True / False / "unknown", or None when the answer is not a yes or a no."""
    if answer.intent == "affirm":
        return True
    if answer.intent == "deny":
        return False
    if answer.intent == "dont_know" and allow_unknown:
        return UNKNOWN
    folded = answer.folded
    if _YES.search(folded):
        return True
    if _NO.search(folded):
        return False
    if allow_unknown and re.search(r"\bvet (inte|ej)\b|\bosaker\b|ingen aning", folded):
        return UNKNOWN
    if not answer.is_question:
        return echo_answer(folded)
    return None


def choose(answer: Answer, options: dict[str, str]) -> str | None:
    """A button value, or the first option whose pattern matches the (folded) text."""
    if answer.button in options:
        return answer.button
    folded = answer.folded
    for value, pattern in options.items():
        if pattern and re.search(pattern, folded):
            return value
    return None


def choice_slot(name: str, options: dict[str, str], hint: str,
                dont_know: str | None = None) -> Callable[[Answer], Result]:
    """A closed question: a button value or a keyword pattern; "vet inte" → `dont_know`."""
    def interpret(a: Answer) -> Result:
        if a.button is None and a.intent in ("clarify", "faq") and a.is_digression:
            return None  # "vad menas med privat?" names an option but asks about it
        value = choose(a, options)
        if value is None and dont_know is not None and a.intent == "dont_know":
            value = dont_know
        if value is None:
            return None if a.is_digression else Miss(hint)
        return Filled({name: value})
    return interpret


def free_text(answer: Answer, *, max_len: int = 500) -> Result:
    if answer.is_digression:
        return None
    # "vet inte, kollegorna säger att jag är lugn" says more than not knowing: kept as written.
    if answer.intent == "dont_know" and len(_DONT_KNOW.sub(" ", answer.folded).split()) < 3:
        return Filled({"_value": "vet inte än"})
    text = answer.text.strip()
    # "52" or "2019" answers some other question; a reflection has words.
    if len(text) < 2 or answer.is_payload or not re.search(r"[^\W\d_]", text):
        return Miss("Skriv gärna med några ord, det finns inga fel svar.")
    return Filled({"_value": text[:max_len]})


# --- situation ------------------------------------------------------------------------------
def consent(a: Answer) -> Result:
    # Consent must be plain: "ok. kan jag få det?" or "ja men vad sparar ni?" asks first, and the
    # question is answered before consent is asked again ("ja, kan vi börja?" is a yes).
    value = None if a.is_digression and not a.is_payload else yes_no(a, allow_unknown=False)
    if value is None:
        # "jag har kört buss i 20 år och fått ont i ryggen. vad finns det för hjälp?" may be read as
        # off-topic as a whole; a story about one's own work is still a story, thanked for and kept.
        said = opening_slots(a) if not a.is_payload else {}
        off_topic_story = a.intent == "out_of_scope" and bool(said)
        if a.is_digression and not off_topic_story:
            return None
        # People often tell their story before answering ("jag har blivit uppsagd från Volvo
        # efter 22 år"): keep what it says for the questions after consent, and ask again kindly.
        if about_someone_else(a):
            return Miss("", lead=SOMEONE_ELSE_SV, question=question_beside(a))
        if said == {"guidance_mode": "check"} and a.is_question:
            # "hur ansöker jag om stödet?", "har jag rätt till stöd?": asked, not told.
            return Miss("", lead=CHECK_ASKED_SV, remember=said)
        # A personnummer (masked, and the person told so by the chat) is no story to thank for.
        # A question after the story ("… fått ont i ryggen. vad finns det för hjälp?") still
        # makes it a story; the question alone is not one.
        tells = not a.is_question or any(len(c.split()) >= 4 for c in _told_clauses(a.text))
        story = (len(a.text.split()) >= 4 and not a.is_payload and a.intent != "dont_know"
                 and tells and not _DONT_KNOW.search(a.folded) and "personnummer" not in a.folded)
        question = question_beside(a)
        if (said or story) and question and _VAGUE_ASKED.search(fold(question)):
            # "… ska läggas ner. Vad finns det för hjälp?": no FAQ answers it; the questions will.
            return Miss("", lead="Tack för att du berättar. " + VAGUE_ASKED_SV, remember=said)
        if said:
            if said.get("guidance_mode") == "check" and question is None:
                # "uppsagd pga arbetsbrist, har jag rätt till stöd?": the questions after consent answer it.
                return Miss("", lead="Tack för att du berättar. " + CHECK_ASKED_SV, remember=said)
            return Miss("", lead="Tack för att du berättar, det tar jag med mig.", remember=said,
                        question=question)
        if story:
            return Miss("", lead="Tack för att du berättar.", question=question)
        if a.intent == "career_guidance" and a.is_question:
            # "kan jag få hjälp att skriva cv?": yes, that is what the support is for.
            return Miss("", lead="Det hjälper vi gärna till med.")
        return Miss("Svara ja eller nej, så vet jag om jag får spara dina svar.")
    if value is True and not a.is_payload:
        # "ja. jag har blivit uppsagd från Volvo": what follows the yes is not asked again. Only
        # the rest is read, on its own: the "ja" itself says nothing about the job.
        rest = after_leading_yes(a)
        if rest.text and rest.text != a.text.strip():
            return Filled({**opening_slots(rest), "consent": True})
    return Filled({"consent": value})


def _leading(words: str, then: str = "") -> re.Pattern[str]:
    return re.compile(rf"^\s*({words})\b{then}[\s,.!:;–-]*", re.I)


_LEADING_YES = _leading(rf"jo|{_AGREE}", r"(\s*(det går bra|det gar bra|det är okej|det ar okej|gärna|garna|tack))?")
_LEADING_NO = _leading(r"nej|nä|nix|fel|inte riktigt|nja|det blev (?:lite )?fel")


def after_leading_yes(a: Answer) -> Answer:
    """What follows a leading yes ("ja. jag har blivit uppsagd"), read on its own: the yes says
    nothing about the rest. The text unchanged where there is none."""
    return Answer(_LEADING_YES.sub("", a.text, count=1).strip(), None, 0.0, [], a.today)


def after_leading_no(a: Answer) -> Answer:
    """What follows a leading no ("nej, jag är 45"), read on its own."""
    return Answer(_LEADING_NO.sub("", a.text, count=1).strip(), None, 0.0, [], a.today)


# Folded. "jag är undersköterska", "jag är montör på Volvo": an occupation said as what one is;
# or, chat-short, a message that opens with it and the workplace ("handläggare på FK, …").
_OCCUPATION_WORD = (r"(?:\w{3,}(?:are|erska|iker|log|ist|or|man|pedagog|konsult|ingenjor|lakare|bitrade|chef|ekonom|"
                    r"skotare)|chef|kock|konsult|ekonom)")
_OCCUPATION_SAID = (r"\bjag ar (?:en |ett )?" + _OCCUPATION_WORD + r"\b|"
                    r"^(?:hej,? |hej hej,? |hejsan,? )?" + _OCCUPATION_WORD + r" (?:pa|hos|vid|i|inom) ")
_SITUATION_INTENTS = {"inform_terminated": "terminated", "inform_fixed_term_ended": "fixed_term_ended",
                      "inform_employed": "employed", "inform_self_employed": "self_employed"}
# Folded. "de har dragit in min tjänst", "tog bort mitt jobb": the employer's act, the job its object;
# "tjänsten försvinner / dras in / läggs ner": the same said of the post.
_JOB_TAKEN_AWAY = (r"\b(dra|dragit|drar|drog|ta|tagit|tar|tog) (in|bort) (min|mitt) (tjanst|jobb|anstallning|befattning)|"
                   r"\b(tjanst|befattning)\w* (ska |kommer att |kommer )?(nog |troligen |antagligen )?"
                   r"(forsvinner|forsvinna|forsvann|dras in|drogs in|dragits in|tas bort|togs bort|tagits bort|"
                   r"lades ner|laggs ner|laggas ner|lagts ner)")
# Folded. The post withdrawn in the future or present tense ("min tjänst ska dras in nästa år",
# "tjänsten dras in vid årsskiftet"): the notice is coming, not given.
_POST_GOING = (r"\b(tjanst|befattning)\w* (ska |kommer att |kommer )?(nog |troligen |antagligen )?"
               r"(forsvinner|forsvinna|dras in|tas bort|laggs ner|laggas ner)\b|"
               r"\b(ska|kommer att|kommer) (de |dom |de nog |dom nog )?(dra|ta) (in|bort) (min|mitt) (tjanst|befattning)")
# Folded. The workplace closing in the future ("mitt kontor ska läggas ner", "nu ska de lägga ner"):
# the notice is coming, not given, until the person says it was.
_PLACE_CLOSING = (r"\b(ska|kommer att) (de |dom |man |vi )?(nog |troligen |antagligen |snart )?"
                  r"(lagga ner|lagga ned|stanga|avveckla)\b|"
                  # "nu ska mitt kontor i Ludvika läggas ner": the place between
                  r"\b(ska|kommer att) (\w+ ){0,4}?(laggas ner|laggas ned|stangas|avvecklas)\b")
# Folded. The body's wear and injuries ("fått ont i ryggen", "arbetsskada"): illness in the spec's
# sense, as the persona who drove a bus for twenty years says it.
_BODY_WORN = (r"\bont i (ryggen|axl\w*|knana|knat|nacken|armen|armarna|handen|hander\w*|hoften|hoft\w*|"
              r"foten|fotterna|kroppen|leder\w*)|arbetsskad|belastningsskad|forslitning|skadade mig|\bvark i\b|"
              # "måste lägga ner pga axlarna", "ryggen håller inte längre": the body as the cause
              r"\b(pga|p g a|pa grund av|problem med|besvar med|krangel med) (min |mina )?(ryggen|axlarna|axeln|"
              r"knana|knat|nacken|handerna|handlederna|hoften|hofterna|lederna|kroppen)\b|"
              r"\b(ryggen|axlarna|axeln|knana|nacken|handerna|hoften|lederna|kroppen) (haller|orkar|funkar) inte\b|"
              # "ryggen börjar ta slut", "knäna säger ifrån": worn, said the way people say it
              r"\b(ryggen|axlarna|axeln|knana|nacken|handerna|hoften|lederna|kroppen) (har )?(borjar |borjat )?"
              r"(att )?(ta slut|tar slut|tagit slut|ar slut|saga ifran|sager ifran|sagt ifran|krangla|kranglar)\b")
# Folded. Illness as a reason for the job's end.
_ILLNESS = r"sjuk|ohalsa|halsa|skada|utbrand|utmatt|" + _BODY_WORN
# Folded. "jag är varslad", "har fått varsel": warned of redundancy, which is always the employer's.
# "fått besked om varsel" too; not "det har varit varsel på jobbet" (maybe someone else's).
_WARNED = r"\bvarsla(d|de|t|des)\b|\b(fatt|fick|har fatt) (ett )?(besked om )?varsel\b"
# Folded. "nu ska dom säga upp mig", "jag sägs upp i mars": the employer's notice, said with a verb.
# Not "jag vill säga upp mig" (a wish of one's own, asked as such).
# Folded. "nu säger dom upp mig": the notice in the present tense, given now or about to be.
_NOTICE_NOW = r"\bsager (de|dom|\w+) upp mig\b|\b(de|dom) sager upp mig\b"
# Folded. Being let go, guessed in the words people use of cutbacks: "de ska dra ner 200 tjänster och
# jag tror jag åker", "jag ryker nog". A notice coming, not given; not "jag åker till jobbet".
_LET_GO_GUESSED = (r"\b(tror|troligen|antagligen|nog|risk|radd|orolig)\b[^.!?]{0,25}?\bjag (aker|ryker|far ga|far sluta)\b"
                   r"(?! (till|hem|in|ut|dit|med|over|och|pa|bort|ivag|buss|bil|tag)\b)|"
                   r"\bjag (aker|ryker|far ga) (nog|troligen|antagligen|ocksa|forst|bland de forsta)\b")
# Folded. Who may give one notice: the employer's side, not "jag".
_THEM_WORDS = ("de", "dom", "chefen", "arbetsgivaren", "foretaget", "firman", "kommunen", "regionen", "han", "hon")
_THEM = "(" + "|".join(_THEM_WORDS) + ")"
_NOTICE_VERB = (r"\b" + _THEM + r" "
                r"(ska |vill |kommer att |kommer |tanker |maste |behover |haller pa att |har bestamt att de ska )?"
                r"(nog |troligen |antagligen |snart |nu )?saga upp mig\b|"
                # "nu vill dom säga upp mig": the verb first
                r"\b(ska|vill|tanker) " + _THEM + r" (nog |nu )?saga upp mig\b|"
                r"\bsag(a)?s upp\b|\bsagts upp\b|" + _NOTICE_NOW)
# Folded. "timanställd och får inga pass längre", "de har slutat ringa in mig": hourly work is a run
# of short fixed terms, so no more shifts is a fixed term ending, not a notice (eligibility.md 2.2).
_HOURLY = (r"\b(tim|behovs)anstall\w*|\bintermittent\w*|\bpa timmar\b|\btimvikari\w*|\bextrapersonal\b|"
           r"\b(jobbat|jobbar|jobbade|arbetat|arbetar|arbetade) extra\b|\bextrajobb\w*")
_NO_MORE_SHIFTS = re.compile(r"\b(inga|inte( fatt| fa| far| fick| haft)? (nagra|fler|nan)|noll) (fler )?(pass|timmar|"
                             r"arbetspass|skift)\b|\b(slutat|slutade|slutar) (att )?(ringa|kalla|boka|schemalagga)\b|"
                             r"\b(ringer|kallar|bokar) (de |dom |dem |chefen |nagon )?(inte|aldrig) (in )?(mig )?"
                             r"(langre|langer|mer|nagot mer)\b|"
                             # "när de inte ringer längre": a subordinate clause's word order
                             r"\b((de|dom|dem|chefen) (inte|aldrig)|ingen) (ringer|kallar|bokar) (in )?(mig )?"
                             r"(langre|langer|mer|nagot mer)\b|"
                             r"\bpassen (har )?(tog|tagit|tar) slut\b|\bfar inte (jobba|komma) (mer|langre|tillbaka)\b|"
                             # "de har slutat ge mig pass", "får inga pass längre"
                             r"\b(slutat|slutade|slutar) (att )?(ge|erbjuda|skicka) mig (nagra |fler )?(pass|timmar|jobb)\b|"
                             r"\b(far|fick|har fatt) (inga|inte nagra) (fler )?(pass|timmar)\b")
HOURLY_NOTE = ("En timanställning räknas oftast som en visstidsanställning, och när passen tar slut bedöms "
               "stödet som när en visstidsanställning tar slut.")
_HOURLY_SAY = HOURLY_NOTE + " Skriv \"det blev fel\" om du har fått en uppsägning."


# Folded. Asked, not told: "är jag uppsagd då?", "räknas det som uppsägning?".
_ASKS_IF_NOTICE = re.compile(r"\b(ar|blir|raknas) jag (da |alltsa )?(uppsagd|sagd upp)\b|"
                             r"\braknas (det|jag) (da )?som (uppsagd|uppsagning)\b")


def hourly_ended(folded: str) -> bool:
    """Hourly work whose shifts have stopped, with no notice or redundancy said beside it."""
    told = _ASKS_IF_NOTICE.sub(" ", folded)
    return bool(re.search(_HOURLY, told) and _NO_MORE_SHIFTS.search(told)
                and not re.search(r"uppsag|sagt upp|sa upp|arbetsbrist|varsel|varslad|sparken", told))


# Folded. One's own notice told without "jag" at the start ("har sagt upp mig för att …"), as
# chat leaves it out; not a membership ended ("sa upp mig från a-kassan").
_OWN_NOTICE_BARE = r"^(?:har |hade )?(?:sa|sagt) upp mig\b(?! (?:fran|pa) )"
# Folded. The workplace closing, told with the words in any order ("nu lägger de ner butiken i mars",
# "ska dom stänga fabriken", "butiken stänger efter nyår"): arbetsbrist, whatever the classifier read.
_WORKPLACE = (r"(butik|fabrik|bruk|kontor|lager|avdelning|enhet|verksamhet|restaurang|hotell|varuhus|filial|"
              r"anlaggning|verkstad|affar|skola|forskola|boende|hemmet|gruva|sagverk|tryckeri|bageri|mejeri|"
              r"arbetsplats)\w*")
_OURS = r"(?:hela |vart |var |vara |mitt |min |den |det )?"
# "förskolan stänger i juli", "stänger över julen": closed for a while, the job goes on.
_FOR_A_WHILE = (r"(?!.*\b(?:(?:for|over|under|i) (?:sommaren|sommar|julen|jul|helgerna|helgen|semestern|lovet|juli)|"
                r"tillfalligt|renover\w*|semesterstang\w*)\b)")
_WORKPLACE_CLOSING = _FOR_A_WHILE + (r"(?:\b(lagger|la|lade|stanger|stangde) (de|dom) (ner|ned|igen)\b|"
                      r"\b(ska|kommer|tanker|maste) (de|dom) (att )?(lagga|stanga) (ner|ned|igen)\b|"
                      r"\b(ska|kommer|tanker|maste) (de|dom) (att )?(lagga|stanga) (ner |ned |igen )?" + _OURS + _WORKPLACE + "|"
                      r"\b(lagger|la|lade|stanger|stangde) (de|dom) (ner |ned |igen )?" + _OURS + _WORKPLACE + "|"
                      r"\bhar (de|dom) (lagt|stangt) (ner|ned|igen)\b|"
                      # "kontoret i Sundsvall ska läggas ner", "min arbetsplats stängs i vår"
                      r"\b" + _WORKPLACE + r" (i \w+ )?(ska |kommer att |kommer )?(stanger|stangs|stangas|stanga|stangdes|"
                      r"laggs ner|laggas ner|lades ner|avvecklas|flyttar utomlands)\b|"
                      # "de flyttar produktionen till Polen", "företaget har gått i konkurs"
                      r"\b(de|dom|foretaget|firman|koncernen|agarna|ledningen) (ska |kommer att |har bestamt att de ska )?"
                      r"(flyttar|flytta) (hela |var |vart )?(produktionen|verksamheten|tillverkningen|jobben|kontoret|"
                      r"lagret|fabriken)\b|"
                      r"\b(foretaget|firman|bolaget|arbetsgivaren|agaren) (har )?(gatt|gick|gar) i konkurs\b)")
# Folded. "sa de att min tjänst inte finns kvar": the post gone, in a clause's own word order.
_POST_GONE = (r"\b(min tjanst|mitt jobb|tjansten|jobbet|min anstallning|min befattning|min plats) (inte|inte langre) "
              r"(fanns|finns) kvar\b")
_SITUATION_WORDS = {
    "terminated_illness": r"uppsagd.*(sjuk|ohalsa|" + _BODY_WORN + r")|"
                          r"(sjuk|ohalsa|" + _BODY_WORN + r").*(uppsagd|saga upp mig|sags upp|sagas upp)",
    "fixed_term_ended": r"vikariat|visstid|tidsbegransad|projektanstall|kontrakt",
    "terminated": r"uppsag|sparken|arbetsbrist|konkurs|overtalig|fristall\w*|\b(fick|fatt|har fatt) ga\b|"
                  # one's own notice ends the job too (the reason question then says what it means)
                  r"\bjag (sa|har sagt|hade sagt) upp mig\b(?! (fran|pa) (a-kassan|facket|gymmet))|"
                  r"\b(sa|sagt) upp mig sjalv|\begen begaran|" + _OWN_NOTICE_BARE + "|"
                  + _WARNED + "|" + _NOTICE_VERB + "|" + _LET_GO_GUESSED + "|"
                  + _JOB_TAKEN_AWAY + "|"
                  r"\b(forlorar|forlorat|forlorade|blir av med|blev av med|blivit av med|mister|miste|mist) "
                  r"(mitt |mina |min |ett |en )?\w*(jobb|tjanst|anstallning)|"
                  r"\b(min tjanst|mitt jobb|tjansten|jobbet) (har )?(gatt|gick) till (nagon|en) annan\b|"
                  r"\butkopt|\bkopt(e|s)? ut\b|\bavgangsvederlag|\bavgangsavtal|"
                  r"\b(fanns|finns) (inte|inget) (jobbet |tjansten |min tjanst |nagot jobb )?kvar\b|"
                  + _POST_GONE + "|"
                  r"\b(de|dom|foretaget|fabriken|bruket|arbetsgivaren|agarna|agaren|agarn|koncernen) (ska |kommer att |har )?"
                  r"(lagga|lagger|lagt|la|stanga|stanger|stangt) (ner|ned|igen)\b|nedlaggning|\blaggs (ner|ned)\b|"
                  + _WORKPLACE_CLOSING,
    "self_employed": r"egenforetag|egen firma|enskild firma|eget foretag|frilans|"
                     # "har haft egen frisörsalong i 15 år", "driver eget sen 2015": one's own business
                     r"\b(?:har haft|hade|har|driver|drev|drivit|har drivit) (?:en |ett |min |mitt )?(?:egen|eget) "
                     r"(?:[a-z-]*(?:salong|firma|foretag|butik|cafe|restaurang|akeri|verkstad|bageri|klinik|studio|"
                     r"byra|gard|pizzeria|rorelse|verksamhet|bolag)\b|(?:i|sedan|sen)\b)|\b(?:driver|drev|drivit) eget\b",
    "employed": r"\b(anstalld|jobbar|har (ett )?jobb|arbetar)\b|"
                # "har jobbat som lärare i 15 år", "… i kassan i 6 år": years told of a job, which goes on
                r"\bhar (jobbat|arbetat) (som|pa|hos|i|inom|med) [^.,!?]*\bi (\d+|\w+) ar\b|"
                + _OCCUPATION_SAID + "|"
                r"\b(jobbet|tjansten|anstallningen) (finns|ar) kvar\b|\bhar kvar (mitt |min )?(jobb|tjanst|anstallning)",
    # "Något annat" (the button's words); "vill göra något annat" is a wish, not a situation.
    "other": r"^(nagot |nat )?annat\b|arbetslos|studerar|pension",
}


_UNEMPLOYED = re.compile(r"\barbetslos|\barbetssokande\b|\butan (jobb|arbete|anstallning)\b|\binskriven (pa|hos|vid) (af|arbetsformedlingen)\b|"
                         r"\ba[- ]?kassa\b|\bstamplar\b|\bgar pa a[- ]?kassa")
_JOB_KEPT = re.compile(r"\b(finns|ar|har (den|jobbet|tjansten|anstallningen)?) ?kvar\b|\bhar kvar\b|"
                       r"\bfortfarande (anstalld|jobb|kvar)|\b(ar|fortfarande) anstalld\b|"
                       r"\bhar (mitt|ett|jobbet|min tjanst|min anstallning)\b")
_JOB_ENDING = re.compile(r"uppsag|sagt upp|sa upp|upphor|upphort|far inte jobba kvar|tar slut|"
                         r"tog slut|\bslutar\b|avslut|\bforlorat\b|\bforlorade\b|\b(blev|blivit) av med\b|\bmiste\b|"
                         r"\bfick sluta\b|" + _WARNED + "|" + _NOTICE_VERB + "|" + _JOB_TAKEN_AWAY + "|" + _LET_GO_GUESSED)
# "de har inte sagt upp mig än", "jag är inte uppsagd": the job is still there (for now).
_NOT_ENDED = re.compile(r"\b(inte|ej) (\w+ ){0,3}?(uppsag|sagt upp|sa upp|fatt sparken|upphort|slutat)\w*")
# "arbetsgivaren vill att jag slutar": a wish or a proposal, not yet an ending; asked, not assumed.
_ONLY_WISHED = re.compile(r"\bvill (att )?(jag|man) (ska )?(sluta|slutar|saga upp mig|ga)\b|"
                          r"\bvill (bli av med|ha bort|fa bort|ha ut|gora sig av med|bli kvitt) mig\b|"
                          r"\b(pratar|pratat|snackar|snackat|diskuterar|diskuterat) om att (saga upp|sparka|bli av med) mig\b|"
                          r"\b(foreslagit|foreslar|foreslog|pratar om|pratat om|tjatar om|antytt) att jag (ska )?"
                          r"(sluta|slutar|saga upp mig|ga)\b")


# Folded. A notice not given yet: coming ("nu ska dom säga upp mig", "jag sägs upp i mars") or
# warned of (varsel); support for the terminated starts with the notice itself (eligibility.md 1).
_NOTICE_GIVEN = re.compile(r"\b(har blivit|har fatt|blev|ar|var|fick|blivit) (uppsagd|sparken|beskedet|besked om uppsagning)|"
                           r"\b(har fatt|fatt|fick) (min |en )?uppsagning(en)?\b|"
                           r"\b(sa|sagt|sade) upp mig\b|\bsagts upp\b|\buppsagningstid|"
                           r"\bredan (uppsagd|fatt (det|beskedet|besked))\b|"
                           # "fått besked om att min tjänst försvinner": told, not coming
                           r"\b(fatt|fick) besked om att (min|mitt) (tjanst|befattning|jobb)|"
                           # "fick veta igår att min tjänst dras in"; not "… ska dras in nästa år"
                           r"\b(fatt|fick) (veta|hora|hort)( \w+)? att (min|mitt) (tjanst|befattning|jobb)\w* "
                           r"(?!(ska|kommer|nog|troligen|antagligen|kanske)\b)")
_NOTICE_COMING = re.compile(r"\b(ska|kommer att|kommer|tanker|maste|behover|haller pa att|har bestamt att de ska)"
                            r"( " + _THEM + r")?"
                            r"( nog| troligen| snart| nu)? (saga upp mig|sagas upp|bli uppsagd)\b|"
                            # "nu vill dom säga upp mig", "chefen vill säga upp mig": theirs, not one's own wish
                            r"\bvill " + _THEM + r"( nog| nu)? saga upp mig\b|\b" + _THEM + r" (nu )?vill (nu )?saga upp mig\b|"
                            r"\bsags upp\b|\bblir (nog |troligen |antagligen )?uppsagd\b|" + _NOTICE_NOW + "|"
                            + _POST_GOING + "|" + _LET_GO_GUESSED + "|" + _PLACE_CLOSING)


# Folded. One's own notice: "jag sa upp mig", "sagt upp mig själv", "på egen begäran"; not "de sa upp mig".
_OWN_NOTICE = re.compile(r"\bjag (sa|har sagt|hade sagt) upp mig|\b(sa|sagt) upp mig sjalv|egen begaran|jag slutade|"
                         r"sjalv sa upp|" + _OWN_NOTICE_BARE)


def notice_given(folded: str) -> bool:
    """"har fått beskedet", "är redan uppsagd": the notice has come."""
    return bool(_NOTICE_GIVEN.search(folded))


def notice_pending(folded: str) -> str | None:
    if notice_given(folded):
        return None
    if _NOTICE_COMING.search(folded):
        return "coming"
    return "warned" if re.search(_WARNED, folded) else None


# "jag vill säga upp mig", "funderar på att säga upp mig": the person's own plan; the job is still there.
_OWN_NOTICE_WISHED = re.compile("".join(rf"(?<!\b{word} )" for word in (*_THEM_WORDS, "nu")) +
                                r"\b(vill|funderar pa att|tanker|overvager att|har tankt|ska kanske|kanske ska) "
                                r"saga upp mig\b")
OWN_NOTICE_SAY = ("Då har du kvar din anställning, så jag skriver att du har ett jobb. Bra att veta innan du "
                  "bestämmer dig: säger du upp dig själv ger det inte rätt till rådgivning här, men medan du har "
                  "jobbet kan du ha rätt till vägledning.")


# Sick, and the employer wants the job to end: the rehabilitation duty comes first (seed 000,
# "Avslut vid ohälsa"), and an ending for illness opens rådgivning.
SICK_WISHED_SAY = ("Så länge du inte är uppsagd har du kvar din anställning, så jag skriver att du har ett jobb. "
                   "Innan en anställning avslutas på grund av sjukdom ska arbetsgivaren ha gjort det den kan för din "
                   "rehabilitering och prövat andra arbetsuppgifter. Är du med i facket kan de hjälpa dig. Slutar "
                   "anställningen ändå, kan du ha rätt till rådgivning, kanske med förstärkt stöd.")


def _sick_said(a: Answer) -> bool:
    """Read as sick leave, and either sure of it or with a sick word: a doubtful reading of
    "tog ut föräldraledighet och sen fanns inte jobbet kvar" is no illness."""
    return a.intent == "inform_sick" and (a.confidence >= 0.5 or bool(_SICK_WORDS.search(a.folded)))


# Folded. Cuts told together with "fick beskedet": the notice, in everyday words. Not "fick beskedet
# att jag får vara kvar".
_CUTS_TOLD = re.compile(r"^(?=.*\b((drar|dra|drog|dragit) (ner|ned)|neddragning\w*|nedlaggning\w*|(lagga|lagger|lade) ner|"
                        r"konkurs|omorganis\w*|arbetsbrist|varsel|varslade|skar ner|skara ner)\b)"
                        r"(?=.*\b(fick|har fatt|fatt|har nu fatt) (beskedet|besked|min uppsagning|uppsagningen)\b)")
_KEPT_AFTER_ALL = re.compile(r"\b(far|fick|ska fa) (vara|stanna|jobba) kvar\b|\bklarade mig\b|\bslapp\b|"
                             # "… men jag får flytta till en annan butik", "blir omplacerad": the job goes on
                             r"\b(far|fick|ska fa|kan fa) (flytta|byta|ga over) till (en annan|ett annat|nagon annan|"
                             r"nagot annat|var|vart)\b|\bomplacer\w*|\berbjud\w* (mig )?(en annan|ett annat|annan|annat|"
                             r"jobb|tjanst|plats)")


# Folded. An assignment (a staffing agency's, a consultant's) that ended: not yet how the employment did.
_ASSIGNMENT_ENDED = re.compile(r"\buppdrag(?:et)?\b[^.!?]*?\b(?:tog slut|har tagit slut|tar slut|ar slut|avslutades|"
                               r"har avslutats|slutade|blev klart|ar klart)\b")
def assignment_ended(folded: str) -> bool:
    return bool(_ASSIGNMENT_ENDED.search(folded))


ASSIGNMENT_NOTE = ("När ett uppdrag tar slut kan du ändå vara kvar som anställd hos bemanningsföretaget. Det som "
                   "avgör är om du har fått en uppsägning, eller om en visstidsanställning har tagit slut.")
ASSIGNMENT_ENDED_SAY = f"Tack. {ASSIGNMENT_NOTE}"


def situation(a: Answer) -> Result:
    value = a.button if a.button in _SITUATION_WORDS else None
    not_ended = bool(_NOT_ENDED.search(a.folded))
    ending = bool(_JOB_ENDING.search(_ONLY_WISHED.sub(" ", _NOT_ENDED.sub(" ", a.folded))))
    if value is None and a.slots.get("reduced_capacity") is True:
        # The follow-up for someone on sick leave: "Har du kvar din anställning, eller …?"
        if ending:
            # A varsel is for arbetsbrist, whatever the illness: the reason is read from the words.
            value = "terminated_illness" if re.search(_ILLNESS, a.folded) and not re.search(_WARNED, a.folded) \
                else "terminated"
        elif _JOB_KEPT.search(a.folded) or not_ended:
            value = "employed"
            if _ONLY_WISHED.search(a.folded):
                return Filled({"situation": "employed", "_say": SICK_WISHED_SAY})
        elif a.intent in ("affirm", "deny"):
            # "nej": it ends, and the reason is asked next (illness is one of the buttons).
            value = "employed" if a.intent == "affirm" else "terminated"
    if value is None and _sick_said(a):
        if ending:
            value = "terminated" if re.search(_WARNED, a.folded) else "terminated_illness"
        elif _JOB_KEPT.search(a.folded) or not_ended:
            return Filled({"situation": "employed", "reduced_capacity": True}
                          | ({"_say": SICK_WISHED_SAY} if _ONLY_WISHED.search(a.folded) else {}))
        else:
            # Sick leave does not say whether the job is still there: utter_ask_situation asks
            # that, gently, once reduced_capacity is set.
            return Filled({"reduced_capacity": True})
    if value is None and not a.is_payload and hourly_ended(a.folded):
        return Filled({"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
                       "termination_initiated_by": "employer", "_say": _HOURLY_SAY}
                      | ({"reduced_capacity": True} if _sick_said(a) else {}))
    if value is None and not ending and _OWN_NOTICE_WISHED.search(a.folded):
        return Filled({"situation": "employed", "_say": OWN_NOTICE_SAY})
    if value is None and not ending and _ONLY_WISHED.search(a.folded) and _SICK_WORDS.search(a.folded) \
            and not _NOT_SICK.search(a.folded) and _JOB_KEPT.search(a.folded):
        return Filled({"situation": "employed", "reduced_capacity": True, "_say": SICK_WISHED_SAY})
    if value is None and not ending and _ONLY_WISHED.search(a.folded):
        return Filled({"situation": "employed",
                       "_say": "Så länge du inte är uppsagd har du kvar din anställning, så jag skriver att du "
                               "har ett jobb. Skriv \"det blev fel\" om du redan är uppsagd."})
    if value is None and ending and a.intent == "inform_employed" and notice_pending(a.folded) == "coming":
        value = "terminated"  # "har kvar jobbet än så länge men de kommer nog säga upp mig"
    if value is None and a.intent == "inform_employed" and not a.is_payload and re.search(_WORKPLACE_CLOSING, a.folded) \
            and not (_JOB_KEPT.search(a.folded) or _KEPT_AFTER_ALL.search(a.folded)):
        value = "terminated"  # "jobbat på ICA i 22 år och nu lägger de ner butiken": the closure is what ends it
    if value is None and _CUTS_TOLD.search(a.folded) and not (_JOB_KEPT.search(a.folded) or _KEPT_AFTER_ALL.search(a.folded)):
        value = "terminated"  # "nu ska de dra ner och jag fick beskedet i förra veckan"
    if value is None and not a.is_payload and (_RUNS_BUSINESS.search(a.folded) or _OWN_BUSINESS_RUN.search(a.folded)) \
            and not _EMPLOYED_THERE.search(a.folded):
        value = "self_employed"  # "har drivit en liten frisörsalong i 12 år", whatever the classifier made of it
    if value in (None, "employed") and not a.is_payload and _ASSIGNMENT_ENDED.search(a.folded) \
            and not re.search(r"uppsag|sagt upp|sa upp|sade upp|sparken|varsl", a.folded) and not _JOB_KEPT.search(a.folded) \
            and not (a.slots.get("miss_count") or {}).get("situation"):
        # "uppdraget via Adecco tog slut": the employment with the agency may go on, or may have ended.
        return Miss("Välj det som stämmer bäst.", lead=ASSIGNMENT_ENDED_SAY)
    # "jag är arbetslös" is no job, whatever the classifier made of it.
    out_of_work = bool(_UNEMPLOYED.search(a.folded))
    if value is None and a.intent in _SITUATION_INTENTS and a.confidence >= 0.5 \
            and not (out_of_work and a.intent == "inform_employed"):
        value = _SITUATION_INTENTS[a.intent]
    if value is None and not_ended and not ending:
        value = "employed"
    if value is None:
        value = choose(a, _SITUATION_WORDS)
    if value in (None, "other") and out_of_work and not a.is_payload \
            and not (a.slots.get("miss_count") or {}).get("situation"):
        # Out of work now says nothing of how the last job ended, which is what decides.
        return Miss("", lead="Det som avgör är hur ditt senaste jobb slutade. Blev du uppsagd, eller tog en "
                             "visstidsanställning slut, kan du ha rätt till stöd även om det har gått en tid.",
                    remember={"asked_again": "last_job"})
    if value is None and not a.is_payload and re.search(_HOURLY, a.folded) and not _JOB_KEPT.search(a.folded) \
            and (ending or a.intent == "dont_know"):
        # "vet inte riktigt, jag är timanställd hos dom": unsure which fits, and an hourly job is a
        # fixed-term one; said, with how to put it right.
        return Filled({"situation": "fixed_term_ended", "termination_reason": "fixed_term_ended",
                       "termination_initiated_by": "employer", "_say": _HOURLY_SAY})
    if value is None:
        if a.is_digression:
            return None
        return Miss("Välj det som stämmer bäst, eller skriv till exempel \"jag har blivit uppsagd\".")
    slots: dict[str, Any] = {"situation": value}
    if not a.is_payload and a.slots.get("guidance_mode") is None and _WANTS_UNKNOWN.search(a.folded):
        slots["guidance_mode"] = "explore"  # "… vet inte vad jag vill göra nu": not asked which help
    if value == "terminated" and not a.is_payload:
        # "jag har fått gå, de lägger ner avdelningen": the reason is told too, and not asked again.
        reason = termination_reason(a)
        if isinstance(reason, Filled) and reason.slots["termination_reason"] != "other":
            slots.update(reason.slots)
            if reason.slots["termination_reason"] == "shortage_of_work":
                initiative = termination_initiated_by(a)
                if isinstance(initiative, Filled):
                    slots.update(initiative.slots)
    if value in ("terminated", "fixed_term_ended") and not a.is_payload and a.slots.get("reduced_capacity") is None \
            and _SICK_WORDS.search(_NOT_SICK.sub(" ", a.folded)):
        # "sjukskriven och uppsagd pga arbetsbrist": the reason stays arbetsbrist, and the illness
        # is asked about (förstärkt stöd does not hang on the reason, eligibility.md 2.6).
        slots["reduced_capacity"] = True
    if value in ("self_employed", "employed") and not a.is_payload and a.slots.get("reduced_capacity") is None \
            and _SICK_WORDS.search(_NOT_SICK.sub(" ", a.folded)):
        # "måste lägga ner firman pga axlarna", "kroppen håller inte längre": heard, and met gently
        slots["reduced_capacity"] = True
    if value in ("terminated", "terminated_illness") and not a.is_payload and (pending := notice_pending(a.folded)):
        slots["notice_pending"] = pending
        if pending == "coming":
            # Said back, since it is often a guess ("de kommer nog säga upp mig").
            slots["_say"] = ("Då skriver jag att du ska sägas upp men inte har fått beskedet än. Skriv \"det blev "
                             "fel\" om det inte stämmer.")
    if value == "terminated_illness":
        # "sa upp mig själv för att jag blev sjuk": illness still counts (seed 001, 5.1), on one's own notice.
        own = not a.is_payload and bool(_OWN_NOTICE.search(a.folded))
        slots.update(termination_reason="illness", termination_initiated_by="employee" if own else "employer",
                     reduced_capacity=True)
    elif value == "fixed_term_ended":
        slots.update(termination_reason="fixed_term_ended", termination_initiated_by="employer")
    return Filled(slots)


def termination_reason(a: Answer) -> Result:
    if _NOT_SICK.search(a.folded):
        a = replace(a, text=_NOT_SICK.sub(" ", a.folded))  # "har aldrig varit sjukskriven" is no reason
    value = choose(a, {"shortage_of_work": r"arbetsbrist|neddragning|(drar|dra|drog|dragit) (ner|ned)|konkurs|omorganis|"
                                           r"overtalig|fristall\w*|"
                                           # "det fanns inga pengar", "de hade inte råd att ha kvar mig"
                                           r"\b((fanns|finns) (det )?(inte|inga)|inte (fanns|finns)) (\w+ )?pengar\b|"
                                           r"\b(de|dom|foretaget|firman|bolaget|arbetsgivaren|chefen|han|hon) (hade|har) "
                                           r"inte (\w+ )?rad\b|"
                                           r"\b(fanns|finns) (inget|inte nagot|inte mer) (jobb|arbete)\b|"
                                           + _JOB_TAKEN_AWAY + "|" + _WORKPLACE_CLOSING + "|" + _POST_GONE + "|"
                                           r"inte finns (jobb|arbete)|lagg\w* (ner|ned)|\bla(de|des)? (ner|ned)\b|"
                                           r"\blagts? (ner|ned)\b|"
                                           r"nedlagg|stanger|(?<!jag )(?<!vi )flytta\w* (till|utomlands|ut)\b|"
                                           r"utomlands|outsourc|varsel|varslad|"
                                           # "butiken gick dåligt", "sparkrav": too little work, said as its cause
                                           r"\b(gick|gar|gatt) (det )?(sa )?(daligt|dalig|back|med forlust)|lonsamhet|"
                                           r"ekonomiska skal|besparing|sparkrav|nedskarning|for lite (jobb|arbete|att gora)|"
                                           r"(inga|for fa) (kunder|order|ordrar|uppdrag)|"
                                           # "firman har inte (några) kunder", "finns inga uppdrag"
                                           r"\b(har|hade|fanns|finns) (inte|inga|ej) (\w+ )?(kunder|order|ordrar|uppdrag)\b|"
                                           r"\b(inte|ej) (har|hade|fanns|finns) (\w+ )?(kunder|order|ordrar|uppdrag)\b|"
                                           # "dom tappade en stor kund": the work went with the customer
                                           r"\b(tappade|tappat|forlorade|forlorat|miste|mist) (en |ett |sin |sina |"
                                           r"var |vara |flera )?(\w+ )?(kund|kunder|order|uppdrag|upphandling\w*|avtal\w*)\b",
                       "illness": _ILLNESS,
                       "fixed_term_ended": r"vikariat|visstid|tidsbegransad|kontrakt|" + _HOURLY,
                       "own_resignation": r"(sa|sagt) upp mig sjalv|egen begaran|jag slutade|"
                                          r"sjalv sa upp|jag sa upp|jag (har|hade) sagt upp mig\b|\b(jag|vi) flyttade\b|\bflyttade med\b|"
                                          r"\bfick (ett )?(nytt|annat|battre) jobb|\bbytte jobb|" + _OWN_NOTICE_BARE,
                       "other": r"annat"})
    if value is None and _sick_said(a):
        value = "illness"
    if value is None and re.search(r"samarbet|passade (inte )?in|(inte|aldrig) gillade mig|personliga skal|"
                                   r"\bkonflikt|\bbraka|\bbrak med", a.folded):
        # Personal grounds may mean no rådgivning: the choice that decides is explained, not guessed.
        return Miss("Välj \"Arbetsbrist\" om arbetsgivaren sa att det var arbetsbrist, annars \"Något annat\".",
                    lead="Tack för att du berättar. Det som avgör är om arbetsgivaren sa upp dig för att det inte "
                         "fanns arbete kvar.")
    if value is None and re.search(r"\bsparken\b|\bavsked|\bkickad", a.folded):
        # "jag fick sparken" says who, not why: the reason decides (arbetsbrist or personal grounds).
        return Miss("Välj \"Arbetsbrist\" om det inte fanns arbete kvar, annars \"Något annat\".",
                    lead="Det låter tufft.")
    if value is None:
        return None if a.is_digression else Miss(
            "Skriv till exempel \"arbetsbrist\", \"sjukdom\" eller \"jag sa upp mig själv\".")
    slots: dict[str, Any] = {"termination_reason": value}
    if value == "own_resignation":
        slots["termination_initiated_by"] = "employee"
    elif value == "illness" and not a.is_payload and _OWN_NOTICE.search(a.folded):
        # "jag sa upp mig för att jag var sjuk": illness still counts (seed 001, 5.1), and the
        # advisor reads that it was the person's own notice.
        slots["termination_initiated_by"] = "employee"
    elif value in ("illness", "fixed_term_ended"):
        slots["termination_initiated_by"] = "employer"
    elif value == "shortage_of_work" and not a.is_payload and not _EMPLOYEE_INITIATIVE.search(a.folded) \
            and (a.slots.get("notice_pending") or _EMPLOYER_CUTS.search(a.folded)):
        # "de drar ner på säljavdelningen", or a notice on its way: the employer's initiative,
        # not asked again.
        slots["termination_initiated_by"] = "employer"
    if value == "illness":
        slots["reduced_capacity"] = True
    return Filled(slots)


# The law asks who took the initiative (seed 001, 5.1 p. 3); people answer with what happened.
_EMPLOYEE_INITIATIVE = re.compile(
    r"\bjag sjalv\b|\bsjalv\b|egen begaran|\bmitt (eget )?(beslut|val|initiativ)\b|"
    r"\bjag (ville|valde|bestamde|bad om att fa) sluta|\bjag sa upp mig\b|"
    r"\binte (min |var )?(arbetsgivaren|arbetsgivare|chefen|foretaget|firman)\b|"
    r"\b(arbetsgivaren|chefen|foretaget|firman|bolaget) (sa|har|hade) (inte|ej) upp")
# Folded. Let go in so many words ("fick sparken", "blev uppsagd", "de sa upp mig"), with no package
# taken or notice of one's own beside it: the employer's initiative, whatever the reason turns out to be.
_LET_GO = re.compile(r"\b(blev|har blivit|blivit|fick|har fatt|fatt) (uppsagd|sparken)\b|"
                     r"\b(de|dom|chefen|arbetsgivaren|foretaget|firman) (sa|har sagt|sade) upp mig\b")
_OWN_PART = re.compile(r"avgang|utkop|kopt(e|s)? ut|erbjud|frivillig|" + _EMPLOYEE_INITIATIVE.pattern)


def let_go(folded: str) -> bool:
    return bool(_LET_GO.search(folded)) and not _OWN_PART.search(folded)


_EMPLOYER_INITIATIVE = re.compile(
    r"\b(arbetsgivaren|chefen|foretaget|firman|bolaget|ledningen|hr)\b|\b(de|dom|han|hon) (sa upp|har sagt upp|varslade)|"
    r"\b(deras|arbetsgivarens|chefens|foretagets|ledningens|firmans) (beslut|val|initiativ)\b|"
    r"\b(blev|ar|var|har blivit) uppsagd|" + _WARNED + r"|\bsparken\b|"
    + _JOB_TAKEN_AWAY + "|" + _WORKPLACE_CLOSING + "|" + _POST_GONE + "|"
    r"\b(lade|lagger|lagt|lagts) ner\b|nedlaggning|neddragning|omorganis|konkurs|arbetsbrist|"
    # "vi var flera som fick gå", "fick gå": let go, which is the employer's doing
    r"\b(fick|har fatt|fatt) ga\b|\bfick sluta\b")
# Folded. The employer cutting down, said with the employer as the subject.
_EMPLOYER_CUTS = re.compile(r"\b(de|dom|arbetsgivaren|chefen|foretaget|firman|bolaget|ledningen|koncernen|agarna)"
                            r"( \w+){0,2} (dra|drar|drog|dragit|skar|skurit|sparar|sparade|spara) (ner|ned|in)\b|"
                            + _JOB_TAKEN_AWAY)
# Volunteering in a round of cuts is settled like an agreement: by who brought it up.
_AGREEMENT = re.compile(r"avgangsavtal|avgangsvederlag|overenskommelse|\bkom overens\b|\bfrivillig\w*|\banmalde mig\b|"
                        r"\b(ar|var|blev) overens\b")
_EMPLOYER_PROPOSED = re.compile(r"\b(arbetsgivaren|chefen|foretaget|firman|bolaget|de|hr)\b"
                                r"( \w+){0,3} (foreslog|erbjod|ville|tog upp|tog initiativ)")
_DONT_KNOW = re.compile(r"\bvet (inte|ej)\b|\bminns (inte|ej)\b|ingen aning|\bosaker\b|"
                        r"\bkommer inte ihag\b|\bhar glomt\b")


# Folded. "inte jag", "inte mitt beslut": not one's own doing, said with a negation.
_NOT_MINE = re.compile(r"\b(inte|ej|aldrig) (jag|mitt (eget )?(beslut|val|initiativ)|av egen vilja|frivilligt)\b")


def termination_initiated_by(a: Answer) -> Result:
    folded = a.folded
    if _NOT_MINE.search(folded):
        return Filled({"termination_initiated_by": "employer"})
    if _EMPLOYEE_INITIATIVE.search(folded):
        return Filled({"termination_initiated_by": "employee"})
    # An agreement to end the employment settles nothing by itself: whose idea it was does.
    if _AGREEMENT.search(folded):
        if _EMPLOYER_PROPOSED.search(folded):
            return Filled({"termination_initiated_by": "employer"})
        return Miss("Då avgör vem som tog upp det först. Var det arbetsgivaren som föreslog att "
                    "du skulle sluta, svara ja. Var det du som ville sluta, svara nej.",
                    lead="Tack, det är bra att veta.")
    if _EMPLOYER_INITIATIVE.search(folded):
        return Filled({"termination_initiated_by": "employer"})
    value = yes_no(a, allow_unknown=False)
    if value is not None:
        return Filled({"termination_initiated_by": "employer" if value else "employee"})
    if a.is_digression:
        return None
    return Miss("Svara ja om arbetsgivaren sa upp dig, annars nej.")


# What helps someone who says "vet inte" to a question that needs an answer to go on.
_DONT_KNOW_HINTS = {
    # "vet inte" is not the reason "other", which would mean no rådgivning: help to choose instead.
    "termination_reason": "Tänk på vad som hände. Fanns det inte längre arbete åt dig är det "
                          "arbetsbrist. Slutar du för att du är sjuk, välj sjukdom. Rådgivaren kan "
                          "reda ut resten med dig.",
    "termination_initiated_by": "Tänk på vem som tog upp det först. Sa arbetsgivaren att din tjänst "
                                "skulle försvinna, svara ja. Ville du själv sluta, svara nej.",
    "employment_start": "Det räcker med ungefär när, till exempel \"hösten 2019\", \"i början av "
                        "2020\" eller bara \"2019\".",
    "more_employments": "Tänk på de senaste två, tre åren: har du haft något annat jobb, också "
                        "extrajobb eller timanställning? Svara ja eller nej.",
    "had_skippable": "Minns du ingen sådan period, svara nej. Rådgivaren kan gå igenom det med dig.",
    "more_skippable": "Minns du ingen fler period, svara nej.",
    "consent": "Säger du ja skickas dina svar till en rådgivare, och du kan be mig radera dem när "
               "som helst. Säger du nej sparas inget, men vi kan ändå prata om ditt yrkesliv.",
}
for _slot in ("skippable_start", "skippable_end"):
    _DONT_KNOW_HINTS[_slot] = _DONT_KNOW_HINTS["employment_start"]
# An end may still be to come (a notice period): examples on both sides of today.
_DONT_KNOW_HINTS["employment_end"] = ("Det räcker med ungefär när, till exempel \"i mars\", \"till sommaren\" "
                                      "eller \"hösten 2025\".")


# Folded. The worker category said again alone: "arbetare", "ja arbetare", "tjänsteman stämmer".
_ECHOED_CATEGORY = re.compile(r"^(?:(?:ja|japp|jo|precis|stammer|korrekt|ok|okej),? )?(arbetare|tjansteman)"
                              r"(?: (?:ja|stammer|precis))?[.!]*$")


def kind_miss(slot: str, answer: Answer, miss: Miss) -> Miss:
    """A miss on "vet inte", or on "orkar inte tänka på det nu", is not a misunderstanding: say
    so kindly, help, and offer a human."""
    if miss.lead is not None or answer.is_payload:
        return miss
    echoed = _ECHOED_CATEGORY.match(answer.folded.strip())
    if echoed and slot != "worker_category" \
            and answer.slots.get("worker_category") == ("blue_collar" if echoed.group(1) == "arbetare" else "white_collar"):
        # "arbetare" just after "…, så jag skriver att du är arbetare": agreeing, not answering.
        return Miss("", lead="Ja, det har jag skrivit.")
    if answer.intent == "dont_know" or _DONT_KNOW.search(answer.folded):
        lead = "Du bestämmer själv." if slot == "consent" else "Ingen fara om du inte vet säkert."
        return Miss(_DONT_KNOW_HINTS.get(slot, miss.hint), lead=lead, offer_human=slot != "consent")
    if _NO_ENERGY.search(answer.folded) or _STRAIN.search(answer.folded):
        return Miss(miss.hint, lead="Jag förstår att det är mycket just nu. Vi tar det i din takt.",
                    offer_human=True)
    return miss


def yes_no_slot(name: str, *, allow_unknown: bool = True) -> Callable[[Answer], Result]:
    def interpret(a: Answer) -> Result:
        value = yes_no(a, allow_unknown=allow_unknown)
        if value is None:
            return None if a.is_digression else Miss("Svara ja eller nej"
                                                      + (", eller \"vet inte\"." if allow_unknown else "."))
        return Filled({name: value})
    return interpret


_FIRST_PERSON = re.compile(r"\b(jag|ja|jg|mig|mej|min|mitt|mina)\b")


def asks_about_an_age(a: Answer) -> bool:
    """"är man för gammal vid 65?" asks about an age; it does not say the person's own."""
    return a.is_question and not _FIRST_PERSON.search(a.folded)


_BORN = re.compile(r"^(?:jag ar )?(?:fodd )?(?:ar )?(19\d{2}|20\d{2})$|\bfodd (?:ar |i )?(19\d{2}|20\d{2}|-\d{2}|'\d{2}|\d{2})\b")


def _birth_year(folded: str, today: date) -> tuple[int, str] | None:
    """"född 1975", "född -75", or a year alone ("1975") at the age question: (year, as written)."""
    found = _BORN.search(folded.strip())
    if not found:
        return None
    written = found.group(1) or found.group(2)
    digits = written.lstrip("-'")
    year = int(digits) if len(digits) == 4 else 1900 + int(digits)
    if len(digits) == 2 and year + 100 <= today.year - 15:
        year += 100  # "född 05": 2005
    return (year, written) if today.year - 100 <= year <= today.year - 15 else None


def age(a: Answer) -> Result:
    if a.intent == "dont_know":
        return Miss("Skriv hur gammal du är i hela år, till exempel \"45\".")
    if a.button and a.button.isdigit() and 15 <= int(a.button) <= 100:
        return Filled({"age": int(a.button)})
    folded = a.folded
    year = a.slots.get("birth_year")
    yes = a.intent == "affirm" if a.is_payload else bool(_YES.search(folded))
    no = a.intent == "deny" if a.is_payload else bool(_NO.search(folded))
    if year and (yes or no):
        # The answer to "Har du fyllt år i år?" (utter_ask_age when asked_again is "birthday").
        return Filled({"age": a.today.year - int(year) - (0 if yes else 1)})
    birthday = _BORN_ON.search(folded)
    day = parse_date(birthday.group(1), a.today) if birthday else None
    if day and day.precision == "day" and day.value and day.value < a.today:
        # "född 3 maj 1962": the age from the day; the day itself is not kept (only what the
        # advisor needs is collected).
        years = a.today.year - day.value.year - ((a.today.month, a.today.day) < (day.value.month, day.value.day))
        if 15 <= years <= 100:
            return Filled({"age": years, "_say": f"Då är du {years} år."})
    born = _birth_year(folded, a.today)
    if born:
        folded = folded.replace(born[1], " ")
    turning = _TURNS.search(folded)
    if turning and re.search(r"\b\d{1,3}\b", _TURNS.sub(" ", folded)):
        # "jag är 45 men fyller 46 nästa vecka": the age now, not the one to come
        folded = _TURNS.sub(" ", folded)
    numbers = [int(n) for n in re.findall(r"\b(\d{1,3})\b", folded)]
    if not numbers:
        numbers = [v for w in folded.split() if (v := word_number(w)) is not None]
    if born and not numbers:
        # A birth year gives two ages; whether the birthday has passed settles it.
        older = a.today.year - born[0]
        return Miss("", lead=f"Född {born[0]}, då är du {older - 1} eller {older} år.",
                    remember={"birth_year": born[0], "asked_again": "birthday"})
    candidates = [n for n in numbers if 15 <= n <= 100]
    if len(candidates) == 1 and _BOUND.search(folded) and not a.is_digression:
        # "över 60", "under 30": a bound, where the limits (65, and CSN's 27–63) may fall between.
        return Miss("Skriv din ålder i hela år, till exempel \"45\".",
                    lead="Skriv gärna exakt, för åldern avgör en del av stödet.")
    if len(candidates) == 1 and asks_about_an_age(a):
        return None if a.is_digression else Miss(
            "Stödet gäller fram till att du fyller 65 år. Skriv din egen ålder i hela år, till "
            "exempel \"45\".")
    if len(candidates) == 1 and _TURNS.search(folded) and not re.search(r"\b(idag|i dag)\b", folded):
        # "fyller 50 i januari", "snart 60": the age today is what counts.
        now = candidates[0] - 1
        return Filled({"age": now, "_say": f"Då skriver jag {now} år, för det är åldern i dag som räknas."})
    if len(candidates) == 1:
        return Filled({"age": candidates[0]})
    if a.is_digression:
        return None
    return Miss("Skriv din ålder i hela år, till exempel \"45\".")


# Folded. "född 3 maj 1962", "född den 12/4 1970": a birth date, day and all.
_BORN_ON = re.compile(r"\bfodd (?:den |pa )?(\d{1,2}(?:[:e]|:a)? ?(?:[a-z]+|/\d{1,2})[ -]?(?:19|20)?\d{2})\b")
# Folded. "över 60", "under 30": not an age, a bound.
_BOUND = re.compile(r"\b(over|under|mer an|mindre an|fler an)\s+\d{2}\b")
_TURNS = re.compile(r"\b(fyller|ska fylla|snart|nastan|blir|fyll(er)? snart)\s+(\d{2}|\w+)\b")


# --- guidance -------------------------------------------------------------------------------
# "orkar inte tänka på det nu": the reflection questions wait for the advisor (seed 000: reduced
# work capacity, in the person's own pace); only what the assessment needs is asked.
_NO_ENERGY = re.compile(r"\borkar (inte|int|inte riktigt)\b|\bingen ork\b|\b(for|sa) (trott|slut)\b|"
                        r"\binte (just )?nu\b|\bnagon annan gang\b|\bkan vi ta det sen")
NO_ENERGY_SAY = "Då väntar vi med de frågorna. Dem kan du ta med en rådgivare när du orkar."


def guidance_mode(a: Answer) -> Result:
    if not a.is_payload and _NO_ENERGY.search(a.folded):
        return Filled({"guidance_mode": "check", "_say": NO_ENERGY_SAY})
    if not a.is_payload and (goal := _named_goal(a.text)):
        # "jag har bestämt mig för att bli sjuksköterska": the plan and its goal, not asked again
        return Filled({"guidance_mode": "plan", "outward_options": goal,
                       "_say": f"Vad bra att du vet vad du vill. Jag skriver att du vill bli {goal}."})
    value = choose(a, {"check": r"bara (se|kolla)|ratt till|vilket stod|stodkoll|berattigad|"
                                r"(se|kolla|veta) vad (jag|man) (kan )?(fa|far)\b",
                       "plan": r"vet vad jag vill|vill (plugga|studera|utbilda|bli|lasa)|"
                               r"hjalp mig vidare|har en plan|mal|komma vidare|min plan|"
                               # job search is a plan: options, goal and a first step
                               r"(hitta|soka|fa) (ett )?(nytt |annat )?jobb|jobbsok\w*|\bcv\b",
                       # "både och", "allt": the whole conversation, the check comes in it too
                       "explore": r"vet inte|fundera|osaker|ingen aning|tanka|\bbade och\b|\ballt\b|\balla tre\b"})
    if value is None:
        value = {"check_eligibility": "check", "dont_know": "explore"}.get(a.intent or "")
    if value is None and a.intent == "career_guidance":
        value = "explore"
    if value is None:
        return None if a.is_digression else Miss("Välj ett av alternativen, eller skriv med egna ord.")
    return Filled({"guidance_mode": value})


_forward_goal_choice = choice_slot("forward_goal", {
    "study_to_leave_sector": r"(plugga|studera|utbilda|lasa).*(byta|lamna|annan|ny) bransch|"
                             r"(byta|lamna) bransch.*(plugga|studera|utbild)",
    "study_to_stay_in_sector": r"(plugga|studera|utbilda|lasa|vidareutbild).*(stanna|samma|kvar)",
    "new_job_other_sector": r"(annan|ny|byta) bransch|nytt yrke|byta yrke",
    # "samma arbetsplats men annan roll": another job where one is, not staying in the role
    "new_job_same_sector": r"samma bransch|liknande jobb|nytt jobb|annan (roll|tjanst|avdelning)|andra arbetsuppgifter|"
                           r"omplacer\w*",
    "stay_in_role": r"stanna|vara kvar|behalla|(jobba|arbeta) kvar",
    "undecided": r"vet inte|osaker|inte bestamt|inte an|(veta|komma fram till|lista ut|hitta) (vad|vilket|vart)|"
                 r"ingen aning|fundera|klura",
}, "Välj det alternativ som ligger närmast.", dont_know="undecided")

# Someone who chooses to study is told at once where study support comes from (seed 001;
# eligibility.md: the yttrande only where there is no collective agreement), not only if they ask.
STUDY_NOTE = ("Bra att veta när du vill plugga: från det år du fyller 27 kan du söka omställningsstudiestöd "
              "hos CSN. Till ansökan kan du ibland få ett yttrande, härifrån eller från ditt trygghetsråd – det "
              "ser vi när jag vet mer om ditt arbete. Kan du redan mycket från jobbet kan en validering "
              "ibland göra utbildningen kortare.")
# The self-employed have no trygghetsråd: their yttrande is always ours (seed 003).
STUDY_NOTE_SELF_EMPLOYED = ("Bra att veta när du vill plugga: från det år du fyller 27 kan du söka "
                            "omställningsstudiestöd hos CSN. Som egenföretagare kan du få ett yttrande härifrån till "
                            "ansökan. Kan du redan mycket från jobbet kan en validering ibland göra utbildningen kortare.")


# The goal question asked again as "stanna i din bransch eller byta?" (utter_ask_forward_goal_study).
STUDY_GOAL = "study"
# asked_again: a business of one's own is the plan, so the goal is asked as "samma bransch eller en annan?"
OWN_BUSINESS = "own_business"
_BUSINESS_WHICH = {"new_job_other_sector": re.compile(r"\bbyt|\bny\b|\bnytt\b|annan|andra|helt annat"),
                   "new_job_same_sector": re.compile(r"samma|\bkvar\b|\binom\b|som nu|det jag (gor|kan)")}


def plans_own_business(slots: dict[str, Any]) -> bool:
    """The person's plan, kept in outward_options, is a business of their own."""
    return "starta eget företag" in str(slots.get("outward_options") or "")
_STUDIES = re.compile(r"plugga|studera|studier|utbild|kurs|\bkpu\b|universitet|hogskola|\byh\b|komvux|"
                      r"folkhogskola|omskol|lasa (till|pa|vidare)")
_STUDY_WHICH = {"study_to_leave_sector": re.compile(r"\bbyt|\bny\b|\bnytt\b|annan|lamna|omskol|helt annat"),
                "study_to_stay_in_sector": re.compile(r"stanna|samma|\bkvar\b|inom|vidareutbild")}


# Folded. An action to take, said where the goal was asked: "kolla upp vad det krävs", "ringa facket".
_NEXT_STEP = re.compile(r"^(?:jag )?(?:ska |vill |tanker |kan |borde |behover )?(?:nog |kanske |forst )?"
                        r"(?:kolla|ta reda pa|soka|ringa|prata med|lasa pa|lasa om|undersoka|fraga|boka|"
                        r"anmala mig|googla|uppdatera)\b")


# Folded. Starting a business of one's own.
_OWN_BUSINESS = re.compile(r"\bstarta (eget|ett eget|en egen|nagot eget|foretag|firma|eget foretag)|"
                           r"\b(eget|ett eget) foretag\b|\begen (firma|verksamhet)\b|\bbli egenforetagare\b")

# Folded. Starting a business as the person's own wish: "vill starta eget", "funderar på att bli egenföretagare".
_WISH_OWN_BUSINESS = re.compile(r"\b(vill|funderar pa att|planerar att|drommer om att|tanker|skulle vilja|"
                                r"siktar pa att|har bestamt mig for att)( \w+){0,2} (starta (eget|ett eget|en egen|"
                                r"nagot eget|foretag|firma|eget foretag)|bli egenforetagare)\b")
# Folded. "gå i pension", "pensionera mig": none of the choices, and a plan the advisor should know.
_PENSION = re.compile(r"\bga i pension|\bpensionera|\bta ut (min |mitt |tidig |tidigt )?pension|"
                      r"\b(bli|vara|ar snart) pensionar")


def _kept_with_options(a: Answer, plan: str) -> str:
    """outward_options with a plan added ("starta eget företag", "gå i pension"), said once."""
    before = a.slots.get("outward_options")
    before = None if before in (None, UNKNOWN, "vet inte än") or plan in str(before) else before
    return f"{before}, {plan}" if before else plan


def forward_goal(a: Answer) -> Result:
    result = _forward_goal_choice(a)
    chosen = str(result.slots.get("forward_goal")) if isinstance(result, Filled) else ""
    if a.slots.get("asked_again") == STUDY_GOAL and result is not None and not a.is_payload \
            and not chosen.startswith(("study_", "undecided")):
        # After "stanna i din bransch eller byta?", "byta" says which kind of studies.
        which = [goal for goal, pattern in _STUDY_WHICH.items() if pattern.search(a.folded)]
        if len(which) == 1:
            result = Filled({"forward_goal": which[0]})
    elif a.slots.get("asked_again") == OWN_BUSINESS and result is not None and not a.is_payload \
            and not chosen.startswith(("new_job_", "undecided")):
        # After "Blir ditt företag inom samma bransch, eller en annan?": a business is a new job.
        which = [goal for goal, pattern in _BUSINESS_WHICH.items() if pattern.search(a.folded)]
        if len(which) == 1:
            result = Filled({"forward_goal": which[0]})
    # Still no choice: "ringa komvux" or "vill bli elektriker" is read the same after either follow-up.
    if isinstance(result, Miss) and (named := _named_goal(a.text)):
        # "vill bli elektriker": an occupation, not one of the choices. Kept, and the question
        # asked again; "vill plugga till elektriker" asks which kind of studies.
        return Filled({"outward_options": named, "_say": f"Tack, jag skriver att du vill bli {named}.",
                       "asked_again": STUDY_GOAL if _STUDIES.search(a.folded) else True})
    elif isinstance(result, Miss) and _OWN_BUSINESS.search(a.folded):
        # "starta eget" is none of the choices, but one of rådgivning's aims (seed 001, 2): kept
        # for the advisor, and the question asked again.
        return Filled({"outward_options": _kept_with_options(a, "starta eget företag"),
                       "_say": "Tack, jag skriver att du funderar på att starta eget. Det kan rådgivaren hjälpa "
                               "dig vidare med.", "asked_again": OWN_BUSINESS})
    elif isinstance(result, Miss) and _PENSION.search(a.folded):
        # Retiring soon is a plan of its own; the years until then are what the choices are about.
        return Filled({"outward_options": _kept_with_options(a, "gå i pension"),
                       "_say": "Tack, jag skriver att du funderar på pensionen, så kan rådgivaren gå igenom det "
                               "med dig. Tänk på tiden fram till dess när du väljer här.",
                       "asked_again": True})
    elif isinstance(result, Miss) and _NEXT_STEP.search(a.folded):
        # "kolla upp vad som krävs": a first step, the answer to the question after this one.
        follow_up = a.slots.get("asked_again") in (STUDY_GOAL, OWN_BUSINESS)  # that question asked again
        return Filled({"forward_next_step": a.text.strip(), "asked_again": a.slots["asked_again"] if follow_up else True,
                       "_say": "Bra, det skriver jag upp som ett första steg."})
    elif isinstance(result, Miss) and _STUDIES.search(a.folded) and a.slots.get("asked_again") != STUDY_GOAL:
        which = [goal for goal, pattern in _STUDY_WHICH.items() if pattern.search(a.folded)]
        if len(which) == 1:  # "plugga nåt kortare för att byta": the kind of studies told too
            result = Filled({"forward_goal": which[0]})
        else:
            # "KPU på Stockholms universitet till hösten" is a study plan: ask which of the two.
            return Filled({"_say": "Det låter som att du vill studera.", "asked_again": STUDY_GOAL})
    if isinstance(result, Filled) and str(result.slots.get("forward_goal", "")).startswith("study_"):
        note = STUDY_NOTE_SELF_EMPLOYED if a.slots.get("situation") == "self_employed" else STUDY_NOTE
        return Filled({**result.slots, "_say": note})
    return result


_special_needs_yes_no = yes_no_slot("special_needs_illness")
# Folded. "klarar mig själv", "behöver inget extra": no. "kanske", "lite kanske": not known yet.
_MANAGES = re.compile(r"\bklarar mig( \w+)? (sjalv|bra|utan)|\bbehover (inget|ingen|inte nagot) (extra|mer)\b")
_MAYBE = re.compile(r"\b(kanske|mojligen|eventuellt|osaker|vet inte riktigt|lite grann|nja)\b")
# Folded. A condition named instead of an answer ("har adhd").
_CONDITION_NAMED = re.compile(r"\b(adhd|add|autism|asperger|diagnos\w*|depression|deprimerad|angest|reumat\w*|"
                              r"diabetes|cancer|migran|fibromyalgi|ms|epilepsi)\b")


def special_needs_illness(a: Answer) -> Result:
    """"Tror du att du behöver ett sådant extra stöd?": "tror det" is a yes; "kanske" is not known;
    an illness told without an answer is thanked for and the question asked again."""
    if not a.is_payload and _MANAGES.search(a.folded):
        return Filled({"special_needs_illness": False})
    if not a.is_payload and _MAYBE.search(a.folded) and not _NO.search(a.folded):
        return Filled({"special_needs_illness": UNKNOWN,
                       "_say": "Då skriver jag att du inte vet än. Det kan du och rådgivaren prata om."})
    result = _special_needs_yes_no(a)
    if isinstance(result, Miss) and (_SICK_WORDS.search(a.folded) or _CONDITION_NAMED.search(a.folded)):
        return Miss("Svara ja, nej eller \"vet inte\".",
                    lead="Tack för att du berättar. Tänk på om du skulle behöva mer hjälp än andra för att komma "
                         "vidare, till exempel fler möten eller hjälp med kontakterna med Försäkringskassan.")
    return result


# --- employer -------------------------------------------------------------------------------
_EMPLOYER_LEAD = re.compile(r"^(det (heter|hette|var)|den heter|(?:jag )?(jobbar|jobbade|arbetar|arbetade) "
                            r"(pa|hos|for)|pa|hos|firman heter|foretaget heter)\s+", re.I)
# Folded. Who runs the workplace, told after its name: "Solgården, drivs av kommunen", "Solgården som
# regionen äger", "Attendo, privat". The name is what comes before it.
_OWNER = r"(?P<owner>kommunen|regionen|staten|landstinget|en kommun|en region|\w+ kommun|\w+ stad|region \w+|" \
         r"ett privat (?:foretag|bolag)|ett foretag|privata? \w+|privat)"
_OWNER_TOLD = re.compile(r"(?:(?:,\s*|\s+)(?:(?:och |det |den |som )?(?:drivs|drevs|ags|agdes|ar agt|ar driven|"
                         r"ar drivet) av " + _OWNER + r"|(?:som |och )?(?P<runs>kommunen|regionen|staten|landstinget) "
                         r"(?:driver|ager|drev|agde)(?: det| den)?)|,\s*(?:det ar |den ar )?(?P<kind>privat|privatagt|"
                         r"kommunal|kommunalt|kommunens|regionens|statlig|statligt))\s*[.!]?$")
# As typed. "Solgården som drivs av Attendo": the company that runs the workplace is the employer.
_RUN_BY_COMPANY = re.compile(r"(?:,\s*|\s+)(?:som |och )?(?i:drivs|drevs|ägs|ags|ägdes|agdes) (?i:av) "
                             r"(?P<company>[A-ZÅÄÖ][\w&'-]*(?:\s+[A-ZÅÄÖ][\w&'-]*)*(?:\s+(?i:ab))?)\s*[.!]?$")


def _owner_told(text: str) -> tuple[str, str] | None:
    """(the name, its sector) where the answer says who runs the workplace after naming it."""
    folded = fold(text)
    m = _OWNER_TOLD.search(folded) if len(folded) == len(text) else None
    if m is None or m.start() == 0:
        return None
    owner = m.group("owner") or m.group("runs") or m.group("kind")
    sector = "region" if re.search(r"region|landsting", owner) else "municipality" if re.search(r"kommun|stad", owner) \
        else "state" if re.search(r"stat", owner) else "private"
    if re.fullmatch(r"region \w+|\w+ kommun|\w+ stad", owner) and not owner.startswith(("en ", "var ", "min ")):
        # "Solgården, drivs av Lunds kommun": the municipality named is the employer.
        named = text[m.start("owner"):m.end("owner")]
        return official_region(owner) or named[:1].upper() + named[1:], sector
    return text[:m.start()].strip(" ,."), sector


def _clean_name(text: str) -> str:
    text = text.strip().strip(".!")
    folded = fold(text)
    m = _EMPLOYER_LEAD.match(folded)
    return text[m.end():].strip() if m else text


# Folded. The workplace described beside its name: "det är ett privat äldreboende, Attendo",
# "Attendo, ett privat äldreboende", "ett litet åkeri som heter Berg & Son".
_DESCRIBED = re.compile(r"^(?:det (?:ar|var) |jag (?:jobbar|jobbade|arbetar|arbetade) (?:pa|hos|for|i) )?"
                        r"(?:ett|en) (?:[a-z&-]+ ){0,3}[a-z&-]+$")
_NAMED_AS = re.compile(r"\bsom (?:heter|hette) (.+)$", re.I)


def _name_beside_description(text: str) -> tuple[str, str | None] | None:
    """(name, sector or None) where the answer describes the workplace and names it."""
    named = _NAMED_AS.search(text)
    if named and _DESCRIBED.match(fold(text[:named.start()]).strip()):
        name, description = named.group(1), text[:named.start()]
    else:
        parts = [p.strip(" .!") for p in re.split(r",|\s[-–]\s", text) if p.strip(" .!")]
        described = [p for p in parts if _DESCRIBED.match(fold(p))]
        names = [p for p in parts if p not in described]
        if len(parts) != 2 or len(described) != 1:
            return None
        name, description = names[0], described[0]
    # Only "privat" says the sector: a "kommunalt bolag" may be a company, asked like any other.
    return name.strip(" .!"), "private" if re.search(r"\bprivat", fold(description)) else None


# Folded. An answer to "Vilken kommun?" that names a workplace or an organisation, not a place.
_ORGANISATION_WORDS = re.compile(r"kommun|stad\b|region|landsting|skola|forskola|forvaltning|sjukhus|boende|vard|"
                               r"verket|myndighet|\bab\b|bolag|inspektion|kassan|styrelse|namnd|byra|institut|"
                               r"universitet|hogskola|polis|forsvar|\bjag\b|\bvet\b|\binte\b")


# As typed. "bemanningsföretaget Adecco men jag var uthyrd till Scania", "uthyrd till Scania via
# Manpower": the staffing agency is the employer, not the company the person worked at.
_AGENCY_NAMED = re.compile(r"(?i:bemanning\w*|konsultbolag\w*)\s+([A-ZÅÄÖ][\w&'-]*(?:\s+[A-ZÅÄÖ][\w&'-]*)*)|"
                           r"(?i:\bvia)\s+([A-ZÅÄÖ][\w&'-]*(?:\s+[A-ZÅÄÖ][\w&'-]*)*)")


def _staffing_agency(a: Answer) -> Result | None:
    m = _AGENCY_NAMED.search(a.text)
    if not m or (m.group(2) and not re.search(r"uthyrd|inhyrd|bemanning|konsult", a.folded)):
        return None
    agency = m.group(1) or m.group(2)
    return Filled({"employer_name": agency, "employer_sector": "private",
                   "_say": f"Då skriver jag {agency}, eftersom det är bemanningsföretaget som är din arbetsgivare."})


# Folded. Words that make a short answer a date or working hours rather than a name.
_DATE_WORDS = re.compile(r"\b(" + MONTH_WORDS + r"|sista|forsta|ar|manader|manad|veckor|"
                         r"sedan|sen|nyar|arsskiftet|i host|i vars|i vintras|i somras|forra|nasta)\b|\b\d{1,2}/\d{1,2}\b|\b\d{4}-\d{2}")
_HOURS_WORDS = re.compile(r"\b(timmar|tim|h|heltid|halvtid|deltid)\b|%|procent")


def _other_answer(name: str, today: date) -> str | None:
    """"ett datum" or "arbetstid" where a short answer to the name question is one of those."""
    folded = fold(name)
    if len(folded.split()) > 4:
        return None
    if _HOURS_WORDS.search(folded) and parse_hours_per_week(name) is not None:
        return "arbetstid"
    if _DATE_WORDS.search(folded) and (parsed := parse_date(name, today)) is not None and parsed.value is not None:
        return "ett datum"
    return None


def employer_name(a: Answer) -> Result:
    if a.is_digression:
        return None
    if a.intent == "dont_know":
        return Filled({"employer_name": UNKNOWN_EMPLOYER})
    agency = None if a.is_payload else _staffing_agency(a)
    if agency:
        return agency
    in_place = None if a.is_payload else workplace_in_place(a)
    if in_place:
        return in_place
    run_by = None if a.is_payload else _RUN_BY_COMPANY.search(a.text)
    if run_by and run_by.start() > 0 and not sector_in_name(fold(run_by.group("company"))):
        company, place = run_by.group("company"), _clean_name(a.text[:run_by.start()])
        return Filled({"employer_name": company, "employer_sector": "private",
                       "_say": f"Då skriver jag {company}, som driver {place}, som arbetsgivare. {SAY_WRONG}"})
    owner = None if a.is_payload else _owner_told(a.text)
    beside = None if a.is_payload else _name_beside_description(owner[0] if owner else a.text)
    described_sector = owner[1] if owner else beside[1] if beside else None
    name = _clean_name(beside[0] if beside else owner[0] if owner else a.text)
    if _UNSURE_SAID.search(fold(name)):  # "ett lager, vet inte vad det heter"
        return Filled({"employer_name": UNKNOWN_EMPLOYER})
    # "28000", "2019" or a bare "ja"/"nej" answers another question than the one asked.
    no_name = not re.search(r"[^\W\d_]", name) or (len(name.split()) <= 2 and (_YES.search(fold(name))
                                                                         or _NO.search(fold(name))))
    if len(name) < 2 or a.is_payload or len(name) > 120 or no_name:
        return Miss("Skriv arbetsgivarens namn, till exempel \"Bageriet AB\".")
    if (other := _other_answer(name, a.today)):
        # "sista november", "30 tim": an answer to a question still to come, not a name.
        return Miss("Skriv arbetsgivarens namn, till exempel \"Bageriet AB\".",
                    lead=f"Det ser ut som {other}, det frågar jag om strax.")
    kind = _KIND_NOT_NAME.match(fold(name))
    if kind:
        # "privat företag" for the name (the kind is the next question): kept, and the name asked.
        sector = next(v for v, k in (("private", "privat"), ("municipality", "kommun"), ("region", "region"),
                                     ("state", "sta"), ("state", "myndighet"), ("other", "forening"))
                      if kind.group(1).startswith(k))
        said = {**_SECTOR_SV, "private": "ett privat företag", "other": "en förening eller liknande"}[sector]
        remember: dict[str, Any] = {"employer_sector": sector}
        if sector in ("municipality", "region"):
            remember["asked_again"] = f"which_{sector}"  # "Vilken kommun?", not the name question again
        return Miss("", lead=f"Tack, då vet jag att det är {said}.", remember=remember)
    place = a.slots.get("asked_again") in ("which_municipality", "which_region") and a.slots.get("employer_sector")
    place_text = re.sub(r"^(i|in i)\s+", "", a.text.strip(" .!"), flags=re.I)
    if place and len(place_text.split()) <= 2 and not re.search(r"\d", place_text) \
            and not _ORGANISATION_WORDS.search(fold(place_text)):
        # "Borås" to "Vilken kommun?": the employer is the municipality, named as such.
        place_name = " ".join(w[:1].upper() + w[1:] for w in place_text.split())
        # "Lunds kommun", "Borås kommun", "Ale kommun": the genitive s after a consonant but s, x, z
        genitive = place_name + ("s" if re.search(r"[^aeiouyåäösxz\W]$", place_name, re.I) else "")
        full = f"{genitive} kommun" if place == "municipality" \
            else official_region(f"region {fold(place_name)}") or f"Region {place_name}"
        return Filled({"employer_name": full, "_say": f"Då skriver jag {full}."})
    if _ROLE_NOT_EMPLOYER.match(fold(name)):
        return Miss("Skriv arbetsgivarens namn, alltså företaget eller organisationen du jobbar eller "
                    "jobbade för, till exempel \"Bageriet AB\".", lead="Det låter som din roll.")
    if known := known_employer(fold(name)):
        return Filled(known)  # "ica" is ICA, a private company
    if name.islower():
        name = name[:1].upper() + name[1:]  # "sahlgrenska" is said back as a name: "Har Sahlgrenska …"
    name = re.sub(r"\b(?:ab|Ab|aB)$", "AB", name)  # "friskola ab": the company form as it is written
    name = official_region(fold(name)) or name  # "region skane", "vgr": "Region Skåne", as it is written
    sector = sector_in_name(fold(name))
    if sector is None and described_sector == "private":  # "det är ett privat äldreboende, Attendo"
        return Filled({"employer_name": name, "employer_sector": "private",
                       "_say": f"Jag förstår det som att {name} är ett privat företag."})
    sector = sector or described_sector  # "Solgården, drivs av kommunen"
    if sector is None:
        return Filled({"employer_name": name})
    # "Region Skåne", "Malmö stad": the kind of employer is in the name, so it is not asked;
    # said, so that a misreading can be corrected.
    return Filled({"employer_name": name, "employer_sector": sector,
                   "_say": f"Jag förstår det som att arbetsgivaren är {_SECTOR_SV[sector]}."})


# Folded. The kind of employer given for its name: "privat företag", "en kommun".
_KIND_NOT_NAME = re.compile(r"^(?:det ar |det var )?(?:ett |en )?(privat(?:a)? (?:foretag|firma|bolag|sektorn?)|privat|"
                            r"kommun(?:en)?|region(?:en)?|staten|statlig myndighet|myndighet|forening)$")
# Folded. A kind of employee given for the employer's name (the next question asks for it).
_ROLE_NOT_EMPLOYER = re.compile(r"^(jag ar )?(en )?(arbetare|tjansteman|anstalld|kollektivanstalld|"
                                r"timanstalld|vikarie|egenforetagare|chef)$")


# Only names that cannot be a company: a municipal or state-owned AB is not read from its name.
_SECTOR_IN_NAME = [
    ("region", re.compile(r"^(region|landstinget)\b|regionen$|\blandsting(et)?$")),
    ("municipality", re.compile(r"\bkommun(en)?$|^kommunen\b|\w\sstad$|^staden\b")),
    ("state", re.compile(r"^(skatteverket|forsakringskassan|arbetsformedlingen|polisen|kriminalvarden|"
                         r"forsvarsmakten|kronofogden|tullverket|trafikverket|migrationsverket|"
                         r"lantmateriet|csn|kammarkollegiet)$")),
]


def sector_in_name(folded_name: str) -> str | None:
    return next((value for value, pattern in _SECTOR_IN_NAME if pattern.search(folded_name)), None)


# The 21 regions by their official names (folded key: what people write after "region").
_REGIONS = {key: name for name, keys in (
    ("Region Stockholm", "stockholm"), ("Region Uppsala", "uppsala"), ("Region Sörmland", "sormland"),
    ("Region Östergötland", "ostergotland"), ("Region Jönköpings län", "jonkoping|jonkopings lan"),
    ("Region Kronoberg", "kronoberg"), ("Region Kalmar län", "kalmar|kalmar lan"), ("Region Gotland", "gotland"),
    ("Region Blekinge", "blekinge"), ("Region Skåne", "skane"), ("Region Halland", "halland"),
    ("Västra Götalandsregionen", "vastra gotaland|vastra gotalandsregionen|vgr"),
    ("Region Värmland", "varmland"), ("Region Örebro län", "orebro|orebro lan"),
    ("Region Västmanland", "vastmanland"), ("Region Dalarna", "dalarna"), ("Region Gävleborg", "gavleborg"),
    ("Region Västernorrland", "vasternorrland"), ("Region Jämtland Härjedalen", "jamtland|jamtland harjedalen"),
    ("Region Västerbotten", "vasterbotten"), ("Region Norrbotten", "norrbotten"),
) for key in keys.split("|")}
_REGION_NAMED = re.compile(r"^(?:region(?:en)? )?(" + "|".join(sorted(_REGIONS, key=len, reverse=True)) + r")$")


def official_region(folded_name: str) -> str | None:
    """"region skane", "vgr", "Västra Götalandsregionen" → the region's official name, or None."""
    m = _REGION_NAMED.match(folded_name.strip())
    if m is None or (not folded_name.startswith("region") and m.group(1) not in ("vgr", "vastra gotalandsregionen")):
        return None  # "Skåne" alone is a place, not an employer
    return _REGIONS[m.group(1)]


# Folded. A workplace and where it is, without a name: "ett sjukhus i region skane", "jobbar på en
# skola i Lunds kommun", "ett lager i Ale kommun".
_WORKPLACE_IN_PLACE = re.compile(r"^(?:(?:jag )?(?:jobbar|jobbade|arbetar|arbetade|ar anstalld|var anstalld) "
                                 r"(?:pa|i|vid) |pa |i |vid )?(?:ett|en) (?P<what>[a-z-]+(?: [a-z-]+)?) "
                                 r"(?:i|inom|hos|pa|for|vid) (?P<place>region \w+(?: lan| harjedalen)?|\w+ kommun|"
                                 r"\w+ stad|vastra gotalandsregionen|vgr)$")
# Folded. Workplaces that the region or municipality mostly runs itself.
_PUBLIC_WORKPLACE = re.compile(r"(sjukhus\w*|lasarett\w*|vardcentral\w*|akut\w*|avdelning\w*|klinik\w*|"
                               r"\w*skola\w*|fritids\w*|gymnasi\w*|aldreboende\w*|hemtjanst\w*|bibliotek\w*|"
                               r"forvaltning\w*|socialtjanst\w*|boende\w*)$")


def workplace_in_place(a: Answer) -> Result:
    """The answer to the employer's name that gives a workplace and its region or municipality
    instead: a hospital or a school is taken to be theirs, said so it can be corrected; a
    warehouse in a municipality says nothing of who runs it, and its owner is asked for."""
    m = _WORKPLACE_IN_PLACE.match(fold(a.text).strip(" .!"))
    if m is None:
        return None
    place, what = m.group("place"), m.group("what")
    sector = sector_in_name(place) or "region"  # "vgr" is the one place without its kind in the name
    if sector == "region":
        name = official_region(place) or " ".join(w.capitalize() for w in place.split())
    else:
        plain = a.text.strip(" .!")
        name = plain[-len(place):] if len(fold(plain)) == len(plain) else place
        name = name[:1].upper() + name[1:]
    if not _PUBLIC_WORKPLACE.search(what):
        return Miss(f"Skriv företagets namn, till exempel \"Bageriet AB\", eller \"{name}\".",
                    lead=f"Tack! Men vem driver arbetsplatsen, {name} eller ett företag?")
    return Filled({"employer_name": name, "employer_sector": sector,
                   "_say": f"Då skriver jag {name} som arbetsgivare. Skriv \"det blev fel\" om arbetsplatsen drivs "
                           f"av ett privat företag."})


_SECTOR_SV = {"region": "en region", "municipality": "en kommun", "state": "en statlig myndighet"}
# Folded. "har städat på ett städbolag i 9 år": the work itself as the verb, at a place (not "bott på").
_DID_THE_WORK = (r"(?:har|hade) (?:stadat|kort|salt|lagat|byggt|snickrat|svetsat|packat|plockat|undervisat|vardat|"
                 r"skott|servat|diskat|bakat|monterat|malat)(?= (?:pa|hos) )")
# Folded. "jobbar som undersköterska i Region Skåne", "uppsagd från Malmö stad": the person's own
# employer, named in a story before the questions. Not an earlier one ("förut", "tidigare").
_OWN_JOB = re.compile(r"\b(jobbar|jobbade|jobbat|arbetar|arbetade|arbetat|anstalld|uppsagd|varslad|"
                      r"sjukskriven|vikarierar|vikarierat)\b|" + _OCCUPATION_SAID + "|\\b" + _DID_THE_WORK + "|"
                      # "mitt vikariat som sjuksköterska på ett privat äldreboende tog slut"
                      r"\b(mitt|min) (vikariat|jobb|anstallning|visstidsanstallning|visstid|tjanst|arbete)\b")
_EARLIER = re.compile(r"\b(forut|tidigare|innan dess|fore detta|f d)\b")
_PUBLIC_EMPLOYER_AT = re.compile(r"\b(?:i|pa|hos|fran|vid|for)\s+(region\s+\w+|\w+\s+(?:kommun|stad)|\w+)\b")
# Folded. One's job, or a workplace the region or municipality runs, before where it is.
_OWN_WORKPLACE = re.compile(r"(?:mitt|min|ett|en) (?:jobb|arbete|anstallning|arbetsplats|"
                            r"(?:sjukhus|lasarett|vardcentral|akutmottagning|forskola|skola|aldreboende|bibliotek)\w*)\b|"
                            # "på hemtjänsten i Gävle kommun": the service, then who runs it
                            r"(?:hemtjansten|forskolan|skolan|fritids|aldreboendet|boendet|sjukhuset|lasarettet|"
                            r"vardcentralen|biblioteket|socialtjansten|kontoret|kommunen|gruppboendet|lss-boendet|"
                            # "på akuten i Region Uppsala": a hospital's unit, then who runs it
                            r"akuten|akutmottagningen|avdelningen|intensiven|iva|ambulansen|psykiatrin|mottagningen|"
                            r"forlossningen|operation|operationen|rontgen|barnakuten|bvc|mvc|aldreomsorgen|"
                            r"grundskolan|gymnasiet|fritidsgarden)\b")
_NOT_A_PLACE_NAME = re.compile(r"^(en|min|var|den|denna|samma|annan|stora|liten|lilla|hela)\s")


def named_public_employer(text: str) -> dict[str, Any]:
    """The employer_name and employer_sector a clause names, where the name says the sector
    (_SECTOR_IN_NAME); {} otherwise. Only the first place named counts: in "jobbar på ett lager
    i Ale kommun" the workplace is the warehouse, and the municipality only where it is."""
    plain = re.sub(r"\s+", " ", text).strip()
    folded = fold(plain)
    m = _PUBLIC_EMPLOYER_AT.search(folded)
    while m and (after := _OWN_WORKPLACE.match(folded, m.start(1))):
        # "från mitt jobb i Region Skåne", "på ett sjukhus i Region Skåne": the place is the next one.
        m = _PUBLIC_EMPLOYER_AT.search(folded, after.end())
    if not m or not _OWN_JOB.search(folded) or _EARLIER.search(folded):
        return {}
    name = m.group(1)
    sector = sector_in_name(name)
    if sector is None or _NOT_A_PLACE_NAME.match(name) or (sector != "state" and " " not in name):
        return {}  # "i kommunen", "i en kommun": no name to write down
    # The words as typed where folding kept the length (it does for å/ä/ö), capitalised as the
    # names are written: "Region Skåne", "Malmö stad", "Skatteverket".
    words = (plain[m.start(1):m.end(1)] if len(folded) == len(plain) else name).split()
    shown = " ".join(w[:1].upper() + w[1:] if i == 0 or sector == "region" else w for i, w in enumerate(words))
    return {"employer_name": official_region(name) or shown, "employer_sector": sector}


# As typed (not folded): a name written with a capital after the workplace's preposition
# ("uppsagd från Lidl", "jobbar på Volvo Cars i Göteborg", "hos ICA Maxi"). In the middle of a
# Swedish sentence a capital marks a name; "på lagret" or "på ett bruk" has none, and nothing
# lower-case is guessed at.
_NAMED_AT = re.compile(r"\b(?i:jobbar|jobbade|jobbat|arbetar|arbetade|arbetat|anställd|anstalld|uppsagd|"
                       r"timanställd|timanstalld|behovsanställd|behovsanstalld|vikarie|"
                       r"varslad|sjukskriven|vikarierar|vikarierat|slutar|slutade|jag är \w{3,}|jag ar \w{3,}|sparken|"
                       # "Bagare på ICA Maxi sen 2015": the occupation first, as people shorten it
                       r"^(?:hej,? )?\w{3,}(?:are|erska|iker|log|ist|or|ör|pedagog|konsult|ingenjör|ingenjor|chef|ekonom)|"
                       r"jobbet|mitt jobb|vikariat|vikariatet|visstidsanställning\w*|visstidsanstallning\w*|"
                       r"anställning\w*|anstallning\w*)\b[^.,!?]*?\b(?i:på|pa|hos|från|fran|fr|vid)\s+"
                       r"((?:[A-ZÅÄÖ][\w&'-]*)(?:\s+(?:[A-ZÅÄÖ][\w&'-]*|AB|&))*)")


_NOT_A_NAME = re.compile(r"(jag|mig|min|mitt|en|ett|jobbet|lagret|kontoret|fabriken|foretaget|firman|"
                         r"skolan|sjukhuset|kommunen|affaren|butiken|restaurangen|bruket)$")


# Staffing agencies: "på ett lager via Adecco" names the employer (_VIA_AGENCY).
_STAFFING_AGENCIES = (
    ("Manpower", "manpower"), ("Adecco", "adecco"), ("Randstad", "randstad"), ("Academic Work", "academic work"),
    ("Poolia", "poolia"), ("Uniflex", "uniflex"), ("Lernia", "lernia"),
    ("StudentConsulting", "studentconsulting|student consulting"), ("Bravura", "bravura"),
    ("Jobandtalent", "jobandtalent|job and talent"))
# Folded → as the company writes itself. Private employers so well known that people type them in
# lower case in a chat ("jobbar i kassan på ica"). State-owned companies are left out: whose
# organisation they belong to is asked, not assumed.
KNOWN_EMPLOYERS = {key: name for name, keys in (
    ("ICA", "ica"), ("ICA Maxi", "ica maxi"), ("Coop", "coop"), ("Lidl", "lidl"), ("Willys", "willys"),
    ("Hemköp", "hemkop"), ("City Gross", "city gross"), ("Axfood", "axfood"), ("IKEA", "ikea"),
    ("H&M", "h&m|h & m"), ("Clas Ohlson", "clas ohlson"), ("Biltema", "biltema"), ("Jula", "jula"),
    ("Bauhaus", "bauhaus"), ("Byggmax", "byggmax"), ("Elgiganten", "elgiganten"), ("Stadium", "stadium"),
    ("XXL", "xxl"), ("Pressbyrån", "pressbyran"), ("7-Eleven", "7-eleven|seven eleven"),
    ("Apotek Hjärtat", "apotek hjartat"), ("Kronans Apotek", "kronans apotek"),
    ("Volvo", "volvo"), ("Volvo Cars", "volvo cars"), ("Scania", "scania"), ("Ericsson", "ericsson"),
    ("Sandvik", "sandvik"), ("Electrolux", "electrolux"), ("Atlas Copco", "atlas copco"), ("ABB", "abb"),
    ("SSAB", "ssab"), ("Northvolt", "northvolt"), ("Skanska", "skanska"), ("NCC", "ncc"), ("Peab", "peab"),
    ("Securitas", "securitas"), *_STAFFING_AGENCIES, ("Attendo", "attendo"), ("Humana", "humana"),
    ("Ambea", "ambea"), ("Vardaga", "vardaga"), ("Capio", "capio"), ("Aleris", "aleris"), ("Coor", "coor"),
    ("ISS", "iss"), ("Sodexo", "sodexo"), ("McDonald's", "mcdonalds|mcdonald's|mc donalds"),
    ("Burger King", "burger king"), ("Espresso House", "espresso house"), ("Circle K", "circle k"),
    ("Preem", "preem"), ("OKQ8", "okq8"), ("DHL", "dhl"), ("Schenker", "schenker|db schenker"),
    ("Foodora", "foodora"), ("Spotify", "spotify"), ("Klarna", "klarna"), ("Nordea", "nordea"),
    ("Swedbank", "swedbank"), ("Handelsbanken", "handelsbanken"), ("SEB", "seb"), ("Telia", "telia"),
    ("Tele2", "tele2"), ("Arla", "arla"),
    # Owned by the state but companies, under the private sector's agreements.
    ("PostNord", "postnord|posten"), ("SJ", "sj"), ("Vattenfall", "vattenfall"), ("Systembolaget", "systembolaget"),
    ("LKAB", "lkab"), ("Samhall", "samhall"), ("Green Cargo", "green cargo"),
    ("Arriva", "arriva"), ("Keolis", "keolis"), ("Transdev", "transdev"), ("Nobina", "nobina"),
) for key in keys.split("|")}
# The best-known companies as they are typed, longest first: "volvo cars" before "volvo".
_KNOWN_NAMES = "|".join(re.escape(k) for k in sorted(KNOWN_EMPLOYERS, key=len, reverse=True))
_KNOWN_AT = re.compile(r"\b(?:jobbar|jobbade|jobbat|arbetar|arbetade|arbetat|anstalld|timanstalld|behovsanstalld|"
                       r"vikarie|uppsagd|varslad|sjukskriven|sparken|"
                       r"vikarierar|vikarierat|slutar|slutade|"
                       # "fick gå från jobbet på ica", "mitt vikariat på …": the job named as a noun
                       r"jobbet|mitt jobb|vikariat|vikariatet|visstidsanstallning\w*|anstallning\w*)\b[^.,!?]*?"
                       r"\b(?:pa|hos|fran|fr|vid)\s+(" + _KNOWN_NAMES + r")(?![\w&'-])")


# The employer as the one who let the person go: "ica har sagt upp mig", "nu har Lidl varslat mig",
# "Coop sa upp mig i oktober". A name in capitals, or a known company in any case; not "Chefen".
_LET_GO_VERB = r"(?:sagt upp|sa upp|sade upp|varslat|varslade|sparkat|sparkade)"
_SUBJECT_NAME = r"([A-ZÅÄÖ][\w&'-]*(?:\s+(?:[A-ZÅÄÖ][\w&'-]*|AB))*)"
_NAMED_SUBJECT = re.compile(_SUBJECT_NAME + r" (?i:(?:har |hade )?" + _LET_GO_VERB + r")\b|"
                            r"\b(?i:har|hade) " + _SUBJECT_NAME + r" (?i:" + _LET_GO_VERB + r")\b")
_KNOWN_SUBJECT = re.compile(r"\b(" + _KNOWN_NAMES + r") (?:har |hade )?" + _LET_GO_VERB + r"\b|"
                            r"\b(?:har|hade) (" + _KNOWN_NAMES + r") " + _LET_GO_VERB + r"\b")
# Who may let one go without being the employer's name.
_NOT_A_SUBJECT_NAME = re.compile(r"(jag|de|dom|den|det|han|hon|vi|man|nu|sen|och|men|chefen|arbetsgivaren|"
                                 r"foretaget|firman|bolaget|ledningen|hr|min \w+|mina \w+)$")


def subject_employer(text: str) -> dict[str, Any]:
    """{"employer_name": …} where the clause names the employer as the one who let the person go."""
    plain = re.sub(r"\s+", " ", text).strip()
    if known := _KNOWN_SUBJECT.search(fold(plain)):
        return known_employer(known.group(1) or known.group(2))
    named = _NAMED_SUBJECT.search(plain)
    if not named or plain.isupper():
        return {}
    name = named.group(1) or named.group(2)
    if len(name) < 2 or _NOT_A_SUBJECT_NAME.match(fold(name)) or _NOT_A_NAME.match(fold(name)):
        return {}
    return known_employer(fold(name)) or {"employer_name": name}


def known_employer(folded_name: str) -> dict[str, Any]:
    """"ica", "Volvo cars": the company as it writes itself, and the sector its name says."""
    name = KNOWN_EMPLOYERS.get(folded_name.strip(" .!"))
    return {"employer_name": name, "employer_sector": "private"} if name else {}


# Folded. "på ett lager via Adecco": the staffing agency is the employer, not the workplace.
_VIA_AGENCY = re.compile(r"\b(?:via|genom|fran|for) (?:bemanning\w* )?("
                         + "|".join(keys for _, keys in _STAFFING_AGENCIES) + r")\b")


_APPLIED_FOR = re.compile(r"\b(sokt|soker|sokte|ansokt|ansoker|ansokte|soka|intervju\w*|vill ha)\b")
_WORKS_THERE = re.compile(r"\b(jobbar|jobbade|jobbat|arbetar|arbetade|arbetat|anstalld|uppsagd|varslad)\b")


def named_employer(text: str) -> dict[str, Any]:
    """{"employer_name": …} where a clause names the person's own employer with a capital, or
    one of the best-known companies in any case."""
    plain = re.sub(r"\s+", " ", text).strip()
    if _EARLIER.search(fold(plain)):
        return {}
    if _APPLIED_FOR.search(fold(plain)) and not _WORKS_THERE.search(fold(plain)):
        return {}  # "sökte jobbet på Scania men fick det inte": a job applied for, not one's own
    if agency := _VIA_AGENCY.search(fold(plain)):
        return known_employer(agency.group(1))
    known = _KNOWN_AT.search(fold(plain))
    m = _NAMED_AT.search(plain)
    # "Volvo Lastvagnar" written out is more than "volvo"; "på ica" in lower case is still ICA.
    if known and not (m and fold(m.group(1)).startswith(known.group(1)) and not plain.isupper()):
        return known_employer(known.group(1))
    if not m or plain.isupper():  # in capitals, a capital says nothing
        return {}
    name = m.group(1)
    if len(name) < 2 or _NOT_A_NAME.match(fold(name)):
        return {}
    return known_employer(fold(name)) or {"employer_name": name}


# Folded. "jobbar på en privat förskola", "anställd inom privat sektor": the sector without a name.
_PRIVATE_WORKPLACE = re.compile(r"\b(?:i|pa|hos|vid|for)\s+(?:en|ett)\s+privat\b|"
                                r"\b(?:i|pa|vid)\s+(?:en\s+)?(?:friskola|fristaende skola)\b|"
                                r"\b(?:i|inom)\s+(?:den\s+)?privata?\s+sektorn?\b")


# Folded. "på ett byggföretag", "hos en liten firma": a company, so the private sector; not a
# "kommunalt bolag" (owned by a kommun, asked as such).
_COMPANY_AT = re.compile(r"\b(?:i|pa|hos|vid|for|fran)\s+(?P<said>(?:en|ett)\s+"
                         r"(?!(?:\w+\s+){0,2}\w*(?:kommunal|statlig|regional|offentlig))"
                         # "ett litet bygg företag": the compound written apart too
                         # "en liten bilverkstad", "ett åkeri": kinds of workplace that are companies
                         r"(?:\w+\s+){0,2}\w*(?:foretag|firma|bolag|fabrik|koncern|byra|verkstad|akeri|snickeri|"
                         # "jobbade extra på en restaurang", "i en butik": nearly always private too
                         r"bageri|frisorsalong|pizzeria|bilhandlare|restaurang|cafe|kafe|butik|hotell|salong|gym))\b")


# Folded. A public workplace without its name: "på en kommunal skola", "jobbar på kommunen",
# "inom regionen", "på en statlig myndighet". The sector is known; the name is still asked.
_UNNAMED_PUBLIC = (
    ("municipality", re.compile(r"\b(?:pa|i|vid|hos|inom|for) (?:en |ett |den |det )?kommunala?\b|"
                                r"\b(?:pa|hos|inom|for) kommunen\b")),
    ("region", re.compile(r"\b(?:pa|vid|hos|inom|for) (?:regionen|landstinget)\b|"
                          r"\b(?:pa|i|vid|inom) (?:en |ett |den |det )?(?:regionens|regionala?) ")),
    ("state", re.compile(r"\b(?:pa|i|vid|hos|inom|for) (?:en |ett |den |det )?statlig[at]? (?:myndighet|verk)\b|"
                         r"\b(?:pa|i|vid|hos|inom|for) staten\b")),
)


def public_workplace(text: str) -> dict[str, Any]:
    """{"employer_sector": …} where a clause says the person's own workplace is public, unnamed."""
    folded = fold(re.sub(r"\s+", " ", text))
    if not _OWN_JOB.search(folded) or _EARLIER.search(folded):
        return {}
    return next(({"employer_sector": sector} for sector, pattern in _UNNAMED_PUBLIC if pattern.search(folded)), {})


def private_workplace(text: str) -> dict[str, Any]:
    """{"employer_sector": "private"} where a clause says the person's own workplace is private."""
    return {"employer_sector": "private"} if _private_said(text) else {}


def _private_said(text: str) -> str | None:
    """The words that say one's own workplace is private ("ett byggföretag"), or None."""
    text = re.sub(r"\s+", " ", text)
    folded = fold(text)
    if not _OWN_JOB.search(folded) or _EARLIER.search(folded):
        return None
    company = _COMPANY_AT.search(folded)
    if company:
        start, end = company.span("said")
        return (text[start:end] if len(text) == len(folded) else company.group("said")).lower()  # å/ä/ö kept
    return "privat sektor" if _PRIVATE_WORKPLACE.search(folded) else None


def sector_from_story(texts: list[str]) -> str | None:
    """A private workplace told before the employer questions ("ekonomiassistent på ett
    byggföretag i 15 år"): the company as said, "privat sektor" where only that was said, or
    None. The latest told wins."""
    return next((said for said in map(_private_said, map(spelled, reversed(texts))) if said), None)


_sector_choice = choice_slot("employer_sector", {
    "municipality": r"kommun", "region": r"region|landsting", "state": r"stat|myndighet|verket\b",
    "other": r"forening|stiftelse|kyrk|ideell", "private": r"privat|\bab\b|foretag|bolag|firma|aktiebolag",
}, "Skriv till exempel \"privat företag\", \"kommun\", \"region\" eller \"myndighet\".", dont_know=UNKNOWN)
# Folded. A company form in the employer's name ("Lagerkompaniet AB", "Berg & Son HB").
_COMPANY_FORM = re.compile(r"\b(ab|aktiebolag|hb|handelsbolag|kb|kommanditbolag)\b")


def employer_sector(a: Answer) -> Result:
    result = _sector_choice(a)
    name = a.slots.get("employer_name") or ""
    if isinstance(result, Filled) and result.slots["employer_sector"] == UNKNOWN and _COMPANY_FORM.search(fold(name)):
        # "vet inte" for "Lagerkompaniet AB": most companies are private, and the name says it is
        # one. Not read from the name before asking: a kommun or the state may own an AB.
        return Filled({"employer_sector": "private",
                       "_say": f"{name} är ett bolag, och de flesta bolag är privata företag, så jag skriver "
                               f"privat. Skriv \"det blev fel\" om det ägs av en kommun, en region eller staten."})
    return result

_worker_category = choice_slot(
    "worker_category", {"white_collar": r"tjansteman|kontor|tjanste", "blue_collar": r"(?<!med)(?<!sam)arbetare|kollektiv"},
    "Arbetare är de flesta inom produktion, bygg, lager, butik och vård, tjänsteman de flesta på kontor "
    "och i administration. Skriv \"tjänsteman\", \"arbetare\" eller \"vet inte\".", dont_know=UNKNOWN)

# Folded. Many answer with what they do ("lastar och sorterar paket", "vet inte, jag är kock").
# The usual category of such work (as utter_explain_worker_category puts it) is written down and
# said back, so a wrong guess is easy to correct; work of both kinds, or neither, is asked again.
_BLUE_WORK = re.compile(r"\b(lager\w*|truck\w*|lastar|lastning|lastbil\w*|sorterar|paket|produktion\w*|"
                        r"fabrik\w*|montor\w*|montering|montera\w*|bygg\w*|snickar\w*|svets\w*|operator\w*|"
                        r"chauffor\w*|busschauff\w*|stadar\w*|stadning|stadjobb|lokalvard\w*|butik\w*|kassa|kassan|"
                        r"kassor\w*|kock\w*|restaurang\w*|servitor\w*|servitris\w*|bartender\w*|barista\w*|hovmastare|"
                        r"pizzabagare|cafe\w*|kafe\w*|underskoterska\w*|vardbitrade\w*|vardare|"
                        r"malare|murare|platslagare|golvlaggare|plattsattare|maskinforare|maskinist|"
                        r"\w*forare|brevbarare|flyttgubbe|tradgardsarbetare|lagerarbetare|byggnadsarbetare|"
                        r"skogsarbetare|fabriksarbetare|"
                        r"barnskotare|elektriker|rormokare|mekaniker|verkstad\w*|industri\w*|skogs\w*|bagare|"
                        r"frisor\w*|vaktmastare|hemtjanst\w*|personlig assistent|kok|koket|koksbitrade|"
                        r"lagar mat|diskar|diskare|serverar|packar|plockar|monterar|svetsar|snickrar|bygger|"
                        # the same work told in the past: "jag städade", "lagade mat", "körde truck"
                        r"stadade|stadat|stadbolag\w*|stadfirm\w*|stadforetag\w*|lagade mat|diskade|serverade|"
                        r"packade|plockade|monterade|svetsade|snickrade|byggde|(kor|korde|kort) (buss|lastbil|truck|taxi))\b")
_WHITE_WORK = re.compile(r"\b(administrat\w*|\w*ekonom\w*|redovis\w*|\w*ingenjor\w*|\w*chef|\w*handlaggare|"
                         r"programmer\w*|utvecklare|systemutveckl\w*|konsult\w*|projektledare|marknadsfor\w*|"
                         r"jurist|larare|forskare|controller|hr|it-?\w*|loneadministrat\w*|sjukskoterska|"
                         r"lakare|psykolog|socionom|kurator|kontor\w*)\b")


# Folded. A Swedish compound is what its last part is: "lagerchef", "byggingenjör" are tjänstemän.
_WHITE_HEAD = re.compile(r"(chef|arbetsledare|ingenjor|ekonom|konsult|handlaggare|administrator)\b")
# Folded. "jobbar som undersköterska", "jag är kock": an occupation told earlier in the conversation.
_WORKS_AS = re.compile(r"\b(?:jobbar|jobbat|jobbade|arbetar|arbetat|arbetade|anstalld) som (?:en )?([a-z-]+)|"
                       r"\bjag (?:ar|e|var) (?:en )?([a-z-]+)")


# Folded. "timanställd på ett lager", "jobbade i en butik": the workplace, where no occupation is
# told. Not a company ("på ett byggföretag" says nothing of the person's own work there).
_WORKS_AT = re.compile(r"\b(?:jobbar|jobbat|jobbade|arbetar|arbetat|arbetade|anstalld|timanstalld|behovsanstalld|"
                       r"vikarierar|vikarierat) (?:(?:extra|deltid|heltid|halvtid|natt|kvallar|helger|lite|bara) )?"
                       # "jobbar via manpower på ett lager": the agency between, the workplace still told
                       r"(?:(?:via|genom|for) \S+(?: \S+)? )?"
                       r"(?P<at>(?:pa|i) (?:ett |en )([a-z-]+)(?: ([a-z-]+))?)")
_COMPANY_WORD = re.compile(r"(foretag|firma|bolag|koncern|byra)$")


def _category_of(word: str) -> str | None:
    white = bool(_WHITE_WORK.fullmatch(word))
    blue = bool(_BLUE_WORK.fullmatch(word)) and not _WHITE_HEAD.search(word)
    return None if blue == white else "blue_collar" if blue else "white_collar"


def category_from_story(texts: list[str]) -> tuple[str, str] | None:
    """(worker_category, how it was told: "att du jobbar som undersköterska", "om ditt jobb på
    ett lager") from an occupation, or else a workplace, told earlier; or None."""
    # Sentence by sentence: "… tog slut i oktober. innan dess jobbade jag i Norge" is about two jobs.
    # Said back spelled: "att du jobbar som undersköterska" also where it was typed "underskoterska".
    sentences = [t for text in reversed(texts) for t in re.split(r"(?<=[.!?])\s+", spelled(text).strip()) if t]
    told = [(text, fold(text)) for text in sentences if not _EARLIER.search(fold(text))]
    for text, folded in told:  # the latest told wins
        for m in _WORKS_AS.finditer(folded):
            group = 1 if m.group(1) else 2
            category = _category_of(m.group(group))
            if category:
                past = bool(re.match(r"(jobbat|jobbade|arbetat|arbetade|jag var)\b", m.group(0)))
                return category, _work_said(text, folded, m, group, now=not past)
        for m in _JOB_AS.finditer(folded):
            category = _category_of(m.group(3))
            if category:  # "mitt vikariat som sjuksköterska"
                return category, _job_as_said(text, folded, m)
    for text, folded in told:
        for m in _WORKS_IN.finditer(folded):
            # "i kassan", "på lagret": the word without its ending says the kind of work
            word = m.group("where").split()[-1]
            category = _category_of(word) or _category_of({"lagret": "lager"}.get(word, re.sub(r"(en|n)$", "", word)))
            if category and (said := _works_in_said(text, folded, m)):
                return category, said
        for m in _WORKS_AT.finditer(folded):
            # "på ett lager i …", "på ett stort lager": the noun is either word
            for group in (2, 3):
                word = m.group(group) or ""
                category = None if _COMPANY_WORD.search(word) else _category_of(word)
                if category:
                    start = m.start("at")  # "på ett lager", as written
                    end = m.end(group)
                    said = text[start:end] if len(text) == len(folded) else folded[start:end]
                    return category, f"om ditt jobb {said.lower()}"
    return None


# Folded. "jobbar som barnskötare", "har jobbat som personlig assistent i tio år": the occupation.
_OCCUPATION = re.compile(r"\b(?:(?P<now>jobbar|arbetar)|jobbat|jobbade|arbetat|arbetade) som (?:en |ett )?"
                         r"(?P<what>(?:personlig |ekonomi)?[a-z-]{4,})\b")
# Folded. "mitt jobb som säljare", "min tjänst som handläggare": the occupation of one's job.
_JOB_AS = re.compile(r"\b(mitt|min) (jobb|arbete|tjanst|anstallning|vikariat|visstidsanstallning) som (?:en |ett )?"
                     r"((?:personlig |ekonomi)?[a-z-]{4,})\b")
_NOT_AN_OCCUPATION = re.compile(r"^(vanligt|vanlig|vanligtvis|tidigare|forut|extra|alltid|aldrig|galen|galning|"
                                r"timanstalld|behovsanstalld|deltid|heltid|anstalld|sagt|tusan)$")


# Folded. "har jobbat i kassan på ica", "jobbar inom vården": where the work is done, said back
# when no occupation is told. Only these words: "jobbar i Göteborg" is a place, not the work.
_WORKS_IN = re.compile(r"\b(?:(?P<now>jobbar|arbetar)|(?:har )?(?:jobbat|arbetat)|jobbade|arbetade) "
                       # "jobbade där i 15 år i kassan": a few words may come between
                       r"(?:(?:dar|bara|mest|mestadels|oftast|alltid|typ|i \w+ (?:ar|manader)) )*"
                       r"(?P<where>(?:i|inom|pa) (?:kassan|kassa|butik|butiken|butiker|affaren|lagret|lager|koket|"
                       r"restaurang|restaurangen|varden|aldreomsorgen|hemtjansten|skolan|forskolan|industrin|"
                       r"fabriken|handeln|byggbranschen|kundtjanst|kundtjansten|receptionen|verkstaden|"
                       r"stadbranschen|transportbranschen|restaurangbranschen|it-branschen|kontoret))\b")


# Folded. "har haft en frisörsalong i 12 år", "driver ett åkeri": one's own business, said back as
# the work told when no occupation is.
_RUNS_BUSINESS = re.compile(r"\b(?P<verb>har haft|har drivit|hade|drev|driver|har) (?P<what>(?:(?:en|ett|min|mitt) "
                            r"(?:egen |eget |liten |litet |enskild )?|egen |eget )[a-z-]*(?:salong|firma|foretag|butik|cafe|"
                            r"restaurang|akeri|verkstad|bageri|klinik|studio|byra|gard|pizzeria|frisor)"
                            # "en egen firma som målare": the trade told with it
                            r"(?: som (?!(?:heter|hette|inte|har|hade|var|ligger|drivs|drevs|gar|gick|finns|blev|"
                            r"kommer|ska|jag|min|mitt|enskild|eget|egen|aktiebolag|handelsbolag|bolag|firma)\b)[a-z-]{4,})?)\b")
_BUSINESS_VERB = {"hade": "har haft", "drev": "har drivit"}
# Folded. "drivit eget i 12 år", "driver egen firma": one's own business without a kind named.
_OWN_BUSINESS_RUN = re.compile(r"\b(driver|drev|drivit|har drivit) (eget|egen firma|eget foretag|egen verksamhet)\b")
# Folded. "anställd på en salong", "jobbar i en butik": someone else's business.
_EMPLOYED_THERE = re.compile(r"\b(anstalld|jobbar|jobbade|jobbat|arbetar|arbetade|arbetat) (pa|i|hos|vid) (en|ett)\b|"
                             r"\b(anstalld|timanstalld|vikarie)\b")


def occupation_from_story(texts: list[str]) -> str | None:
    """"att du jobbar som barnskötare" ("har jobbat som" for work gone) from the latest
    occupation told, as written; None when none was told."""
    for text in map(spelled, reversed(texts)):
        folded = fold(text)
        for m in _OCCUPATION.finditer(folded):
            if _NOT_AN_OCCUPATION.match(m.group("what")):
                continue
            return _work_said(text, folded, m, "what", now=bool(m.group("now")) and not _EARLIER.search(folded))
        for m in _JOB_AS.finditer(folded):
            # "mitt jobb som säljare": when is not told, so neither is the tense.
            if not _NOT_AN_OCCUPATION.match(m.group(3)):
                return _job_as_said(text, folded, m)
        for m in _WORKS_AS.finditer(folded):
            # "jag är undersköterska": only a known occupation ("jag är sjukskriven" is none).
            if m.group(2) and _category_of(m.group(2)):
                return _work_said(text, folded, m, 2, now=not m.group(0).startswith("jag var")
                                  and not _EARLIER.search(folded))
        for m in _WORKS_IN.finditer(folded):
            said = _works_in_said(text, folded, m)
            if said:
                return said
        for m in _RUNS_BUSINESS.finditer(folded):
            what = _as_typed(text, folded, m, "what")
            return f"att du {_BUSINESS_VERB.get(m.group('verb'), m.group('verb'))} {what.lower()}"
    return None


def _works_in_said(text: str, folded: str, m: re.Match[str]) -> str | None:
    """"att du har jobbat i kassan på ICA": a _WORKS_IN match told back, with the employer named
    right after it; None where the workplace word is the start of a name ("på Kontoret AB")."""
    said = _as_typed(text, folded, m, "where")
    if said.split()[-1][:1].isupper() and not text.isupper():
        return None
    said = said.lower()
    employer = named_employer(text).get("employer_name")
    if employer and folded[m.end():m.end() + len(employer) + 4] == f" pa {fold(employer)}":
        said += f" på {employer}"
    verb = "jobbar" if m.group("now") and not _EARLIER.search(folded) else "har jobbat"
    return f"att du {verb} {said}"


def _job_as_said(text: str, folded: str, m: re.Match[str]) -> str:
    """"om ditt vikariat som sjuksköterska": a _JOB_AS match told back, as written."""
    said = _as_typed(text, folded, m)
    return f"om {'ditt' if m.group(1) == 'mitt' else 'din'} {said.split(' ', 1)[1].lower()}"


def _as_typed(text: str, folded: str, m: re.Match[str], group: int | str = 0) -> str:
    """A match in the folded text, as the person wrote it where folding kept the length (it does
    for å/ä/ö); folded otherwise."""
    return text[m.start(group):m.end(group)] if len(text) == len(folded) else m.group(group)


def _work_said(text: str, folded: str, m: re.Match[str], group: int | str, *, now: bool) -> str:
    """"att du jobbar som undersköterska" ("har jobbat som" for work gone), the occupation as
    written where folding kept the length (it does for å/ä/ö)."""
    said = _as_typed(text, folded, m, group)
    return f"att du {'jobbar' if now else 'har jobbat'} som {said.lower()}"


CATEGORY_EXPLAINED = "category_explained"  # asked_again: "vet inte" to the category was met once


def worker_category(a: Answer) -> Result:
    result = _worker_category(a)
    known = isinstance(result, Filled) and result.slots["worker_category"] != UNKNOWN
    if known or a.is_payload or (result is None and a.is_question):
        return result
    white = bool(_WHITE_WORK.search(a.folded))
    blue = bool(_BLUE_WORK.search(a.folded)) and not _WHITE_HEAD.search(a.folded)
    if blue == white:
        if isinstance(result, Filled) and result.slots["worker_category"] == UNKNOWN \
                and a.slots.get("asked_again") != CATEGORY_EXPLAINED:
            # The words are what people do not know: said once in everyday terms, and the work
            # itself is a fine answer. A second "vet inte" is written down as not known.
            return Miss("Skriv vad du jobbar med, så hjälper jag dig, eller \"vet inte\" igen.",
                        lead="Ingen fara. I butik, lager, produktion, bygg och vård är de flesta arbetare. På "
                             "kontor, i administration och som chef är de flesta tjänstemän.",
                        remember={"asked_again": CATEGORY_EXPLAINED})
        return result
    said = "arbetare" if blue else "tjänsteman"
    return Filled({"worker_category": "blue_collar" if blue else "white_collar",
                   "_say": f"Då skriver jag att du är {said}, som de flesta som gör det arbetet. "
                           f"{SAY_WRONG}"})


# Folded. "nej tror inte det", "ja det har de nog": a guess. The answer decides which
# organisation the person belongs to, so a guess is written down as not known.
# Folded. A guess that is the whole answer, whatever the classifier made of it ("tror det?",
# "tror inte det", "borde ha det", "nog"): not known for sure.
_GUESSED_ONLY = re.compile(r"^(ja |nej |nja |hmm )?(det tror jag( inte)?|(jag )?(tror (jag |nog )?(inte )?(det|att (de|dom|det) (har|finns)( det)?|"
                           r"de har det|dom har det)|(inte |nog )?(borde|bor) (de |dom )?(ha|finnas)( det| nog| ett)?|"
                           r"nog( det| inte| ja)?|antagligen( inte)?|troligen( inte)?|troligtvis( inte)?|gissar (ja|nej|det)))$")
_GUESS = re.compile(r"\b(tror|nog|kanske|antagligen|troligen|troligtvis|inte saker|osaker|gissar|borde)\b")


# Folded. The agreement told in a sentence ("vi har inget kollektivavtal", "de har kollektivavtal"),
# which the classifier reads as the FAQ topic; a question about it ("vad är kollektivavtal?") is not.
_AGREEMENT_WORD = re.compile(r"\bkollektivavtal")
def _denied(agreement: str) -> re.Pattern[str]:
    """"inget kollektivavtal", "kollektivavtal saknas": the agreement word with a negation near it."""
    return re.compile(r"\b(inget|ingen|inga|utan|saknar|saknade|inte|ej)\b[^.?!]{0,25}\b" + agreement + "|"
                      r"\b" + agreement + r"\w*[^.?!]{0,20}\b(saknas|saknades|inte|ej)\b")


_AGREEMENT_DENIED = _denied("kollektivavtal")


def agreement_told(a: Answer) -> bool | None:
    """True / False where a sentence says whether the employer has a collective agreement."""
    if a.is_payload or a.is_question or not _AGREEMENT_WORD.search(a.folded) or _DONT_KNOW.search(a.folded) \
            or re.search(r"\bfel\b|stammer inte|\bandra\b", a.folded) \
            or not re.search(r"\b(har|hade|finns|fanns|saknar|saknas|saknade|utan|inget|ingen|inga)\b", a.folded):
        return None  # "kollektivavtalet (är fel)" names the topic; a statement has its verb
    return not _AGREEMENT_DENIED.search(a.folded)


# asked_again after "Är du säker?" to a no at a public employer: the next no is taken.
NO_AGREEMENT_CHECKED = "no_agreement_checked"


# Folded. An agreement named rather than said yes to: "vi följer handels avtal", "har hängavtal".
_AGREEMENT_NAMED = re.compile(r"\bhangavtal|\b(foljer|har|gar pa|tecknat|omfattas av) (\w+ )?(avtal|avtalet)\b|"
                              r"\b(handels|unionens|if metalls|kommunals|byggnads|transports|almegas|visitas)\w* "
                              r"(avtal|avtalet)\b")
_NAMED_DENIED = _denied(r"(hang)?avtal")
# Folded. One's own union membership, which says nothing about the employer's agreement.
_UNION_MEMBER = re.compile(r"\b(med i|medlem i|ar med i|tillhor) (facket|unionen|kommunal|handels|if metall|vision|"
                           r"byggnads|seko|saco|\w+ fack)")


def collective_agreement(a: Answer) -> Result:
    value = yes_no(a, allow_unknown=True)
    if value is None:
        value = agreement_told(a)
    if value is None and not a.is_payload and not a.is_question and _AGREEMENT_NAMED.search(a.folded):
        value = not _NAMED_DENIED.search(a.folded)  # "har inget avtal"
    if value is None and not a.is_payload and _GUESSED_ONLY.match(a.folded.strip(" ?.!")):
        value = True  # "tror det?", "borde ha det": a guess, recorded as not known below
    if value is None and not a.is_payload and _UNION_MEMBER.search(a.folded):
        return Miss("Svara ja, nej eller \"vet inte\".",
                    lead="Bra att du är med i facket. Frågan gäller din arbetsgivare, och facket kan ofta svara "
                         "på om den har kollektivavtal.")
    if value is None:
        return None if a.is_digression else Miss("Svara ja, nej eller \"vet inte\".")
    public = a.slots.get("employer_sector") in PUBLIC_SECTORS
    if value is True and public and not a.is_payload and _GUESS.search(a.folded) \
            and not re.search(r"\b(inte|ej|nej|knappast)\b", a.folded):
        # "ja de har de nog" of a region, which almost always has one: yes, said back to be corrected.
        kind = {"region": "regioner", "municipality": "kommuner", "state": "statliga myndigheter"}[
            a.slots["employer_sector"]]
        return Filled({"collective_agreement": "yes",
                       "_say": f"Då skriver jag att det finns kollektivavtal, som hos nästan alla {kind}. {SAY_WRONG}"})
    if value in (True, False) and not a.is_payload and _GUESS.search(a.folded):
        return Filled({"collective_agreement": UNKNOWN,
                       "_say": "Då skriver jag att du inte vet säkert. Rådgivaren kan hjälpa dig att ta reda på det."})
    if value is False and public and a.slots.get("asked_again") != NO_AGREEMENT_CHECKED:
        # Kommuner, regioner and the state all have agreements on transition support; a "nej"
        # would send the person to the wrong organisation, so it is checked once, kindly.
        return Miss("Svara ja, nej eller \"vet inte\".", remember={"asked_again": NO_AGREEMENT_CHECKED},
                    lead="Är du säker? Nästan alla kommuner, regioner och statliga myndigheter har kollektivavtal, "
                         "och då är det deras omställningsorganisation som hjälper dig. Vet du inte säkert går "
                         "det bra att svara \"vet inte\".")
    if value not in (True, False):
        # "vet inte": common, and what decides where the person belongs; met, not passed over.
        return Filled({"collective_agreement": UNKNOWN,
                       "_say": "Det går bra, det vet många inte. Rådgivaren kan hjälpa dig att ta reda på det."})
    return Filled({"collective_agreement": {True: "yes", False: "no"}.get(value, UNKNOWN)})



# Folded. "jag äger inga aktier", "är inte vd", "bara vanlig anställd": none of the roles.
_NO_ROLE = re.compile(r"\b(inte|ej|inga|ingen|inget|aldrig)\b( \w+){0,2}? (vd|verkstallande|ager|agare|delagare|aktier|"
                      r"andelar|gift|sambo)|\b(bara|vanlig|vanligt) (en )?(vanlig )?(anstalld|arbetare|tjansteman|personal)\b")


# asked_again after an owner who did not say how much (seed 001, 5.1 p. 4 b): the family's share
# together is asked as yes/no (utter_ask_role_exclusion's variant).
FAMILY_SHARE = "family_share"
# Folded. The person owns: "jag äger 10 procent", "är delägare", "vi äger firman", "har aktier".
_OWN_SHARE = re.compile(r"\b(jag|vi|jag och (min |mina )?\w+) (ager|agde|har agt)\b|\bdelagare\b|\bmina (\w+ )?aktier\b|"
                        r"(^|\bjag |\bvi )(har|ager|agde|hade) (\w+ ){0,2}aktier\b|"
                        r"(^|\bjag )(ar|var) (en |ensam |med)?agare\b")
# Folded. Someone else of the family owns: "min man äger firman", "pappa äger företaget".
_SPOUSE_WORDS = r"man|mannen|fru|frun|hustru|make|maka|sambo|partner|flickvan|pojkvan"
_KIN_WORDS = (r"pappa|far|farsan|mamma|mor|morsan|foraldrar|son|sonen|dotter|dottern|barn|bror|brorsan|syster|"
              r"svarfar|svarmor")
_FAMILY_OWNS = re.compile(r"\b(?:min |mina |var |vart )?(?P<who>" + _SPOUSE_WORDS + "|" + _KIN_WORDS + r")\b"
                          r"(?: \w+)? (?:ager|agde|ar agare|var agare|driver|har (?:\w+ )?aktier|"
                          r"har (?:en |ett )?(?:egen )?(?:enskild firma|firma|foretag|aktiebolag|bolag))\b")
# Folded. "jobbar i min mans firma", "firman är min sambos": the owner named by the firm.
_SPOUSE_FIRM = re.compile(r"\b(?:mans|mannens|frus|fruns|sambos|makes|makas|partners) (?:enskilda )?(?:firma|foretag|bolag)\b|"
                          r"\b(?:firman|foretaget|bolaget) (?:ar|tillhor) min (?:mans|frus|sambos|makes|makas|partners)\b")
_SHARE_WORDS = {"halften": 50.0, "en tredjedel": 100 / 3, "en tredje del": 100 / 3, "en fjardedel": 25.0,
                "en femtedel": 20.0, "allt": 100.0, "hela": 100.0, "alla aktier": 100.0, "ensam": 100.0}

_FAMILY_OWNS_SAY = ("Att någon i din familj äger företaget hindrar inte stödet, så länge du inte själv äger aktier i "
                    "det. Skriv \"det blev fel\" om du gör det.")


def _own_share(folded: str) -> float | None:
    """The share of the company the person says they own, in per cent, or None when not said."""
    m = re.search(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent)", folded)
    if m:
        return float(m.group(1).replace(",", "."))
    return next((value for words, value in _SHARE_WORDS.items() if re.search(rf"\b{words}\b", folded)), None)


def _ownership(a: Answer) -> Result | None:
    """An owner told in words. Only a shareholder is excluded by the share (seed 001, 5.1 p. 4 b),
    counting the shares of spouse, partner, parents and children; a spouse or cohabitant of a
    sole trader is excluded as such (c); a parent who owns does not exclude one who owns nothing."""
    folded = a.folded
    if _OWN_SHARE.search(folded):
        share = _own_share(folded)
        if share is not None and share >= 100 / 3 - 0.01:
            return Filled({"role_exclusion": "owner_third"})
        said = f"{share:g} procent är mindre än en tredjedel. " if share is not None else ""
        return Miss("", lead=f"{said}Det som räknas är vad du äger tillsammans med make, maka, registrerad partner, "
                             f"föräldrar och barn.", remember={"asked_again": FAMILY_SHARE})
    family = _FAMILY_OWNS.search(folded)
    if not family and not _SPOUSE_FIRM.search(folded):
        return None
    who = family.group("who") if family else "sambo"
    company = _COMPANY_FORM.search(fold(a.slots.get("employer_name") or "")) or "aktie" in folded
    if re.fullmatch(_SPOUSE_WORDS, who) and not company:
        return Filled({"role_exclusion": "family_of_owner",
                       "_say": "Då skriver jag att du är gift eller sambo med ägaren. Är det ett aktiebolag där du "
                               "själv inte äger aktier, skriv \"det blev fel\"."})
    return Filled({"role_exclusion": "none", "_say": _FAMILY_OWNS_SAY})



def role_exclusion(a: Answer) -> Result:
    if not a.is_payload and _NO_ROLE.search(a.folded):
        return Filled({"role_exclusion": "none"})
    if a.slots.get("asked_again") == FAMILY_SHARE and not a.is_payload:
        share = yes_no(a, allow_unknown=True)
        if share is not None:
            return Filled({"role_exclusion": {True: "owner_third", False: "none"}.get(share, UNKNOWN)})
    if not a.is_payload and not re.search(r"\bvd\b|verkstallande|\b(gift|sambo) med\b", a.folded):
        owned = _ownership(a)
        if owned is not None:
            return owned
    value = choose(a, {"ceo": r"\bvd\b|verkstallande", "owner_third": r"ager|delagare|aktier",
                       "family_of_owner": r"gift|sambo|make|maka|partner|fru|man(nen)? ager",
                       "none": r"inget|ingen|nej|stammer inte"})
    if value is None and a.intent == "deny":
        value = "none"
    if value is None and a.intent == "dont_know":
        value = UNKNOWN
    if value is None:
        return None if a.is_digression else Miss("Välj ett alternativ, eller skriv \"inget av det\".")
    if value == "family_of_owner" and not a.is_payload and _COMPANY_FORM.search(fold(a.slots.get("employer_name") or "")):
        # "gift med ägaren" of an AB: only a sole trader's spouse is excluded as such (seed 001, 5.1 p. 4 c).
        return Filled({"role_exclusion": "none", "_say": _FAMILY_OWNS_SAY})
    return Filled({"role_exclusion": value})


# --- employments ----------------------------------------------------------------------------
def employment_employer(a: Answer) -> Result:
    abroad = None if a.is_payload else country_told(a.folded)
    if abroad:
        # "i norge, på ett sykehjem i bergen": the country is the next question's answer, and no
        # part of the name.
        code, start, end = abroad
        rest = (a.text[:start] + " " + a.text[end:]) if len(a.text) == len(a.folded) else \
            a.folded[:start] + " " + a.folded[end:]
        rest = re.sub(r"\s+", " ", rest).strip(" ,.;-–")
        if not rest:
            return Miss("", lead=f"Tack, då vet jag att jobbet var i {Locale('sv').territories[code]}.",
                        remember={"employment_country": code})
        result = employer_name(replace(a, text=rest))
        if isinstance(result, Filled):
            return Filled({"employment_employer": result.slots["employer_name"], "employment_country": code})
        return result
    result = employer_name(a)
    if isinstance(result, Filled):
        return Filled({"employment_employer": result.slots["employer_name"]})
    return result


def country_told(folded: str, *, bare: bool = False) -> tuple[str, int, int] | None:
    """("NO", start, end) for "i Norge" (or "från", "in"; with `bare` also "Norge" alone) in the
    folded text: a country other than Sweden, with where its words are, so they can be left out of
    a name."""
    names = _country_names()
    lead = r"(?:(?:i|fran|in|uppe i|nere i|borta i) )" + ("?" if bare else "")
    for name in sorted(names, key=len, reverse=True):
        m = re.search(rf"\b{lead}{re.escape(name)}\b", folded)
        if m and names[name] != "SE":
            return names[name], m.start(), m.end()
    return None


# "ja, innan dess på Pressbyrån från januari 2023 till juni 2025": the yes to "fler anställningar?"
# often tells the next one. Its employer is the name after på/hos/vid/för/från, written with a
# capital, or after på/hos in lower case ("på ica") when it is no common word.
_OTHER_JOB_AT = re.compile(r"\b(?i:på|pa|hos|vid|för|for|från|fran)\s+"
                           r"((?:[A-ZÅÄÖ][\w&'-]*)(?:\s+(?:[A-ZÅÄÖ][\w&'-]*|AB|&))*)")
_OTHER_JOB_AT_LOWER = re.compile(r"\b(?:på|pa|hos)\s+([a-zåäö][\w&'-]+)\b")
_NOT_AN_EMPLOYER = re.compile(r"(en|ett|min|mitt|mina|samma|andra|annat|lager|lagret|kontor|kontoret|fabrik|"
                              r"fabriken|foretag|foretaget|firma|firman|skola|skolan|sjukhus|sjukhuset|butik|"
                              r"butiken|restaurang|restaurangen|deltid|heltid|halvtid|timme|timmar|helger|"
                              r"helgerna|kvallar|sommaren|vintern|varen|hosten|extra|distans|plats|\d.*|"
                              r"jan\w*|feb\w*|mars|april|maj|juni|juli|aug\w*|sep\w*|okt\w*|nov\w*|dec\w*)$")


# "ja restaurangen, Krogen Pelikan, jobbar kvar där": a name with capitals standing on its own between commas.
_OTHER_JOB_NAMED = re.compile(r"(?:^|,)\s*((?:[A-ZÅÄÖ][\w&'-]*)(?:\s+(?:[A-ZÅÄÖ][\w&'-]*|AB|&)){0,3})\s*(?=,|$)")
_REPLY_WORD = re.compile(r"(ja|jo|japp|nej|ne|ok|okej|visst|absolut|precis|hej|tja|typ|kanske|nu|dar)$")


def _other_employer(text: str) -> str | None:
    named = [m.group(1) for m in _OTHER_JOB_NAMED.finditer(text)
             if not _REPLY_WORD.match(fold(m.group(1))) and not _NOT_AN_EMPLOYER.match(fold(m.group(1)))]
    if len(named) == 1 and not _OTHER_JOB_AT.search(text):
        return named[0]
    for pattern in (_OTHER_JOB_AT, _OTHER_JOB_AT_LOWER):
        m = pattern.search(text)
        if m and len(m.group(1)) >= 2 and not _NOT_AN_EMPLOYER.match(fold(m.group(1))):
            name = m.group(1)
            return name[:1].upper() + name[1:]
    return None


# The first and the last month of each season (bot.extract reads seasons as quarters).
_SEASON_SAID = {4: "våren", 6: "våren", 7: "sommaren", 9: "sommaren", 10: "hösten", 12: "hösten", 1: "vintern",
                3: "vintern"}


def date_said(value: date, precision: str) -> str:
    """A date as precise as it was said: "2012", "mars 2019" or "5 mars 2019"."""
    from rules_bridge.texts_sv import MONTH_NAMES, date_sv
    if precision == "year":
        return str(value.year)
    if precision == "season" and value.month in _SEASON_SAID:
        return f"{_SEASON_SAID[value.month]} {value.year}"  # "sommaren 2023", as it was said
    return date_sv(value.isoformat()) if precision == "day" else f"{MONTH_NAMES[value.month - 1]} {value.year}"


def _period_sv(day: ParsedDate) -> str:
    assert day.value is not None
    return date_said(day.value, day.precision)


def _period_told(a: Answer, *, since: bool = True) -> tuple[ParsedDate, ParsedDate] | None:
    """A period told as one ("jan-jun 2025", "från juni 2024 till nu") or, with `since`, as
    going on from a time ("sen april"): (start, end), the end ongoing for the latter."""
    period = parse_period(a.text, a.today)
    found = _SINCE.search(a.folded) if period is None and since else None
    start = parse_date(found.group(1), a.today) if found else None
    if start and start.value and start.value <= a.today:
        return start, ParsedDate(None, "ongoing", ongoing=True)
    return period


def _period_words(period: tuple[ParsedDate, ParsedDate]) -> str:
    """"från april 2026 till nu", as a period is said back."""
    start, end = period
    return f"från {_period_sv(start)} till {'nu' if end.ongoing else _period_sv(end)}"


# Folded. A job that goes on: "jobbar kvar där", "har kvar", "fortfarande".
_GOES_ON = re.compile(r"\b(jobbar|arbetar|ar) kvar\b|\bhar kvar\b|\bfortfarande\b|\bpagar\b|\bjobbar (dar|fortfarande)\b")


def next_employment_told(a: Answer) -> tuple[dict[str, Any], str]:
    """The next employment's employer, start and end told in the answer, and how to say it back."""
    told: dict[str, Any] = {}
    employer = _other_employer(re.sub(r"\s+", " ", a.text))
    if employer:
        told["employment_employer"] = employer
    period = _period_told(a, since=bool(_GOES_ON.search(a.folded)))  # "jobbar kvar där sen 2022"
    if period:
        start, end = period
        told["employment_start"] = start.iso()
        told["employment_end"] = "ongoing" if end.ongoing else end.iso()
    elif employer and _GOES_ON.search(a.folded):
        told["employment_end"] = "ongoing"  # "ja, gymmet, Friskis, jobbar kvar där": only its start is asked
    found = country_told(a.folded, bare=True)
    abroad = found[0] if found else None
    if abroad and told:  # "på ett lager i Norge" alone says too little to skip a question
        told["employment_country"] = abroad
    if not told:
        return told, ""
    words = "en anställning" + (f" hos {employer}" if employer else "")
    if abroad:
        words += f" i {Locale('sv').territories[abroad]}"
    if period:
        words += f" {_period_words(period)}"
    elif told.get("employment_end") == "ongoing":
        words += " som pågår"
    return told, f"Då skriver jag in {words}. " + SAY_WRONG


_more_employments_yes_no = yes_no_slot("more_employments", allow_unknown=False)


# Folded. "jag har bara haft ett jobb", "inga andra": a no; "hade ett extrajobb på helgerna också": a yes.
_ONLY_ONE_JOB = re.compile(r"\b(bara|endast|enbart) (haft |hade |jobbat )?(ett|det|den|detta|denna|en) "
                           r"(enda )?(jobb|jobbet|anstallning|anstallningen|arbetsgivare|arbetsgivaren|stalle|stallet)\b|"
                           r"\binga (fler|andra)\b|\bingen (mer|fler|annan)\b|\bbara (dar|hos dem|det)\b")
_ANOTHER_JOB = re.compile(r"\b(extrajobb\w*|sidojobb\w*|sommarjobb\w*|strojobb\w*|helgjobb\w*|timjobb\w*|deltidsjobb\w*|ett (till|annat) jobb|"
                          r"en (till|annan) (anstallning|arbetsgivare))\b|\b(jobbade|jobbat|arbetade|arbetat) (ocksa|aven) (pa|hos)\b")


def more_employments(a: Answer) -> Result:
    result = _more_employments_yes_no(a)
    said_no = isinstance(result, Filled) and result.slots["more_employments"] is False
    if a.is_payload or said_no or (result is None and a.is_question):
        return result
    told, say = next_employment_told(a)
    if not told and not isinstance(result, Filled):
        if _ONLY_ONE_JOB.search(a.folded):
            return Filled({"more_employments": False})
        if _ANOTHER_JOB.search(a.folded):
            return Filled({"more_employments": True})
    if not told:
        return result
    # Told without a yes ("jobbade på Coop mars-maj 2025") is a yes too.
    return Filled({"more_employments": True, "_next_told": told, "_say": say})


_COUNTRIES: dict[str, str] = {}


def _country_names() -> dict[str, str]:
    if not _COUNTRIES:
        for code, name in Locale("sv").territories.items():
            if len(code) == 2 and code.isalpha():
                _COUNTRIES[fold(name)] = code
        _COUNTRIES.update({"england": "GB", "skottland": "GB", "uk": "GB", "sverige": "SE",
                           "hemma": "SE", "usa": "US", "amerika": "US"})
    return _COUNTRIES


def employment_country(a: Answer) -> Result:
    if a.button == "SE":
        return Filled({"employment_country": "SE"})
    if a.button == "abroad":
        return Miss("Vilket land? Skriv landets namn, till exempel \"Norge\".")
    folded = a.folded
    names = _country_names()
    for name in sorted(names, key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", folded):
            return Filled({"employment_country": names[name]})
    if yes_no(a, allow_unknown=False) is True:  # "ja, i Sverige"
        return Filled({"employment_country": "SE"})
    return None if a.is_digression else Miss("Skriv landets namn, till exempel \"Sverige\" eller \"Norge\".")


# Clauses of a date answer, split where one date ends: "jobbat där sen 2019, innan dess på ica".
_DATE_CLAUSES = re.compile(r"(,|;|\s+(?:och|men|innan dess|fore det|efter det|sen dess|sedan dess)\s+|"
                           r"\s+(?=(?:till|tills|t\.?o\.?m\.?)\s)|\s+[-–]\s+|(?<=\b\d{4})[-–](?=\d{4}\b))")
# A separator that joins a start to its own end: "mars 2019 till juni 2024", "2012-2019".
_RANGE = re.compile(r"^\s*([-–]|)\s*$")
_SAYS_END = re.compile(r"slut|upphor|\btill|\btills|t\.?o\.?m|pagar|kvar")
_SAYS_START = re.compile(r"borja|anstalld|\bsen\b|\bsedan\b|\bfran\b|fr\.?o\.?m")
_ENDS_HERE = re.compile(r"\b(slutade|slutar|tog slut|tar slut|upphorde|upphor|jobbar kvar|ar kvar|pagar)\b|"
                        r"^(till|tills|t\.?o\.?m)\b")


def _split_dates(text: str) -> tuple[list[str], list[str]]:
    """The clauses, and the separator before each (the first has "")."""
    parts = _DATE_CLAUSES.split(text)
    clauses, seps, sep = [], [], ""
    for i, part in enumerate(parts):
        if i % 2:
            sep = part
        elif part and part.strip():
            clauses.append(part.strip())
            seps.append(sep)
            sep = ""
    return clauses, seps


def _date_in_clauses(text: str, today: date, end: bool) -> tuple[Any, Any]:
    """(date, end date) from a message that gives several dates: the clause that speaks of the
    start (or the end), and for a start the end joined to it ("mars 2019 till juni 2024")."""
    clauses, seps = _split_dates(text)
    if len(clauses) < 2:
        return None, None
    order = list(range(len(clauses)))
    if end:  # "2012-2019" at the end question: the later one; "butiken stänger 1 mars" is not the job's end
        order = sorted(order[::-1], key=lambda i: (bool(re.search(_WORKPLACE_CLOSING, fold(clauses[i]))),
                                                   not _SAYS_END.search(fold(clauses[i]))))
    else:    # "… tills augusti" is never the start
        order = sorted((i for i in order if not _ENDS_HERE.search(fold(clauses[i]))),
                       key=lambda i: not _SAYS_START.search(fold(clauses[i])))
    for i in order:
        parsed = parse_date(clauses[i], today, allow_ongoing=end, end_of_period=end)
        if parsed is None:
            # "sista februari troligen": the one month in a clause the parser gives up on
            spans = [m.group(0) for m in _MONTH_IN_SENTENCE.finditer(fold(clauses[i]))]
            parsed = parse_date(spans[0], today, allow_ongoing=False, end_of_period=end) if len(spans) == 1 else None
        if parsed is None:
            continue
        ending = None
        if not end and i + 1 < len(clauses):
            after, sep = clauses[i + 1], seps[i + 1]
            if _RANGE.match(sep) or _ENDS_HERE.search(fold(after)):
                ending = parse_date(after, today, allow_ongoing=True, end_of_period=True)
        return parsed, ending
    return None, None


# Folded. "i maj 2024", "den 1 maj", "mars nästa år" inside a longer sentence. Only months
# written out unless a year follows: "jul" is Christmas, "mar" is "mår" and "jan" a name.
_MONTH_SPAN = (r"\b(?:(?:den )?\d{1,2}(?::?[ae])? |sista )?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|"
               r"oktober|november|december)\b(?: (?:19|20)\d{2}\b| nasta ar(?:et)?\b| i ar\b)?|"
               r"\b(?:\d{1,2} )?(?:" + MONTH_WORDS + r")\.? (?:19|20)\d{2}\b")
_MONTH_IN_SENTENCE = re.compile(_MONTH_SPAN)
# Folded. "föräldraledig sen april", "sjukskriven sedan mars 2025": a leave that has not ended ("från"
# alone may be a leave that has).
_SINCE = re.compile(r"\b(?:sedan|sen)\s+(" + _MONTH_SPAN + r"|\b(?:19|20)\d{2}\b|(?:i )?(?:varas|somras|"
                    r"hostas|vintras)\b|(?:varen|sommaren|hosten|vintern) (?:19|20)\d{2}\b)")


# A clause that tells when by what happened: "förra veckan när konkursen kom".
_SUBCLAUSE = re.compile(r"\s+(?:när|nar|då|eftersom|efter att|innan|för att|for att|pga|på grund av)\s+", re.IGNORECASE)


# Folded. "sedan jag var 20", "från att jag var 19 år": a start said as one's age then.
_AT_AGE = re.compile(r"\b(?:sedan|sen|nar|fran|fran att|fran det att) jag var (\d{2})\b")


# Folded. A year told, in digits or in words ("2024", "mars -24", "3/5-24", "nästa år", "i fjol"), or a
# time counted from today ("förra månaden"): nothing guessed.
_YEAR_SAID = re.compile(r"\d{4}|[-/'.]\s?\d{2}\b|\b(i ar|aret|nasta ar|forra ar|i fjol|ifjol|i forrfjol|"
                        r"forra manaden|forra manad|nasta manad|denna manad|den har manaden|i dag|idag|igar|"
                        r"i morgon|imorgon|forra veckan|nasta vecka|den har veckan)\b")


def _start_said_anew(interpret: Callable[[Answer], Result]) -> Callable[[Answer], Result]:
    """A start told as a date replaces one told as a length: nothing is moved later."""
    def wrapped(a: Answer) -> Result:
        result = interpret(a)
        if isinstance(result, Filled) and "employment_start" in result.slots and a.slots.get("employment_start_months"):
            return Filled({"employment_start_months": None, **result.slots})
        return result
    return wrapped


# Folded. "för tre år sedan", "sen 3 år tillbaka": counted from today, not from the job's end.
_AGO = re.compile(r"\b(sedan|sen|tillbaka)\b")
_WRITTEN_DATE = re.compile(r"\d{4}|\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                           r"december)\b")


def _past_day(value: Any, today: date) -> date | None:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return None
    return day if day <= today else None


def length_sv(months: float) -> str:
    """36 → 'tre år', 18 → '18 månader', 30 → '2,5 år': a length as it is said."""
    if months % 12 == 0:
        years = int(months // 12)
        return f"{NUMBER_WORDS_SV.get(years, str(years))} år"
    if months < 24:
        return f"{months:g} månader".replace(".", ",")
    return f"{months / 12:g} år".replace(".", ",")


NUMBER_WORDS_SV = {1: "ett", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio",
                   10: "tio", 11: "elva", 12: "tolv"}


def start_before(last_day: date, months: float) -> date:
    """The first day of the month a job of `months` ending on `last_day` began in."""
    after = last_day + timedelta(days=1)
    total = after.year * 12 + after.month - 1 - round(months)
    return date(total // 12, total % 12 + 1, 1)


def _start_from_duration(a: Answer, end_slot: str) -> Filled | None:
    """"i tre år", "jobbade där 18 månader": how long, not when. Counted back from the job's end
    when it is over, from today otherwise; kept in employment_start_months so that an end told
    after it moves the start with it (employment_end)."""
    if _AGO.search(a.folded) or _WRITTEN_DATE.search(a.folded):
        return None
    months = parse_duration_months(a.text)
    if not months or months > 600:
        return None
    ended = _past_day(a.slots.get(end_slot), a.today)
    start = start_before(ended or a.today, months)
    said = date_said(start, "month")
    if ended:
        text = f"Då räknar jag med att du började där i {said}. {SAY_WRONG}"
    else:
        text = f"Då skriver jag {said}. {SAY_WRONG}"
    return Filled({"employment_start": start.isoformat(), "employment_start_months": months, "_say": text})


_EARLIER_PERIOD = re.compile(r"\b(innan|tidigare|forut|dessforinnan|fore det)\b")
# Folded. "hela 2025", "hela förra året", "hela året i fjol": a whole calendar year.
_WHOLE_YEAR = re.compile(r"\bhela (?:aret )?(?P<year>(?:19|20)\d{2})\b|\bhela (?P<last>forra aret|fjolaret|aret i fjol)\b")


def _whole_year(a: Answer) -> tuple[ParsedDate, ParsedDate] | None:
    found = _WHOLE_YEAR.search(a.folded)
    if not found:
        return None
    year = int(found.group("year")) if found.group("year") else a.today.year - 1
    return ParsedDate(date(year, 1, 1), "month"), ParsedDate(date(year, 12, 31), "month")


def date_slot(name: str, *, end: bool, allow_unknown: bool = False, then_end: str | None = None,
              hint: str = "Skriv till exempel \"mars 2024\" eller \"1 mars 2024\".") -> Callable[[Answer], Result]:
    def interpret(a: Answer) -> Result:
        if end and (a.button == "ongoing"):
            return Filled({name: "ongoing"})
        if a.intent == "dont_know" and allow_unknown:
            return Filled({name: UNKNOWN})
        at_age = _AT_AGE.search(a.folded) if then_end else None
        if at_age:
            # "sedan jag var 20": the year from the age told earlier, said back as a year ("sen jag
            # var 19 år" is not "19 years ago").
            age, then = a.slots.get("age"), int(at_age.group(1))
            if not isinstance(age, int) or not 14 <= then <= age:
                return Miss("Skriv ungefär vilket år, till exempel \"2005\".")
            year = a.today.year - (age - then)
            return Filled({name: f"{year}-01-01", "_say": f"Då skriver jag att du började där omkring {year}. "
                                                          f"{SAY_WRONG}"})
        if then_end and not a.is_payload:
            # "hela 2025", "från januari till december 2025", "jan-dec 2025": a period told as one,
            # its year shared by both ends; the whole year said back, since it was not said as dates.
            whole = _whole_year(a)
            # Not "… sen 2019, innan dess på ica 2012-2019": the period of an earlier job.
            period = whole or (None if _EARLIER_PERIOD.search(a.folded) else parse_period(a.text, a.today))
            if period and period[0].value and period[0].value <= a.today:
                told = {name: period[0].iso(), then_end: "ongoing" if period[1].ongoing else period[1].iso()}
                return Filled({**told, "_say": f"Då skriver jag {_period_words(period)}. {SAY_WRONG}"} if whole else told)
        if name == "employment_start":
            counted = _start_from_duration(a, then_end or "employment_end")
            if counted:
                return counted
        parsed = parse_date(a.text, a.today, allow_ongoing=end, end_of_period=end)
        ending = None
        if parsed is None:
            # "jobbat där sen 2019, innan dess på ica 2012-2019": the clause that answers.
            parsed, ending = _date_in_clauses(a.text, a.today, end)
        if parsed is None:
            # "förra veckan när konkursen kom": the date before (or after) the clause that tells why.
            pieces = [p for p in _SUBCLAUSE.split(a.text) if p.strip()]
            found = [d for d in (parse_date(p, a.today, allow_ongoing=end, end_of_period=end) for p in pieces)
                     if d is not None] if len(pieces) > 1 else []
            if len(found) == 1:
                parsed = found[0]
        if parsed is None and not end:
            months = parse_duration_months(a.text)
            if months and re.search(r"\b(i|sedan|sen|under)\b", a.folded):
                total = a.today.year * 12 + a.today.month - 1 - round(months)
                return Filled({name: date(total // 12, total % 12 + 1, 1).isoformat()})
        if parsed is None:
            # "när dottern föddes i maj 2024", "när föräldraledigheten tar slut i mars antar jag": the
            # one month in a sentence the parser gives up on; said back when its year was guessed.
            spans = [m.group(0) for m in _MONTH_IN_SENTENCE.finditer(a.folded)]
            if len(spans) == 1:
                parsed = parse_date(spans[0], a.today, allow_ongoing=False, end_of_period=end)
                if parsed and parsed.value and not re.search(r"\d{4}", spans[0]):
                    return Filled({name: parsed.iso(), "_say": f"Då skriver jag {_period_sv(parsed)}. "
                                                             f"{SAY_WRONG}"})
        if parsed is None and then_end:
            # "började där direkt efter gymnasiet 2003": the one year in a sentence the parser gives up
            # on, for a start (a decision's date is asked more precisely).
            years = re.findall(r"\b(?:19[5-9]\d|20[0-4]\d)\b", a.text)
            if len(years) == 1 and int(years[0]) <= a.today.year and not re.search(r"\d", a.text.replace(years[0], "")):
                return Filled({name: f"{years[0]}-01-01"})
        if parsed is None and end and yes_no(a, allow_unknown=False) is False \
                and not re.search(r"\d|\bvet (inte|ej)\b|ingen aning|minns|kommer inte ihag", a.folded):
            # "När slutade anställningen?" – "nej": it has not ended.
            return Filled({name: "ongoing"})
        if parsed is None:
            return None if a.is_digression else Miss(hint)
        filled = {name: "ongoing" if parsed.ongoing else parsed.iso()}
        if parsed.value and parsed.precision in ("day", "month") and not a.is_payload \
                and not _YEAR_SAID.search(a.folded):
            # "sista jan", "i mars": the year is a guess (the coming or the last), so it is said.
            filled["_say"] = f"Då skriver jag {_period_sv(parsed)}. " + SAY_WRONG
        if then_end:
            # "började i mars 2019 och slutade i oktober 2023": the end is not asked again.
            if ending is not None and (ending.ongoing or ending.iso() > filled[name]):
                filled[then_end] = "ongoing" if ending.ongoing else ending.iso()
        return Filled(filled)
    return interpret


_employment_end_date = date_slot("employment_end", end=True)


# Folded. "3 månaders uppsägningstid från 1 november", "uppsägningstiden är sex månader".
_NOTICE_PERIOD = re.compile(r"\b(?P<n1>\d{1,2}|\w+) (?:manaders|manads|man) uppsagningstid|"
                            r"\buppsagningstid\w* (?:ar|blir|pa|var) (?:val |nog |typ |kanske |ungefar |runt |cirka |ca )?"
                            r"(?:pa )?(?P<n2>\d{1,2}|\w+) (?:manad|manader)\b")
_FROM_DAY = re.compile(r"\b(?:fran|fr o m|from|fom|med start|som borjar|som borjade|raknat fran)\s+(.+)$")


def _end_of_notice(a: Answer) -> Result | None:
    """The last day from a notice period told in months: counted from the day given, or from
    today, and said back with what it was counted from."""
    m = _NOTICE_PERIOD.search(a.folded)
    months = None
    if m:
        said = m.group("n1") or m.group("n2")
        months = int(said) if said.isdigit() else word_number(said)
    if not months or months > 12:
        return None
    start_said = _FROM_DAY.search(a.folded)
    start = parse_date(start_said.group(1), a.today) if start_said else None
    first = start.value if start and start.value else a.today
    if start and (a.today - first).days > 183 and not re.search(r"\d{4}", start_said.group(1)):
        first = first.replace(year=first.year + 1)  # "från 15 december" said in November: the coming one
    total = first.year * 12 + first.month - 1 + months
    year, month = total // 12, total % 12 + 1
    last = date(year, month, min(first.day, calendar.monthrange(year, month)[1])) - timedelta(days=1)
    from rules_bridge.texts_sv import date_sv
    counted = f"från {date_sv(first.isoformat())}" if start and start.value else "räknat från i dag"
    return Filled({"employment_end": last.isoformat(),
                   "_say": f"Då blir din sista dag ungefär {date_sv(last.isoformat())} "
                           f"({'en månad' if months == 1 else f'{months} månader'} {counted}). "
                           f"{SAY_WRONG}"})


def employment_end(a: Answer) -> Result:
    return _start_moved_with_end(a, _employment_end(a))


def _start_moved_with_end(a: Answer, result: Result) -> Result:
    """The start was said as a length ("i tre år") before the end was known: counted from the end
    now, and said."""
    months = a.slots.get("employment_start_months")
    if not isinstance(result, Filled) or not isinstance(months, (int, float)):
        return result
    ended = _past_day(result.slots.get("employment_end"), a.today)
    if ended is None:
        return result  # it goes on, or ends later: counted from today, as it was
    start = start_before(ended, months)
    said = f"Då började du där ungefär i {date_said(start, 'month')}, räknat bakåt från slutet."
    before = str(result.slots.get("_say") or "").replace(SAY_WRONG, "").strip()
    return Filled({**result.slots, "employment_start": start.isoformat(), "_say": f"{before} {said} {SAY_WRONG}".lstrip()})


def _employment_end(a: Answer) -> Result:
    # A notice period first: its starting day is not the end ("3 månaders uppsägningstid från 1 november").
    notice = None if a.is_payload else _end_of_notice(a)
    if notice:
        return notice
    result = _employment_end_date(a)
    if isinstance(result, Filled) or a.is_payload:
        return result
    if a.slots.get("situation") == "employed" and not a.slots.get("employments"):
        # Asked "Fortsätter din anställning tills vidare, eller vet du redan när den slutar?": a yes,
        # or no end known, is a job that goes on ("nej" answers the last part, as for any job).
        if yes_no(a, allow_unknown=False) is True or a.intent == "dont_know":
            return Filled({"employment_end": "ongoing"})
    return result


def hours_per_week(a: Answer) -> Result:
    if a.intent == "dont_know":
        return Filled({"employment_hours_per_week": UNKNOWN})
    value = parse_hours_per_week(a.text)
    if value is None:
        if a.is_digression:
            return None
        if re.search(r"deltid|varierade|olika", a.folded):
            return Miss("Ungefär hur många timmar i veckan i genomsnitt? Till exempel \"20\" eller \"50 %\".")
        return Miss("Skriv antal timmar i veckan, till exempel \"40\", \"heltid\", \"halvtid\" eller \"75 %\".")
    if PER_DAY_RE.search(a.folded):
        return Filled({"employment_hours_per_week": value,
                       "_say": f"Det blir ungefär {value:g} timmar i veckan, räknat med fem dagar i veckan. "
                               f"{SAY_WRONG}"})
    if WORKING_WEEK_RE.search(a.folded) and not re.search(r"\d", a.folded):
        return Filled({"employment_hours_per_week": value,
                       "_say": "Då skriver jag heltid, 40 timmar i veckan. " + SAY_WRONG})
    if re.search(r"\b(dagar?|pass|arbetspass)\b", a.folded) and not re.search(r"tim|\bh\b", a.folded):
        # "3 dagar i veckan" is counted as full days: said, so it can be put right.
        counted = "pass på 8 timmar" if re.search(r"\bpass\b", a.folded) else "hela dagar"
        return Filled({"employment_hours_per_week": value,
                       "_say": f"Det blir ungefär {value:g} timmar i veckan, räknat med {counted}. "
                               f"{SAY_WRONG}"})
    return Filled({"employment_hours_per_week": value})


def monthly_income(a: Answer) -> Result:
    if a.intent == "dont_know" or re.search(r"\bvet (inte|ej)\b", a.folded):
        return Filled({"employment_monthly_income": UNKNOWN})
    value = parse_money_sek(a.text)
    if value is None:
        return None if a.is_digression else Miss("Skriv ett belopp i kronor, till exempel \"28 000 kr\" eller \"28k\".")
    if re.search(r"\b(i|per|/) ?(timmen|timme|tim|h)\b|\btimlon", a.folded) and value < 1000:
        # "140 kr i timmen": a month from the hours told for this job.
        hours = a.slots.get("employment_hours_per_week")
        if not isinstance(hours, (int, float)) or hours <= 0:
            return Miss("Skriv ungefär vad du tjänade i månaden, till exempel \"12 000 kr\".",
                        lead="Tack. Jag behöver lönen per månad.")
        monthly = round(value * hours * 52 / 12)
        return Filled({"employment_monthly_income": monthly,
                       "_say": f"Med {hours:g} timmar i veckan blir det ungefär {monthly:,} kr i månaden. "
                               f"{SAY_WRONG}".replace(",", " ")})
    if re.search(r"\b(om|per) (aret|ar)\b|\bpa ett ar\b|/ar\b|\barslon|\barsinkomst", a.folded) \
            and not re.search(r"\bmanad|/man\b", a.folded):
        # "200 000 om året": the question asks per month.
        value = round(value / 12)
        return Filled({"employment_monthly_income": value,
                       "_say": f"Det blir ungefär {value:,} kr i månaden.".replace(",", " ")})
    return Filled({"employment_monthly_income": value})


skippable_type = choice_slot("skippable_type", {
    # "vabbade": tillfällig föräldrapenning is föräldraledighet too (seed 001, 5.2)
    "parental_benefit": r"foraldra|mammaledig|pappaledig|barn|\bvab\w*|\bvabb\w*", "sickness_benefit": r"sjuk",
    "military_service": r"militar|varnplikt|lumpen|grundutbildning",
    "transition_study_support": r"studiestod|omstallningsstudie|studerade|pluggade",
}, "Skriv till exempel \"föräldraledig\", \"sjukskriven\", \"militärtjänst\" eller \"omställningsstudiestöd\".")


_had_skippable_yes_no = yes_no_slot("had_skippable", allow_unknown=False)


_SKIPPABLE_SV = {"parental_benefit": "föräldraledighet", "sickness_benefit": "sjukskrivning",
                 "military_service": "militärtjänst", "transition_study_support": "studier med omställningsstudiestöd"}


def _skippable_told(a: Answer) -> dict[str, Any]:
    """The kind and period of leave told with a yes ("ja, föräldraledig jan-jun 2025"); with a
    period, `_say` says it back."""
    told: dict[str, Any] = {}
    kind = skippable_type(a)
    if isinstance(kind, Filled):
        told.update(kind.slots)
        period = _period_told(a)  # "föräldraledig sen april": going on
        if period:
            told.update(skippable_start=period[0].iso(),
                        skippable_end="ongoing" if period[1].ongoing else period[1].iso())
            told["_say"] = (f"Då skriver jag in {_SKIPPABLE_SV[told['skippable_type']]} {_period_words(period)}. "
                            f"{SAY_WRONG}")
    return told


# Folded. "jag har inte varit föräldraledig", "aldrig sjukskriven": the leave named to say there was none.
_LEAVE_DENIED = re.compile(r"\b(inte|aldrig|ej|ingen|inga|inget)\b( \w+){0,3}? (varit |haft |gjort )?"
                           r"(foraldraledig\w*|sjukskriv\w*|sjukpenning|foraldrapenning|militar\w*|lumpen|"
                           r"omstallningsstudiestod|ledig\w*)")


# Folded. A leave told earlier in the conversation ("jag var föräldraledig hela förra året"): its
# kind, once the person says there was such time, is not asked again (actions/forms.py).
_LEAVE_TOLD = {"parental_benefit": re.compile(r"\b(foraldraledig|mammaledig|pappaledig)\w*"),
               "sickness_benefit": re.compile(r"\bsjukskriv\w*"),
               "military_service": re.compile(r"\b(militartjanst|varnplikt|lumpen)\b")}
LEAVE_SAID_SV = {"parental_benefit": "föräldraledig", "sickness_benefit": "sjukskriven",
                 "military_service": "i militärtjänst"}


def leave_told(answers: list[Answer]) -> str | None:
    """The one kind of leave the messages tell of, or None for none or several."""
    kinds = {kind for a in answers for kind, pattern in _LEAVE_TOLD.items()
             if not a.is_payload and pattern.search(_LEAVE_DENIED.sub(" ", a.folded))}
    return kinds.pop() if len(kinds) == 1 else None


def had_skippable(a: Answer) -> Result:
    result = _had_skippable_yes_no(a)
    if a.is_payload or result is None or isinstance(result, Filled) and result.slots["had_skippable"] is False:
        return result
    if _LEAVE_DENIED.search(a.folded):
        a = replace(a, text=_LEAVE_DENIED.sub(" ", a.folded))  # what is left may name another leave
        if not _skippable_told(a):
            return Filled({"had_skippable": False})
    # "ja, föräldraledig" or just "var sjukskriven en period": the kind is not asked again, nor
    # the period when told with it.
    told = _skippable_told(a)
    if told.get("skippable_type") == "transition_study_support" and "omstallningsstudie" not in a.folded:
        # "pluggade på komvux": studies count only with omställningsstudiestöd, not with studiemedel.
        return Miss("Svara ja om du hade omställningsstudiestöd, annars nej.",
                    lead="Studier räknas bara bort om du hade omställningsstudiestöd från CSN, inte vanliga "
                         "studiemedel.")
    if not told and _UNEMPLOYMENT_PAY.search(a.folded):
        return Miss("Svara ja om du också har varit föräldraledig, sjukskriven, gjort militärtjänst eller haft "
                    "omställningsstudiestöd, annars nej.", lead="Tid med a-kassa räknas inte bort här.")
    return Filled({"had_skippable": True, **told}) if told else result


# Folded. Unemployment pay: not among the kinds of time that count away (eligibility.md 2.5).
_UNEMPLOYMENT_PAY = re.compile(r"\ba[- ]?kassa\w*|\barbetsloshetsersattning|\baktivitetsstod|\bvar arbetslos\b")


_more_skippable_yes_no = yes_no_slot("more_skippable", allow_unknown=False)


def more_skippable(a: Answer) -> Result:
    result = _more_skippable_yes_no(a)
    if a.is_payload or not (isinstance(result, Filled) and result.slots["more_skippable"] is True):
        return result
    told = _skippable_told(a)
    if not told:
        return result
    say = told.pop("_say", None)
    return Filled({"more_skippable": True, "_next_told": told, **({"_say": say} if say else {})})


_previous_support_yes_no = yes_no_slot("previous_support")
# Folded. "jag har aldrig fått omställningsstöd", "jag fick rådgivning hos er 2024": told, not a yes or no.
_SUPPORT = r"(stod\w*|omstallningsstod\w*|radgivning\w*|vagledning\w*|hjalp|yttrande\w*)"
_SUPPORT_NEVER = re.compile(r"\b(aldrig|inte|ej|inget|ingen)\b( \w+){0,3}? " + _SUPPORT)
_SUPPORT_HAD = re.compile(r"\b(fick|fatt|har haft|hade|haft)\b( \w+){0,2}? " + _SUPPORT)


# Folded → as written. Support from another organisation is not this support (seed 001, 5.5: the
# work behind an earlier decision of ours does not count again), so it does not make the answer yes.
_OTHER_SUPPORT = {r"\btrr\b": "TRR", r"\btsl\b": "TSL", r"trygghetsfonden": "Trygghetsfonden",
                  r"trygghetsradet": "trygghetsrådet", r"omstallningsfonden": "Omställningsfonden",
                  r"\baf\b|arbetsformedlingen": "Arbetsförmedlingen", r"rusta och matcha": "Rusta och matcha"}


def previous_support(a: Answer) -> Result:
    other = next((name for pattern, name in _OTHER_SUPPORT.items() if re.search(pattern, a.folded)), None)
    if other and not a.is_payload and not a.is_question \
            and not re.search(r"\b(er|ert|hos er|nysteget|kammarkollegiet|offentliga)\b", a.folded):
        return Filled({"previous_support": False,
                       "_say": f"Stöd från {other} räknas inte här, så jag skriver nej. Frågan gäller bara stöd från "
                               f"den offentliga omställningsorganisationen. Skriv \"det blev fel\" om du fått det också."})
    result = _previous_support_yes_no(a)
    if a.is_payload or isinstance(result, Filled) or a.is_question:
        return result
    if _SUPPORT_NEVER.search(a.folded):
        return Filled({"previous_support": False})
    if _SUPPORT_HAD.search(a.folded):
        # With its month ("i mars 2025") the decision's date is not asked again; a year alone is.
        when = INTERPRETERS["previous_support_decision_date"](a)
        return Filled({"previous_support": True, **(when.slots if isinstance(when, Filled) else {})})
    return result


# --- contact --------------------------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(\+46|0)[\d\s-]{6,14}\d")


# The name is for the advisor's greeting, nothing more: someone who would rather not say need not.
_NO_NAME = re.compile(r"\bvill (jag )?(helst )?inte (saga|uppge|ge|skriva|lamna)|\bhelst inte\b|\bhoppa over\b|"
                      r"\banonym|\bingen kommentar\b|\bskippa\b")
_YES_FIRST = re.compile(r"^(?:(?:ja|jo|japp|okej|ok|absolut|gärna|garna|visst|tack|det vill jag)[\s,.!]+)+", re.I)
_NAMED_AFTER = re.compile(r"\b(jag heter|mitt namn (är|ar)|namnet (är|ar)|kalla mig)\s+\S", re.I)
_PERSON_LEAD = re.compile(r"^(hej,? )?(jag heter|mitt namn (är|ar)|namnet (är|ar)|jag (är|ar)|det (är|ar)|"
                        r"(du kan )?kalla mig|heter)\s+", re.I)


# Whole answers only: "Jo" and "Mm" can be names.
_JUST_NO = re.compile(r"^(nej|na|nix|nope)( tack)?$")
_JUST_YES = re.compile(rf"^({_AGREE})( tack)?$")
# Folded. Words that answer the questions before the name ("ja heltid" for hours asked long ago), never a name.
_NOT_A_PERSON_NAME = re.compile(r"\b(heltid|deltid|halvtid|timmar|procent|kronor|privat|kommunen|regionen|kollektivavtal|"
                                r"uppsagd|anstalld|arbetare|tjansteman|jobbar|jobbade|vet|inte|kanske|ja|nej|okej|tack|"
                                r"pagar|pagaende|fortfarande|avslutad|digitalt|fysiskt|telefon|"
                                # "den fortsätter": a sentence's little words, never a name's ("de", "af" may be)
                                r"den|det|dom|jag|du|hon|vi|ni|ar|har|hade|och|som|pa|med|for|till|att|"
                                r"fortsatter|slutar|slutade|kvar|ingen|inget|nagot|nat|vill|ska|kan|blir)\b")
_DATE_CONTEXT = re.compile(r"\b(sista|forsta|borjan|slutet|mitten|nasta|forra|i|den|om|till|sedan|sen|fran)\b")


# Folded, whole answers. "nej tack", "behövs inte", "jag vänder mig dit själv": no to "Vill du ändå att
# en rådgivare hos oss hör av sig?", asked of someone routed to another organisation.
_NO_CONTACT = re.compile(r"^(?:(?:nej|na|nae|nix|nope)[ ,.!]*)?(?:tack[ ,.!]*)?"
                         r"(?:inget|ingen|ingenting|(?:det )?behovs inte|(?:det )?(?:ar|e) lugnt|"
                         r"jag klarar mig(?: sjalv)?|det (?:gar|fixar jag) (?:bra|sjalv)|jag fixar det sjalv|"
                         r"jag (?:vander|hor av) mig (?:dit|till \w+)(?: sjalv)?|jag (?:kontaktar|ringer|mejlar) \w+ sjalv)?"
                         r"(?:[ ,.!]*tack)?[ .!]*$")


def contact_name(a: Answer) -> Result:
    plain = a.folded.strip(" .!")
    if a.slots.get("recommended_service") == "other_organisation" and not a.slots.get("handoff_requested") \
            and plain and _NO_CONTACT.match(plain) and not _NO_NAME.search(a.folded):
        return Filled({"contact_declined": True})  # the handoff then says goodbye and sends nothing
    if _NO_NAME.search(a.folded) or _JUST_NO.match(plain):
        return Filled({"contact_name": UNKNOWN, "_say": "Det går bra, namnet behövs inte. Rådgivaren hör av sig ändå."})
    if a.is_digression:
        return None
    if _JUST_YES.match(plain):
        return Miss("Skriv ditt namn, till exempel \"Anna\".", lead="Bra!")
    # "ja gärna, jag heter maria", "ja, Anna": the yes to "Vill du ändå att en rådgivare hör av sig?" goes first.
    after_yes = _YES_FIRST.sub("", a.text.strip())
    text = after_yes if _NAMED_AFTER.search(a.text) or (after_yes != a.text.strip() and len(after_yes.split()) <= 3) \
        else a.text.strip()
    text = _PERSON_LEAD.sub("", text).strip(" .!")
    text = re.sub(r"\s+heter jag$", "", text, flags=re.I)
    # "jobbar kvar" is read with confidence as telling the situation; a name is unknown words.
    tells_situation = a.intent in _SITUATION_INTENTS and a.confidence >= 0.9
    # "sista december" answers an earlier question; "Maj-Britt" is a name.
    says_when = parse_date(text, a.today) is not None and _DATE_CONTEXT.search(fold(text))
    if not (1 < len(text) <= 80) or re.search(r"[\d@<>{}]", text) or a.is_payload or tells_situation \
            or says_when or _NOT_A_PERSON_NAME.search(fold(text)):
        return Miss("Skriv ditt namn, till exempel \"Anna\".")
    if text.islower() and len(text.split()) <= 3:
        # "kalle", "anna-karin": written for the advisor as names are, "Kalle", "Anna-Karin".
        text = re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    return Filled({"contact_name": text})


# "070-123 45 67, ring helst efter 16", "bäst på förmiddagen": when to reach the person, for the
# advisor. Read from what is left once the address and the number are taken out.
_CLOCK = r"(?:kl(?:ockan)?\.? ?)?\d{1,2}(?:[:.]\d{2})?"
_DAY_PART = (r"(?:förmiddag|formiddag|eftermiddag|kväll|kvall|morgon|morgn|lunch|dagtid|vardag|helg|jobbet|"
             r"arbetstid|skolan|måndag|mandag|tisdag|onsdag|torsdag|fredag)\w*")
# "ring helst efter 16", "inte på fredagar", "gärna efter lunch": when to be reached, as said.
_CONTACT_WISH = re.compile(
    r"\b(?:(?P<lead>helst|bara|gärna|garna|bäst|bast|inte) )?(?P<when>"
    r"(?:efter|före|fore|innan|mellan|från|fran|runt|kring|vid) " + _CLOCK + r"(?: ?(?:-|–|och|till) ?\d{1,2}(?:[:.]\d{2})?)?"
    r"|(?:(?:på|pa|under|om|efter|före|fore|innan|mellan) )?" + _DAY_PART +
    r"(?: (?:efter|före|fore|innan|mellan) " + _CLOCK + r")?)",
    re.I)


# Ways of writing an address that is not quite one: "anna(at)gmail.com", "anna@gmail,com".
_AT_WRITTEN = re.compile(r"\s*[(\[]\s*at\s*[)\]]\s*|\s+snabel-?a\s+", re.I)
_COMMA_IN_DOMAIN = re.compile(r"(@[\w-]+(?:\.[\w-]+)*),\s?(com|se|nu|net|org|eu)\b", re.I)


def contact_method(a: Answer) -> Result:
    written = _COMMA_IN_DOMAIN.sub(r"\1.\2", _AT_WRITTEN.sub("@", a.text))
    email = _EMAIL.search(written)
    phone = _PHONE.search(written)
    slots: dict[str, Any] = {}
    rest = written
    if email:
        slots["contact_email"] = email.group(0).lower()
        rest = rest.replace(email.group(0), " ")
    if phone and len(re.sub(r"\D", "", phone.group(0))) >= 8:
        slots["contact_phone"] = re.sub(r"[\s-]", "", phone.group(0))
        rest = rest.replace(phone.group(0), " ")
    if email and email.group(0) not in a.text:
        # Read from "(at)" or a comma: said back, so a wrong reading is seen.
        slots["_say"] = f"Jag skriver {email.group(0).lower()}. " + SAY_WRONG
    if slots:
        slots["contact_method"] = "email" if email else "phone"
        if wish := _CONTACT_WISH.search(rest):
            slots["contact_wish"] = wish.group(0).strip()  # as said, for the advisor
            how = "inte" if (wish.group("lead") or "").lower() == "inte" else "helst"
            slots["_say"] = " ".join(filter(None, (
                slots.get("_say"), f"Jag skriver till rådgivaren att du {how} vill bli kontaktad "
                                   f"{wish.group('when').lower()}.")))
        return Filled(slots)
    if a.is_digression:
        return None
    hint = "Skriv en e-postadress (till exempel namn@exempel.se) eller ett telefonnummer (till exempel 070-123 45 67)."
    if a.intent == "deny" or _NO.search(a.folded) or _WONT_SAY.search(a.folded):
        if (a.slots.get("miss_count") or {}).get("contact_method") and not a.slots.get("handoff_requested"):
            return Filled({"contact_declined": True})  # a second no: ended politely, no case sent
        # Not a misunderstanding: say what it means, and how to end instead.
        return Miss(f"{hint} Vill du inte det, svara nej en gång till, så skickar jag inget.",
                    lead="Det är ditt val. Utan e-post eller telefonnummer kan rådgivaren inte höra av sig.")
    # "ring mig", "mejl": the way is chosen, the number or address is what is missing.
    if re.search(r"\b(ring\w*|telefon\w*|sms\w*|mobil\w*|samtal)\b", a.folded):
        return Miss("Skriv ditt telefonnummer, till exempel 070-123 45 67.", lead="Gärna.")
    if re.search(r"\b(mejl\w*|mail\w*|e-?post\w*|maila|mejla)\b", a.folded):
        return Miss("Skriv din e-postadress, till exempel namn@exempel.se.", lead="Gärna.")
    return Miss(hint)


_WONT_SAY = re.compile(r"\bvill (inte|helst inte|inte garna) (ge|lamna|uppge|saga|skriva)\b|\bhellre inte\b")


_meeting_preference = choice_slot("meeting_preference", {
    "no_preference": r"spelar ingen roll|vilket som|egal|bada|ingen preferens",
    "digital": r"digital|video|teams|zoom|distans|telefon|online|datorn",
    "physical": r"plats|fysisk|pa riktigt|traffas|kontor|ses",
}, "Skriv \"digitalt\", \"på plats\" eller \"spelar ingen roll\".", dont_know="no_preference")


# "helst på plats i Borlänge": the place is told with the answer and not asked next.
_PLACE_TOLD = re.compile(r"\b(?:i|på|pa|nära|nara|runt)\s+([A-ZÅÄÖa-zåäö][\w-]+(?:\s+(?:kommun|stad))?)\s*[.!]?$")
_NOT_A_PLACE = re.compile(r"(plats|platsen|riktigt|kontoret|kontor|distans|narheten|stan|staden|kommunen|"
                          r"helst|garna|sa fall|person|verkligheten)$")


def meeting_preference(a: Answer) -> Result:
    result = _meeting_preference(a)
    if a.is_payload or not (isinstance(result, Filled) and result.slots["meeting_preference"] == "physical"):
        return result
    place = _PLACE_TOLD.search(a.text.strip())
    if place and not _NOT_A_PLACE.match(fold(place.group(1))):
        told = municipality(Answer(place.group(1), None, 0.0, [], a.today))
        if isinstance(told, Filled) and told.slots.get("municipality") != UNKNOWN:
            return Filled({**result.slots, "municipality": told.slots["municipality"]})
    return result


_ANY_PLACE = re.compile(r"\bspelar ingen roll\b|\bvar som helst\b|\bvilken som helst\b|"
                        r"\bvill inte (saga|uppge)|\bspelar mindre roll\b|\bnagon(stans)? nara\b")


def municipality(a: Answer) -> Result:
    if _ANY_PLACE.search(a.folded) or a.intent == "dont_know" or _DONT_KNOW.search(a.folded):
        return Filled({"municipality": UNKNOWN,
                       "_say": "Då bestämmer ni platsen tillsammans när rådgivaren hör av sig."})
    if a.is_digression:
        return None
    text = re.sub(r"^((jag )?bor (i|pa|på)|i närheten av|i narheten av|nära|nara|någonstans i|"
                  r"nagonstans i|runt|gärna i|garna i|helst i|helst|i|pa|på)\s+", "",
                  a.text.strip(), flags=re.I)
    # "Mölndal men jobbar i Göteborg": the first place named.
    text = re.split(r",|\s+(?:men|eller|och (?:jobbar|arbetar|bor))\s+", text, maxsplit=1)[0]
    # "Gävle kommun" → "Gävle"; "Stockholms stad" keeps its ending rather than lose its s.
    text = re.sub(r"(?<!s)\s+(kommun|stad)$|\s+(med omnejd|eller (där|dar) omkring|(o|och) (runt|omkring))$", "",
                  text.strip(" .!"), flags=re.I).strip(" .!")
    if not (1 < len(text) <= 40) or re.search(r"[\d@<>{}/]", text):
        return Miss("Skriv namnet på kommunen, till exempel \"Uppsala\".")
    return Filled({"municipality": text[:1].upper() + text[1:]})


# "jag är 61 och har jobbat …", "jag e 34", "58 år gammal": one's own age, in a story or beside an
# answer, so the age question is not asked later. Not "jag är 40 timmar …".
_NOT_YEARS_OLD = r"(?!\s*(?:timmar|tim|procent|kr|kronor|%|manader|veckor|dagar|minuter|mil|km|st\b))"
_OWN_AGE = re.compile(r"\b(?:jag|ja|jg) (?:ar|e) (\d{2})(?: ar(?: gammal)?| bast)?(?=$|[\s,.!?])" + _NOT_YEARS_OLD +
                      r"|\b(\d{2}) ar gammal\b|"
                      # "jag heter Anna och är 52": the "jag" said once for both
                      r"\bjag (?:heter|ar) [^.,!?]{1,30}? och (?:ar|e) (\d{2})(?: ar)?(?=$|[\s,.!?])" + _NOT_YEARS_OLD +
                      # "… men vet inte vad. är 47": chat drops the "jag" of a sentence of its own
                      r"|(?:^|[.!?,]\s*)(?:ar|e) (\d{2})(?: ar(?: gammal)?| bast)?\s*[.!]*$")


def own_age(folded: str) -> int | None:
    m = _OWN_AGE.search(folded)
    return int(m.group(1) or m.group(2) or m.group(3) or m.group(4)) if m else None


# Folded. "kan jag få omställningsstudiestöd om jag är 25?": a question's "om jag är" tells one's own
# age, unlike "om jag blir uppsagd" (a supposition about the situation) or "om jag fyller 27".
_AGE_SUPPOSED = re.compile(r"\bom jag (?:ar|e) (\d{2})(?: ar(?: gammal)?)?(?=$|[\s,.!?])" + _NOT_YEARS_OLD)


def age_in_question(folded: str) -> int | None:
    m = _AGE_SUPPOSED.search(folded)
    return int(m.group(1)) if m and 16 <= int(m.group(1)) <= 99 else None


# Folded. "kanske jobba på fritids eller som elevassistent", "jobba som vaktmästare": occupations
# or workplaces named in the answer about wants, the outward question's answer.
_NOT_AN_OPTION = r"(?!(?:nagot|nagon|nat|annat|annan|samma|hemifran|distans|deltid|heltid|kvar|mindre|stallet|plats|" \
                 r"typ|kanske|galning|galen|vanligt|stalle|arbetsplats|jobb|foretag|firma|bolag|satt)\b)"
_OPTIONS_NAMED = re.compile(r"\b(?:jobba|arbeta|borja) (?:nagot |nat )?(?:som|pa|inom) (?:en |ett )?" + _NOT_AN_OPTION
                            + r"([a-z-]{4,})(?: eller (?:kanske )?(?:jobba |arbeta )?(?:(?:som|pa|inom) )?(?:en |ett )?"
                            + _NOT_AN_OPTION + r"([a-z-]{4,}))?")


# A later sentence that guesses at options: "kanske utbildningsbolag eller HR", "typ lager eller truck".
# "nåt inom läkemedelsbolag" names where to look; "nåt med el", "nåt lugnare" are a direction the
# outward question then makes concrete.
_GUESSED_OPTIONS = re.compile(r"^(?:kanske|typ|t ?ex|till exempel|som)\s+(?!.*\b(?:(?:nagot|nat)(?! inom )|"
                              r"deltid|heltid|lugn\w*|mindre|mer|battre)\b)(?=.*(?:\beller\b|,))")


def options_guessed_in(text: str) -> str | None:
    """"nåt där jag får använda pedagogiken. kanske utbildningsbolag eller HR": the options a
    sentence guesses at, "utbildningsbolag eller HR"."""
    sentences = [t.strip(" .!") for t in re.split(r"(?<=[.!?])\s+|\n", text.strip()) if t.strip(" .!")]
    # A guess may come first too ("kanske nåt inom läkemedelsbolag eller undervisa? vet inte riktigt"),
    # and as a question: with "kanske" or "typ" it is a guess, not asked of the bot.
    guess = next((t for t in sentences if _GUESSED_OPTIONS.match(fold(t))), None)
    if guess is None:
        return None
    names = options_listed(guess)
    if any(re.match(r"att (jobba|arbeta|halla pa) med\b", fold(n)) for n in names):
        return None  # "kanske jobba med människor eller djur": a want, not jobs to look up
    return " eller ".join(names) if 2 <= len(names) <= 4 else None


def options_named(text: str) -> str | None:
    """"fritids eller elevassistent", as written, from "kanske jobba på fritids eller som elevassistent"."""
    folded = fold(text)
    found = _OPTIONS_NAMED.search(folded)
    if not found or len(folded) != len(text):
        return None
    names = [text[found.start(g):found.end(g)].lower() for g in (1, 2) if found.group(g)]
    return " eller ".join(names)


WANTS_TOLD = "wants_told"  # asked_again: a want came for the strengths (domain.yml utter_ask_inward_skills)


# Folded. Words of asking for a person: stems, so that typing slips ("pata med en handläggre") count.
_ASKING = (r"pr?a?ta\w*|snack\w*|tala|ring\w*|uppringd|kontakt\w*|koppl\w*|traffa|boka|mejla|maila|"
           r"mann?isk[ae]n?|levande")
# Every way of asking for a person that the training data knows has one of these words.
_HUMAN_CUE = re.compile(rf"\b({_ASKING}|samtal\w*|radgiv\w*|handla?gg?\w*|person\w*|manskli\w*|"
                        r"riktiga? (manniska|person|radgivare)|pa riktigt|kundtjanst|hor av sig|hora av sig|bot|"
                        r"robot|nagon|nan|personal|telefon)\b")
# A word of asking for a person, beyond the names of the people one might become ("kundtjänst",
# "rådgivare" are also jobs).
_ASKS_FOR_PERSON = re.compile(rf"\b({_ASKING}|hor av|person|riktig|tack)\b")


def _as_guidance_answer(name: str, a: Answer) -> Answer:
    """A guidance answer the classifier took for asking for a person: "nåt med människor men
    lugnare" (no word of asking for someone), "kundtjänst" for the options (an occupation)."""
    if a.intent != "request_human" or a.is_payload:
        return a
    named = name in ("outward_options", "inward_wants") and len(a.folded.split()) <= 3 \
        and not _ASKS_FOR_PERSON.search(a.folded)
    return replace(a, intent="inform") if named or not _HUMAN_CUE.search(a.folded) else a


def free_text_slot(name: str) -> Callable[[Answer], Result]:
    def interpret(a: Answer) -> Result:
        a = _as_guidance_answer(name, a)
        result = free_text(a)
        if isinstance(result, Filled) and name == "inward_skills" and a.slots.get("inward_wants") is None \
                and not a.is_payload and only_a_want(a.text):
            # "jag vill jobba med människor men inte skift" to "Vad är du bra på?": heard as the
            # want it is, and the strengths asked once more (utter_ask_inward_skills).
            return Filled({"inward_wants": result.slots["_value"], "asked_again": WANTS_TOLD,
                           "_say": reflection("inward_wants", a.text) or ""})
        if isinstance(result, Filled):
            value = result.slots["_value"]
            # asked_again "told_work" (actions/forms.py TOLD_WORK): asked what they liked in the work
            said = reflection(name, a.text, not_yet=a.intent == "dont_know",
                              liked=name == "inward_who" and a.slots.get("asked_again") == "told_work")
            slots = {name: value, **({"_say": said} if said else {})}
            named = options_named(a.text) if name == "inward_wants" and not a.is_payload else None
            if name == "inward_wants" and not named and not a.is_payload:
                named = options_guessed_in(a.text)  # "…. kanske utbildningsbolag eller HR"
            if named and a.slots.get("outward_options") is None:
                # The next question asks what jobs or educations the person thinks of: answered.
                slots["outward_options"] = named
                if said == NOT_YET:  # "kanske X eller Y? vet inte riktigt": the options first, then the comfort
                    slots["_say"] = (f"Jag skriver upp {named} som det du funderar på. Du behöver inte vara säker än – "
                                     f"det kan du och rådgivaren ta reda på tillsammans.")
                else:
                    slots["_say"] = f"{said + ' ' if said else ''}Jag skriver upp {named} som det du funderar på."
            if name == "inward_who" and not a.is_payload and a.slots.get("reduced_capacity") is None \
                    and a.slots.get("situation") in TERMINATED and _SICK_WORDS.search(_NOT_SICK.sub(" ", a.folded)):
                # "… men ryggen börjar ta slut": whether extra support is needed is asked next (förstärkt
                # stöd, flow.situation_plan), not left for the result to say nothing was told.
                slots["reduced_capacity"] = True
            if name == "inward_who" and not a.is_payload:
                # "…, bra på att prata med folk. vill ha ett jobb där …": said back, and not asked again.
                slots.update({slot: clause for slot, clause in told_in_story(a.text).items()
                              if a.slots.get(slot) is None and said_back(clause, said)})
            age = own_age(a.folded) if name == "inward_who" and a.slots.get("age") is None else None
            if age and 16 <= age <= 80:
                slots["age"] = age
            return Filled(slots)
        return result
    return interpret


# The outward phase gives information (conversation.md; seed 001, 3.1): someone in the guidance
# questions who asks what educations or jobs there are gets an answer, not a stored "answer".
_ASKS = re.compile(r"^(vad|vilka|vilken|vilket|var|hur|finns det|kan (jag|man)|ska jag|vet du|"
                   r"har du|kan du|tips)\b")
_EDUCATION_TOPIC = re.compile(r"utbildning|plugga|studera|studier|\bkurs|komvux|yrkeshogskola|"
                              r"\byh\b|hogskola|universitet|folkhogskola|omskol|vidareutbild")
_OCCUPATION_TOPIC = re.compile(r"yrke|jobb|arbete|bransch|\bbrist|efterfrag|\bsoks\b|"
                               r"\bsoker (de|dom|man)\b|behovs|kompetens|\bbli\b")


# Folded. "kanske jobba på fritids?": a guess put as a question is an answer, not a question to the bot.
_TENTATIVE = re.compile(r"^(kanske|typ|nagot|nat|mojligen|eventuellt|jag tror|tror jag|helst)\b")


def _asks_in_a_sentence(text: str) -> bool:
    """A sentence that ends with "?" and is not a guess ("kanske som elevassistent?")."""
    for sentence in re.findall(r"[^.!?]*\?", text):
        last = fold(sentence.rsplit(",", 1)[-1]).strip()  # "något lättare, vilka jobb finns det?"
        if _ASKS.search(last) or not _TENTATIVE.search(fold(sentence).strip(" ,")):
            return True
    return False


# Folded. What it takes to get into an occupation: "vad krävs för att bli socionom?", "hur blir
# man elektriker?". Read as such even where the classifier took it for the support's FAQ.
_REQUIREMENT = re.compile(r"\b(kravs|krav|behorighet\w*|behovs|behover (man|jag)|ska (man|jag) (ha|lasa|plugga|"
                          r"studera|kunna)|hur (blir|gor) (man|jag))\b")


def options_question(a: Answer) -> Reply | None:
    if a.is_payload or not (_ASKS.search(a.folded) or _asks_in_a_sentence(a.text)):
        return None
    if _REQUIREMENT.search(a.folded) and re.search(r"\b(bli|jobba som|arbeta som|jobba inom|arbeta inom|"
                                                   r"utbilda (mig|sig) till|plugga till|lasa till)\b|\bhur blir (man|jag) \w+", a.folded):
        return Reply("utter_outward_requirements")
    if a.is_digression:
        return None
    if _EDUCATION_TOPIC.search(a.folded):
        return Reply("utter_outward_educations")
    if _OCCUPATION_TOPIC.search(a.folded):
        return Reply("utter_outward_occupations")
    return None


def _answering_options(interpret: Callable[[Answer], Result]) -> Callable[[Answer], Result]:
    def wrapped(a: Answer) -> Result:
        return options_question(a) or interpret(a)
    return wrapped


def options_guessed_and_asked(a: Answer) -> Result:
    """"kanske socionom eller hr? vad krävs för att bli socionom?": the guess is the answer to
    "Finns det yrken eller utbildningar du funderar på?", and the question is answered beside it
    (question_beside)."""
    sentences = [t.strip() for t in re.findall(r"[^.!?]+[.!?]*", a.text) if t.strip(" .!?")]
    while sentences and _DONT_KNOW.search(fold(sentences[0])) and len(fold(sentences[0]).split()) <= 4:
        sentences.pop(0)  # "vet inte. kanske nåt på ett kontor?": the guess is what follows
    if a.is_payload or len(sentences) < 2 or not any(_is_asked(t) for t in sentences[1:]):
        return None
    first = sentences[0]
    guess = _TENTATIVE.sub("", fold(first).strip(" ,")).strip(" ,?.!")
    if not (_TENTATIVE.search(fold(first).strip(" ,")) or not _is_asked(first)) or not guess \
            or len(guess.split()) > 8 or _ASKS.search(guess):
        return None
    # The words as typed, without the leading "kanske": "socionom eller HR".
    said = first.strip(" ,?.!")[len(first.strip(" ,?.!")) - len(guess):] if len(fold(first)) == len(first) else guess
    return Filled({"outward_options": said, "_say": f"Tack, jag skriver upp {said}."})


INTERPRETERS: dict[str, Callable[[Answer], Result]] = {
    "consent": consent,
    "situation": situation,
    "termination_reason": termination_reason,
    "termination_initiated_by": termination_initiated_by,
    "special_needs_illness": special_needs_illness,
    "age": age,
    "guidance_mode": guidance_mode,
    "inward_who": free_text_slot("inward_who"),
    "inward_skills": free_text_slot("inward_skills"),
    "inward_wants": free_text_slot("inward_wants"),
    "outward_options": free_text_slot("outward_options"),
    "forward_goal": forward_goal,
    "forward_next_step": free_text_slot("forward_next_step"),
    "employer_name": employer_name,
    "employer_sector": employer_sector,
    "worker_category": worker_category,
    "collective_agreement": collective_agreement,
    "role_exclusion": role_exclusion,
    "employment_employer": employment_employer,
    "employment_country": employment_country,
    "employment_start": _start_said_anew(date_slot("employment_start", end=False, then_end="employment_end")),
    "employment_end": employment_end,
    "employment_hours_per_week": hours_per_week,
    "employment_monthly_income": monthly_income,
    "more_employments": more_employments,
    "had_skippable": had_skippable,
    "skippable_type": skippable_type,
    "skippable_start": date_slot("skippable_start", end=False, then_end="skippable_end"),
    "skippable_end": date_slot("skippable_end", end=True),
    "more_skippable": more_skippable,
    "previous_support": previous_support,
    "previous_support_decision_date": date_slot("previous_support_decision_date", end=False,
                                                allow_unknown=True),
    "contact_name": contact_name,
    "contact_method": contact_method,
    "meeting_preference": meeting_preference,
    "municipality": municipality,
}
GUIDANCE_SLOTS = ("inward_who", "inward_skills", "inward_wants", "outward_options", "forward_goal",
                  "forward_next_step")
for _slot in GUIDANCE_SLOTS:
    INTERPRETERS[_slot] = _answering_options(INTERPRETERS[_slot])
_options_answer = INTERPRETERS["outward_options"]


# Folded. Where an answer to "Finns det yrken eller utbildningar som du funderar på?" splits into
# options, and what goes before an option ("kanske", "har funderat på att utbilda mig till").
# "och" does not split: "vård och omsorg", "elektriker och vvs" are said back whole.
_OPTION_SPLIT = re.compile(r"[.?!,;]+\s*|\s+(?:eller|men|alternativt)\s+")
_OPTION_LEAD = re.compile(r"^(?:(?:eller|och|men|samt|kanske|typ|nog|mojligen|eventuellt|helst|garna|jag|har|hade|har ocksa|ocksa|"
                          r"tankt|funderat|funderar|tanker|pa|att|kunna|vilja|ville|vill|skulle|kan|bli|jobba som|"
                          r"arbeta som|utbilda mig till|utbilda mig|plugga till|lasa till|studera till|omskola mig till|"
                          r"en|ett|till|som)\s+)+")
_OPTION_TAIL = re.compile(r"(?:\s+(?:ocksa|kanske|typ|da|nog|aven|i sa fall|fortfarande|igen|kvar|helst))+$")
_NO_OPTION = re.compile(r"\b(vet|inte|ingen|inget|aning|osaker|orkar|tror|tycker|mig|jag|du|det|den|kanske|bara|ha)\b|^(nat|nagot|nagonting|ja|jo|nej|japp|nae)$")


def options_listed(text: str) -> list[str]:
    """"kanske busschaufför? eller nåt med lastbil. har funderat på att utbilda mig till undersköterska
    också men vet inte" → ["busschaufför", "nåt med lastbil", "undersköterska"]: the options as typed,
    for saying back; [] where none stands out."""
    plain = re.sub(r"\s+", " ", text).strip()
    folded = fold(plain)
    same = len(folded) == len(plain)
    found: list[str] = []
    position = 0
    route = False
    for piece in _OPTION_SPLIT.split(folded):
        start = folded.find(piece, position) if piece else -1
        if start < 0:
            continue
        position = start + len(piece)
        lead = _OPTION_LEAD.match(piece)
        core = piece[lead.end():] if lead else piece
        core = _OPTION_TAIL.sub("", core.strip())
        if not core or len(core.split()) > 5 or _NO_OPTION.search(core):
            continue
        begin = start + (lead.end() if lead else 0)
        shown = plain[begin:begin + len(core)] if same else core
        if begin == 0 or re.search(r"[.?!]\s*$", plain[:begin]):
            first = shown.split()[0]
            if first[:1].isupper() and not first.isupper() and fold(first) not in KNOWN_EMPLOYERS:
                shown = shown[0].lower() + shown[1:]  # "Sjuksköterska." opening a sentence; not "IT", "Volvo"
        if re.match(r"(jobba|arbeta|plugga|studera|hålla på|halla pa|undervisa|forska|utbilda|starta|driva) ", shown):
            shown = f"att {shown}"  # "att jobba med människor"
        shown = re.sub(r"^(?:nåt|nat)\b", "något", shown)  # said back in writing: "något med lastbil"
        shown = re.sub(r"\byh\b", "YH", shown)
        if found and re.match(r"(via|genom) ", core):
            # "elektriker, kanske via yh eller komvux": the way there belongs to the option before it
            found[-1] += f" {shown}"
            route = True
            continue
        if found and route and _STUDY_ROUTE.fullmatch(core):
            found[-1] += f" eller {shown}"
            continue
        route = False
        if fold(shown) not in (fold(f) for f in found):
            found.append(shown)
    return found[:4]


# Folded. Where one studies, as the way to an option ("via yh eller komvux").
_STUDY_ROUTE = re.compile(r"(?:pa )?(yh|yrkeshogskola\w*|komvux|hogskola\w*|universitet\w*|folkhogskola\w*|"
                          r"larling\w*|arbetsmarknadsutbildning\w*|distans)")


def _options_said_back(a: Answer) -> Result:
    result = _options_answer(a)
    if isinstance(result, Filled) and result.slots.get("_say") == OPTIONS_HEARD and not a.is_payload:
        named = options_listed(spelled(a.text))
        # "eller nåt helt annat": an openness, not an option to write up beside the others
        open_to = [n for n in named if re.match(r"(nagot|nat) (helt )?annat\b", fold(n))]
        named = [n for n in named if n not in open_to]
        said = [f"upp {format_list(named, locale='sv')}"] if named else []
        if open_to:
            said.append(f"att du är öppen för {open_to[0]}")
        if said:
            return Filled({**result.slots, "_say": f"Tack, jag skriver {', och '.join(said)}."})
    return result


INTERPRETERS["outward_options"] = lambda a: options_guessed_and_asked(a) or _options_said_back(a)

# A question where a name is asked ("kan jag få omställningsstudiestöd?" read as asking for the check)
# is no name: a miss, which the form answers as the question it is (actions/forms.py).
_ASKING_INTENTS = {"check_eligibility", "faq", "clarify", "request_human", "bot_challenge", "out_of_scope"}
_NAME_HINTS = {"employer_name": "Skriv arbetsgivarens namn, till exempel \"Bageriet AB\".",
               "employment_employer": "Skriv arbetsgivarens namn, till exempel \"Bageriet AB\".",
               "contact_name": "Skriv vad du heter, förnamn räcker.",
               "municipality": "Skriv namnet på kommunen, till exempel \"Uppsala\"."}


def _no_question_as_name(name: str, interpret: Callable[[Answer], Result]) -> Callable[[Answer], Result]:
    def read(a: Answer) -> Result:
        result = interpret(a)
        if isinstance(result, Filled) and name in result.slots and not a.is_payload and a.is_question \
                and a.intent in _ASKING_INTENTS:
            return Miss(_NAME_HINTS[name])
        return result
    return read


NAME_SLOTS = frozenset(_NAME_HINTS)  # answered with a name, which may be in English too (actions/forms.py)
for _slot in NAME_SLOTS:
    INTERPRETERS[_slot] = _no_question_as_name(_slot, INTERPRETERS[_slot])

# --- the opening message ----------------------------------------------------------------------
# A goal named in words: "vill bli sjuksköterska", "har bestämt mig för att plugga till lärare",
# "siktar på att jobba som elektriker". The lead says it is a wish or a plan, not the present job;
# not "ska bli" ("ska bli pappa", "ska bli uppsagd").
_GOAL = re.compile(r"\b(?:vill|vill gärna|vill garna|skulle vilja|skulle gärna vilja|skulle garna vilja|"
                   r"funderar på att|funderar pa att|(?:har )?bestämt mig för att|(?:har )?bestamt mig for att|"
                   r"tänker|tanker|planerar att|siktar på att|siktar pa att|drömmer om att|drommer om att|"
                   r"hoppas(?: att)?(?: kunna)?|har lust att|"
                   # "jag ska bli pappa" is no occupation: "ska" only with studies
                   r"jag ska (?=plugga|studera|läsa|lasa|utbilda|vidareutbilda|omskola)|"
                   r"jag kommer att (?=plugga|studera|läsa|lasa|utbilda|vidareutbilda|omskola)) ?"
                   # "vill typ plugga till sjukgymnast": a filler between the wish and the goal
                   r"(?:(?:typ|nog|helst|gärna|garna|egentligen|faktiskt) )?"
                   r"(?:bli|plugga till|studera till|läsa till|lasa till|(?:vidare)?utbilda mig till|"
                   r"jobba som|arbeta som|omskola mig till|läsa vidare till|lasa vidare till|plugga vidare till|"
                   r"studera vidare till) (?P<goal>[^.,!?]+?)"
                   r"(?=\s+(?:och|men|kan|för|for|så|sa|eller|nu|sen|sedan|i höst|i host|till hösten|"
                   r"till hosten|nästa år|nasta ar|istället|istallet|i stället|i stallet|också|ocksa|kanske)\b|"
                   r"[.,!?]|$)", re.I)


# "vill plugga till nåt annat" names no occupation; "vill bli bättre på excel", "ska bli uppsagd",
# "vill bli kvar" say something else than an occupation.
_VAGUE_GOAL = re.compile(r"^(nat|nagot|nagonting|nanting|annat)( (annat|nytt|helt annat|annorlunda))?$"
                         r"|^(battre|samre|mer|mindre|av med|kvitt|kvar|klar|frisk|friskare|uppsagd|uppsagda|"
                         r"arbetslos|sjukskriven|anstalld|fast anstalld|tillsvidareanstalld|ledig|"
                         r"foraldraledig|pensionar|pensionerad|sedd|lycklig|nojd|gladare|lugnare|"
                         r"hjalpt|kontaktad|uppringd|sparad|raderad|en del av|del av|mamma|pappa|foralder|"
                         r"farmor|farfar|mormor|morfar|gravid|gammal|aldre|vuxen|stor)\b")


def wants_to_study_for(text: str) -> bool:
    """"jag vill plugga till sjuksköterska": a goal named as studies."""
    return _named_goal(text) is not None and bool(_STUDIES.search(fold(text)))


def _named_goal(text: str) -> str | None:
    goal = _GOAL.search(text)
    if goal is None or _VAGUE_GOAL.match(fold(goal.group("goal").strip())):
        return None
    return goal.group("goal").strip()


# Folded. Illness said in a clause of its own: reduced work capacity in the spec's sense.
_SICK_WORDS = re.compile(r"sjukskriv|\bsjuk\b|utbrand|utmatt|nedsatt arbetsformaga|" + _BODY_WORN)
# "inte sjuk", "aldrig sjukskriven": said to rule illness out.
_NOT_SICK = re.compile(r"\b(inte|ej|aldrig|inga?) (\w+ )?(sjuk\w*|utbrand|skad\w*|ont)\b")
# A clause that asks or supposes ("vad händer om jag blir uppsagd?") says nothing about the person.
# "när jag skulle tillbaka" tells what happened, in the past: no supposition.
_SUPPOSES = re.compile(r"\bom (jag|man|du|min|mitt)\b|(?<!nar jag )(?<!nar vi )\bskulle\b|\bifall\b|\bnar man\b")


# How much of full time one works: "75%", "75 procent", "heltid", "halvtid" (typed and folded alike).
_SHARE_OF_FULL_TIME = r"(?:\d{1,3} ?%|\d{1,3} procent|heltid|halvtid)"
# A start told as an item of its own ("…, sen 2015", "…, sedan -08"), typed or folded.
_START_ITEM = r"(?:sen|sedan|fran|från) (?:\d{4}|[-'’]\d{2})\b"
# Typed, for splitting before folding: _HOURS_ITEM as it is written.
_HOURS_ITEM_TYPED = (r"(?i:(?:typ |ca |cirka |runt |ungefär )?" + _SHARE_OF_FULL_TIME +
                     r"(?=\s*(?:[,.!?]|$)|\s+(?:sen|sedan|från|fran|och|o)\b))")


def _clauses(text: str) -> list[str]:
    # "… och undrar om jag kan få stöd" starts a question of its own inside a telling sentence.
    # "jobbar på PostNord, 75% sen 2017": how much one works stays with the job it is told of.
    return [c.strip() for c in re.split(r"(?<=[.!?])\s+|,(?!\s*" + _HOURS_ITEM_TYPED + r"|\s*" + _START_ITEM + r")\s*|\s+men\s+|\s+och\s+(?=undrar|undrade|funderar|vill veta)",
                                        text.strip()) if c.strip()]


# "undrar om jag kan få studera med lön", "vill veta hur länge det gäller": asked, without a "?".
_ASKED_INDIRECTLY = re.compile(r"^(jag )?(undrar|undrade|funderar pa|vill veta|skulle vilja veta) "
                               r"(om|hur|vad|nar|var|vilka|vilken|vilket|varfor)\b")


def _is_asked(clause: str) -> bool:
    return clause.endswith("?") or asks(fold(clause)) or bool(_ASKED_INDIRECTLY.search(fold(clause)))


def _told_clauses(text: str) -> list[str]:
    return [c for c in _clauses(text) if not (_is_asked(c) or _SUPPOSES.search(fold(c)))]


def _statements(a: Answer) -> list[Answer]:
    """The clauses of a message that tell something, each as its own Answer. A one-clause message
    keeps its intent; clauses of a longer one are read by their words alone."""
    clauses = _clauses(a.text)
    told = _told_clauses(a.text)
    if len(clauses) == 1:
        return [a] if told else []
    return [Answer(c, "inform_sick" if _SICK_WORDS.search(_NOT_SICK.sub(" ", fold(c))) else None, 0.0, [], a.today)
            for c in told]


def question_beside(a: Answer) -> str | None:
    """The question in a message that also tells ("uppsagd från Volvo, är det gratis?"), for an
    FAQ answer. Not the ask for the check ("har jag rätt till stöd?"): the questions answer that."""
    clauses = _clauses(a.text)
    if len(clauses) < 2:
        return None  # a question alone is read as one by the classifier already
    asked = []
    for clause in clauses:
        folded = fold(clause)
        guess = clause.endswith("?") and not _asks_in_a_sentence(clause)  # "kanske socionom?" is an answer
        if _is_asked(clause) and not guess and not _ASKS_FOR_CHECK.search(folded) and len(folded.split()) >= 2:
            asked.append(clause)
    # "jag undrar vad som gäller för mig, hinner jag få stöd innan pensionen?": the pointed question
    # has an FAQ answer; the general one is what the conversation itself answers.
    pointed = [clause for clause in asked if not _VAGUE_ASKED.search(fold(clause))]
    return (pointed or asked or [None])[0]


# Folded. A question about everything at once, which the questions and the result answer.
_VAGUE_ASKED = re.compile(r"\bvad (som )?(galler|gars|gors)\b|\bvad (ska|kan|bor) jag (gora|ta mig till)\b|"
                          r"\bvad finns det for (hjalp|stod)\b|\bhur (gar jag|ska jag ga) vidare\b")


# Questions whose answers have a form of their own (a number, a date, a keyword), so a clause
# beside a question is read safely. Not yes/no ("nej, vad är det?" asks what it is), not free
# text ("hmm, vad menar du?"), and the employer's name only when written as one.
_BESIDE_QUESTION_SLOTS = {"age", "employer_sector", "worker_category", "employment_start", "employment_end",
                          "employment_hours_per_week", "employment_monthly_income", "employment_country",
                          "skippable_type", "skippable_start", "skippable_end", "previous_support_decision_date"}
_FREE_TEXT_SLOTS = {"inward_who", "inward_skills", "inward_wants", "outward_options", "forward_next_step"}
_FILLERS = re.compile(r"\b(hmm+|mm+|okej|ok|alltsa|assa|typ|kanske|liksom|nja|tja|ja|nej|bra|fraga|jaha|jaa)\b")
_UNSURE_SAID = re.compile(r"\b(vet (inte|ej)|ingen aning|inte tankt pa|osaker|minns inte)\b")
_NOT_A_NAME_START = re.compile(r"(jag|det|den|de|dom|vet|minns|en|ett|vi|har|kan|nej|ja|hmm|inte|ingen|oklart)$")


# Folded, the whole message. A moment asked for ("vänta lite", "ett ögonblick", "brb"), which the
# classifier may take for a correction.
_PAUSE = re.compile(r"^(vanta|vant|vanta lite|vanta en (sekund|stund|minut)|(en|ett) (sekund|ogonblick|minut)|"
                    r"sekund|ogonblick|strax tillbaka|kommer strax|brb|hold on|paus|pausa|jag maste tanka lite|"
                    r"lat mig tanka|ska bara kolla en sak|(jag )?(ska|maste) (bara )?kolla( en sak)?)[\s.!]*$")
# Folded. Going now and coming back: "jag måste gå nu, kan jag fortsätta senare?".
_RESUME = re.compile(r"\bfortsatta (senare|sen|en annan dag|i morgon|imorgon|i kvall|ikvall|nasta vecka|efter)\b|"
                     r"\bkomma tillbaka (senare|sen|hit|en annan dag|i morgon|imorgon)\b|\bspara (och|o) fortsatta\b|"
                     r"\b(pausa|avbryta) (och|o) (fortsatta|komma tillbaka)\b")
PAUSE_SAY = "Ingen brådska. Skriv när du är redo, så fortsätter vi där vi var."
RESUME_SAY = ("Ja. Kommer du tillbaka inom en timme i samma webbläsare fortsätter vi där vi var. Efter längre tid "
              "börjar samtalet om, och då frågar jag igen. Vill du hellre att en rådgivare hör av sig, skriv "
              "\"rådgivare\".")


def pause_asked(a: Answer) -> str | None:
    """What to say to a wish to wait, or to come back later, in the middle of the questions; None
    for anything else."""
    if a.is_payload:
        return None
    if _PAUSE.match(a.folded.strip()):
        return PAUSE_SAY
    return RESUME_SAY if _RESUME.search(a.folded) else None


def answer_beside_question(asked: str, a: Answer) -> Filled | None:
    """The answer in a message the classifier read as a question ("52, men hur länge gäller
    stödet?"): its one telling clause, read for the question asked."""
    if a.is_payload or len(_clauses(a.text)) < 2:
        return None
    told = _told_clauses(a.text)
    if len(told) != 1:
        return None
    if asked in ("employer_name", "employment_employer"):
        words = told[0].split()
        if not (told[0][:1].isupper() and len(words) <= 4 and not _NOT_A_NAME_START.match(fold(words[0]))):
            return None
    elif asked in _FREE_TEXT_SLOTS:
        # "förskollärare kanske, hur lång är den utbildningen?" answers; "hmm, vad menar du?" and
        # "vet inte riktigt, …" do not.
        said = _FILLERS.sub(" ", fold(told[0]))
        if _UNSURE_SAID.search(fold(told[0])) or not re.search(r"[a-z]{4,}", said):
            return None
    elif asked not in _BESIDE_QUESTION_SLOTS:
        return None
    result = INTERPRETERS[asked](Answer(told[0], None, 0.0, [], a.today, slots=a.slots))
    return result if isinstance(result, Filled) else None


# Said in passing before the questions ("är helt slut", "mår dåligt av stressen"): worth a word.
_STRAIN = re.compile(r"\b(helt slut|slutkord|utbrand|utmattad|utmattning|orkar inte|stressad|stressen|"
                     r"mar (sa |sa himla |jatte|ratt |riktigt |valdigt |ganska |helt )?(daligt|skit|kass)|"
                     r"mar inte (sa )?bra|mar piss|sliten|nedstamd|deppig|ledsen|angest|panik|grater|"
                     r"kanner mig (vardelos|misslyckad|knackt|helt tom))\b")


def strain_ack(answers: list[Answer]) -> str | None:
    if any(_STRAIN.search(a.folded) for a in answers):
        return ("Det låter tungt, och det är bra att du hör av dig. Vi tar det i din takt, och du kan "
                "när som helst be att få prata med en rådgivare.")
    return None


# "har jag rätt till stöd?" inside a longer message about the job: the person came for the check.
_ASKS_FOR_CHECK = re.compile(
    r"\b(har|skulle) (jag|man) (ha )?ratt till (nagot |nat )?(stod|omstallningsstod|radgivning)\b"
    r"|\b(kan|far|skulle) jag (fa |kunna fa )?(nagot |nat )?(stod|omstallningsstod|radgivning)\b"
    r"|\bvilket stod (kan|far|har) jag\b|\bar jag berattigad\b|\b(kan|far) jag fa (det|stodet)(?=\s*[?.!,]|$)"
    r"|\bvad (har|kan|far) jag (fa )?(for (stod|hjalp)|ratt till)\b|\bvad har jag ratt till\b"
    r"|\bvilken hjalp (kan|far) jag\b|\bvilket stod finns (det )?for mig\b"
    # Asked indirectly: "undrar om jag har rätt till stöd", "vill veta om man kan få rådgivning".
    r"|\bom (jag|man) (har|kan fa|far|skulle kunna fa|kan ha) (ratt till )?(nagot |nat )?"
    r"(stod|omstallningsstod|radgivning)\b"
    # "vill kolla om jag har rätt till nåt": the support left unnamed at the end.
    r"|\b(har|om) (jag|man) (har )?ratt till (nagot|nat|nagonting|nanting)\s*(?=[.?!,]|$)"
    # "vad har jag för rättigheter?" after a story: what the support questions find out.
    r"|\bvad har (jag|man) for rattigheter\b|\bvilka rattigheter har (jag|man)\b"
    # "… blev uppsagd. Vad kan jag få?": after a story, the support is meant.
    r"|\bvad (kan|far) (jag|man) (fa|ha)?\s*(?=[?.!]|$)")


def asks_for_check(a: Answer) -> bool:
    """"vad kan jag få för hjälp?", "har jag rätt till stöd?": what the check's questions answer."""
    return bool(_ASKS_FOR_CHECK.search(a.folded))


# Folded. "… vet inte riktigt vad jag vill göra nu": whatever the message is classified as, the
# person wants to think about what to do, which is the explore path. ("vet inte vad jag ska göra"
# may be about the next practical step, so it is not.)
_WANTS_UNKNOWN = re.compile(r"\b(?:vet (?:inte|ej)|ingen aning om) (?:riktigt |alls |an |annu |direkt )*"
                            r"vad jag (?:vill (?:gora|jobba med|arbeta med|bli|plugga)|"
                            r"ska (?:jobba med|arbeta med|bli|plugga))\b"
                            # "vill byta bana men vet inte till vad"
                            r"|\bvill (?:byta|andra) (?:bana|yrke|bransch|jobb|inriktning)\b.*\b(?:vet (?:inte|ej)|ingen aning)"
                            r"(?: riktigt| alls)?(?: till| mot| om)? (?:vad|vilket|vilken)\b"
                            # "vill göra något helt annat men vet inte vad"
                            r"|\bvill (?:gora|jobba med|arbeta med|bli|hitta|syssla med|byta till|byta mot|ga till) "
                            r"(?:nagot|nat|nagonting) (?:helt |heltt |totalt )?(?:annat|nytt)\b.*\b(?:vet (?:inte|ej)|"
                            r"ingen aning)(?: riktigt| alls)?(?: vad| med vad| vilket)?(?: jag (?:ska|vill) (?:valja|gora|bli))?\s*(?:[.!,]|$)")


# Folded. Someone else's job ("min pappa har blivit uppsagd", "hon fick sparken"): the questions
# here are about the person's own employment, so nothing of it is kept as theirs.
_SOMEONE_ELSE = re.compile(r"\b(min|mitt|mina) (pappa|far|mamma|mor|man|make|fru|maka|sambo|partner|pojkvan|"
                           r"flickvan|son|dotter|bror|syster|kompis|van|vaninna|kollega|kollegor|granne|"
                           r"barn|foraldrar|svarfar|svarmor|farbror|morbror|moster|faster)\b"
                           r"|^(han|hon|hen) (har|blev|ar|jobbar|fick|kommer)\b")
_I = re.compile(r"\b(jag|jg|ja har|mig|mej)\b")
_I_TOLD = re.compile(r"\b(jag|jg) (ar|har|blev|jobbar|arbetar|fick|kommer)\b")
# "jag är 58 och …", "jag är 45 år": the person's age, so the work questions do not ask it.


def about_someone_else(a: Answer) -> bool:
    """The message tells about someone else's job and nothing of the person's own."""
    clauses = _told_clauses(a.text)
    others = [c for c in clauses if _SOMEONE_ELSE.search(fold(c)) and not _I.search(fold(c))]
    return bool(others) and not any(_I_TOLD.search(fold(c)) for c in clauses if c not in others)


# A question about everything at once ("vad finns det för hjälp?") after a story, before consent.
VAGUE_ASKED_SV = "Det tar vi reda på tillsammans. Jag ställer några frågor, och sedan ser du vad som kan passa dig."
CHECK_ASKED_SV = ("Det hjälper jag dig gärna med. Jag ställer några frågor, och sedan ser du vilket stöd "
                  "du troligen kan få och var du ansöker.")
SOMEONE_ELSE_SV = ("Vad fint att du vill hjälpa till. Frågorna här handlar om den egna anställningen, så det "
                   "är bäst att den det gäller svarar själv, gärna med dig bredvid. Vill du fråga något om "
                   "stödet i allmänhet går det bra.")


# Folded. A job had now, after one that ended: "… uppsagd 2019. nu jobbar jag på ICA".
_NEW_JOB_NOW = re.compile(r"\b(nu|numera|sedan dess|sen dess|idag|i dag|nytt jobb|ny anstallning|nya jobbet|"
                          r"nya tjansten)\b")


# Folded. "…, 45 år" ending the message: a number of years told alone.
_BARE_YEARS = re.compile(r"(?:^|[,.!]\s*)(\d{2}) ?(?:ar|ar gammal)\s*[.!]?$")


def opening_slots(a: Answer) -> dict[str, Any]:
    """What the first messages already told ("hej, jag har blivit uppsagd pga arbetsbrist"), so
    that the questions after consent do not ask it again. Only what is said plainly is kept: a
    question or a supposition ("om jag blir uppsagd") is not read as the person's situation."""
    if a.is_payload and not a.intent:
        return {}
    slots: dict[str, Any] = {}
    if about_someone_else(a):
        return slots  # "min pappa har blivit uppsagd": not the person's own situation
    started: dict[str, Any] = {}
    hours: dict[str, Any] = {}
    for clause in _statements(a):
        if _SOMEONE_ELSE.search(clause.folded) and not _I.search(clause.folded):
            continue
        age = own_age(clause.folded)
        if age and 16 <= age <= 99:
            slots["age"] = age
        said: dict[str, Any] = {}
        for name in ("situation", "termination_reason", "termination_initiated_by"):
            if name == "termination_reason" and said.get("situation") != "terminated":
                break
            if name == "termination_initiated_by" and said.get("termination_reason") != "shortage_of_work":
                break
            result = INTERPRETERS[name](clause)
            if not isinstance(result, Filled):
                break
            said.update({k: v for k, v in result.slots.items() if not k.startswith("_")})
        if said.get("situation") == "other":
            said.pop("situation")  # too vague to skip the question for
        if said.get("situation") == "employed" and _ASSIGNMENT_ENDED.search(a.folded) and not _JOB_KEPT.search(a.folded):
            said.pop("situation")  # "har jobbat via Adecco, men uppdraget tog slut": asked (ASSIGNMENT_ENDED_SAY)
        if said.get("termination_reason") == "other":
            # "uppsagd och vet inte vad jag ska göra", "vill göra något annat": not a reason given
            said.pop("termination_reason")
        if said.get("situation") == "employed" and slots.get("situation") in TERMINATED \
                and not _NEW_JOB_NOW.search(clause.folded):
            # "min tjänst dras in. jobbar som ekonomiassistent …": the job that ends, told of; not a new one
            said.pop("situation")
        slots.update(said)
        if slots.get("situation") != "self_employed":
            slots.update(named_public_employer(clause.text) or named_employer(clause.text)
                         or subject_employer(clause.text) or private_workplace(clause.text)
                         or public_workplace(clause.text))
        has_agreement = agreement_told(clause)
        if has_agreement is not None and not _GUESS.search(clause.folded):
            slots["collective_agreement"] = "yes" if has_agreement else "no"  # "ingen kollektivavtal"
        goal = _named_goal(clause.text)
        if goal:
            slots.update(guidance_mode="plan", outward_options=goal)
        elif _WISH_OWN_BUSINESS.search(clause.folded):
            # "vill starta eget": a plan, kept for the advisor (one of rådgivning's aims, seed 001, 2)
            slots.update(guidance_mode="plan", outward_options="starta eget företag")
        if slots.get("situation") in TERMINATED:
            slots.update(opening_end(clause))
        started = started or opening_start(clause)
        hours = hours or opening_hours(clause)
    if "age" not in slots and started.get("employment_start") and (bare := _BARE_YEARS.search(a.folded)) \
            and 18 <= int(bare.group(1)) <= 99 \
            and abs(a.today.year - int(started["employment_start"][:4]) - int(bare.group(1))) > 2:
        # "… jobbat där sen -08 som montör, 45 år": with the job's start told, a bare number of
        # years on its own is the person's age, unless it is about as long as the job has lasted.
        slots["age"] = int(bare.group(1))
    if "age" not in slots and (supposed := age_in_question(a.folded)):
        slots["age"] = supposed  # said back after consent, so a hypothetical age is seen and corrected
    if slots.get("situation") == "terminated" and _KEPT_AFTER_ALL.search(a.folded) \
            and not re.search(r"uppsag|sagt upp|sa upp|sparken|varsl", a.folded):
        # "förskolan ska stängas men jag får flytta till en annan": the clauses together, a job kept
        for name in ("termination_reason", "termination_initiated_by", "notice_pending"):
            slots.pop(name, None)
        slots["situation"] = "employed"
    if hourly_ended(a.folded) and slots.get("situation") in (None, "employed", "terminated"):
        # "timanställd på lagret, nu ringer de inte in mig": the two clauses together (see situation)
        slots.pop("notice_pending", None)
        slots.update(situation="fixed_term_ended", termination_reason="fixed_term_ended",
                     termination_initiated_by="employer")
    if slots.get("situation") in ("employed", "terminated", "fixed_term_ended", "terminated_illness") \
            or slots.get("situation") is None and _ASSIGNMENT_ENDED.search(a.folded):
        # "jobbat på lagret sen 2010, uppsagd i oktober": the clauses together. An agency job whose
        # assignment ended is a job, whatever the situation turns out to be.
        slots.update(started)
        slots.update(hours)
    months = slots.pop("employment_start_months", None)
    if months:  # "vikariatet tog slut i juni, jobbade där 3 år": counted back from the end when over
        ended = _past_day(slots.get("employment_end"), a.today)
        slots["employment_start"] = start_before(ended or a.today, months).isoformat()
        slots["employment_start_months"] = months  # said back as a length; moved with an end told later
    if slots.get("collective_agreement") == "no" and slots.get("employer_sector") in PUBLIC_SECTORS:
        del slots["collective_agreement"]  # asked, with its "Är du säker?", as at the question
    if a.intent == "check_eligibility" or asks_for_check(a):
        slots["guidance_mode"] = "check"
    elif "guidance_mode" not in slots and (a.intent == "career_guidance" and _DONT_KNOW.search(a.folded)
                                           or _WANTS_UNKNOWN.search(a.folded)):
        slots["guidance_mode"] = "explore"
    return slots


# Folded. "vikariatet tar slut sista januari", "min sista dag är 31 mars": the end of the job, said
# with its date, so the work questions do not ask it again. Not the day of the notice ("blev
# uppsagd i mars"): the job goes on through the notice period.
_ENDS_ON = re.compile(r"\b(?:tar slut|tog slut|slutar|slutade|upphor|upphorde|gar ut|gick ut|"
                      # "nu e mitt vikariat slut sen förra veckan": over, since the day told
                      r"(?:ar|e|blev|var) slut|slut (?:sen|sedan|fran och med|fr o m)|"
                      r"sista (?:arbets)?dag(?:en)? (?:ar|blir|var|blev))\s+(.+)$")


# Folded. How much one works, told as an item of its own: "75%", "75 procent", "heltid".
# Only where the item ends there: "50% sjukskriven" tells something else.
_HOURS_ITEM = (r"(?:typ |ca |cirka |runt |ungefar )?" + _SHARE_OF_FULL_TIME +
               r"(?=\s*(?:[,.!?]|$)|\s+(?:sen|sedan|fran|och|o)\b)")
# Folded. "jobbar som lärare sedan 2012", "anställd där från mars 2019": the job's start.
_STARTED_ON = re.compile(r"(?:\b(?:jobbar|jobbat|arbetar|arbetat|anstalld|varit anstalld|"
                         # past tense only with "där": the job just told of, not an earlier one
                         r"(?:jobbade|arbetade|var anstalld) dar)\b"
                         # "jag är undersköterska i Region Skåne sen 2009": the occupation as the job
                         r"|" + _OCCUPATION_SAID + r")"
                         # "jobbar på PostNord, 75% sen 2017", "jobbar på ICA, heltid, sen 2015": a comma
                         # only before how much one works or the start
                         r"(?:[^.,!?]|,\s*(?=" + _HOURS_ITEM + r"|" + _START_ITEM + r"))*?"
                         r"\b(?:sedan|sen|fran|fr\.?o\.?m\.?)\s+(.+)$")


# Folded. "har jobbat där i 3 år", "jobbade på Volvo Cars i 22 år", "uppsagd efter 22 år": how long
# the job told of lasted. Not "i vården i 30 år" or "efter 20 år som svetsare": the trade, not the job.
_LENGTH = r"(?P<length>(?:\d+|\w+)(?: och (?:ett|en) halvt?)? (?:ar|manader))\b"
_WORKED = r"(?:jobbat|arbetat|varit anstalld|varit|jobbade|arbetade|var anstalld)"
# "jobbat på Skanska som snickare i 8 år", "där jag jobbat som snickare i 8 år": the trade between
# the workplace and the length still tells the length of that job.
_AS_TRADE = r"(?: som \w+(?: \w+)?)?"
_WORKED_AT = r"(?:" + _WORKED + r"|" + _DID_THE_WORK + r")"
_LASTED = re.compile(r"\b" + _WORKED_AT + _AS_TRADE + r" (?:dar|(?:pa|hos) (?:\S+ ){0,3}?\S+)" + _AS_TRADE + r"(?: i| under)? "
                     + _LENGTH + "|"
                     r"\bdar (?:jag )?(?:har )?" + _WORKED + _AS_TRADE + r"(?: i| under)? "
                     + _LENGTH.replace("length", "there") + "|"
                     # "uppsagd från Klarna i sept, 7 år där": the length, then where
                     r"(?:^|,\s*)" + _LENGTH.replace("length", "back") + r" (?:dar|pa jobbet|pa foretaget|hos dem)\b|"
                     # "jobbade typ 50% i två år": the hours between the verb and the length
                     r"\b" + _WORKED + r" (?:typ |ca |cirka |runt |ungefar |pa )?(?:\d{1,3} ?%|\d{1,3} procent|heltid|"
                     r"deltid|halvtid)(?: i| under) " + _LENGTH.replace("length", "hours") + "|"
                     r"\befter " + _LENGTH.replace("length", "after") +
                     r"(?! (?:som|i yrket|i branschen|inom|hemma|ledig|sjuk|utan|pa (?:af|arbetsformedlingen)))")


# Folded. The job's hours told in the story: "jobbade typ 50% i två år", "jobbar heltid", "jobbar 30 timmar".
_HOURS_TOLD = re.compile(r"\b(?:jobbar|jobbade|jobbat|arbetar|arbetade|arbetat) (?:dar |bara |alltid )?"
                         r"(?:typ |ca |cirka |runt |ungefar |pa )?(?P<hours>" + _SHARE_OF_FULL_TIME + r"|"
                         r"\d{1,2} (?:timmar|tim|h)(?: i veckan| per vecka| i v| \/ vecka)?)(?!\w)")

# Folded. "jobbar på PostNord i Rosersberg, 75% sen 2017", "anställd på ICA sedan 2015, heltid": how
# much one works listed after the job, then the end of the sentence, a start or an "och".
_HOURS_LISTED = re.compile(r"\b(?:jobbar|arbetar|anstalld)\b[^.!?]*?,\s*(?P<hours>" + _HOURS_ITEM + r")")

# Folded. Whether one's own work is enough, asked: "räcker det?", "räknas det?", "är det tillräckligt?".
_ENOUGH_ASKED = re.compile(r"\b(racker|raknas|duger) (det|de|dom|detta|timmarna|mina timmar)\b|"
                           r"\bar (det|de|dom) (tillrackligt|nog|for lite)\b|"
                           r"\b(har|kan) jag (jobbat|arbetat) (tillrackligt|nog)\b")
# Folded. Weekly hours told as a figure or a span ("10-15 timmar i veckan", "20 tim/v", "50 %").
_WEEKLY_HOURS = re.compile(r"\b(?P<low>\d{1,2}(?:[.,]5)?)(?: ?(?:-|–|till) ?(?P<high>\d{1,2}(?:[.,]5)?))? ?"
                           r"(?:(?:timmar|tim|h)\b(?: ?(?:i veckan|per vecka|i v\b|/ ?v\w*))?|(?P<pct>%|procent))")


def weekly_hours_told(a: Answer) -> tuple[str, float, float] | None:
    """The weekly hours a message tells, said back and as (lowest, highest): "10-15 tim/v" →
    ("10–15 timmar i veckan", 10, 15). A per cent of full time is said in hours too."""
    found = _WEEKLY_HOURS.search(a.folded)
    if not found:
        return None
    low = float(found.group("low").replace(",", "."))
    high = float((found.group("high") or found.group("low")).replace(",", "."))
    if found.group("pct"):
        low, high = low * FULL_TIME_HOURS / 100, high * FULL_TIME_HOURS / 100
    if not 0 < low <= high <= 80:
        return None
    said = f"{low:g} timmar i veckan" if low == high else f"{low:g}–{high:g} timmar i veckan"
    if found.group("pct"):
        said = f"{found.group(0).replace(' ', '').replace('procent', '')} %, alltså {said}"
    return said, low, high


# Folded. Weekly hours named in an answer to another question of the same job ("heltid, 40 tim"
# at "När började du?"), and the start named at its end or hours ("heltid sen 2018").
_HOURS_CUE = re.compile(r"\b(heltid|halvtid|\d{1,2}(?:[.,]5)? ?(?:timmar|tim|h)\b|\d{1,3} ?(?:%|procent))")
# A time word beside _SAYS_START ("sen 2018", "började i mars", "för 3 år sen"); not an end (_ENDS_HERE).
_WHEN_WORD = re.compile(r"\b(?:19|20)\d{2}\b|-\d{2}\b|\b(?:" + MONTH_WORDS + r")\b|\bar sen\b")


def employment_told_beside(a: Answer, asked: str) -> dict[str, Any]:
    """The hours or start of the job asked about, told in an answer to another of its questions:
    {"employment_hours_per_week": 40.0} from "sen 2018, heltid" at the start question."""
    if a.is_payload or a.is_question:
        return {}
    told: dict[str, Any] = {}
    folded = a.folded
    if asked != "employment_hours_per_week" and _HOURS_CUE.search(folded):
        clauses = [c for c in _clauses(a.text) if _HOURS_CUE.search(fold(c))]
        hours = parse_hours_per_week(clauses[0]) if clauses else None
        if isinstance(hours, (int, float)) and 1 <= hours <= 80:
            told["employment_hours_per_week"] = float(hours)
    if asked != "employment_start" and _SAYS_START.search(folded) and _WHEN_WORD.search(folded) \
            and not _ENDS_HERE.search(folded):
        result = INTERPRETERS["employment_start"](Answer(a.text, None, 0.0, [], a.today, slots=a.slots))
        if isinstance(result, Filled) and result.slots.get("employment_start"):
            told["employment_start"] = result.slots["employment_start"]
    return told


def asks_if_work_enough(a: Answer) -> bool:
    """"jobbat 2 år som timanställd, 10-15 timmar i veckan. räcker det?": one's own work, asked
    about against the work requirement."""
    return a.is_question and bool(_ENOUGH_ASKED.search(a.folded)) and weekly_hours_told(a) is not None


def opening_hours(clause: Answer) -> dict[str, Any]:
    """{"employment_hours_per_week": h} where a story clause says how much the person works."""
    found = _HOURS_TOLD.search(clause.folded) or _HOURS_LISTED.search(clause.folded)
    if not found or _EARLIER.search(clause.folded):
        return {}
    value = parse_hours_per_week(found.group("hours"))
    return {"employment_hours_per_week": value} if value and 1 <= value <= 80 else {}


def opening_start(clause: Answer) -> dict[str, Any]:
    """{"employment_start": iso} where a story clause says since when the person has the job;
    {"employment_start_months": n} where it says how long (counted in opening_slots)."""
    if _EARLIER.search(clause.folded):
        return {}
    lasted = _LASTED.search(clause.folded)
    months = parse_duration_months(lasted.group("length") or lasted.group("there") or lasted.group("hours")
                                   or lasted.group("back") or lasted.group("after")) if lasted else None
    if months and months <= 600:
        return {"employment_start_months": months}
    found = _STARTED_ON.search(clause.folded)
    if not found:
        return {}
    when = re.split(r",|\s+(?:o|och|men|sa|for|eftersom|som)\s+", found.group(1), maxsplit=1)[0]
    if re.fullmatch(r"(\d+|\w+) (ar|manader|manad)( sedan| sen)?|(\d+|\w+) (ar|manader) tillbaka", when):
        return {}  # "sedan 12 år" is a length, read no further
    parsed = parse_date(when, clause.today)
    if parsed is None or parsed.value is None or parsed.value > clause.today or parsed.value.year < 1950:
        return {}
    return {"employment_start": parsed.iso()}


def opening_end(clause: Answer) -> dict[str, Any]:
    """{"employment_end": iso} where a story clause says when the job ends; {} otherwise."""
    found = _ENDS_ON.search(clause.folded)
    if not found or _EARLIER.search(clause.folded):
        return {}
    if re.search(r"\b(mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)\b", found.group(1)):
        return {}  # "slutar på fredag": which Friday is not safe to guess; the question asks
    # The words as typed where folding kept the length (it does for å/ä/ö): "nästa månad".
    text = clause.text if len(clause.text) == len(clause.folded) else clause.folded
    # "tar slut sista dec o jag vet inte …": the date ends where the next thing told begins.
    # Without punctuation ("slutar 31 dec vill plugga …"), the next thing told begins with its verb.
    when = re.split(r"\s+(?:o|och|men|sa|så|for|för|eftersom|vill|ska|skulle|har|jag|ja)\s+", text[found.start(1):],
                    maxsplit=1)[0]
    parsed = parse_date(when, clause.today, allow_ongoing=False, end_of_period=True)
    if parsed is None or parsed.ongoing:
        return {}
    # A job that ends "tar slut" in the future, or ended lately: a date long gone is a misreading.
    if date.fromisoformat(parsed.iso()) < clause.today.replace(day=1) - timedelta(days=366):
        return {}
    return {"employment_end": parsed.iso()}


# Slots where "vet inte" is a real answer: after two misses the bot offers it as a button.
UNKNOWN_ALLOWED = {"special_needs_illness", "employer_sector", "worker_category",
                   "collective_agreement", "role_exclusion", "employment_hours_per_week",
                   "employment_monthly_income", "previous_support", "previous_support_decision_date",
                   "inward_who", "inward_skills", "inward_wants", "outward_options", "forward_goal",
                   "forward_next_step"}
