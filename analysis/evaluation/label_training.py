"""Fit and cross-validate a learned list-field reader (conditions: :mod:`condition_reader`; routes:
:mod:`route_reader`) on the development gold, with folds grouped by article (no article in both a fold's
training and test part).

    .venv/bin/python -m ketamine_evidence.analysis.evaluation.label_training conditions [--seeds 3] [--write]

Prints the field's micro F1 (the scorer's, :func:`gold.score_sets`) per development set and pooled, for the rules
and for the model and hybrid readers with each feature set ('text': no rule outputs; 'full': with the rules'
answer, which was fitted to these very records, so its cross-validated figures are optimistic). ``--write`` fits
both models on every development record and writes the reader's ``lexicons/`` file. Features are recorded at
the reader's own hook while the whole pipeline runs, so they are exactly what run time sees; a record whose
extractor never calls the reader (routes of an article that never names the intervention) keeps the rules'
answer and trains nothing. scikit-learn is needed here only, never at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Iterable, Sequence

from ketamine_evidence.analysis.evaluation.gold import load_gold, score_sets
from ketamine_evidence.analysis.extract import label_model
from ketamine_evidence.analysis.records import CONDITIONS, ROUTES
from ketamine_evidence.base import paths

FOLDS = 5
SEED = 0
MIN_POSITIVES = 4  # a label with fewer positive training records gets no model (the rules' answer stands)
MIN_RECORDS = 2  # a feature seen in fewer training records is left out
C = 0.5  # inverse L2 strength of each label's logistic regression
CLASS_WEIGHT: str | None = "balanced"  # a label's rare positives weigh as much as its negatives
# (reader, add, drop) reported by ``main``; 'model' reads ``label_model.CUT``
VARIANTS = (("model", label_model.ADD, label_model.DROP), ("hybrid", 0.9, -1.0), ("hybrid", 0.8, -1.0),
            ("hybrid", 0.9, 0.25))


@dataclass(frozen=True)
class Example:
    """One development record: its set, article (the CV group), gold and rules' labels, both feature sets, and
    whether the reader is asked at all (``reads``)."""

    dev_set: str
    group: str
    gold: tuple[str, ...]
    rules: tuple[str, ...]
    text_features: frozenset[str]
    full_features: frozenset[str]
    reads: bool = True


def task(field: str) -> tuple[ModuleType, tuple[str, ...]]:
    """The reader module and label order of a field."""
    if field == "conditions":
        from ketamine_evidence.analysis.extract import condition_reader
        return condition_reader, CONDITIONS
    if field == "routes":
        from ketamine_evidence.analysis.extract import route_reader
        return route_reader, ROUTES
    raise ValueError(f"no learned reader for {field!r}")


def dev_sets(repo: Path, shared: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, article folder) of each development set (the scoreboard's dev rows; no blind file)."""
    pool, data = shared / "eval" / "pain_trials_pool", repo / "data" / "eval" / "pool"
    return [("ketamine dev", shared / "eval" / "gold_dev.jsonl", shared / "corpus" / "pmc_ketamine"),
            ("chronic dev", shared / "eval" / "gold_chronic_pain_dev.jsonl", shared / "eval" / "chronic_pain_articles"),
            ("pool dev", data / "gold_dev.jsonl", pool),
            ("batch 4", data / "gold_dev_batch4.jsonl", pool),
            ("batch 5", data / "gold_dev_batch5.jsonl", pool),
            ("batch 6", data / "gold_dev_batch6.jsonl", pool),
            ("batch 7", data / "gold_blind.jsonl", pool)]


def build_examples(field: str, repo: Path, shared: Path) -> list[Example]:
    """Each development record's example: its article (read from its own PMCID's file only) run through the
    whole pipeline under the ``rules`` reader, with the rules' labels and both feature sets recorded where the
    field's extractor hands them to its reader."""
    from ketamine_evidence.analysis.extract import extract_findings
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import iter_input

    reader, _ = task(field)
    seen: list[tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = []

    def record_features(ctx, findings, name, version):
        rules = [f.value for f in findings]
        seen.append((tuple(rules), frozenset(reader.features(ctx, None)), frozenset(reader.features(ctx, rules))))
        return findings

    os.environ[f"{reader.ENV_PREFIX}_READER"] = "rules"
    original, reader.read = reader.read, record_features
    out = []
    try:
        for name, gold_path, folder in dev_sets(repo, shared):
            for record in load_gold(gold_path):
                pmcid, pmid = str(record.get("pmcid") or ""), str(record.get("pmid") or "")
                file = folder / f"{pmcid}.nxml"
                if not file.exists():
                    continue
                article = next((a for a in iter_input(file)
                                if str(a.pmid) == pmid or str(a.pmcid).upper() == pmcid.upper()), None)
                if article is None:
                    continue
                seen.clear()
                extract_findings(article, resolve_intervention(record.get("intervention") or "ketamine"))
                gold = tuple(record.get(field) or ())
                if seen:
                    out.append(Example(name, pmcid or pmid, gold, *seen[-1]))
                else:
                    out.append(Example(name, pmcid or pmid, gold, (), frozenset(), frozenset(), reads=False))
    finally:
        reader.read = original
    return out


def fit(examples: Sequence[Example], full: bool, labels: Sequence[str]) -> label_model.LabelModel:
    """One L2 logistic regression per label with at least ``MIN_POSITIVES`` positives, over binary features seen
    in at least ``MIN_RECORDS`` records of the examples the reader is asked about."""
    from sklearn.linear_model import LogisticRegression

    examples = [e for e in examples if e.reads]
    rows = [e.full_features if full else e.text_features for e in examples]
    counts: dict[str, int] = {}
    for r in rows:
        for f in r:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_RECORDS)
    matrix = _matrix(rows, {f: i for i, f in enumerate(vocab)})
    bias: dict[str, float] = {}
    weights: dict[str, dict[str, float]] = {}
    for label in labels:
        y = [label in e.gold for e in examples]
        if sum(y) < MIN_POSITIVES or all(y):
            continue
        lr = LogisticRegression(C=C, class_weight=CLASS_WEIGHT, solver="liblinear", max_iter=1000).fit(matrix, y)
        bias[label] = float(lr.intercept_[0])
        for f, w in zip(vocab, lr.coef_[0]):
            if abs(w) >= 1e-4:
                weights.setdefault(f, {})[label] = float(w)
    return label_model.LabelModel(bias, weights)


