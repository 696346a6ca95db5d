"""The inward answers are said back in the person's own words, or thanked for plainly."""
from __future__ import annotations

from datetime import date

import pytest

from actions.parsing import INTERPRETERS, Answer, Filled
from actions.reflect import mirror, reflection, spelled


@pytest.mark.parametrize("text, expected", [
    ("jag är bra på att lösa problem och folk säger att jag är lugn",
     "Du är bra på att lösa problem och folk säger att du är lugn"),
    ("Ja, jag vill jobba med mina händer. Och inte sitta still", "Du vill jobba med dina händer"),
    ("hmm jag har jobbat i mitt eget företag i tio år!", "Du har jobbat i ditt eget företag i tio år"),
    ("Jag tycker om när det händer mycket runt mig", "Du tycker om när det händer mycket runt dig"),
    # Without "jag", as chat often is.
    ("jobbat som elevassistent i 3 år", "Du har jobbat som elevassistent i 3 år"),
    ("är bra på att lyssna", "Du är bra på att lyssna"),
    ("vill jobba med barn", "Du vill jobba med barn"),
    ("bra på att lösa problem, räkna på jobb, prata med kunder",
     "Du är bra på att lösa problem, räkna på jobb, prata med kunder"),
    ("montör sedan 2004", "Du har jobbat som montör sedan 2004"),
    ("vill jobba mer med barn kanske", "Du vill jobba mer med barn"),
    ("jobbat inom vården i tio år o trivts", "Du har jobbat inom vården i tio år och trivts"),
    ("snickare i 25 år, eget företag sen 2010. viktigt med frihet",
     "Du har jobbat som snickare i 25 år, eget företag sen 2010"),
])
def test_a_plain_statement_is_said_back_in_the_second_person(text: str, expected: str) -> None:
    assert mirror(text) == expected


@pytest.mark.parametrize("text", [
    "montör på Volvo",                            # neither "jag" nor a verb first, nor a time
    "bra",                                        # no more than a word
    "jag vill att du hjälper mig",                # talks to the bot: "du" would be ambiguous
    "jag undrar vad jag kan bli?",                # a question
    "jag har jobbat med " + "väldigt " * 25 + "mycket",  # too long to say back
    "jag bor på Storgatan 5: ring mig",           # punctuation of addresses and lists
])
def test_anything_else_is_not_echoed(text: str) -> None:
    assert mirror(text) is None


def test_each_inward_question_gets_its_own_closing() -> None:
    assert reflection("inward_who", "jag har kört buss i 20 år") == \
        "Du har kört buss i 20 år. Tack för att du berättar."
    assert reflection("inward_skills", "jag kan svetsa och köra truck") == \
        "Du kan svetsa och köra truck – det tar du med dig, vart du än går."
    assert reflection("inward_wants", "jag vill jobba med människor") == \
        "Du vill jobba med människor. Det är en bra utgångspunkt när vi tittar på yrken och utbildningar."
    # The kind of work, said without "jag vill": said back as it was said, pronouns swapped.
    assert reflection("inward_wants", "något med djur") == \
        "Något med djur – det är en bra utgångspunkt när vi tittar på yrken och utbildningar."
    assert reflection("inward_wants", "nåt där jag inte behöver lyfta. kanske kontor eller reception") == \
        "Något där du inte behöver lyfta – det är en bra utgångspunkt när vi tittar på yrken och utbildningar."
    assert reflection("inward_wants", "nåt som du tycker") == "Tack, det tar jag med mig."
    # A want without its "jag vill", with the verbs people use for it.
    assert reflection("inward_wants", "slippa skiftarbete") == \
        "Du vill slippa skiftarbete. Det är en bra utgångspunkt när vi tittar på yrken och utbildningar."
    assert reflection("inward_wants", "känna mig behövd").startswith("Du vill känna dig behövd.")
    assert reflection("outward_options", "jag vill bli lärare") == "Tack, det tar jag med mig."


