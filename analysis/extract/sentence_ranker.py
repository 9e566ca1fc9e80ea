"""Run-time part of the learned sentence ranker: which candidate clause states the result asked about?

The ranker (trained by ``analysis/evaluation/direction_training.py --train``, see ``evaluation.ei_ranker``)
is a logistic regression over the signals a hand-set selection score sums (outcome overlap, the outcome's
phrase, significance, arms named, section, time point, table rows ...), that score, its rank among the
article's candidates, the arms' words in the sentence, the clause's direction wording and its length. Here:
the features of a list of candidates, the folded weights and their scoring in plain Python (about 30
multiply-adds a candidate), and the candidates of an abstract for its pain outcome (``pain_candidates``),
which ``pain_effect`` reads where its rules find no verdict.

Weights: ``analysis/lexicons/sentence_ranker.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Protocol, Sequence

from ketamine_evidence.analysis.extract.arms import Arms
from ketamine_evidence.analysis.extract.comparisons import (
    BASELINE_ONLY, WITHIN, _is_between, _significance, clauses, numeric_direction, raw_direction,
)

RANKER_FILE = "sentence_ranker.json"


class RankedClause(Protocol):
    """What the ranker reads of a candidate (``evidence_inference.Candidate``, ``PainCandidate``)."""

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

    def to_json(self) -> dict:
        return {"bias": self.bias, "weights": self.weights}


@lru_cache(maxsize=1)
def load_ranker() -> Ranker | None:
    """The shipped ranker (None when it has not been trained yet)."""
    try:
        data = json.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(RANKER_FILE).read_text("utf-8"))
    except FileNotFoundError:
        return None
    return Ranker(data["weights"], data["bias"])


# --- candidates of an abstract for its pain outcome ----------------------------------------------------------

@dataclass(frozen=True)
class PainCandidate:
    """A clause naming a pain outcome with direction wording or per-arm numbers, and the ranker's signals."""

    score: float
    clause: str
    sentence: str
    qualified: bool
    signals: dict[str, float]
    index: int  # the sentence's position in the abstract


_RESULTS = re.compile(r"RESULT|FINDING|CONCLU|OUTCOME", re.I)
_NOT_RESULTS = re.compile(r"INTRODUCTION|BACKGROUND|METHOD|DESIGN|PATIENTS|PARTICIPANTS|DISCUSSION|LIMITATION", re.I)
_BETWEEN_GROUPS = re.compile(r"\b(between|among) (the )?(two |both |three |all )?(groups|arms)\b", re.I)


def _table_like(text: str) -> bool:
    tokens = text.split()
    return len(tokens) > 8 and sum(bool(re.match(r"[\d.(±–-]", t)) for t in tokens) > 0.4 * len(tokens)


def pain_candidates(sentences: Sequence[tuple[str, str]], arms: Arms, non_finding: re.Pattern[str]) -> list[PainCandidate]:
    """Clauses of (text, section) sentences that name a pain outcome (``arms.pain_outcome``) and a direction,
    with the signals and hand-set score of ``evidence_inference.candidates`` for an outcome that is 'pain'
    (outcome overlap and phrase: the clause or its sentence names a pain outcome; an abstract has no tables of
    its own time points, literature or prompt numbers, so those signals are 0)."""
    out: list[PainCandidate] = []
    for index, (text, section) in enumerate(sentences):
        if not arms.pain_outcome(text) or len(text) > 600:
            continue
        penalty = 0.5 * bool(non_finding.search(text) and not _significance(text))
        penalty += 0.3 * bool(_NOT_RESULTS.search(section)) - 0.15 * bool(_RESULTS.search(section))
        si, sc = arms.is_intervention(text), arms.is_comparator(text)
        for clause in clauses(text):
            if BASELINE_ONLY.search(clause):
                continue
            direction = raw_direction(clause) or numeric_direction(clause, arms)
            if direction is None:
                continue
            own = float(arms.pain_outcome(clause))
            ci, cc, s_i, s_c = arms.is_intervention(clause), arms.is_comparator(clause), si, sc
            if _BETWEEN_GROUPS.search(clause):
                ci = cc = s_i = s_c = True
            signals = {"overlap": 1.0, "clause_overlap": own, "phrase": own, "numbers": 0.0, "abstract": 1.0,
                       "significance": float(bool(_significance(clause))), "table": float(_table_like(clause)),
                       "s_i": float(s_i), "s_c": float(s_c), "no_arm": float(not (s_i or s_c)), "ci": float(ci),
                       "both": float(ci and cc), "penalty": penalty,
                       "within": float(bool(WITHIN.search(clause)) and not _is_between(clause)),
                       "results": float(bool(_RESULTS.search(section))),
                       "not_results": float(bool(_NOT_RESULTS.search(section))),
                       "non_finding": float(bool(non_finding.search(text))), "index": index / max(1, len(sentences))}
            score = (2 + own + own + 0.15 + 0.3 * signals["significance"] - 0.4 * signals["table"] + 0.25 * s_i
                     + 0.1 * s_c - 0.3 * signals["no_arm"] + 0.2 * ci + 0.3 * (ci and cc) - penalty
                     - 0.3 * signals["within"])
            out.append(PainCandidate(score, clause, text, False, signals, index))
    return out


def best_pain_candidate(sentences: Sequence[tuple[str, str]], arms: Arms,
                        non_finding: re.Pattern[str]) -> PainCandidate | None:
    """The ranker's pick among ``pain_candidates`` (None without candidates or shipped weights)."""
    ranker = load_ranker()
    found = pain_candidates(sentences, arms, non_finding)
    if ranker is None or not found:
        return None
    feats = ranker_features(found, lambda s: float(arms.is_intervention(s)), lambda s: float(arms.is_comparator(s)))
    return ranker.pick(found, feats)  # type: ignore[return-value]
