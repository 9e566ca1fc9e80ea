"""Adverse-event wordings and their preferred terms (the guideline's list), read from
``lexicons/adverse_events.toml`` into one compiled alternation; the medical-problem and drug-stem
patterns that the sentence detector uses for case reports about any drug."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.text_patterns import longest_first

GENERIC = "generic"
SERIOUS = "serious_adverse_events"
OTHER = "other"


def load_lexicon(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(name).read_text(encoding="utf-8"))


def _phrase(phrase: str) -> str:
    """A lexicon phrase as a regex: whole words, ``*`` = any word ending, spaces or hyphens between words;
    an all-capitals abbreviation (PONV, SAE) only in capitals."""
    parts = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in re.split(r"[\s]+", phrase)]
    body = r"[\s-]+".join(parts).replace(r"\-", r"[\s-]?")
    if re.fullmatch(r"[A-Z/]{2,}s?", phrase):
        body = f"(?-i:{body})"
    return body


@dataclass(frozen=True)
class _Lexicon:
    regex: re.Pattern[str]  # every wording, one alternation (no capturing groups: they cost tenfold)
    entries: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]  # (wording, kind, preferred terms)
    prefixes: frozenset[str]  # the first four letters of every word a wording can start with
    problem: re.Pattern[str]
    drug: re.Pattern[str]  # INN stems
    condition_topics: dict[str, tuple[str, ...]]
    generic_treatments: frozenset[str]  # 'drug', 'chemotherapy', 'steroid': no drug's name

    def classify(self, words: str) -> tuple[str, tuple[str, ...]]:
        """(kind, preferred terms) of a matched wording."""
        return _classify(words)

    def may_match(self, text: str) -> bool:
        """A cheap test that rules out most sentences before the alternation runs."""
        return bool(_starts(text))


# British and American spellings of the same medical word (MedDRA lists the American, abstracts use both):
# (British, American, where the American is, its British letters): each read where it cannot be another word.
_SPELLINGS = (
    (r"(?<=[a-z])ae(?=m|s|t|c)", "e", r"(?<=[a-z])(?<![aeiou])e(?=mia\b|sthe)", "ae"),
    (r"\bhaem", "hem", r"\bhem(?=at|orrh|odynam|oly|ogl|opty|ostas)", "haem"),
    (r"\boe(?=d|s)", "e", r"\b(?=edema|esophag)", "o"),
    (r"oea\b", "ea", r"(?:(?<=rrh)|(?<=pn))ea\b", "oea"),
    (r"our\b", "or", r"(?<=tum)or\b", "our"),
    (r"isation", "ization", r"ization", "isation"),
)


def spelling_variants(phrase: str) -> list[str]:
    """The phrase in the other spelling (British 'haematoma', 'oedema', 'diarrhoea', 'paraesthesia', 'tumour'
    against American 'hematoma', 'edema', 'diarrhea', 'paresthesia', 'tumor'), without the phrase itself: one
    lexicon entry then matches both, so a canonical event never lacks the other spelling."""
    american, british = phrase, phrase
    for to_american, american_letters, to_british, british_letters in _SPELLINGS:
        american = re.sub(to_american, american_letters, american)
        british = re.sub(to_british, british_letters, british)
    variants = {american, british}
    variants.discard(phrase)
    return sorted(variants)


_WORD = re.compile(r"[a-z]+")
_FILLERS = frozenset("were both with well than from values also significantly markedly slightly transiently".split())


def _with_variants(phrases: Iterable[str]) -> list[str]:
    """The phrases, each followed by its other spellings."""
    return [v for p in phrases for v in (p, *spelling_variants(p))]


def _compile_lexicon() -> _Lexicon:
    data = load_lexicon("adverse_events.toml")
    raw: list[tuple[str, str, tuple[str, ...], str]] = []  # (regex, kind, terms, source text)
    for term, spec in data["terms"].items():
        raw += [(_phrase(p), "term", (term,), p) for p in _with_variants(spec.get("phrases", []))]
        raw += [(p, "term", (term,), p) for p in spec.get("patterns", [])]
    for spec in data["combined"]:
        raw += [(_phrase(p), "term", tuple(spec["terms"]), p) for p in _with_variants(spec.get("phrases", []))]
        raw += [(p, "term", tuple(spec["terms"]), p) for p in spec.get("patterns", [])]
    raw += [(_phrase(p), GENERIC, (), p) for p in data["generic"]["phrases"]]
    raw += [(p, GENERIC, (), p) for p in data["generic"].get("patterns", [])]
    seen: set[str] = set()
    raw = [e for e in raw if not (e[0] in seen or seen.add(e[0]))]  # a variant the lexicon lists itself: once
    # Longest first, so that 'serious adverse events' wins over 'adverse events' at one position.
    raw.sort(key=lambda e: len(e[0]), reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(rx for rx, *_ in raw) + r")(?![\w])", re.I)
    entries = tuple((re.compile(rx, re.I), kind, terms) for rx, kind, terms, _ in raw)
    prefixes: set[str] = set()
    for rx, _, _, source in raw:
        words = _WORD.findall(source.lower()) if rx != source else \
            [w for w in _WORD.findall(re.sub(r"\\[a-z]", " ", source.lower())) if len(w) >= 4 and w not in _FILLERS]
        prefixes.update(w[:4] for w in (words if rx == source else words[:1]))
    problems = data["problems"]
    problem = re.compile(
        r"\b(?:\w+(?:" + "|".join(longest_first(map(re.escape, set(problems["suffixes"])))) + r")|"
        + "|".join(longest_first(map(re.escape, set(problems["words"])))) + r")\b", re.I)
    drugs = data["drugs"]
    drug = re.compile(
        r"\b\w{3,}(?:" + "|".join(longest_first(map(re.escape, set(drugs["suffixes"])))) + r")\b", re.I)
    topics = {k: tuple(v) for k, v in data.get("condition_topics", {}).items()}
    return _Lexicon(regex, entries, frozenset(prefixes), problem, drug, topics,
                    frozenset(w.lower() for w in drugs["generic"]))


@lru_cache(maxsize=4096)
def _classify(words: str) -> tuple[str, tuple[str, ...]]:
    for rx, kind, terms in LEXICON.entries:
        if rx.fullmatch(words):
            return kind, terms
    return GENERIC, ()


def alternation(phrases: Iterable[str]) -> str:
    return "|".join(_phrase(p) for p in longest_first(set(phrases)))


LEXICON = _compile_lexicon()


def _prefix_trie(words: Iterable[str]) -> str:
    """A regex (no flags) matching, at the start of a ``[a-z]+`` run, exactly where the run's first four letters
    (a shorter run: all of it) are one of ``words`` (``[a-z]+``, at most four letters): the words as a trie,
    so ``re`` tries at most one branch per letter, and a word shorter than four letters only as a whole run."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict[str, Any], depth: int) -> str:
        if depth == 4:
            return ""  # four letters read: the run may go on
        alts = [letter + branch(child, depth + 1) for letter, child in sorted(node.items()) if letter]
        if "" in node:
            alts.append("(?![a-z])")  # the whole run
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return "(?<![a-z])" + branch(root, 0)


