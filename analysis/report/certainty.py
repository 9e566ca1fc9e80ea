"""Certainty of the evidence per condition: a GRADE-style rating from counts the tables can support.

The rule is stated on the page (``RULE``) so that a reader can re-derive every rating by hand.
Risk of bias, indirectness and publication bias cannot be judged from abstracts, so RCT evidence
starts at 'moderate', not 'high'.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from ketamine_evidence.analysis.report.values import as_float, as_text, split_list

LEVELS = ("very low", "low", "moderate", "high")
OPTIMAL_INFORMATION_SIZE = 400   # GRADE's rule of thumb for a continuous outcome
CONSISTENT_SHARE = 0.75          # share of RCTs that must report the same direction
I2_INCONSISTENT = 50.0           # I² above this (%) counts as inconsistent
OBSERVATIONAL = ("non_randomised_trial", "prospective_observational", "retrospective_observational")
EFFECTS = ("improved", "no_difference", "worse", "mixed")

RULE = (
    "Start at moderate when at least one RCT reports on the condition (not high: risk of bias, indirectness and "
    "publication bias cannot be judged from abstracts), at low when only non-randomised or observational studies "
    "do, at very low otherwise (case reports, series and other designs only). For RCT evidence go down one level "
    f"for inconsistency (fewer than {round(CONSISTENT_SHARE * 100)}% of the RCTs that report a pain effect report "
    f"the same direction, or I² above {I2_INCONSISTENT:g}% in the pooled estimate) and one level for imprecision "
    f"(a single RCT, fewer than {OPTIMAL_INFORMATION_SIZE} participants across the RCTs, or a pooled 95% CI that "
    "includes no effect)."
)


@dataclass(frozen=True)
class Certainty:
    """The rating of one condition and the reasons that moved it."""

    condition: str
    n_studies: int
    n_rcts: int
    total_n: int                   # participants across the RCTs (those that state N)
    consistency: float | None      # share of RCTs with a stated effect agreeing with the commonest one
    direction: str | None          # that commonest effect
    i2: float | None
    rating: str
    reasons: list[str] = field(default_factory=list)
    effects: dict[str, int] = field(default_factory=dict)   # pain effect reported by the RCTs -> count


def rate(n_rcts: int, n_observational: int, total_n: int, consistency: float | None,
         i2: float | None = None, ci_includes_null: bool = False) -> tuple[str, list[str]]:
    """The rating and its reasons, by ``RULE``; a pure function of the counts."""
    if not n_rcts:
        if n_observational:
            return "low", ["no RCT, only non-randomised or observational studies: start low"]
        return "very low", ["no trial or cohort: case reports, series or other designs only"]
    level = 2
    reasons = [f"{n_rcts} RCT{'s' if n_rcts != 1 else ''}: start moderate (risk of bias not assessed)"]
    inconsistent = []
    if consistency is not None and consistency < CONSISTENT_SHARE:
        inconsistent.append(f"only {round(consistency * 100)}% of RCTs agree on the direction")
    if i2 is not None and i2 > I2_INCONSISTENT:
        inconsistent.append(f"I² = {i2:.0f}%")
    if inconsistent:
        level -= 1
        reasons.append("inconsistency (" + "; ".join(inconsistent) + "): down one")
    imprecise = []
    if n_rcts == 1:
        imprecise.append("a single RCT")
    elif total_n < OPTIMAL_INFORMATION_SIZE:
        imprecise.append(f"{total_n} participants < {OPTIMAL_INFORMATION_SIZE}")
    if ci_includes_null:
        imprecise.append("the pooled 95% CI includes no effect")
    if imprecise:
        level -= 1
        reasons.append("imprecision (" + "; ".join(imprecise) + "): down one")
    return LEVELS[max(level, 0)], reasons


def certainty_by_condition(included: pd.DataFrame, i2_by_condition: dict[str, float] | None = None,
                           null_in_ci: set[str] | frozenset[str] = frozenset()) -> list[Certainty]:
    """One rating per condition of the included studies (a study counts for each of its conditions).

    ``i2_by_condition`` and ``null_in_ci`` (conditions whose pooled CI includes no effect) come from the
    pooled analyses, where there are any.
    """
    i2_by_condition = i2_by_condition or {}
    per: dict[str, list[dict]] = {}
    for s in included.to_dict("records"):
        for condition in split_list(s.get("conditions")):
            per.setdefault(condition, []).append(s)
    out = []
    for condition, rows in per.items():
        rcts = [r for r in rows if as_text(r.get("design")) == "rct"]
        n_obs = sum(1 for r in rows if as_text(r.get("design")) in OBSERVATIONAL)
        total_n = int(sum(as_float(r.get("n_participants")) or 0 for r in rcts))
        effects = Counter(e for r in rcts if (e := as_text(r.get("pain_effect"))) in EFFECTS)
        direction, consistency = None, None
        if effects:
            direction, top = effects.most_common(1)[0]
            consistency = top / sum(effects.values())
        i2 = i2_by_condition.get(condition)
        rating, reasons = rate(len(rcts), n_obs, total_n, consistency if len(rcts) > 1 else None, i2,
                               condition in null_in_ci)
        out.append(Certainty(condition, len(rows), len(rcts), total_n, consistency, direction, i2, rating, reasons,
                             dict(effects.most_common())))
    return sorted(out, key=lambda c: (-c.n_rcts, -c.n_studies, c.condition))
