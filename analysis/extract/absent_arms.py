"""Arms defined by the absence of a treatment: 'the non-tourniquet group', 'those without a stent'.

Two readings of one mechanism (which arm is the intervention):

- A mention of the intervention's name negated by 'non-', 'no' or 'without' ('Pain VAS measurements were lower
  in the non-tourniquet group') names the arm that did not get it: the comparator.
- An intervention that is itself an absence ('dismembered pyeloplasty without internal drainage (double J stent)',
  'no bladder catheterisation after ...') has for comparator the arm that got the absent thing: 'those with
  internal stent', 'Catheterisation does not influence ...'.

``with_absent_arms`` returns the article's ``Arms`` with both readings applied (unchanged where neither applies).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.fast_re import fast

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms

_NEGATION = r"(?:\bnon-?\s?|\bno\s|\bwithout\s(?:an?\s|the\s|any\s)?)"
# 'X without Y (Z)' / 'no Y for ...': Y (and Z, its bracketed form) is what the intervention's arm does not get.
_ABSENT = re.compile(r"(?:^|\s)(?:no|without|non-?)\s(?P<absent>[^()]+?(?:\s\([^()]*\))?)(?=\s(?:after|before|during|for|in|"
                     r"following|with|vs\.?|versus)\b|\s?\((?:vs|versus)|$)", re.I)
_FILLER = frozenset("with without after before during following use using routine postoperative placement".split())


# Where a negation may start (where ``_NEGATION`` matches: a word starting 'non', 'no' + space or 'without' + space),
# and the furthest its match ends from there ('without the ' / 'without any '). Read over every abstract, so its first
# letter comes first (``re`` skips to an 'n' or 'w'; the word boundary is checked behind it) and it runs in lower
# case (``fast_re``; this module is not among those ``fast_patterns`` wraps). Only the starts are read.
_NEGATION_AT = fast(re.compile(r"[nw](?<=\b[nw])(?:o(?=n|\s)|ithout(?=\s))", re.I))
_LONGEST_NEGATION = 12


@lru_cache(maxsize=64)
def _negated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(rf"{_NEGATION}(?:{pattern.pattern})", pattern.flags)


def may_negate(names: re.Pattern[str], text: str) -> bool:
    """False only where ``_negated(names)`` cannot match ``text``: no mention of the names starts within the
    reach of a negation (3-12 characters after its start). A pre-check: compiling the negated names pattern
    (some 1 ms for a free-text intervention, one per article) is needed in about 1 abstract in 18."""
    for m in _NEGATION_AT.finditer(text):
        start = m.start()
        found = names.search(text, start + 3)
        if found is None:
            return False  # no mention after this negation, so none after a later one either
        if found.start() <= start + _LONGEST_NEGATION:
            return True
    return False


def absent_words(name: str) -> list[str]:
    """The distinctive words (4+ letters) of what an absence intervention's arm does not get; [] for other names."""
    m = _ABSENT.search(name)
    if not m:
        return []
    return [w for w in dict.fromkeys(re.findall(r"[a-z][a-z-]{3,}", m.group("absent").lower())) if w not in _FILLER]


def with_absent_arms(arms: "Arms", name: str, text: str) -> "Arms":
    """``arms`` where negated mentions of the intervention, and the absent thing of an absence intervention, are the
    comparator's (see the module docstring)."""
    names = arms.names
    negated = _negated(names) if names is not None and may_negate(names, text) else None
    if negated is not None and not negated.search(text):
        negated = None
    words = absent_words(name)
    present = None
    if words:  # the absent thing named without a negation before it, or 'with (the) ... <word>'
        stems = "|".join(re.escape(w[:6]) for w in words)
        present = re.compile(rf"(?<!\bno\s)(?<!\bnot\s)(?<!\bnon-)(?<!\bwithout\s)(?<!\bnon\s)"
                             rf"(?<!\bwithout\sa\s)(?<!\bnot\shave\sa\s)\b(?:{stems})\w*", re.I)
        if not present.search(text):
            present = None
    if negated is None and present is None:
        return arms
    base_intervention, base_comparator = arms.is_intervention, arms.is_comparator

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    def absent_spans(s: str) -> list[tuple[int, int]]:
        """Where ``s`` names the absent thing outside the intervention's own names."""
        if present is None:
            return []
        outside = names.sub(blank, s) if names is not None else s
        return [m.span() for m in present.finditer(outside)]

    def is_intervention(s: str) -> bool:
        if negated is not None:
            s = negated.sub(blank, s)
        for start, end in absent_spans(s):
            s = s[:start] + " " * (end - start) + s[end:]
        return base_intervention(s)

    def is_comparator(s: str) -> bool:
        if (negated is not None and negated.search(s)) or absent_spans(s):
            return True
        return base_comparator(s)

    return replace(arms, is_intervention=is_intervention, is_comparator=is_comparator)
