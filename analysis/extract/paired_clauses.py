"""Clause pairs that are one comparison: each arm's result told in its own clause, read together.

'Dogs given meloxicam showed an average decrease of pain of 28.3%, whereas dogs given placebo showed an average
decrease of pain of 8.3%' and '... in 24/73 (33%) whereas ... in 5/66 (8%) (P < 0.001)': the clause splitter
(``clause_split``) parts them, and neither clause alone compares the arms. ``_paired_arms`` joins such pairs into
one reading with its direction stated, so that ``direction.clause_verdicts`` and the Evidence Inference reading
read which arm did better; ``_span`` gives back the abstract's own words for the joined reading.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arm_values import numeric_direction
from ketamine_evidence.analysis.extract.arms import Arms
from ketamine_evidence.analysis.extract.comparisons import COMPARE, raw_direction
from ketamine_evidence.analysis.extract.significance import _significance

_CHANGE_STEM = re.compile(r"\b(decreas|reduc|declin|improv|increas|relie|drop)\w*", re.I)
_CLAUSE_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")


def _span(text: str, pair: tuple[str, str]) -> str:
    """The words of ``text`` from the first clause of ``pair`` to the end of the second."""
    start = text.find(pair[0])
    end = text.find(pair[1], max(start, 0))
    return text[start:end + len(pair[1])] if start >= 0 and end >= 0 else f"{pair[0]}, {pair[1]}"


def _paired_arms(parts: list[str], arms: Arms, originals: dict[str, tuple[str, str]] | None = None) -> list[str]:
    """'Dogs given meloxicam showed an average decrease of pain of 28.3%, whereas dogs given placebo showed an
    average decrease of pain of 8.3%': two clauses, one arm each, the same change and one percentage each, are
    one comparison: the intervention's clause is returned with ', more / less effective than the comparator:
    28.3% vs 8.3%' appended, so that the classifier reads which arm changed more; other clauses unchanged.
    ``originals`` maps each joined reading back to the abstract's words (the evidence shown to a reader). Clauses
    that each give one arm's value with the P value after both are joined as well (``_values_of_both_arms``)."""
    if len(parts) < 2:
        return parts
    out: list[str] = []
    i = 0
    while i < len(parts):
        a = parts[i]
        b = parts[i + 1] if i + 1 < len(parts) else None
        joined = _pair(a, b, arms) if b is not None else None
        if joined is not None:
            out.append(joined)
            if originals is not None:
                originals[joined] = (a, b)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _one_arm_each(a: str, b: str, arms: Arms) -> bool:
    """One clause names only the intervention, the other only a comparator."""
    ia, ib = arms.is_intervention(a) and not arms.is_comparator(a), arms.is_intervention(b) and not arms.is_comparator(b)
    pa, pb = arms.is_comparator(a) and not arms.is_intervention(a), arms.is_comparator(b) and not arms.is_intervention(b)
    return bool((ia and pb) or (pa and ib))


_VALUE = re.compile(r"\d")


def _values_of_both_arms(a: str, b: str, arms: Arms) -> str | None:
    """'Heparin was discontinued in 24/73 (33%) of patients whereas citrate was discontinued in 5/66 (8%) of patients
    (P < 0.001)', 'There were 12 (37.7%) cases ... in the control group, while only 3 (10.3%) in the yoga group, resulting
    in a highly significant difference': a 'whereas / while' split left each arm's value in its own clause with no
    direction word; joined, ``numeric_direction`` compares the two values (EI-read 12282; 12531 is joined too but its
    outcome goes by its abbreviation). Not where the first clause has a P value of its own."""
    if not (_VALUE.search(a) and _VALUE.search(b)) or raw_direction(a) is not None or raw_direction(b) is not None \
            or _significance(a) is not None:  # the first clause's own P value: a finding of its own
        return None
    if COMPARE.search(a) or COMPARE.search(b) or not _one_arm_each(a, b, arms):
        return None
    joined = f"{a.rstrip(' ,.')} and {b}"
    return joined if numeric_direction(joined, arms) in ("up", "down") else None


def _pair(a: str, b: str, arms: Arms) -> str | None:
    values = _values_of_both_arms(a, b, arms)
    if values is not None:
        return values
    ca, cb = _CHANGE_STEM.search(a), _CHANGE_STEM.search(b)
    if not (ca and cb and ca.group(1).lower() == cb.group(1).lower()) or COMPARE.search(a) or COMPARE.search(b):
        return None
    va, vb = _CLAUSE_VALUE.findall(a), _CLAUSE_VALUE.findall(b)
    if len(va) != 1 or len(vb) != 1:
        return None
    ia, ib = arms.is_intervention(a) and not arms.is_comparator(a), arms.is_intervention(b) and not arms.is_comparator(b)
    pa, pb = arms.is_comparator(a) and not arms.is_intervention(a), arms.is_comparator(b) and not arms.is_intervention(b)
    if not ((ia and pb) or (pa and ib)):
        return None
    ours, theirs = (float(va[0]), float(vb[0])) if ia else (float(vb[0]), float(va[0]))
    if ours == theirs:
        return None
    if ca.group(1).lower() == "increas":  # more of a good outcome is better, more pain worse
        if arms.polarity(a) is None:
            return None
        better = (ours > theirs) == (arms.polarity(a) == "higher_better")
    else:
        better = ours > theirs  # a larger decrease / improvement / relief
    verdict = "more effective" if better else "less effective"
    return f"{(a if ia else b).rstrip(' .')}, {verdict} than the comparator: {ours:g}% vs {theirs:g}%"
