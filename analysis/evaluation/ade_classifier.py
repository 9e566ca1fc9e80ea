"""A learned adverse-event sentence classifier for case-report sentences about any drug (ADE-Corpus-V2).

The rules of :mod:`ketamine_evidence.analysis.extract.event_sentences` reach F1 0.69 on ADE-Corpus-V2; a logistic regression
over word uni-, bi- and trigrams (drug names and event words replaced by placeholders) plus the rules' own
signals (verdict, causal-link strength, an event word, a drug) reaches more. It is trained on ADE-Corpus-V2
itself, so its figure is only ever measured by k-fold cross-validation grouped by PMID (no abstract in both
the training and the scored folds): :func:`cross_validate`. ``--folds 10``: precision 0.748, recall 0.787,
F1 0.767 [grouped CV] (0.763 before the trigrams; the issue's target 0.80 is not met). PHEE cannot serve
as an independent training set: 3,956 of its 4,827 sentences are ADE-Corpus positives.

Training needs scikit-learn; the shipped model (``analysis/lexicons/ade_sentence_model.json``, the
30,000 features with the largest weights, 0.9 MB) is scored in pure Python at run time by
``detect_adverse_event_sentence`` (no scikit-learn needed). Rebuild it with
``python -m ketamine_evidence.analysis.evaluation.ade_classifier --train``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Sequence

from ketamine_evidence.analysis.evaluation.metrics import Confusion
from ketamine_evidence.analysis.extract.event_sentences import MODEL_FILE, SentenceModel, sentence_features

MAX_FEATURES = 30000  # the shipped model keeps the features with the largest weights
C = 0.5  # inverse L2 regularisation strength
SEED = 13
INNER_FOLDS = 3  # grouped folds inside the training data that choose the threshold


def fit(feature_lists: Sequence[list[str]], labels: Sequence[bool], max_features: int = MAX_FEATURES,
        threshold: float = 0.0) -> SentenceModel:
    """Fit a logistic regression (scikit-learn) and keep the ``max_features`` largest weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in feature_lists])
    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=SEED)
    model.fit(x, list(labels))
    names = vectorizer.get_feature_names_out()
    coef = model.coef_[0]
    order = sorted(range(len(names)), key=lambda i: abs(coef[i]), reverse=True)[:max_features]
    return SentenceModel({str(names[i]): round(float(coef[i]), 4) for i in order}, round(float(model.intercept_[0]), 4),
                         threshold)


def _folds(groups: Sequence[str], k: int) -> list[int]:
    """A fold number per item, every group (PMID) wholly in one fold."""
    order = sorted(set(groups))
    random.Random(SEED).shuffle(order)
    fold_of = {g: i % k for i, g in enumerate(order)}
    return [fold_of[g] for g in groups]


def _confusion(predicted: Sequence[bool], labels: Sequence[bool]) -> Confusion:
    c = Confusion()
    for p, y in zip(predicted, labels):
        c.tp += p and y
        c.fp += p and not y
        c.fn += y and not p
        c.tn += not p and not y
    return c


def calibrate(feature_lists: Sequence[list[str]], labels: Sequence[bool], groups: Sequence[str],
              k: int = INNER_FOLDS) -> float:
    """The logit threshold that maximises F1 over grouped inner cross-validation of the given (training)
    sentences only, so that a scored fold never chooses its own threshold."""
    fold = _folds(groups, k)
    scores = [0.0] * len(labels)
    for f in range(k):
        model = fit([x for x, g in zip(feature_lists, fold) if g != f], [y for y, g in zip(labels, fold) if g != f])
        for i in (i for i, g in enumerate(fold) if g == f):
            scores[i] = model.score(feature_lists[i])
    grid = [t / 10 for t in range(-20, 21)]
    return max(grid, key=lambda t: (_confusion([s > t for s in scores], labels).f1, -abs(t)))


@dataclass
class CvResult(Confusion):
    folds: int = 0


def corpus(directory: Path) -> tuple[list[str], list[bool], list[str]]:
    """(sentences, labels, PMIDs) of ADE-Corpus-V2: distinct DRUG-AE.rel sentences positive, ADE-NEG negative.
    A sentence in both files counts once, as positive."""
    from ketamine_evidence.analysis.evaluation.ade_corpus import labelled_sentences

    rows = labelled_sentences(directory)
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def cross_validate(directory: Path, k: int = 10, limit: int | None = None, calibrated: bool = True) -> CvResult:
    """k-fold cross-validation grouped by PMID: every sentence is scored by a model that saw no sentence of
    its abstract, with a threshold chosen (``calibrated``) by inner grouped folds of the training part alone."""
    sentences, labels, pmids = corpus(directory)
    if limit is not None:
        chosen = random.Random(SEED).sample(range(len(sentences)), min(limit, len(sentences)))
        sentences, labels, pmids = ([seq[i] for i in chosen] for seq in (sentences, labels, pmids))
    feats = [sentence_features(s) for s in sentences]
    fold_of = _folds(pmids, k)
    result = CvResult(folds=k)
    for fold in range(k):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold]
        if not test:
            continue
        threshold = calibrate([feats[i] for i in train], [labels[i] for i in train], [pmids[i] for i in train]) \
            if calibrated else 0.0
        model = fit([feats[i] for i in train], [labels[i] for i in train], threshold=threshold)
        for i in test:
            predicted = model.accepts(feats[i])
            if predicted and labels[i]:
                result.tp += 1
            elif predicted:
                result.fp += 1
            elif labels[i]:
                result.fn += 1
            else:
                result.tn += 1
    return result


def train(directory: Path, out: Path) -> SentenceModel:
    """Fit the shipped model on the whole corpus and write it as JSON."""
    sentences, labels, pmids = corpus(directory)
    feats = [sentence_features(s) for s in sentences]
    model = fit(feats, labels, threshold=calibrate(feats, labels, pmids))
    out.write_text(json.dumps({"about": "ADE sentence classifier: logistic regression over ketamine_evidence.analysis.extract."
                                        "event_sentences.sentence_features, trained on all of ADE-Corpus-V2 by "
                                        "`python -m ketamine_evidence.analysis.evaluation.ade_classifier --train`",
                               "intercept": model.intercept, "threshold": model.threshold,
                               "weights": model.weights}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return model


def main(argv: list[str] | None = None) -> int:
    from ketamine_evidence.analysis.evaluation.ade_corpus import DEFAULT_DIR

    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.ade_classifier",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the ade_corpus_v2 directory")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--train", action="store_true", help="rebuild the shipped model from the whole corpus")
    parser.add_argument("--no-calibrate", action="store_true", help="threshold 0 on the logit (no inner folds)")
    args = parser.parse_args(argv)
    if args.train:
        out = Path(str(resources.files("ketamine_evidence.analysis.lexicons").joinpath(MODEL_FILE)))
        model = train(args.dir, out)
        print(f"wrote {out} ({len(model.weights)} weights)")
        return 0
    r = cross_validate(args.dir, args.folds, calibrated=not args.no_calibrate)
    print(f"{r.folds}-fold cross-validation grouped by PMID: precision {r.precision:.3f}  recall {r.recall:.3f}  "
          f"F1 {r.f1:.3f}  (tp {r.tp} fp {r.fp} fn {r.fn} tn {r.tn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
