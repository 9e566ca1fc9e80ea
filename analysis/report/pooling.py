"""Pooled estimates for the report: effect data per RCT (``ketamine_evidence.analysis.synthesis.effect_sizes``), random-effects pooling
per condition (``ketamine_evidence.analysis.synthesis.meta_analysis``), and a forest plot for each pooled analysis."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from ketamine_evidence.analysis.synthesis.effect_sizes import as_smd, effect_table, pool_by_condition
from ketamine_evidence.analysis.synthesis.meta_analysis import MetaResult, meta_analyse
from ketamine_evidence.analysis.report.figures import Chart, ForestRow, forest_plot

MEASURES = {
    "MD": ("mean difference in pain score (0-10), intervention minus control", False,
           ("favours intervention", "favours control")),
    "SMD": ("standardised mean difference in pain (Hedges' g; the trials' scales differ), intervention minus control",
            False, ("favours intervention", "favours control")),
    "logRR": ("risk ratio of responding, intervention over control", True,
              ("favours control", "favours intervention")),
}


@dataclass
class PooledAnalysis:
    """One condition x measure pooled over >= 2 RCTs, with the forest plot that shows it."""

    condition: str
    measure: str
    measure_text: str
    result: MetaResult
    dl: MetaResult
    n: int
    rows: list[ForestRow]
    pmids: list[str | None]
    evidence: list[str]
    chart: Chart

    def scale(self, value: float) -> float:
        """A value on the reader's scale (risk ratios exponentiated)."""
        return math.exp(value) if self.measure == "logRR" else value


@dataclass
class Pooling:
    analyses: list[PooledAnalysis] = field(default_factory=list)
    rcts_with_data: int = 0
    by_condition: list[tuple[str, int]] = field(default_factory=list)


def pooled_analyses(findings: pd.DataFrame, included: pd.DataFrame, intervention: str) -> Pooling:
    """Every pooled analysis the included RCTs support, and the count of RCTs with effect data."""
    effects = effect_table(findings, included)
    if effects.empty:
        return Pooling()
    rcts = effects[effects["design"] == "rct"]
    counts = Counter(rcts.drop_duplicates("study_id")["condition"])
    out = Pooling(rcts_with_data=rcts["study_id"].nunique(), by_condition=sorted(counts.items(), key=lambda kv: -kv[1]))
    pooled = pool_by_condition(effects)
    for p in pooled.to_dict("records"):
        group = rcts[(rcts["condition"] == p["condition"])
                     & (rcts["measure"] == ("MD" if p["measure"] == "SMD" else p["measure"]))]
        if p["measure"] == "SMD":
            group = as_smd(group)
        result: MetaResult = p["result"]
        text, log_scale, favours = MEASURES.get(p["measure"], (p["measure"], False, ("", "")))
        back = math.exp if log_scale else (lambda v: v)
        rows = [ForestRow(str(r["label"]), back(r["yi"]), back(r["ci_low"]), back(r["ci_high"]), w)
                for r, w in zip(group.to_dict("records"), result.weights)]
        summary = ForestRow(f"pooled ({result.method}{', HK' if result.hartung_knapp else ''})",
                            back(result.estimate), back(result.ci_low), back(result.ci_high))
        name = f"forest_{p['condition']}_{p['measure']}.png".replace(" ", "_")
        chart = forest_plot(name, rows, summary, measure=text, log_scale=log_scale,
                            prediction=(back(result.pi_low), back(result.pi_high)),
                            favours=(favours[0].replace("intervention", intervention),
                                     favours[1].replace("intervention", intervention)))
        dl = meta_analyse(group["yi"].to_numpy(), group["vi"].to_numpy(), method="DL", measure=p["measure"])
        out.analyses.append(PooledAnalysis(
            condition=p["condition"], measure=p["measure"], measure_text=text, result=result, dl=dl,
            n=int(p["n"]), rows=rows, pmids=[None if pd.isna(x) else str(x) for x in group["pmid"]],
            evidence=[str(e) for e in group["evidence_text"].fillna("")], chart=chart))
    return out
