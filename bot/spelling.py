"""Puts back å, ä and ö that people leave out when they chat ("jag ar uppsagd for mig" ->
"jag är uppsagd för mig"), so that "stammer" and "stämmer" become the same word for the model.

A word typed without å/ä/ö is replaced by the word that is spelled the same apart from them
when that word is clearly more common in Swedish: at least ten times as frequent, by the
`wordfreq` lists (which ship with the package). "uppsagd" stays (it is spelled so), "for" becomes
"för", "far" stays "far" (it is a common word of its own). Words of the project's own domain
that wordfreq does not know ("omställningsstudiestöd") come from the training data.

The replacement keeps the length and the upper/lower case of every character, so positions in
the text (entities) stay valid."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import wordfreq

FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
WORD = re.compile(r"[^\W\d_]+")
# A candidate must be this many times more frequent than the word as typed.
MIN_RATIO = 10.0
# Words from the training data that wordfreq does not list count as this common (zipf 3:
# once per million words), enough to beat a non-word, not a real word.
DOMAIN_FREQUENCY = 1e-6
# Common words whose form without å/ä/ö is what people mean here, though the other word is more
# frequent in general text: "chefen sa upp mig" (sade), not "så".
KEEP = frozenset({"sa"})


def fold(word: str) -> str:
    # Not bot.extract.fold: that one also lower-cases and squeezes spaces; this one must keep
    # every character's position and case.
    return word.translate(FOLD)


@lru_cache(maxsize=1)
def _candidates() -> tuple[dict[str, tuple[float, str]], dict[str, float]]:
    """For each spelling without å/ä/ö that some word has: its most frequent word with them;
    and how frequent that spelling is as typed. Only these are kept of wordfreq's 340 000 words."""
    # Read the packaged list directly: wordfreq's own lookups keep every word cached for good.
    buckets = wordfreq.read_cBpack(wordfreq.available_languages(wordlist="large")["sv"])
    freq = {word: 10 ** (-cb / 100) for cb, words in enumerate(buckets) for word in words}
    best: dict[str, tuple[float, str]] = {}
    for word, p in freq.items():
        folded = fold(word)
        if folded != word and word.isalpha() and (folded not in best or best[folded][0] < p):
            best[folded] = (p, word)
    return best, {folded: freq[folded] for folded in best if folded in freq}


class DiacriticRestorer:
    def __init__(self, domain_words: Iterable[str] = ()):
        best, self._typed = _candidates()
        best = dict(best)
        for word in domain_words:
            word = word.lower()
            folded = fold(word)
            if folded != word and word.isalpha() and (folded not in best or best[folded][0] < DOMAIN_FREQUENCY):
                best[folded] = (DOMAIN_FREQUENCY, word)
        self._best = best

    def word(self, typed: str) -> str:
        low = typed.lower()
        if fold(low) != low or low in KEEP:
            return typed  # already has å/ä/ö, or is meant as typed
        candidate = self._best.get(low)
        if candidate is None or candidate[0] < MIN_RATIO * self._typed.get(low, 0.0):
            return typed
        return "".join(c.upper() if t.isupper() else c for c, t in zip(candidate[1], typed))

    def restore(self, text: str) -> str:
        return WORD.sub(lambda m: self.word(m.group(0)), text)


# Sentence punctuation says almost nothing about the intent, and the examples are mostly written
# without it; as a token of its own, a "?" swayed the classifiers toward whichever intents happen
# to have a few question marks ("Hur ansöker jag?" was out_of_scope, "hur ansöker jag"
# check_eligibility). Each mark becomes one space, so positions hold. A point, comma or colon
# between digits stays ("37,5", "1.5", "12:30").
PUNCTUATION = re.compile(r"[?!;\"“”«»()\[\]…]|(?<!\d)[.,:]|[.,:](?!\d)")


def blank_punctuation(text: str) -> str:
    return PUNCTUATION.sub(" ", text)


def words_with_diacritics(texts: Iterable[str]) -> set[str]:
    """The words of `texts` spelled with å/ä/ö (for the domain vocabulary)."""
    return {w.lower() for text in texts for w in WORD.findall(text) if fold(w) != w}
