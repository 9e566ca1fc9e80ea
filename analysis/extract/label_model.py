"""Multi-label logistic regression scored in plain Python, and how a learned reader's labels are combined with the
rules' (the shared part of :mod:`condition_reader` and :mod:`route_reader`).

One binary model per label, fitted by :mod:`ketamine_evidence.analysis.evaluation.label_training` with
scikit-learn; here a label's probability is the logistic of its bias plus the weights of the features present, so
run time needs no scikit-learn. Readers: ``rules`` (the rules' labels unchanged), ``model`` (the labels the model
gives at least ``CUT``; a label it has no model for keeps the rules' answer), ``hybrid`` (the rules' labels, less
those the model gives at most ``drop``, plus those it gives at least ``add``).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

READERS = ("rules", "model", "hybrid")
FEATURE_SETS = ("text", "full")  # 'text': no rule outputs among the features; 'full': with the rules' answer
CUT = 0.5  # model reader: a label is given when its probability reaches this
ADD = 0.9  # hybrid: a label the rules missed is added at this probability or above
DROP = 0.05  # hybrid: a label the rules gave is dropped at this probability or below


@dataclass(frozen=True)
class LabelModel:
    """One binary logistic regression per label: its bias and its weight per feature."""

    bias: dict[str, float]
    weights: dict[str, dict[str, float]]  # feature -> {label: weight}; absent labels weigh 0

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        scores = dict(self.bias)
        for f in feats:
            for label, w in self.weights.get(f, {}).items():
                scores[label] += w
        return {t: 1.0 / (1.0 + math.exp(-s)) for t, s in scores.items()}

    def to_json(self, digits: int = 4) -> dict[str, object]:
        return {"bias": {t: round(b, digits) for t, b in self.bias.items()},
                "weights": {f: {t: round(w, digits) for t, w in ws.items()} for f, ws in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "LabelModel":
        return cls({t: float(b) for t, b in data["bias"].items()},
                   {f: {t: float(w) for t, w in ws.items()} for f, ws in data["weights"].items()})


@lru_cache(maxsize=4)
def load_models(file_name: str) -> dict[str, LabelModel]:
    """The shipped models of ``lexicons/<file_name>`` by feature set; empty when none has been trained."""
    try:
        text = resources.files("ketamine_evidence.analysis.lexicons").joinpath(file_name).read_text("utf-8")
    except FileNotFoundError:
        return {}
    return {name: LabelModel.from_json(m) for name, m in json.loads(text)["models"].items()}


def combine(rules: Iterable[str], probs: dict[str, float], reader: str, order: Sequence[str], cut: float = CUT,
            add: float = ADD, drop: float = DROP) -> list[str]:
    """The labels a reader gives, in ``order``."""
    given = set(rules)
    if reader == "model":
        out = {t for t, p in probs.items() if p >= cut} | {t for t in given if t not in probs}
    elif reader == "hybrid":
        out = {t for t in given if probs.get(t, 1.0) > drop} | {t for t, p in probs.items() if p >= add}
    else:
        out = given
    return [t for t in order if t in out]


def reader_choice(prefix: str, default: tuple[str, float, float] = ("rules", ADD, DROP)) -> tuple[str, str, float, float]:
    """(reader, feature set, hybrid's add and drop thresholds) from ``<prefix>_READER``, ``<prefix>_FEATURES``,
    ``<prefix>_ADD`` and ``<prefix>_DROP``; unknown or unset values take the field's ``default`` (reader, add,
    drop) and the 'text' features."""
    reader = os.environ.get(f"{prefix}_READER", default[0])
    feats = os.environ.get(f"{prefix}_FEATURES", "text")
    return (reader if reader in READERS else default[0], feats if feats in FEATURE_SETS else "text",
            _number(os.environ.get(f"{prefix}_ADD"), default[1]), _number(os.environ.get(f"{prefix}_DROP"), default[2]))


def _number(value: str | None, default: float) -> float:
    try:
        return float(value) if value else default
    except ValueError:
        return default
