"""Reading cells of the extraction tables: ';'-joined lists, nullable booleans and numbers, labels.

The tables come from Parquet or CSV, so a missing value may be ``None``, ``NaN``, ``pd.NA`` or ``""``;
every section of the report reads cells through these helpers so that all of them agree.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def is_missing(value: Any) -> bool:
    """True for None, NaN, pd.NA and blank strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, arrays
        return False


def split_list(value: Any) -> list[str]:
    """A ';'-joined cell as a list of its non-empty, stripped parts."""
    if is_missing(value):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def as_bool(value: Any, default: bool = False) -> bool:
    """A nullable boolean cell ('true'/'1' strings from CSV included)."""
    if is_missing(value):
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "t")
    return bool(value)


def as_float(value: Any) -> float | None:
    """A nullable number cell as a float, None when missing or not a number."""
    if is_missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def as_text(value: Any) -> str | None:
    """A nullable text cell as a stripped string, None when missing."""
    return None if is_missing(value) else str(value).strip()


def fmt_number(value: float | None, digits: int = 2) -> str:
    """A number without trailing zeros: 0.5, 12, 0.15; '' when missing."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def fmt_pct(share: float | None) -> str:
    """A share 0..1 as a whole percentage ('' when missing)."""
    return "" if share is None else f"{round(share * 100):d}%"


def label(code: str | None) -> str:
    """A guideline code as words: ``postoperative_acute`` -> 'postoperative acute'."""
    if not code:
        return ""
    special = {"rct": "RCT", "crps": "CRPS", "non_randomised_trial": "non-randomised trial"}
    return special.get(code, code.replace("_", " "))


def days_text(days: float | None) -> str:
    """A duration in days as readers say it: '6 h', '1 day', '12 weeks', '3 months' (1 month = 30 days)."""
    if days is None:
        return ""
    if days == 0:
        return "none"
    if days < 1:
        return f"{fmt_number(days * 24, 1)} h"
    if days >= 30 and days % 30 == 0:
        months = int(days // 30)
        return f"{months} month" + ("" if months == 1 else "s")
    if days >= 14 and days % 7 == 0:
        return f"{int(days // 7)} weeks"
    if days < 60:
        return f"{fmt_number(days, 1)} day" + ("" if days == 1 else "s")
    return f"{fmt_number(days / 30, 1)} months"


def lasted_to_follow_up(days: float | None, follow_up: float | None) -> bool:
    """Relief still present at the last follow-up: the duration is a lower bound (the study stopped looking)."""
    return days is not None and follow_up is not None and days > 0 and days >= follow_up


def relief_text(days: float | None, follow_up: float | None) -> str:
    """A relief duration as the reader must take it: '≥ 1 day' when relief lasted to the last follow-up,
    else the duration itself."""
    if days is None:
        return ""
    return f"≥ {days_text(days)}" if lasted_to_follow_up(days, follow_up) else days_text(days)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 RCT', '2 RCTs'."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
