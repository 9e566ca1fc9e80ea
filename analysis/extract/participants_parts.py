"""Which count of a sentence is the sample and which is a part of it (``participants``): one arm named
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
# An allocation to one of two arms, 'either A or B' with no comma between them ('randomised to receive either 3 ml 0.5%
# isobaric ropivacaine ... or ...'; not 'either A, B or C'): a count stated per group is then two arms' worth.
TWO_WAY = re.compile(r"\b(?:randomi[sz]\w*|allocated|assigned)\s(?:\w+\s){0,3}?(?:to|into)\s(?:receive\s)?either\s"
                     r"(?:[^,;.]|\.(?=\d)){1,120}?\sor\s", re.I)
# A count given as a mean per unit ('An average of twenty-five patients per general practice will be recruited').
_MEAN_OF = re.compile(r"\b(?:average|mean)\s(?:of\s)?$", re.I)
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


# Arms told in parallel clauses: the same verb for each count, or the verb left out after the first ('Thirty patients
# received ketamine and 28 received placebo', 'Thirty patients were randomized to ketamine and 28 to placebo', 'to
# ketamine (30 patients) or placebo (28 patients)', 'The ketamine group included 30 patients and the placebo group 28').
# A different verb after the second count is a later step ('80 were randomised and 75 completed'), and a verb that
# is no allocation or treatment ('20 in group K and 12 in group P required rescue analgesia') an outcome.
_ARM_VERB = (r"randomi[sz]ed|allocated|assigned|received|underwent|given|treated|included|enrolled|recruited|comprised|"
             r"consisted|administered|operated|managed|entered|divided")
_VERB_WORD = re.compile(rf"\b(?:{_ARM_VERB}|completed|reported|had|developed|experienced|required|needed|showed|"
                        r"achieved|withdrew|discontinued|remained|finished|died|responded|improved|used|took|did)\b", re.I)
_COORDINATED = re.compile(r"(?:\band\b|\bor\b|\bwhile\b|\bwhereas\b|\bversus\b|\bvs\b\.?|,|;)\s*(?:\(\s*)?(?:[\w-]+\s+){0,4}?"
                          r"(?:\(\s*)?$", re.I)
_ARM_VERB_RE = re.compile(rf"\b(?:{_ARM_VERB})\b", re.I)


def _verb_after(text: str, end: int) -> str | None:
    """The first verb word of the clause that follows a count (up to the next comma, semicolon or sentence end)."""
    clause = re.split(r"[,;]|\.(?:\s|$)", text[end:end + 80], maxsplit=1)[0]
    m = _VERB_WORD.search(clause)
    return m.group(0).lower() if m else None


_PARTITION = re.compile(r"\b(?:among|of) (?:which|whom|these|them)\b|\d", re.I)
_ARM_NOUN_PHRASE = re.compile(r"^\s*,?\s*(?:and|or|while|whereas|versus|vs\.?)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\s*$",
                              re.I)
_BRACKET_ARMS = re.compile(r"^\s*\)\s*,?\s*(?:and|or|versus|vs\.?)\s+(?:[\w-]+\s+){1,5}?\($", re.I)
_TO_ARM = re.compile(r"\s*(?:in)?to\b", re.I)


def _parallel(text: str, a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Counts ``a`` and ``b`` are two arms told in parallel: one allocation or treatment verb for both ('received ...
    and 28 received'), the verb left out before an arm ('were randomized to ketamine and 28 patients to placebo'),
    arms named as groups ('The ketamine group included 30 patients and the placebo group 28 patients') or counts in
    brackets after each arm ('ketamine (30 patients) or placebo (28 patients)')."""
    between = text[a[2]:b[1]]
    if _BRACKET_ARMS.match(between):
        return True
    if _PARTITION.search(between) or "(" in between or not _COORDINATED.search(between):
        return False  # a part of the first count ('among which 15'), a bracket of its own, a number not read
    if _ARM_NOUN_PHRASE.match(between):
        return _verb_after(text, b[2]) is None
    verbs = [m.group(0).lower() for m in _VERB_WORD.finditer(between)]
    if not verbs or not _ARM_VERB_RE.fullmatch(verbs[-1]):
        return False
    own = _VERB_WORD.search(text, b[1], b[2])  # '3836 (...) were included': the count states its own verb
    after = own.group(0).lower() if own else _verb_after(text, b[2])
    if after is None:
        return _TO_ARM.match(text, b[2]) is not None  # 'and 28 patients to placebo'
    return after == verbs[-1]


def parallel_arms(text: str, counts: list[tuple[int, int, int]]) -> int | None:
    """The sum of the counts the sentence gives arm by arm in parallel (``_parallel``), from the first on; None where
    the first two are not parallel, or one is ten times another."""
    chain = counts[:1]
    for a, b in zip(counts, counts[1:]):
        if not _parallel(text, a, b):
            break
        chain.append(b)
    values = [c[0] for c in chain]
    if len(values) < 2 or max(values) >= 10 * min(values):
        return None
    return sum(values)


# The second arm's count with its noun and verb left out after an allocation ('Thirty patients were randomized to
# ketamine and 28 to placebo', '..., and 28 into group P').
ELIDED_TO = re.compile(r"(?:,\s*|\s)(?:and|or|while|whereas|versus)\s+(?:the\s+)?(?:other|remaining\s+)?(?P<n>\d{1,5})\s+"
                       r"(?:(?:were\s+)?(?:randomi[sz]ed|allocated|assigned)\s+)?(?:in)?to\b", re.I)


def elided_arm(text: str, count: tuple[int, int, int]) -> tuple[int, int, int] | None:
    """The elided second arm count after ``count`` in an allocating sentence, else None."""
    if not RANDOMISED.search(text, count[2]):
        return None
    m = ELIDED_TO.search(text, count[2])
    return (int(m.group("n")), m.start("n"), m.end("n")) if m else None


def mean_counts(text: str, counts: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The counts of ``text`` stated as a mean ('an average of twenty-five patients per general practice'): a unit's
    size, not the sample, where the sentence states another count ('providing a total of 2,300 patient participants')."""
    return [c for c in counts if _MEAN_OF.search(text, max(0, c[1] - 16), c[1])]
