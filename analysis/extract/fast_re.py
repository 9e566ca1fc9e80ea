"""Case-insensitive regexes run in lower case: the same matches several times faster.

Python's ``re`` gives up most of its fast paths (literal prefixes, character-set skips) under
``re.I``; the extractors' patterns are nearly all case-insensitive alternations of words, tried on
every sentence. ``LowerPattern`` keeps the ``re.I`` pattern and a copy compiled in lower case without
``re.I``, runs the copy on the lower-cased text, and hands back matches that read the original text
(``group()`` keeps its case). It falls back to the ``re.I`` pattern whenever the two could differ:

- lower-casing changes the text's length ('İ'), so offsets would shift;
- the text holds a character that ``re.I`` matches to a different character of the pattern through
  Unicode's special case equivalences (``re._casefix``: micro sign and Greek mu, long s and s...);
- the pattern cannot be lower-cased safely (inline flags, backreferences, a character range that
  mixes cases or is not ASCII, an escaped upper-case character): then it is simply not wrapped.

``fast_patterns(globals())`` at the end of a module wraps its module-level ``re.I`` patterns in place,
so the extractors' code reads the same.
"""

from __future__ import annotations

import dataclasses
import re
from itertools import repeat
from typing import Any, Iterator

from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.deferred_pattern import Deferred, Pending
from ketamine_evidence.analysis.extract.lower_match import LowerMatch
from ketamine_evidence.analysis.extract.article_cache import ARTICLE, per_article
from ketamine_evidence.analysis.extract.scan_lead import Led
from ketamine_evidence.analysis.extract.safe_lowering import _RISKY_CHAR, _SPECIAL, lower_copy  # noqa: F401 (re-exported)
from ketamine_evidence.analysis.extract.study_text import has_digit, lower


@per_article  # several patterns read each sentence, clause and slice of an article
def _lowered(text: str) -> list[Any] | None:
    """[``text`` lower-cased, the characters it holds that a pattern's ``risky`` set may name, the shared keys
    it holds (found on first request), whether it holds a digit (asked on first request: a pattern that needs one
    is asked of a few of the texts), the ``in`` checks spelled gates have spent on it (``spell_gates``)]; None when
    lower-casing changes the length.
    The lower-cased copy is ``study_text.lower``'s, kept for the article: the design and participant readings
    lower-case the same sentences and whole abstract (a MEDLINE abstract was lower-cased twice)."""
    low = lower(text)
    if len(low) != len(text):
        return None
    return [low, (frozenset() if low.isascii() else frozenset(_RISKY_CHAR.findall(low))), None, None, 0]


def _holds_digit(got: list[Any], text: str) -> bool:
    """Whether ``text`` (``got`` its ``_lowered`` entry) holds a digit, asked once per text and kept in ``got``."""
    if got[3] is None:
        got[3] = has_digit(text)
    return got[3]


