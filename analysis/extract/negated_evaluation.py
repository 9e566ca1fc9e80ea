"""A benefit word under negation is the absence of a benefit: 'showed no superiority over placebo in pain relief',
'was ineffective in reducing pain'.

``comparisons.direction_at`` takes the first benefit word (``BETTER``: superiority, benefit, advantage, effective,
improvement ...) or change word of a clause as its direction. Where that benefit word is negated, by a negator right
before it ('no', 'not', 'without', 'lack of', 'absence of', with at most two hedging words between: 'no clear
superiority', 'without any significant benefit') or by its own negative prefix ('ineffective', 'inefficacious'),
the clause states that the benefit was not found; reading the next change word instead ('... in reducing pain')
turned a conclusion of no benefit into a benefit. ``NO_DIFF`` lists fixed phrases of that kind; this reading covers
any benefit word of ``BETTER`` under a negator.
"""

from __future__ import annotations

import re

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


def negative_evaluation(clause: str) -> re.Match[str] | None:
    """'ineffective', 'inefficacious': an evaluation of no benefit, whatever change word follows."""
    return NEGATIVE_EVALUATION.search(clause)
