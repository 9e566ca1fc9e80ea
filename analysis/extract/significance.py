"""Whether a clause states a significant difference: the words, its P values, a difference's or a ratio's 95% CI.

``_significance`` gives 'sig' / 'ns' / None for one clause; ``taken_back`` tells whether the clause that follows a
finding withdraws it ('..., but the difference was not significant'). Kept apart from the direction wording
(``comparisons``) because the extractors and the Evidence Inference reading ask about significance alone
(``pain_effect``, ``pain_sections``, ``relief_times``, ``arm_values``, ``direction_model``).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.text_patterns import p_values

SIGNIFICANT = re.compile(r"\b(significant(ly)?|statistically|marked(ly)?)\b", re.I)
# '..., but the difference was not statistically significant': the previous clause's difference taken back.
TAKEN_BACK = re.compile(r"^\W*((the |this |these |such )?(difference|differences|reduction|decrease|increase|improvement|change|"
                        r"effect)s? (between (the )?(two |both )?groups )?|(it|this|that|which|these|they) )(was|were|did) not "
                        r"(statistically |clinically )?(significant|reach\w* (statistical )?significance)", re.I)

# 'not significant', 'did not have a statistically superior effect', 'no statistically significant'.
_NEGATED_SIGNIFICANCE = re.compile(r"\b(not|no|non|without)\W+((a|an|any|have|has|had|show|reach|achieve)\W+){0,2}"
                                   r"(statistically|significant)", re.I)


@per_article  # per clause of one article: asked by several readers
def taken_back(finding: str, following: str) -> bool:
    """Whether ``following`` takes back the difference ``finding`` reports without stated significance ('X was
    prolonged in group II ..., but the difference was not significant'); one test for pain_effect and the Evidence
    Inference reading."""
    return bool(TAKEN_BACK.search(following)) and _significance(finding) != "sig"


@per_article  # per clause of one article: pain_effect, relief and the arm readings ask of the same clause
def _significance(text: str) -> str | None:
    """'sig' if the clause states significance (words or p < 0.05), 'ns' if only p > 0.05, else None."""
    ps = p_values(text)
    if SIGNIFICANT.search(text) and not _NEGATED_SIGNIFICANCE.search(text):
        return "sig"
    if any(op in "<=" and v <= 0.05 for op, v in ps):
        return "sig"
    if ps and all((op == ">" and v >= 0.05) or (op == "=" and v > 0.05) for op, v in ps):
        return "ns"
    ci = _CI.search(text)  # a difference's 95% CI that excludes 0, a ratio's that excludes 1
    if ci:
        low, high = (float(ci.group(k).replace("\u2212", "-").replace("\u2013", "-").replace(" ", "")) for k in ("low", "high"))
        if low <= high:
            if _RATIO.search(text[:ci.start()]):  # 'The hazard ratio for MI with E+P was 1.13 (95% CI 0.68-1.89)'
                return "sig" if low > 1 or high < 1 else "ns"
            return "sig" if low * high > 0 else "ns"
    return None


# A ratio named before the CI in the clause (odds, risk, hazard, rate, prevalence ratio; OR / RR / HR / IRR): its
# CI excludes 1, not 0, when the arms differ (EI-read: such CIs were read as a difference's, round 14).
_RATIO = re.compile(r"\b(?:(?i:ratios?)|a?OR|a?RR|IRR|a?HR)\b")


_CI = re.compile(r"\b95\s?%\s?(?:CI|confidence interval)[,:]?\s?(?P<low>[-\u2212\u2013]?\s?\d+(?:\.\d+)?)\s?"
                 r"(?:to|,|;|\u2013|-)\s?(?P<high>[-\u2212\u2013]?\s?\d+(?:\.\d+)?)", re.I)