class LowerPattern:
    """A ``re.I`` pattern that runs its lower-case copy where that gives the same matches (see module)."""

    __slots__ = ("re", "low", "risky", "keys", "gate", "digit", "pattern", "flags", "groups", "groupindex", "_hash",
                 "memo", "_article", "spelled")

    def __init__(self, pattern: re.Pattern[str], low: re.Pattern[str], risky: frozenset[str],
                 keys: tuple[str, ...] = (), gate: frozenset[int] | None = None, digit: bool = False,
                 spelled: tuple[str, ...] | None = None) -> None:
        self.re = pattern
        self.low = low
        self.risky = risky
        self.keys = keys  # lower-case substrings one of which every match holds (a pre-check), or none
        self.gate = gate  # the same as numbers of the shared automaton's keys (``required_text``), or None
        # A gate of a few keys, spelled out: checked with ``in`` on a text whose automaton pass has not been made
        # (most texts of an article that never names the intervention are asked by one or two gated patterns)
        self.spelled = spelled
        self.digit = digit  # every match holds a digit: text without one is not scanned
        self._hash = hash((pattern, keys))  # kept: patterns are cache keys (a re.Pattern hashes its code each time)
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        # the same as the original's (``lower_copy``); ask a compiled one: either may be a ``Deferred``
        known = pattern if isinstance(pattern, re.Pattern) else low
        self.groups = known.groups
        self.groupindex = known.groupindex
        if isinstance(low, Deferred):  # compiled on the first scan, then called directly
            self.low = Pending(self, low) if low._compiled is None else low._compiled  # type: ignore[assignment]
        self.memo: dict[Any, Any] | None = None  # ``remember``: results for the texts of the current article
        self._article = -1

    def _lower(self, text: str) -> str | None:
        """The lower-cased text to run ``low`` on ('' when a key pre-check rules every match out), or None
        to run the ``re.I`` pattern."""
        got = _lowered(text)
        if got is None:
            return None
        low, chars, present = got[0], got[1], got[2]
        if chars and self.risky and not self.risky.isdisjoint(chars):
            return None
        if self.digit and not _holds_digit(got, text):
            return ""
        if self.gate is not None:
            if present is None:
                if self.spelled is not None and got[4] < _SPELLED_BUDGET:
                    got[4] += len(self.spelled)
                    return low if _holds_one(low, self.spelled) else ""
                present = got[2] = required_text.present_keys(low)
            return low if not self.gate.isdisjoint(present) else ""
        if self.keys:
            for key in self.keys:
                if key in low:
                    return low
            return ""
        return low

    def excluded(self, whole: str) -> bool:
        """True when no part of ``whole`` can match: it lacks a digit or every key that each match needs. (A part's
        lower-cased copy is a part of the whole's when lower-casing keeps the whole's length; a text whose risky
        characters send the pattern to its ``re.I`` original is never excluded.) ``design`` asks it of the whole
        abstract before it scans each sentence."""
        got = _lowered(whole)
        if got is None or (got[1] and self.risky and not self.risky.isdisjoint(got[1])):
            return False
        if self.digit and not _holds_digit(got, whole):
            return True
        if self.gate is not None:
            if got[2] is None:
                if self.spelled is not None:  # a few ``in`` checks over the abstract cost less than the pass
                    return not _holds_one(got[0], self.spelled)
                got[2] = required_text.present_keys(got[0])  # one pass over the abstract, kept for every later gate
            return self.gate.isdisjoint(got[2])
        if self.keys:
            return not _holds_one(got[0], self.keys)
        return False

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LowerPattern) and other.re == self.re and other.keys == self.keys

    def __hash__(self) -> int:
        return self._hash

    def search(self, text: str, *args: int) -> LowerMatch | re.Match[str] | None:
        """``_search`` with its pre-checks inlined: most calls (some 400 per abstract) end at a pre-check."""
        got = _lowered(text) if text else None
        if got is None or (got[1] and self.risky and not self.risky.isdisjoint(got[1])):
            return self._search(text, *args)
        if self.digit and not _holds_digit(got, text):
            return None
        if self.gate is not None:
            present = got[2]
            if present is None:
                if self.spelled is not None and got[4] < _SPELLED_BUDGET:  # ``_holds_one``, inlined: the hot path
                    got[4] += len(self.spelled)
                    low = got[0]
                    for key in self.spelled:
                        if key in low:
                            break
                    else:
                        return None
                else:
                    present = got[2] = required_text.present_keys(got[0])
                    if self.gate.isdisjoint(present):
                        return None
            elif self.gate.isdisjoint(present):
                return None
        elif self.keys:
            low = got[0]
            for key in self.keys:
                if key in low:
                    break
            else:
                return None
        m = self.low.search(got[0], *args)
        return None if m is None else LowerMatch(m, text)

    def _search(self, text: str, *args: int) -> LowerMatch | re.Match[str] | None:
        low = self._lower(text)
        if low is None:
            return self.re.search(text, *args)
        if not low and text:
            return None
        m = self.low.search(low, *args)
        return None if m is None else LowerMatch(m, text)

    def remembered(self, text: str, *args: int) -> LowerMatch | re.Match[str] | None:
        """``search`` keeping its results for the texts of the current article (the ``search`` of a pattern
        made with ``remember``)."""
        memo = self.memo
        if memo is None or args:
            return LowerPattern.search(self, text, *args)
        if self._article != ARTICLE[0] or len(memo) > _MEMO_SIZE:
            memo.clear()
            self._article = ARTICLE[0]
        got = memo.get(text, _MISS)
        if got is _MISS:
            got = memo[text] = LowerPattern.search(self, text)
        return got

    def remembered_finditer(self, text: str, *args: int) -> Iterator[LowerMatch | re.Match[str]]:
        """``finditer`` keeping its matches (shared, read only) for the current article's texts in ``remembered``'s memo
        under ``(text,)``: the routes, dosing, arms and adverse-event readers scan the same texts for the intervention."""
        memo = self.memo
        if memo is None or args:
            return LowerPattern.finditer(self, text, *args)
        if self._article != ARTICLE[0] or len(memo) > _MEMO_SIZE:
            memo.clear()
            self._article = ARTICLE[0]
        got = memo.get((text,))
        if got is None:
            got = memo[(text,)] = tuple(LowerPattern.finditer(self, text))
        return iter(got)

    def remembered_sub(self, repl: Any, string: str, count: int = 0) -> str:
        """``sub`` joined from the kept ``finditer`` matches, as ``sub`` joins a scan's (the arms blank the names of a
        clause twice: with spaces of their length and with one space)."""
        if count or self.memo is None or not (callable(repl) or (isinstance(repl, str) and "\\" not in repl)):
            return LowerPattern.sub(self, repl, string, count)
        out, pos, call = [], 0, callable(repl)
        for m in self.remembered_finditer(string):
            out.append(string[pos:m.start()])
            out.append(repl(m) if call else repl)
            pos = m.end()
        return "".join(out) + string[pos:] if out else string

    def match(self, text: str, *args: int) -> LowerMatch | re.Match[str] | None:
        low = self._lower(text)
        if low is None:
            return self.re.match(text, *args)
        if not low and text:
            return None
        m = self.low.match(low, *args)
        return None if m is None else LowerMatch(m, text)

    def fullmatch(self, text: str, *args: int) -> LowerMatch | re.Match[str] | None:
        low = self._lower(text)
        if low is None:
            return self.re.fullmatch(text, *args)
        if not low and text:
            return None
        m = self.low.fullmatch(low, *args)
        return None if m is None else LowerMatch(m, text)

    def finditer(self, text: str, *args: int) -> Iterator[LowerMatch | re.Match[str]]:
        low = self._lower(text)
        if low is None:
            return self.re.finditer(text, *args)
        if not low and text:
            return iter(())
        return map(LowerMatch, self.low.finditer(low, *args), repeat(text))  # no generator frame resumed per match

    def findall(self, text: str, *args: int) -> list[Any]:
        low = self._lower(text)
        if low is None:
            return self.re.findall(text, *args)
        if not low and text:
            return []
        if self.groups == 0:
            return [text[a:b] for a, b in (m.span() for m in self.low.finditer(low, *args))]
        out = []
        for m in self.low.finditer(low, *args):
            lm = LowerMatch(m, text)
            out.append(lm.group(1) or "" if self.groups == 1 else tuple(g or "" for g in lm.groups()))
        return out

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        """``re.sub`` for a function or a plain string (no backslash) replacement, every match replaced;
        anything else goes to the ``re.I`` pattern."""
        if count or not (callable(repl) or (isinstance(repl, str) and "\\" not in repl)):
            return self.re.sub(repl, string, count)
        low = self._lower(string)
        if low is None:
            return self.re.sub(repl, string)
        if not low and string:
            return string
        out, pos, call = [], 0, callable(repl)
        for m in self.low.finditer(low):
            out.append(string[pos:m.start()])
            out.append(repl(LowerMatch(m, string)) if call else repl)
            pos = m.end()
        if not out:
            return string
        out.append(string[pos:])
        return "".join(out)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.re.subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.re.split(*args, **kwargs)

    def scanner(self, *args: Any, **kwargs: Any) -> Any:
        return self.re.scanner(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LowerPattern({self.re!r})"


_MISS = object()
_MEMO_SIZE = 2048  # texts of one article at most (sentences, clauses, slices), in case no caller marks articles


_FEW_KEYS = 4  # a pattern made per article is pre-checked with ``in`` only when it needs one of a few keys
# A gate of up to this many keys keeps them spelled out (``LowerPattern.spelled``).
_SPELLED_KEYS = 48
# The ``in`` checks a text may spend on spelled gates before its automaton pass is made after all (then shared by
# every later gate): 0 while an article that names the intervention is read (every extractor runs and asks each
# sentence about many gates: the pass pays for itself), ``_SPELLED_TEXT`` otherwise (design, participants,
# conditions and relevance ask most texts about one or two gates). ``spell_gates`` switches.
_SPELLED_TEXT = 256
_SPELLED_BUDGET = 0


def spell_gates(on: bool) -> None:
    """Check spelled gates with ``in`` (``on``: for an article that never names the intervention) or go straight
    to the shared automaton pass. Only the cost differs: either way a gate is open when its text holds one of
    its keys."""
    global _SPELLED_BUDGET
    _SPELLED_BUDGET = _SPELLED_TEXT if on else 0


def _holds_one(low: str, keys: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``keys`` (the automaton's answer for a gate, found with ``in``)."""
    for key in keys:
        if key in low:
            return True
    return False


def fast(pattern: re.Pattern[str] | Deferred, keys: tuple[str, ...] = (),
         remember: bool | None = None) -> re.Pattern[str] | LowerPattern:
    """``pattern`` wrapped in a ``LowerPattern`` when it is case-insensitive and can be lower-cased safely;
    ``keys``: lower-case substrings one of which every match holds (checked before the pattern runs); without
    them the keys are read from the pattern (``required_text``); ``remember``: ``search`` keeps its results
    for the texts of the current article (see ``article_cache.new_article``); by default for a pattern given its keys (the
    intervention's names, asked about the same texts by every extractor). A pattern made before any text is
    read (at import) has its keys join the one automaton pass per text; one made later (per article) is
    pre-checked with ``in`` when it has a few keys."""
    if remember is None:
        remember = bool(keys)
    if isinstance(pattern, LowerPattern):
        return pattern
    got = lower_copy(pattern) if isinstance(pattern, (re.Pattern, Deferred)) else None
    if got is None:
        return pattern.compiled() if isinstance(pattern, Deferred) else pattern
    gate, given, spelled = None, bool(keys), None
    if not keys:
        needed = required_text.required_keys(got[0].pattern, got[0].flags)
        if needed and len(needed) <= _FEW_KEYS:  # a few ``in`` checks cost less than a pass over a short text
            keys = tuple(sorted(needed))
        elif needed and required_text.accepting():
            gate = required_text.register(needed)
            spelled = tuple(sorted(needed)) if len(needed) <= _SPELLED_KEYS else None
    # A pattern given its keys (the intervention's names, built per article) is pre-checked by them: the digit
    # check would read its source again (a parse where a name writes a digit) for a case no name list makes.
    digit = not given and required_text.needs_digit(got[0].pattern, got[0].flags)
    if not given and type(got[0]) is Deferred and got[0].pattern.startswith(("\\b", "(?<")):
        # compiled led by its first characters (``scan_lead``), read from the parse ``required_keys`` just made
        got = (Led(got[0].pattern, got[0].flags), got[1])
    wrapped = (RememberingPattern if remember else LowerPattern)(pattern, *got, keys=tuple(keys), gate=gate,
                                                                  digit=digit, spelled=spelled)
    if remember:
        wrapped.memo = {}
    return wrapped


class RememberingPattern(LowerPattern):
    """A ``LowerPattern`` whose ``search`` and ``finditer`` (and so ``sub``) keep results for the current article's texts."""

    __slots__ = ()
    search = LowerPattern.remembered
    finditer = LowerPattern.remembered_finditer
    sub = LowerPattern.remembered_sub


def fast_patterns(namespace: dict[str, Any]) -> None:
    """Wrap every module-level ``re.I`` pattern of ``namespace`` (a module's ``globals()``) in place, also
    the pattern fields of module-level dataclass instances (a compiled lexicon: replaced by a copy) and the patterns
    of module-level tuples and lists of patterns or of labelled patterns (``(("topical", re.compile(...)), ...)``:
    a list changed in place, a tuple replaced by a copy), which an extractor loops over for each sentence."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern) and value.flags & re.I:
            namespace[name] = fast(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: fast(v) for f in dataclasses.fields(value)
                       if isinstance(v := getattr(value, f.name), re.Pattern) and v.flags & re.I}
            if changes:
                namespace[name] = dataclasses.replace(value, **changes)
        elif type(value) in (tuple, list) and value and any(map(_holds_case_free, value)):
            items = [tuple(map(_fast_item, item)) if type(item) is tuple else _fast_item(item) for item in value]
            if isinstance(value, list):
                value[:] = items
            else:
                namespace[name] = tuple(items)


def _fast_item(item: Any) -> Any:
    """``item`` wrapped when it is an ``re.I`` pattern, else itself."""
    return fast(item) if isinstance(item, re.Pattern) and item.flags & re.I else item


def _holds_case_free(item: Any) -> bool:
    """Whether ``item`` is an ``re.I`` pattern or a tuple holding one (an entry of a list of labelled patterns)."""
    if type(item) is tuple:  # not a named tuple: rebuilt as a plain one
        return any(isinstance(v, re.Pattern) and v.flags & re.I for v in item)
    return isinstance(item, re.Pattern) and bool(item.flags & re.I)
