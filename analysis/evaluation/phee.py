"""Negation of adverse events scored on PHEE (Sun et al. 2022): is each annotated effect negated?

Every ``Adverse_event`` of PHEE's train/dev/test files with an ``Effect`` span is read; the gold label
is its ``Negated`` attribute; the prediction is ``ketamine_evidence.analysis.extract.event_negation.is_negated`` on the
effect's first character (the same NegEx/ConText triggers the extractor uses). Nothing is fitted.

Run: ``python -m ketamine_evidence.analysis.evaluation.phee [--dir DIR]``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ketamine_evidence.analysis.evaluation.metrics import Confusion
from ketamine_evidence.analysis.extract.event_negation import is_negated
from ketamine_evidence.base.errors import InputError

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "external" / "phee"


@dataclass
class NegationResult(Confusion):
    """Negated (positive class) vs occurred adverse-event effects."""

    def summary(self) -> str:
        return (f"PHEE adverse-event negation: {self.tp + self.fp + self.fn + self.tn} effects, "
                f"{self.tp + self.fn} negated; accuracy {self.accuracy:.3f}; negated class precision "
                f"{self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
                f"(tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})")


def effects(directory: Path) -> Iterator[tuple[str, int, int, bool]]:
    """(sentence, effect start, effect end, negated) for every adverse event with an effect span."""
    for name in ("train.json", "dev.json", "test.json"):
        path = Path(directory) / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            for event in record["annotations"][0]["events"]:
                effect = event.get("Effect")
                if event.get("event_type") != "Adverse_event" or not effect:
                    continue
                start = effect["start"][0][0]
                end = start + len(effect["text"][0][0])
                negated = bool(event.get("Negated", {}).get("value"))
                yield record["context"], start, end, negated


def evaluate_negation(directory: Path = DEFAULT_DIR) -> NegationResult:
    result = NegationResult()
    for text, start, end, gold in effects(directory):
        predicted = is_negated(text, start, end)
        if predicted and gold:
            result.tp += 1
        elif predicted:
            result.fp += 1
        elif gold:
            result.fn += 1
        else:
            result.tn += 1
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.phee", description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the phee directory (train/dev/test.json)")
    args = parser.parse_args(argv)
    try:
        print(evaluate_negation(args.dir).summary())
    except InputError as exc:
        print(f"phee: error: {exc}")
        return 7
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
