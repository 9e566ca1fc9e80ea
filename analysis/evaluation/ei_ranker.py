"""A learned sentence ranker for Evidence Inference prompts: which candidate clause answers (outcome, intervention, comparator)?

``evidence_inference.candidates`` scores every clause with outcome words and direction wording by a
hand-set sum of signals (outcome overlap, the outcome's phrase, significance, arms named, section,
time point, literature, table rows ...). The ranker is a logistic regression over those same
signals plus the hand-set score, its rank among the article's candidates, the prompt's intervention
and comparator words in the sentence, the clause's own direction wording and its length. It is
trained on the prompts whose article text we hold, a candidate being positive when its sentence is
(or holds) an annotator's evidence span (``matches_evidence``). Picking the top candidate is a dot
product per candidate (about 30 multiply-adds) over signals the rules compute anyway.

Weights: ``analysis/lexicons/sentence_ranker.json`` (written by ``direction_training --train``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ketamine_evidence.analysis.evaluation.ei_corpus import Prompt, _stems
from ketamine_evidence.analysis.evaluation.evidence_inference import Candidate
from ketamine_evidence.analysis.extract.comparisons import raw_direction

RANKER_FILE = "sentence_ranker.json"
C = 1.0  # inverse L2 regularisation strength: scikit-learn's default, fixed in advance


def ranker_features(prompt: Prompt, found: Sequence[Candidate]) -> list[dict[str, float]]:
    """One feature dict per candidate (see the module docstring)."""
    scores = [c.score for c in found]
    top = max(scores, default=0.0)
    order = sorted(range(len(found)), key=lambda i: -scores[i])
    rank = {i: r for r, i in enumerate(order)}
    inter, comp = _stems(prompt.intervention), _stems(prompt.comparator)
    out = []
    for i, c in enumerate(found):
        stems = _stems(c.sentence)
        raw = raw_direction(c.clause)
        f = dict(c.signals)
        f.update(score=c.score, gap=top - c.score, top1=float(rank[i] == 0), rank_le3=float(rank[i] < 3),
                 rank=min(rank[i], 10) / 10, inter=len(inter & stems) / max(1, len(inter)),
                 comp=len(comp & stems) / max(1, len(comp)), raw_none=float(raw == "none"),
                 raw_dir=float(raw not in (None, "none")), length=min(len(c.sentence), 400) / 400,
                 qualified=float(c.qualified), clause_frac=len(c.clause) / max(1, len(c.sentence)))
        out.append(f)
    return out


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def matches_evidence(prompt: Prompt, sentence: str) -> bool:
    """The sentence is an annotator's evidence span for the prompt, holds one, or lies inside one (the first 60
    characters of one found in the other, or 70% of the span's words in the sentence)."""
    sent = _norm(sentence)
    words = set(sent.split())
    for evidence in prompt.evidence:
        ev = _norm(evidence)
        if ev and (ev[:60] in sent or sent[:60] in ev):
            return True
        ev_words = set(ev.split())
        if ev_words and len(ev_words & words) / len(ev_words) > 0.7:
            return True
    return False


@dataclass(frozen=True)
class Ranker:
    """Linear weights over ``ranker_features`` (standardisation folded in)."""

    weights: dict[str, float]
    bias: float

    def score(self, feats: dict[str, float]) -> float:
        return self.bias + sum(w * feats.get(k, 0.0) for k, w in self.weights.items())

    def best(self, prompt: Prompt, found: Sequence[Candidate]) -> Candidate | None:
        """The top-ranked candidate (the first on ties), None when there is none."""
        if not found:
            return None
        scores = [self.score(f) for f in ranker_features(prompt, found)]
        return found[max(range(len(found)), key=scores.__getitem__)]

    def to_json(self) -> dict:
        return {"bias": self.bias, "weights": self.weights}


def fit_ranker(feats: Sequence[dict[str, float]], positive: Sequence[bool]) -> Ranker:
    """Logistic regression (scikit-learn, standardised features, C fixed) folded into plain weights."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    keys = sorted({k for f in feats for k in f})
    x = np.array([[f.get(k, 0.0) for k in keys] for f in feats])
    mean, scale = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=C, max_iter=2000).fit((x - mean) / scale, list(positive))
    coef = model.coef_[0] / scale
    bias = float(model.intercept_[0] - (coef * mean).sum())
    return Ranker({k: round(float(w), 5) for k, w in zip(keys, coef)}, round(bias, 5))


@lru_cache(maxsize=1)
def load_ranker() -> Ranker | None:
    """The shipped ranker (None when it has not been trained yet)."""
    try:
        data = json.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(RANKER_FILE).read_text("utf-8"))
    except FileNotFoundError:
        return None
    return Ranker(data["weights"], data["bias"])
