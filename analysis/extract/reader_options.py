"""The opt-in learned readers' environment options (``KE_N_READER``, ``KE_PE_READER``, ``KE_ROUTE_ADD`` ...), read one
way for every reader: stripped and lower-cased, unset or empty gives the field's default, and a value that cannot be
read is an error (one line at the command line), never a silent fallback to another reader."""

from __future__ import annotations

import math
import os
from typing import Sequence


def choice(variable: str, allowed: Sequence[str], default: str) -> str:
    """The name ``variable`` holds, one of ``allowed`` (``default`` when unset or empty)."""
    value = os.environ.get(variable, "").strip().lower() or default
    if value not in allowed:
        raise ValueError(f"{variable}={os.environ.get(variable)!r}: expected one of {', '.join(allowed)}")
    return value


def threshold(variable: str, default: float) -> float:
    """The finite number ``variable`` holds (``default`` when unset or empty): a probability threshold."""
    raw = os.environ.get(variable, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ValueError(f"{variable}={raw!r}: expected a finite number (a probability threshold)")
    return value
