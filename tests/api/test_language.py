"""bot/language.py: English messages get a note in both languages; Swedish chat never does,
however it is spelt."""
from __future__ import annotations

import pytest

from bot.language import looks_english


@pytest.mark.parametrize("text", ["hello, do you speak english?", "can you help me",
                                  "I lost my job, what support can I get?", "hej, do you speak english",
                                  "I am 45 years old"])
def test_english_is_noticed(text: str) -> None:
    assert looks_english(text)


@pytest.mark.parametrize("text", [
    '/correct{"value":"age"}',  # a button's payload: the chat never notes it (api/chat.py)
    "hello", "ok tack", "hej hej", "thanks",              # one word that Swedish chat uses too
    "jag ar uppsagd", "kan jag fa hjalp", "vad kostar det",  # Swedish without å/ä/ö
    "jobbar som developer pa ett startup", "jag vill bli data scientist",  # English loanwords
    "asdfghjkl", "45", "",
])
def test_swedish_and_nonsense_are_not_english(text: str) -> None:
    assert not looks_english(text)


def test_the_api_loads_the_word_lists_at_start(tmp_path) -> None:
    """A person's first message should not wait for wordfreq to read its lists."""
    from fastapi.testclient import TestClient

    from bot import language
    from api.main import create_app
    from api.settings import Settings

    language._leaning.cache_clear()
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'cases.db'}"))
    with TestClient(app):
        pass  # the lifespan's end waits for the warming
    assert language._leaning.cache_info().currsize > 0
