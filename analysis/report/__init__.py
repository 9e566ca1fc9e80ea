"""The evidence report: a pure function from the extraction tables (+ the store's changes) to a context, then rendering.

``build_context(tables, changes)`` gathers every section; ``build_report(tables, out_dir, store_path)``
renders ``report.html`` (self-contained: inline CSS, JS, the PRISMA diagram as inline SVG and the figures)
and ``report.md`` (its twin, with the figures as PNG/SVG files beside it) and returns their paths.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from ketamine_evidence.analysis.report.certainty import NOT_JUDGED, RULE
from ketamine_evidence.analysis.report.changes import Changes, changes_from_store
from ketamine_evidence.analysis.report.claims import CANNOT_ANSWER, check_claims
from ketamine_evidence.analysis.report.evidence_tables import COLUMNS, NO_CONDITION, evidence_tables, included_studies
from ketamine_evidence.analysis.report.figures import Chart, ReliefPoint, relief_figure, side_effect_figure
from ketamine_evidence.analysis.report.pooling import pooled_analyses
from ketamine_evidence.analysis.report.prisma import prisma_flow, store_runs
from ketamine_evidence.analysis.report.render import render_html, render_markdown, render_prisma_svg
from ketamine_evidence.analysis.report.side_effects import summarise_events
from ketamine_evidence.analysis.report.summary_of_findings import (
    RELIEF_THRESHOLD_DAYS, open_ended, summary_of_findings,
)
from ketamine_evidence.analysis.report.values import as_float, as_text, split_list
from ketamine_evidence.base.atomic import write_atomic


class TablesLike(Protocol):
    studies: pd.DataFrame
    findings: pd.DataFrame
    adverse_events: pd.DataFrame


@dataclass(frozen=True)
class ReportFiles:
    html: Path
    markdown: Path
    figures: list[Path] = field(default_factory=list)


def _interventions(tables: TablesLike) -> list[str]:
    names: list[str] = []
    for frame in (tables.studies, tables.findings):
        if not frame.empty and "intervention" in frame:
            names += [n for v in frame["intervention"].dropna().unique() if (n := as_text(v))]
    return sorted(set(names)) or ["ketamine"]


def _relief_points(included: pd.DataFrame) -> list[ReliefPoint]:
    points = []
    for s in included.to_dict("records"):
        days = as_float(s.get("relief_duration_days"))
        if days is None:
            continue
        for condition in split_list(s.get("conditions")) or [NO_CONDITION]:
            points.append(ReliefPoint(condition, as_text(s.get("design")) or "other", days, open_ended(s)))
    return points


def build_context(tables: TablesLike, changes: Changes | None = None, *, runs: list | None = None,
                  generated: str | None = None, tables_source: str = "") -> dict[str, Any]:
    """Every section of the report, computed from the tables (pure apart from drawing figures).

    ``runs`` is the store's run log (``prisma.store_runs``): the dates and queries of the PRISMA
    identification box.
    """
    studies, findings = tables.studies, tables.findings
    included = included_studies(studies)
    interventions = _interventions(tables)
    intervention = " / ".join(interventions)
    events = summarise_events(included, tables.adverse_events, interventions[0])
    relief = _relief_points(included)
    designs = [as_text(d) for d in included["design"]] if len(included) else []
    rct_n = sum(as_float(n) or 0 for d, n in zip(designs, included.get("n_participants", [])) if d == "rct")
    source = changes.run.get("source") if changes is not None and changes.run else None
    claims = check_claims(included, intervention)
    return {
        "title": f"{intervention[:1].upper() + intervention[1:]} for pain: evidence report",
        "generated": generated or dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "tables_source": tables_source,
        "source": source,
        "interventions": interventions,
        "intervention": intervention,
        "n_included": len(included),
        "n_rcts": designs.count("rct"),
        "rct_participants": int(rct_n),
        "flow": prisma_flow(studies, runs),
        "summary": summary_of_findings(included, findings, tables.adverse_events, interventions[0]),
        "certainty_rule": RULE,
        "not_judged": NOT_JUDGED,
        "condition_tables": evidence_tables(studies, findings, getattr(tables, "reviews", None)),
        "columns": COLUMNS,
        "relief_threshold": RELIEF_THRESHOLD_DAYS,
        "relief_chart": relief_figure(relief, RELIEF_THRESHOLD_DAYS),
        "relief_stated": int(included["relief_duration_days"].map(lambda v: as_float(v) is not None).sum())
        if len(included) else 0,
        "relief_open_ended": sum(p.open_ended for p in relief),
        "events": events,
        "side_effect_chart": side_effect_figure(events, len(included)),
        "pooled": pooled_analyses(findings, included, intervention),
        "changes": changes,
        "claims": claims,
        "unanswerable": [c for c in claims if c.verdict == CANNOT_ANSWER],
    }


def charts(context: dict[str, Any]) -> list[Chart]:
    """Every figure in the context, in page order."""
    found = [context["relief_chart"], context["side_effect_chart"]]
    found += [a.chart for a in context["pooled"].analyses]
    return [c for c in found if c is not None]


def build_report(tables: TablesLike, out_dir: Path, *, store_path: Path | None = None,
                 tables_source: str = "", generated: str | None = None) -> ReportFiles:
    """Write ``report.html``, ``report.md`` and ``figures/*.png`` under ``out_dir``."""
    changes = changes_from_store(store_path, tables.studies)
    context = build_context(tables, changes, runs=store_runs(store_path), generated=generated,
                            tables_source=tables_source)
    out_dir.mkdir(parents=True, exist_ok=True)
    figure_dir = out_dir / "figures"
    for stale in [*figure_dir.glob("forest_*.png"), figure_dir / "relief_duration.png", figure_dir / "side_effects.png"]:
        stale.unlink(missing_ok=True)   # figures of an earlier report that this one no longer has
    figure_dir.mkdir(exist_ok=True)
    prisma = figure_dir / "prisma_flow.svg"
    _write_atomic(prisma, render_prisma_svg(context["flow"]))
    figure_paths = [prisma]
    for chart in charts(context):
        path = figure_dir / chart.name
        write_atomic(path, chart.png)
        figure_paths.append(path)
    html, markdown = out_dir / "report.html", out_dir / "report.md"
    _write_atomic(html, render_html(context))
    _write_atomic(markdown, render_markdown(context))
    return ReportFiles(html, markdown, figure_paths)


def _write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename (keeping its mode): a crash never leaves half a report."""
    write_atomic(path, text)


__all__ = ["ReportFiles", "build_context", "build_report", "charts"]
