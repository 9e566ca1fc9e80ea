"""Extractor: relief duration and follow-up, in days, each with the sentence that states it.

``relief_duration_days`` (guideline): the last time point at which the intervention group is still
reported better ('lower pain scores up to 24 h' -> 1; 'superior to placebo at week 12' -> 84, counted
from the start of treatment); 0 where the abstract reports no relief at any time point (no difference
from placebo, read from the pain_effect extractor's verdicts); null where no time point is tied to the
benefit. Against an active comparator only, relief from baseline at a stated time counts.

Both are computed in ``relief`` and ``follow_up``; this module is the extractor that joins them.

``follow_up_days``: the longest follow-up after treatment stated in the title or abstract: assessment
times, treatment courses over weeks, follow-up periods (a time stated after the end of treatment as stated,
additions rule c revised in round 14; relief reads the follow-up counted from the start of treatment); ages, disease
durations, recall windows ('worst pain in the past 24 hours'), infusion times and measured durations are not
follow-ups, nor are a finished study's planned times. A protocol has no relief; its follow-up is its longest planned
assessment time (guideline additions, rule a, revised in round 13).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.follow_up import follow_ups
from ketamine_evidence.analysis.extract.protocols import is_protocol
from ketamine_evidence.analysis.extract.relief import measured_only, relief
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context

NAME = "durations"
_REVIEWS = ("narrative_review", "systematic_review", "guideline")
VERSION = "1.0"


def extract(ctx: "Context") -> list[Finding]:
    findings: list[Finding] = []
    name = ctx.intervention.name
    if not ctx.intervention.mentioned_in(ctx.text):
        return findings  # durations describe the intervention's study; most records never name it
    if any(f.value in _REVIEWS for f in ctx.earlier("design")):
        return findings  # a review follows no patients of its own: the times it cites are other studies' (as n is null)
    # relief is counted from the start of treatment (guideline), so its 'to the last follow-up' is too; the follow-up
    # field keeps a time stated after the end of treatment as stated (additions rule c, revised in round 14)
    start, follow = follow_ups(ctx)
    # guideline additions, rule a (revised in round 13): a protocol has its longest planned follow-up, but no relief yet
    found = None if is_protocol(ctx) else relief(ctx, start)
    if found is not None and found[0] > 0 and (start is None or start[0] < found[0]) and not measured_only(found):
        follow = (found[0], found[1])  # relief 'lasting up to 3 weeks' was observed, so followed that long
    if found is not None:
        days, sentence, words = found
        evidence = ctx.evidence(sentence, NAME, VERSION)
        findings.append(Finding("relief_duration_days", round(days, 4), evidence, name, {"words": words}))
        findings.append(Finding("relief_duration_text", sentence.text, evidence, name))
    if follow is not None:
        days, sentence = follow
        findings.append(Finding("follow_up_days", round(days, 4), ctx.evidence(sentence, NAME, VERSION), name))
    return findings