def test_modesty_and_heavy_words_are_met_kindly_not_echoed() -> None:
    for text in ("inte bra på nåt särskilt", "jag är inte så bra på något", "ingenting egentligen"):
        assert reflection("inward_skills", text).startswith("Många har svårt att se sina egna styrkor")
    met = "Tack för att du berättar. Hur du mår och vad du orkar är viktigt, och det tar rådgivaren med sig."
    assert reflection("inward_who", "jag är helt utbränd och orkar inte mer") == met
    assert reflection("inward_who", "jag är helt slut") == met
    assert reflection("inward_who", "jag är så stressad på jobbet") == met
    # What was told before the heavy words is said back.
    assert reflection("inward_who", "jag har kört buss i 20 år och nu är jag sjukskriven") == \
        "Du har kört buss i 20 år. Hur du mår och vad du orkar är viktigt, och det tar rådgivaren med sig."
    assert reflection("inward_who", "har jobbat i varden hela livet, jag tycker om att hjalpa folk men jag orkar inte "
                                    "med skiften langre") == \
        "Du har jobbat i vården hela livet och tycker om att hjälpa folk. Hur du mår och vad du orkar är viktigt, " \
        "och det tar rådgivaren med sig."  # one sentence, not "…, du tycker om …"
    assert reflection("inward_who", "har jobbat i varden hela livet men orkar inte med skiften langre") == \
        "Du har jobbat i vården hela livet. Hur du mår och vad du orkar är viktigt, och det tar rådgivaren med sig."
    # A body worn by the work is met the same way; what was liked is said back with the work.
    assert reflection("inward_who", "jag har stått i kassan och fyllt på varor. jag gillar ordning och att prata med "
                                    "kunder. men ryggen börjar ta slut") == \
        "Du har stått i kassan och fyllt på varor. Och du gillar ordning och att prata med kunder. " \
        "Hur du mår och vad du orkar är viktigt, och det tar rådgivaren med sig."
    assert reflection("inward_who", "jobbat som snickare i 20 år, har ont i axlarna nu") == \
        "Du har jobbat som snickare i 20 år. Hur du mår och vad du orkar är viktigt, och det tar rådgivaren med sig."
    assert reflection("inward_who", "jag har jobbat i kassan i 20 år, trivs med kunderna") == \
        "Du har jobbat i kassan i 20 år och trivs med kunderna. Tack för att du berättar."
    # Calm under stress is a strength: said back.
    assert reflection("inward_skills", "är lugn i stressiga lägen").startswith("Du är lugn i stressiga lägen –")
    # "slutade" is no heavy word: said back.
    assert reflection("inward_who", "jag slutade på ICA i somras") == \
        "Du slutade på ICA i somras. Tack för att du berättar."
    assert reflection("inward_wants", "vet inte", not_yet=True).startswith("Det går bra.")
    assert reflection("inward_wants", "har inte tänkt på det").startswith("Det går bra.")
    assert reflection("inward_wants", "har jobbat för mycket") == "Tack, det tar jag med mig."  # no want said
    # Worry is met with a word about it, not said back.
    worried = reflection("inward_who", "jag är 61 och har jobbat på samma ställe i 30 år, lite rädd för att börja om")
    assert worried.startswith("Tack för att du berättar. Det är vanligt att känna oro") and "rädd" not in worried
    assert reflection("inward_wants", "jag är orolig för framtiden").startswith("Tack för att du berättar. Det är vanligt")


def test_the_form_says_the_reflection_before_the_next_question() -> None:
    answer = Answer("jag kan svetsa och köra truck", "inform", 0.9, [], date(2026, 11, 25))
    result = INTERPRETERS["inward_skills"](answer)
    assert result == Filled({"inward_skills": "jag kan svetsa och köra truck",
                             "_say": "Du kan svetsa och köra truck – det tar du med dig, vart du än går."})


