"""A learned reading of the pain conditions, beside the rules of :mod:`conditions`, chosen by ``KE_COND_READER``.

The rules were written from the development records and score 0.95-1.00 there but less on unseen text. This
module scores a multi-label logistic regression (one binary model per condition term, fitted by
:mod:`ketamine_evidence.analysis.evaluation.condition_training` on the development gold) in plain Python, so
run time needs no scikit-learn. Its features are the words and bigrams of the title and abstract, the lexicon's
candidate conditions (where they are named: title or abstract, and the words either side of each match), the
setting cues (acute, experimental, generic chronic pain) and, in the ``full`` model, the rules' own answer.

Readers (``KE_COND_READER``): ``rules`` (default: the rules' list unchanged), ``model`` (the terms the model
gives at least ``CUT``), ``hybrid`` (the rules' list, plus terms the model gives at least ``ADD``, minus terms
it gives at most ``DROP``). ``KE_COND_FEATURES`` picks the model: ``text`` (no rule outputs) or ``full``.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Sequence

from ketamine_evidence.analysis.records import CONDITIONS, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

MODEL_FILE = "condition_model.json"
READERS = ("rules", "model", "hybrid")
FEATURE_SETS = ("text", "full")
CUT = 0.5  # model reader: a term is given when its probability reaches this
ADD = 0.9  # hybrid: a term the rules missed is added at this probability or above
DROP = 0.05  # hybrid: a term the rules gave is dropped at this probability or below
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_PAINISH = re.compile(r"\b(?:pain\w*|analges\w*|ach(?:e|es|ing)|hurt\w*|sore\w*|discomfort|tender\w*)\b", re.I)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def features(sentences: Sequence["Sentence"], rules: Iterable[str] | None) -> set[str]:
    """The article's features: the title's words (``t:``); each candidate condition the lexicon names (``c:``), with
    the part it is named in (``cs:``, ``ct:`` the title) and whether that sentence names pain (``cp:``); the acute
    setting cues likewise (``acute``, ``acute_title``, ``as:``, ``acute_pain``); experimental and generic chronic
    pain; and the rules' answer (``r:`` per term, ``r_none``) unless ``rules`` is None. (The abstract's words and
    bigrams, and the words around each candidate, were tried and dropped: no better under grouped CV.)"""
    from ketamine_evidence.analysis.extract import conditions  # the lexicon's patterns (imported late: no cycle)

    out: set[str] = {"bias"}
    for s in sentences:
        title = s.section == "TITLE"
        where = "title" if title else (s.section or "none").lower()
        pain = bool(_PAINISH.search(s.text))
        if title:
            out.update(f"t:{w}" for w in _words(s.text))
        for term, _ in conditions.named_conditions(s.text):
            out.update((f"c:{term}", f"cs:{term}:{where}"))
            if title:
                out.add(f"ct:{term}")
            if pain:
                out.add(f"cp:{term}")
        if conditions.ACUTE.scan(s.text):
            out.update(("acute_title" if title else "acute", f"as:{where}"))
            if pain:
                out.add("acute_pain")
        if conditions.EXPERIMENTAL.search(s.text):
            out.add("experimental")
        if conditions.GENERIC_CHRONIC.search(s.text):
            out.add("generic_chronic")
    if rules is not None:
        terms = set(rules)
        out.update(f"r:{t}" for t in terms)
        if not terms:
            out.add("r_none")
    return out


@dataclass(frozen=True)
class ConditionModel:
    """One binary logistic regression per condition term: its bias and its weight per feature."""

    bias: dict[str, float]
    weights: dict[str, dict[str, float]]  # feature -> {term: weight}; absent terms weigh 0

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        scores = dict(self.bias)
        for f in feats:
            for term, w in self.weights.get(f, {}).items():
                scores[term] += w
        return {t: 1.0 / (1.0 + math.exp(-s)) for t, s in scores.items()}

    def to_json(self, digits: int = 4) -> dict[str, object]:
        return {"bias": {t: round(b, digits) for t, b in self.bias.items()},
                "weights": {f: {t: round(w, digits) for t, w in ws.items()} for f, ws in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "ConditionModel":
        return cls({t: float(b) for t, b in data["bias"].items()},
                   {f: {t: float(w) for t, w in ws.items()} for f, ws in data["weights"].items()})


@lru_cache(maxsize=1)
def load_models() -> dict[str, ConditionModel]:
    """The shipped models by feature set ('text', 'full'); empty when none has been trained."""
    try:
        data = json.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath(MODEL_FILE).read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return {name: ConditionModel.from_json(m) for name, m in data["models"].items()}


def combine(rules: Iterable[str], probs: dict[str, float], reader: str, cut: float = CUT, add: float = ADD,
            drop: float = DROP) -> list[str]:
    """The terms a reader gives, in guideline order: ``model`` from the probabilities alone, ``hybrid`` the
    rules' terms less confident removals plus confident additions; a term the model does not cover keeps the
    rules' answer."""
    given = set(rules)
    if reader == "model":
        out = {t for t, p in probs.items() if p >= cut} | {t for t in given if t not in probs}
    elif reader == "hybrid":
        out = {t for t in given if probs.get(t, 1.0) > drop} | {t for t, p in probs.items() if p >= add}
    else:
        out = given
    return [t for t in CONDITIONS if t in out]


def reader_choice() -> tuple[str, str, float, float]:
    """(reader, feature set, hybrid's add and drop thresholds) from ``KE_COND_READER``, ``KE_COND_FEATURES``,
    ``KE_COND_ADD`` and ``KE_COND_DROP`` (unknown or unset values: the defaults)."""
    reader = os.environ.get("KE_COND_READER", "rules")
    feats = os.environ.get("KE_COND_FEATURES", "text")
    return (reader if reader in READERS else "rules", feats if feats in FEATURE_SETS else "text",
            _number(os.environ.get("KE_COND_ADD"), ADD), _number(os.environ.get("KE_COND_DROP"), DROP))


def _number(value: str | None, default: float) -> float:
    try:
        return float(value) if value else default
    except ValueError:
        return default


def read(ctx: "Context", findings: list[Finding], name: str, version: str) -> list[Finding]:
    """The rules' ``findings`` under the chosen reader: unchanged for ``rules`` (or when no model is shipped);
    otherwise the combined terms, each with the rules' evidence where the rules gave it, else the first sentence
    naming it (the title when none does)."""
    reader, feature_set, add, drop = reader_choice()
    model = load_models().get(feature_set) if reader != "rules" else None
    if model is None or not ctx.sentences:
        return findings
    rules = [f.value for f in findings]
    probs = model.probabilities(features(ctx.sentences, rules if feature_set == "full" else None))
    terms = combine(rules, probs, reader, add=add, drop=drop)
    if terms == rules:
        return findings
    kept = {f.value: f for f in findings}
    return [kept.get(t) or Finding(name, t, ctx.evidence(_sentence_for(ctx.sentences, t), name, version),
                                   ctx.intervention.name) for t in terms]


def _sentence_for(sentences: Sequence["Sentence"], term: str) -> "Sentence":
    from ketamine_evidence.analysis.extract import conditions

    for s in sentences:
        if term == "postoperative_acute" and conditions.ACUTE.scan(s.text):
            return s
        if any(t == term for t, _ in conditions.named_conditions(s.text)):
            return s
    return next((s for s in sentences if s.section == "TITLE"), sentences[0])
