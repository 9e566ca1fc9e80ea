"""Summary of findings, one row per outcome (GRADE style): studies, participants, effect, certainty.

Outcomes: pain intensity, responders, relief duration, adverse events. Effects come from
``ketamine_evidence.analysis.synthesis`` (pooled by random effects over every condition when two or
more RCTs give data, else the one trial's estimate); absolute effects where the data allow: a mean
difference is already on the 0-10 scale, a risk ratio becomes events per 1000 at the median control
risk of the trials, adverse events a risk difference per 1000. An outcome no included study reports
says the store cannot answer it, instead of showing an empty row.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from ketamine_evidence.analysis.report.certainty import (
    EFFECTS, OBSERVATIONAL, PUBLICATION_BIAS_MIN, Certainty, Domains, grade, states_blinding, states_randomisation,
)
from ketamine_evidence.analysis.report.values import (
    as_bool, as_float, as_text, days_text, fmt_number, label, lasted_to_follow_up,
    split_list,
)
from ketamine_evidence.analysis.synthesis.arms import arm_role
from ketamine_evidence.analysis.synthesis.effect_sizes import as_smd, effect_table, pain_measure, risk_difference
from ketamine_evidence.analysis.synthesis.meta_analysis import egger_test, meta_analyse

_Z95 = 1.959963984540054
RELIEF_THRESHOLD_DAYS = 14


@dataclass
class OutcomeSummary:
    """One row of the summary-of-findings table."""

    key: str
    name: str
    how: str                       # what was measured and how it is read
    n_studies: int
    n_rcts: int
    participants: int
    effect: str                    # relative (or descriptive) effect
    absolute: str                  # absolute effect, or why there is none
    certainty: Certainty | None    # None when no study reports the outcome
    pmids: list[str] = field(default_factory=list)
    cannot_answer: str | None = None


@dataclass(frozen=True)
class Estimate:
    """An effect (pooled or single-trial) on its analysis scale, with what it rests on."""

    measure: str
    k: int
    estimate: float
    low: float
    high: float
    i2: float | None
    egger_p: float | None
    control: float | None          # median control-arm value (risk, or mean on 0-10)
    participants: int = 0


def _estimate(rows: pd.DataFrame, measure: str) -> Estimate | None:
    """Random-effects (REML, Hartung-Knapp) over ``rows`` when >= 2, else the single row."""
    if rows.empty:
        return None
    control = statistics.median(v for v in rows["control_value"] if as_float(v) is not None) \
        if rows["control_value"].notna().any() else None
    if len(rows) == 1:
        r = rows.iloc[0]
        return Estimate(measure, 1, float(r["yi"]), float(r["ci_low"]), float(r["ci_high"]), None, None, control,
                        int(r["n"]))
    result = meta_analyse(rows["yi"].to_numpy(float), rows["vi"].to_numpy(float), method="REML",
                          hartung_knapp=True, measure=measure)
    egger = egger_test(rows["yi"], rows["vi"])[1] if len(rows) >= PUBLICATION_BIAS_MIN else None
    return Estimate(measure, result.k, result.estimate, result.ci_low, result.ci_high, result.i2, egger, control,
                    int(rows["n"].sum()))


def _n(rows: list[dict]) -> int:
    return int(sum(as_float(r.get("n_participants")) or 0 for r in rows))


def _design_text(findings: pd.DataFrame) -> dict[str, str]:
    """Study -> the sentences its design was read from (where an abstract states blinding)."""
    if findings.empty:
        return {}
    design = findings[findings["field"] == "design"]
    return {str(s): " ".join(str(t) for t in g["evidence_text"].dropna()) for s, g in design.groupby("study_id")}


def _domains(rcts: list[dict], others: int, design_text: dict[str, str], est: Estimate | None,
             directions: list[str] | None = None, comparative: bool = True) -> Domains:
    texts = [f"{as_text(r.get('title')) or ''} {design_text.get(str(r['study_id']), '')}" for r in rcts]
    agreement = None
    if directions:
        agreement = Counter(directions).most_common(1)[0][1] / len(directions)
    null = 1.0 if est is not None and est.measure == "RR" else 0.0
    return Domains(n_rcts=len(rcts), n_observational=others, participants=_n(rcts),
                   blinded=sum(states_blinding(t) for t in texts),
                   randomisation_stated=sum(states_randomisation(t) for t in texts),
                   i2=est.i2 if est else None, agreement=agreement,
                   ci_includes_null=(est.low <= null <= est.high) if est else None,
                   trials_with_data=est.k if est else 0, egger_p=est.egger_p if est else None,
                   estimate_participants=est.participants if est else None, comparative=comparative)


def _ci(est: Estimate, digits: int = 2, scale=lambda v: v) -> str:
    return f"{scale(est.estimate):.{digits}f} (95% CI {scale(est.low):.{digits}f} to {scale(est.high):.{digits}f})"


def _points(value: float) -> str:
    """A mean difference on 0-10 as words: '0.6 points lower', '0.1 points higher'."""
    return f"{abs(value):.1f} points {'lower' if value < 0 else 'higher'}" if round(abs(value), 1) else "0.0 points"


def _per_1000(value: float) -> str:
    n = round(abs(value) * 1000)
    return f"{n} {'more' if value > 0 else 'fewer'}" if n else "0 more"


def _cannot(key: str, name: str, how: str, what: str) -> OutcomeSummary:
    return OutcomeSummary(key, name, how, 0, 0, 0, "", "", None,
                          cannot_answer=f"The store cannot answer this: no included study reports {what}.")


def _rcts(rows: list[dict]) -> list[dict]:
    return [r for r in rows if as_text(r.get("design")) == "rct"]


def _observational(rows: list[dict]) -> int:
    return sum(as_text(r.get("design")) in OBSERVATIONAL for r in rows)


def pain_intensity(included: list[dict], effects: pd.DataFrame, design_text: dict[str, str]) -> OutcomeSummary:
    how = "pain score after treatment, 0-10 (lower is better); SMD where the trials' scales differ"
    with_data = set(effects.loc[effects["measure"] == "MD", "study_id"].astype(str)) if len(effects) else set()
    rows = [r for r in included if as_text(r.get("pain_effect")) in EFFECTS or str(r["study_id"]) in with_data]
    if not rows:
        return _cannot("pain", "Pain intensity", how, "a pain effect")
    rcts = _rcts(rows)
    md = effects[(effects["measure"] == "MD") & (effects["design"] == "rct")] if len(effects) else effects
    measure = pain_measure(md) if len(md) else "MD"
    est = _estimate(as_smd(md) if measure == "SMD" else md, measure)
    directions = [d for r in rcts if (d := as_text(r.get("pain_effect"))) in EFFECTS]
    counts = Counter(directions)
    direction = ", ".join(f"{label(e)} {n}" for e, n in counts.most_common()) or "none stated"
    if est is None:
        effect = f"no effect size extractable (means with SD and n per arm); direction stated by the RCTs: {direction}"
        absolute = "not estimable"
    elif measure == "SMD":
        effect = f"SMD (Hedges' g) {_ci(est)}, {est.k} RCT{'s' if est.k > 1 else ''}; directions: {direction}"
        absolute = "not on one scale: the trials used different pain scales"
    else:
        effect = f"MD {_ci(est)} points, {est.k} RCT{'s' if est.k > 1 else ''}; directions: {direction}"
        absolute = (f"{_points(est.estimate)} on 0-10 with the intervention (95% CI {_points(est.low)} to "
                    f"{_points(est.high)})" + (f"; control mean {est.control:.1f}" if est.control is not None else ""))
    return OutcomeSummary("pain", "Pain intensity", how, len(rows), len(rcts), _n(rows), effect, absolute,
                          grade(_domains(rcts, _observational(rows), design_text, est, directions)),
                          [p for r in rows if (p := as_text(r.get("pmid")))])


def responders(included: list[dict], effects: pd.DataFrame, design_text: dict[str, str]) -> OutcomeSummary:
    how = "participants with at least the trial's stated pain relief (e.g. >= 50%)"
    with_data = set(effects.loc[effects["measure"] == "logRR", "study_id"].astype(str)) if len(effects) else set()
    rows = [r for r in included if as_float(r.get("responder_rate_pct")) is not None or str(r["study_id"]) in with_data]
    if not rows:
        return _cannot("responders", "Responders", how, "how many participants responded")
    rcts = _rcts(rows)
    rr = effects[(effects["measure"] == "logRR") & (effects["design"] == "rct")] if len(effects) else effects
    est = _estimate(rr, "logRR")
    if est is None:
        rates = [as_float(r.get("responder_rate_pct")) for r in rows]
        effect = "no comparison extractable; stated responder rates: " + ", ".join(f"{fmt_number(x, 1)}%" for x in rates)
        absolute = "not estimable"
    else:
        effect = f"RR {_ci(est, scale=math.exp)}, {est.k} RCT{'s' if est.k > 1 else ''}"
        if est.control is not None:
            cr = est.control
            low, mid, high = (cr * (math.exp(v) - 1) for v in (est.low, est.estimate, est.high))
            absolute = (f"{round(cr * 1000)} per 1000 with control; {_per_1000(mid)} per 1000 with the intervention "
                        f"(from {_per_1000(low)} to {_per_1000(high)})")
        else:
            absolute = "not estimable: no control risk"
    est_dom = Estimate("RR", est.k, math.exp(est.estimate), math.exp(est.low), math.exp(est.high), est.i2,
                       est.egger_p, est.control, est.participants) if est else None
    return OutcomeSummary("responders", "Responders", how, len(rows), len(rcts), _n(rows), effect, absolute,
                          grade(_domains(rcts, _observational(rows), design_text, est_dom)),
                          [p for r in rows if (p := as_text(r.get("pmid")))])


def open_ended(row: dict) -> bool:
    """Relief still present at the last follow-up: the stated duration is a lower bound."""
    return lasted_to_follow_up(as_float(row.get("relief_duration_days")), as_float(row.get("follow_up_days")))


def relief_duration(included: list[dict], design_text: dict[str, str]) -> OutcomeSummary:
    how = f"days from treatment until relief ended; '≥' where it lasted to the last follow-up; {RELIEF_THRESHOLD_DAYS} days marked"
    rows = [r for r in included if as_float(r.get("relief_duration_days")) is not None]
    if not rows:
        return _cannot("relief", "Relief duration", how, "how long relief lasted")
    days = [as_float(r.get("relief_duration_days")) or 0.0 for r in rows]
    lower_bounds = sum(open_ended(r) for r in rows)
    long = sum(d >= RELIEF_THRESHOLD_DAYS for d in days)
    effect = (f"median {days_text(statistics.median(days))}; {long} of {len(rows)} lasted {RELIEF_THRESHOLD_DAYS} "
              f"days or more; {lower_bounds} lasted to the last follow-up (≥: a lower bound)")
    rcts = _rcts(rows)
    return OutcomeSummary("relief", "Relief duration", how, len(rows), len(rcts), _n(rows), effect,
                          "not a comparison: durations are stated for the treated group",
                          grade(_domains(rcts, _observational(rows), design_text, None, comparative=False)),
                          [p for r in rows if (p := as_text(r.get("pmid")))])


def _event_comparisons(included: list[dict], adverse_events: pd.DataFrame,
                       intervention: str) -> dict[str, list[tuple[float, float, float, float]]]:
    """Event -> [(events, n) intervention, (events, n) control] per study stating both arms' counts."""
    ids = {str(r["study_id"]) for r in included}
    arms: dict[tuple[str, str], dict[str, tuple[float, float]]] = {}
    if adverse_events.empty:
        return {}
    for sid, event, neg, count, n, arm in adverse_events[["study_id", "event", "negated", "count", "n", "arm"]] \
            .itertuples(index=False, name=None):
        c, d = as_float(count), as_float(n)
        role = arm_role(arm, intervention)
        if str(sid) not in ids or c is None or not d or c > d or role is None or as_bool(neg):
            continue
        arms.setdefault((str(event), str(sid)), {}).setdefault(role, (c, d))
    out: dict[str, list[tuple[float, float, float, float]]] = {}
    for (event, _), by_role in arms.items():
        if "intervention" in by_role and "control" in by_role:
            out.setdefault(event, []).append((*by_role["intervention"], *by_role["control"]))
    return out