# reflect.py alone; the options are said back by their interpreter (parsing.options_listed).
@pytest.mark.parametrize("slot, text, expected", [
    ("outward_options", "vet inte, kanske vården? eller nåt med bilar", "Tack, det tar jag med mig."),
    ("outward_options", "elektriker eller snickare", "Tack, det tar jag med mig."),
    ("outward_options", "vet inte riktigt faktiskt", "Det går bra. Det kan du och rådgivaren ta reda på tillsammans."),
    ("outward_options", "/dont_know", "Det går bra. Det kan du och rådgivaren ta reda på tillsammans."),
    ("forward_next_step", "ringa komvux imorgon", "Att ringa komvux imorgon låter som ett bra första steg."),
    ("forward_next_step", "ingen aning faktiskt",
     "Det är helt okej. Ett första steg kan du och rådgivaren hitta tillsammans."),
    ("forward_next_step", "nej", "Det är helt okej. Ett första steg kan du och rådgivaren hitta tillsammans."),
    # Rest as the first step, for someone worn out, is a sound step, not "komma i gång".
    ("forward_next_step", "vila först", "Att ta hand om dig och återhämta dig först är ett klokt första steg. "
                                        "Rådgivaren kan ta resten i din takt."),
    ("forward_next_step", "bli frisk", "Att ta hand om dig och återhämta dig först är ett klokt första steg. "
                                       "Rådgivaren kan ta resten i din takt."),
    # A want said without "jag vill", and a pace rather than a want.
    ("inward_wants", "jobba med människor",
     "Du vill jobba med människor. Det är en bra utgångspunkt när vi tittar på yrken och utbildningar."),
    ("inward_wants", "ja, jobba med djur kanske",
     "Du vill jobba med djur. Det är en bra utgångspunkt när vi tittar på yrken och utbildningar."),
    ("inward_wants", "nåt lugnare, kanske deltid i början",
     "Tack. Att hitta något som passar din ork är viktigt, och det tar rådgivaren med sig."),
    ("inward_wants", "göra nåt helt annat, du vet?", "Tack, det tar jag med mig."),
])
def test_outward_and_forward_answers_are_heard(slot: str, text: str, expected: str) -> None:
    assert reflection(slot, text) == expected


def test_what_matters_now_is_said_back_with_the_story() -> None:
    # "Berätta om dig: vad har du jobbat med, och vad är viktigt för dig just nu?" has two halves.
    assert reflection("inward_who", "har städat på skolor i 22 år. viktigt att jag inte sliter ut kroppen mer") == \
        "Du har städat på skolor i 22 år. Och att du inte sliter ut kroppen mer är viktigt för dig."
    assert reflection("inward_who", "jag är snickare, det viktigaste nu är att jag får behålla huset") == \
        "Du är snickare. Och att du får behålla huset är viktigt för dig."
    assert reflection("inward_who", "viktigt för mig är att ha fasta tider") == \
        "Att ha fasta tider är viktigt för dig. Tack för att du berättar."
    # Heavy words and words to the bot are not echoed.
    assert reflection("inward_who", "jag är helt slut. viktigt att jag får vila").startswith("Tack för att du berättar. Hur")
    assert reflection("inward_who", "jag har jobbat i butik. viktigt att du förstår mig") == \
        "Du har jobbat i butik. Tack för att du berättar."


def test_what_matters_now_is_heard_in_the_word_orders_of_chat() -> None:
    # "nu är det viktigt att …", "men just nu är det viktigast att …": the verb before "det".
    assert reflection("inward_who", "jag har alltid gillat att jobba med händerna. nu är det viktigt att slippa "
                                    "tunga lyft") == \
        "Du har alltid gillat att jobba med händerna. Och att slippa tunga lyft är viktigt för dig."
    assert reflection("inward_who", "kollegorna, men nu är det viktigt att få vila", liked=True) == \
        "Du har tyckt om kollegorna. Och att få vila är viktigt för dig. Tack för att du berättar."
    # "viktigt för mig är det att …", and what matters said as a noun after "är".
    assert reflection("inward_who", "viktigt för mig är det att ha kollegor") == \
        "Att ha kollegor är viktigt för dig. Tack för att du berättar."
    assert reflection("inward_who", "jag har älskat att se eleverna växa. men ljudnivån tar all min energi. viktigt "
                                    "nu är lugn och att få jobba mer i min egen takt") == \
        "Du har älskat att se eleverna växa. Och lugn och att få jobba mer i din egen takt är viktigt för dig."


def test_a_clause_about_now_is_not_said_back_as_a_thing_liked() -> None:
    # To "vad har du tyckt om i jobbet?", "nu är det svårt" is not what was liked.
    for text in ("nu är det svårt", "idag känns allt tungt", "tyvärr inte så mycket"):
        assert reflection("inward_who", text, liked=True) == "Tack för att du berättar.", text
    assert reflection("inward_who", "det sociala och kollegorna", liked=True) == \
        "Du har tyckt om det sociala och kollegorna. Tack för att du berättar."


