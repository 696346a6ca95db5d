"""api/language.py: English messages get a note in both languages; Swedish chat never does,
however it is spelt."""
from __future__ import annotations

import pytest

from api.language import looks_english


@pytest.mark.parametrize("text", ["hello, do you speak english?", "can you help me",
                                  "I lost my job, what support can I get?", "hej, do you speak english",
                                  "I am 45 years old"])
def test_english_is_noticed(text: str) -> None:
    assert looks_english(text)


@pytest.mark.parametrize("text", [
    "hello", "ok tack", "hej hej", "thanks",              # one word that Swedish chat uses too
    "jag ar uppsagd", "kan jag fa hjalp", "vad kostar det",  # Swedish without å/ä/ö
    "jobbar som developer pa ett startup", "jag vill bli data scientist",  # English loanwords
    "asdfghjkl", "45", "",
])
def test_swedish_and_nonsense_are_not_english(text: str) -> None:
    assert not looks_english(text)
