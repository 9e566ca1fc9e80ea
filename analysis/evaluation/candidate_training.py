"""Fit and cross-validate the learned candidate rankers (``count_ranker``: n_participants; ``time_ranker``:
follow_up_days) on the dev gold.

    .venv/bin/python -m ketamine_evidence.analysis.evaluation.candidate_training [--field n|fu] [--write] [--rules]

Examples: every candidate of every dev record (``ranker_records.dev_records``), labelled by whether its value is
the gold value (n: equal; follow-up: within the scorer's tolerance). Cross-validation is grouped by article
(``GroupKFold``, ``FOLDS`` folds): no article has candidates on both sides. For each fold the fitted weights go
through the run-time ``candidate_ranker.choose``, so the figures are those of the shipped code path; a record's
answer is scored as the scorer does (``gold.field_correct``: a null gold needs a null answer). ``--rules`` adds
the feature "the rules chose this value", which is in-sample on dev (the rules were written from these records).
``--write`` fits on all records and writes ``analysis/lexicons/<weights>``. Needs scikit-learn (training only).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ketamine_evidence.analysis.evaluation.gold import field_correct, within_days
from ketamine_evidence.analysis.evaluation.ranker_records import DevRecord, dev_records
from ketamine_evidence.analysis.extract import count_ranker, time_ranker
from ketamine_evidence.analysis.extract.candidate_ranker import READERS, Candidate, LinearRanker, choose, weights_file
from ketamine_evidence.base import paths

FOLDS = 5
C = 0.3  # inverse L2 strength: few hundred records, thousands of sparse features


@dataclass
class FieldSpec:
    """What differs between the two fields: the gold field, the candidates of a record and the value tolerance."""

    field: str
    weights: str
    candidates: Callable[[DevRecord, bool], list[Candidate] | None]  # None: the rules' gates give null
    tolerance: Callable[[float, float], bool]


def _n_candidates(r: DevRecord, with_rules: bool) -> list[Candidate] | None:
    design = r.ctx.earlier("design")
    if design and design[0].value in ("systematic_review", "narrative_review", "guideline", "animal"):
        return None
    from ketamine_evidence.analysis.extract.protocols import is_protocol
    if is_protocol(r.ctx):
        return None
    found = r.ctx.earlier("n_participants")
    sentence = _sentence_of(r, found[0]) if found else None
    return count_ranker.candidates(r.ctx, r.predicted.get("n_participants"), sentence, with_rules)


def _sentence_of(r: DevRecord, finding: Any) -> Any:
    """The sentence a finding's evidence came from."""
    start = finding.evidence.start
    return next((s for s in r.ctx.sentences if s.start == start), None)


def _fu_candidates(r: DevRecord, with_rules: bool) -> list[Candidate] | None:
    if not time_ranker.applies(r.ctx):
        return None
    return time_ranker.candidates(r.ctx, r.predicted.get("follow_up_days"), with_rules)


SPECS = {
    "n": FieldSpec("n_participants", count_ranker.WEIGHTS, _n_candidates, lambda a, b: a == b),
    "fu": FieldSpec("follow_up_days", time_ranker.WEIGHTS, _fu_candidates, within_days),
}


@dataclass
class Example:
    set_name: str
    key: str
    gold: Any
    rules: Any
    candidates: list[Candidate] | None


def examples(spec: FieldSpec, records: list[DevRecord], with_rules: bool) -> list[Example]:
    return [Example(r.set_name, r.key, r.gold.get(spec.field), r.predicted.get(spec.field),
                    spec.candidates(r, with_rules)) for r in records]


def _label(spec: FieldSpec, c: Candidate, gold: Any) -> int:
    return int(gold is not None and spec.tolerance(c.value, float(gold)))