def _risk_difference_estimate(comparisons: dict[str, list[tuple[float, float, float, float]]]) -> Estimate | None:
    """Risk difference for the event most studies count in both arms: pooled (REML, Hartung-Knapp) over the
    studies with a non-zero variance when there are two or more, else the largest study's."""
    if not comparisons:
        return None
    _, tables = max(comparisons.items(), key=lambda kv: (len(kv[1]), kv[0]))
    rds = [(risk_difference(*t), t[1] + t[3]) for t in tables]
    usable = [((rd, var), n) for (rd, var), n in rds if var > 0]
    if len(usable) >= 2:
        res = meta_analyse([rd for (rd, _), _ in usable], [v for (_, v), _ in usable], method="REML",
                           hartung_knapp=True)
        return Estimate("RD", res.k, res.estimate, res.ci_low, res.ci_high, res.i2, None, None,
                        int(sum(n for _, n in usable)))
    (rd, var), n = max(rds, key=lambda x: x[1])
    half = _Z95 * math.sqrt(var)
    return Estimate("RD", 1, rd, rd - half, rd + half, None, None, None, int(n))


def adverse_events(included: list[dict], events_table: pd.DataFrame, design_text: dict[str, str],
                   intervention: str) -> OutcomeSummary:
    how = "adverse events the abstracts report (silence is not counted as safety)"
    rows = [r for r in included if split_list(r.get("adverse_events")) or split_list(r.get("negated_adverse_events"))]
    if not rows:
        return _cannot("adverse", "Adverse events", how, "on adverse events")
    any_event = sum(bool(split_list(r.get("adverse_events"))) for r in rows)
    commonest = Counter(e for r in rows for e in set(split_list(r.get("adverse_events")))).most_common(3)
    effect = f"{any_event} of {len(rows)} studies report at least one event" + (
        "; most often " + ", ".join(f"{label(e)} ({n})" for e, n in commonest) if commonest else "")
    comparisons = _event_comparisons(included, events_table, intervention)
    absolute = "not estimable: no study states event counts for both arms"
    compared = _risk_difference_estimate(comparisons)
    if compared is not None:
        event, k = max(comparisons.items(), key=lambda kv: (len(kv[1]), kv[0]))[0], compared.k
        interval = f" (from {_per_1000(compared.low)} to {_per_1000(compared.high)})" \
            if compared.low != compared.high else ""
        absolute = (f"{label(event)}: {_per_1000(compared.estimate)} per 1000 with the intervention{interval}, "
                    f"{k} stud{'y' if k == 1 else 'ies'} with counts in both arms")
    rcts = _rcts(rows)
    return OutcomeSummary("adverse", "Adverse events", how, len(rows), len(rcts), _n(rows), effect, absolute,
                          grade(_domains(rcts, _observational(rows), design_text, compared,
                                         comparative=compared is not None)),
                          [p for r in rows if (p := as_text(r.get("pmid")))])


def summary_of_findings(included: pd.DataFrame, findings: pd.DataFrame, events_table: pd.DataFrame,
                        intervention: str) -> list[OutcomeSummary]:
    """The four outcome rows, in a fixed order."""
    rows = included.to_dict("records") if len(included) else []
    effects = effect_table(findings, included) if rows else pd.DataFrame()
    design_text = _design_text(findings)
    return [pain_intensity(rows, effects, design_text), responders(rows, effects, design_text),
            relief_duration(rows, design_text), adverse_events(rows, events_table, design_text, intervention)]
