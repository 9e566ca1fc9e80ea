"""Run-time part of the learned sentence ranker: which candidate clause states the result asked about?

The ranker (trained by ``analysis/evaluation/direction_training.py --train``, see ``evaluation.ei_ranker``)
is a logistic regression over the signals a hand-set selection score sums (outcome overlap, the outcome's
phrase, significance, arms named, section, time point, table rows ...), that score, its rank among the
article's candidates, the arms' words in the sentence, the clause's direction wording and its length. Here:
the features of a list of candidates, the folded weights and their scoring in plain Python (about 30
multiply-adds a candidate), and the ``k`` best sentences with the ranker's probability of each (``ranked``),
which ``direction_model.DirectionModel.read_ranked`` reads together instead of committing to one sentence.

No weights ship: a ranker learns from articles whose text we hold, and those are the articles extraction is
scored on (``direction_training`` fits one inside each cross-validation fold; ``--train DIR`` writes none).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from ketamine_evidence.analysis.extract.comparisons import raw_direction

RANKER_FILE = "sentence_ranker.json"


class RankedClause(Protocol):
    """What the ranker reads of a candidate (``evidence_inference.Candidate``)."""

    score: float
    clause: str
    sentence: str
    qualified: bool
    signals: dict[str, float]


def ranker_features(found: Sequence[RankedClause], inter: Callable[[str], float],
                    comp: Callable[[str], float]) -> list[dict[str, float]]:
    """One feature dict per candidate; ``inter`` / ``comp`` give the share of an arm's words in a sentence."""
    scores = [c.score for c in found]
    top = max(scores, default=0.0)
    order = sorted(range(len(found)), key=lambda i: -scores[i])
    rank = {i: r for r, i in enumerate(order)}
    out = []
    for i, c in enumerate(found):
        raw = raw_direction(c.clause)
        f = dict(c.signals)
        f.update(score=c.score, gap=top - c.score, top1=float(rank[i] == 0), rank_le3=float(rank[i] < 3),
                 rank=min(rank[i], 10) / 10, inter=inter(c.sentence), comp=comp(c.sentence),
                 raw_none=float(raw == "none"), raw_dir=float(raw not in (None, "none")),
                 length=min(len(c.sentence), 400) / 400, qualified=float(c.qualified),
                 clause_frac=len(c.clause) / max(1, len(c.sentence)))
        out.append(f)
    return out


@dataclass(frozen=True)
class Ranker:
    """Linear weights over ``ranker_features`` (standardisation folded in)."""

    weights: dict[str, float]
    bias: float

    def score(self, feats: dict[str, float]) -> float:
        return self.bias + sum(w * feats.get(k, 0.0) for k, w in self.weights.items())

    def pick(self, found: Sequence[RankedClause], feats: Sequence[dict[str, float]]) -> RankedClause | None:
        """The top-ranked candidate (the first on ties), None when there is none."""
        if not found:
            return None
        scores = [self.score(f) for f in feats]
        return found[max(range(len(found)), key=scores.__getitem__)]

    def probability(self, feats: dict[str, float]) -> float:
        """The ranker's probability that the candidate's sentence states the result asked about."""
        return _logistic(self.score(feats))

    def ranked(self, found: Sequence[RankedClause], feats: Sequence[dict[str, float]],
               k: int) -> list[tuple[RankedClause, float]]:
        """The ``k`` best candidates of distinct sentences (a sentence's clauses share it), best first, with the
        ranker's probability of each: what a reader combines instead of committing to one sentence."""
        scores = [self.score(f) for f in feats]  # each candidate scored once, for the order and the probability
        order = sorted(range(len(found)), key=lambda i: -scores[i])  # stable: the first on ties
        out: list[tuple[RankedClause, float]] = []
        seen: set[str] = set()
        for i in order:
            if found[i].sentence not in seen and len(out) < k:
                seen.add(found[i].sentence)
                out.append((found[i], _logistic(scores[i])))
        return out

    def to_json(self) -> dict:
        return {"bias": self.bias, "weights": self.weights}


def _logistic(score: float) -> float:
    """The probability a ranker score stands for (clipped, so that no exp overflows)."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))

