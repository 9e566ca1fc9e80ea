"""Facts about one text, kept for the texts of the current article: its lower-cased copy, the ``Gated`` keys and key
words it holds (one Aho-Corasick pass), its words, and whether it holds a digit or a number.

Several extractors ask about the same sentence and the same whole abstract (``design``, ``participants``,
``conditions`` and ``relevance`` on every record of a MEDLINE run), so each fact is found once per text
(``article_cache.per_article``); texts of other articles are not kept (nor flatter benchmarks that repeat a sample).
"""

from __future__ import annotations

import re
from operator import itemgetter

try:  # finds every key word of every pre-check in one pass over an abstract (C); else one ``in`` per key
    import ahocorasick
except ImportError:  # pragma: no cover - declared in pyproject.toml
    ahocorasick = None

from ketamine_evidence.analysis.extract.article_cache import per_article

# Every key of every ``Gated`` (all lower case) and, built on first use, one automaton over them.
_KEYS: set[str] = set()
_AUTOMATON: list = []  # [automaton, number of keys it holds]
_LONG = 400  # shorter texts (sentences) are checked with ``in``: cheaper than a pass of the automaton


def _automaton():
    if ahocorasick is None:
        return None
    if not _AUTOMATON or _AUTOMATON[1] != len(_KEYS):  # a Gated made after the last build: build again
        auto = ahocorasick.Automaton()
        for key in _KEYS:
            auto.add_word(key, key)
        auto.make_automaton()
        _AUTOMATON[:] = [auto, len(_KEYS)]
        _keys_in.cache_clear()
    return _AUTOMATON[0]


@per_article
def _keys_in(text: str) -> frozenset[str] | None:
    """The ``Gated`` keys that occur in ``text`` (lower-cased), found in one Aho-Corasick pass; None
    without the ``pyahocorasick`` package."""
    auto = _automaton()
    if auto is None or not len(auto):
        return None
    return frozenset(map(_VALUE, auto.iter(_lower(text))))  # (end, key) pairs: keep the keys


_VALUE = itemgetter(1)


# Every byte but ASCII letters and digits becomes a space: ``bytes.translate`` + ``split`` gives the words of
# ``[a-z0-9]+`` at C speed (non-ASCII characters, encoded as '?', separate words as before).
_WORD_BYTES = bytes(c if (97 <= c <= 122 or 48 <= c <= 57) else 32 for c in range(256))


@per_article
def _word_bytes(text: str) -> frozenset[bytes]:
    """The lower-case ``[a-z0-9]+`` words of ``text``, as ASCII bytes (no str made per word)."""
    return frozenset(_lower(text).encode("ascii", "replace").translate(_WORD_BYTES).split())


def _whole_words(lowered: str, candidates: frozenset[str]) -> tuple[str, ...]:
    """The ``candidates`` (found in ``lowered`` as substrings) that are also among its ``_word_bytes`` words: an
    occurrence with no ASCII letter or digit on either side (every other character separates words there)."""
    found = ()
    end = len(lowered)
    for word in candidates:
        size = len(word)
        i = lowered.find(word)
        while i >= 0:
            j = i + size
            if (i == 0 or lowered[i - 1] not in _WORD_CHARS) and (j == end or lowered[j] not in _WORD_CHARS):
                found += (word,)
                break
            i = lowered.find(word, j)
    return found


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@per_article
def _lower(text: str) -> str:
    return text.lower()


lower = _lower  # the cached lower-casing, for extractors that pre-check sentences themselves


_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                 "hundred")
DIGITS = re.compile(r"\d")


def _number_automaton():
    """One Aho-Corasick pass finds any number word (about half the cost of a substring test per word)."""
    if ahocorasick is None:
        return None
    auto = ahocorasick.Automaton()
    for w in _NUMBER_WORDS:
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


_NUMBER_AUTOMATON = _number_automaton()


@per_article
def has_digit(text: str) -> bool:
    """A digit (``\\d``: any Unicode digit) anywhere in ``text``; kept for the article's texts, as the number
    pre-check below and the digit pre-check of ``fast_re``'s patterns ask about the same sentences."""
    return DIGITS.search(text) is not None


@per_article
def has_number(text: str) -> bool:
    """A digit or a number word anywhere in ``text`` (cheap pre-check; kept per sentence, as the design
    and participant extractors both ask)."""
    if has_digit(text):
        return True
    lowered = _lower(text)
    if _NUMBER_AUTOMATON is not None:
        for _ in _NUMBER_AUTOMATON.iter(lowered):
            return True
        return False
    for w in _NUMBER_WORDS:
        if w in lowered:
            return True
    return False
