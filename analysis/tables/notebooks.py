"""What the notebooks call: tables one import away, and tidy summaries of them.

``tables_for_notebook()`` loads ``data/processed/`` when ``ketamine-evidence extract`` has written
it, and otherwise builds the tables in memory from the bundled snapshot (``data/snapshot/pmc``),
so the notebooks run top to bottom on a fresh clone. The other functions are pure: tables in,
pandas DataFrames (or a matplotlib Figure) out, so the notebooks stay thin.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.base import paths
from ketamine_evidence.base.errors import InputError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ketamine_evidence.analysis.tables.frames import Tables

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------
# Getting the tables


def snapshot_source() -> Path:
    """The bundled PMC articles the notebooks fall back on."""
    return paths.snapshot_dir() / "pmc"


def build_tables_from_files(source: str | Path | None = None, intervention: str = "ketamine") -> "Tables":
    """Parse XML files (default: the bundled snapshot), extract, and build the tables in memory.

    The same steps as ``ketamine-evidence extract --input``: group records of one study,
    extract each study once for ``intervention``, build the three tables.
    """
    from ketamine_evidence.analysis.tables.build import tables_from_files

    source = Path(source) if source is not None else snapshot_source()
    return tables_from_files(source, resolve_intervention(intervention))


def _has_tables(directory: Path) -> bool:
    return any((directory / f"studies.{ext}").is_file() for ext in ("parquet", "csv"))


def default_tables_dir() -> Path:
    """``data/processed`` of the home; Jupyter starts a notebook's kernel in ``notebooks/``, so
    without ``KETAMINE_EVIDENCE_HOME`` the folder beside it (``../data/processed``) counts too."""
    here = paths.processed_dir()
    if _has_tables(here) or "KETAMINE_EVIDENCE_HOME" in os.environ:
        return here
    beside = paths.home().parent / "data" / "processed"
    return beside if _has_tables(beside) else here


def tables_for_notebook(tables_dir: str | Path | None = None, *, intervention: str = "ketamine",
                        build_if_missing: bool = True) -> "Tables":
    """The extraction tables: from ``tables_dir`` (default ``data/processed/``) when they exist
    there, else (``build_if_missing``) built from the bundled snapshot for ``intervention``."""
    from ketamine_evidence.analysis import load_tables

    directory = Path(tables_dir) if tables_dir is not None else default_tables_dir()
    if _has_tables(directory):
        return load_tables(directory)
    if tables_dir is not None or not build_if_missing:
        raise InputError(f"no tables in {directory}: run `ketamine-evidence extract` first")
    log.info("no tables in %s: building them from the bundled snapshot %s", directory, snapshot_source())
    return build_tables_from_files(snapshot_source(), intervention)


# ---------------------------------------------------------------------------------------------
# Selecting


def _list_contains(values: pd.Series, item: str) -> pd.Series:
    return values.fillna("").astype(str).map(lambda s: item in s.split(";")).astype(bool)


def select_studies(studies: pd.DataFrame, *, condition: str | None = None,
                   intervention: str | None = None, included_only: bool = True) -> pd.DataFrame:
    """Studies narrowed to the included ones, one intervention and one condition (any of its conditions)."""
    out = studies
    if included_only and "included" in out.columns:
        out = out.loc[out["included"].fillna(False).astype(bool)]
    if intervention and "intervention" in out.columns:
        out = out.loc[(out["intervention"].fillna("").str.lower() == resolve_intervention(intervention).name)
                      .astype(bool)]
    if condition:
        out = out.loc[_list_contains(out["conditions"], condition)]
    return out.reset_index(drop=True)


def for_studies(frame: pd.DataFrame, studies: pd.DataFrame) -> pd.DataFrame:
    """Rows of a findings-like table that belong to ``studies``."""
    return frame[frame["study_id"].isin(studies["study_id"])].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# 01 corpus overview


def corpus_summary(studies: pd.DataFrame) -> pd.DataFrame:
    """Counts of records, duplicates, exclusions, inclusions, full texts and retractions."""
    included = studies["included"].fillna(False).astype(bool)
    rows = [
        ("records", len(studies)),
        ("duplicates", int(studies["duplicate_of"].notna().sum())),
        ("excluded", int((~included).sum())),
        ("included", int(included.sum())),
        ("included with full text", int((included & studies["has_fulltext"].fillna(False).astype(bool)).sum())),
        ("retracted", int(studies["retracted"].fillna(False).astype(bool).sum())),
    ]
    return pd.DataFrame(rows, columns=["what", "count"])


def exclusion_reasons(studies: pd.DataFrame) -> pd.DataFrame:
    """Why records were excluded, most frequent first."""
    reasons = studies.loc[~studies["included"].fillna(False).astype(bool), "exclusion_reason"]
    counts = reasons.fillna("no reason recorded").value_counts()
    return counts.rename_axis("reason").reset_index(name="records")


def count_values(studies: pd.DataFrame, column: str) -> pd.DataFrame:
    """How many studies carry each value of ``column`` (';'-joined list columns are split)."""
    values = studies[column].dropna().astype(str).str.split(";").explode().str.strip()
    values = values[values != ""]
    counts = values.value_counts()
    return counts.rename_axis(column).reset_index(name="studies")


def studies_per_year(studies: pd.DataFrame) -> pd.DataFrame:
    years = studies["year"].dropna().astype(int)
    return years.value_counts().sort_index().rename_axis("year").reset_index(name="studies")


# ---------------------------------------------------------------------------------------------
# 02 relief duration

RELIEF_COLUMNS = ["study_id", "pmid", "title", "design", "primary_condition", "pain_effect",
                  "relief_duration_days", "relief_duration_text", "follow_up_days", "evidence_text"]


def relief_table(studies: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """Studies that state how long relief lasted, with the sentence that says so, longest first."""
    with_relief = studies[studies["relief_duration_days"].notna()]
    evidence = findings[findings["field"] == "relief_duration_days"][["study_id", "evidence_text"]]
    evidence = evidence.drop_duplicates("study_id")
    out = with_relief.merge(evidence, on="study_id", how="left")
    return out[RELIEF_COLUMNS].sort_values("relief_duration_days", ascending=False, kind="stable").reset_index(drop=True)


def relief_summary(relief: pd.DataFrame) -> pd.DataFrame:
    """Per condition: studies with a relief duration, median/min/max days, and how many last >= 14 days."""
    if relief.empty:
        return pd.DataFrame(columns=["condition", "studies", "median_days", "min_days", "max_days",
                                     "lasting_2_weeks_or_more"])
    frame = relief.assign(condition=relief["primary_condition"].fillna("not stated"))
    grouped = frame.groupby("condition")["relief_duration_days"]
    out = pd.DataFrame({
        "studies": grouped.size(), "median_days": grouped.median(), "min_days": grouped.min(),
        "max_days": grouped.max(), "lasting_2_weeks_or_more": grouped.apply(lambda s: int((s >= 14).sum())),
    })
    return out.reset_index().sort_values("studies", ascending=False, kind="stable").reset_index(drop=True)


def plot_relief(relief: pd.DataFrame) -> "Figure":
    """Relief duration (days, log scale) of each study, grouped by condition."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 0.4 * max(len(relief), 3) + 1))
    ax = fig.subplots()
    if relief.empty:
        ax.text(0.5, 0.5, "no study states how long relief lasted", ha="center", va="center")
        ax.set_axis_off()
        return fig
    rows = relief.sort_values(["primary_condition", "relief_duration_days"], na_position="last")
    labels = [f"{r.pmid or r.study_id} ({r.primary_condition or 'not stated'})" for r in rows.itertuples()]
    days = rows["relief_duration_days"].clip(lower=0.1)  # 0 days (no relief) shown at the axis floor
    bars = ax.barh(range(len(rows)), days, color="#4c72b0")
    ax.bar_label(bars, [f"{d:g} d" if d > 0 else "0 d (no relief)" for d in rows["relief_duration_days"]],
                 padding=3, fontsize=8)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_xscale("log")
    ax.axvline(14, color="grey", linestyle="--", linewidth=1)
    ax.set_xlabel("relief lasted (days, log scale); dashed line: 2 weeks")
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------------------------
# 03 adverse events


