"""Side effects across the included studies: share of studies reporting each event, pooled incidence from counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ketamine_evidence.analysis.synthesis.arms import arm_role
from ketamine_evidence.analysis.report.values import as_bool, as_float, split_list


@dataclass(frozen=True)
class EventSummary:
    """One adverse event: how many included studies report it, and its pooled incidence where counts are stated."""

    event: str
    studies: int               # included studies reporting it as occurred
    share: float               # of all included studies
    negated: int               # studies stating it did not occur
    counted_studies: int       # studies stating a count and a denominator
    count: int                 # events summed over those studies
    n: int                     # participants summed over those studies

    @property
    def pooled_incidence(self) -> float | None:
        return self.count / self.n if self.n else None


def summarise_events(included: pd.DataFrame, adverse_events: pd.DataFrame,
                     intervention: str = "ketamine") -> list[EventSummary]:
    """Events in order of how many studies report them; pooled incidence = sum of counts / sum of n.

    A study's count is taken once per event, never from an arm named as a control (placebo, saline, sham...:
    ``ketamine_evidence.analysis.synthesis.arms.arm_role``, the same reading as the effect sizes), and from the row with the
    largest denominator, so that a two-arm study is not counted twice.
    """
    total = len(included)
    if total == 0:
        return []
    occurred: Counter[str] = Counter()
    negated: Counter[str] = Counter()
    for events, neg in zip(included["adverse_events"], included["negated_adverse_events"]):
        occurred.update(set(split_list(events)))
        negated.update(set(split_list(neg)))
    counts: dict[str, dict[str, tuple[float, float]]] = {}
    if not adverse_events.empty:
        ids = set(included["study_id"].astype(str))
        ae = adverse_events[adverse_events["study_id"].astype(str).isin(ids)]
        cols = ["study_id", "event", "negated", "count", "n", "arm"]
        for sid, event, neg, count, n, arm in ae[cols].itertuples(index=False, name=None):
            c, d = as_float(count), as_float(n)
            if as_bool(neg) or c is None or not d or c > d or arm_role(arm, intervention) == "control":
                continue
            best = counts.setdefault(str(event), {}).get(str(sid))
            if best is None or d > best[1]:
                counts[str(event)][str(sid)] = (c, d)
    out = []
    for event in set(occurred) | set(negated) | set(counts):
        per_study = counts.get(event, {})
        out.append(EventSummary(event, occurred[event], occurred[event] / total, negated[event], len(per_study),
                                int(sum(c for c, _ in per_study.values())), int(sum(d for _, d in per_study.values()))))
    return sorted(out, key=lambda e: (-e.studies, -e.counted_studies, e.event))
