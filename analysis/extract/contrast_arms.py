"""Comparator arms named by the words of the abstract's own contrast (used by ``arms.article_arms``).

An abstract that sets the intervention against another treatment ('randomized to receive electroincision or cold
instrument incision') may later name that arm by its distinctive words alone: 'A surgical site infection occurred
in 1 dog (cold incision).' Those words (not the intervention's own, nor generic) name the comparator's arm.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms

# After the intervention's name (and its bracketed abbreviation): 'or' / 'versus' / 'compared with' and the other arm.
_CONTRAST = r"(?:\s\([^()]{1,30}\))?\s(?:or|versus|vs\.?|compared\s(?:with|to))\s(?:the\s|a\s|an\s)?(?P<other>[a-z][\w-]*(?:\s[a-z][\w-]*){0,3})"
_GENERIC = frozenset(
    """group groups patients subjects participants treatment therapy technique techniques method methods procedure
    approach surgery control controls placebo standard usual care that those with without which were was been
    received receive receiving either both other same alone only combination combined arms arm sham vehicle""".split())
_STOP = re.compile(r"\s(?:after|from|for|in|on|at|with|to|using|by|during|were|was|is|are|and|or|than|as|of|"
                   r"in|groups?|arms?)\b.*$", re.I)


def contrast_words(text: str, names: re.Pattern[str], name: str) -> list[str]:
    """Distinctive words (4+ letters) of the arm the abstract contrasts with the intervention ('cold', 'instrument'
    in '... electroincision or cold instrument incision'), leaving out the intervention's own words."""
    own = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", name)}
    found: list[str] = []
    for m in names.finditer(text):
        c = re.match(_CONTRAST, text[m.end():m.end() + 120])
        if not c:
            continue
        for word in re.findall(r"[a-z][a-z-]{3,}", _STOP.sub("", " " + c.group("other"))):
            if word not in own and word not in _GENERIC and not names.search(word):
                found.append(word)
    return list(dict.fromkeys(found))


def with_contrast_arms(arms: "Arms", name: str, text: str) -> "Arms":
    """``arms`` where a span naming the contrasted arm's words, and not the intervention, names a comparator."""
    if arms.names is None:
        return arms
    words = contrast_words(text, arms.names, name)
    if not words:
        return arms
    other = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, words)), re.I)
    base_comparator, base_intervention = arms.is_comparator, arms.is_intervention

    def is_comparator(s: str) -> bool:
        return base_comparator(s) or (bool(other.search(s)) and not base_intervention(s))

    return replace(arms, is_comparator=is_comparator)
