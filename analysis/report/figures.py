"""The report's figures, drawn with matplotlib (no pyplot state) and returned as PNG bytes.

The HTML embeds them as base64 data URIs so the page opens offline; the Markdown twin links the
same PNG files written beside it.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ketamine_evidence.analysis.report.side_effects import EventSummary
from ketamine_evidence.analysis.report.values import label

DPI = 110
DESIGN_MARKERS = {"rct": ("o", "#1f77b4"), "non_randomised_trial": ("s", "#ff7f0e"),
                  "prospective_observational": ("^", "#2ca02c"), "retrospective_observational": ("v", "#9467bd"),
                  "case_series": ("D", "#8c564b"), "case_report": ("P", "#e377c2")}
OTHER_MARKER = ("X", "#7f7f7f")


@dataclass(frozen=True)
class Chart:
    """A rendered figure: its file name, PNG bytes and the text alternative read out for it."""

    name: str
    png: bytes
    alt: str

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    return buf.getvalue()


@dataclass(frozen=True)
class ReliefPoint:
    condition: str
    design: str
    days: float
    open_ended: bool = False    # relief still present at the last follow-up: ``days`` is a lower bound


def relief_figure(points: Sequence[ReliefPoint], threshold_days: float = 14) -> Chart | None:
    """Each study a point: relief duration (days, log scale; 0 = no relief) by condition, marker by design.

    A duration that reached the last follow-up is a lower bound ('≥ N days'): its point carries an
    open-ended arrow to the right, so it never reads as relief that stopped there."""
    if not points:
        return None
    conditions = sorted({p.condition for p in points}, key=lambda c: (c == "not stated", c))
    rows = {c: i for i, c in enumerate(conditions)}
    fig = Figure(figsize=(8, 1.2 + 0.55 * len(conditions)))
    ax = fig.add_subplot()
    rng = np.random.default_rng(0)  # fixed jitter: the same tables give the same figure
    designs = sorted({p.design for p in points}, key=lambda d: (d not in DESIGN_MARKERS, d))
    for design in designs:
        marker, colour = DESIGN_MARKERS.get(design, OTHER_MARKER)
        chosen = [p for p in points if p.design == design]
        x = np.array([p.days for p in chosen], dtype=float)
        y = np.array([rows[p.condition] for p in chosen], dtype=float) + rng.uniform(-0.18, 0.18, len(chosen))
        ax.scatter(x, y, marker=marker, color=colour, alpha=0.75, s=36, label=f"{label(design)} ({len(chosen)})")
        for p, xi, yi in zip(chosen, x, y):
            if p.open_ended:   # an arrow of fixed screen length: on a log axis, 'and longer'
                ax.annotate("", xy=(xi, yi), xytext=(18, 0), textcoords="offset points",
                            arrowprops={"arrowstyle": "<|-", "color": colour, "lw": 1.4, "shrinkA": 0, "shrinkB": 4})
    ax.set_xscale("symlog", linthresh=1)
    top = max(max(p.days for p in points), threshold_days) * 2.5
    ax.set_xlim(-0.2, top)
    ticks = [t for t in (0, 1, 7, 14, 30, 90, 180, 365) if t <= top]
    ax.set_xticks(ticks, [{0: "0", 1: "1 d", 7: "1 wk", 14: "2 wk", 30: "1 mo", 90: "3 mo", 180: "6 mo",
                           365: "1 y"}[t] for t in ticks])
    ax.axvline(threshold_days, color="#b22222", linestyle="--", linewidth=1)
    ax.text(threshold_days, 1.0, f"{threshold_days:g} days", color="#b22222", fontsize=8, ha="center",
            va="bottom", transform=ax.get_xaxis_transform())
    ax.set_yticks(range(len(conditions)), [label(c) for c in conditions])
    ax.set_ylim(-0.6, len(conditions) - 0.3)
    ax.set_xlabel("how long relief lasted after treatment (log scale; 0 = no relief)")
    ax.grid(axis="x", alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    open_ended = sum(p.open_ended for p in points)
    if open_ended:
        from matplotlib.lines import Line2D
        handles.append(Line2D([], [], color="#333333", marker=">", markersize=6, linewidth=1.4))
        labels.append(f"relief still present at the last follow-up: ≥ that many days ({open_ended})")
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, fontsize=8, frameon=False)
    alt = (f"Relief duration of {len(points)} studies across {len(conditions)} conditions; "
           f"{sum(p.days >= threshold_days for p in points)} lasted {threshold_days:g} days or more; "
           f"{open_ended} lasted to the last follow-up (at least that long).")
    return Chart("relief_duration.png", _png(fig), alt)


def side_effect_figure(events: Sequence[EventSummary], n_studies: int, top: int = 15) -> Chart | None:
    """Share of included studies reporting each event (bars), with pooled incidence where counts are stated."""
    shown = [e for e in events if e.studies][:top]
    if not shown:
        return None
    fig = Figure(figsize=(8, 1.0 + 0.38 * len(shown)))
    ax = fig.add_subplot()
    y = np.arange(len(shown))[::-1]
    ax.barh(y, [100 * e.share for e in shown], color="#4c72b0", height=0.6)
    for yi, e in zip(y, shown):
        note = f"{e.studies} stud{'y' if e.studies == 1 else 'ies'}"
        if e.pooled_incidence is not None:
            note += f"  (pooled incidence {100 * e.pooled_incidence:.0f}%, {e.counted_studies} studies, n={e.n})"
        ax.text(100 * e.share + 0.8, yi, note, va="center", fontsize=8)
    ax.set_yticks(y, [label(e.event) for e in shown])
    ax.set_xlim(0, min(100, max(100 * e.share for e in shown) * 1.9 + 5))
    ax.set_xlabel(f"% of the {n_studies} included studies reporting the event")
    ax.grid(axis="x", alpha=0.3)
    alt = "Share of included studies reporting each adverse event: " + ", ".join(
        f"{label(e.event)} {100 * e.share:.0f}%" for e in shown[:5]) + "."
    return Chart("side_effects.png", _png(fig), alt)


@dataclass(frozen=True)
class ForestRow:
    label: str
    estimate: float
    low: float
    high: float
    weight: float | None = None   # percentage weight in the pooled estimate


def forest_plot(name: str, rows: Sequence[ForestRow], pooled: ForestRow, *, measure: str, log_scale: bool = False,
                prediction: tuple[float, float] | None = None, favours: tuple[str, str] = ("favours intervention",
                                                                                             "favours control")) -> Chart:
    """Studies as squares (area ~ weight) with CIs, the pooled estimate as a diamond, the prediction interval as a bar."""
    k = len(rows)
    row_height = 0.33 if k <= 150 else max(0.08, 50 / k)   # hundreds of trials stay under matplotlib's size limit
    fig = Figure(figsize=(8, 1.6 + row_height * (k + 2)))
    ax = fig.add_subplot()
    ys = np.arange(k, 0, -1) + 1.0
    weights = [r.weight or 0.0 for r in rows]
    wmax = max(weights) or 1.0
    for y, r, w in zip(ys, rows, weights):
        ax.plot([r.low, r.high], [y, y], color="black", linewidth=1)
        ax.scatter([r.estimate], [y], marker="s", color="#1f4e79", s=20 + 100 * (w / wmax), zorder=3)
    dy = 0.35
    ax.fill([pooled.low, pooled.estimate, pooled.high, pooled.estimate], [1, 1 + dy, 1, 1 - dy], color="#b22222")
    if prediction is not None and all(map(math.isfinite, prediction)):
        ax.plot(list(prediction), [0.3, 0.3], color="#b22222", linewidth=2)
    null = 1.0 if log_scale else 0.0
    ax.axvline(null, color="grey", linewidth=0.8)
    if log_scale:
        ax.set_xscale("log")
    labels = [r.label for r in rows] + [pooled.label] + (["prediction interval"] if prediction else [])
    ax.set_yticks(list(ys) + [1] + ([0.3] if prediction else []), labels, fontsize=8)
    ax.set_ylim(-0.2, k + 1.8)
    right = ax.twinx()
    right.set_ylim(ax.get_ylim())
    fmt = (lambda r: f"{r.estimate:.2f} [{r.low:.2f}, {r.high:.2f}]" + (f"  {r.weight:.0f}%" if r.weight else ""))
    right.set_yticks(list(ys) + [1], [fmt(r) for r in rows] + [fmt(pooled)], fontsize=8)
    right.tick_params(length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
        right.spines[side].set_visible(False)
    ax.set_xlabel(f"{measure}   ← {favours[0]} | {favours[1]} →")
    alt = (f"Forest plot of {k} studies, {measure}: pooled {pooled.estimate:.2f} "
           f"(95% CI {pooled.low:.2f} to {pooled.high:.2f}).")
    return Chart(name, _png(fig), alt)
