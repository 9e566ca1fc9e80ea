"""Which words of a case-report sentence name an adverse effect or a drug, by a token-level tagger learned from
ADE-Corpus-V2's annotated phrases, and the sentence features its predicted spans give the learned
adverse-event sentence classifier (:mod:`ketamine_evidence.analysis.extract.event_sentences`).

The tagger is a multinomial logistic regression over three classes (O / AE / DRG) fitted by
:mod:`ketamine_evidence.analysis.evaluation.ade_tagger`; here it is scored in plain Python (a softmax over
summed weights), so run time needs no scikit-learn. It finds effects and drugs that neither the lexicons nor the
gazetteer hold ('-itis', '-emia' words; drug names by their affixes and context) and tells the effect a drug
caused from the disease it treated, which a bag of words cannot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

PAIR_WINDOW = 12  # a cause and an effect further apart than this many words are not read as a pair
CUT = 0.5  # a token is masked as an effect / drug when the tagger gives that class at least this probability
BINS = 5  # the sentence's highest effect and drug probabilities, each read in this many equal bins
_MASKS = ("PAE", "PDR")


def pair_features(tokens: list[str], cause: list[int], effect: list[int], orders: tuple[str, str],
                  order_prefix: str, word_prefix: str, masks: tuple[str, ...]) -> set[str]:
    """For each cause and effect at most ``PAIR_WINDOW`` words apart: their order (``orders``: cause first,
    effect first) and the plain words between them, each feature named with its prefix and the order."""
    out: set[str] = set()
    for i in cause:
        for j in effect:
            if 0 < abs(i - j) <= PAIR_WINDOW:
                lo, hi = sorted((i, j))
                order = orders[0] if i < j else orders[1]
                out.add(f"{order_prefix}{order}")
                out.update(f"{word_prefix}{order}:{t}" for t in tokens[lo + 1:hi] if t not in masks)
    return out


def _shape(raw: str) -> str:
    return "X" if raw.isupper() and len(raw) > 1 else "Xx" if raw[0].isupper() else "d" if raw.isdigit() else "x"


def token_features(raw: Sequence[str], drug_words: Iterable[str] | frozenset[str],
                   event_words: Iterable[str] | frozenset[str]) -> list[list[str]]:
    """Per token of a sentence (``raw``: its words as written): the word, its 3-5-letter suffixes and 4-letter
    prefix, its shape, the two words either side, the bigrams with its neighbours, and the rules' tag
    (``DRUG`` / ``EVENT`` from ``drug_words`` / ``event_words``) of it and its neighbours."""
    drugs, events = frozenset(drug_words), frozenset(event_words)
    toks = [r.lower() for r in raw]
    norm = ["DRUG" if t in drugs else "EVENT" if t in events else "-" for t in toks]
    pad = ["<s>", "<s>", *toks, "</s>", "</s>"]
    out = []
    for k, (t, r) in enumerate(zip(toks, raw)):
        out.append([f"w={t}", f"s3={t[-3:]}", f"s4={t[-4:]}", f"s5={t[-5:]}", f"p4={t[:4]}", f"sh={_shape(r)}",
                    f"n={norm[k]}", f"w-1={pad[k + 1]}", f"w+1={pad[k + 3]}", f"w-2={pad[k]}", f"w+2={pad[k + 4]}",
                    f"b-={pad[k + 1]}|{t}", f"b+={t}|{pad[k + 3]}",
                    f"n-1={norm[k - 1] if k else '<s>'}", f"n+1={norm[k + 1] if k + 1 < len(toks) else '</s>'}",
                    "bias"])
    return out


@dataclass(frozen=True)
class SpanTagger:
    """A three-class (O / AE / DRG) linear tagger: per feature, its AE and DRG weights minus its O weight
    (the softmax is unchanged by that shift, and O's logit becomes 0)."""

    weights: dict[str, tuple[float, float]]
    intercept: tuple[float, float]

    def probabilities(self, token_feature_lists: Iterable[Iterable[str]]) -> list[tuple[float, float]]:
        """(P(AE), P(DRG)) of each token."""
        out = []
        for feats in token_feature_lists:
            a, d = self.intercept
            for f in feats:
                w = self.weights.get(f)
                if w is not None:
                    a += w[0]
                    d += w[1]
            top = max(0.0, a, d)
            e_o, e_a, e_d = math.exp(-top), math.exp(a - top), math.exp(d - top)
            z = e_o + e_a + e_d
            out.append((e_a / z, e_d / z))
        return out

    def as_json(self, digits: int = 4) -> dict[str, object]:
        return {"intercept": [round(x, digits) for x in self.intercept],
                "weights": {f: [round(w[0], digits), round(w[1], digits)] for f, w in self.weights.items()}}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "SpanTagger":
        weights = data["weights"]
        intercept = data["intercept"]
        assert isinstance(weights, dict) and isinstance(intercept, list)
        return cls({f: (float(w[0]), float(w[1])) for f, w in weights.items()}, (float(intercept[0]), float(intercept[1])))


def span_features(tokens: list[str], probabilities: Sequence[tuple[float, float]]) -> set[str]:
    """The sentence read over its predicted spans (prefix ``p``): tokens with P(AE) or P(DRG) >= ``CUT`` masked
    ``PAE`` / ``PDR`` (a run counted once), n-grams touching them, a drug-effect pair's order and the words
    between, whether both occur, and the highest P(AE) and P(DRG) in ``BINS`` bins."""
    masked: list[str] = []
    for t, (a, d) in zip(tokens, probabilities):
        m = "PAE" if a >= CUT and a >= d else "PDR" if d >= CUT else t
        if m in _MASKS and masked and masked[-1] == m:
            continue
        masked.append(m)
    out = {f"pn:{t}" for t in masked if t in _MASKS}
    edged = ["<s>", *masked, "</s>"]
    out.update(f"pb:{a} {b}" for a, b in zip(edged, edged[1:]) if {a, b} & set(_MASKS))
    out.update(f"pt:{a} {b} {c}" for a, b, c in zip(edged, edged[1:], edged[2:]) if {a, b, c} & set(_MASKS))
    cause = [j for j, t in enumerate(masked) if t == "PDR"]
    effect = [j for j, t in enumerate(masked) if t == "PAE"]
    out |= pair_features(masked, cause, effect, ("DA", "AD"), "po:", "p", _MASKS)
    top_a = max((p[0] for p in probabilities), default=0.0)
    top_d = max((p[1] for p in probabilities), default=0.0)
    out.add(f"pmaxae={min(int(top_a * BINS), BINS - 1)}")
    out.add(f"pmaxdr={min(int(top_d * BINS), BINS - 1)}")
    out.add(f"pboth={bool(cause) and bool(effect)}")
    return out
