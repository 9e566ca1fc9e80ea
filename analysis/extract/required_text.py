"""The literal text every match of a regex must hold, read from the pattern, and one pass that finds it.

A pattern that needs one of the words {'nausea', 'vomiting'} cannot match a sentence holding neither.
``required_keys`` reads that set from the parsed pattern (``re._parser``): a sequence's runs of fixed text
(optional parts and small character classes expanded, so 'anti[- ]?emetic' gives three spellings), an
alternation's union, a repeat's body; it picks the most selective set (longest shortest key) and returns
None when some match needs no fixed text (a pattern of digits and classes only).

``present_keys`` finds every key of every registered pattern in a text in one Aho-Corasick pass (C), kept
for the texts of one article; ``fast_re.LowerPattern`` checks its keys against that set before it runs the
regex, so each extractor's patterns effectively run only on the sentences that hold their trigger words,
with no change to the extractors. The keys are necessary, never sufficient: a pattern still runs wherever
a key is present, so the matches are the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from re import _constants as _c, _parser  # type: ignore[attr-defined]
from typing import Any

from ketamine_evidence.analysis.extract.article_cache import per_article

try:  # one pass finds every key (C); else a pattern is gated only when it has a few keys (``in`` checks)
    import ahocorasick
except ImportError:  # pragma: no cover - declared in pyproject.toml
    ahocorasick = None

_MAX_SET = 64  # the most spellings a run of fixed text is expanded to
_MIN_KEY = 3  # a key shorter than this rules out too little text to be worth a look-up
Info = tuple["frozenset[str] | None", "frozenset[str] | None"]  # (exact strings, required keys)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two key sets: the longer shortest key, then the fewer keys."""
    if not b or "" in b:
        return a
    if not a:
        return b
    score_a, score_b = (min(8, min(map(len, a))), -len(a)), (min(8, min(map(len, b))), -len(b))
    return b if score_b > score_a else a


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_SET:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: Any) -> Info:
    """A concatenation: its exact strings (while every item is fixed text) and its best key set."""
    run: frozenset[str] = frozenset({""})
    exact_all = True
    best: frozenset[str] | None = None
    for op, av in items:
        exact, req = _item(op, av)
        if exact is not None:
            joined = _product(run, exact)
            if joined is None:  # too many spellings: the run so far is one candidate, a new run starts
                best, run, exact_all = _better(best, run), exact, False
            else:
                run = joined
        else:
            best = _better(_better(best, run), req)
            run, exact_all = frozenset({""}), False
    best = _better(best, run)
    return (run if exact_all else None), best


def _class_chars(items: Any, widest: int) -> set[str] | None:
    """The characters a class ``[...]`` matches, or None for a class too wide to list (a negation, a category,
    a range of ``widest`` characters or more)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < widest:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return chars


def _item(op: Any, av: Any) -> Info:
    if op is _c.LITERAL:
        return frozenset({chr(av)}), None
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: adds nothing to the matched text
        return frozenset({""}), None
    if op is _c.IN:
        chars = _class_chars(av, 16)
        return (None if chars is None else frozenset(chars)), None
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is _c.BRANCH:
        infos = [_sequence(b) for b in av[1]]
        exact: frozenset[str] | None = None
        if all(e is not None for e, _ in infos):
            union = frozenset().union(*(e for e, _ in infos))  # type: ignore[misc]
            exact = union if len(union) <= _MAX_SET else None
        reqs = [r for _, r in infos]
        if any(r is None or "" in r for r in reqs):
            return exact, None
        return exact, frozenset().union(*reqs)  # type: ignore[arg-type]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, body = av
        exact, req = _sequence(body)
        if lo == 0:
            return (exact | {""} if exact is not None and hi == 1 else None), None
        if lo == hi == 1:
            return exact, req
        return None, _better(req, exact)
    return None, None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...


@lru_cache(maxsize=8)  # ``required_keys`` and ``needs_digit`` read the same pattern one after the other
def _parsed(source: str, flags: int) -> Any:
    """The parsed pattern (read only): parsing is most of the cost of wrapping a pattern at import."""
    return _parser.parse(source, flags)


@lru_cache(maxsize=1024)  # per-article patterns (an intervention with its abbreviations) recur across a harvest
def required_keys(source: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of the (case-sensitive) pattern ``source`` holds, or None when
    no such set of keys at least ``_MIN_KEY`` long is found."""
    try:
        exact, req = _sequence(_parsed(source, flags))
    except Exception:  # an odd pattern is simply not gated
        return None
    keys = _better(req, exact)
    if not keys or min(map(len, keys)) < _MIN_KEY:
        return None
    return drop_holders(keys)


def drop_holders(keys: frozenset[str]) -> frozenset[str]:
    """``keys`` without those holding another key ('antiemetics' holds 'antiemetic': it adds nothing). Many keys
    (a lexicon's) look up each key's shorter substrings instead of comparing every pair (the same set)."""
    if len(keys) <= 32:
        return frozenset(k for k in keys if not any(o != k and o in k for o in keys))
    least = min(map(len, keys))
    return frozenset(k for k in keys if not any(
        k[i:i + size] in keys for size in range(least, len(k)) for i in range(len(k) - size + 1)))


def fragment_keys(fragments: list[str]) -> tuple[str, ...] | None:
    """Lower-case keys one of which every match of any of the (lower-case) pattern ``fragments`` holds, for a
    text that is matched with ``re.I``; None when some fragment has none."""
    keys = [required_keys(f) for f in fragments]
    if not all(keys):
        return None
    return tuple(k.lower() for ks in keys for k in ks)  # type: ignore[union-attr]