def adverse_event_summary(studies: pd.DataFrame, adverse_events: pd.DataFrame) -> pd.DataFrame:
    """Per event: studies reporting it, studies stating it did not occur, and pooled counts.

    ``events``/``patients`` sum only the rows that give both a count and its denominator, so
    ``percent`` = events / patients over those rows; null where no study gives counts.
    """
    rows = for_studies(adverse_events, studies)
    columns = ["event", "studies_reporting", "studies_negating", "events", "patients", "percent"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    negated = rows["negated"].fillna(False).astype(bool)
    occurred, absent = rows[~negated], rows[negated]
    counted = occurred[occurred["count"].notna() & occurred["n"].notna()].drop_duplicates(["study_id", "event", "arm"])
    events = sorted(set(rows["event"].dropna()))
    out = []
    for event in events:
        c = counted[counted["event"] == event]
        n_events, n_patients = int(c["count"].sum()), int(c["n"].sum())
        out.append({
            "event": event,
            "studies_reporting": occurred.loc[occurred["event"] == event, "study_id"].nunique(),
            "studies_negating": absent.loc[absent["event"] == event, "study_id"].nunique(),
            "events": n_events if len(c) else None, "patients": n_patients if len(c) else None,
            "percent": 100.0 * n_events / n_patients if len(c) and n_patients else None,
        })
    table = pd.DataFrame(out, columns=columns)
    return table.sort_values(["studies_reporting", "event"], ascending=[False, True], kind="stable").reset_index(drop=True)


def adverse_event_evidence(studies: pd.DataFrame, adverse_events: pd.DataFrame, event: str) -> pd.DataFrame:
    """Every row for one event, with the sentence it was read from."""
    rows = for_studies(adverse_events, studies)
    return rows[rows["event"] == event][["study_id", "pmid", "negated", "count", "percent", "n", "arm",
                                         "evidence_text"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# 04 meta-analysis


def plot_forest(effects: pd.DataFrame, pooled: dict[str, Any] | pd.Series) -> "Figure":
    """A forest plot of one pooled analysis: each study's effect and 95% CI, the pooled diamond
    and the prediction interval. Risk ratios are drawn on the ratio scale (log axis)."""
    import math

    from matplotlib.figure import Figure

    measure = pooled["measure"]
    rows = effects[(effects["condition"] == pooled["condition"]) & (effects["measure"] == measure)
                   & effects["study_id"].isin(str(pooled["study_ids"]).split(";"))]
    back = math.exp if measure == "logRR" else (lambda v: v)
    fig = Figure(figsize=(7, 0.45 * (len(rows) + 3) + 1))
    ax = fig.subplots()
    y = list(range(len(rows) + 2, 2, -1))
    for yy, r in zip(y, rows.itertuples()):
        ax.plot([back(r.ci_low), back(r.ci_high)], [yy, yy], color="black", linewidth=1)
        ax.plot(back(r.yi), yy, "s", color="#4c72b0")
    est, lo, hi = back(pooled["estimate"]), back(pooled["ci_low"]), back(pooled["ci_high"])
    ax.fill([lo, est, hi, est], [1, 1.3, 1, 0.7], color="#dd8452")
    ax.plot([back(pooled["pi_low"]), back(pooled["pi_high"])], [0.3, 0.3], color="#dd8452", linewidth=2)
    ax.axvline(1.0 if measure == "logRR" else 0.0, color="grey", linestyle="--", linewidth=1)
    ax.set_yticks([*y, 1, 0.3], [*rows["label"].astype(str), "pooled", "prediction interval"], fontsize=8)
    if measure == "logRR":
        ax.set_xscale("log")
        ax.set_xlabel("risk ratio of responding (intervention / control)")
    else:
        ax.set_xlabel("mean difference in pain, 0-10 (intervention - control)")
    ax.set_title(f"{pooled['condition']}: k={pooled['k']}, I²={pooled['i2']:.0f}%", fontsize=10)
    fig.tight_layout()
    return fig
