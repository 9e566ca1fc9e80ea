"""A fixed article split of Evidence Inference for writing direction rules from its errors (round 10, branch pe6).

The prompts are the clear-majority prompts with an annotators' evidence span (``load_prompts(outcomes="all")``,
as ``direction_training.given_examples``) whose article is neither one of the 79 local pain articles
(``articles/*.nxml`` of the corpus: blind4 and the chronic hold-out are drawn from them) nor in any pool split
(``data/eval/pool/split*.json``, ``data/eval/ei_blind4/split_blind4.json``). Their articles are split by a fixed
hash of the PMCID: ``EI-read`` (errors may be read to write rules) and ``EI-check`` (scored only, never read).

``rules_figure`` is the rules' figure of ``direction_training`` on the given spans (``example``: ``answer`` on the
span as the one sentence, the span as the article text) without the model's cross-validation.

Run: ``python -m ketamine_evidence.analysis.evaluation.ei_split [--show-errors] [ROOT]`` (errors of EI-read only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from ketamine_evidence.analysis.evaluation.ei_corpus import DEFAULT_ROOT, Prompt, load_prompts, score, span_sentence
from ketamine_evidence.analysis.evaluation.evidence_inference import answer

_DATA = Path(__file__).resolve().parents[2] / "data" / "eval"
SALT = "pe6-ei-read"


def excluded_pmcids(root: Path = DEFAULT_ROOT, data: Path = _DATA) -> set[str]:
    """Numeric PMCIDs never read here: the local pain articles and every article of a pool or blind4 split."""
    out = {p.stem.removeprefix("PMC") for p in (root / "articles").glob("PMC*.nxml")}
    for f in [*sorted((data / "pool").glob("split*.json")), data / "ei_blind4" / "split_blind4.json"]:
        for value in json.loads(f.read_text(encoding="utf-8")).values():
            if isinstance(value, list):
                out |= {str(p).removeprefix("PMC") for p in value}
    return out


def is_read(pmcid: str) -> bool:
    """EI-read or EI-check: the first 8 hex digits of SHA-256(SALT:PMCID), even -> read."""
    return int(hashlib.sha256(f"{SALT}:{pmcid}".encode()).hexdigest()[:8], 16) % 2 == 0


def split_prompts(root: Path = DEFAULT_ROOT) -> tuple[list[Prompt], list[Prompt]]:
    """(EI-read, EI-check): the clear-majority prompts with an evidence span outside the excluded articles."""
    prompts = [p for p in load_prompts(root, "all", require_article=False, exclude=excluded_pmcids(root)) if p.evidence]
    return [p for p in prompts if is_read(p.pmcid)], [p for p in prompts if not is_read(p.pmcid)]


def rules_label(p: Prompt) -> str:
    """The rules' label on the annotators' first span (as ``direction_training.example`` reads it)."""
    text = p.evidence[0]
    return answer(p, [span_sentence(text)], text).label


def rules_figure(prompts: list[Prompt]) -> tuple[dict[str, Any], list[tuple[Prompt, str]]]:
    """Accuracy and macro-F1 of the rules, and the (prompt, rules' label) pairs it scored."""
    pairs = [(p, rules_label(p)) for p in prompts]
    s = score([{"gold": p.label, "predicted": label} for p, label in pairs])
    return {"n": len(pairs), "articles": len({p.pmcid for p in prompts}), "accuracy": round(s["accuracy"], 4),
            "macro_f1": round(s["macro_f1"], 4)}, pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.ei_split",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT, help="the evidence_inference directory")
    parser.add_argument("--show-errors", action="store_true", help="print the rules' errors on EI-read (never EI-check)")
    args = parser.parse_args(argv)
    read_set, check_set = split_prompts(args.root)
    read_fig, read_pairs = rules_figure(read_set)
    check_fig, _ = rules_figure(check_set)
    print(json.dumps({"ei_read": read_fig, "ei_check": check_fig}, indent=2))
    if args.show_errors:
        for p, label in read_pairs:
            if label != p.label:
                print(json.dumps({"prompt_id": p.prompt_id, "pmcid": p.pmcid, "outcome": p.outcome,
                                  "intervention": p.intervention, "comparator": p.comparator, "gold": p.label,
                                  "rules": label, "span": p.evidence[0]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
