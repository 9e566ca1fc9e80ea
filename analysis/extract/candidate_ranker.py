"""Run-time part of the learned candidate rankers (``count_ranker`` for n_participants, ``time_ranker`` for
follow_up_days): a logistic regression over a candidate's features, scored in plain Python, and the choice
between the rules' answer and the ranker's.

A record's candidates are the values its title and abstract state (counts of people; time points in days); the
ranker gives each the probability that it is the gold value, and the record's answer is the value of the most
probable one. The weights are fitted on the dev gold by ``analysis/evaluation/candidate_training.py`` (grouped
cross-validation figures in docs/extraction.md, "Round 9 (rank9)").

Which answer a record gets is chosen by a reader, a documented user option (an environment variable per field:
``KE_N_READER``, default ``ranker``, chosen on the round-9 check set; ``KE_FU_READER``, default ``rules``); a value
ending in ``-r`` reads with the weights fitted with the feature "the rules chose this value":

- ``rules``: the rules' value, the ranker unused;
- ``ranker``: the ranker's top candidate when its probability is at least ``floor``, else None;
- ``hybrid``: the rules' value, unless the ranker's top candidate differs from it with probability at least
  ``override`` and the rules' own value has probability below ``keep``; where the rules find nothing, the
  ranker's top candidate when its probability is at least ``fill``;
- ``fill``: the rules' value; the ranker's top candidate only where the rules find nothing (at least ``fill``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Generic, Sequence, TypeVar

from ketamine_evidence.analysis.extract.reader_options import choice

READERS = ("rules", "ranker", "hybrid", "fill")
T = TypeVar("T")


@dataclass(frozen=True)
class Candidate(Generic[T]):
    """One stated value with its features and what it points at (``source``: the sentence, for evidence)."""

    value: float
    features: dict[str, float]
    source: T


@dataclass(frozen=True)
class LinearRanker:
    """Logistic-regression weights over sparse features (feature name -> weight), and the reading thresholds."""

    weights: dict[str, float]
    bias: float
    override: float = 0.8  # hybrid: the top candidate replaces the rules' value at this probability or above ...
    keep: float = 0.2  # ... when the rules' own value is below this
    fill: float = 0.3  # where the rules find nothing, the top candidate at this probability or above
    floor: float = 0.0  # ranker: no value where the top candidate's probability is below this

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias
        for name, x in features.items():
            w = self.weights.get(name)
            if w is not None:
                z += w * x
        return 1.0 / (1.0 + math.exp(-z)) if z > -35 else 0.0

    def as_json(self, digits: int = 4) -> dict[str, object]:
        return {"bias": round(self.bias, digits), "override": self.override, "keep": self.keep, "fill": self.fill,
                "floor": self.floor,
                "weights": {k: round(v, digits) for k, v in sorted(self.weights.items()) if round(v, digits)}}

    @classmethod
    def from_json(cls, data: dict) -> "LinearRanker":
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data.get("override", 0.8)), float(data.get("keep", 0.2)), float(data.get("fill", 0.3)),
                   float(data.get("floor", 0.0)))


@lru_cache(maxsize=None)
def load_ranker(filename: str) -> LinearRanker:
    """The shipped weights ``analysis/lexicons/<filename>``."""
    text = resources.files("ketamine_evidence.analysis.lexicons").joinpath(filename).read_text(encoding="utf-8")
    return LinearRanker.from_json(json.loads(text))


def reader(variable: str, default: str = "rules") -> tuple[str, bool]:
    """The reader an environment variable selects (``default`` when unset or empty), and whether its weights are
    those fitted with the feature "the rules chose this value" (a value ending in ``-r``: ``ranker-r``). An unknown
    value is an error, so that a mistyped ``KE_N_READER=rule`` never runs another reader silently."""
    value = choice(variable, (*READERS, *(f"{r}-r" for r in READERS)), default)
    return (value[:-2], True) if value.endswith("-r") else (value, False)


def weights_file(base: str, with_rules: bool) -> str:
    """``count_ranker.json`` or, fitted with the rules' choice as a feature, ``count_ranker_rules.json``."""
    return base.replace(".json", "_rules.json") if with_rules else base


def same(a: float | None, b: float | None, tolerance: Callable[[float, float], bool]) -> bool:
    return a is not None and b is not None and tolerance(a, b)


def scored(ranker: LinearRanker, candidates: Sequence[Candidate[T]]) -> list[tuple[float, Candidate[T]]]:
    """Each candidate with its probability, most probable first (the earlier one on ties)."""
    probs = [(ranker.probability(c.features), -i, c) for i, c in enumerate(candidates)]
    probs.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(p, c) for p, _, c in probs]


def choose(mode: str, ranker: LinearRanker, rules_value: float | None, candidates: Sequence[Candidate[T]],
           tolerance: Callable[[float, float], bool]) -> Candidate[T] | None | str:
    """The reader's answer: a candidate (the ranker's), None (no value), or ``"rules"`` (keep the rules' answer)."""
    if mode == "rules":
        return "rules"
    ranked = scored(ranker, candidates)
    top = ranked[0] if ranked else None
    if mode == "ranker":
        return top[1] if top and top[0] >= ranker.floor else None
    if rules_value is None:
        return top[1] if top and top[0] >= ranker.fill else "rules"
    if mode == "fill" or top is None or same(top[1].value, rules_value, tolerance):
        return "rules"
    own = max((p for p, c in ranked if same(c.value, rules_value, tolerance)), default=0.0)
    return top[1] if top[0] >= ranker.override and own < ranker.keep else "rules"


def window_features(features: dict[str, float], left: Sequence[str], right: Sequence[str]) -> None:
    """Add the words either side of a candidate to ``features``: ``l:`` / ``r:`` for each word of the window and
    ``l1:`` / ``r1:`` for the nearest one (``left`` in reading order, so its last word is the nearest)."""
    for i, w in enumerate(reversed(left)):
        features[f"l:{w}"] = 1.0
        if i == 0:
            features[f"l1:{w}"] = 1.0
    for i, w in enumerate(right):
        features[f"r:{w}"] = 1.0
        if i == 0:
            features[f"r1:{w}"] = 1.0
