"""n_participants of a pooled analysis of several trials (guideline additions, rule d): the sum of the arm counts
the abstract gives, which is the pooled total ('The safety population included 2,815 patients randomized to PA,
1,254 to comparators' -> 4069; 'A total of 823 patients were exposed to liposome bupivacaine ...; 446 patients
received bupivacaine HCl ... and 190 received placebo' -> 1459). Where the arms are given only as the denominators
of their rates ('8% (4/49) with rofecoxib 50 mg, 12% (6/49) with ibuprofen 400 mg'), those add up. Otherwise the
stated total is read as in any study (``participants.best_count``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.design import pooled_of

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

# A count that an arm's verb follows, with or without its people noun ('2,815 patients randomized to', '1,254 to',
# '190 received', 'Patients (n = 823) were exposed to'); not a year or a range ('from December 2007 to January 2012', '139, 0 to 560').
ARM_COUNT = re.compile(r"(?:(?<![\w.,/(\u2013-])(?!(?:19|20)\d\d\b)(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
                       r"(?:(?:patients|participants|subjects)\s+)?|"
                       r"\b(?:patients|participants|subjects)\s+\(\s?[nN]\s?=\s?(?P<m>\d[\d,]*)\)\s+)"  # 'Patients (n = 823) were'
                       r"(?:(?:were\s+)?(?:randomi[sz]ed|exposed|allocated|assigned)\s+to|received|to(?!\s+\d))\b", re.I)
# The denominator of a rate given per arm: '(4/49)'.
DENOMINATOR = re.compile(r"\(\s?\d[\d,]*\s?/\s?(?P<n>\d[\d,]*)\s?\)")


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def pooled_count(ctx: "Context") -> tuple[int, "Sentence"] | None:
    """The pooled total of a rule-d analysis and its sentence; None when the study pools no trials or lists no arms."""
    if pooled_of(ctx, ctx.sentences, ctx.text) is None:
        return None
    for s in ctx.sentences:  # the first sentence that lists two or more arms
        arms = [_number(m.group("n") or m.group("m")) for m in ARM_COUNT.finditer(s.text)]
        if len(arms) >= 2:
            return sum(arms), s
    rates = [(_number(m.group("n")), s) for s in ctx.sentences if "/" in s.text for m in DENOMINATOR.finditer(s.text)]
    if len(rates) >= 2:
        return sum(n for n, _ in rates), rates[0][1]
    return None