def test_a_list_of_strengths_is_said_back_with_the_sentences_after_it() -> None:
    assert reflection("inward_skills", "snickra, läsa ritningar, leda ett litet lag. folk frågar mig om råd när "
                                       "de ska renovera") == \
        "Du är bra på att snickra, läsa ritningar och leda ett litet lag. Och folk frågar dig om råd när de ska " \
        "renovera – det tar du med dig, vart du än går."
    assert reflection("inward_skills", "laga mat, organisera. har C-körkort") == \
        "Du är bra på att laga mat och organisera. Och du har C-körkort – det tar du med dig, vart du än går."
    # What others come for, alone, is a strength too; words to the bot are not echoed.
    assert reflection("inward_skills", "folk brukar fråga mig om hjälp med datorer") == \
        "Folk brukar fråga dig om hjälp med datorer – det tar du med dig, vart du än går."
    assert reflection("inward_skills", "andra frågar mig vad du tycker") == \
        "Tack! Det du kan tar du med dig, vart du än går."


def test_a_list_of_strengths_ending_in_a_verb_gets_its_och() -> None:
    assert reflection("inward_skills", "noggrann, snabb, bra med folk, kan lite om kemikalier") == \
        "Du är noggrann, snabb, bra med folk och kan lite om kemikalier – det tar du med dig, vart du än går."


def test_strengths_and_wants_told_in_the_story_are_said_back_and_taken() -> None:
    from actions.parsing import INTERPRETERS, Answer
    story = ("har sålt annonser i tolv år, bra på att prata med folk och hålla deadlines. "
             "vill ha ett jobb där jag inte jagar siffror hela tiden")
    result = INTERPRETERS["inward_who"](Answer(story, "inform", 0.9))
    assert result.slots["_say"] == (
        "Du har sålt annonser i tolv år och är bra på att prata med folk och hålla deadlines. "
        "Och du vill ha ett jobb där du inte jagar siffror hela tiden. Tack för att du berättar.")
    assert result.slots["inward_skills"] == "bra på att prata med folk och hålla deadlines"
    assert result.slots["inward_wants"] == "vill ha ett jobb där jag inte jagar siffror hela tiden"
    # Told after "och": taken as well, and said back in the one sentence.
    told = INTERPRETERS["inward_who"](Answer("jag är kock och vill jobba dagtid", "inform", 0.9))
    assert told.slots["inward_wants"] == "vill jobba dagtid" and "inward_skills" not in told.slots
    # Not said back (heavy words are not echoed): asked later as usual.
    heavy = INTERPRETERS["inward_who"](Answer("jag är helt slut, bra på att lyssna", "inform", 0.9))
    assert "inward_skills" not in heavy.slots
    # Already answered: kept as answered.
    again = INTERPRETERS["inward_who"](Answer("jag är kock och vill jobba dagtid", "inform", 0.9,
                                              slots={"inward_wants": "jobba med mat"}))
    assert "inward_wants" not in again.slots


@pytest.mark.parametrize("text", [
    "jag är 45, vet inte vad jag vill", "har kört truck i 10 år, inte bra på nåt annat",
    "vill du veta vad jag är bra på?", "min chef säger att jag är bra på excel",
])
def test_a_hedge_a_negation_or_a_question_tells_no_strength_or_want(text: str) -> None:
    from actions.reflect import told_in_story
    assert told_in_story(text) == {}


def test_a_story_too_long_to_say_back_whole_is_said_back_by_its_first_clause_and_strength() -> None:
    story = ("jag har jobbat som underskoterska i 15 ar, jag ar bra pa att ta hand om manniskor och lugna folk "
             "som ar oroliga. men det ar for tungt for kroppen och huvudet nu")
    result = INTERPRETERS["inward_who"](Answer(story, "inform", 0.9))
    assert result.slots["_say"] == ("Du har jobbat som undersköterska i 15 år och är bra på att ta hand om "
                                    "människor och lugna folk som är oroliga. Tack för att du berättar.")
    # Said back, so "Vad är du bra på?" is not asked.
    assert result.slots["inward_skills"] == "bra pa att ta hand om manniskor och lugna folk som ar oroliga"


