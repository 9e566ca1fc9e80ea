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
starts with one of them. It is added when the copy is compiled (``Deferred``: a pattern no text asks for is
never parsed), only where those characters are letters or digits and the copy cannot match empty.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]

from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
from ketamine_evidence.analysis.extract.required_text import _first


# A copy that starts with look-behinds ('(?<!adverse )(?<!safety )...') runs them all at every position: one
# look-ahead in front on a few first characters rules most positions out first (7 of the 11 such copies faster,
# together 0.89 -> 0.60 s over the same sentences; the 3 slower had 18 or more first characters).
FEW = 10


def led(source: str, flags: int) -> str:
    """``source`` (a lower-case copy, compiled with ``flags`` and without ``re.I``) with ``(?=[...])`` after its
    leading ``\\b``, or in front of its leading look-behind (``FEW`` characters at most); ``source`` itself where
    neither applies."""
    if flags & re.I:
        return source
    if source.startswith(("(?<!", "(?<=")):
        try:
            chars, empty = _first(_parser.parse(source, flags).data)
        except re.error:  # pragma: no cover - the copy compiles
            return source
        if chars is None or empty or not chars or len(chars) > FEW or not all(c.isascii() and c.isalnum() for c in chars):
            return source
        return "(?=[%s])" % "".join(sorted(chars)) + source
    if not source.startswith(r"\b") or source[2:3].isalnum() or source.startswith(r"\b(?="):
        return source  # no boundary first; or a literal follows it ('\bplacebo'), which ``re`` checks as fast
    try:
        chars, empty = _first(_parser.parse(source[2:], flags).data)
    except re.error:
        return source  # '\b' was the start of something else ('\b' alone, a dangling bracket): leave it
    if chars is None or empty or not chars or not all(c.isascii() and c.isalnum() for c in chars):
        return source
    return r"\b(?=[%s])" % "".join(sorted(chars)) + source[2:]


class Led(Deferred):
    """A ``Deferred`` lower-case copy compiled as ``led`` gives it (``pattern`` stays the copy's own source, so
    equality and hashing are unchanged; the look-ahead adds no group)."""

    __slots__ = ()

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(led(self.pattern, self.flags), self.flags)
        return self._compiled
