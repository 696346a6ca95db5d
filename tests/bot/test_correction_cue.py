"""CorrectionCue (bot/components.py): "det blev fel, …", the words the bot asks for after saying
back what it understood, is `correct` whatever the classifier made of the rest."""
from __future__ import annotations

import pytest

from actions.corrections import slots_to_correct
from actions.parsing import Answer
from bot.components import CorrectionCue
from tests.support.nlu import classified


@pytest.mark.parametrize("text", ["det blev fel, jag har redan fått beskedet", "Det blev lite fel. jag är 45",
                                  "nej det blev fel", "oj, det blev fel med åldern"])
def test_the_bots_own_words_for_a_correction_are_a_correction(text: str) -> None:
    [message] = CorrectionCue().process([classified(text, "inform_terminated", 0.6, ("correct", 0.2))])
    assert message.get("intent")["name"] == "correct" and message.get("intent")["confidence"] >= 0.9
    ranking = [r["name"] for r in message.get("intent_ranking")]
    assert ranking[0] == "correct" and ranking.count("correct") == 1


@pytest.mark.parametrize("text", ["jag tror det blev fel i lönen från jobbet", "blev fel på bilen", "det blev bra"])
def test_other_messages_keep_their_intent(text: str) -> None:
    [message] = CorrectionCue().process([classified(text, "inform", 0.6, ("correct", 0.2))])
    assert message.get("intent")["name"] == "inform"


def test_a_notice_already_given_asks_the_situation_again() -> None:
    assert "notice_pending" in slots_to_correct(Answer("det blev fel, jag har redan fått beskedet", "correct"))


def test_a_notice_already_given_is_changed_at_once_where_it_was_taken_as_coming() -> None:
    from actions.corrections import direct_correction
    text = "det blev fel, jag har redan fått beskedet"
    assert direct_correction(Answer(text, "correct", slots={"situation": "terminated", "notice_pending": "coming"})) \
        == {"notice_pending": None}
    # Nothing pending: the situation is asked again instead.
    assert direct_correction(Answer(text, "correct", slots={"situation": "employed"})) is None


@pytest.mark.parametrize("text, changed", [
    ("det blev fel, jag har inte fått nån uppsägning än", {"notice_pending": "coming"}),
    ("nej jag har inte fått beskedet", {"notice_pending": "coming"}),
    ("jag är inte uppsagd än", {"notice_pending": "coming"}),
    ("jag är inte uppsagd", None),  # no "än": the situation itself is wrong, and asked again
])
def test_a_notice_not_come_yet_is_changed_at_once_where_it_was_taken_as_given(text: str, changed: dict | None) -> None:
    from actions.corrections import direct_correction
    assert direct_correction(Answer(text, "correct", slots={"situation": "terminated"})) == changed
    if changed:
        from actions.corrections import changed_said
        assert changed_said(changed) == "Tack, då skriver jag att du ska sägas upp men inte har fått beskedet än."



@pytest.mark.parametrize("text, changed", [
    ("nej, vi har inget kollektivavtal", {"collective_agreement": "no"}),
    ("det blev fel, de har kollektivavtal", {"collective_agreement": "yes"}),
    ("det blev fel, jag är 45", {"age": 45}),
    # The topic named, not the answer: asked again instead.
    ("nej, kollektivavtalet är fel", None), ("det stämmer inte med kollektivavtalet", None), ("det blev fel", None),
    ("kollektivavtalet", None),  # the reply to "Vad vill du ändra?": the topic, asked again
])
def test_a_correction_that_says_the_right_answer_is_taken_at_once(text: str, changed: dict | None) -> None:
    from actions.corrections import direct_correction
    assert direct_correction(Answer(text, "correct", 0.9, slots={"employer_sector": "private"})) == changed
