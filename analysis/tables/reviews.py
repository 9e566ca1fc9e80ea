"""Reviewers' decisions applied to the tables: the person's value wins, the machine's stays beside it.

``check_value(field, text)`` is the one reading of a decision's value (CSV import and the review page
both use it): ``included`` or a guideline study field, written as it reads in the tables (``true``,
``121``, ``0.5``, ``crps;fibromyalgia``; empty = no value).

``apply_reviews(tables, reviews)`` returns tables whose ``studies`` carry the reviewed values, with
``reviewed`` (the fields a person checked, ';'-joined) and ``changed_since_review`` (the record got a
new version after a decision), plus a ``reviews`` table: one row per study x reviewed field with the
person's value, the machine's value, who decided, why, when, on which record version, and whether
reviewers still disagree. A person's inclusion never overrides a retraction, a withdrawal from
PubMed or a duplicate: those are facts about the record (the review row says ``applied`` false).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Protocol

import numpy as np
import pandas as pd

from ketamine_evidence.analysis.extract.screening import DUPLICATE, RETRACTED, WITHDRAWN
from ketamine_evidence.analysis.records import ADVERSE_EVENTS, CONDITIONS, DESIGNS, PAIN_EFFECTS, ROUTES
from ketamine_evidence.analysis.tables.frames import REVIEW_COLUMNS, Tables, coerce

# field -> (kind, allowed values for enums and lists)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "included": ("bool", ()), "relevant": ("bool", ()), "design": ("enum", DESIGNS),
    "conditions": ("list", CONDITIONS), "routes": ("list", ROUTES), "n_participants": ("int", ()),
    "dose_mg_per_kg": ("number", ()), "infusion_mg_per_kg_h": ("number", ()),
    "relief_duration_days": ("number", ()), "relief_duration_text": ("text", ()),
    "follow_up_days": ("number", ()), "pain_effect": ("enum", PAIN_EFFECTS),
    "responder_rate_pct": ("percent", ()), "adverse_events": ("list", ADVERSE_EVENTS),
    "negated_adverse_events": ("list", ADVERSE_EVENTS),
}
HARD_EXCLUSIONS = (RETRACTED, WITHDRAWN, DUPLICATE)
EXCLUDED_BY_REVIEWER = "excluded by a reviewer"


class FieldReviewLike(Protocol):
    """What ``ketamine_evidence.harvest.decisions.FieldReview`` offers (the tables need no store)."""

    latest: Any
    history: tuple
    conflict: tuple

    @property
    def changed_since(self) -> bool: ...


def check_value(field: str, text: str | None) -> str | None:
    """The canonical table text of ``text`` for ``field`` (None = no value); ValueError says what is wrong."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r} (one of: {', '.join(FIELDS)})")
    kind, allowed = FIELDS[field]
    text = (text or "").strip()
    if not text:
        if kind in ("bool", "enum"):
            raise ValueError(f"{field} needs a value")
        return None
    if kind == "bool":
        low = text.lower()
        if low not in ("true", "false"):
            raise ValueError(f"{field} must be true or false, not {text!r}")
        return low
    if kind == "enum":
        if text not in allowed:
            raise ValueError(f"{field} must be one of {', '.join(allowed)}, not {text!r}")
        return text
    if kind == "list":
        items = [t.strip() for t in text.split(";") if t.strip()]
        bad = [t for t in items if t not in allowed]
        if bad:
            raise ValueError(f"{field}: unknown value {bad[0]!r} (one of: {', '.join(allowed)})")
        return ";".join(dict.fromkeys(items)) or None
    if kind == "text":
        return " ".join(text.split())
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{field} must be a number, not {text!r}") from None
    if not math.isfinite(number) or number < 0 or (kind == "percent" and number > 100):
        raise ValueError(f"{field} out of range: {text!r}")
    if kind == "int":
        if not number.is_integer():
            raise ValueError(f"{field} must be a whole number, not {text!r}")
        return str(int(number))
    return str(int(number)) if number.is_integer() else repr(number)


def table_text(value: Any) -> str | None:
    """A studies-table value as the decision texts write it (None for null)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, np.integer):
        return str(int(value))
    return str(value)


def _typed(field: str, text: str | None) -> Any:
    kind = FIELDS[field][0]
    if text is None:
        return None
    if kind == "bool":
        return text == "true"
    if kind == "int":
        return int(text)
    if kind in ("number", "percent"):
        return float(text)
    return text


def apply_reviews(tables: Tables, reviews: Mapping[tuple[str, str], FieldReviewLike]) -> Tables:
    """``tables`` with every study's reviewed fields set to the person's value (see the module doc)."""
    studies = tables.studies.copy()
    rows = []
    by_id = {str(sid): i for i, sid in zip(studies.index, studies["study_id"]) if pd.isna(
        studies.at[i, "duplicate_of"])}
    reviewed: dict[int, list[str]] = {}
    changed: dict[int, bool] = {}
    for (key, field), review in sorted(reviews.items()):
        i = by_id.get(str(key))
        if i is None or field not in FIELDS:
            continue
        latest = review.latest
        machine = table_text(studies.at[i, field])
        machine_reason = table_text(studies.at[i, "exclusion_reason"]) if field == "included" else None
        applied = True
        if field == "included":
            reason = studies.at[i, "exclusion_reason"]
            if not pd.isna(reason) and reason in HARD_EXCLUSIONS:
                applied = False
            else:
                included = latest.value == "true"
                studies.at[i, "included"] = included
                studies.at[i, "exclusion_reason"] = None if included else (latest.reason or EXCLUDED_BY_REVIEWER)
        else:
            studies.at[i, field] = _typed(field, latest.value)
            if field == "conditions":
                first = table_text(studies.at[i, "primary_condition"])
                values = (latest.value or "").split(";") if latest.value else []
                studies.at[i, "primary_condition"] = first if first in values else (values[0] if values else None)
        if applied:
            reviewed.setdefault(i, []).append(field)
        changed[i] = changed.get(i, False) or review.changed_since
        rows.append({
            "study_id": str(key), "field": field, "value": latest.value, "machine_value": machine,
            "machine_reason": machine_reason, "reviewer": latest.reviewer, "reason": latest.reason, "decided": latest.made,
            "record_version": latest.record_version, "version": latest.current_version,
            "changed_since_review": review.changed_since, "conflict": bool(review.conflict),
            "conflict_with": ";".join(f"{d.reviewer}={d.value if d.value is not None else ''}"
                                      for d in review.conflict) or None,
            "decisions": len(review.history), "applied": applied,
        })
    for i, fields in reviewed.items():
        studies.at[i, "reviewed"] = ";".join(fields)
    for i, flag in changed.items():
        studies.at[i, "changed_since_review"] = flag
    studies["changed_since_review"] = studies["changed_since_review"].fillna(False)
    return replace(tables, studies=studies.reset_index(drop=True),
                   reviews=coerce(pd.DataFrame(rows, columns=list(REVIEW_COLUMNS)), REVIEW_COLUMNS))
