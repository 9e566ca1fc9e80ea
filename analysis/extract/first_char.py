"""A lower-case pattern that opens with ``\\b`` rewritten to open with its first letters: the same matches, found faster.

``re`` skips ahead to a possible match only when a pattern opens with a literal, a character class or an alternation
of literals (its "charset prefix"); a pattern that opens with ``\\b`` (most of the extractors' word alternations,
'\\b(pain|painful|vas|...)') is instead tried at every character of the text. Where ``\\b`` is followed by a word
letter ``c``, '\\bc' matches exactly where 'c(?<!\\wc)' does (a boundary before a word character is a non-word character
or the start before it), so ``charset_first`` moves each alternative's ``\\b`` behind its first letter, distributing
it over a group's alternatives in their order ('\\b(?:ab|cd)x' -> '(?:a(?<!\\wa)b|c(?<!\\wc)d)x'). It rewrites only
when every alternative takes that form and ``re`` then finds a charset prefix; otherwise it returns None and the
pattern is compiled as written. Capturing groups keep their numbers (no group is added or removed).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.required_text import alternatives, source_marks

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_QUANTIFIERS = frozenset("?*+{")
_OPENERS = ("(?:", "(")
_ESCAPED = re.compile(r"\\.", re.S)
_CAPTURE = re.compile(r"\((?!\?)")  # an opening bracket of a capturing group (once escapes are taken out)


def _closing(source: str, start: int) -> int:
    """The index of the ')' closing the group opened at ``source[start]`` (escapes and classes skipped); -1 if none."""
    depth = 0
    for i, ch in source_marks(source, start):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _letter_first(alt: str) -> str | None:
    """``alt`` (an alternative that opens with a plain lower-case word letter not made optional) with a boundary
    check after that letter: 'pain' -> 'p(?<!\\wp)ain'; None for any other opening."""
    if not alt or alt[0] not in _LETTERS or (len(alt) > 1 and alt[1] in _QUANTIFIERS):
        return None
    return f"{alt[0]}(?<!\\w{alt[0]}){alt[1:]}"


def _bounded(alt: str) -> list[str] | None:
    """One top-level alternative that opens with ``\\b``, rewritten (as several where a non-capturing group is
    spread over its alternatives: '(?:a|b)x' is 'ax|bx', tried in the same order); None when it does not have the
    handled form."""
    if not alt.startswith("\\b"):
        return None
    rest = alt[2:]
    direct = _letter_first(rest)
    if direct is not None:
        return [direct]
    opener = next((o for o in _OPENERS if rest.startswith(o) and (o == "(?:" or not rest.startswith("(?"))), None)
    if opener is None:
        return None
    close = _closing(rest, 0)
    if close < 0 or rest[close + 1:close + 2] in _QUANTIFIERS and rest[close + 1:close + 2]:
        return None
    inner = alternatives(rest[len(opener):close])
    if not inner:
        return None
    moved = [_letter_first(a) for a in inner]
    if any(m is None for m in moved):
        return None
    suffix = rest[close + 1:]
    if opener == "(?:" and not _CAPTURE.search(_ESCAPED.sub("", suffix)):  # no group in the copies, so none is numbered twice
        return [m + suffix for m in moved]  # type: ignore[operator]
    return [opener + "|".join(moved) + rest[close:]]  # type: ignore[arg-type]


def charset_first(source: str, flags: int) -> str | None:
    """``source`` (a lower-case pattern compiled without ``re.I``) with each alternative's opening ``\\b`` moved
    behind its first letter, when that gives ``re`` a charset prefix; None otherwise (compile ``source`` itself)."""
    if "\\b" not in source[:3] and "|\\b" not in source:
        return None
    tops = alternatives(source)
    if not tops:
        return None
    moved = [_bounded(a) for a in tops]
    if any(m is None for m in moved):
        return None
    alts = [a for alts in moved for a in alts]  # type: ignore[union-attr]
    # ``re`` finds a charset prefix where every alternative opens with a letter, or where one group's alternatives
    # all do; an alternative opening with a group beside others gives none (read from the form, not by a parse: a
    # second parse of each copy cost as much as compiling it)
    if len(alts) > 1 and any(a.startswith("(") for a in alts):
        return None
    return "|".join(alts)
