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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ketamine_evidence.analysis.extract.reader_options import choice, threshold
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

READERS = ("rules", "model", "hybrid")
FEATURE_SETS = ("text", "full")  # 'text': no rule outputs among the features; 'full': with the rules' answer
CUT = 0.5  # model reader: a label is given when its probability reaches this
ADD = 0.9  # hybrid: a label the rules missed is added at this probability or above
DROP = 0.05  # hybrid: a label the rules gave is dropped at this probability or below
DEFAULT_READER = ("rules", ADD, DROP)  # (reader, add, drop) when the environment names none


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


def reader_choice(prefix: str, default: tuple[str, float, float] = DEFAULT_READER) -> tuple[str, str, float, float]:
    """(reader, feature set, hybrid's add and drop thresholds) from ``<prefix>_READER``, ``<prefix>_FEATURES``,
    ``<prefix>_ADD`` and ``<prefix>_DROP``; unset or empty values take the field's ``default`` (reader, add, drop)
    and the 'text' features. An unknown name or a threshold that is not a finite number is an error, never a
    silent fallback."""
    reader = choice(f"{prefix}_READER", READERS, default[0])
    feats = choice(f"{prefix}_FEATURES", FEATURE_SETS, "text")
    return reader, feats, threshold(f"{prefix}_ADD", default[1]), threshold(f"{prefix}_DROP", default[2])


def rule_features(rules: Iterable[str] | None) -> set[str]:
    """The 'full' feature set's rules' answer: ``r:<label>`` per label the rules gave, ``r_none`` when they gave
    none (nothing for the 'text' features, ``rules`` None)."""
    if rules is None:
        return set()
    given = set(rules)
    return {f"r:{t}" for t in given} or {"r_none"}


def reread(ctx: "Context", findings: list[Finding], name: str, version: str, *, prefix: str,
           default: tuple[str, float, float], model_file: str, order: Sequence[str],
           features: Callable[["Context", list[str] | None], set[str]],
           sentence_for: Callable[["Context", str], "Sentence"]) -> list[Finding]:
    """The rules' ``findings`` under the reader ``<prefix>_READER`` selects: unchanged for ``rules`` (or when no
    model is shipped); otherwise the combined labels, each with the rules' evidence where the rules gave it, else
    the evidence ``sentence_for`` picks."""
    reader, feature_set, add, drop = reader_choice(prefix, default)
    model = load_models(model_file).get(feature_set) if reader != "rules" else None
    if model is None or not ctx.sentences:
        return findings
    rules = [f.value for f in findings]
    probs = model.probabilities(features(ctx, rules if feature_set == "full" else None))
    labels = combine(rules, probs, reader, order, add=add, drop=drop)
    if labels == rules:
        return findings
    kept = {f.value: f for f in findings}
    return [kept.get(t) or Finding(name, t, ctx.evidence(sentence_for(ctx, t), name, version), ctx.intervention.name)
            for t in labels]
