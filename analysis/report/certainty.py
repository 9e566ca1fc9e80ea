"""Certainty of the evidence per outcome: a GRADE-style rating from what titles and abstracts can show.

``grade`` is a pure function of the counts in ``Domains``; ``RULE`` states it on the page so that a
reader can re-derive every rating by hand. Judged here: risk of bias (proxy: randomisation and blinding
stated in the title or the design sentence), inconsistency (I², or the share of trials agreeing on the
direction), imprecision (participants, a single trial, a 95% CI that includes no effect) and publication
bias (Egger's test, only with >= 10 trials). Not judged: indirectness, and risk of bias beyond what an
abstract states (allocation concealment, attrition, selective reporting), so RCT evidence is capped at
'moderate'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LEVELS = ("very low", "low", "moderate", "high")
OPTIMAL_INFORMATION_SIZE = 400   # GRADE's rule of thumb for a continuous outcome
CONSISTENT_SHARE = 0.75          # share of RCTs that must report the same direction
I2_INCONSISTENT = 50.0           # I² above this (%) counts as inconsistent
BLINDING_SHARE = 0.5             # at least this share of the RCTs must state blinding
PUBLICATION_BIAS_MIN = 10        # Egger's test only with this many trials
EGGER_P = 0.10
OBSERVATIONAL = ("non_randomised_trial", "prospective_observational", "retrospective_observational")
EFFECTS = ("improved", "no_difference", "worse", "mixed")
BLINDING = re.compile(r"\b(?:(?:double|triple|single|observer|assessor)[- ]?blind(?:ed)?|blinded|masked)\b", re.I)
RANDOMISED = re.compile(r"\brandomi[sz](?:ed|ation)\b|\brandomly (?:assigned|allocated)\b", re.I)

NOT_JUDGED = ("indirectness beyond a missing control group (population, intervention, comparator and outcome as "
              "the review question asks: needs a reviewer)", "risk of bias beyond what the abstract states (allocation concealment, "
              "attrition, selective reporting: needs the full text and a reviewer)")
RULE = (
    "Start at moderate when RCTs report the outcome (not high: indirectness and most of risk of bias cannot be "
    "judged from abstracts), at low when only non-randomised or observational studies do, at very low otherwise. "
    f"Go down one level for each of: risk of bias (fewer than {round(BLINDING_SHARE * 100)}% of the RCTs state "
    "blinding in the title or design sentence); inconsistency (I² above "
    f"{I2_INCONSISTENT:g}% in the pooled estimate, or fewer than {round(CONSISTENT_SHARE * 100)}% of the RCTs "
    f"agree on the direction); indirectness (only the treated group is described, no comparison); imprecision (a single RCT, fewer than {OPTIMAL_INFORMATION_SIZE} participants, or "
    "a pooled 95% CI that includes no effect); publication bias (Egger's test p < "
    f"{EGGER_P:g}, only assessed with {PUBLICATION_BIAS_MIN} or more trials with effect data)."
)


def states_blinding(text: str) -> bool:
    return BLINDING.search(text or "") is not None


def states_randomisation(text: str) -> bool:
    return RANDOMISED.search(text or "") is not None


@dataclass(frozen=True)
class Domains:
    """What the rating of one outcome rests on."""

    n_rcts: int
    n_observational: int
    participants: int                  # in the RCTs that report the outcome (those stating N)
    blinded: int = 0                   # RCTs stating blinding
    randomisation_stated: int = 0      # RCTs stating randomisation in the title or design sentence
    i2: float | None = None            # of the pooled estimate, if any
    agreement: float | None = None     # share of RCTs agreeing on the commonest direction
    ci_includes_null: bool | None = None
    trials_with_data: int = 0          # trials in the estimate (pooled or single)
    egger_p: float | None = None
    estimate_participants: int | None = None   # participants in the estimate, if there is one
    comparative: bool = True           # False: only the treated group is described (no control)


@dataclass(frozen=True)
class Certainty:
    """The rating of one outcome, the judgement of each domain, and those that could not be judged."""

    rating: str
    judged: list[tuple[str, str]] = field(default_factory=list)     # (domain, judgement)
    not_judged: tuple[str, ...] = NOT_JUDGED

    @property
    def reasons(self) -> list[str]:
        return [f"{domain}: {judgement}" for domain, judgement in self.judged]


def _rcts(n: int) -> str:
    return f"{n} RCT{'' if n == 1 else 's'}"


def grade(d: Domains) -> Certainty:
    """The rating of one outcome by ``RULE``."""
    if not d.n_rcts:
        if d.n_observational:
            return Certainty("low", [("design", "no RCT, only non-randomised or observational studies: start low")])
        return Certainty("very low", [("design", "no trial or cohort reports it: start very low")])
    level = 2
    judged = [("design", f"{d.n_rcts} RCT{'s' if d.n_rcts != 1 else ''}: start moderate (capped: domains below "
                         "cannot all be judged from abstracts)")]
    share = d.blinded / d.n_rcts
    if share < BLINDING_SHARE:
        level -= 1
        judged.append(("risk of bias", f"serious: {d.blinded} of {_rcts(d.n_rcts)} state{'s' if d.blinded == 1 else ''} blinding "
                                       f"({d.randomisation_stated} state randomisation): down one"))
    else:
        judged.append(("risk of bias", f"not serious by the proxy: {d.blinded} of {_rcts(d.n_rcts)} "
                                       f"state{'s' if d.blinded == 1 else ''} blinding"))
    if not d.comparative:
        level -= 1
        judged.append(("indirectness", "serious: no comparison with a control group (the treated group only): "
                                       "down one"))
    inconsistent = []
    if d.i2 is not None and d.i2 > I2_INCONSISTENT:
        inconsistent.append(f"I² = {d.i2:.0f}%")
    if d.agreement is not None and d.n_rcts > 1 and d.agreement < CONSISTENT_SHARE:
        inconsistent.append(f"only {round(d.agreement * 100)}% of RCTs agree on the direction")
    if inconsistent:
        level -= 1
        judged.append(("inconsistency", "serious (" + "; ".join(inconsistent) + "): down one"))
    elif not d.comparative:
        judged.append(("inconsistency", "cannot be judged: no comparative effect"))
    elif d.i2 is None and (d.agreement is None or d.n_rcts == 1):
        judged.append(("inconsistency", "cannot be judged: a single RCT, or no direction stated"))
    else:
        judged.append(("inconsistency", "not serious" + (f" (I² = {d.i2:.0f}%)" if d.i2 is not None else "")))
    imprecise = []
    participants = d.estimate_participants if d.estimate_participants is not None else d.participants
    if d.n_rcts == 1 or d.trials_with_data == 1:
        imprecise.append("the estimate rests on a single RCT" if d.trials_with_data == 1 else "a single RCT")
    elif participants < OPTIMAL_INFORMATION_SIZE:
        imprecise.append(f"{participants} participants < {OPTIMAL_INFORMATION_SIZE}")
    if d.ci_includes_null:
        imprecise.append("the 95% CI includes no effect")
    if imprecise:
        level -= 1
        judged.append(("imprecision", "serious (" + "; ".join(imprecise) + "): down one"))
    else:
        judged.append(("imprecision", f"not serious ({participants} participants)"))
    if d.trials_with_data < PUBLICATION_BIAS_MIN or d.egger_p is None:
        judged.append(("publication bias", f"not assessed: {d.trials_with_data} trial"
                                           f"{'' if d.trials_with_data == 1 else 's'} with effect data "
                                           f"(needs {PUBLICATION_BIAS_MIN})"))
    elif d.egger_p < EGGER_P:
        level -= 1
        judged.append(("publication bias", f"suspected (Egger p = {d.egger_p:.3f}): down one"))
    else:
        judged.append(("publication bias", f"not detected (Egger p = {d.egger_p:.2f})"))
    return Certainty(LEVELS[max(level, 0)], judged)