@pytest.mark.parametrize("slot, text, expected", [
    ("inward_wants", "vet inte riktigt, nat med manniskor men lugnare. kanske nat inom rehab",
     "Du är inte helt säker än, och det är okej. Något med människor men lugnare – det är en bra utgångspunkt "
     "när vi tittar på yrken och utbildningar."),
    ("inward_wants", "vet inte, kanske jobba med djur",
     "Du är inte helt säker än, och det är okej. Du vill jobba med djur. Det är en bra utgångspunkt när vi "
     "tittar på yrken och utbildningar."),
    ("inward_skills", "vet inte riktigt, men jag är noggrann och snabb",
     "Du är inte helt säker än, och det är okej. Du är noggrann och snabb – det tar du med dig, vart du än går."),
    ("inward_who", "ingen aning, jag har jobbat i lager i tio år",
     "Du har jobbat i lager i tio år. Tack för att du berättar."),
    # Not knowing said last.
    ("inward_wants", "kanske nåt inom vården eller som säljare, vet inte",
     "Du är inte helt säker än, och det är okej. Något inom vården eller som säljare – det är en bra "
     "utgångspunkt när vi tittar på yrken och utbildningar."),
    ("inward_wants", "jobba med människor tror jag, vet inte",
     "Du är inte helt säker än, och det är okej. Du vill jobba med människor. Det är en bra utgångspunkt när "
     "vi tittar på yrken och utbildningar."),
    # Nothing told after the hedge: met as not knowing.
    ("inward_wants", "vet inte riktigt faktiskt", "Det går bra. Det kan du och rådgivaren ta reda på tillsammans."),
    ("inward_wants", "vet inte än, har inte tänkt på det",
     "Det går bra. Det kan du och rådgivaren ta reda på tillsammans."),
    ("inward_skills", "vet inte, inte bra på nåt", "Många har svårt att se sina egna styrkor, och det är helt "
                                                  "vanligt. Rådgivaren kan hjälpa dig att hitta dem."),
])
def test_not_sure_and_yet_a_direction_is_heard_as_both(slot: str, text: str, expected: str) -> None:
    assert reflection(slot, text) == expected


def test_a_want_given_for_the_strengths_is_taken_as_the_want_and_the_strengths_asked_again() -> None:
    text = "jag vill jobba med manniskor fortfarande men inte med skiftarbete och tunga lyft"
    result = INTERPRETERS["inward_skills"](Answer(text, "inform", 0.9))
    assert result.slots == {"inward_wants": text, "asked_again": "wants_told",
                            "_say": "Du vill jobba med människor fortfarande men inte med skiftarbete och tunga "
                                    "lyft. Det är en bra utgångspunkt när vi tittar på yrken och utbildningar."}
    # With something one can, or once the want is known, it is the answer to the strengths.
    for told, slots in (("vill använda att jag kan svetsa", {}), ("jag är bra på att lyssna och vill jobba med barn", {}),
                        (text, {"inward_wants": "jobba med barn"})):
        assert "inward_skills" in INTERPRETERS["inward_skills"](Answer(told, "inform", 0.9, slots=slots)).slots


def test_more_supines_without_their_har_and_a_strength_without_its_contrast() -> None:
    story = "sålt bilar i 6 år, bra på att prata med folk men hatar att jaga provision. vill ha något med mer mening"
    result = INTERPRETERS["inward_who"](Answer(story, "inform", 0.9))
    assert result.slots["_say"] == ("Du har sålt bilar i 6 år och är bra på att prata med folk men hatar att jaga "
                                    "provision. Och du vill ha något med mer mening. Tack för att du berättar.")
    assert result.slots["inward_skills"] == "bra på att prata med folk"
    assert mirror("skött ekonomin på en bilfirma") == "Du har skött ekonomin på en bilfirma"


