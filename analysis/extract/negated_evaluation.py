"""A benefit word under negation is the absence of a benefit: 'showed no superiority over placebo in pain relief',
'was ineffective in reducing pain'.

``comparisons.direction_at`` takes the first benefit word (``BETTER``: superiority, benefit, advantage, effective,
improvement ...) or change word of a clause as its direction. Where that benefit word is negated, by a negator right
before it ('no', 'not', 'without', 'lack of', 'absence of', with at most two hedging words between: 'no clear
superiority', 'without any significant benefit') or by its own negative prefix ('ineffective', 'inefficacious'),
the clause states that the benefit was not found; reading the next change word instead ('... in reducing pain')
turned a conclusion of no benefit into a benefit. ``NO_DIFF`` lists fixed phrases of that kind; this reading covers
any benefit word of ``BETTER`` under a negator.

An equivalence word that qualifies the clause's pain outcome ('Ketamine and saline provided similar analgesia', 'analgesia
similar to that of saline', 'similar pain scores') states the same absence: the outcome was alike in the arms, whatever
benefit verb carries it ('provided ... analgesia' is a benefit phrase of ``BETTER``). The outcome is any word of the
pain outcome vocabulary (``outcomes``), so no list of phrases is kept here.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arms import PLACEBO_LIKE

# A negator right before the benefit word, with at most two hedging words between.
_NEGATOR = re.compile(r"\b(?:no|not|nor|without|lack(?:ed|s|ing)?\s+(?:of|any)|absence\s+of|failed\s+to\s+(?:show|"
                      r"demonstrate|provide|confer|offer))\s+(?:(?:any|a|an|significant|statistically|clinically|clear|"
                      r"additional|further|added|extra|real|obvious|major|meaningful|apparent|demonstrable|evident|"
                      r"overall|relevant|important|greater|more)\s+){0,2}$", re.I)
# An evaluation word with its own negative prefix.
NEGATIVE_EVALUATION = re.compile(r"\b(?:ineffective(?:ly|ness)?|inefficacious|ineffectual|unsuccessful|"
                                 r"non-?(?:effective|efficacious|beneficial|superior))\b", re.I)


def negated_benefit(clause: str, position: int) -> bool:
    """Is the benefit word at ``position`` of ``clause`` negated ('no superiority', 'without benefit')?"""
    return bool(_NEGATOR.search(clause[max(0, position - 80):position]))


# A relative clause of the persons up to the evaluation word: 'in whom opioids were ineffective', 'whose pain was
# ineffectively controlled by opioids' evaluates an earlier treatment of the population, not the trial's.
_PERSONS_RELATIVE = re.compile(r"\b(?:who|whom|whose)\b[^,;]*$", re.I)


def negative_evaluation(clause: str) -> re.Match[str] | None:
    """'ineffective', 'inefficacious': an evaluation of no benefit, whatever change word follows (not in a relative
    clause of the persons: 'in patients in whom opioids were ineffective')."""
    for m in NEGATIVE_EVALUATION.finditer(clause):
        if not _PERSONS_RELATIVE.search(clause, 0, m.start()):
            return m
    return None


# 'similar analgesia', 'comparable pain relief', 'the same pain scores' (up to two words between), and the outcome
# followed by 'similar / comparable / equivalent to'.
_EQUIVALENT_BEFORE = re.compile(r"\b(?:similar|comparable|equivalent|equal|identical|(?:the\s)?same)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?=\S)", re.I)
_EQUIVALENT_AFTER = re.compile(r"\s(?:was\s|were\s)?(?:similar|comparable|equivalent|equal|identical)\s(?:to|with)\b", re.I)
# What the outcome is said to be like: 'similar pain relief to naproxen sodium', 'similar to that of saline'.
# The reference ends at a conjunction: 'similar to that of morphine and superior to placebo' likens pain to morphine.
_REFERENCE = re.compile(r"\s*(?:[\w-]+\s){0,3}?(?:to|with)\s(?:that\sof\s|those\sof\s)?(?:the\s)?"
                        r"(?P<ref>(?:(?!\s(?:and|or|but|whereas|while)\s)[^,;.]){1,40})", re.I)


def _active_reference(clause: str, end: int) -> bool:
    """The outcome is likened to another treatment's ('similar pain relief to naproxen sodium 550 mg', batch 6
    PMC493273, whose benefit is over placebo): relative efficacy, which the arms decide, not an absence of benefit."""
    m = _REFERENCE.match(clause, end)
    return bool(m and not PLACEBO_LIKE.search(m.group("ref")))


def equivalent_outcome(clause: str, pain: re.Pattern[str]) -> re.Match[str] | None:
    """An equivalence word that qualifies a pain outcome of ``clause`` (``pain`` finds the outcome words): the
    outcome did not differ (not where it is likened to another active treatment)."""
    for m in _EQUIVALENT_BEFORE.finditer(clause):
        outcome = pain.match(clause, m.end())
        if outcome and not _active_reference(clause, outcome.end()):
            return m
    for m in pain.finditer(clause):
        after = _EQUIVALENT_AFTER.match(clause, m.end())
        if after and not _active_reference(clause, after.end() - len(after.group(0).split()[-1]) - 1):
            return after
    return None
