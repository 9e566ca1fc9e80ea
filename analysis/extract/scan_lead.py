"""A lower-case copy that starts with a word boundary, led past it by the characters its matches start with.

Most of the extractors' vocabularies are ``\\b(word|word ...|...)``: ``re`` finds no fixed text nor character
class to skip ahead to, so it tries the pattern at every position: the boundary holds at the start and at the
end of every word, and at each it tries every alternative in turn. A look-ahead on the characters every match
starts with, right after the boundary (``\\b(?=[adfp])(...)``), fails at once at a word's end (a space or a
stop follows) and at a word that starts with no such letter. Over 1,988 distinct workload and MEDLINE sentences
the 301 wrapped patterns of this form scanned 12% faster so led (3.47 -> 3.04 s; none slower by more than the
timer's noise, the pain vocabularies a third faster) with the same matches. (A look-ahead in front of the
boundary instead made patterns that start with a literal slower: ``re`` tries a look-ahead's sub-match at
every position.)

A copy that starts with look-behinds is led the same way in front of them, where its matches start with a few
characters (``FEW``).

The look-ahead follows from the pattern (its first characters read from the parsed copy, compiled without
``re.I``, as ``required_text`` reads them), so it changes no match: every match of the first alternative
starts with one of them. It is worked out when ``fast_re`` wraps the pattern, from the parse that reads the pattern's keys
(``required_text._parsed``, kept: no second parse; parsing again cost as much as compiling every copy, 0.14 CPU s a
process), and compiled with the copy on its first scan; only where those characters are letters or digits and
the copy cannot match empty.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as _c  # type: ignore[attr-defined]
from typing import Any

from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
from ketamine_evidence.analysis.extract.required_text import _first, _parsed

# A copy that starts with look-behinds ('(?<!adverse )(?<!safety )...') runs them all at every position: one
# look-ahead in front on a few first characters rules most positions out first (7 of the 11 such copies faster,
# together 0.89 -> 0.60 s over the same sentences; the 3 slower had 18 or more first characters).
FEW = 10


def _chars(items: list[Any], few: int | None) -> str | None:
    chars, empty = _first(items)
    if chars is None or empty or not chars or (few is not None and len(chars) > few) \
            or not all(c.isascii() and c.isalnum() for c in chars):
        return None
    return "(?=[%s])" % "".join(sorted(chars))


@lru_cache(maxsize=1024)  # a module pattern imported into several modules is wrapped in each: one reading
def led(source: str, flags: int) -> str:
    """``source`` (a lower-case copy, compiled with ``flags`` and without ``re.I``) with ``(?=[...])`` after its
    leading ``\\b``, or in front of its leading look-behind (``FEW`` characters at most); ``source`` itself where
    neither applies (no boundary nor look-behind first; a literal right after the boundary ('\\bplacebo'), which
    ``re`` checks as fast; a top-level alternation; a first character that is not a letter or digit)."""
    if flags & re.I or not source.startswith(("\\b", "(?<")) or source.startswith("\\b(?=") \
            or source[2:3].isalnum():
        return source
    try:
        items = _parsed(source, flags).data  # kept from ``required_keys``'s read of the same copy
    except re.error:  # pragma: no cover - the copy compiles
        return source
    if not items:
        return source
    op, av = items[0]
    if op is _c.AT and av is _c.AT_BOUNDARY and source.startswith("\\b"):
        head = _chars(items[1:], None)
        return source if head is None else "\\b" + head + source[2:]
    if op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == -1:  # a look-behind
        head = _chars(items, FEW)
        return source if head is None else head + source
    return source


class Led(Deferred):
    """A ``Deferred`` lower-case copy compiled from ``led``'s source, worked out when it is made (``pattern`` stays
    the copy's own source, so equality and hashing are unchanged; the look-ahead adds no group)."""

    __slots__ = ("source",)

    def __init__(self, pattern: str, flags: int) -> None:
        super().__init__(pattern, flags)
        self.source = led(pattern, self.flags)

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled
