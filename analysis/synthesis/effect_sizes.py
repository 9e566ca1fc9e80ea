"""Per-study effect sizes from the findings table, and pooling them by condition.

Two measures (and the SMD beside the MD), all read so that the intervention is compared with its placebo/sham/usual-care
control (an active comparator such as morphine is not a control here):

- ``MD``: mean difference in pain score, intervention minus control, on the 0-10 scale, from
  ``pain_score`` findings (``detail``: ``arm``, ``timepoint``, ``mean``, ``sd``, ``n``).
  Negative values mean less pain with the intervention. Variance ``sd1²/n1 + sd2²/n2``.
- ``SMD``: the same comparison as Hedges' g (``hedges_g``, metafor ``escalc(measure="SMD")``), in the
  ``smd``/``smd_vi`` columns of each ``MD`` row; pooled instead of the MD where the trials' pain scales
  differ (the ``scale`` column: the original range the abstract used).
- ``logRR``: log risk ratio of responding, intervention over control, from ``responders``
  findings (``detail``: ``arm``, ``events``, ``n``, ``threshold``). Positive values mean more
  responders with the intervention. 0.5 is added to every cell of a table with a zero cell
  (metafor ``escalc(..., to="only0")``); tables with no events or only events in both arms
  carry no information about the ratio and are left out.

Which arm is which is read by ``ketamine_evidence.analysis.synthesis.arms``.
Several intervention arms (e.g. two ketamine doses against one placebo) are combined into one
arm (Cochrane Handbook, section 6.5.2.10) so that the control group is not counted twice.
A standard error is turned into an SD (SE * sqrt(n)). Abstracts often give each arm's mean and SD
but not its size: then (``impute_n``, on by default) a parallel trial's ``n_participants`` is split
equally over the arms reported, and each arm of a crossover trial (so titled) counts every
participant (which ignores the within-person correlation: a wider, conservative interval). The
``n_source`` column says which sizes were stated and which were assumed, so a reader can drop the
latter (``impute_n=False``).
Where a study reports several time points or thresholds, the first one (in text order) at
which both arms are complete is used: abstracts state their primary outcome first.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ketamine_evidence.analysis.synthesis.arms import arms_of, distinct, evidence_of, number
from ketamine_evidence.analysis.synthesis.meta_analysis import meta_analyse

EFFECT_COLUMNS = [
    "study_id", "pmid", "label", "measure", "yi", "vi", "smd", "smd_vi", "se", "ci_low", "ci_high", "n",
    "n_intervention", "n_control", "n_source", "timepoint", "scale", "control_value", "design", "condition",
    "intervention", "evidence_text",
]
POOLED_COLUMNS = [
    "intervention", "condition", "measure", "k", "n", "estimate", "se", "ci_low", "ci_high", "pi_low",
    "pi_high", "p_value", "tau2", "i2", "i2_ci_low", "i2_ci_high", "q", "q_df", "q_p", "method",
    "hartung_knapp", "df", "description", "study_ids", "scales", "result",
]
_Z95 = 1.959963984540054


# ---------------------------------------------------------------------------------------------
# Effect sizes from summary data


def mean_difference(mean1: float, sd1: float, n1: float, mean2: float, sd2: float,
                    n2: float) -> tuple[float, float]:
    """Mean difference ``mean1 - mean2`` and its sampling variance ``sd1²/n1 + sd2²/n2``."""
    if n1 <= 0 or n2 <= 0:
        raise ValueError("group sizes must be > 0")
    if sd1 < 0 or sd2 < 0:
        raise ValueError("standard deviations must be >= 0")
    return mean1 - mean2, sd1 ** 2 / n1 + sd2 ** 2 / n2


def hedges_correction(df: float) -> float:
    """Hedges' small-sample correction J for ``df`` degrees of freedom, exact (gamma functions, as metafor)."""
    if df <= 1:
        raise ValueError("Hedges' correction needs more than 1 degree of freedom")
    return math.exp(math.lgamma(df / 2) - 0.5 * math.log(df / 2) - math.lgamma((df - 1) / 2))


def hedges_g(mean1: float, sd1: float, n1: float, mean2: float, sd2: float, n2: float) -> tuple[float, float]:
    """Standardised mean difference ``(mean1 - mean2) / pooled SD`` with Hedges' correction, and its variance.

    As metafor ``escalc(measure="SMD")`` with its default ``vtype="LS"``: g = J * d with the exact J
    (``hedges_correction``), variance ``1/n1 + 1/n2 + g² / (2 (n1 + n2))``. Used to pool pain scores
    measured on different scales.
    """
    if n1 <= 0 or n2 <= 0 or n1 + n2 <= 3:
        raise ValueError("group sizes must be > 0 and sum to more than 3")
    if sd1 < 0 or sd2 < 0:
        raise ValueError("standard deviations must be >= 0")
    pooled_sd = math.sqrt(((n1 - 1) * sd1 ** 2 + (n2 - 1) * sd2 ** 2) / (n1 + n2 - 2))
    if pooled_sd == 0:
        raise ValueError("pooled SD is 0: the standardised difference is not defined")
    g = hedges_correction(n1 + n2 - 2) * (mean1 - mean2) / pooled_sd
    return g, 1 / n1 + 1 / n2 + g ** 2 / (2 * (n1 + n2))