@pytest.mark.parametrize("text, expected", [
    ("mötena med kunderna, att få folk att känna sig fina. viktigt nu är att jag inte sliter ut kroppen mer",
     "Du har tyckt om mötena med kunderna och att få folk att känna sig fina. Och att du inte sliter ut kroppen "
     "mer är viktigt för dig. Tack för att du berättar."),
    ("att jobba med mina händer", "Du har tyckt om att jobba med dina händer. Tack för att du berättar."),
    ("träffa nya människor varje dag",  # the "att" a bare verb needs after "tyckt om"
     "Du har tyckt om att träffa nya människor varje dag. Tack för att du berättar."),
    # Who one is, not a thing liked: "Du är …", not "Du har tyckt om att du är …".
    ("att jag är bra med barn och tålmodig. kollegorna säger att jag är lugn",
     "Du är bra med barn och tålmodig. Tack för att du berättar."),
    # Not a thing liked: not said back as one; a statement is said back as the statement it is.
    ("inget särskilt", "Tack för att du berättar."),
    ("har sålt annonser i tolv år, bra på att prata med folk",
     "Du har sålt annonser i tolv år och är bra på att prata med folk. Tack för att du berättar."),
])
def test_what_one_liked_in_the_work_told_before_is_said_back_as_liked(text: str, expected: str) -> None:
    from actions.parsing import INTERPRETERS, Answer, Filled
    result = INTERPRETERS["inward_who"](Answer(text, "inform", 0.9, [], date(2026, 11, 22),
                                               slots={"asked_again": "told_work"}))
    assert isinstance(result, Filled) and result.slots["_say"] == expected
    # Asked in full ("vad har du jobbat med?"), the same words are not taken for a liking.
    plain = INTERPRETERS["inward_who"](Answer(text, "inform", 0.9, [], date(2026, 11, 22)))
    assert "tyckt om" not in plain.slots.get("_say", "")


@pytest.mark.parametrize("text, said", [
    # "ordning och reda" is one item: the list still gets its "och" before the last.
    ("jag är mamma till tre, har jobbat på förskola i 15 år, gillar ordning och reda",
     "Du är mamma till tre, har jobbat på förskola i 15 år och gillar ordning och reda."),
    # An "och" already inside the first part: the last clause stands on its own.
    ("jag har jobbat på lager och i butik, gillar att röra på mig",
     "Du har jobbat på lager och i butik, och du gillar att röra på dig."),
])
def test_a_list_of_things_told_gets_one_och_in_the_right_place(text: str, said: str) -> None:
    assert reflection("inward_who", text) == f"{said} Tack för att du berättar."


@pytest.mark.parametrize("text, said", [
    ("laga mat, organisera, hålla ordning", "Du är bra på att laga mat, organisera och hålla ordning"),
    ("excel och att hålla koll på siffror", "Du är bra på excel och att hålla koll på siffror"),
    ("lyssna", "Du är bra på att lyssna"), ("ta hand om folk, och ordning", "Du är bra på att ta hand om folk och ordning"),
])
def test_a_short_list_of_strengths_is_said_back(text: str, said: str) -> None:
    assert reflection("inward_skills", text) == f"{said} – det tar du med dig, vart du än går."


@pytest.mark.parametrize("text", ["tålamod, barn och föräldrar litar på mig", "typ service kanske", "vet inte"])
def test_more_than_a_list_of_strengths_is_not_said_back_as_one(text: str) -> None:
    assert not reflection("inward_skills", text).startswith("Du är bra på")


def test_strengths_told_in_a_later_sentence_are_said_back_too() -> None:
    """A licence said after the first sentence is what the outward questions build on: heard."""
    said = reflection("inward_skills", "jag är noggrann och känner alla på min runda, folk litar på mig. "
                                       "kan köra lastbil också, har C-körkort")
    assert said == ("Du är noggrann och känner alla på din runda, folk litar på dig. Och du kan köra lastbil också "
                    "och har C-körkort – det tar du med dig, vart du än går.")
    assert reflection("inward_skills", "jag är stark. har truckkort och C-körkort.") == (
        "Du är stark och har truckkort och C-körkort – det tar du med dig, vart du än går.")


