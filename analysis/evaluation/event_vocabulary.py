"""Recall of the adverse-event vocabulary on labelled effect phrases of ADE-Corpus and PHEE.

Every effect span of ADE-Corpus v2 (``DRUG-AE.rel``, column 3) and every ``Effect`` of a PHEE
``Adverse_event`` is read as a phrase; it counts as mapped when the extractor's term matcher
(``event_terms.LEXICON``) finds in it a wording of some event (a preferred term or ``other``; the
general words 'adverse event', 'toxicity' name none). The share mapped is the vocabulary's recall on
a pharmacovigilance sample of the words used for harms; the most frequent unmapped phrases (lower-cased,
spaces collapsed) show what the vocabulary lacks. Nothing is fitted; no sentence context is read.

Run: ``python -m ketamine_evidence.analysis.evaluation.event_vocabulary [--missing N]``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ketamine_evidence.analysis.evaluation import phee
from ketamine_evidence.analysis.extract.event_terms import LEXICON
from ketamine_evidence.base.errors import InputError

EXTERNAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "external"


@dataclass
class Coverage:
    """How many effect phrases of one corpus the term matcher maps to an event."""

    corpus: str
    phrases: int = 0
    mapped: int = 0
    missing: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.mapped / self.phrases if self.phrases else 0.0

    def summary(self) -> str:
        return f"{self.corpus}: {self.mapped} of {self.phrases} effect phrases mapped to an event (recall {self.recall:.3f})"


def normalise(phrase: str) -> str:
    """Lower case, spaces collapsed, outer punctuation dropped: how unmapped phrases are counted."""
    return re.sub(r"\s+", " ", phrase.lower()).strip(" .,;:")


def event_terms(phrase: str) -> tuple[str, ...]:
    """The preferred terms (``other`` included) of the first event wording the matcher finds in ``phrase``."""
    for match in LEXICON.regex.finditer(phrase):
        kind, terms = LEXICON.classify(match.group(0))
        if kind == "term":
            return terms
    return ()


def ade_corpus_effects(directory: Path) -> list[str]:
    """The effect phrase of every drug-effect relation in ADE-Corpus v2 (one per line of DRUG-AE.rel)."""
    path = Path(directory) / "DRUG-AE.rel"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return [line.split("|")[2] for line in lines if line.count("|") >= 7]


def phee_effects(directory: Path) -> list[str]:
    """The effect phrase of every PHEE adverse event with an effect span (train, dev and test)."""
    return [text[start:end] for text, start, end, _ in phee.effects(directory)]


def coverage(corpus: str, phrases: Iterable[str]) -> Coverage:
    result = Coverage(corpus)
    for phrase in phrases:
        result.phrases += 1
        if event_terms(phrase):
            result.mapped += 1
        else:
            result.missing[normalise(phrase)] += 1
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--external", type=Path, default=EXTERNAL, help="folder holding ade_corpus_v2/ and phee/")
    parser.add_argument("--missing", type=int, default=0, help="print the N most frequent unmapped phrases")
    args = parser.parse_args(argv)
    for result in (coverage("ADE-Corpus", ade_corpus_effects(args.external / "ade_corpus_v2")),
                   coverage("PHEE", phee_effects(args.external / "phee"))):
        print(result.summary())
        for phrase, count in result.missing.most_common(args.missing):
            print(f"  {count:4d}  {phrase}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
