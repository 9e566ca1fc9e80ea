"""A learned sentence ranker for Evidence Inference prompts: which candidate clause answers (outcome, intervention, comparator)?

``evidence_inference.candidates`` scores every clause with outcome words and direction wording by a
hand-set sum of signals (outcome overlap, the outcome's phrase, significance, arms named, section,
time point, literature, table rows ...). The ranker is a logistic regression over those same
signals plus the hand-set score, its rank among the article's candidates, the prompt's intervention
and comparator words in the sentence, the clause's own direction wording and its length. It is
trained on the prompts whose article text we hold, a candidate being positive when its sentence is
(or holds) an annotator's evidence span (``matches_evidence``). Picking the top candidate is a dot
product per candidate (about 30 multiply-adds) over signals the rules compute anyway; that run-time part
(features from candidates, the weights, their scoring) lives in ``analysis.extract.sentence_ranker``, this
module adds the prompt's arm words, the training label and the fit.

No weights ship (``analysis.extract.sentence_ranker``): ``direction_training`` fits a ranker inside each fold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ketamine_evidence.analysis.evaluation.ei_corpus import Prompt, _stems
from ketamine_evidence.analysis.evaluation.evidence_inference import Candidate
from ketamine_evidence.analysis.extract.sentence_ranker import (  # noqa: F401 - RANKER_FILE re-exported
    RANKER_FILE, Ranker as RuntimeRanker, ranker_features as features_of,
)

C = 1.0  # inverse L2 regularisation strength: scikit-learn's default, fixed in advance


def ranker_features(prompt: Prompt, found: Sequence[Candidate]) -> list[dict[str, float]]:
    """One feature dict per candidate (``sentence_ranker.ranker_features``; the arms' share of the prompt's words)."""
    inter, comp = _stems(prompt.intervention), _stems(prompt.comparator)
    return features_of(found, lambda s: len(inter & _stems(s)) / max(1, len(inter)),
                       lambda s: len(comp & _stems(s)) / max(1, len(comp)))


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
class Ranker(RuntimeRanker):
    """The run-time ranker (``analysis.extract.sentence_ranker``) asked about a prompt."""

    def best(self, prompt: Prompt, found: Sequence[Candidate]) -> Candidate | None:
        """The top-ranked candidate (the first on ties), None when there is none."""
        return self.pick(found, ranker_features(prompt, found))  # type: ignore[return-value]


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

