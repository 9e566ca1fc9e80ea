"""What kind of wrong: each field's errors counted by kind, over a whole gold set, never per record.

A blind split may be scored but not read. Its accuracy says how often a field is wrong, not how: a relief
duration missed and one invented cost the same point. These counts (``gold->predicted`` for the exact-match
fields; null-for-a-value, value-for-null, too low, too high for the numbers; each label missed or added for
the sets) describe the shape of a split's errors without naming a record or quoting its text, so a blind set
can point developers at a kind of failure while its records stay unread.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Mapping

from ketamine_evidence.analysis.evaluation.gold import (CATEGORICAL_FIELDS, FIELD_ORDER, NUMERIC_RULES, SET_FIELDS,
                                                        as_number, field_correct)

MISSED = "null for a value"
SPURIOUS = "value for null"
TOO_LOW = "too low"
TOO_HIGH = "too high"


def _number_kind(pred: Any, gold: Any) -> str:
    p, g = as_number(pred), as_number(gold)
    if p is None:
        return MISSED
    if g is None:
        return SPURIOUS
    return TOO_LOW if p < g else TOO_HIGH


def field_error_kinds(field_name: str, pairs: Iterable[tuple[Any, Any]]) -> dict[str, int]:
    """One field's wrong values counted by kind; ``pairs`` are (predicted, gold). Most frequent kind first."""
    kinds: Counter[str] = Counter()
    for pred, gold in pairs:
        if field_name in SET_FIELDS:
            p, g = set(pred or ()), set(gold or ())
            kinds.update(f"missed {label}" for label in g - p)
            kinds.update(f"added {label}" for label in p - g)
        elif field_correct(field_name, pred, gold):
            continue
        elif field_name in CATEGORICAL_FIELDS:
            kinds[f"{gold}->{pred}"] += 1
        elif field_name == "n_participants" or field_name in NUMERIC_RULES:
            kinds[_number_kind(pred, gold)] += 1
        else:
            kinds["wrong"] += 1
    return dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))


def error_kinds(pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, dict[str, int]]:
    """Every judged field's error kinds over (predicted record, gold record) pairs, in ``FIELD_ORDER``."""
    return {name: field_error_kinds(name, [(pred.get(name), gold.get(name)) for pred, gold in pairs])
            for name in FIELD_ORDER}


RARER = "rarer kinds"


def pooled_error_kinds(kinds: Mapping[str, Mapping[str, int]], min_count: int) -> dict[str, dict[str, int]]:
    """``kinds`` with every kind counted fewer than ``min_count`` times pooled into one ``rarer kinds`` count.

    A kind counted once, read beside a split's predictions, gives away one record's gold label; a blind split
    can only be asked for its error kinds if no kind that rare is named. With ``min_count`` 1 nothing is pooled.
    """
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    out: dict[str, dict[str, int]] = {}
    for name, counts in kinds.items():
        kept = {kind: n for kind, n in counts.items() if n >= min_count}
        rarer = sum(n for kind, n in counts.items() if n < min_count)
        out[name] = {**kept, RARER: rarer} if rarer else kept
    return out


def format_error_kinds(kinds: Mapping[str, Mapping[str, int]]) -> list[str]:
    """One line per field that has errors: ``field: kind n, kind n, ...`` (counts only, no record)."""
    lines = ["error kinds (counts over the set; no record named):"]
    for name, counts in kinds.items():
        if counts:
            lines.append(f"  {name}: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()))
    if len(lines) == 1:
        lines.append("  none")
    return lines
