"""Screening: is a study included in the evidence, and if not, why (the PRISMA exclusion reason).

One pure function over what is already known about a study, so the rule is easy to read and
test. Reasons are checked in a fixed order, the first that applies wins:
retracted -> withdrawn from PubMed -> duplicate -> not relevant (animal study / not about the
intervention / the intervention not studied for pain).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ketamine_evidence.analysis.records import Finding

RETRACTED = "retracted"
WITHDRAWN = "withdrawn from PubMed"
DUPLICATE = "duplicate"
ANIMAL = "animal study"


def not_about(intervention: str) -> str:
    return f"not about {intervention}"


def not_for_pain(intervention: str) -> str:
    return f"{intervention} not studied for pain"


@dataclass(frozen=True, slots=True)
class Decision:
    included: bool
    reason: str | None  # None when included


def _is_animal(design: str | None, findings: Sequence[Finding]) -> bool:
    if design == "animal":
        return True
    return any(f.field == "human" and f.value is False for f in findings)


def screen(*, retracted: bool, missing: bool, duplicate_of: str | None, relevant: bool | None,
           design: str | None, findings: Sequence[Finding], intervention: str,
           mentions_intervention: bool) -> Decision:
    """Include a study or give the first reason that excludes it.

    ``mentions_intervention``: the title or abstract names the intervention (any synonym); when
    it does not, a non-relevant study is 'not about <intervention>' rather than 'not studied for pain'.
    """
    if retracted:
        return Decision(False, RETRACTED)
    if missing:
        return Decision(False, WITHDRAWN)
    if duplicate_of:
        return Decision(False, DUPLICATE)
    if relevant:  # the chosen intervention is studied for pain in humans
        return Decision(True, None)
    if _is_animal(design, findings):
        return Decision(False, ANIMAL)
    if not mentions_intervention:
        return Decision(False, not_about(intervention))
    return Decision(False, not_for_pain(intervention))
