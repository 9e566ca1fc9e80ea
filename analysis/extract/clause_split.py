"""A sentence's clauses: where one finding ends and the next begins.

``clauses(text)`` splits at 'but', 'whereas', 'while', 'however', 'although', 'otherwise', ';', 'without ...',
'except at ...', 'with no / comparable ...', ', and also' and after a leading 'Despite / Although ...,' or a leading
participial phrase; ``may_split`` is its cheap pre-check. Each clause is then read on its own for direction and
significance (``comparisons``, ``significance``) by ``direction.clause_verdicts``, the Evidence Inference reading and
``time_frame``.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.comparisons import DOWN, UP
from ketamine_evidence.analysis.extract.text_patterns import may_hold

CLAUSE_SPLIT = re.compile(r",?\s(?=without (?:affecting|altering|changing|influencing|modifying|reducing|decreasing|"
                          r"improving|increasing|any (?:effect|change|difference)|(?:an? |any )?(?:increased|increase in|higher|greater|loss of|worsening))\b)|,?\s(?=except (?:at|on|in|during|after|before|for|when|between|from)\b)|,?\s(?=with (?:comparable|similar)\b)|,\s(?=with (?:a )?(?:statistically )?significantly (?:lower|higher|less|greater|more|fewer|longer|shorter)\b)|,?\s(?=with no (?:significant |"
                          r"statistically significant )?(?:increase|decrease|rise)s?\b)|;\s|(?<=\d\))\s+and\s+|,?\s\b(?:but|whereas|while|however|although|otherwise)\b,?\s|,\s(?:and\s)?also\s", re.I)

# A leading participial phrase ending at a comma before the main clause's subject; its own direction words
# ('reducing the transmission ...') are about a mechanism, not the comparison the sentence reports.
_PARTICIPIAL = re.compile(r"([A-Z][a-z]+ing\b[^,;()]{3,150}),\s(?!and\b|or\b|but\b|which\b|respectively\b)")


_ARM_COUNT = re.compile(r"\(\s?n\s?=\s?\d+\s?\)")


def clauses(text: str) -> list[str]:
    """Split a sentence into clauses at 'but', 'whereas', 'however', ';' and after a leading 'Despite ...,'."""
    head: list[str] = []
    m = re.match(r"((?:Despite|Although|Though|While|Whereas) (?:\([^)]*\)|[^;(]){3,200}?),\s(?=(no|there|the|we|it|they|this|these|"
                 r"those|a|an|both|only|all|when|significant\w*)\b)", text)
    if m:
        head, text = [m.group(1)], text[m.end():]
    else:  # 'Changing the muscle tone and reducing afferent transmission, lidocaine causes ...': a participial adjunct
        m = _PARTICIPIAL.match(text)
        if m and (DOWN.search(m.group(1)) or UP.search(m.group(1))):
            head, text = [m.group(1)], text[m.end():]
    protected = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(";", "\x00"), text)  # '(P = 0.32; ANOVA)'
    # an arm's count is no result item: 'lower in group R (n = 36) and group RD, than in group C' is one clause
    protected = _ARM_COUNT.sub(lambda m: m.group(0)[:-1] + "\x01", protected)
    if not may_split(protected):
        parts = [protected.replace("\x00", ";").replace("\x01", ")")] if protected.strip() else []  # the split's one part
        return head + (parts or [text])
    parts = [p.replace("\x00", ";").replace("\x01", ")") for p in CLAUSE_SPLIT.split(protected) if p and p.strip()]
    return head + (parts or [text])


# ``CLAUSE_SPLIT`` tries its alternatives at every space (some 35 microseconds a sentence); each of its matches holds,
# in lower case, one of these literals (or both ')' and 'and'); ``may_hold`` minds the characters ``re.I`` folds.
_SPLIT_KEYS = ("without", "except", "with comparable", "with similar", "significantly", "with no", ";", "but",
               "whereas", "while", "however", "although", "otherwise", "also")


def may_split(text: str) -> bool:
    """False only where ``CLAUSE_SPLIT`` cannot match ``text`` (a cheap pre-check before the split)."""
    low = text.lower()
    return may_hold(text, _SPLIT_KEYS, low) or (")" in low and "and" in low)  # '(n = 12) and' (a bracket, 'and')
