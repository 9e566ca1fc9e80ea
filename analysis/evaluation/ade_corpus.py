"""Adverse-event sentence detection scored on ADE-Corpus-V2 (Gurulingappa et al. 2012).

Positive sentences are the distinct sentences of ``DRUG-AE.rel`` (each names a drug and an adverse
effect it caused); negatives are the sentences of ``ADE-NEG.txt``. Each is classified by
``ketamine_evidence.analysis.extract.event_sentences.detect_adverse_event_sentence`` with no drug given (case reports
about any drug), the same function the extractor uses on abstracts: first by its rules alone (nothing
fitted to the corpus), then, since its learned classifier is trained on this corpus, by k-fold
cross-validation grouped by PMID (:mod:`ketamine_evidence.analysis.evaluation.ade_classifier`; needs scikit-learn).

Run: ``python -m ketamine_evidence.analysis.evaluation.ade_corpus [--dir DIR] [--limit N] [--errors K] [--cv K]`` or
``ketamine-evidence evaluate --external ade-corpus`` (the rules' figure only).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ketamine_evidence.analysis.evaluation.metrics import Confusion
from ketamine_evidence.analysis.extract.event_sentences import SentenceModel, detect_adverse_event_sentence, phrase_tokens
from ketamine_evidence.base.errors import InputError

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "external" / "ade_corpus_v2"


@dataclass
class AdeResult(Confusion):
    """Confusion counts of sentence classification, with a few misclassified sentences to read."""

    seconds: float = 0.0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "positives": self.tp + self.fn, "negatives": self.fp + self.tn, "seconds": round(self.seconds, 2)}

    def summary_lines(self) -> list[str]:
        return [f"ADE-Corpus-V2 adverse-event sentence detection: {self.tp + self.fn} positive, "
                f"{self.fp + self.tn} negative sentences ({self.seconds:.1f} s)",
                f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})"]


def _read(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def positive_sentences(directory: Path) -> list[str]:
    """Distinct sentences of DRUG-AE.rel (``PMID|sentence|effect|...``), in file order."""
    seen: dict[str, None] = {}
    for line in _read(Path(directory) / "DRUG-AE.rel"):
        parts = line.split("|")
        if len(parts) >= 2 and parts[1].strip():
            seen.setdefault(parts[1].strip(), None)
    return list(seen)


def negative_sentences(directory: Path) -> list[str]:
    """Sentences of ADE-NEG.txt (``PMID NEG sentence``)."""
    out = []
    for line in _read(Path(directory) / "ADE-NEG.txt"):
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] == "NEG" and parts[2].strip():
            out.append(parts[2].strip())
    return out


def labelled_sentences(directory: Path) -> list[tuple[str, bool, str]]:
    """(sentence, is positive, PMID) for every distinct sentence; one in both files counts as positive."""
    rows: dict[str, tuple[str, bool, str]] = {}
    for line in _read(Path(directory) / "DRUG-AE.rel"):
        parts = line.split("|")
        if len(parts) >= 2 and parts[1].strip():
            rows.setdefault(parts[1].strip(), (parts[1].strip(), True, parts[0]))
    for line in _read(Path(directory) / "ADE-NEG.txt"):
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] == "NEG" and parts[2].strip():
            rows.setdefault(parts[2].strip(), (parts[2].strip(), False, parts[0]))
    return list(rows.values())


def annotations(directory: Path) -> dict[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]]:
    """PMID -> (adverse-effect phrases, drug phrases) annotated in DRUG-AE.rel
    (``PMID|sentence|effect|start|end|drug|start|end``), each as lower-cased word tuples."""
    out: dict[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]] = {}
    for line in _read(Path(directory) / "DRUG-AE.rel"):
        parts = line.split("|")
        if len(parts) < 6:
            continue
        effects, drugs = out.setdefault(parts[0], (set(), set()))
        for phrase, into in ((phrase_tokens(parts[2]), effects), (phrase_tokens(parts[5]), drugs)):
            if phrase:
                into.add(phrase)
    return out


def _interleave(pos: list[str], neg: list[str], limit: int | None) -> Iterator[tuple[str, bool]]:
    """Positives and negatives in their corpus proportion, so that a ``limit`` keeps a fair slice."""
    total = len(pos) + len(neg)
    take = total if limit is None else min(limit, total)
    n_pos = round(take * len(pos) / total) if total else 0
    yield from ((s, True) for s in pos[:n_pos])
    yield from ((s, False) for s in neg[:take - n_pos])


def evaluate_corpus(directory: Path = DEFAULT_DIR, limit: int | None = None, keep_errors: int = 5,
                    model: SentenceModel | bool = False) -> AdeResult:
    """Classify every (or the first ``limit``) corpus sentence and count agreements with its label: by the
    rules alone (``model=False``, the default: nothing fitted to the corpus), or with a learned model (the
    shipped one with ``model=True``: in-sample, for checking only; its honest figure is
    :func:`ketamine_evidence.analysis.evaluation.ade_classifier.cross_validate`)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"ADE-Corpus directory {directory} does not exist")
    result = AdeResult()
    started = time.perf_counter()
    for sentence, label in _interleave(positive_sentences(directory), negative_sentences(directory), limit):
        predicted = detect_adverse_event_sentence(sentence, model=None if model is True else model)
        if predicted and label:
            result.tp += 1
        elif predicted:
            result.fp += 1
            if len(result.false_positives) < keep_errors:
                result.false_positives.append(sentence)
        elif label:
            result.fn += 1
            if len(result.false_negatives) < keep_errors:
                result.false_negatives.append(sentence)
        else:
            result.tn += 1
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.ade_corpus", description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the ade_corpus_v2 directory")
    parser.add_argument("--limit", type=int, help="score only this many sentences (a proportional slice)")
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified sentences of each kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cv", type=int, default=5, metavar="K",
                        help="also cross-validate the learned classifier with K folds grouped by PMID (0: skip)")
    args = parser.parse_args(argv)
    try:
        result = evaluate_corpus(args.dir, args.limit, keep_errors=args.errors)
    except InputError as exc:
        print(f"ade_corpus: error: {exc}")
        return 7
    cv = None
    if args.cv:
        try:
            from ketamine_evidence.analysis.evaluation.ade_classifier import cross_validate
            cv = cross_validate(args.dir, args.cv, limit=args.limit)
        except ImportError:
            print("ade_corpus: scikit-learn is not installed: no cross-validation of the learned classifier")
    if args.json:
        out = {"rules": result.as_dict()}
        if cv is not None:
            out["learned_cv"] = {"folds": cv.folds, "precision": round(cv.precision, 4),
                                 "recall": round(cv.recall, 4), "f1": round(cv.f1, 4),
                                 "tp": cv.tp, "fp": cv.fp, "fn": cv.fn, "tn": cv.tn}
        print(json.dumps(out, indent=2))
    else:
        print("\n".join(result.summary_lines()))
        if cv is not None:
            print(f"learned classifier, {cv.folds}-fold cross-validation grouped by PMID: precision "
                  f"{cv.precision:.3f}  recall {cv.recall:.3f}  F1 {cv.f1:.3f}  "
                  f"(tp {cv.tp} fp {cv.fp} fn {cv.fn} tn {cv.tn})")
    for title, sentences in (("false positives", result.false_positives), ("false negatives", result.false_negatives)):
        if args.errors:
            print(f"-- {title}:")
            print("\n".join(f"   {s}" for s in sentences[:args.errors]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
