"""Drugs other than the intervention named in a sentence (``lexicons/drugs.toml``), found word by word.

The other-drug pattern (``other_drugs_pattern``: some 130 names and two dozen stem endings between word
boundaries, ``(?<![\\w])(?:names|[a-z]{3,}(?:endings))(?![\\w])``) is asked of every sentence that names the
intervention, and ``re`` tries every name and every ending at every word start (some 30 microseconds a sentence).
Every match of such a pattern starts a run of word characters (``\\w+``) that is either the first word of a name or
a run of letters ending in one of the endings. ``WordStartScan`` finds the first words and endings in one
Aho-Corasick pass (in C), takes the word start each one implies, and runs the pattern's ``match`` there in order:
the very attempt ``finditer`` makes at that position, so it gives the same spans in the same order, while the
positions where no match can start are never tried.

``for_word_list`` builds one only where that test is sound (every name's first word is plain ``[a-z0-9]`` text,
with at most an optional final 's'; every ending is plain letters); otherwise the caller keeps ``finditer``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ketamine_evidence.analysis.extract.study_text import load_lexicon, lower, lower_case_pattern
from ketamine_evidence.analysis.extract.text_patterns import longest_first

try:
    import ahocorasick
except ImportError:  # pragma: no cover - an optional speed-up: the runs are then read one by one
    ahocorasick = None

_RUNS = re.compile(r"\w+")  # the same word characters as the patterns' \w (Unicode)
_WORD_CHAR = re.compile(r"\w")
_PLAIN = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class WordStartScan:
    """``pattern`` (lower case, its matches start a word) tried only at words in ``first_words`` or ending in
    one of ``endings``."""

    pattern: re.Pattern[str]
    first_words: frozenset[str]
    endings: tuple[str, ...]
    automaton: Any = field(default=None, repr=False, compare=False)  # over both (``_automaton``), or None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``[m.span() for m in pattern.finditer(text)]``, trying only the words that can start a match."""
        match = self.pattern.match
        out: list[tuple[int, int]] = []
        end = 0
        for start in self._starts(text):
            if start >= end:
                m = match(text, start)
                if m is not None:
                    out.append(m.span())
                    end = m.end()
        return out

    def _starts(self, text: str) -> list[int]:
        """Every position, in order, where a match can start: a first word of a name begins there, or a run of
        letters that holds an ending does (a superset: ``match`` decides)."""
        auto = self.automaton
        if auto is None:
            return [run.start() for run in _RUNS.finditer(text)
                    if run.group() in self.first_words or run.group().endswith(self.endings)]
        starts = set()
        for last, (length, first, ending) in auto.iter(text):
            at = last - length + 1
            if first and not (at and _WORD_CHAR.match(text, at - 1)):  # (?<![\w]) holds there
                starts.add(at)
            if ending:  # the match is the whole run of letters the ending closes
                while at and "a" <= text[at - 1] <= "z":
                    at -= 1
                starts.add(at)
        return sorted(starts)


def _automaton(first_words: frozenset[str], endings: tuple[str, ...]) -> Any:
    """One Aho-Corasick automaton over the first words and the endings (value: length, is a first word, is an
    ending); None without the ``pyahocorasick`` package."""
    if ahocorasick is None:
        return None
    auto = ahocorasick.Automaton()
    for key in first_words | set(endings):
        auto.add_word(key, (len(key), key in first_words, key in endings))
    auto.make_automaton()
    return auto


def for_word_list(pattern: re.Pattern[str], names: list[str], endings: list[str]) -> WordStartScan | None:
    """The scan for ``pattern`` built as ``(?<![\\w])(?:names|[a-z]{3,}(?:endings))(?![\\w])`` from the lexicon's
    ``names`` (words separated by spaces, 's?' for an optional plural) and ``endings``; None where a name or an
    ending is not plain text, so that a match could start elsewhere than at such a word."""
    first: set[str] = set()
    for name in names:
        word = name.lower().split(" ", 1)[0]
        if word.endswith("s?"):
            stem = word[:-2]
            forms = [stem, stem + "s"]
        else:
            forms = [word]
        if not all(_PLAIN.fullmatch(f) for f in forms):
            return None
        first.update(forms)
    if not all(_LETTERS.fullmatch(e) for e in endings):
        return None
    words, ends = frozenset(first), tuple(endings)
    return WordStartScan(pattern, words, ends, _automaton(words, ends))


@lru_cache(maxsize=1)
def other_drugs_pattern() -> re.Pattern[str]:
    """Any drug or control agent named in ``lexicons/drugs.toml`` (names and stem endings)."""
    lex = load_lexicon("drugs.toml")
    names = [re.escape(n).replace(r"\ ", r"\s") .replace(r"s\?", "s?") for n in lex["names"]]
    names = [n.replace(r"\?", "?") for n in names]
    suffixes = "|".join(re.escape(s) for s in lex["suffixes"])
    return re.compile(rf"(?<![\w])(?:{'|'.join(longest_first(names))}|"
                      rf"[a-z]{{3,}}(?:{suffixes}))(?![\w])", re.I)


@lru_cache(maxsize=1)
def _other_drugs_lower() -> re.Pattern[str] | None:
    return lower_case_pattern(other_drugs_pattern())


@lru_cache(maxsize=1)
def _other_drugs_scan() -> WordStartScan | None:
    low = _other_drugs_lower()
    lex = load_lexicon("drugs.toml")
    return None if low is None else for_word_list(low, lex["names"], lex["suffixes"])


def other_drug_spans(text: str, intervention_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of drugs other than the intervention (those overlapping an intervention mention are dropped).
    The pattern runs in lower case on the lower-cased text when that keeps the length (4x faster, same
    spans; see ``study_text.Gated``), there only at the words that can start a match (``WordStartScan``)."""
    found: list[tuple[int, int]] | None = None
    low = _other_drugs_lower()
    if low is not None:
        lowered = lower(text)
        if len(lowered) == len(text):
            scan = _other_drugs_scan()
            found = scan.spans(lowered) if scan is not None else [m.span() for m in low.finditer(lowered)]
    if found is None:
        found = [m.span() for m in other_drugs_pattern().finditer(text)]
    return [(a, b) for a, b in found if not any(s < b and a < e for s, e in intervention_spans)]