def fit(spec: FieldSpec, train: list[Example], c: float = C) -> LinearRanker:
    """Logistic regression over the candidates of ``train`` (scikit-learn), as a ``LinearRanker``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, labels = [], []
    for e in train:
        for cand in e.candidates or ():
            feats.append(cand.features)
            labels.append(_label(spec, cand, e.gold))
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    return LinearRanker(weights, float(model.intercept_[0]))


def answer(mode: str, ranker: LinearRanker, e: Example, tolerance: Callable[[float, float], bool]) -> Any:
    """A record's answer under ``mode``, as the run-time hook gives it."""
    if e.candidates is None:
        return None  # the rules' gates (reviews, animal studies, protocols): null whatever the reader
    rules = None if e.rules is None else float(e.rules)
    picked = choose(mode, ranker, rules, e.candidates, tolerance)
    if picked == "rules":
        return e.rules
    return None if picked is None else picked.value


def cross_validate(spec: FieldSpec, data: list[Example], ranker_args: dict[str, float],
                   c: float = C) -> dict[str, dict[str, list[int]]]:
    """{mode: {set name: [correct, total]}} over ``FOLDS`` article-grouped folds (and the pooled set)."""
    from sklearn.model_selection import GroupKFold

    keys = [e.key for e in data]
    out: dict[str, dict[str, list[int]]] = {m: defaultdict(lambda: [0, 0]) for m in READERS}
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(data, groups=keys):
        fitted = fit(spec, [data[i] for i in train_idx], c)
        ranker = LinearRanker(fitted.weights, fitted.bias, **ranker_args)
        for i in test_idx:
            e = data[i]
            for mode in READERS:
                ok = field_correct(spec.field, answer(mode, ranker, e, spec.tolerance), e.gold)
                for name in (e.set_name, "pooled"):
                    out[mode][name][0] += int(ok)
                    out[mode][name][1] += 1
    return out


def oracle(spec: FieldSpec, data: list[Example]) -> dict[str, float]:
    """Share of records some candidate (or a gated null) could get right: the ceiling of any ranker."""
    hit: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in data:
        ok = (e.candidates is None and e.gold is None) or (e.candidates is not None and (
            e.gold is None or any(_label(spec, cand, e.gold) for cand in e.candidates)))
        for name in (e.set_name, "pooled"):
            hit[name][0] += int(ok)
            hit[name][1] += 1
    return {k: round(a / b, 3) for k, (a, b) in hit.items()}


def _table(results: dict[str, dict[str, list[int]]]) -> str:
    names = list(next(iter(results.values())))
    lines = ["reader".ljust(8) + "".join(n.rjust(14) for n in names)]
    for mode, per_set in results.items():
        lines.append(mode.ljust(8) + "".join(f"{per_set[n][0] / per_set[n][1]:.3f}".rjust(14) for n in names))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--field", choices=sorted(SPECS), default="n")
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--rules", action="store_true", help="add the in-sample feature 'the rules chose this value'")
    ap.add_argument("--write", action="store_true", help="fit on every dev record and write the weights")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--override", type=float, default=0.8)
    ap.add_argument("--keep", type=float, default=0.2)
    ap.add_argument("--fill", type=float, default=0.3)
    ap.add_argument("--floor", type=float, default=0.0)
    args = ap.parse_args(argv)
    spec = SPECS[args.field]
    records = list(dev_records(paths.REPO_DIR, args.shared))
    data = examples(spec, records, args.rules)
    thresholds = {"override": args.override, "keep": args.keep, "fill": args.fill, "floor": args.floor}
    print(f"{spec.field}: {len(data)} records, {sum(len(e.candidates or ()) for e in data)} candidates; "
          f"oracle {oracle(spec, data)}")
    print(_table(cross_validate(spec, data, thresholds, args.c)))
    if args.write:
        fitted = fit(spec, data, args.c)
        ranker = LinearRanker(fitted.weights, fitted.bias, **thresholds)
        path = paths.REPO_DIR / "analysis" / "lexicons" / weights_file(spec.weights, args.rules)
        path.write_text(json.dumps(ranker.as_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(ranker.as_json()['weights'])} weights)")


if __name__ == "__main__":
    main()
