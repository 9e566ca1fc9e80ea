"""Reading the arms of a trial from findings rows: which arm is the intervention, which the control.

``arm_role`` reads an arm's name against the control and active-comparator word lists
(``analysis/lexicons/comparator_arms.toml``) and the intervention's synonyms; effect sizes and the
report's side-effect counts use the same reading, so they agree on which group is which.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import pandas as pd

from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.extract.text_patterns import longest_first



@lru_cache(maxsize=1)
def _arm_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath("comparator_arms.toml")
                        .read_text(encoding="utf-8"))

    def compile_words(words: Iterable[str]) -> re.Pattern[str]:
        return re.compile(r"(?<![\w-])(?:" + "|".join(longest_first(words)) + r")(?![\w])", re.I)

    return compile_words(raw["control"]), compile_words(raw["active"])


@lru_cache(maxsize=64)
def _intervention_pattern(name: str) -> re.Pattern[str]:
    return resolve_intervention(name or "ketamine").pattern


def arm_role(arm: Any, intervention: str) -> str | None:
    """``"intervention"``, ``"control"`` or None (unknown, active comparator or ambiguous)."""
    if not isinstance(arm, str) or not arm.strip():
        return None
    control, active = _arm_words()
    is_control = control.search(arm) is not None
    is_active = _intervention_pattern(intervention).search(arm) is not None or active.search(arm) is not None
    if is_control and not is_active:
        return "control"
    if is_active and not is_control:
        return "intervention"
    return None




@dataclass(frozen=True)
class Arm:
    role: str
    detail: dict[str, Any]
    evidence: str | None
    order: float


def detail_of(row: pd.Series) -> dict[str, Any]:
    raw = row.get("detail")
    if isinstance(raw, dict):
        detail = dict(raw)
    elif isinstance(raw, str) and raw.strip():
        try:
            detail = json.loads(raw)
        except json.JSONDecodeError:
            detail = {}
    else:
        detail = {}
    for key in ("arm", "timepoint"):
        if detail.get(key) in (None, "") and isinstance(row.get(key), str):
            detail[key] = row.get(key)
    return detail


def number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def arms_of(rows: pd.DataFrame, intervention: str) -> list[Arm]:
    arms = []
    for position, (_, row) in enumerate(rows.iterrows()):
        detail = detail_of(row)
        role = arm_role(detail.get("arm"), intervention)
        if role is None:
            continue
        start = number(row.get("evidence_start"))
        text = row.get("evidence_text")
        arms.append(Arm(role, detail, text if isinstance(text, str) else None,
                         start if start is not None else 1e12 + position))
    return sorted(arms, key=lambda a: a.order)


def distinct(arms: list[Arm]) -> list[Arm]:
    """The first report of each arm (an abstract may state the same arm's figure twice)."""
    seen: dict[str, Arm] = {}
    for arm in arms:
        seen.setdefault(" ".join(str(arm.detail.get("arm")).lower().split()), arm)
    return list(seen.values())


def evidence_of(arms: list[Arm]) -> str:
    return " … ".join(dict.fromkeys(a.evidence for a in arms if a.evidence))