assert all(re.fullmatch(r"[a-z]{1,4}", p) for p in LEXICON.prefixes)
_PREFIX_STARTS = re.compile(_prefix_trie(LEXICON.prefixes))


def word_starts(lowered: str) -> list[int]:
    """Where, in lower-cased text, every ``[a-z]+`` word starts whose first four letters (a shorter word: all of
    it) are one of the lexicon's prefixes: the words ``lexicon_hits`` tries. One scan of the prefixes as a trie
    (C), a third faster than finding every letter run and looking its prefix up in a set, same positions."""
    return [m.start() for m in _PREFIX_STARTS.finditer(lowered)]


@per_article  # the sentences of one article: ``may_match`` and then ``lexicon_hits`` read each
def _starts(text: str) -> tuple[int, ...]:
    return tuple(word_starts(text.lower()))


_HEAD, _TAIL = "(?<![\\w-])(?:", ")(?![\\w])"


def _by_first_letter(regex: re.Pattern[str]) -> dict[str, re.Pattern[str]]:
    """The lexicon alternation once per first letter, holding (in their order) only the wordings a match can
    start with that letter: at a word starting with it, the same wording matches first, from a tenth of the
    alternatives. Empty (the whole alternation is used) if the regex is not ``_HEAD + alternatives + _TAIL``."""
    source = regex.pattern
    alts = required_text.alternatives(source[len(_HEAD):-len(_TAIL)]) \
        if source.startswith(_HEAD) and source.endswith(_TAIL) else None
    if not alts:
        return {}
    firsts = [required_text.first_letters(a, regex.flags) for a in alts]
    firsts = [f if f is not None and all(c.isascii() for c in f) else None for f in firsts]  # 'ſ' is 's' under re.I
    return {letter: re.compile(_HEAD + "|".join(a for a, f in zip(alts, firsts) if f is None or letter in f) + _TAIL,
                               regex.flags)
            for letter in "abcdefghijklmnopqrstuvwxyz"}


_BY_LETTER = _by_first_letter(LEXICON.regex)


def lexicon_hits(text: str) -> list[re.Match[str]]:
    """``LEXICON.regex.finditer(text)``, tried only at the words whose first letters can start a wording
    (a big alternation tried at every character costs ten times more)."""
    return list(_lexicon_hits(text))


@per_article  # the sentences of one article: the event extractor and its detectors read each
def _lexicon_hits(text: str) -> tuple[re.Match[str], ...]:
    hits: list[re.Match[str]] = []
    end = 0
    regex, by_letter = LEXICON.regex, _BY_LETTER
    for start in _starts(text):
        if start < end:
            continue
        first = text[start].lower()  # the text's own letter (the lower-cased copy may be offset by 'İ')
        m = (by_letter.get(first) or regex).match(text, start)
        if m is not None:
            hits.append(m)
            end = m.end()
    return tuple(hits)


@lru_cache(maxsize=1)
def preferred_terms() -> tuple[str, ...]:
    """The preferred terms the lexicon can produce (the guideline's list)."""
    return tuple(sorted({t for _, _, terms in LEXICON.entries for t in terms}))
