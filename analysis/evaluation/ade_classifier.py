"""A learned adverse-event sentence classifier for case-report sentences about any drug (ADE-Corpus-V2).

The rules of :mod:`ketamine_evidence.analysis.extract.event_sentences` reach F1 0.69 on ADE-Corpus-V2; a logistic regression
over word uni-, bi- and trigrams (drug names and event words replaced by placeholders) plus the rules' own
signals (verdict, causal-link strength, an event word, a drug) reaches more; so do the same n-grams over a
gazetteer of the effect and drug phrases annotated in the training abstracts and over the effect and drug spans
that a token-level tagger learned from those phrases predicts (:mod:`ade_tagger`; :func:`training_features`:
both cross-fitted, so a training sentence never reads its own abstract's phrases nor a tagger that saw them). It
is trained on ADE-Corpus-V2 itself, so its figure is only ever measured by k-fold cross-validation grouped by PMID
(no abstract in both the training and the scored folds, the gazetteer and the tagger built from the training
folds only): :func:`cross_validate`. ``--folds 10``: precision 0.776, recall 0.826, F1 0.800 (7054 / 8817 =
0.80005; fold F1 0.768-0.828) [grouped CV]; without the tagger 0.778 (P 0.752, R 0.807; recorded before round 8,
not re-run), 0.767 without the gazetteer either, 0.763 before the trigrams. The issue's target 0.80 is met, by a
hair. PHEE cannot serve as an independent training set: 3,956 of its 4,827 sentences are ADE-Corpus positives,
and its 647 others added to the training folds lowered F1 (0.778 -> 0.774 at threshold 0; docs/adverse_events.md,
round 6).

Training needs scikit-learn; the shipped model (``analysis/lexicons/ade_sentence_model.json``, 2.5 MB: the
30,000 sentence features with the largest weights, the gazetteer of 2,976 effect and 1,033 drug phrases, and the
tagger's 40,000 features with the largest weights of 123,011, with which the classifier's verdict is the one of
the untruncated tagger on 20,854 of the 20,896 corpus sentences, 99.80%) is scored in pure Python at run time by
``detect_adverse_event_sentence`` (no scikit-learn needed). Rebuild it with
``python -m ketamine_evidence.analysis.evaluation.ade_classifier --train``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from ketamine_evidence.analysis.evaluation.ade_tagger import Spans, fit_tagger, sentence_spans, truncated
from ketamine_evidence.analysis.evaluation.metrics import Confusion
from ketamine_evidence.analysis.extract.event_sentences import (MODEL_FILE, Gazetteer, RuleSignals, SentenceModel,
                                                                rule_signals, sentence_features)

Annotations = dict[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]]

MAX_FEATURES = 30000  # the shipped model keeps the features with the largest weights
C = 0.5  # inverse L2 regularisation strength
SEED = 13
INNER_FOLDS = 3  # grouped folds inside the training data that choose the threshold
CROSS_FIT = 5  # parts of the training PMIDs: a training sentence's gazetteer never holds its own abstract's phrases
MAX_TAGGER_FEATURES = 40000  # the shipped span tagger keeps the features with the largest weights


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


def gazetteer(annotated: Annotations, pmids: Iterable[str]) -> Gazetteer:
    """The effect and drug phrases annotated in these abstracts."""
    effects: set[tuple[str, ...]] = set()
    drugs: set[tuple[str, ...]] = set()
    for pmid in set(pmids):
        if pmid in annotated:
            effects |= annotated[pmid][0]
            drugs |= annotated[pmid][1]
    return Gazetteer(frozenset(effects), frozenset(drugs))


def training_features(sentences: Sequence[str], signals: Sequence[RuleSignals], pmids: Sequence[str],
                      annotated: Annotations, spans: Spans | None = None) -> list[list[str]]:
    """Features of training sentences, cross-fitted: each reads a gazetteer built from the other
    ``CROSS_FIT - 1`` parts of the abstracts, as an unseen sentence reads one that lacks its abstract's phrases
    (with its own, every positive would find its effect and the model would trust the gazetteer too much), and,
    with ``spans``, the spans predicted by a tagger fitted on those other parts' annotated sentences alone."""
    part = _folds(pmids, CROSS_FIT)
    out: list[list[str]] = [[] for _ in sentences]
    for p in sorted(set(part)):
        rest = [i for i, q in enumerate(part) if q != p]
        gaz = gazetteer(annotated, (pmids[i] for i in rest))
        tagger = None if spans is None else fit_tagger([sentences[i] for i in rest], [signals[i] for i in rest], spans)
        for i in (i for i, q in enumerate(part) if q == p):
            out[i] = sentence_features(sentences[i], signals[i], gaz, tagger)
    return out


@dataclass
class CvResult(Confusion):
    folds: int = 0
    fold_f1: list[float] = field(default_factory=list)


