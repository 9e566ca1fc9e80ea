"""Which times of a result's clause belong to its pain result (relief duration; guideline: 'the last time point at
which the intervention group is still reported better').

A clause that reports a difference in pain can go on, after 'and', 'but', 'whereas' or a semicolon, to state
another outcome with a time of its own: 'Pain scores were lower in the ketamine group than placebo (p<0.05), and
nausea was less frequent at 24 h'. The 24 h times the nausea, not the pain benefit. ``pain_times_text`` blanks
(offsets kept) each such statement whose subject or object names an outcome that is not pain
(``outcome_scope.other_outcome_span``), so relief reads only the times of the pain statement.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.comparisons import _significance, direction_at
from ketamine_evidence.analysis.extract.outcome_scope import other_outcome_span
from ketamine_evidence.analysis.extract.timepoints import time_points

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms

# Where a coordinated statement begins: ', and', ', but', 'whereas', 'while', a semicolon (outside brackets).
_NEXT = re.compile(r",\s(?:and|but|while|whereas)\s|;\s|\s(?:whereas|while)\s", re.I)

# A statement has a verb of its own: '... and nausea was less frequent at 24 h', not '..., and weakness (P = 0.002)'.
_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does|remained|became|showed|occurred|reported|needed|required|"
                   r"experienced|developed)\b", re.I)


def _statements(clause: str) -> list[tuple[int, int]]:
    """The spans of the clause's coordinated statements, split outside brackets."""
    spans: list[tuple[int, int]] = []
    depth, start, i = 0, 0, 0
    while i < len(clause):
        ch = clause[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;w " and (m := _NEXT.match(clause, i)) is not None:
            spans.append((start, i))
            start = i = m.end()
            continue
        i += 1
    spans.append((start, len(clause)))
    return spans


def pain_times_text(clause: str, arms: "Arms") -> str:
    """``clause`` with every coordinated statement about an outcome that is not pain blanked (same length), where the
    clause holds more than one statement, each with a finding of its own, and at least one of them is about pain;
    else ``clause`` unchanged ('numbness (P = 0.001), pain (0.002), ..., and weakness' is one statement's list)."""
    if "," not in clause and ";" not in clause and "whereas" not in clause and "while" not in clause:
        return clause  # one statement: nothing to tell apart
    spans = _statements(clause)
    if len(spans) < 2:
        return clause
    other: list[tuple[int, int]] = []
    for start, end in spans:
        part = clause[start:end]
        word, position = direction_at(part)
        if word is None:
            return clause  # a part with no finding of its own: a list of outcomes sharing one predicate, not statements
        if _VERB.search(part) and other_outcome_span(part, position, arms) is not None and not arms.pain_outcome(part):
            other.append((start, end))
    if not other or len(other) == len(spans):
        return clause  # no statement about another outcome, or none about pain: the clause is read as it is
    out = clause
    for start, end in other:
        out = out[:start] + " " * (end - start) + out[end:]
    return out


# The words between a result's clause and a further time point of the same list: ', and at', ' and', ', '.
_LIST_JOIN = re.compile(r"^\s?(?:\([^()]*\)\s?)?,?\s(?:(?:and|or|as well as)\s)?(?:(?:at|on|after|by|to|until|through)\s(?:the\s)?)?$",
                        re.I)
# Where the list ends: a new clause ('but', 'whereas', ';') or a statement with a verb of its own.
_VERBS = frozenset(("was", "were", "is", "are", "had", "did"))
_LIST_END = re.compile(r"[.;]\s|[.;]$|\b(?:but|however|whereas|although|while|was|were|is|are|had|did|not|no|except)\b", re.I)


def listed_days(rest: str, when: tuple[float | None, dict[int, float]]) -> list[float]:
    """The time points listed right after a result's clause that is cut before them, with no outcome or finding of
    their own: 'significantly lower ... at 2 h (p=0.01)' + ' and 12 h (p=0.03).' -> [0.5]. Their own p-values
    must not all be above 0.05 ('and 24 h (p = 0.08)': no difference then)."""
    points = time_points(rest[:160], *when)
    if not points or not _LIST_JOIN.match(rest[:points[0].start]):
        return []
    end = _LIST_END.search(rest, points[0].end)
    if end is not None and end.group(0).lower() in _VERBS:
        return []  # ', and Day 3 scores were similar': the time opens a statement of its own
    tail = rest[:end.start() if end else len(rest)]
    if _significance(tail) == "ns":
        return []
    return [p.days for p in points if p.end <= len(tail)]  # the list shares its first time's role: no measured value



_DURATION_UNIT = r"(?P<unit>min(?:utes?)?|h(?:ours?|rs?)?)\b"
_SD = r"(?:\s?\(?\s?(?:±|\+/-)\s?\d+(?:\.\d+)?\s?\)?)?"
# A value whose unit comes only after the next one ('613 ± 60 vs. 320 ± 45 min', '613 vs. 320 min') or after its SD in
# brackets ('546.90 (±93.66) min'): the unit is shared.
_SHARED_UNIT = re.compile(rf"(?<![\d.])(?P<a>\d+(?:\.\d+)?){_SD}\s(?:vs\.?|versus)\s\d+(?:\.\d+)?{_SD}\s?{_DURATION_UNIT}|"
                          rf"(?<![\d.])(?P<b>\d+(?:\.\d+)?)\s?\(\s?(?:±|\+/-)\s?\d+(?:\.\d+)?\s?\)\s?(?P<unit2>min(?:utes?)?|h(?:ours?|rs?)?)\b",
                          re.I)


def unit_shared_durations(clause: str) -> list[float]:
    """Durations, in days, written with a unit they share with the next value or after a bracketed SD."""
    out: list[float] = []
    for m in _SHARED_UNIT.finditer(clause):
        value, unit = (m.group("a"), m.group("unit")) if m.group("a") else (m.group("b"), m.group("unit2"))
        out.append(float(value) / (1440.0 if unit.lower().startswith("m") else 24.0))
    return out
