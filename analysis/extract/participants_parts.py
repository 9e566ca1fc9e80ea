"""Which count of a sentence is the sample and which is a part of it (``participants``, ``KE_N_PARTS=new``): one arm named
by its allocation or its place, a share given with its percentage, and a count stated for each of several units (a study,
a group) that the abstract counts elsewhere."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.participants_patterns import RANDOMISED
from ketamine_evidence.analysis.extract.text_patterns import NUM, count_value

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context

# One arm named by its allocation ('Twelve patients assigned to the control group required rescue analgesia', 'the 14
# patients randomized to the intervention group'): the allocation word refers back to an arm, so the count is that arm's
# (no alternative arm follows: 'assigned to the ketamine group or the control group' allocates the whole sample).
_ONE_ARM = (r"\s+(?:(?:at random|randomly)\s+)?(?:to\s+(?:receive\s+)?|in(?:to)?\s+)?(?:the|a|an|their)\s+(?:[\w-]+\s+){0,3}?(?:group|arm)\b(?!s)"
            r"(?![^;]{0,160}?\b(?:or|versus|vs\.?|either|and (?:the|a|an|\d+|[a-z]+ty)\b|and\b[^;]{0,60}?\b(?:group|arm)\b))")
ONE_ARM_ALLOCATION = re.compile(_ONE_ARM, re.I)
# A count scoped to one arm by place ('the 14 patients in the ketamine group'), brackets allowed between.
ARM_COUNT = re.compile(r"(?:\s*\([^()]*\))?\s+(?:in|of|from|within)\s+the\s+(?:[\w-]+\s+){0,3}?(?:group|arm)\b(?!s)", re.I)


def one_arm(text: str, count_end: int) -> bool:
    """Every allocation word of the sentence refers to one arm, or the count is scoped to one arm by place: the count
    is an arm's, not the randomised sample's (ranked with counts that name no act, 0)."""
    if ARM_COUNT.match(text, count_end):
        return True
    words = list(RANDOMISED.finditer(text))
    return bool(words) and all(ONE_ARM_ALLOCATION.match(text, m.end()) for m in words)


# A count followed by its percentage ('blunt in 307 patients (66.9 %) and penetrating in 152 patients (33.1 %)'): a
# part of the sample, told as a share of it.
SHARE = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s?%\s*\)")

# A count scoped to each of several units, before or after it ('In each study 14 evaluable patients were included',
# 'Thirty patients were enrolled in each group'), and the number of those units stated in the abstract ('two prospective
# cross-over pharmacokinetic intervention studies', 'randomly allocated into two groups').
EACH_UNIT = re.compile(r"\b(?:(?:in|for|within|from)\s+(?:each|every)|per|each)\s+(?:of\s+the\s+(?:\w+\s+)?)?"
                       r"(?P<unit>group|arm|study|trial|cohort|cent(?:re|er)|site)s?\b", re.I)


def each_unit(ctx: "Context", text: str, count: tuple[int, int, int]) -> int | None:
    """The count times the number of units it is stated for ('each study' x 'two ... studies'), else None."""
    m = EACH_UNIT.search(text)
    if m is None:
        return None
    unit = m.group("unit").lower()
    plural = {"study": "studies", "centre": "centres", "center": "centers"}.get(unit, unit + "s")
    k_of = re.compile(rf"\b(?P<k>{NUM})\s+(?:[\w-]+\s+){{0,5}}?{plural}\b", re.I)
    for sentence in [text] + [x.text for x in ctx.sentences]:
        for km in k_of.finditer(sentence):
            k = count_value(km.group("k"))
            if k and 2 <= k <= 10 and (sentence is not text or not km.start() <= count[1] < km.end()):
                return count[0] * k
    return None


# The sample divided into k groups, each group's count stated after it ('were divided into three groups: 30 patients
# ... (Group I); 30 clinically healthy individuals (Group II); and 30 patients ...'; 'divided into 2 groups based on ...
# (Class II: ...; total, 35 subjects; and Class III: ...; total, 36 subjects)').
DIVIDED = re.compile(rf"\b(?:divided|allocated|assigned|randomi[sz]ed|distributed|split|separated|classified|stratified|"
                     rf"categori[sz]ed|grouped)\s+(?:\w+\s+)?(?:in)?to\s+(?P<k>{NUM})\s+(?:[\w-]+\s+)?(?:groups|arms|cohorts)\b",
                     re.I)


def divided_sum(text: str, counts: list[tuple[int, int, int]]) -> int | None:
    """The sum of the k groups' counts stated after 'divided into k groups', where no count (a total) comes before it."""
    m = DIVIDED.search(text)
    if m is None or any(c[1] < m.start() for c in counts):
        return None
    k = count_value(m.group("k"))
    after = [c[0] for c in counts if c[1] >= m.end()]
    if k and 2 <= k <= 10 and len(after) == k:
        return sum(after)
    return None
