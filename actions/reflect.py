"""What the bot says back after an answer to the inward questions (who, skills, wants).

A guidance talk is not a form: a good advisor shows that the answer was heard before asking the
next question. The simplest honest way is to say the person's own words back in the second person
("jag är bra på att lösa problem" → "Du är bra på att lösa problem"), which Swedish allows by
swapping pronouns alone, since verbs do not change with the person. Only plain statements about
oneself are mirrored; anything else gets a short thanks, so an odd message is never echoed oddly.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from babel.lists import format_list

from bot.extract import fold
from bot.spelling import DiacriticRestorer

# First person → second person. Swedish verbs are the same for "jag" and "du".
_SWAP = {"jag": "du", "mig": "dig", "mej": "dig", "min": "din", "mitt": "ditt", "mina": "dina"}
_SWAP_RE = re.compile(r"\b(" + "|".join(_SWAP) + r")\b", re.I)
# Words that would be ambiguous after the swap (the message talks to the bot, or to someone).
_SECOND_PERSON = re.compile(r"\b(du|dig|dej|din|ditt|dina|ni|er|era)\b", re.I)
_FILLER = re.compile(r"^\s*((ja|jo|nja|tja|hmm+|mm+|alltså|asså|okej|ok|nä|nej|äh|eh)\b[\s,.!-]*)+", re.I)
# Matched on folded text (no å/ä/ö): "inte bra på nåt", "vet inte riktigt", "ingenting".
_NEGATIVE_SELF = re.compile(r"\binte (sa |sarskilt )?(bra|duktig) pa (nagot|nagont|nat|nagonting|mycket)\b"
                            r"|\b(inget|ingenting|inte mycket|vet inte|ingen aning)\b")
# "stressad", "stressen": heavy; "lugn i stressiga lägen" is a strength and is said back.
_HEAVY = re.compile(r"\b(helt slut|så slut|slutkörd|utbränd|utbrand|orkar|deppig|deprimerad|ångest|angest|mår dåligt|mar daligt|"
                    r"gråter|grater|sjukskriven|stressad|stressade|stressen\b|för mycket stress)", re.I)
# The body worn out by the work ("men ryggen börjar ta slut", "har ont i axlarna"): met as heavy
# words are, since what one can bear is the advisor's to take up too.
_BODY = r"(?:ryggen|axlarna|axeln|knäna|knana|knät|knat|nacken|händerna|handerna|höften|hoften|kroppen|lederna)"
_BODY_WORN = re.compile(rf"\b{_BODY}\s+(?:har\s+)?(?:börjat\s+|borjat\s+|börjar\s+|borjar\s+)?(?:att\s+)?"
                        r"(?:ta slut|tar slut|tagit slut|är slut|ar slut|håller inte|haller inte|hålla|halla|"
                        r"säger ifrån|sager ifran|säga ifrån|saga ifran|funkar inte|krånglar|kranglar)\b|"
                        rf"\bont i {_BODY}|\bförslit|\bforslit|\barbetsskad", re.I)
def _heavy(text: str) -> re.Match[str] | None:
    """Heavy words, or a body worn by the work: met, not echoed."""
    return _HEAVY.search(text) or _BODY_WORN.search(text)


_HEAVY_SAY = "Hur du mår och vad du orkar är viktigt, och det tar rådgivaren med sig."
# Where the clause with the heavy words begins: what comes before it may be said back.
_CLAUSE_END = re.compile(r"[.!?]\s+|,\s*|\s+men\s+|\s+och\s+(?:nu\s+)?(?=(?:jag|nu|sen|det)\b)", re.I)
# Said back without chat's shorthand and trailing hedges: "… med barn kanske" → "… med barn".
_TRAILING_HEDGE = re.compile(r"(,?\s+(kanske|typ|liksom|eller nåt|eller något|eller så|tror jag))+$", re.I)
# Worry is met, not echoed ("lite rädd för att börja om" said back sounds like agreeing).
_WORRY = re.compile(r"\b(rädd|radd|orolig|oroar|oro|nervös|nervos|ängslig|angslig|bävar|bavar|skräms|skrams)\b", re.I)
_WORRY_SAY = ("Tack för att du berättar. Det är vanligt att känna oro när något stort förändras, "
              "och det du har gjort hittills tar du med dig.")
MAX_WORDS = 22
# "vet inte riktigt, …", "ingen aning än. …": not knowing said first, something told after it.
_UNSURE_LEAD = re.compile(r"^\s*(?:(?:nja|hmm+|tja)[\s,.]+)?(?:jag\s+)?(?:vet\s+(?:inte|ej)|ingen\s+aning|"
                          r"(?:är\s+|ar\s+)?(?:osäker|osaker|inte säker|inte saker))(?:\s+(?:riktigt|än|an|alls|"
                          r"säkert|sakert|heller|egentligen))*[\s,.!-]+(?:men\s+)?(?:kanske\s+|typ\s+)?", re.I)
# "kanske vården, vet inte riktigt": the same, with not knowing said last.
_UNSURE_TAIL = re.compile(r"[\s,.!-]+(?:men\s+)?(?:jag\s+)?(?:vet\s+(?:inte|ej)|ingen\s+aning|(?:är\s+|ar\s+)?(?:osäker|osaker))"
                          r"(?:\s+(?:riktigt|än|an|alls|säkert|sakert|egentligen))*[\s.!?]*$", re.I)
_HEDGE_LEAD = re.compile(r"^\s*(?:(?:kanske|typ|nja|hmm+|tja)[\s,.]+)+", re.I)
# Folded text. Not knowing yet is met as such, not echoed.
_UNSURE = re.compile(r"\b(vet (inte|ej)|ingen aning|inte tankt pa|osaker)\b")
# An answer to "vad vill du" is said back only when it says a want.
_WANTING = re.compile(r"\b(vill|gillar|tycker|trivs|drommer|langtar|onskar|skulle|hoppas|brinner|alskar)\b")
# A statement without its "jag": a supine takes "har" ("jobbat i tio år" → "har jobbat").
_DROPPED_HAR = re.compile(r"(jobbat|arbetat|varit|haft|pluggat|studerat|kört|lett|byggt|lärt mig|sålt|gjort|skött|"
                          r"drivit|hjälpt|lagat|städat|undervisat|tagit hand om|hållit på|svetsat|snickrat|"
                          r"målat|programmerat|skrivit|packat|plockat|vårdat|ansvarat)\b", re.I)
# "bra på att lösa problem": "är" dropped before an adjective about oneself.
_DROPPED_AR = re.compile(r"(bra|duktig|grym|van|intresserad|nyfiken|noggrann|social|lugn|praktisk|envis|"
                         r"strukturerad|kreativ|flexibel|snabb|stark|punktlig|pålitlig|ansvarsfull|tålmodig|"
                         r"stresstålig|självgående|hjälpsam|effektiv|positiv|ärlig)(?=\s+(?:på|med|i|och|att|när|inom)\b|\s*,)",
                         re.I)
# "snickare i 25 år", "montör sedan 2004": an occupation with its time says what one has worked as.
_OCCUPATION_TIME = re.compile(r"(\w{3,}(?:are|erska|ör|ist|log|iker|ant|ent|man|chef|biträde|sköterska|"
                              r"pedagog|ekonom|konsult))(\s+(?:i|sedan|sen)\s+\S+(?:\s+år)?\b.*)$", re.I)
_DROPPED = re.compile(r"(är|har|kan|jobbar|arbetar|jobbade|arbetade|var|vill|gillar|tycker|trivs|"
                      r"älskar|brinner)\s", re.I)

_AFTER_MIRROR = {
    "inward_who": "Tack för att du berättar.",
    "inward_skills": "Det tar du med dig, vart du än går.",
    "inward_wants": "Det är en bra utgångspunkt när vi tittar på yrken och utbildningar.",
}
_PLAIN = {
    "inward_who": "Tack för att du berättar.",
    "inward_skills": "Tack! Det du kan tar du med dig, vart du än går.",
    "inward_wants": "Tack, det tar jag med mig.",
}
NOT_YET = "Det går bra. Det kan du och rådgivaren ta reda på tillsammans."
# "folk säger att jag är bra på att lyssna", "kollegorna brukar säga att jag är lugn": as others see it.
_OTHERS_SAY = re.compile(r"\b(?:folk|andra|kollegor(?:na)?|chefen|min chef|vänner(?:na)?|kompisar(?:na)?|"
                         r"familjen|alla)\s+(?:säger|brukar säga|tycker|menar|har sagt)\s+att\s+jag\s+är\s+"
                         r"(?P<what>[^.,!?;]+)", re.I)
# "folk frågar mig om råd när de ska renovera": what others come for is a strength too (said back
# as "Folk frågar dig om råd …").
_OTHERS_ASK = re.compile(r"^(?P<who>folk|andra|kollegor(?:na)?|grannar(?:na)?|vänner(?:na)?|kompisar(?:na)?|"
                         r"familjen|alla)\s+(?P<verb>(?:brukar\s+)?(?:frågar|fragar|fråga|ber|be|ringer|ringa|"
                         r"(?:kommer|komma)(?:\s+ofta|\s+alltid)?\s+till))\s+"
                         r"(?:mig|mej)\s+(?P<rest>[^?;]{3,80})$", re.I)
_MODEST = ("Många har svårt att se sina egna styrkor, och det är helt vanligt. Rådgivaren kan "
           "hjälpa dig att hitta dem.")


# Outward and forward answers are heard; said back only where their words stand out clearly (the
# options named, parsing.options_listed; a step begun with a verb, _step_said).
_HEARD = {
    "outward_options": "Tack, det tar jag med mig.",
    "forward_next_step": "Bra! Ett litet steg räcker för att komma i gång.",
}
OPTIONS_HEARD = _HEARD["outward_options"]  # replaced by the options themselves where they stand out
# Folded. Rest or recovery as the first step ("vila först", "bli frisk"): met as the sound step it is.
_RECOVERY = re.compile(r"\b(vila|vilar|ta hand om mig|aterhamt\w*|bli frisk\w*|ma battre|"
                       r"ta det lugnt|landa|sova|rehab\w*|sjukskriv\w*)\b")
_RECOVERY_SAY = ("Att ta hand om dig och återhämta dig först är ett klokt första steg. Rådgivaren kan ta "
                 "resten i din takt.")
# Folded. No CV, or no job sought in years, told where a first step is asked: the step is offered.
_NO_CV = re.compile(r"\b(har |haft )?(inget|inte (nagot|nat|ett)|aldrig (haft|skrivit|gjort) (nagot |nat |ett )?)"
                    r"\s*(cv|personligt brev)\b|\b(har inte|inte) (sokt|soka) (nagot |nat |ett )?(jobb|arbete)\b|"
                    r"\bvet inte hur (man|jag) (soker|ska soka|skriver)\b")
# Folded. No step yet where a first step is asked: "nej inget just nu", "nä har ingen aning", "inget",
# "orkar inte just nu" (a step named after it, "nej men kanske ringa komvux", is still a step).
_NO_STEP = re.compile(r"^(nej|nae|na|nja|inget|ingenting|ingen aning|har ingen|orkar inte|vet inte|vet ej)\b")
_NO_CV_SAY = ("Det är vanligt när man har varit länge på samma jobb. Att skriva ett CV kan vara ett bra första "
              "steg, och det kan rådgivaren hjälpa dig med.")
_INWARD_WANTS_CALM = re.compile(r"\b(lugn\w*|deltid|mindre stress\w*|lagre tempo|i min takt)\b")
# "jobba med människor" to "Vad skulle du vilja göra?": the want without its "jag vill".
_WANT_INFINITIVE = re.compile(r"(jobba|arbeta|plugga|studera|hjälpa|göra|syssla|hålla på|ha|bli|testa|prova|"
                              r"byta|starta|hitta|komma|få|leda|skapa|bygga|undervisa|ta hand om|tjäna|slippa|"
                              r"kunna|känna|utvecklas|lära mig|vara)\b", re.I)
_CALM_SAY = "Tack. Att hitta något som passar din ork är viktigt, och det tar rådgivaren med sig."
# "nåt där jag inte behöver lyfta", "något med djur": a want said as the kind of work, without "jag vill".
_SOMETHING = re.compile(r"^(?:nåt|nått|något|nagot|nat|ett jobb|ett arbete|jobb|arbete)\s+"
                        r"(?=(?:där|dar|som|med|inom|utan|i|på|pa)\b)", re.I)
# "viktigt att jag inte sliter ut kroppen mer": what matters now, the second half of "Berätta om dig".
_IMPORTANT = re.compile(r"^(?:(?:och|men)\s+)?(?:(?:just\s+)?nu\s+)?(?:(?:det\s+(?:är|ar)|(?:är|ar)\s+det)\s+)?(?:viktigt|viktigast|det viktigaste)"
                        r"(?:\s+(?:för|for)\s+(?:mig|mej)|\s+nu|\s+just nu)*(?:\s+(?:är|ar)(?:\s+det)?)?\s+att\s+(?P<what>.+)$", re.I)
# "viktigt nu är lugn och att få jobba i min takt": what matters said as a noun, after "är".
_IMPORTANT_NOUN = re.compile(r"^(?:(?:och|men)\s+)?(?:(?:just\s+)?nu\s+)?(?:det\s+)?(?:viktigt|viktigast|viktigaste)"
                             r"(?:\s+(?:för|for)\s+(?:mig|mej)|\s+nu|\s+just nu)*\s+(?:är|ar)\s+(?!att\b|det\b)"
                             r"(?P<what>\w.+)$", re.I)
# "viktigt med schyssta kollegor o att det e fast", "bra kollegor är viktigt för mig": what matters
# said with "med", or before "är viktigt".
_IMPORTANT_WITH = re.compile(r"^(?:(?:och|men)\s+)?(?:(?:det\s+)?(?:är|ar|e)\s+)?(?:viktigt|viktigast)"
                             r"(?:\s+(?:för|for)\s+(?:mig|mej))?\s+med\s+(?P<what>\w.+)$", re.I)
_IMPORTANT_AFTER = re.compile(r"^(?:(?:och|men)\s+)?(?P<what>\w[^,]+?)\s+(?:är|ar|e)\s+(?:det\s+)?(?:viktigt|viktigast)"
                              r"\s+(?:för|for)\s+(?:mig|mej)$", re.I)
# A list of what one is, ending in what one can ("noggrann, snabb, kan lite om kemikalier"): "och" before it.
_LAST_ITEM_VERB = re.compile(r", (?=(?:kan|har|gillar|älskar|tycker|brinner|trivs)\b)(?!.*, )", re.I)
_NOT_YET_BY_SLOT = {
    "forward_next_step": "Det är helt okej. Ett första steg kan du och rådgivaren hitta tillsammans.",
}
# Folded. What is left of "vet inte riktigt faktiskt" once the not knowing is taken away: nothing.
_HEDGES = re.compile(r"\b(vet (inte|ej)|ingen aning|inte tankt pa|osaker|faktiskt|riktigt|an(nu)?|just nu|"
                     r"alls|typ|kanske|ja|nej|nja|hmm+|mm+|asså|alltsa|arligt talat|jag|nagot|nat|pa det)\b")


# "… i tolv år, bra på att prata med folk": a strength added after a comma, its "är" dropped.
_COMMA_STRENGTH = re.compile(r",\s+(?=(?:bra|duktig|grym|van|noggrann|social|lugn|praktisk|strukturerad|kreativ)"
                             r"\s+(?:på|pa|med|i)\b)", re.I)
# A clause of the story that answers the next inward questions: what one is good at, what one wants.
# At the clause's start or after its "och"/"men": "bra på att lyssna", "… och är bra på att lyssna".
_STRENGTH_CLAUSE = re.compile(r"(?:^|\b(?:och|men)\s+)(?:jag\s+)?(?:är\s+|ar\s+)?(?:ganska\s+|rätt\s+|ratt\s+|"
                              r"väldigt\s+|valdigt\s+)?(?P<what>(?:bra|duktig|grym)\s+(?:på|pa)\s+\S.*)$", re.I)
_WANT_CLAUSE = re.compile(r"(?:^|\b(?:och|men|nu)\s+)(?:jag\s+)?(?P<what>(?:vill|skulle vilja|önskar|onskar|"
                          r"drömmer om|drommer om)\s+(?:ha|jobba|arbeta|bli|hitta|göra|gora|syssla|plugga|studera|"
                          r"hålla på|halla pa|ett|något|nåt|nagot|nat)\b.*)$", re.I)


# Folded. What one can do, told beside a want: "vill använda att jag kan svetsa".
_ABILITY = re.compile(r"\b(kan|kunnat|klarar|duktig|bra pa|van vid|erfaren|erfarenhet|lart mig)\b")


# A clause telling what one likes: "jag gillar ordning", "trivs med kunderna".
_LIKED_CLAUSE = re.compile(r"^(?:jag\s+)?(?:gillar|tycker om|trivs med|trivs bäst med|trivs bast med|älskar|alskar|"
                           r"uppskattar)\s+\S", re.I)


def _story_clauses(text: str) -> list[str]:
    return [c.strip(" .!…") for c in re.split(r"(?<=[.!?])\s+|\n|,\s+", text.strip()) if c.strip(" .!…")]


def told_in_story(text: str) -> dict[str, str]:
    """The strengths and wants told in the answer to "Berätta om dig", as the person wrote them,
    so that the questions that ask for them are not asked again: {"inward_skills": "bra på att
    prata med folk", "inward_wants": "vill ha ett jobb där jag inte jagar siffror"}. A question,
    a hedge ("vet inte vad jag vill") or a negation ("inte bra på något") tells neither."""
    told: dict[str, str] = {}
    for clause in _story_clauses(_FILLER.sub("", text)):
        if "?" in clause or _UNSURE.search(fold(clause)) or _NEGATIVE_SELF.search(fold(clause)):
            continue
        strength, want = _STRENGTH_CLAUSE.search(clause), _WANT_CLAUSE.search(clause)
        if "inward_skills" not in told and strength:
            # "bra på att prata med folk men hatar att jaga provision": the strength, not the "men"
            told["inward_skills"] = re.split(r"\s+men\s+", strength.group("what"), maxsplit=1)[0]
        elif "inward_wants" not in told and want:
            told["inward_wants"] = want.group("what")
    return told


def only_a_want(text: str) -> bool:
    """"jag vill jobba med människor men inte skift": a want, and nothing one is good at."""
    clauses = _story_clauses(_FILLER.sub("", text))
    return bool(clauses) and bool(_WANT_CLAUSE.match(clauses[0])) \
        and not any(_STRENGTH_CLAUSE.search(c) for c in clauses) and not _ABILITY.search(fold(text))


def said_back(clause: str, said: str | None) -> bool:
    """Whether a reflection says the clause back (in the second person): only what was said back
    is taken as answered, so nothing is skipped that the person did not see was heard."""
    # Folded: the reflection may have put back the å/ä/ö the clause was typed without.
    return bool(said) and fold(_SWAP_RE.sub(lambda m: _SWAP[m.group(1).lower()], clause)) in fold(str(said))


def _written_and(text: str) -> str:
    """`text` without a trailing hedge, its chat "o" written "och"."""
    return re.sub(r"\s+o\s+", " och ", _TRAILING_HEDGE.sub("", text))


def mirror(text: str) -> str | None:
    """The first sentence in the second person, or None when it is not a plain statement that
    begins with "jag" (after fillers such as "ja," or "hmm"), or is too long to say back."""
    sentence = re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0]
    sentence = _FILLER.sub("", sentence).strip().rstrip(".!… ")
    # Chat drops the subject: "jobbat som elevassistent i 3 år", "är bra på att lyssna".
    if _DROPPED_HAR.match(sentence):
        sentence = "jag har " + sentence
    elif _DROPPED.match(sentence):
        sentence = "jag " + sentence
    elif _DROPPED_AR.match(sentence):
        sentence = "jag är " + sentence
    elif _OCCUPATION_TIME.match(sentence):
        sentence = "jag har jobbat som " + sentence
    if "?" in sentence or not re.match(r"jag\b", sentence, re.I) or _SECOND_PERSON.search(sentence):
        return None
    if len(sentence.split()) > MAX_WORDS or re.search(r"[:;()\"/]|\d{6}", sentence):
        return None
    sentence = _written_and(sentence)
    if sentence.count(", jag ") == 1 and " och " not in sentence:
        # "jag har jobbat i vården, jag tycker om att hjälpa folk": one sentence, not a comma splice
        sentence = sentence.replace(", jag ", " och ", 1)
    if " och " not in sentence.rsplit(", ", 1)[0]:  # "…, gillar ordning och reda": that "och" is inside an item
        sentence = _LAST_ITEM_VERB.sub(" och ", sentence)
    else:  # "på lager och i butik, gillar …": a new clause, "…, och du gillar …"
        sentence = _LAST_ITEM_VERB.sub(", och jag ", sentence)
    if not re.match(r"jag (är|ar)\b", sentence, re.I):  # in "jag är noggrann, bra med folk" the "är" is there
        sentence = _COMMA_STRENGTH.sub(" och är ", sentence, count=1)
    swapped = _SWAP_RE.sub(lambda m: _SWAP[m.group(1).lower()], sentence)
    return swapped[0].upper() + swapped[1:]


# Verbs a strength is often given with, bare ("laga mat, organisera"): "att" goes before them.
_SKILL_VERBS = re.compile(r"^(laga|organisera|planera|lyssna|prata|sälja|salja|räkna|rakna|skriva|leda|lösa|losa|"
                          r"ta|hjälpa|hjalpa|lära|lara|undervisa|bygga|fixa|städa|stada|köra|kora|baka|sy|måla|mala|"
                          r"rita|programmera|ordna|strukturera|samarbeta|förklara|forklara|trösta|trosta|lugna|"
                          r"peppa|motivera|analysera|hantera|administrera|kommunicera|coacha|stötta|stotta|vårda|"
                          r"varda|hålla|halla|få|fa|se|skapa|sortera|packa|svetsa|snickra|reparera|felsöka|felsoka)\b",
                          re.I)
# Words that make an answer more than a list of strengths (a clause of its own, someone else).
_NOT_A_LIST = re.compile(r"\b(jag|mig|mej|min|mitt|mina|man|de|dom|dem|vi|oss|han|hon|hen|är|ar|har|kan|vet|inte|"
                         r"nog|kanske|typ|tror|brukar|säger|sager|tycker)\b|[?\d]", re.I)


# Folded or not: what one has rather than is good at ("medicinsk kunskap", "truckkort", "lång erfarenhet av lager").
_HAD_SKILL = re.compile(r"(kunskap|kunskaper|erfarenhet|erfarenheter|kunnande|körkort|korkort|truckkort|\w+kort|"
                        r"behörighet|behorighet|legitimation|utbildning)\b", re.I)


# What one is, in a list of what one is good at ("truck, snabb, noggrann"): said as "snabb", not "bra på snabb".
_TRAIT = re.compile(r"(?:mycket |väldigt |ganska |rätt |super)?(noggrann|noga|snabb|stark|lugn|flexibel|punktlig|"
                    r"social|pålitlig|ansvarsfull|strukturerad|tålmodig|driven|effektiv|serviceinriktad|positiv|"
                    r"glad|ärlig|envis|kreativ|praktisk|organiserad|lojal|lyhörd|empatisk|trygg|stresstålig|"
                    r"självgående|nyfiken|kommunikativ|ordningsam|hjälpsam|omtänksam|prestigelös|"
                    r"lösningsorienterad|målmedveten|händig|pedagogisk|noggrann av mig)", re.I)


def _skills_phrase(text: str) -> str | None:
    """What follows "Du är" for a short list answering "Vad är du bra på?": "snabb, noggrann och bra
    på truck" from "truck, snabb, noggrann"; None where _skills_listed finds no list."""
    listed = _skills_listed(text)
    if listed is None:
        return None
    body = _FILLER.sub("", text).strip(" .!")
    items = [item.strip() for item in re.split(r",\s+(?:och\s+)?|\s+och\s+", body) if item.strip()]
    traits = [item.lower() for item in items if _TRAIT.fullmatch(item)]
    if not traits:
        return f"bra på {listed}"
    rest = [item for item in items if not _TRAIT.fullmatch(item)]
    skills = _skills_listed(", ".join(rest)) if rest else None
    return format_list(traits + ([f"bra på {skills}"] if skills else []), locale="sv")


def _skills_listed(text: str) -> str | None:
    """"laga mat, organisera, hålla ordning" to "Vad är du bra på?": "att laga mat, organisera och
    hålla ordning"; "excel och siffror" as it is. None for anything more than a short list."""
    body = _FILLER.sub("", text).strip(" .!")
    if not body or len(body.split()) > 12 or _NOT_A_LIST.search(body):
        return None
    body = re.sub(r",\s+(och|eller)\s", r" \1 ", body[0].lower() + body[1:])  # "folk, och ordning"
    items = [item.strip() for item in re.split(r",\s+|\s+och\s+", body) if item.strip()]
    has = [item for item in items if _HAD_SKILL.search(item)]
    if has and len(has) < len(items) and _SKILL_VERBS.match(re.sub(r"^att\s+", "", items[0])):
        # "att lugna folk, prioritera, medicinsk kunskap": what one knows is had, not "bra på".
        done = [item for item in items if item not in has]
        return f"{_skills_listed(', '.join(done))}, och du har {format_list(has, locale='sv')}"
    if ", " in body and " och " not in body.rsplit(", ", 1)[1]:
        # "planera och leda aktiviteter, prata med föräldrar": the last comma is the list's "och"
        body = " och ".join(body.rsplit(", ", 1))
    return f"att {body}" if _SKILL_VERBS.match(body) else body


# An answer to "vad har du tyckt om i jobbet?" that is no liking: not said back as one.
_NOT_LIKED = re.compile(r"^\s*(inget|ingenting|inte|nej|nja|vet|ingen|alltså|hmm|jag|det var|det är)\b"
                        # "nu är det svårt", "idag känns allt tungt": a clause about now, not a thing liked
                        r"|^\s*(nu|just nu|idag|i dag|numera|tyvärr|tyvarr|sen|sedan)\b"
                        r"|\b(är|ar|var|blir|blev|känns|kanns|kändes|kandes)\s+(det|den|allt|jag|man)\b", re.I)


def _liked(text: str) -> str | None:
    """"mötena med kunderna, att få folk att känna sig fina" to "vad har du tyckt om i jobbet?":
    "Du har tyckt om mötena med kunderna och att få folk att känna sig fina", with what matters
    said after it. None where the answer is not a thing liked."""
    found = important(text)
    body = text.replace(found[1], "") if found and found[1] in text else text
    body = _FILLER.sub("", body).strip(" ,.!")
    if not body or "?" in body or _NOT_LIKED.match(body) or _DROPPED_HAR.match(body) or _DROPPED.match(body):
        return None
    if re.match(r"att jag (är|ar|kan)\b", body, re.I):
        # "att jag är bra med barn och tålmodig": who one is, not a thing liked ("Du är bra med barn …")
        said = mirror(body[4:])
        return f"{said}." + (f" {found[0]}" if found else "") + " Tack för att du berättar." if said else None
    if _WANT_INFINITIVE.match(body) or _STEP_VERB.match(body):
        body = f"att {body}"  # "jobba med händerna": "tyckt om att jobba med händerna"
    said = mirror("jag har tyckt om " + body)
    if said is None:
        return None
    if " och " not in said and ", att " in said:
        said = " och att ".join(said.rsplit(", att ", 1))
    return f"{said}." + (f" {found[0]}" if found else "") + " Tack för att du berättar."


# Said back, "nat dar jag far anvanda mina kunskaper" would read as the bot's own bad spelling:
# a message typed without å/ä/ö is said back with them (bot/spelling.py, the NLU's restorer),
# with the few words where the common choice is wrong in a story fixed by their neighbours.
_YEARS_TYPED = re.compile(r"\b(\d+|ett|tva|två|tre|fyra|fem|sex|sju|atta|åtta|nio|tio|elva|tolv|tjugo|trettio|"
                          r"fyrtio|manga|många|flera|nagra|några|par) ar\b", re.I)
_FATHER = re.compile(r"\b(min|din|sin|hans|hennes|er|var|vår|deras|och) far\b", re.I)


@lru_cache(maxsize=1)
def _restorer() -> DiacriticRestorer:
    return DiacriticRestorer()


def warm_up() -> None:
    """Loads wordfreq's lists (about a second) in the background, not during someone's first answer."""
    from bot.language import warm
    threading.Thread(target=lambda: (_restorer(), warm()), daemon=True).start()


def spelled(text: str) -> str:
    """`text` with å/ä/ö put back, if it has none at all (one written with them is left as written).
    The restorer keeps every character's position, so a kept word is copied back in place."""
    if re.search(r"[åäöÅÄÖ]", text):
        return text
    text = _YEARS_TYPED.sub(lambda m: f"{m.group(1)} år", text)
    restored = _restorer().restore(text)
    for kept in _FATHER.finditer(text):  # "min far": the father, not "får"
        restored = restored[:kept.end() - 3] + text[kept.end() - 3:kept.end()] + restored[kept.end():]
    return restored


def reflection(slot: str, text: str, *, not_yet: bool = False, liked: bool = False) -> str | None:
    """What to say after an answer to `slot`, or None for the questions that are not reflected.
    `liked`: the answer is to "vad har du tyckt om i jobbet?" (the work was told before), so words
    without a verb ("mötena med kunderna") are what was liked, where nothing else was said back."""
    text = spelled(text)
    heard = _reflection(slot, text, not_yet=not_yet)
    if liked and slot == "inward_who" and heard is not None \
            and (heard == _PLAIN["inward_who"] or heard.startswith("Att ")):
        return _liked(text) or heard
    return heard


def _reflection(slot: str, text: str, *, not_yet: bool = False) -> str | None:
    if slot in _HEARD:
        # "vet inte, kanske vården?" names something after all: heard, not met as not knowing.
        said = "" if text.startswith("/") else re.sub(r"[\W\d_]+", "", _HEDGES.sub("", fold(text)))
        if said and slot == "forward_next_step" and _RECOVERY.search(fold(text)):
            return _RECOVERY_SAY
        if said and slot == "forward_next_step" and _NO_CV.search(fold(text)) and not _step_said(text):
            return _NO_CV_SAY
        if said and slot == "forward_next_step" and _NO_STEP.match(fold(text)) and not _step_said(text) \
                and not _study_routes(text):
            return _NOT_YET_BY_SLOT[slot]
        if said and slot == "forward_next_step" and (step := _step_said(text)):
            return f"Att {step} låter som ett bra första steg."
        if said and slot == "forward_next_step" and (routes := _study_routes(text)):
            # "komvux kanske, eller yh": where to study, not yet a step; the step it suggests, said.
            return (f"Då kan ett första steg vara att läsa om utbildningarna på {format_list(routes, locale='sv')}: "
                    f"vad de leder till och när du kan söka. Rådgivaren kan hjälpa dig att jämföra dem.")
        return _HEARD[slot] if said else _NOT_YET_BY_SLOT.get(slot, NOT_YET)
    if slot not in _AFTER_MIRROR:
        return None
    others = _OTHERS_SAY.search(text) if slot == "inward_skills" else None
    if others and len(others.group("what").split()) <= 12:
        # "vet inte, folk säger att jag är bra på att lyssna": a strength others see is one.
        what = _SWAP_RE.sub(lambda m: _SWAP[m.group(1).lower()], others.group("what").strip(" .!"))
        return f"Andra ser att du är {what} – det tar du med dig, vart du än går."
    rest = _UNSURE_LEAD.sub("", text, count=1)
    if rest == text and _UNSURE_TAIL.search(text):
        rest = _HEDGE_LEAD.sub("", _UNSURE_TAIL.sub("", text))
    if rest != text and len(rest.split()) >= 2 and not _UNSURE.search(fold(rest)) \
            and (heard := _reflection(slot, rest)) not in (None, _PLAIN[slot], _MODEST):
        # "vet inte riktigt, nåt med människor men lugnare": not sure, and yet a direction.
        return heard if slot == "inward_who" else f"Du är inte helt säker än, och det är okej. {heard}"
    if slot == "inward_skills" and (not_yet or _NEGATIVE_SELF.search(fold(text))):
        return _MODEST
    if not_yet or _UNSURE.search(fold(text)):
        return NOT_YET
    heavy = _heavy(text)
    if heavy and slot == "inward_who":
        # Heavy words are not echoed (they are the advisor's to take up), but they are met; what
        # was told before them ("har jobbat i vården hela livet, …, men jag orkar inte …") is said back.
        ends = [m.start() for m in _CLAUSE_END.finditer(text[:heavy.start()])]
        head = text[:ends[-1]].strip(" ,.") if ends else ""
        said = _reflection(slot, head) if len(head.split()) >= 2 and not _heavy(head) else None
        if said and said.endswith(_PLAIN[slot]) and said != _PLAIN[slot]:
            return f"{said[:-len(_PLAIN[slot])].strip()} {_HEAVY_SAY}"
        return f"{_PLAIN[slot]} {_HEAVY_SAY}"
    if heavy:
        return _PLAIN["inward_who"]  # not echoed back: heavy words are the advisor's to take up
    if _WORRY.search(text):
        return _WORRY_SAY
    said = mirror(text)
    bare = _FILLER.sub("", text).strip()
    if said is None and slot == "inward_wants" and _WANT_INFINITIVE.match(bare):
        said = mirror("jag vill " + bare)
    if said is None and slot == "inward_wants" and _SOMETHING.match(bare):
        # "Något där du inte behöver lyfta – det är …": the kind of work as said, without a verb.
        # mirror() does the checks and the pronoun swap; its leading "Du " is dropped again.
        kind = mirror("jag " + _SOMETHING.sub(lambda m: "något " if m.group(0).lower().startswith("n") else m.group(0),
                                              bare))
        if kind and _WANTING.search(fold(kind)) is None:
            return f"{kind[3].upper()}{kind[4:]} – {_AFTER_MIRROR[slot][0].lower()}{_AFTER_MIRROR[slot][1:]}"
    if said is None and slot == "inward_who":
        # A story too long to say back whole: its first clause, if that is a plain statement
        # ("jag har jobbat som undersköterska i 15 år, jag är bra på …").
        said = mirror(_story_clauses(_FILLER.sub("", text))[0]) if _story_clauses(text) else None
    if said is None and slot == "inward_who":
        # "lager mest, plockat o kört truck. gillar att röra på mig": a fragment first, then a
        # plain statement, which is said back.
        said = next((found for sentence in re.split(r"(?<=[.!?])\s+|\n", text.strip())[1:3]
                     if (found := mirror(sentence))), None)
    if slot == "inward_who" and said:
        # "…, bra på att prata med folk. vill ha ett jobb där …": the strength and the want said
        # back too, since the questions for them are not asked.
        extras = [found for key, clause in told_in_story(text).items()
                  if not said_back(clause, said)
                  and (found := mirror(f"jag är {clause}" if key == "inward_skills" else clause))]
        # "… jag gillar ordning och att prata med kunder": what was liked, which answers what matters
        liked = next((clause for clause in _story_clauses(_FILLER.sub("", text))
                      if _LIKED_CLAUSE.match(clause) and "?" not in clause
                      # "… och tycker om …": said back already, joined without its "du"
                      and not said_back(re.sub(r"^jag\s+", "", clause, flags=re.I), said)), None)
        if liked and (found := mirror(liked)) and not any(said_back(liked, extra) for extra in extras):
            extras.append(found)
        if extras:
            return f"{_and_then(said, extras)} Tack för att du berättar."
    if slot == "inward_who" and (found := important(text)):
        matters, clause = found
        said = mirror(text.replace(clause, "").strip(" ,")) if clause in text else said
        return f"{said}. {matters}" if said else f"{matters[4].upper()}{matters[5:]} Tack för att du berättar."
    if said is None and slot == "inward_wants" and _INWARD_WANTS_CALM.search(fold(text)):
        return _CALM_SAY  # "nåt lugnare, kanske deltid i början": a pace, heard as one
    if said is None and slot == "inward_skills":
        # "snickra, läsa ritningar. folk frågar mig om råd": the list, and what follows it.
        first, *later = re.split(r"(?<=[.!?])\s+|\n", text.strip())
        skills = _skills_phrase(first)
        if skills:
            also = [found for sentence in later[:2] if (found := mirror(sentence) or _others_ask(sentence))]
            told = _and_then(f"Du är {skills}", also).rstrip(".") if also else f"Du är {skills}"
            return f"{told} – {_AFTER_MIRROR[slot].lower()}"
        if not later and (others_ask := _others_ask(first)):
            return f"{others_ask} – {_AFTER_MIRROR[slot].lower()}"
    if said is None or (slot == "inward_wants" and not _WANTING.search(fold(said))):
        return _PLAIN[slot]
    if slot == "inward_skills":
        # "… folk litar på mig. kan köra lastbil också, har C-körkort": the later strengths too,
        # a licence or a trade being what the outward questions build on.
        later = [found for sentence in re.split(r"(?<=[.!?])\s+|\n", text.strip())[1:3]
                 if (found := mirror(sentence))]
        if later:
            said = _and_then(said, later).rstrip(".")
        return f"{said} – {_AFTER_MIRROR[slot].lower()}"
    return f"{said}. {_AFTER_MIRROR[slot]}"


# A first step as people write it: "kanske prata med en kompis som kör buss", "jag ska ringa facket".
_STEP_LEAD = re.compile(r"^(?:(?:nej|nä|nja|men|kanske|typ|nog|jag|ska|kan|tänker|tanker|skulle|vill|kunna|först|forst|att|"
                        r"väl|val|börja med att|borja med att)\s+)+", re.I)
_STEP_VERB = re.compile(r"^(prata|ringa|läsa|lasa|uppdatera|skriva|söka|soka|kolla|titta|fråga|fraga|gå|ga|anmäla|"
                        r"anmala|besöka|besoka|boka|kontakta|träffa|traffa|undersöka|undersoka|googla|höra|hora|"
                        r"mejla|maila|testa|prova|göra|gora|ta reda på|ta reda pa|lära|lara|plugga|studera)\b", re.I)


def _others_ask(sentence: str) -> str | None:
    """"folk frågar mig om råd när de ska renovera" → "Folk frågar dig om råd när de ska renovera"."""
    found = _OTHERS_ASK.match(_FILLER.sub("", sentence).strip().rstrip(".! "))
    if not found or _SECOND_PERSON.search(found.group("rest")):
        return None
    rest = _SWAP_RE.sub(lambda m: _SWAP[m.group(1).lower()], found.group("rest"))
    return f"{found.group('who').capitalize()} {found.group('verb').lower()} dig {rest}"


def step_told(text: str) -> bool:
    """"ringa komvux", "kanske uppdatera mitt cv": a step begun with a verb, not "har inget cv"."""
    return _step_said(text) is not None


# Folded. Where one may study, named as the step: "komvux kanske, eller yh".
_STUDY_ROUTES = (("komvux", r"komvux|vuxenutbildning\w*"), ("yrkeshögskolan", r"yh|yrkeshogskola\w*"),
                 ("folkhögskolan", r"folkhogskola\w*"), ("högskolan", r"hogskola\w*|hogskolor\w*|universitet\w*|uni"))


def _study_routes(text: str) -> list[str]:
    """["komvux", "yrkeshögskolan"] for a short answer that names where to study, in its order."""
    folded = fold(text)
    if len(folded.split()) > 10 or "?" in text:
        return []
    found = [(m.start(), name) for name, pattern in _STUDY_ROUTES if (m := re.search(rf"\b({pattern})\b", folded))]
    return [name for _, name in sorted(found)]


def _step_said(text: str) -> str | None:
    """"kanske prata med en kompis som kör buss" → "prata med en kompis som kör buss", to say back;
    None for anything that is not a short step begun with a verb."""
    body = _FILLER.sub("", text.strip()).strip(" .!")
    if "?" in body or re.search(r"[.!\n]", body):
        return None
    body = _TRAILING_HEDGE.sub("", _STEP_LEAD.sub("", body))  # "ringa komvux kanske": not the "kanske"
    first, *after = re.split(r",\s*", body)
    steps = [first]
    for part in after:  # "göra ett cv, har inget": the step, not what follows it; "ringa X, kolla Y": both
        part = _STEP_LEAD.sub("", re.sub(r"^(?:och|sen|sedan|och sen|och sedan)\s+", "", part, flags=re.I))
        if not _STEP_VERB.match(part):
            break
        steps.append(part)
    body = " och ".join([", ".join(steps[:-1]), steps[-1]]) if len(steps) > 1 else first
    if not _STEP_VERB.match(body) or len(first.split()) > 10 or len(body.split()) > 18 \
            or re.search(r"\b(inte|ej|aldrig)\b", body, re.I):
        return None
    swapped = _SWAP_RE.sub(lambda m: _SWAP[m.group(1).lower()], body)
    swapped = re.sub(r"\b(cv|yh|af|csn)\b", lambda m: m.group(1).upper(), swapped)  # as written: "ett CV"
    return swapped[0].lower() + swapped[1:]


def _and_then(said: str, extras: list[str]) -> str:
    """"Du har jobbat som kock i 15 år och är bra på …. Och du vill …": what was said back, with
    the strength or want of the same story, in one sentence where it stays short."""
    out = said
    for extra in extras:
        joined = f"{out} och {extra[3:]}"
        if " och " not in out and extra.startswith("Du ") and len(joined.split()) <= 2 * MAX_WORDS:
            out = joined
        else:
            out = f"{out}. Och {extra[0].lower()}{extra[1:]}"
    return f"{out}."


def important(text: str) -> tuple[str, str] | None:
    """"viktigt att jag inte sliter ut kroppen mer", in any sentence, said back as
    "Och att du inte sliter ut kroppen mer är viktigt för dig.", with the clause it was read from
    (None when not said, or too odd to say back)."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n|,\s*(?=(?:(?:och|men)\s+)?(?:(?:just\s+)?nu\s+)?"
                            r"(?:(?:det\s+(?:är|ar)|(?:är|ar)\s+det|det)\s+)?viktig)", text.strip()):
        plain = _FILLER.sub("", sentence).strip().rstrip(".!… ")
        found = _IMPORTANT.match(plain)
        noun = None if found else _IMPORTANT_NOUN.match(plain) or _IMPORTANT_AFTER.match(plain)
        with_ = None if found or noun else _IMPORTANT_WITH.match(plain)
        if not (found or noun or with_):
            continue
        what = (found or noun or with_).group("what")
        if "?" in what or _SECOND_PERSON.search(what) or len(what.split()) > 14 or re.search(r"[:;()\"/]|\d{6}", what):
            return None
        # Chat spelling said back as written Swedish: "o" is "och", "e" is "är".
        what = re.sub(r"\s+e\s+", " är ", _written_and(what))
        swapped = _SWAP_RE.sub(lambda m: _SWAP[m.group(1).lower()], what)
        if with_:
            return f"Och det är viktigt för dig med {swapped}.", sentence
        return (f"Och att {swapped} är viktigt för dig." if found else f"Och {swapped} är viktigt för dig."), sentence
    return None