def risk_difference(events1: float, n1: float, events2: float, n2: float) -> tuple[float, float]:
    """Risk difference ``events1/n1 - events2/n2`` and its variance (metafor ``measure="RD"``)."""
    if n1 <= 0 or n2 <= 0 or not (0 <= events1 <= n1) or not (0 <= events2 <= n2):
        raise ValueError(f"impossible counts: {events1}/{n1} vs {events2}/{n2}")
    p1, p2 = events1 / n1, events2 / n2
    return p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2


def log_risk_ratio(events1: float, n1: float, events2: float, n2: float,
                   add: float = 0.5) -> tuple[float, float]:
    """Log risk ratio of group 1 over group 2 and its variance (metafor ``measure="RR"``).

    ``add`` goes into each cell of a 2x2 table that has a zero cell. Raises ValueError for
    impossible counts and for tables that carry no information (no events, or all events, in
    both groups).
    """
    if n1 <= 0 or n2 <= 0 or not (0 <= events1 <= n1) or not (0 <= events2 <= n2):
        raise ValueError(f"impossible counts: {events1}/{n1} vs {events2}/{n2}")
    if (events1 == 0 and events2 == 0) or (events1 == n1 and events2 == n2):
        raise ValueError("no events (or only events) in both groups: the risk ratio is not estimable")
    a, b, c, d = events1, n1 - events1, events2, n2 - events2
    if min(a, b, c, d) == 0:
        a, b, c, d = a + add, b + add, c + add, d + add
    n1, n2 = a + b, c + d
    return math.log((a / n1) / (c / n2)), 1 / a - 1 / n1 + 1 / c - 1 / n2