def corpus(directory: Path) -> tuple[list[str], list[bool], list[str]]:
    """(sentences, labels, PMIDs) of ADE-Corpus-V2: distinct DRUG-AE.rel sentences positive, ADE-NEG negative.
    A sentence in both files counts once, as positive."""
    from ketamine_evidence.analysis.evaluation.ade_corpus import labelled_sentences

    rows = labelled_sentences(directory)
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def cross_validate(directory: Path, k: int = 10, limit: int | None = None, calibrated: bool = True,
                   use_gazetteer: bool = True, use_tagger: bool = True) -> CvResult:
    """k-fold cross-validation grouped by PMID: every sentence is scored by a model that saw no sentence of
    its abstract, with a gazetteer of the training abstracts' annotated phrases only (``use_gazetteer``), a span
    tagger fitted on the training abstracts' annotated sentences only (``use_tagger``, with the gazetteer) and a
    threshold chosen (``calibrated``) by inner grouped folds of the training part alone."""
    from ketamine_evidence.analysis.evaluation.ade_corpus import annotations

    sentences, labels, pmids = corpus(directory)
    if limit is not None:
        chosen = random.Random(SEED).sample(range(len(sentences)), min(limit, len(sentences)))
        sentences, labels, pmids = ([seq[i] for i in chosen] for seq in (sentences, labels, pmids))
    signals = [rule_signals(s) for s in sentences]
    annotated: Annotations = annotations(directory) if use_gazetteer else {}
    spans = sentence_spans(directory) if use_gazetteer and use_tagger else None
    fold_of = _folds(pmids, k)
    result = CvResult(folds=k)
    for fold in range(k):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold]
        if not test:
            continue
        tr_pmids = [pmids[i] for i in train]
        if use_gazetteer:
            feats = training_features([sentences[i] for i in train], [signals[i] for i in train], tr_pmids, annotated,
                                      spans)
            gaz: Gazetteer | None = gazetteer(annotated, tr_pmids)
            tagger = None if spans is None else fit_tagger([sentences[i] for i in train],
                                                           [signals[i] for i in train], spans)
        else:
            feats, gaz, tagger = [sentence_features(sentences[i], signals[i]) for i in train], None, None
        tr_labels = [labels[i] for i in train]
        threshold = calibrate(feats, tr_labels, tr_pmids) if calibrated else 0.0
        model = fit(feats, tr_labels, threshold=threshold)
        predicted = [model.accepts(sentence_features(sentences[i], signals[i], gaz, tagger)) for i in test]
        c = _confusion(predicted, [labels[i] for i in test])
        result.tp, result.fp, result.fn, result.tn = (result.tp + c.tp, result.fp + c.fp, result.fn + c.fn,
                                                      result.tn + c.tn)
        result.fold_f1.append(round(c.f1, 4))
    return result


def train(directory: Path, out: Path, max_tagger_features: int = MAX_TAGGER_FEATURES) -> SentenceModel:
    """Fit the shipped model on the whole corpus (cross-fitted gazetteer and span-tagger features) and write it as
    JSON with the gazetteer of every annotated phrase and the span tagger fitted on every annotated sentence,
    truncated to its ``max_tagger_features`` largest weights; print on how many corpus sentences the truncated
    and the full tagger give the same verdict."""
    from ketamine_evidence.analysis.evaluation.ade_corpus import annotations

    sentences, labels, pmids = corpus(directory)
    annotated, spans = annotations(directory), sentence_spans(directory)
    signals = [rule_signals(s) for s in sentences]
    feats = training_features(sentences, signals, pmids, annotated, spans)
    model = fit(feats, labels, threshold=calibrate(feats, labels, pmids))
    gaz = gazetteer(annotated, pmids)
    full = fit_tagger(sentences, signals, spans)
    shipped = truncated(full, max_tagger_features)
    same = sum(model.accepts(sentence_features(s, g, gaz, full)) == model.accepts(sentence_features(s, g, gaz, shipped))
               for s, g in zip(sentences, signals))
    print(f"span tagger: {len(shipped.weights)} of {len(full.weights)} features kept; the same verdict on "
          f"{same} of {len(sentences)} corpus sentences ({same / len(sentences):.4f})")
    out.write_text(json.dumps({"about": "ADE sentence classifier: logistic regression over ketamine_evidence.analysis.extract."
                                        "event_sentences.sentence_features with the gazetteer of ADE-Corpus-V2's "
                                        "annotated effect and drug phrases and the span tagger (ade_span_tagger; "
                                        "AE and DRG weights minus O's), trained on all of ADE-Corpus-V2 by "
                                        "`python -m ketamine_evidence.analysis.evaluation.ade_classifier --train`",
                               "intercept": model.intercept, "threshold": model.threshold,
                               "gazetteer": {"effects": sorted(" ".join(p) for p in gaz.effects),
                                             "drugs": sorted(" ".join(p) for p in gaz.drugs)},
                               "tagger": shipped.as_json(),
                               "weights": model.weights}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return replace(model, gazetteer=gaz, tagger=shipped)


def main(argv: list[str] | None = None) -> int:
    from ketamine_evidence.analysis.evaluation.ade_corpus import DEFAULT_DIR

    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.ade_classifier",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the ade_corpus_v2 directory")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--train", action="store_true", help="rebuild the shipped model from the whole corpus")
    parser.add_argument("--no-calibrate", action="store_true", help="threshold 0 on the logit (no inner folds)")
    parser.add_argument("--no-gazetteer", action="store_true", help="without the annotated-phrase gazetteer features")
    parser.add_argument("--no-tagger", action="store_true", help="without the span-tagger features")
    args = parser.parse_args(argv)
    if args.train:
        out = Path(str(resources.files("ketamine_evidence.analysis.lexicons").joinpath(MODEL_FILE)))
        model = train(args.dir, out)
        print(f"wrote {out} ({len(model.weights)} weights)")
        return 0
    r = cross_validate(args.dir, args.folds, calibrated=not args.no_calibrate, use_gazetteer=not args.no_gazetteer,
                       use_tagger=not args.no_tagger)
    print(f"{r.folds}-fold cross-validation grouped by PMID: precision {r.precision:.3f}  recall {r.recall:.3f}  "
          f"F1 {r.f1:.3f}  (tp {r.tp} fp {r.fp} fn {r.fn} tn {r.tn}); fold F1 {min(r.fold_f1):.3f}-{max(r.fold_f1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