@pytest.mark.parametrize("text, said", [
    ("kanske prata med en kompis som kör buss", "Att prata med en kompis som kör buss låter som ett bra första steg."),
    ("uppdatera mitt cv", "Att uppdatera ditt CV låter som ett bra första steg."),
    ("Jag ska ringa facket imorgon", "Att ringa facket imorgon låter som ett bra första steg."),
    # Several steps are said back as a list; what follows a step and is none is left out.
    ("ringa komvux, kolla yh, prata med facket", "Att ringa komvux, kolla YH och prata med facket låter som ett bra "
                                                 "första steg."),
    ("jag ska göra ett cv, har inget", "Att göra ett CV låter som ett bra första steg."),
    ("prata med min chef om att testa något nytt, och kolla HR-utbildningar",
     "Att prata med din chef om att testa något nytt och kolla HR-utbildningar låter som ett bra första steg."),
    # No CV, or no job sought in years: a first step is offered.
    ("har inget cv. har inte sökt jobb sen 2004", "Det är vanligt när man har varit länge på samma jobb. Att skriva "
                                                  "ett CV kan vara ett bra första steg, och det kan rådgivaren hjälpa dig med."),
    ("vet inte hur man söker jobb idag", "Det är vanligt när man har varit länge på samma jobb. Att skriva ett CV kan "
                                        "vara ett bra första steg, och det kan rådgivaren hjälpa dig med."),
    # A "nej" before a step leaves the step; a "nej" with no step is no step yet, met kindly.
    ("nej men kanske ringa komvux", "Att ringa komvux låter som ett bra första steg."),
    ("nej inget just nu", "Det är helt okej. Ett första steg kan du och rådgivaren hitta tillsammans."),
    ("nä har ingen aning", "Det är helt okej. Ett första steg kan du och rådgivaren hitta tillsammans."),
    ("nej, det får rådgivaren hjälpa mig med", "Det är helt okej. Ett första steg kan du och rådgivaren hitta "
                                               "tillsammans."),
    # Where to study, named as the step: the step it suggests.
    ("komvux kanske, eller yh", "Då kan ett första steg vara att läsa om utbildningarna på komvux och "
                                "yrkeshögskolan: vad de leder till och när du kan söka. Rådgivaren kan hjälpa dig "
                                "att jämföra dem."),
    # Not a plain step: heard, not said back.
    ("inte ringa någon", "Bra! Ett litet steg räcker för att komma i gång."),
    ("något med utbildning", "Bra! Ett litet steg räcker för att komma i gång."),
])
def test_a_first_step_begun_with_a_verb_is_said_back(text: str, said: str) -> None:
    assert reflection("forward_next_step", text) == said


@pytest.mark.parametrize("typed, said", [
    ("nat dar jag far anvanda mina kunskaper", "nåt där jag får använda mina kunskaper"),
    ("har jobbat som snickare i 8 ar", "har jobbat som snickare i 8 år"),  # a length, not "är"
    ("jobbat dar i manga ar", "jobbat där i många år"),
    ("prata med min far om det", "prata med min far om det"),  # the father, not "får"
    # Written with å/ä/ö somewhere: left as the person wrote it.
    ("jag är bra pa att lyssna", "jag är bra pa att lyssna"),
])
def test_a_message_typed_without_a_ring_or_dots_is_said_back_spelled(typed: str, said: str) -> None:
    assert spelled(typed) == said


def test_the_options_and_the_step_are_said_back_spelled() -> None:
    from actions.parsing import INTERPRETERS, Answer
    options = INTERPRETERS["outward_options"](Answer("busschauffor eller nat med lastbil", "inform", 0.9))
    assert options.slots["_say"] == "Tack, jag skriver upp busschaufför och något med lastbil."
    assert reflection("forward_next_step", "ringa komvux kanske") == "Att ringa komvux låter som ett bra första steg."
    assert reflection("forward_next_step", "kanske prata med nan pa arbetsformedlingen") == \
        "Att prata med nån på arbetsförmedlingen låter som ett bra första steg."


def test_what_colleagues_come_for_is_said_back_with_the_strengths() -> None:
    assert reflection("inward_skills", "förklara saker så folk förstår, planera, skriva. kollegor kommer ofta till mig "
                                       "när de ska skriva svåra mejl till föräldrar") == (
        "Du är bra på att förklara saker så folk förstår, planera och skriva. Och kollegor kommer ofta till dig när de "
        "ska skriva svåra mejl till föräldrar – det tar du med dig, vart du än går.")