def combine_groups(groups: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Merge ``(mean, sd, n)`` groups into one (Cochrane Handbook 6.5.2.10)."""
    mean, sd, n = groups[0]
    for m2, sd2, n2 in groups[1:]:
        total = n + n2
        pooled_mean = (n * mean + n2 * m2) / total
        var = ((n - 1) * sd ** 2 + (n2 - 1) * sd2 ** 2
               + n * n2 / total * (mean ** 2 + m2 ** 2 - 2 * mean * m2)) / (total - 1)
        mean, sd, n = pooled_mean, math.sqrt(var), total
    return mean, sd, n


# ---------------------------------------------------------------------------------------------
# Findings -> effect table


_CROSSOVER = re.compile(r"\bcross[- ]?over\b", re.I)
STATED = "stated"


def _arm_size(study: dict[str, Any], n_arms: int) -> tuple[float | None, str | None]:
    """Group size when the abstract gives no per-arm n: every participant in each period of a
    crossover trial, else ``n_participants`` split equally over the arms reported."""
    total = number(study.get("n_participants"))
    if total is None or total <= 0 or n_arms < 2:
        return None, None
    if _CROSSOVER.search(str(study.get("title") or "")):
        return total, "assumed: crossover, each arm = n_participants"
    return total / n_arms, f"assumed: n_participants split equally over {n_arms} arms"


def _spread(detail: dict[str, Any], n: float) -> float | None:
    """The arm's SD, from ``sd`` or else from a standard error (SD = SE * sqrt(n))."""
    sd = number(detail.get("sd"))
    if sd is not None:
        return sd
    se = number(detail.get("se"))
    return se * math.sqrt(n) if se is not None else None


def _pain_effect(rows: pd.DataFrame, intervention: str, study: dict[str, Any],
                 impute_n: bool) -> dict[str, Any] | None:
    """MD and SMD (Hedges' g) at the first time point with complete intervention and control arms."""
    arm_names = {" ".join(str(a).lower().split()) for a in rows["arm"].dropna()} if "arm" in rows else set()
    fallback_n, fallback_source = _arm_size(study, len(arm_names)) if impute_n else (None, None)
    arms = [a for a in arms_of(rows, intervention) if number(a.detail.get("mean")) is not None]
    timepoints = list(dict.fromkeys(a.detail.get("timepoint") for a in arms))
    for timepoint in timepoints:
        at = distinct([a for a in arms if a.detail.get("timepoint") == timepoint])
        groups: dict[str, list[tuple[float, float, float]]] = {"intervention": [], "control": []}
        sources = set()
        for a in at:
            n = number(a.detail.get("n"))
            source = STATED
            if n is None or n <= 0:
                n, source = fallback_n, fallback_source
            sd = _spread(a.detail, n) if n else None
            if n is None or sd is None:
                continue
            groups[a.role].append((float(a.detail["mean"]), sd, n))
            sources.add(source)
        if not groups["intervention"] or not groups["control"]:
            continue
        m1, sd1, n1 = combine_groups(groups["intervention"])
        m2, sd2, n2 = groups["control"][0]  # one control arm, the first reported
        yi, vi = mean_difference(m1, sd1, n1, m2, sd2, n2)
        if vi <= 0:
            continue
        scales = sorted({str(a.detail["scale"]) for a in at if a.detail.get("scale")})
        try:
            smd, smd_vi = hedges_g(m1, sd1, n1, m2, sd2, n2)
        except ValueError:
            smd, smd_vi = None, None
        return {"measure": "MD", "yi": yi, "vi": vi, "smd": smd, "smd_vi": smd_vi, "n_intervention": n1,
                "n_control": n2, "n_source": "; ".join(sorted(sources)), "timepoint": timepoint,
                "scale": "; ".join(scales) or None, "control_value": m2, "evidence_text": evidence_of(at)}
    return None


def _responder_effect(rows: pd.DataFrame, intervention: str, study: dict[str, Any],
                      impute_n: bool) -> dict[str, Any] | None:
    """log RR at the first threshold/time point with complete intervention and control arms."""
    arms = [a for a in arms_of(rows, intervention)
            if number(a.detail.get("events")) is not None and (number(a.detail.get("n")) or 0) > 0]
    keys = list(dict.fromkeys((a.detail.get("threshold"), a.detail.get("timepoint")) for a in arms))
    for key in keys:
        at = distinct([a for a in arms if (a.detail.get("threshold"), a.detail.get("timepoint")) == key])
        treated = [a for a in at if a.role == "intervention"]
        control = [a for a in at if a.role == "control"][:1]
        if not treated or not control:
            continue
        e1 = sum(float(a.detail["events"]) for a in treated)
        n1 = sum(float(a.detail["n"]) for a in treated)
        e2, n2 = float(control[0].detail["events"]), float(control[0].detail["n"])
        try:
            yi, vi = log_risk_ratio(e1, n1, e2, n2)
        except ValueError:
            continue
        return {"measure": "logRR", "yi": yi, "vi": vi, "n_intervention": n1, "n_control": n2,
                "n_source": STATED, "timepoint": key[1], "control_value": e2 / n2,
                "evidence_text": evidence_of(treated + control)}
    return None


def _label(study: dict[str, Any]) -> str:
    authors = study.get("authors")
    first = ""
    if isinstance(authors, str) and authors.strip():
        first = authors.split(";")[0].strip().split(",")[0].split(" ")[0]
    year = study.get("year")
    year_text = str(int(year)) if number(year) is not None else ""
    label = " ".join(x for x in (first, year_text) if x)
    return label or str(study.get("pmid") or study.get("study_id"))


def _condition(study: dict[str, Any]) -> str:
    primary = study.get("primary_condition")
    if isinstance(primary, str) and primary:
        return primary
    conditions = study.get("conditions")
    if isinstance(conditions, str) and conditions:
        return conditions.split(";")[0]
    return "unspecified"


def effect_table(findings: pd.DataFrame, studies: pd.DataFrame, *,
                 include_excluded: bool = False, impute_n: bool = True) -> pd.DataFrame:
    """One row per study and measure with an estimable effect (columns ``EFFECT_COLUMNS``).

    Only studies the studies table marks ``included`` are read unless ``include_excluded``.
    ``yi``/``vi`` are the effect and its variance; ``ci_low``/``ci_high`` its 95% interval
    (on the log scale for ``logRR``); ``n_source`` ``stated`` or how the group sizes were assumed;
    ``evidence_text`` the sentences the numbers came from.
    """
    if findings.empty or studies.empty:
        return pd.DataFrame(columns=EFFECT_COLUMNS)
    study_rows = studies
    if not include_excluded and "included" in studies.columns:
        study_rows = studies[studies["included"].fillna(False).astype(bool)]
    by_id = {row["study_id"]: row for row in study_rows.to_dict("records")}
    wanted = findings[findings["field"].isin(["pain_score", "responders"])
                      & findings["study_id"].isin(list(by_id))]
    out = []
    for study_id, rows in wanted.groupby("study_id", sort=False):
        study = by_id[study_id]
        intervention = study.get("intervention")
        if not isinstance(intervention, str) or not intervention:
            first = rows["intervention"].dropna()
            intervention = first.iloc[0] if len(first) else "ketamine"
        for field, compute in (("pain_score", _pain_effect), ("responders", _responder_effect)):
            effect = compute(rows[rows["field"] == field], intervention, study, impute_n)
            if effect is None:
                continue
            se = math.sqrt(effect["vi"])
            out.append({
                "study_id": study_id, "pmid": study.get("pmid"), "label": _label(study),
                **effect, "se": se,
                "ci_low": effect["yi"] - _Z95 * se, "ci_high": effect["yi"] + _Z95 * se,
                "n": effect["n_intervention"] + effect["n_control"],
                "design": study.get("design"), "condition": _condition(study),
                "intervention": intervention,
            })
    return pd.DataFrame(out, columns=EFFECT_COLUMNS)


def scales_of(effects: pd.DataFrame) -> list[str]:
    """The distinct original pain scales the rows state ('0-10', '0-100'); rows that state none are left out."""
    if "scale" not in effects:
        return []
    return sorted({part.strip() for value in effects["scale"].dropna() for part in str(value).split(";")
                   if part.strip()})


def pain_measure(md_rows: pd.DataFrame) -> str:
    """``MD`` when the pain-score rows state at most one original scale, else ``SMD``."""
    return "SMD" if len(scales_of(md_rows)) > 1 else "MD"


def as_smd(md_rows: pd.DataFrame) -> pd.DataFrame:
    """``MD`` rows restated as ``SMD`` rows (``yi``/``vi``/``se``/CI from Hedges' g); rows without a g dropped."""
    rows = md_rows.dropna(subset=["smd", "smd_vi"])
    se = rows["smd_vi"].astype(float) ** 0.5
    return rows.assign(measure="SMD", yi=rows["smd"].astype(float), vi=rows["smd_vi"].astype(float), se=se,
                       ci_low=rows["smd"] - _Z95 * se, ci_high=rows["smd"] + _Z95 * se)


def pool_by_condition(effects: pd.DataFrame, method: str = "REML", hartung_knapp: bool = True, *,
                      min_studies: int = 2, designs: tuple[str, ...] = ("rct",),
                      level: float = 0.95) -> pd.DataFrame:
    """Random-effects pooling per condition and measure where >= ``min_studies`` RCTs give data.

    A study counts under its primary condition. Returns one row per (intervention, condition,
    measure) with the pooled estimate, intervals and heterogeneity (``POOLED_COLUMNS``); the
    ``result`` column holds the full :class:`ketamine_evidence.analysis.synthesis.meta_analysis.MetaResult`, whose
    ``weights`` follow the order of the group's rows in ``effects``. Empty when no condition has
    enough trials. Effects measured at different time points are pooled together: the
    ``timepoint`` column of ``effects`` shows which.

    Pain scores are pooled once per condition: as ``MD`` (0-10) when the trials state no more than
    one original scale, as ``SMD`` (Hedges' g, from the ``smd`` columns) when their scales differ
    (``pain_measure``); the pooled row's ``measure`` says which, ``scales`` lists the scales.
    """
    rows = []
    if not effects.empty:
        eligible = effects[effects["design"].isin(designs)] if designs else effects
        eligible = eligible.assign(intervention=eligible["intervention"].fillna(""))
        for (intervention, condition, measure), group in eligible.groupby(
                ["intervention", "condition", "measure"], sort=True):
            if len(group) < max(2, min_studies):
                continue
            if measure == "MD" and pain_measure(group) == "SMD":
                group, measure = as_smd(group), "SMD"
                if len(group) < max(2, min_studies):
                    continue
            result = meta_analyse(group["yi"].to_numpy(), group["vi"].to_numpy(), method=method,
                                  hartung_knapp=hartung_knapp, level=level, measure=measure)
            rows.append({
                "intervention": intervention or None, "condition": condition, "measure": measure, "k": result.k,
                "n": float(group["n"].sum()), "estimate": result.estimate, "se": result.se,
                "ci_low": result.ci_low, "ci_high": result.ci_high, "pi_low": result.pi_low,
                "pi_high": result.pi_high, "p_value": result.p_value, "tau2": result.tau2,
                "i2": result.i2, "i2_ci_low": result.i2_ci[0] if result.i2_ci else None,
                "i2_ci_high": result.i2_ci[1] if result.i2_ci else None,
                "q": result.q, "q_df": result.q_df, "q_p": result.q_p,
                "method": result.method, "hartung_knapp": result.hartung_knapp, "df": result.df,
                "description": result.description, "study_ids": ";".join(map(str, group["study_id"])),
                "scales": "; ".join(scales_of(group)) or None, "result": result,
            })
    return pd.DataFrame(rows, columns=POOLED_COLUMNS)