def _matrix(rows: Sequence[Iterable[str]], index: dict[str, int]):
    """The binary example-by-feature matrix (compressed rows)."""
    from scipy.sparse import csr_matrix

    cols, ptr = [], [0]
    for r in rows:
        cols.extend(sorted(index[f] for f in r if f in index))
        ptr.append(len(cols))
    return csr_matrix(([1.0] * len(cols), cols, ptr), shape=(len(rows), len(index)))


def folds(examples: Sequence[Example], k: int = FOLDS, seed: int = SEED) -> list[int]:
    """Each example's fold: articles shuffled and dealt round-robin, so an article's records share a fold."""
    groups = sorted({e.group for e in examples})
    random.Random(seed).shuffle(groups)
    of = {g: i % k for i, g in enumerate(groups)}
    return [of[e.group] for e in examples]


def cross_validated(examples: Sequence[Example], full: bool, labels: Sequence[str], k: int = FOLDS,
                    seed: int = SEED) -> list[dict[str, float] | None]:
    """Each example's label probabilities from the model fitted on the other folds (None where the reader is
    not asked)."""
    assigned = folds(examples, k, seed)
    probs: list[dict[str, float] | None] = [None for _ in examples]
    for fold in range(k):
        model = fit([e for e, f in zip(examples, assigned) if f != fold], full, labels)
        for i, (e, f) in enumerate(zip(examples, assigned)):
            if f == fold and e.reads:
                probs[i] = model.probabilities(e.full_features if full else e.text_features)
    return probs


def answers_of(examples: Sequence[Example], probs: Sequence[dict[str, float] | None], reader: str,
               labels: Sequence[str], add: float, drop: float) -> list[list[str]]:
    """What a reader answers for each example (the rules' answer where the reader is not asked)."""
    return [list(e.rules) if p is None else label_model.combine(e.rules, p, reader, labels, add=add, drop=drop)
            for e, p in zip(examples, probs)]


def f1_table(field: str, examples: Sequence[Example], answers: dict[str, list[list[str]]]) -> dict[str, dict[str, float]]:
    """{reader: {set: micro F1}} plus 'pooled', for each reader's answers (aligned with ``examples``)."""
    names = list(dict.fromkeys(e.dev_set for e in examples))
    table = {}
    for reader, preds in answers.items():
        row = {n: score_sets(field, [(p, e.gold) for p, e in zip(preds, examples) if e.dev_set == n]).value
               for n in names}
        row["pooled"] = score_sets(field, [(p, e.gold) for p, e in zip(preds, examples)]).value
        table[reader] = {k: round(v, 3) for k, v in row.items()}
    return table


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("field", choices=("conditions", "routes"))
    ap.add_argument("--shared", type=Path, default=paths.REPO_DIR.parent / "shared")
    ap.add_argument("--write", action="store_true", help="fit on every dev record and write the shipped model")
    ap.add_argument("--seeds", type=int, default=1, help="repeat the grouped CV with this many fold assignments")
    args = ap.parse_args(argv)
    reader, labels = task(args.field)
    examples = build_examples(args.field, paths.REPO_DIR, args.shared)
    print(f"{len(examples)} records, {len({e.group for e in examples})} articles, "
          f"{sum(e.reads for e in examples)} read by the {args.field} reader")
    answers: dict[str, list[list[str]]] = {"rules": [list(e.rules) for e in examples]}
    for seed in range(args.seeds):
        for name, full in (("text", False), ("full", True)):
            probs = cross_validated(examples, full, labels, seed=seed)
            for kind, add, drop in VARIANTS:
                label = f"{kind}-{name}" + (f" add {add} drop {drop}" if kind == "hybrid" else "") + f" s{seed}"
                answers[label] = answers_of(examples, probs, kind, labels, add, drop)
    for kind, row in f1_table(args.field, examples, answers).items():
        print(f"{kind:<40}" + " ".join(f"{k} {v:.3f}" for k, v in row.items()))
    if args.write:
        models = {"text": fit(examples, False, labels).to_json(), "full": fit(examples, True, labels).to_json()}
        target = paths.REPO_DIR / "analysis" / "lexicons" / reader.MODEL_FILE
        target.write_text(json.dumps({"trained_on": f"{sum(e.reads for e in examples)} development records",
                                      "models": models}, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
