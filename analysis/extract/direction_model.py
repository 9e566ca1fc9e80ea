"""A learned reading of one evidence sentence: did THE intervention's arm come out higher, lower or no different?

The rules of ``comparisons`` (direction wording, orientation to the arms, numbers per arm,
significance, within-group change) decide most sentences; the words around them decide the rest
('did not increase', 'comparable', 'favoured'). This model is a multinomial logistic regression over

- word 1- and 2-grams of the sentence with every mention of the intervention's arm replaced by
  ``xintv`` and of a comparator by ``xcomp`` (numbers by ``0``), so that it learns how trials word a
  comparison, not which drugs they test;
- the rules' own signals: direction wording, its orientation, the combined (oriented) direction,
  the numeric per-arm direction, significance (words, p-values, CIs), a change from baseline, a
  baseline-only statement, negated significance, the outcome's polarity and its combination with
  evaluative wording ('superior' on a lower-is-better outcome is a decrease).

Classes are the quantity's direction for the intervention against the comparator: 'up', 'down',
'none'. Trained on Evidence Inference 2.0 (``analysis/evaluation/direction_training.py``: article-grouped
cross-validation of the design; ``pain_reader_training --train``: the weights the pipeline ships, fitted
without any article we hold, in ``analysis/lexicons/pain_reader_model.json``, read by ``pain_reader``) and
scored here in plain Python (about 1.5 ms a sentence, nearly all of it computing the rules' signals).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ketamine_evidence.analysis.extract.arms import Arms
from ketamine_evidence.analysis.extract.arm_values import numeric_direction, respective_direction
from ketamine_evidence.analysis.extract.comparisons import BASELINE_ONLY, WITHIN, _is_between, orientation, raw_direction
from ketamine_evidence.analysis.extract.significance import _significance

MODEL_FILE = "direction_model.json"  # the name ``direction_training --train DIR`` writes (nothing ships it)
CLASSES = ("up", "down", "none")
TOP_K = 3  # sentences read per question, combined by the ranker's probabilities (``combine``)
# The ranker's probabilities are squared before they weigh the sentences (chosen over 1, 1.5, 3 by article-grouped
# CV on the 80% of the articles outside ``data/eval/ei_confirm_split.json``; docs/direction.md, round 15).
RANKER_POWER = 2.0
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[<>=±%]")
_NEGATED = re.compile(r"\b(not|no|non|neither|nor|without|failed)\b", re.I)
_FLIP = {"up": "down", "down": "up", "better": "worse", "worse": "better"}


def masked_tokens(text: str, arms: Arms) -> list[str]:
    """Lower-case tokens with the arms replaced by ``xintv`` / ``xcomp`` and numbers by ``0``.

    A word is the intervention's (or a comparator's) when ``arms`` says so for the word alone or for
    'group X' / 'X group' around it (group labels are two words)."""
    words = re.findall(r"[A-Za-z][\w+-]*|\d+(?:\.\d+)?|[<>=±%]", text)
    out: list[str] = []
    for i, w in enumerate(words):
        if w[0].isdigit():
            out.append("0")
            continue
        side = arms.side(w)
        if side is None and i + 1 < len(words) and words[i + 1].lower() in ("group", "groups", "arm"):
            side = arms.side(f"{w} {words[i + 1]}")
        if side is None and i > 0 and words[i - 1].lower() in ("group", "groups"):
            side = arms.side(f"{words[i - 1]} {w}")
        out.append("xintv" if side == "intervention" else "xcomp" if side == "comparator" else w.lower())
    return out


def features(text: str, arms: Arms, polarity: str | None, rule: str | None = None) -> list[str]:
    """Feature names of one sentence (see the module docstring); ``rule`` is the rules' own reading of
    the sentence ('up' / 'down' / 'none'), where the caller has one."""
    tokens = masked_tokens(text, arms)
    feats = [f"w:{t}" for t in tokens] + [f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:])]
    raw = raw_direction(text)
    orient = orientation(text, arms) if raw not in (None, "none") else 0
    oriented = raw if raw in (None, "none") or orient >= 0 else _FLIP[raw]
    numeric = numeric_direction(text, arms)
    respective = respective_direction(text, arms)
    sig = _significance(text)
    within = bool(WITHIN.search(text)) and not _is_between(text)
    feats += [f"raw:{raw}", f"orient:{orient}", f"oriented:{oriented}", f"numeric:{numeric}",
              f"respective:{respective}", f"sig:{sig}", f"within:{within}", f"baseline:{bool(BASELINE_ONLY.search(text))}",
              f"negated:{bool(_NEGATED.search(text))}", f"pol:{polarity}", f"oriented_pol:{oriented}_{polarity}",
              f"oriented_sig:{oriented}_{sig}", f"numeric_sig:{numeric}_{sig}",
              f"arms:{arms.is_intervention(text)}_{arms.is_comparator(text)}", f"rule:{rule}",
              f"rule_sig:{rule}_{sig}"]
    return feats


@dataclass(frozen=True)
class DirectionModel:
    """Per-class weights of a multinomial logistic regression over ``features``."""

    weights: dict[str, list[float]]  # feature -> one weight per class, in ``classes`` order
    bias: list[float]
    classes: tuple[str, ...] = CLASSES

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        scores = list(self.bias)
        for f in set(feats):
            w = self.weights.get(f)
            if w is not None:
                scores = [s + x for s, x in zip(scores, w)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp)}

    def predict(self, text: str, arms: Arms, polarity: str | None, rule: str | None = None) -> tuple[str, float]:
        """('up' | 'down' | 'none', its probability) for the intervention against the comparator."""
        return best(self.probabilities(features(text, arms, polarity, rule)))

    def read_ranked(self, readings: Sequence[tuple[str, float, str | None]], arms: Arms,
                    polarity: str | None) -> tuple[str, float]:
        """('up' | 'down' | 'none', its probability) from the top-ranked sentences, each given as (sentence, the
        ranker's probability, the rules' reading 'up' / 'down' / 'none'), combined by ``combine``."""
        return best(combine([(w, self.probabilities(features(text, arms, polarity, rule))) for text, w, rule in readings]))

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "bias": self.bias, "weights": self.weights}


def best(probs: dict[str, float]) -> tuple[str, float]:
    """The most probable class (the first listed on ties) and its probability."""
    label = max(probs, key=probs.__getitem__)
    return label, probs[label]


def combine(readings: Sequence[tuple[float, dict[str, float]]], power: float = RANKER_POWER) -> dict[str, float]:
    """Class probabilities of several sentences read for one question, weighted by how likely each sentence is
    the one that answers it (the ranker's probability raised to ``power``): no single pick has to be right, and
    the power keeps a sentence the ranker clearly prefers from being outvoted by ones it doubts."""
    weights = [w ** power for w, _ in readings]
    total = sum(weights)
    if not readings or total <= 0:
        return {c: 1.0 / len(CLASSES) for c in CLASSES}
    return {c: sum(w * p[c] for w, (_, p) in zip(weights, readings)) / total for c in CLASSES}


@lru_cache(maxsize=4)
def load_weights(file: str) -> DirectionModel | None:
    """A shipped direction model's weights from ``analysis/lexicons/<file>`` (None when it has not been trained yet):
    ``pain_reader`` loads ``pain_reader_model.json``, trained without the articles we hold."""
    try:
        data = json.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(file).read_text("utf-8"))
    except FileNotFoundError:
        return None
    return DirectionModel(data["weights"], data["bias"], tuple(data["classes"]))

