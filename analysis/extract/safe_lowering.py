"""The lower-case copy of a ``re.I`` pattern, and when it is safe to run it in place of the original.

``fast_re.LowerPattern`` runs a case-insensitive pattern's lower-case, case-sensitive copy on lower-cased text. That
gives the same matches unless the pattern cannot be lower-cased as written (inline flags, backreferences, a character
range that mixes cases or is not ASCII, an escaped upper-case character: ``lower_copy`` then gives None) or the text
holds a character that ``re.I`` equates with another through Unicode's special case equivalences (``re._casefix``:
micro sign and Greek mu, long s and s...): the copy's ``risky`` set names those characters, and a text holding one
runs the original.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _casefix, _parser  # type: ignore[attr-defined]
from typing import Any

from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
from ketamine_evidence.analysis.extract.study_text import lower_case_pattern, lower_case_source

# Every character ``re.I`` treats as equal to another that lower-casing does not make equal to it.
_SPECIAL: dict[str, frozenset[str]] = {}
for _k, _vs in _casefix._EXTRA_CASES.items():
    _SPECIAL[chr(_k)] = frozenset(chr(v) for v in _vs)


# The non-ASCII characters of every ``_SPECIAL`` set: a pattern's ``risky`` set holds only these (a pattern whose
# set would hold an ASCII character is never made), so a text's other characters need not be collected.
_RISKY_CHAR = re.compile("[" + "".join(re.escape(c) for c in sorted(
    {c for vs in _SPECIAL.values() for c in vs if not c.isascii()})) + "]")


_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|N\{)")
_ESCAPED = re.compile(r"\\.", re.S)  # a backslash and the character it escapes


def _ranges_safe(parsed: Any) -> bool:
    """No character range in the pattern whose lower-casing could change what it matches."""
    for op, av in parsed:
        if op is _parser.IN:
            for iop, iav in av:
                if iop is _parser.RANGE:
                    lo, hi = iav
                    if hi < 128:
                        chars = "".join(map(chr, range(lo, hi + 1)))
                        if not (chars.isupper() and chars.isalpha()) and chars.lower() != chars:
                            return False
                    else:
                        return False
        elif isinstance(av, (tuple, list)):
            for item in av:
                if isinstance(item, _parser.SubPattern) and not _ranges_safe(item):
                    return False
                if isinstance(item, (tuple, list)):
                    for sub in item:
                        if isinstance(sub, _parser.SubPattern) and not _ranges_safe(sub):
                            return False
    return True


@lru_cache(maxsize=1024)  # per-article patterns (an intervention with its abbreviations) recur across a harvest
def lower_copy(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """The lower-case, case-sensitive copy of a ``re.I`` pattern and the text characters that force the
    fallback; None when the pattern cannot be lower-cased safely."""
    src = pattern.pattern
    if not isinstance(src, str) or not pattern.flags & re.I:
        return None
    stripped = src
    for opener in ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<"):
        stripped = stripped.replace(opener, "")
    if "(?" in stripped or re.search(r"\\[1-9]", src):
        return None
    for m in _ESCAPE.finditer(src):
        if m.group(0) == "\\N{":
            return None
        ch = chr(int(m.group(1) or m.group(2) or m.group(3), 16))
        if ch.lower() != ch or ch in _SPECIAL:
            return None
    try:  # a character range needs an unescaped '-' in the source: without one there is nothing to check (no
        # parse; an intervention's names pattern escapes every '-', and parsing it cost half of wrapping it)
        if "-" in _ESCAPED.sub("", src) and not _ranges_safe(_parser.parse(src, pattern.flags)):
            return None
    except re.error:  # pragma: no cover - it compiled once already
        return None
    # The checks above make the plain lower-casing safe. A module pattern's copy is compiled on its first scan
    # (``deferred_pattern.Pending``): one whose keys no text of a run holds is never compiled (start-up).
    source = lower_case_source(pattern) if isinstance(pattern, re.Pattern) and "(?P<" not in src else None
    low = Deferred(source, pattern.flags & ~re.I) if source is not None else lower_case_pattern(pattern)
    if low is None or ("(?P<" in src and low.groups != pattern.groups):  # else equal (and a ``Deferred`` stays
        # uncompiled): lower-casing outside escapes and group names changes no bracket
        return None
    chars = set(src.lower())
    for m in _ESCAPE.finditer(src):
        chars.add(chr(int(m.group(1) or m.group(2) or m.group(3), 16)))
    risky: set[str] = set()
    for c in chars:
        risky |= _SPECIAL.get(c, frozenset())
    if any(c.isascii() for c in risky):  # a pattern character ('ſ') equal under re.I to an ASCII letter
        return None
    return low, frozenset(risky)