def test_knowledge_in_a_list_of_strengths_is_had_not_been_good_at() -> None:
    assert reflection("inward_skills", "att lugna folk, prioritera, medicinsk kunskap. kollegor frågar mig ofta om "
                                       "läkemedel") == \
        "Du är bra på att lugna folk och prioritera, och du har medicinsk kunskap. Och kollegor frågar dig ofta om " \
        "läkemedel – det tar du med dig, vart du än går."
    assert reflection("inward_skills", "svetsa, truckkort och lång erfarenhet av lager").startswith(
        "Du är bra på att svetsa, och du har truckkort och lång erfarenhet av lager")
    # Nouns only: said as they are.
    assert reflection("inward_skills", "excel och siffror").startswith("Du är bra på excel och siffror")


@pytest.mark.parametrize("text, options", [
    # A guess first, as a question, then unsure: the options are kept, the comfort comes after.
    ("kanske nåt inom läkemedelsbolag eller undervisa på vårdutbildning? vet inte riktigt",
     "något inom läkemedelsbolag eller att undervisa på vårdutbildning"),
    ("typ arbetsledare eller besiktning?", "arbetsledare eller besiktning"),
    # A want put as a guess is no list of jobs; a pace is none either.
    ("kanske jobba med människor eller djur", None),
    ("typ nåt lugnare eller deltid", None),
])
def test_options_guessed_anywhere_in_the_wants_are_taken(text: str, options: str | None) -> None:
    result = INTERPRETERS["inward_wants"](Answer(text, "inform", 0.9, [], date(2026, 11, 27),
                                                 slots={"situation": "employed"}))
    assert isinstance(result, Filled) and result.slots.get("outward_options") == options
    if text.endswith("vet inte riktigt"):
        assert result.slots["_say"] == (
            "Jag skriver upp något inom läkemedelsbolag eller att undervisa på vårdutbildning som det du funderar "
            "på. Du behöver inte vara säker än – det kan du och rådgivaren ta reda på tillsammans.")


def test_a_skill_list_whose_first_item_has_an_och_gets_its_last_och_too() -> None:
    said = reflection("inward_skills", "planera och leda aktiviteter, prata med föräldrar")
    assert said is not None and said.startswith("Du är bra på att planera och leda aktiviteter och prata med föräldrar")


@pytest.mark.parametrize("text, said", [
    # What one is, in the list of what one is good at, is said as what one is: not "bra på snabb".
    ("snabb och noggrann", "Du är snabb och noggrann"),
    ("truck, snabb, noggrann", "Du är snabb, noggrann och bra på truck"),
    ("excel, ekonomi, noggrann", "Du är noggrann och bra på excel och ekonomi"),
    ("laga mat, organisera och hålla ordning", "Du är bra på att laga mat, organisera och hålla ordning"),
])
def test_traits_in_a_skill_list_are_said_as_traits(text: str, said: str) -> None:
    assert reflection("inward_skills", text) == f"{said} – det tar du med dig, vart du än går."


def test_a_fragment_first_leaves_the_plain_statement_after_it_said_back() -> None:
    assert reflection("inward_who", "lager mest, plockat o kört truck. gillar att röra på mig") == \
        "Du gillar att röra på dig. Tack för att du berättar."
    assert reflection("inward_who", "lager mest. inget mer") == "Tack för att du berättar."


@pytest.mark.parametrize("text, said", [
    ("restaurang o lager som sagt. viktigt med schyssta kollegor o att det e fast",
     "Det är viktigt för dig med schyssta kollegor och att det är fast. Tack för att du berättar."),
    ("har jobbat i kassan i 6 år. viktigt för mig med bra stämning",
     "Du har jobbat i kassan i 6 år. Och det är viktigt för dig med bra stämning."),
    ("bra kollegor är viktigt för mig", "Bra kollegor är viktigt för dig. Tack för att du berättar."),
])
def test_what_matters_said_with_med_or_before_viktigt_is_said_back(text: str, said: str) -> None:
    assert reflection("inward_who", text) == said


def test_a_strength_list_that_opens_with_a_trait_is_said_as_what_one_is() -> None:
    assert reflection("inward_skills", "snabb, tål stress, kan köra truck") == \
        "Du är snabb, tål stress och kan köra truck – det tar du med dig, vart du än går."
