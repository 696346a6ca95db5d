"""What the classifiers read, spelled the way the training data spells it: å, ä and ö put back
where people leave them out ("jag ar uppsagd for mig" -> "jag är uppsagd för mig"), typing
slips mended against the training vocabulary ("snällt av dig, takc" -> "tack"), and sentence
punctuation blanked.

A word typed without å/ä/ö is replaced by the word that is spelled the same apart from them
when that word is clearly more common in Swedish: at least ten times as frequent, by the
`wordfreq` lists (which ship with the package). "uppsagd" stays (it is spelled so), "for" becomes
"för", "far" stays "far" (it is a common word of its own). Words of the project's own domain
that wordfreq does not know ("omställningsstudiestöd") come from the training data.

The replacement keeps the length and the upper/lower case of every character, so positions in
the text (entities) stay valid."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import wordfreq
from symspellpy import SymSpell, Verbosity

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


# --- typing slips -----------------------------------------------------------------------------
# A word the classifiers have never seen is only noise to them, and one slip ("tsck", "rniga",
# "undrsr") is enough for that: of the 222 held-out messages, 203 were read right as written, 189
# with one slip each and 163 with two slips and no å/ä/ö (scripts/nlu_noise.py, session 10). So an
# unknown word is replaced by the training word (ignoring å/ä/ö) one edit away, two for long
# words, if there is one.
# Shorter words than this are left alone: at three letters almost everything is one edit apart.
MIN_SLIP_LENGTH = 4
LONG_WORD = 8
# A word this common in Swedish (zipf 3: once per million words) is a real word the person
# meant ("tak", "volvo"), even if the training data does not have it.
COMMON_BUCKET = 600  # wordfreq's centibels: 10 ** (-600 / 100) = 1e-6


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    buckets = wordfreq.read_cBpack(wordfreq.available_languages(wordlist="large")["sv"])
    return frozenset(word for words in buckets[:COMMON_BUCKET + 1] for word in words)


class Speller:
    """The training vocabulary (word -> count, as written there after `restorer`) and a SymSpell
    index of it without å/ä/ö, so a slip and a missing ä are mended together ("mannisa" ->
    "människa"). The text it returns is for the classifiers only: its length and case may change."""

    def __init__(self, vocabulary: dict[str, int], restorer: DiacriticRestorer):
        self._vocabulary, self._restorer = vocabulary, restorer
        self._common = _common_words()
        self._spelled: dict[str, str] = {}  # without å/ä/ö -> the most used spelling
        folded_counts: Counter[str] = Counter()
        for word, count in sorted(vocabulary.items(), key=lambda wc: -wc[1]):
            self._spelled.setdefault(fold(word), word)
            folded_counts[fold(word)] += count
        self._index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for folded, count in folded_counts.items():
            self._index.create_dictionary_entry(folded, count)
        # The same words come back in message after message.
        self.word = lru_cache(maxsize=20_000)(self._word)

    def _word(self, typed: str) -> str:
        low = typed.lower()
        restored = self._restorer.word(typed)
        if (restored.lower() in self._vocabulary or low in self._vocabulary or len(low) < MIN_SLIP_LENGTH
                or restored.lower() in self._common):
            return restored
        folded = fold(low)
        found = self._index.lookup(folded, Verbosity.CLOSEST, max_edit_distance=1 if len(low) < LONG_WORD else 2)
        if not found:
            return restored
        # Slips are rare on the first letter: between equally near words, prefer one starting
        # like the typed word ("tilka" -> "tolka", not the more common "vilka").
        best = next((s for s in found if s.term[0] == folded[0]), found[0])
        return self._spelled[best.term]

    def correct(self, text: str) -> str:
        return WORD.sub(lambda m: self.word(m.group(0)), text)


def vocabulary(texts: Iterable[str], restorer: DiacriticRestorer) -> dict[str, int]:
    """Lower-case word counts of `texts` as the classifiers read them (after `restorer`)."""
    return dict(Counter(word.lower() for text in texts for word in WORD.findall(restorer.restore(text))))
