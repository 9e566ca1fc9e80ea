"""Arms of multi-arm trials of combinations (additions rules e, g, aj): which arm a combination is.

Two readings of one mechanism (which arm is the intervention), applied by ``with_combination_arms``:

- The intervention is a combination ('perioperative duloxetine plus etoricoxib combination'): 'their combination',
  'the combined ...' and a label joining the components' initials ('the D/E group') name its arm; a component named
  alone, or with 'alone' / 'individually' ('Neither Duloxetine nor etoricoxib individually had effect on pain'),
  names a component's arm: a comparator.
- The intervention is one treatment and another arm combines it with something else ('Group 3 - combined 5% KNO3
  and the diode laser'): a span naming the intervention together with a combination word ('Synergistic use of 5%
  KNO3 and diode laser (Group 3) ... showed promising results than any other studied groups') is about that arm,
  neither the intervention's nor a comparator's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms

_VERSUS = re.compile(r"\((?:vs\.?|versus|compared)[^)]*\)", re.I)
_JOINED = re.compile(r"\s(?:plus|and)\s|(?<=[A-Za-z]{3})\s?[+/]\s?(?=[A-Za-z]{3})", re.I)  # symmetric joins
_COMBINED = re.compile(r"\b(?:combination|combined|synergistic|together)\b", re.I)
_ALONE = re.compile(r"\b(?:alone|individually|only|by itself|monotherapy)\b", re.I)
_FILLER = frozenset("perioperative preoperative postoperative combination combined plus with therapy treatment "
                    "intravenous oral topical dose doses single daily".split())


def combination_components(name: str, text: str) -> list[list[str]]:
    """The components of a combination intervention, each as the distinctive words (first six letters) of it that
    ``text`` uses; [] unless ``name`` joins two treatments symmetrically ('X plus Y', 'X and Y', 'X + Y', 'X/Y'),
    names no alternative or add-on ('X or Y', 'X with Y', 'vs'), and ``text`` has an arm of one component alone
    ('duloxetine alone', 'Neither Duloxetine nor etoricoxib individually')."""
    own = re.sub(r"\([^()]*\)", " ", name)  # 'Cingal (sodium hyaluronate plus ...)' is one product
    if not _JOINED.search(own) or re.search(r"\b(?:or|alone|only|added to|add-on|with|vs\.?|versus)\b", own, re.I):
        return []
    found = []
    for part in _JOINED.split(own):
        words = [w.lower()[:6] for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", part) if w.lower() not in _FILLER]
        words = [w for w in dict.fromkeys(words) if re.search(rf"\b{re.escape(w)}", text, re.I)]
        if words:
            found.append(words)
    alone = any(re.search(rf"\b{re.escape(w)}\w*\s(?:\w+\s)?(?:alone|individually)\b|\bneither\s{re.escape(w)}",
                          text, re.I) for c in found for w in c)
    return found if len(found) >= 2 and alone else []  # no arm of a component alone: one product or an add-on


def _initials_label(components: list[list[str]]) -> re.Pattern[str]:
    """'D/E', 'E+D', 'DE' labels made of the components' initials."""
    a, b = components[0][0][0].upper(), components[1][0][0].upper()
    return re.compile(rf"\b(?:{a}\s?[/+]?\s?{b}|{b}\s?[/+]?\s?{a})(?=\s[Gg]roup|\))|\b[Gg]roups?\s(?:{a}[/+]{b}|{b}[/+]{a})\b")


def with_combination_arms(arms: "Arms", name: str, text: str) -> "Arms":
    """``arms`` with the combination readings of the module docstring (unchanged where neither applies)."""
    components = combination_components(name, text)
    base_intervention, base_comparator = arms.is_intervention, arms.is_comparator
    if components:
        stems = [re.compile(r"\b(?:%s)" % "|".join(map(re.escape, c)), re.I) for c in components]
        label = _initials_label(components)

        def named(s: str) -> int:
            return sum(1 for p in stems if p.search(s))

        def whole(s: str) -> bool:
            return bool(_COMBINED.search(s) or label.search(s))

        def part(s: str) -> bool:
            n = named(s)
            return 0 < n < len(stems) and not whole(s) or (n > 0 and bool(_ALONE.search(s)))

        def is_intervention(s: str) -> bool:
            if whole(s):
                return True
            return False if part(s) else base_intervention(s)

        def is_comparator(s: str) -> bool:  # 'the D/E group' is no 'E group'
            return part(s) or base_comparator(label.sub(lambda m: " " * len(m.group(0)), s))

        return replace(arms, is_intervention=is_intervention, is_comparator=is_comparator)
    return arms