def _digit_item(op: Any, av: Any) -> bool:
    """Whether every match of one parsed item holds a digit."""
    if op is _c.LITERAL:
        return chr(av).isdecimal()
    if op is _c.IN:
        return bool(av) and all(
            (iop is _c.CATEGORY and iav is _c.CATEGORY_DIGIT) or (iop is _c.LITERAL and chr(iav).isdecimal())
            or (iop is _c.RANGE and all(chr(x).isdecimal() for x in range(iav[0], iav[1] + 1))) for iop, iav in av)
    if op is _c.SUBPATTERN:
        return _digit_sequence(av[3])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _digit_sequence(av)
    if op is _c.BRANCH:
        return all(_digit_sequence(b) for b in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return av[0] >= 1 and _digit_sequence(av[2])
    return False  # look-arounds check text outside the match; anything else may match without a digit


def _digit_sequence(items: Any) -> bool:
    return any(_digit_item(op, av) for op, av in items)


# A character escape by code (kept only when it writes a digit), or any other backslash pair (kept as written).
_CODE_OR_PAIR = re.compile(r"(\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8})|\\.", re.S)


def _digit_code(m: re.Match[str]) -> str:
    if m.group(1) is None:
        return m.group(0)
    return "0" if chr(int(m.group(1)[2:], 16)).isdecimal() else ""


def _writes_digit(source: str) -> bool:
    """Whether the source writes a digit at all (a digit, ``\\d``, a named or coded digit): without one no
    match needs one, and the parse is skipped (an intervention's names pattern, built per article)."""
    plain = _CODE_OR_PAIR.sub(_digit_code, source)
    return "\\d" in plain or "\\N" in plain or any(c.isdecimal() for c in plain)


@lru_cache(maxsize=1024)  # the same: the intervention's pattern is rebuilt for every article
def needs_digit(source: str, flags: int = 0) -> bool:
    """Whether every match of the pattern ``source`` holds a digit (``\\d``, ``[0-9]``): then text without
    one cannot match (checked with ``\\d`` on the text, so every Unicode digit counts)."""
    if not _writes_digit(source):
        return False
    try:
        return _digit_sequence(_parsed(source, flags))
    except Exception:  # an odd pattern is simply not gated
        return False


def alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of a pattern's source ('a|(b|c)|d' -> ['a', '(b|c)', 'd']); None when the
    source does not parse as written (an unbalanced bracket)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or i == start_class + 1 or (i == start_class + 2 and source[start_class + 1] == "^")
        elif ch == "[":
            in_class, start_class = True, i
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    if depth or in_class:
        return None
    return [*out, source[start:]]


def _first(items: list[Any]) -> tuple[set[str] | None, bool]:
    """(the characters a match of the sequence can start with, None for any; whether it can match empty)."""
    chars: set[str] = set()
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            return chars | {chr(av)}, False
        if op is _c.IN:
            got = _class_chars(av, 64)
            return (None if got is None else chars | got), False
        if op in (_c.SUBPATTERN, _c.BRANCH, _c.MAX_REPEAT, _c.MIN_REPEAT):
            if op is _c.SUBPATTERN:
                sub, empty = _first(av[3].data)
            elif op is _c.BRANCH:
                firsts = [_first(b.data) for b in av[1]]
                sub = None if any(f is None for f, _ in firsts) else set().union(*(f for f, _ in firsts))
                empty = any(e for _, e in firsts)
            else:
                sub, empty = _first(av[2].data)
                empty = empty or av[0] == 0
            if sub is None:
                return None, False
            chars |= sub
            if not empty:
                return chars, False
            continue
        return None, False  # ANY, NOT_LITERAL, CATEGORY, a group reference...
    return chars, True


def first_letters(source: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-cased characters a match of ``source`` can start with; None when any character may (or the
    pattern can match empty). Under ``re.I`` a character matches its other cases, so lower case suffices for
    text whose letter at that position lower-cases to one of these."""
    try:
        chars, empty = _first(_parser.parse(source, flags).data)
    except Exception:
        return None
    return None if chars is None or empty else frozenset(c.lower() for c in chars)


# Every registered key gets a number; the automaton over them is built on first use, after which no key is
# added (patterns made at import register theirs before any text is read).
_IDS: dict[str, int] = {}
_AUTOMATON: list[Any] = []  # [automaton], once built
_VALUE = itemgetter(1)


def register(keys: frozenset[str]) -> frozenset[int]:
    """Numbers for ``keys``, added to the shared automaton: only while ``accepting()`` (no text has been
    looked at, so no set of present keys kept by a caller lacks them)."""
    if not accepting():
        raise RuntimeError("keys registered after the first text was read")
    for key in keys:
        if key not in _IDS:
            _IDS[key] = len(_IDS)
    return frozenset(_IDS[k] for k in keys)


def accepting() -> bool:
    """Whether keys may still join the shared automaton: until it is first built (patterns made at import)."""
    return ahocorasick is not None and not _AUTOMATON


def _automaton() -> Any:
    if not _AUTOMATON:
        auto = ahocorasick.Automaton()
        for key, i in _IDS.items():
            auto.add_word(key, i)
        if len(auto):
            auto.make_automaton()
        _AUTOMATON.append(auto)
    return _AUTOMATON[0]


@per_article  # the texts of one article
def present_keys(lowered: str) -> frozenset[int]:
    """The numbers of the registered keys found in ``lowered`` (lower-cased text), in one pass."""
    auto = _automaton()
    return frozenset(map(_VALUE, auto.iter(lowered))) if len(auto) else frozenset()

