"""Is a chat message written in English? The bot speaks only Swedish, so a person who writes in
English is told so in both languages before the bot's own (Swedish) answer.

Word frequencies from `wordfreq`: a word counts for a language when it is at least ten times as
common there as in the other (one step on the Zipf scale). "ok", "i" and "man" count for neither.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

NOTE = "Sorry, I can only chat in Swedish. Jag kan bara skriva på svenska."
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _leaning(word: str) -> int:
    """+1 for an English word, -1 for a Swedish one, 0 for either or neither."""
    difference = zipf_frequency(word, "en") - zipf_frequency(word, "sv")
    return 1 if difference >= 1.0 else -1 if difference <= -1.0 else 0


def looks_english(text: str) -> bool:
    if text.lstrip().startswith("/"):
        return False  # a button's payload ("/correct{"value":"age"}") is in no language
    folded = text.lower()
    if any(letter in folded for letter in "åäö"):
        return False
    leanings = [_leaning(word) for word in _WORD.findall(folded)]
    english, swedish = leanings.count(1), leanings.count(-1)
    # Two English words at least: "hello" alone is a greeting Swedish chat uses too.
    return english >= 2 and english >= 3 * swedish


def warm() -> None:
    """Load wordfreq's lists now (about half a second) rather than in a person's first wait."""
    looks_english("warm up the word lists")
