"""Numbers attached to their own arm, and the direction of one clause for the intervention against the comparator.

- ``numeric_direction``: with significance stated and no direction word, the intervention's value against the
  comparator's ('23.1 ± 6.7 minutes for the case group and 18.1 ± 7.3 minutes for the control (P = 0.02)',
  '2.1 (ketamine) vs 3.4 (placebo)', 'between the placebo (32 mg) and ketamine (18 mg) groups'); a bare 'a vs. b' in
  the order the clause names the arms ('A ... compared with B (2.32 vs. 2.80; P = 0.041)'); p-values written out, labels
  and time points ('P value of 0.001', 'group 2', 'week 8') are no arm's value;
- ``respective_direction``: values listed in the order of the arms ('..., respectively');
- ``sentence_direction``: the clause's direction wording turned to the intervention's side (``comparisons.orientation``),
  or the values where the wording gives none.

Split from ``comparisons`` (which reads the wording; this module only the values).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arms import Arms
from ketamine_evidence.analysis.extract.comparisons import (LEADING_COMPARE, _FLIP, _PARENS, _first_named_is_intervention,
                                                              orientation, raw_direction)
from ketamine_evidence.analysis.extract.significance import _significance


def sentence_direction(clause: str, arms: Arms) -> str | None:
    """Direction for the intervention vs the comparator in one clause: up/down/better/worse/none/None."""
    word = raw_direction(clause)
    if word is None:
        if _significance(clause) == "sig":
            paired = respective_direction(clause, arms)
            if paired in ("up", "down"):
                return paired  # '2.1 and 4.5 in the A and B groups, respectively (P<0.01)'
        return numeric_direction(clause, arms)
    if word != "none":
        paired = respective_direction(clause, arms)
        if paired is not None:
            return paired
    return word if orientation(clause, arms) > 0 else _FLIP[word]


_RESPECTIVELY = re.compile(r"\b(?:in|for|with|among|of|by)\s(?:the\s)?(?P<arms>[^;()\d%]{2,80}?)(?:\s(?:groups?|arms?|"
                           r"patients|subjects))?,?\s\(?respectively\b", re.I)
_ARM_LIST_SPLIT = re.compile(r",\s(?:and\s)?|\s(?:and|or|vs\.?|versus)\s", re.I)
_CHANGE_WORD = re.compile(r"\b(decreas\w*|reduc\w*|declin\w*|drop\w*|fell|improv\w*|relie\w*|lowered)\b", re.I)


def respective_direction(clause: str, arms: Arms) -> str | None:
    """'Pain decreased by 28.3% and 8.3% in the acupuncture and placebo groups, respectively': the
    values in the order of the arms. Values that are amounts of a decrease or an improvement give
    better / worse (a larger reduction is better); values of the outcome itself give up / down."""
    if clause.isascii() and "respectively" not in clause.lower():  # every match holds it; outside ASCII ``re.I``
        return None  # also matches 'ſ' to 's' (the pattern's '\(?' keeps ``fast_re`` from running it in lower case)
    m = _RESPECTIVELY.search(clause)
    if not m:
        return None
    items = [i for i in _ARM_LIST_SPLIT.split(m.group("arms")) if i.strip()]
    if len(items) < 2:
        return None
    head = _PARENS.sub(lambda p: " " * len(p.group(0)), clause[:m.start()])
    values = [float(v.group("value").replace("\u2212", "-")) for v in _ARM_VALUE.finditer(head)
              if not re.search(r"\bp\s?[<=>]\s?$|\bper\s$|[A-Za-z]$", head[:v.start()], re.I)]  # 'per 1.73 m2': a unit
    if len(values) < len(items):
        return None
    values = values[-len(items):]
    ours = [v for item, v in zip(items, values) if arms.is_intervention(item) and not arms.is_comparator(item)]
    theirs = [v for item, v in zip(items, values) if arms.is_comparator(item) and not arms.is_intervention(item)]
    # 'for belatacept MI, belatacept LI and cyclosporine, respectively': two doses of the intervention, each above the comparator
    if not ours or len(theirs) != 1 or not (all(o > theirs[0] for o in ours) or all(o < theirs[0] for o in ours)):
        return None
    up = ours[0] > theirs[0]
    change = _CHANGE_WORD.search(head[:head.find(str(values[0]).rstrip("0").rstrip(".")) + 1] or head)
    if change:
        return "better" if up else "worse"
    return "up" if up else "down"


_ARM_VALUE = re.compile(r"(?P<value>[-\u2212]?\d+(?:\.\d+)?)\s?(?:(?:±|\+/-)\s?\d+(?:\.\d+)?\s?)?(?:%|mm|cm|min(?:utes)?|"
                        r"h(?:ours?)?|mg|µg|mcg|ug|points?)?")
_VALUE_SPLIT = re.compile(r"\s(?:vs\.?|versus|and|compared (?:with|to))\s|;\s|,\s(?=\d)|,\s(?=[A-Za-z][\w-]*\s[-\u2212]?\d)", re.I)
# Brackets kept where values are paired with arms: an arm's name ('2.1 (ketamine) vs 3.4 (placebo)') or an arm's value
# ('between the placebo (32 mg) and ketamine (18 mg) groups'); other brackets (p-values, CIs, asides) are dropped.
_ARM_PAREN = re.compile(r"\([A-Za-z][^()\d]{0,40}\)")
_VALUE_PAREN = re.compile(r"\(\s?[-\u2212]?\d+(?:\.\d+)?\s?(?:%|mm|cm|mg|µg|mcg|ml|min(?:utes)?|h(?:ours?)?|points?|days?)?\s?\)")


def _arm_paren(m: re.Match[str], arms: Arms) -> bool:
    """A bracket that pairs a value with an arm: the arm's name after a value ('2.1 (ketamine)'), the arm's value
    right after its name ('the placebo (32 mg) and ketamine (18 mg) groups') or a count's rate ('5/20 (25%)'); an SD,
    a CI or a p-value in brackets is dropped."""
    text = m.group(0)
    if _ARM_PAREN.fullmatch(text):
        return bool(arms.is_intervention(text) or arms.is_comparator(text))
    if not _VALUE_PAREN.fullmatch(text):
        return False
    preceding = m.string[max(0, m.start() - 40):m.start()]
    if "%" in text and re.search(r"\d\s?$", preceding):
        return True  # '19 out of 70 (27%)', '47/50 (94%)': the count's rate
    before = re.search(r"([A-Za-z][\w-]*\s?){1,3}$", preceding)
    return bool(before and (arms.is_intervention(before.group(0)) or arms.is_comparator(before.group(0))))


# Before a number that is no arm's value: a p-value ('P value of 0.001', 'p <'), a label or a time point ('group 2',
# 'week 8', 'year 4', 'T1', 'grade 3').
_NOT_VALUE_BEFORE = re.compile(r"(?:\bp(?:[- ]?values?)?(?:\s(?:of|was|is|were))?\s?[<=>:\u2264\u2265\u2013-]?|\b(?:groups?|arms?|"
                               r"days?|weeks?|months?|years?|visits?|cycles?|grades?|stages?|phases?|sessions?|T))\s?$", re.I)


def _is_value(text: str, m: re.Match[str]) -> bool:
    """A number that may be an arm's value: not a p-value ('P value of 0.001', 'p <'), a label or a time point
    ('group 2', 'week 8', 'year 4', 'T1'; ``_NOT_VALUE_BEFORE``). EI-read spans, docs/direction.md round 10."""
    before = _NOT_VALUE_BEFORE.search(text[max(0, m.start() - 25):m.start()])
    if before and "." in m.group("value") and not before.group(0).lower().startswith("p"):
        return True  # 'control group 0.66': a label is a whole number, a decimal after the arm's name is its value
    return not before


_VAL = r"[-\u2212]?\d+(?:\.\d+)?"
_SD = r"(?:\s?(?:±|\+/-)\s?\d+(?:\.\d+)?|\s?\(\s?\d+(?:\.\d+)?\s?\))?"
# 'A ... compared with B (2.32 ± 0.85 vs. 2.80 ± 0.61; P = 0.041)', '...: 82.31(20.23) vs 36.78(22.53)': two bare values
# joined by 'vs' right after a bracket or colon, in the order the clause names the arms.
_BARE_PAIR = re.compile(rf"(?:^|[(:;]\s?|\b(?:was|were)\s)(?P<a>{_VAL}){_SD}\s?(?:%|[a-zµ]+(?:/[a-z]+)?)?{_SD}\s(?:vs\.?|versus)\s(?P<b>{_VAL})",
                        re.I)


def _ordered_pair(clause: str, arms: Arms) -> str | None:
    """Direction from a bare 'a vs. b' whose order is the arms' order in the clause: the arms named after the pair
    within its bracket ('(7.1 vs. 7.6% in IS vs. IP)'), else before it ('A ... compared with B (a vs. b)'); a leading
    'Compared with B, A ...' leaves the order open (EI-read spans, docs/direction.md round 10)."""
    if "vs" not in clause and "versus" not in clause.lower():
        return None
    m = _BARE_PAIR.search(clause)
    if m is None or LEADING_COMPARE.match(clause):
        return None
    after = re.split(r"[);]", _PARENS.sub(" ", clause[m.end():]), maxsplit=1)[0]  # '8.9 (p < 0.05) in the A and B groups'
    before = clause[:m.start()]
    for text in (after, before):
        if arms.is_intervention(text) and arms.is_comparator(text):
            first = _first_named_is_intervention(text, arms)
            if first is None:
                return None
            a, b = (float(m.group(k).replace("\u2212", "-")) for k in ("a", "b"))
            if a == b:
                return None
            return "up" if (a > b) == first else "down"
        if arms.is_intervention(text) or arms.is_comparator(text):
            return None  # one arm only: the pair is not in the arms' order
    return None


def numeric_direction(clause: str, arms: Arms) -> str | None:
    """'23.1 ± 6.7 minutes for the case group and 18.1 ± 7.3 minutes for the control (P = 0.02)': with
    significance stated and no direction word, compare the intervention's value with the comparator's."""
    if _significance(clause) != "sig":
        return None
    ordered = _ordered_pair(clause, arms)
    if ordered is not None:
        return ordered
    ours: list[float] = []
    theirs: list[float] = []
    unknown: list[float] = []
    for part in _VALUE_SPLIT.split(_PARENS.sub(lambda m: m.group(0) if "±" in m.group(0) or _arm_paren(m, arms)
                                               else " ", clause)):
        values = [m for m in _ARM_VALUE.finditer(part) if m.group("value") and _is_value(part, m)]
        if not values:
            continue
        m = values[-1]  # the value next to the arm ('in the first 24 hours was 0.6 ± 0.6 for the case group')
        value = float(m.group("value").replace("\u2212", "-"))
        i, c = arms.is_intervention(part), arms.is_comparator(part)
        (ours if i and not c else theirs if c and not i else unknown).append(value)
    if len(unknown) == 1 and len(ours) + len(theirs) == 1:  # '83% of the surgery group and 25% of the NSM group'
        (theirs if ours else ours).append(unknown[0])
    if len(ours) == 1 and theirs and (all(ours[0] > t for t in theirs) or all(ours[0] < t for t in theirs)):
        return "up" if ours[0] > theirs[0] else "down"  # 'in 1 (0.6%) TT versus 15 (8.6%) DO versus 39 (22.4%) BST'
    return None


_SPREAD = r"(?:\s?(?:±|\+/-)\s?\d+(?:\.\d+)?|\s?\(\s?\d+(?:\.\d+)?\s?\))?"
_CHANGE = re.compile(rf"(?:\bfrom\s)?(?<![\w.\-\u2212])(?P<a>{_VAL}){_SD}\s?%?{_SPREAD}\s?to\s(?P<b>{_VAL})\s?%?{_SPREAD}")
_CONTRAST = re.compile(r"\b(versus|vs\.?|as opposed to|compared (?:with|to)|in comparison (?:with|to)|whereas|while)\b", re.I)


def change_contrast(clause: str, arms: Arms) -> str | None:
    """'IIEF-EF increased from 16.08 (2.87) to 25.08 (4.56) in the VXP group versus 15.86 (3.24) to 16.47 (4.25) in the
    placebo group (P < 0.0001)': each arm's change from baseline, set against the other's by a contrast word with
    significance stated, compares the arms: up when the intervention's change is the larger (signed). None unless
    exactly one change is the intervention's and one the comparator's (EI-read, docs/direction.md round 14)."""
    if _significance(clause) != "sig" or not _CONTRAST.search(clause):
        return None
    changes = list(_CHANGE.finditer(clause))
    if len(changes) != 2:
        return None
    # the arm of each change: named right after it (up to the next change), else right before it
    bounds = [0, changes[0].start(), changes[0].end(), changes[1].start(), changes[1].end(), len(clause)]
    sides = []
    for k in range(2):
        after = clause[bounds[2 * k + 2]:bounds[2 * k + 3]]
        before = clause[bounds[2 * k]:bounds[2 * k + 1]]
        after = re.split(r"[;]|\b(?:versus|vs\.?|as opposed to|compared|whereas|while)\b", after, maxsplit=1)[0]
        side = None
        for text in (after, before):
            i, c = arms.is_intervention(text), arms.is_comparator(text)
            if i != c:
                side = "i" if i else "c"
                break
        sides.append(side)
    if sorted(s for s in sides if s) != ["c", "i"]:
        return None
    delta = {s: float(m.group("b").replace("\u2212", "-")) - float(m.group("a").replace("\u2212", "-"))
             for s, m in zip(sides, changes)}
    if delta["i"] == delta["c"]:
        return None
    return "up" if delta["i"] > delta["c"] else "down"
